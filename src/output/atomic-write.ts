// Outputs are replaced whole: written beside their target and renamed over it,
// so a reader (or a crash) never sees half a file. An output whose bytes did
// not change is not touched, so its timestamp tells when it last changed.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isRunning } from '../process/running.js';
import { writeFailure } from './write-failure.js';

/** `removed`: the document has no such output any more and the old one was deleted; `absent`: nor was there one. */
export type WriteResult = 'written' | 'unchanged' | 'removed' | 'absent';

async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const existing = await readFile(path);
    return existing.length === bytes.length && Buffer.compare(existing, bytes) === 0;
  } catch {
    return false;
  }
}

/** Writes `content` to `path` whole, or deletes `path` when `content` is null; a failure is an OutputNotWritten that says why in words. */
export async function writeAtomically(path: string, content: string | Uint8Array | null): Promise<WriteResult> {
  try {
    return await replace(path, content);
  } catch (cause) {
    throw writeFailure(path, cause);
  }
}

async function replace(path: string, content: string | Uint8Array | null): Promise<WriteResult> {
  if (content === null) {
    // An output the document no longer has (a calendar without events) must not outlive it.
    const existed = await readFile(path).then(() => true, () => false);
    await rm(path, { force: true });
    return existed ? 'removed' : 'absent';
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (await sameBytes(path, bytes)) return 'unchanged';
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw cause;
  }
  return 'written';
}

/** `.<output>.<pid>-<random>.tmp`: the writer's process id tells whether it may still be writing. */
const TEMPORARY = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;

/**
 * Removes the temporaries of writers that died between writing and renaming
 * (a build killed or crashed): they never replaced an output, but would pile
 * up. Those of a process still running (another build writing into the same
 * folder) are left alone. Returns the names removed.
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const stale = names.filter((name) => {
    const match = TEMPORARY.exec(name);
    return match !== null && !isRunning(Number(match[1]));
  });
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  return stale;
}
