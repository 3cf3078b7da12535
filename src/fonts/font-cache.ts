// What was learnt of the machine's fonts, kept between builds: which file fontconfig gives
// for each family, and the characters of each face. Asking fontconfig costs two processes
// a family, and reading the cmap of a 20 MB CJK collection longer than the rest of a
// build's checks; both change only when fonts are installed or removed. A face's entry names
// the file, face, size and modification time it was read from, and is read again when any
// of them differ; the families are asked again when fontconfig's state changes (see
// fontconfig.ts). The folder is the user's cache (XDG_CACHE_HOME, else ~/.cache): fonts
// are the machine's, not a project's, and whatever is there may be deleted at any time.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { writeAtomically } from '../output/atomic-write.js';

/** One face of a font file: a TrueType collection (.ttc) holds several, told apart by index. */
export interface Face {
  file: string;
  index: number;
  /** The family fontconfig found, which differs from the one asked for when that is an alias (Calibri → Carlito). */
  family: string;
}

/** What a face's characters were read from. */
export interface FaceFile {
  file: string;
  index: number;
  size: number;
  mtimeMs: number;
}

interface CoverageEntry extends FaceFile {
  /** First and last code point of each run of characters the face has, in order. */
  ranges: number[];
}

/** The face found for each family (null: none installed), as fontconfig answered in the state `stamp`. */
export interface KeptFamilies {
  stamp: string;
  families: Record<string, Face | null>;
}

export function cacheFolder(): string {
  const xdg = process.env['XDG_CACHE_HOME'];
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'council-docs', 'fonts');
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A cache that cannot be written (a read-only home) costs only time. */
async function writeJson(path: string, value: unknown): Promise<void> {
  await writeAtomically(path, JSON.stringify(value)).catch(() => undefined);
}

function coveragePath(face: FaceFile): string {
  const name = createHash('sha256').update(`${face.file}\0${face.index}`).digest('hex').slice(0, 32);
  return join(cacheFolder(), `${name}.json`);
}

const sameFace = (a: FaceFile, b: FaceFile) => a.file === b.file && a.index === b.index && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** The ranges kept for this very file, or undefined (none, another version of it, or an unreadable entry). */
export async function cachedRanges(face: FaceFile): Promise<number[] | undefined> {
  const entry = (await readJson(coveragePath(face))) as CoverageEntry | undefined;
  const ranges = entry?.ranges;
  const valid = entry && sameFace(entry, face) && Array.isArray(ranges) && ranges.length % 2 === 0 && ranges.every(Number.isInteger);
  return valid ? ranges : undefined;
}

export async function keepRanges(face: FaceFile, ranges: number[]): Promise<void> {
  const entry: CoverageEntry = { file: face.file, index: face.index, size: face.size, mtimeMs: face.mtimeMs, ranges };
  await writeJson(coveragePath(face), entry);
}

const familiesPath = () => join(cacheFolder(), 'families.json');

/** The families kept in this state of fontconfig; none when it has changed since. */
export async function keptFamilies(stamp: string): Promise<KeptFamilies> {
  const kept = (await readJson(familiesPath())) as KeptFamilies | undefined;
  const valid = kept?.stamp === stamp && typeof kept.families === 'object' && kept.families !== null;
  return valid ? kept : { stamp, families: {} };
}

export async function keepFamilies(kept: KeptFamilies): Promise<void> {
  await writeJson(familiesPath(), kept);
}
