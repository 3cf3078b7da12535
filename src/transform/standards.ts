// Standards in the text meet the catalogue: a citation missing part of its
// identifier becomes a citation of the one catalogued standard it can mean, and
// the standards cited become the annex's rows with their official facts.
import type { VFile } from 'vfile';
import type { Inline, StandardRef, Text } from '../model/document.js';
import type { CatalogueEntry, CitedStandard, StandardKind } from '../model/standards.js';
import { inlineLists, inlineNodes, type Walkable } from '../model/walk.js';
import type { Catalogue } from '../read/catalogue.js';
import type { StatusEntry } from '../read/frontmatter.js';
import { advance } from '../read/inline.js';
import { findMalformedStandards, parseStandardId, quotedTitleAfter, standardKey, standardUrl, type MalformedMatch } from '../read/standards.js';
import { warn } from '../diagnostics/report.js';

export function entryUrl(entry: Pick<CatalogueEntry, 'id' | 'kind'>): string {
  const { sector, numbers } = parseStandardId(entry.id)!;
  return standardUrl(sector, numbers[0]!, entry.kind === 'report' ? 'report' : 'rec');
}

/** The identifier a malformed citation can only mean, or undefined when it could mean none or several. */
export function intendedStandard(match: MalformedMatch, catalogue: Catalogue | undefined): { id: string; url: string } | undefined {
  if (match.series) {
    const id = `ITU-${match.sector} ${match.series}.${match.number}`;
    const entry = catalogue?.byKey.get(standardKey(id)!);
    return entry ? { id: entry.id, url: entryUrl(entry) } : { id, url: standardUrl(match.sector, `${match.series}.${match.number}`, 'rec') };
  }
  const candidates = (catalogue?.entries ?? []).filter((entry) => {
    const parsed = parseStandardId(entry.id)!;
    return parsed.sector === match.sector && parsed.numbers.some((n) => n.replace(/^[A-Z]{1,3}\./, '') === match.number);
  });
  if (candidates.length !== 1) return undefined;
  const entry = candidates[0]!;
  const { numbers } = parseStandardId(entry.id)!;
  const number = numbers.find((n) => n.replace(/^[A-Z]{1,3}\./, '') === match.number)!;
  return { id: `ITU-${match.sector} ${number}`, url: entryUrl(entry) };
}

/** Where a text node's characters stand, when its position covers exactly its value. */
export function exactPlaces(node: Text) {
  const position = node.position;
  if (!position) return undefined;
  const end = advance(position.start, node.value, node.value.length);
  if (end.line !== position.end.line || end.column !== position.end.column) return undefined;
  return (from: number, to: number) => ({ start: advance(position.start, node.value, from), end: advance(position.start, node.value, to) });
}

function split(node: Text, catalogue: Catalogue | undefined): Inline[] {
  const matches = findMalformedStandards(node.value)
    .map((match) => ({ match, intended: intendedStandard(match, catalogue) }))
    .filter((m) => m.intended);
  if (matches.length === 0) return [node];
  const places = exactPlaces(node);
  const place = (from: number, to: number) => (places ? places(from, to) : node.position);
  const out: Inline[] = [];
  let last = 0;
  for (const { match, intended } of matches) {
    if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index), position: place(last, match.index) });
    const end = match.index + match.text.length;
    const quotedTitle = quotedTitleAfter(node.value, end);
    const ref: StandardRef = {
      type: 'standard',
      id: intended!.id,
      text: match.text,
      url: intended!.url,
      malformed: true,
      ...(quotedTitle === undefined ? {} : { quotedTitle }),
      position: place(match.index, end),
    };
    out.push(ref);
    last = end;
  }
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last), position: place(last, node.value.length) });
  return out;
}

export function resolveMalformedStandards(document: Walkable, catalogue: Catalogue | undefined): void {
  for (const list of inlineLists(document)) {
    for (let i = list.length - 1; i >= 0; i--) {
      const node = list[i]!;
      if (node.type === 'text') list.splice(i, 1, ...split(node, catalogue));
    }
  }
}

function kindOf(ref: StandardRef): StandardKind {
  if (/-REP-/.test(ref.url)) return 'report';
  return parseStandardId(ref.id)?.numbers[0]!.includes('.Sup') ? 'supplement' : 'recommendation';
}

/**
 * The annex: each standard the text cites, once, in order of first citation, with the catalogue's
 * facts and the status the front matter gives. A status for a standard the text does not cite is
 * reported here, where the statuses are read.
 */
export function citedStandards(document: Walkable, catalogue: Catalogue | undefined, statuses: StatusEntry[], file: VFile): CitedStandard[] {
  const statusByKey = new Map<string, StatusEntry>();
  for (const entry of statuses) {
    const key = standardKey(entry.id);
    if (!key) {
      warn(file, `"${entry.id}" is not an ITU identifier: write it as ITU-T Y.4113, ITU-T Y.Sup42 or ITU-R SM.2153`, entry.position, 'standard-status');
    } else statusByKey.set(key, entry);
  }
  const cited = new Map<string, CitedStandard>();
  for (const node of inlineNodes(document)) {
    if (node.type !== 'standard') continue;
    const key = standardKey(node.id);
    if (!key || cited.has(key)) continue;
    const entry = catalogue?.byKey.get(key);
    const status = statusByKey.get(key)?.status;
    const facts = entry
      ? { id: entry.id, title: entry.title, kind: entry.kind, url: entryUrl(entry), catalogued: true, ...(entry.edition ? { edition: entry.edition } : {}) }
      : { id: node.id, title: node.quotedTitle ?? '', kind: kindOf(node), url: node.url, catalogued: false };
    cited.set(key, { ...facts, ...(status ? { status } : {}) });
  }
  for (const [key, entry] of statusByKey) {
    if (!cited.has(key)) {
      warn(file, `${entry.id} has a status but the text does not cite it: remove it from "standards"`, entry.position, 'standard-status');
    }
  }
  return [...cited.values()];
}
