// `--shard K/N`: the K-th of N disjoint parts of the sources, so that N machines
// (the jobs of a CI matrix) build a session in parallel into one folder.
//
// A source's part is chosen by a hash of its document number: every language
// of a document, and its revisions, land in the same part, and a document keeps
// its part when others are added or removed (a part by sorted position would
// move half the documents each time one is added).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { originalPath } from '../read/translation.js';

export interface Shard {
  /** 1 to count. */
  part: number;
  count: number;
}

/** "2/4" → part 2 of 4; undefined for anything else ("3/2", "0/4", "a/b", "1/4x"). */
export function parseShard(spec: string): Shard | undefined {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(spec.trim());
  if (!m) return undefined;
  const part = Number(m[1]);
  const count = Number(m[2]);
  return part >= 1 && part <= count ? { part, count } : undefined;
}

/**
 * The document number a source belongs to: its own front matter's, or its original's for a
 * translation (which does not repeat it). The front matter is only looked at here, not checked:
 * a source whose number cannot be read is placed by its file name, and the part that builds it
 * reports what is wrong with it.
 */
async function documentKey(path: string): Promise<string> {
  const original = originalPath(path) ?? path;
  try {
    const text = await readFile(original, 'utf8');
    const block = /^---\r?\n([\s\S]*?)\r?\n---\r?$/m.exec(text);
    const data: unknown = block && text.startsWith('---') ? parse(block[1]!) : undefined;
    const number = (data as { document?: unknown } | undefined)?.document;
    if (typeof number === 'string' && number.trim() !== '') return number.trim();
  } catch {
    // Unreadable or not YAML: placed by name below.
  }
  return `file:${basename(original)}`;
}

/** The part (1 to count) of a document number. */
export function partOf(key: string, count: number): number {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The sources of `shard`, in the order given. */
export async function shardSources(paths: string[], shard: Shard): Promise<string[]> {
  const keys = await Promise.all(paths.map(documentKey));
  return paths.filter((_, i) => partOf(keys[i]!, shard.count) === shard.part);
}
