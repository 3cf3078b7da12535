// Standards in the text meet the catalogue: a citation missing part of its
// identifier becomes a citation of the one catalogued standard it can mean, and
// the standards cited become the annex's rows with their official facts.
import type { VFile } from 'vfile';
import type { Inline, StandardRef, Text } from '../model/document.js';
import type { CitedStandard, StandardKind } from '../model/standards.js';
import { inlineLists, inlineNodes, type Walkable } from '../model/walk.js';
import type { Catalogue } from '../read/catalogue.js';
import type { StatusEntry } from '../read/frontmatter.js';
import { advance } from '../read/inline.js';
import { findMalformedStandards, kindOfId, parseStandardId, quotedTitleAfter, standardKey, standardPage, type MalformedMatch } from '../read/standards.js';
import { warn } from '../diagnostics/report.js';

/** The identifier a malformed citation can only mean, or undefined when it could mean none or several. */
export function intendedStandard(match: MalformedMatch, catalogue: Catalogue | undefined): { id: string; kind: StandardKind } | undefined {
  if (match.series) {
    const id = `ITU-${match.sector} ${match.series}.${match.number}`;
    const entry = catalogue?.byKey.get(standardKey(id)!);
    return { id: entry?.id ?? id, kind: entry?.kind ?? kindOfId(parseStandardId(id)!) };
  }
  const candidates = (catalogue?.entries ?? []).filter((entry) => {
    const parsed = parseStandardId(entry.id)!;
    return parsed.sector === match.sector && parsed.numbers.some((n) => n.replace(/^[A-Z]{1,3}\./, '') === match.number);
  });
  if (candidates.length !== 1) return undefined;
  const entry = candidates[0]!;
  const { numbers } = parseStandardId(entry.id)!;
  const number = numbers.find((n) => n.replace(/^[A-Z]{1,3}\./, '') === match.number)!;
  return { id: `ITU-${match.sector} ${number}`, kind: entry.kind };
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
    const url = standardPage(parseStandardId(intended!.id)!, intended!.kind);
    const ref: StandardRef = {
      type: 'standard',
      id: intended!.id,
      text: match.text,
      kind: intended!.kind,
      ...(url === undefined ? {} : { url }),
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

/**
 * The annex: each standard the text cites, once, in order of first citation, with the catalogue's
 * facts and the status the front matter gives. A status for a standard the text does not cite is
 * reported here, where the statuses are read.
 *
 * Each citation then takes its row's kind and draft-ness, so the text links what the annex links:
 * "ITU-R SM.2153" written without "Report" is the catalogue's report (R-REP), and a draft is linked
 * nowhere. The text keeps its own order of a dual number (L.1603/Y.4903 links L.1603's page, which
 * is the same Recommendation's).
 */
export function citedStandards(document: Walkable, catalogue: Catalogue | undefined, statuses: StatusEntry[], file: VFile): CitedStandard[] {
  const statusByKey = new Map<string, StatusEntry>();
  for (const entry of statuses) {
    const key = standardKey(entry.id);
    if (!key) {
      warn(file, `"${entry.id}" is not an ITU identifier: write it as ITU-T Y.4113, ITU-T Y.Sup42 or ITU-R SM.2153`, entry.position, 'standard-status');
    } else statusByKey.set(key, entry);
  }
  // Every citation of each standard, standards in order of first citation.
  const citations = new Map<string, StandardRef[]>();
  for (const node of inlineNodes(document)) {
    if (node.type !== 'standard') continue;
    const key = standardKey(node.id);
    if (!key) continue;
    const seen = citations.get(key);
    if (seen) seen.push(node);
    else citations.set(key, [node]);
  }
  const cited: CitedStandard[] = [];
  for (const [key, nodes] of citations) {
    const first = nodes[0]!;
    const entry = catalogue?.byKey.get(key);
    const status = statusByKey.get(key)?.status;
    const id = entry?.id ?? first.id;
    // The catalogue knows what it lists; of a standard it does not list, "Report" in any citation
    // says more than its absence in another, and the first title quoted is the title.
    const kind = entry?.kind ?? (nodes.some((n) => n.kind === 'report') ? 'report' : kindOfId(parseStandardId(id)!));
    const draft = status === 'draft';
    const url = standardPage(parseStandardId(id)!, kind, draft);
    cited.push({
      id,
      title: entry?.title ?? nodes.find((n) => n.quotedTitle !== undefined)?.quotedTitle ?? '',
      ...(entry?.edition ? { edition: entry.edition } : {}),
      kind,
      ...(status ? { status } : {}),
      ...(url === undefined ? {} : { url }),
      catalogued: entry !== undefined,
    });
    for (const node of nodes) {
      node.kind = kind;
      const page = standardPage(parseStandardId(node.id)!, kind, draft);
      if (page === undefined) delete node.url;
      else node.url = page;
    }
  }
  for (const [key, entry] of statusByKey) {
    if (!citations.has(key)) {
      warn(file, `${entry.id} has a status but the text does not cite it: remove it from "standards"`, entry.position, 'standard-status');
    }
  }
  return cited;
}
