// Which watched files changed, by content. Written on Node's fs.watch rather
// than a watching library: the one tried (chokidar 4) filters events on
// atime/mtime and lost about a third of the saves that followed a read of the
// same file within a few tens of milliseconds, which is what a rebuild does.
// Folders are watched, not files, because editors save by writing a new file
// and renaming it over the old one; a content hash drops events that change
// nothing (touch, chmod, a second event for the same save).
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';

export interface FileEvents {
  close(): void;
}

async function digest(path: string): Promise<string> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return 'missing';
  }
}

/**
 * Calls `onChange` with the files whose content changed, gathering the events
 * of `settleMs` into one call. `files` are watched one by one; every file
 * under `trees` counts; a file that appears beside a watched one counts from
 * then on when `isNew` says it should (a new source in a source folder).
 */
export async function watchFiles(
  files: string[],
  trees: string[],
  onChange: (changed: string[]) => void,
  { settleMs = 2, isNew = () => false }: { settleMs?: number; isNew?: (path: string) => boolean } = {},
): Promise<FileEvents> {
  const known = new Map<string, string>();
  const wanted = new Set(files.map((f) => resolve(f)));
  for (const file of wanted) known.set(file, await digest(file));
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = async () => {
    const candidates = [...pending];
    pending = new Set();
    const changed: string[] = [];
    for (const path of candidates) {
      const hash = await digest(path);
      if (known.get(path) !== hash) changed.push(path);
      known.set(path, hash);
    }
    if (changed.length > 0) onChange(changed);
  };
  const note = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), settleMs);
  };

  const watchers: FSWatcher[] = [];
  for (const folder of new Set([...wanted].map((f) => dirname(f)))) {
    watchers.push(
      watch(folder, (_event, name) => {
        const path = name ? join(folder, name.toString()) : undefined;
        if (path && !wanted.has(path) && isNew(path)) {
          wanted.add(path);
          known.set(path, 'missing');
        }
        if (path && wanted.has(path)) note(path);
      }),
    );
  }
  for (const tree of trees.map((t) => resolve(t))) {
    watchers.push(
      watch(tree, { recursive: true }, (_event, name) => {
        if (name) note(join(tree, name.toString()));
      }),
    );
  }
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
