// Front matter → Meta. YAML and schema errors are reported at their line in
// the source file, not in the front matter block.
import { LineCounter, isMap, isNode, isScalar, type Document as YamlDocument } from 'yaml';
import type * as z from 'zod';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { Inline } from '../model/document.js';
import type { Amendment, Meta } from '../model/meta.js';
import { frontMatterSchema, type FrontMatter } from '../model/meta-schema.js';
import { error } from '../diagnostics/report.js';
import { describePath } from '../diagnostics/key-path.js';
import { parseInline } from './markdown-parser.js';
import { toInlines } from './inline.js';
import { readEvents } from './events.js';
import { parseYaml, yamlData, yamlProblems } from './yaml-problems.js';
import { forbiddenInYamlEscapes } from './forbidden-characters.js';
import type { Event } from '../model/events.js';
import type { StandardStatus } from '../model/standards.js';

export interface FrontMatterBlock {
  value: string;
  /** Position of the whole block, fences included. */
  position: Position;
}

/** Maps positions inside the YAML text to positions in the source file. */
class YamlPlaces {
  readonly lines = new LineCounter();
  constructor(private readonly block: FrontMatterBlock) {}

  at(offset: number): Position['start'] {
    const { line, col } = this.lines.linePos(offset);
    return { line: this.block.position.start.line + line, column: col };
  }

  range(range: readonly [number, number, ...number[]]): Position {
    return { start: this.at(range[0]), end: this.at(range[1]) };
  }
}

function pathPosition(doc: YamlDocument, places: YamlPlaces, path: PropertyKey[], block: FrontMatterBlock): Position {
  // The deepest node of the path that exists: a missing key is reported at its parent.
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return places.range(node.range);
  }
  return { start: block.position.start, end: block.position.start };
}

/** Position of the key itself (not its value), for keys that should not be there. */
function keyPosition(doc: YamlDocument, places: YamlPlaces, path: PropertyKey[], block: FrontMatterBlock): Position {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
    if (pair && isNode(pair.key) && pair.key.range) return places.range(pair.key.range);
  }
  return pathPosition(doc, places, path, block);
}


/** A status the front matter gives a standard (`standards:`), with the identifier as written. */
export interface StatusEntry {
  id: string;
  status: StandardStatus;
  position: Position;
}

export interface ReadFrontMatter {
  meta: Meta;
  events: Event[];
  statuses: StatusEntry[];
}

function amendmentOf(fm: FrontMatter): Amendment | undefined {
  if (fm.revision !== undefined) return { kind: 'revision', number: fm.revision };
  if (fm.addendum !== undefined) return { kind: 'addendum', number: fm.addendum };
  if (fm.corrigendum !== undefined) return { kind: 'corrigendum', number: fm.corrigendum };
  return undefined;
}

/** A front matter that parsed and passed its schema, with the means to place its values in the source. */
export interface ParsedFrontMatter<T> {
  data: T;
  /** Where each value stands, by key path ("meeting.end", "references[0]"). */
  places: Record<string, Position>;
  placeOf(path: PropertyKey[]): Position;
  /** Position of a key itself, for a key that should not be there. */
  keyPlaceOf(path: PropertyKey[]): Position;
  /** A text value read as Markdown inline content, its problems reported at its place. */
  inline(path: PropertyKey[], value: string): Inline[];
}

