// source/standards.yaml: the official identifier, title, edition and kind of
// the standards documents cite. One catalogue serves every source of its
// folder; its problems are reported at their line in the catalogue itself.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LineCounter, isNode } from 'yaml';
import { parseYaml, yamlData } from './yaml-problems.js';
import { forbiddenInText, forbiddenInYamlEscapes } from './forbidden-characters.js';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import * as z from 'zod';
import type { CatalogueEntry } from '../model/standards.js';
import { errorIn } from '../diagnostics/report.js';
import { kindOfId, parseStandardId, standardKey } from './standards.js';
import { withoutInvisible } from '../model/characters.js';

export const CATALOGUE_FILE = 'standards.yaml';

export interface Catalogue {
  path: string;
  entries: CatalogueEntry[];
  /** Entries by standardKey(), so "L.1603/Y.4903" finds "Y.4903/L.1603". */
  byKey: Map<string, CatalogueEntry>;
}

const entrySchema = z.strictObject({
  id: z.string({ error: 'expected the identifier as text, e.g. ITU-T Y.4113' }).refine((id) => parseStandardId(id) !== undefined, {
    error: 'not an ITU identifier: write it as ITU-T Y.4113, ITU-T Y.4903/L.1603, ITU-T Y.Sup42 or ITU-R SM.2153',
  }),
  title: z.string({ error: 'expected the official title as text' }).trim().min(1, { error: 'the title is empty' }),
  edition: z
    .string({ error: 'expected the edition as YYYY-MM' })
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { error: 'expected the edition as YYYY-MM, e.g. 2016-09' })
    .optional(),
  kind: z.enum(['recommendation', 'supplement', 'report'], { error: 'expected recommendation, supplement or report' }).optional(),
});

export function cataloguePath(sourcePath: string): string {
  return join(dirname(sourcePath), CATALOGUE_FILE);
}

interface Problem {
  reason: string;
  place: Position;
}

interface Loaded {
  text: string;
  catalogue?: Catalogue;
  problems: Problem[];
}

// A batch reads one catalogue for every source of a folder: it is parsed and
// checked once per content, and its problems are reported on each source.
const loaded = new Map<string, Loaded>();

/** The catalogue next to a source, or undefined when there is none or it is not YAML (errors on `file`). */
export function readCatalogue(sourcePath: string, file: VFile): Catalogue | undefined {
  const path = cataloguePath(sourcePath);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let result = loaded.get(path);
  if (result?.text !== text) {
    result = parseCatalogue(path, text);
    loaded.set(path, result);
  }
  for (const { reason, place } of result.problems) errorIn(file, path, reason, place, 'catalogue');
  return result.catalogue;
}

function parseCatalogue(path: string, text: string): Loaded {
  const problems: Problem[] = [];
  const report = (reason: string, place: Position) => problems.push({ reason, place });
  const lines = new LineCounter();
  const at = (range: readonly number[] | null | undefined): Position => {
    const start = lines.linePos(range?.[0] ?? 0);
    const end = lines.linePos(range?.[1] ?? range?.[0] ?? 0);
    return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
  };
  const read = parseYaml(text, { lineCounter: lines, uniqueKeys: true });
  if ('problem' in read) {
    report(`standards catalogue: ${read.problem.reason}`, at(read.problem.range));
    return { text, problems };
  }
  const { doc } = read;
  for (const { offset, reason } of [...forbiddenInText(text), ...forbiddenInYamlEscapes(doc, text)]) {
    report(`standards catalogue: ${reason}`, at([offset]));
  }
  const placeOf = (path: PropertyKey[]): Position => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return at(node.range);
    }
    return at(undefined);
  };
  if (doc.errors.length > 0) {
    for (const problem of doc.errors) {
      report(`standards catalogue: ${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, at(problem.pos));
    }
    return { text, problems };
  }
  const data = yamlData(doc);
  if ('problem' in data) {
    report(`standards catalogue: ${data.problem.reason}`, at(data.problem.range));
    return { text, problems };
  }
  const raw: unknown = data.data ?? [];
  if (!Array.isArray(raw)) {
    report('standards catalogue: expected a list of standards, each with id and title', placeOf([]));
    return { text, problems };
  }
  // Entries are checked one by one: a broken entry is an error, and the others still serve, so
  // the text's citations of them are not all reported as missing from the catalogue.
  const entries: CatalogueEntry[] = [];
  const byKey = new Map<string, CatalogueEntry>();
  raw.forEach((item, i) => {
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined);
        const where = `, entry ${i + 1}${field === undefined ? '' : ` (${String(field)})`}`;
        report(`standards catalogue${where}: ${issue.message}`, placeOf([i, ...(field === undefined ? [] : [field])]));
      }
      return;
    }
    const { data } = parsed;
    const key = standardKey(data.id)!;
    const seen = byKey.get(key);
    if (seen) {
      report(`standards catalogue: ${data.id} is already listed (as ${seen.id}): keep one entry`, placeOf([i, 'id']));
      return;
    }
    const kind = data.kind ?? kindOfId(parseStandardId(data.id)!);
    const entry: CatalogueEntry = { id: withoutInvisible(data.id), title: data.title, kind, ...(data.edition ? { edition: data.edition } : {}) };
    entries.push(entry);
    byKey.set(key, entry);
  });
  return { text, problems, catalogue: { path, entries, byKey } };
}
