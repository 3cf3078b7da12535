// Outputs are replaced whole: written beside their target and renamed over it,
// so a reader (or a crash) never sees half a file. An output whose bytes did
// not change is not touched, so its timestamp tells when it last changed.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type WriteResult = 'written' | 'unchanged';

async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const existing = await readFile(path);
    return existing.length === bytes.length && Buffer.compare(existing, bytes) === 0;
  } catch {
    return false;
  }
}

export async function writeAtomically(path: string, content: string | Uint8Array): Promise<WriteResult> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (await sameBytes(path, bytes)) return 'unchanged';
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw cause;
  }
  return 'written';
}
