// Which watched files changed, by content. Written on Node's fs.watch rather
// than a watching library: the one tried (chokidar 4) filters events on
// atime/mtime and lost about a third of the saves that followed a read of the
// same file within a few tens of milliseconds, which is what a rebuild does.
// Folders are watched, not files, because editors save by writing a new file
// and renaming it over the old one; a content hash drops events that change
// nothing (touch, chmod, a second event for the same save).
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

export interface FileEvents {
  close(): void;
}

/**
 * How long a file must stay the same before it counts as saved. A save written in pieces (a slow
 * disk, a program writing as it goes) shows its half-written text in between: its file is read
 * again after this long, and taken only when both reads agree and no write came between.
 */
export const QUIET_MS = 20;

/** How often a watched folder that was deleted is looked for again. */
const RETURN_POLL_MS = 100;

interface Fingerprint {
  hash: string;
  mtimeMs: number;
}

async function fingerprint(path: string): Promise<Fingerprint> {
  try {
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    return { hash: createHash('sha256').update(bytes).digest('hex'), mtimeMs: info.mtimeMs };
  } catch {
    return { hash: 'missing', mtimeMs: 0 };
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The file's content once it has stopped changing: two reads agree, the second `quietMs` after the first or after the last write. */
async function settled(path: string, quietMs: number): Promise<string> {
  let previous = await fingerprint(path);
  for (;;) {
    // Written to long enough ago (by its own clock): a second look only makes sure.
    const quiet = Date.now() - previous.mtimeMs >= quietMs;
    await pause(quiet ? 1 : quietMs);
    const next = await fingerprint(path);
    if (next.hash === previous.hash && next.mtimeMs === previous.mtimeMs) return next.hash;
    previous = next;
  }
}

/** The identity of a folder, to tell it from one made anew at its path. */
function folderId(folder: string): string | undefined {
  try {
    const info = statSync(folder);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Every file under `folder`, for a folder that came back with whatever it holds. */
function filesUnder(folder: string, recursive: boolean): string[] {
  try {
    return (readdirSync(folder, { recursive }) as string[]).map((name) => join(folder, name)).filter((path) => statSync(path).isFile());
  } catch {
    return [];
  }
}

/**
 * Calls `onChange` with the files whose content changed, gathering the events
 * of `settleMs` into one call and waiting until each file is written whole
 * (`quietMs`, see QUIET_MS). `files` are watched one by one; every file under
 * `trees` counts; a file that appears beside a watched one counts from then
 * on when `isNew` says it should (a new source in a source folder). A watched
 * folder that is deleted (or moved away) is watched again once one is back at
 * its path, and what it then holds counts as changed.
 */
export async function watchFiles(
  files: string[],
  trees: string[],
  onChange: (changed: string[]) => void,
  { settleMs = 2, quietMs = QUIET_MS, isNew = () => false }: { settleMs?: number; quietMs?: number; isNew?: (path: string) => boolean } = {},
): Promise<FileEvents> {
  const known = new Map<string, string>();
  const wanted = new Set(files.map((f) => resolve(f)));
  for (const file of wanted) known.set(file, (await fingerprint(file)).hash);
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // One flush at a time: events that come while one waits for a file to settle go to the next.
  let flushing: Promise<void> = Promise.resolve();

  const flush = async () => {
    const candidates = [...pending];
    pending = new Set();
    const hashes = await Promise.all(candidates.map((path) => settled(path, quietMs)));
    const changed = candidates.filter((path, i) => known.get(path) !== hashes[i]);
    candidates.forEach((path, i) => known.set(path, hashes[i]!));
    if (changed.length > 0 && !closed) onChange(changed);
  };
  const note = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      flushing = flushing.then(flush);
    }, settleMs);
  };
  const noteFolderFile = (path: string) => {
    if (!wanted.has(path) && isNew(path)) {
      wanted.add(path);
      known.set(path, 'missing');
    }
    if (wanted.has(path)) note(path);
  };

  const watchers = new Map<string, FSWatcher>();
  const polls = new Set<NodeJS.Timeout>();

  /** Watches `folder`; once it is gone, waits for it to come back and watches it again. */
  const arm = (folder: string, recursive: boolean, onFile: (path: string) => void) => {
    const id = folderId(folder);
    const gone = () => {
      if (closed || folderId(folder) === id) return;
      watchers.get(folder)?.close();
      watchers.delete(folder);
      const poll = setInterval(() => {
        if (closed || folderId(folder) === undefined) return;
        clearInterval(poll);
        polls.delete(poll);
        arm(folder, recursive, onFile);
        // Saved before the folder was watched again: looked at now, kept only if it changed.
        for (const path of filesUnder(folder, recursive)) onFile(path);
      }, RETURN_POLL_MS);
      polls.add(poll);
    };
    const watcher = watch(folder, { recursive }, (_event, name) => {
      // The folder itself removed or moved away is told as an event named after it.
      if (name === null || name.toString() === basename(folder)) gone();
      if (name) onFile(join(folder, name.toString()));
    });
    watcher.on('error', gone);
    watchers.set(folder, watcher);
  };

  for (const folder of new Set([...wanted].map((f) => dirname(f)))) arm(folder, false, noteFolderFile);
  for (const tree of trees.map((t) => resolve(t))) arm(tree, true, note);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const poll of polls) clearInterval(poll);
      for (const w of watchers.values()) w.close();
    },
  };
}
