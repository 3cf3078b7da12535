// The characters of each font face, kept between builds: reading the cmap of a 20 MB
// CJK collection takes longer than the rest of a build's checks, and a face's characters
// change only with its file. A cached entry names the file, face, size and modification
// time it was read from, and is read again when any of them differ. The folder is the
// user's cache (XDG_CACHE_HOME, else ~/.cache): fonts are the machine's, not a project's,
// and whatever is there may be deleted at any time.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { writeAtomically } from '../output/atomic-write.js';

/** What a face's characters were read from. */
export interface FaceFile {
  file: string;
  index: number;
  size: number;
  mtimeMs: number;
}

interface Entry extends FaceFile {
  /** First and last code point of each run of characters the face has, in order. */
  ranges: number[];
}

export function cacheFolder(): string {
  const xdg = process.env['XDG_CACHE_HOME'];
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'council-docs', 'glyphs');
}

function entryPath(face: FaceFile): string {
  const name = createHash('sha256').update(`${face.file}\0${face.index}`).digest('hex').slice(0, 32);
  return join(cacheFolder(), `${name}.json`);
}

const sameFace = (a: FaceFile, b: FaceFile) => a.file === b.file && a.index === b.index && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** The ranges kept for this very file, or undefined (none, another version of it, or an unreadable entry). */
export async function cachedRanges(face: FaceFile): Promise<number[] | undefined> {
  try {
    const entry = JSON.parse(await readFile(entryPath(face), 'utf8')) as Entry;
    const ranges = entry.ranges;
    const valid = sameFace(entry, face) && Array.isArray(ranges) && ranges.length % 2 === 0 && ranges.every(Number.isInteger);
    return valid ? ranges : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the ranges; a cache that cannot be written (a read-only home) costs only time. */
export async function keepRanges(face: FaceFile, ranges: number[]): Promise<void> {
  const entry: Entry = { file: face.file, index: face.index, size: face.size, mtimeMs: face.mtimeMs, ranges };
  await writeAtomically(entryPath(face), JSON.stringify(entry)).catch(() => undefined);
}
