// The entries (`*.meta.json`) of a folder of outputs, checked, with the outputs
// of each that are there to link to. Nothing an entry says is trusted: its
// shape is checked, it may only name outputs of its own name, and an output is
// linked only when it is a file of the folder (not a link to elsewhere). A
// revision's marked version is found by the entry's own name, `<file>-changes.*`.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describePath } from '../diagnostics/key-path.js';
import { MARKED_SUFFIX } from '../locale/labels.js';
import { ENTRY_MAX_BYTES, ENTRY_SUFFIX, entrySchema, type DocumentEntry } from './entry.js';
import { printable } from '../model/characters.js';

/** The outputs the index links to, in the order it lists them. */
export const LINKED = [
  { format: 'html', suffix: '.html', type: 'text/html' },
  { format: 'pdf', suffix: '.pdf', type: 'application/pdf' },
  { format: 'docx', suffix: '.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
] as const;

export type LinkedFormat = (typeof LINKED)[number]['format'];

export interface IndexedEntry {
  /** The entry's file, as read. */
  path: string;
  entry: DocumentEntry;
  /** The outputs of the entry found in the folder: file names, by format. */
  outputs: Partial<Record<LinkedFormat, string>>;
  /** A revision's marked version (`<file>-changes.*`) found in the folder, by format; none for other documents. */
  changes: Partial<Record<LinkedFormat, string>>;
}

export interface ReadEntries {
  entries: IndexedEntry[];
  /** One line each, `path:line:column: error: ...`: an entry that cannot be used. */
  problems: string[];
}

/** Line and column of a character offset, counted from 1. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}


async function isFile(path: string): Promise<boolean> {
  return lstat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function readEntry(dir: string, name: string): Promise<IndexedEntry | string> {
  const path = join(dir, name);
  const where = (position = '1:1') => `${path}:${position}`;
  const problem = (position: string | undefined, message: string) =>
    printable(`${where(position)}: error: ${message}: build the document again to write it anew [index-entry]`);
  const info = await lstat(path);
  if (!info.isFile()) return problem(undefined, 'not a file');
  if (info.size > ENTRY_MAX_BYTES) return problem(undefined, `${info.size} bytes, more than an entry ever holds`);
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    // V8 quotes the text around the fault in its message; only its position is repeated here.
    const at = /position (\d+)/.exec(cause instanceof Error ? cause.message : '');
    return problem(at ? lineColumn(text, Number(at[1])) : undefined, 'not JSON');
  }
  const parsed = entrySchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const key = first.path.length > 0 ? `"${describePath(first.path)}": ` : '';
    return problem(undefined, `not an entry council-docs writes: ${key}${first.message}`);
  }
  const entry = parsed.data;
  // An entry speaks only for the outputs of its own name.
  if (`${entry.file}${ENTRY_SUFFIX}` !== name) return problem(undefined, `it names the outputs ${entry.file}.*, not its own`);
  const outputs: IndexedEntry['outputs'] = {};
  const changes: IndexedEntry['changes'] = {};
  for (const { format, suffix } of LINKED) {
    if (await isFile(join(dir, entry.file + suffix))) outputs[format] = entry.file + suffix;
    // The marked version's names are made from the entry's own (no other document's name ends in -changes).
    const marked = entry.file + MARKED_SUFFIX + suffix;
    if (entry.amendment?.kind === 'revision' && (await isFile(join(dir, marked)))) changes[format] = marked;
  }
  return { path, entry, outputs, changes };
}

export async function readEntries(dir: string): Promise<ReadEntries> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(ENTRY_SUFFIX) && !n.startsWith('.')).sort();
  const read = await Promise.all(names.map((name) => readEntry(dir, name)));
  const entries = read.filter((r): r is IndexedEntry => typeof r !== 'string');
  const problems = read.filter((r): r is string => typeof r === 'string');
  // Two entries of one version (written with other templates' language letters, say) would be two rows of one document.
  const seen = new Map<string, string>();
  for (const { path, entry } of entries) {
    const key = JSON.stringify([entry.document, entry.amendment ?? null, entry.language]);
    const other = seen.get(key);
    if (other) problems.push(printable(`${path}:1:1: error: ${other} is the same document in the same language: remove one [index-entry]`));
    else seen.set(key, path);
  }
  return { entries, problems };
}