/** YAML → data checked by `schema`, or undefined with every problem reported at its line. */
export function parseFrontMatter<S extends z.ZodType>(
  file: VFile,
  block: FrontMatterBlock,
  schema: S,
  knownKeys: string[],
): ParsedFrontMatter<z.infer<S>> | undefined {
  const yamlPlaces = new YamlPlaces(block);
  const read = parseYaml(block.value, { lineCounter: yamlPlaces.lines, uniqueKeys: true });
  if ('problem' in read) {
    error(file, `front matter: ${read.problem.reason}`, yamlPlaces.range(read.problem.range), 'yaml-syntax');
    return undefined;
  }
  const { doc } = read;
  for (const problem of yamlProblems(doc, block.value)) {
    error(file, `front matter: ${problem.reason}`, yamlPlaces.range(problem.range), 'yaml-syntax');
  }
  if (doc.errors.length > 0) return undefined;
  for (const { offset, reason } of forbiddenInYamlEscapes(doc, block.value)) {
    error(file, `front matter: ${reason}`, yamlPlaces.at(offset), 'forbidden-character');
  }
  const data = yamlData(doc);
  if ('problem' in data) {
    error(file, `front matter: ${data.problem.reason}`, yamlPlaces.range(data.problem.range), 'yaml-syntax');
    return undefined;
  }
  if (data.data !== null && data.data !== undefined && (typeof data.data !== 'object' || Array.isArray(data.data))) {
    error(
      file,
      'the front matter is not a set of keys: write one "key: value" per line (document: C17/23, date: 2017-03-31, ...)',
      yamlPlaces.range(doc.contents?.range ?? [0, 0]),
      'invalid-value',
    );
    return undefined;
  }

  const parsed = schema.safeParse(data.data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path;
      let reason: string;
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const where = keyPosition(doc, yamlPlaces, [...path, key], block);
          error(file, `unknown key "${describePath([...path, key])}"${path.length === 0 ? ` (known keys: ${knownKeys.join(', ')})` : ''}`, where, 'unknown-key');
        }
        continue;
      }
      const missing = path.length > 0 && doc.getIn(path as unknown[], true) === undefined;
      reason = missing ? `missing required key "${describePath(path)}"` : `"${describePath(path)}": ${issue.message}`;
      error(file, reason, pathPosition(doc, yamlPlaces, path, block), missing ? 'missing-key' : 'invalid-value');
    }
    return undefined;
  }
  const placeOf = (path: PropertyKey[]) => pathPosition(doc, yamlPlaces, path, block);
  const places: Record<string, Position> = {};
  const collect = (value: unknown, path: PropertyKey[]): void => {
    if (path.length > 0) places[describePath(path)] = placeOf(path);
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) collect(child, [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  collect(data.data, []);
  return {
    data: parsed.data as z.infer<S>,
    places,
    placeOf,
    keyPlaceOf: (path) => keyPosition(doc, yamlPlaces, path, block),
    inline: (path, value) => toInlines(parseInline(value), { file, at: placeOf(path) }),
  };
}

export function readFrontMatter(file: VFile, block: FrontMatterBlock): ReadFrontMatter | undefined {
  const parsed = parseFrontMatter(file, block, frontMatterSchema, Object.keys(frontMatterSchema.shape));
  if (!parsed) return undefined;
  const { places, placeOf, inline } = parsed;
  const fm: FrontMatter = parsed.data;
  const events = readEvents(fm.events, placeOf);
  const statuses = Object.entries(fm.standards ?? {}).map(([id, status]) => ({
    id,
    status,
    position: parsed.keyPlaceOf(['standards', id]),
  }));

  const meta: Meta = {
    position: block.position,
    places,
    document: fm.document,
    date: fm.date,
    language: fm.language,
    kind: fm.kind ?? 'document',
    title: fm.title ?? '',
    meeting: fm.meeting,
    agendaItem: fm.agenda_item,
    original: fm.original ?? fm.language,
    untranslated: fm.untranslated ?? false,
    from: fm.from,
    contributors: fm.contributors ?? [],
    summary: fm.summary === undefined ? [] : inline(['summary'], fm.summary),
    actionRequired: fm.action_required === undefined ? [] : inline(['action_required'], fm.action_required),
    references: (fm.references ?? []).map((r, i) => inline(['references', i], r)),
    amendment: amendmentOf(fm),
    ...(fm.changes_author === undefined ? {} : { changesAuthor: fm.changes_author }),
    record: fm.record,
  };
  return { meta, events, statuses };
}
