// The issued store: `issued/` beside the source folder, one folder per issue of a document in a
// language (`issued/C17-23-E/`, `issued/C17-23-Rev1-E/`), each holding the source as issued, the
// catalogue entries it cites, and `issue.yaml`, the record of the issue sealed by a digest. An
// issued document is never changed: the seal tells an entry edited by hand.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { LANGUAGES } from '../model/meta-schema.js';
import { shownPath } from '../diagnostics/paths.js';

export const RECORD_FILE = 'issue.yaml';

/** `issued/` beside the folder of the source: `source/C17-23.md` → `issued/`. */
export function storeFor(sourcePath: string, given?: string): string {
  return given ?? join(dirname(dirname(resolve(sourcePath))), 'issued');
}

export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const amendmentKinds = ['revision', 'addendum', 'corrigendum'] as const;

const recordSchema = z.object({
  document: z.string(),
  number: z.string(),
  language: z.enum(LANGUAGES),
  amendment: z.strictObject({ kind: z.enum(amendmentKinds), number: z.number().int().min(1) }).optional(),
  date: z.string(),
  issued: z.string(),
  source: z.string(),
  original: z.string().optional(),
  base: z.string().optional(),
  files: z.record(z.string(), z.string()),
  templates: z.record(z.string(), z.string()),
});

export type IssueRecord = z.infer<typeof recordSchema>;

export interface IssuedEntry {
  /** The entry's folder name, the issue's file stem: `C17-23-Rev1-E`. */
  name: string;
  dir: string;
  record: IssueRecord;
}

/** Text of a record with its seal: a digest of every line above it, which list the digests of the entry's files. */
export function sealed(body: string): string {
  return `${body}seal: ${sha256(body)}\n`;
}

/** An entry's record, read once; or, when it is not as it was issued, why, naming the file to restore. */
function readEntry(dir: string): { record: IssueRecord } | { why: string } {
  const broken = (why: string) => ({ why });
  const shown = shownPath;
  const recordPath = join(dir, RECORD_FILE);
  if (!existsSync(recordPath)) return broken(`${shown(dir)} is not an issued entry: it has no ${RECORD_FILE}; restore it from version control`);
  const text = readFileSync(recordPath, 'utf8');
  const restore = 'an issued document is never changed: restore the entry from version control, and issue a revision for a new text';
  if (sealed(text.slice(0, text.lastIndexOf('\nseal: ') + 1)) !== text) {
    return broken(`${shown(recordPath)} was edited after it was issued (its seal does not match): ${restore}`);
  }
  let record: IssueRecord;
  try {
    record = recordSchema.parse(parse(text));
  } catch {
    return broken(`${shown(recordPath)} is not a record "council-docs issue" wrote: restore it from version control`);
  }
  const names = Object.keys(record.files);
  const outside = names.find((name) => name === RECORD_FILE || posix.isAbsolute(name) || posix.normalize(name) !== name || name.startsWith('../'));
  const unlisted = [record.source, record.original].find((name) => name !== undefined && !names.includes(name));
  if (outside !== undefined || unlisted !== undefined) {
    return broken(`${shown(recordPath)} names ${outside ?? unlisted} among its files, which no record "council-docs issue" wrote does: restore it from version control`);
  }
  for (const [name, digest] of Object.entries(record.files)) {
    const path = join(dir, name);
    if (!existsSync(path)) return broken(`${shown(path)}, issued with this entry, is missing: ${restore}`);
    if (sha256(readFileSync(path)) !== digest) return broken(`${shown(path)} was edited after it was issued (its digest is not the one sealed in ${shown(recordPath)}): ${restore}`);
  }
  for (const name of filesUnder(dir)) {
    if (name !== RECORD_FILE && !(name in record.files)) return broken(`${shown(join(dir, name))} was added to an issued entry after it was issued: remove it`);
  }
  return { record };
}

/** Files under a folder, as `/`-separated paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split(sep).join('/'))
    .sort();
}

export interface Store {
  dir: string;
  exists: boolean;
  entries: IssuedEntry[];
  /** Entries that cannot be trusted, by folder name, with why. */
  broken: Map<string, string>;
}

/** Every entry of the store, each checked against its seal. */
export function readStore(dir: string): Store {
  const store: Store = { dir, exists: existsSync(dir), entries: [], broken: new Map() };
  if (!store.exists) return store;
  for (const name of readdirSync(dir).sort()) {
    const entryDir = join(dir, name);
    // A folder being written by `council-docs issue` is a dot-folder until it is renamed into place.
    if (name.startsWith('.') || !statSync(entryDir).isDirectory()) continue;
    const read = readEntry(entryDir);
    if ('why' in read) store.broken.set(name, read.why);
    else store.entries.push({ name, dir: entryDir, record: read.record });
  }
  return store;
}
