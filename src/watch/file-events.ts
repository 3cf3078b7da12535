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

/** The file once it has stopped changing, from its reading `first`: two reads agree, the second `quietMs` after the first or after the last write. */
async function settled(path: string, first: Fingerprint, quietMs: number): Promise<Fingerprint> {
  let previous = first;
  for (;;) {
    // Written to long enough ago (by its own clock): a second look only makes sure.
    const quiet = Date.now() - previous.mtimeMs >= quietMs;
    await pause(quiet ? 1 : quietMs);
    const next = await fingerprint(path);
    if (next.hash === previous.hash && next.mtimeMs === previous.mtimeMs) return next;
    previous = next;
  }
}

/**
 * Told of files that changed. They may still be being written: `settled` says, once they have
 * stopped changing (QUIET_MS), whether they are still as they were when `onChange` was called.
 * A build may start at once and must write nothing until then; when it settles false, `onChange`
 * is called again with the files as they ended.
 */
export type OnChange = (changed: string[], settled: Promise<boolean>) => void;

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
  onChange: OnChange,
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

  // The files are built as first read while they are waited on: a save is most often whole at its
  // first event, and the wait (QUIET_MS) then costs nothing. A build of a save that changed while
  // it was made writes nothing (see OnChange), and the save as it ended is built after it.
  const flush = async () => {
    const candidates = [...pending];
    pending = new Set();
    const before = candidates.map((path) => known.get(path));
    const first = await Promise.all(candidates.map(fingerprint));
    const changed = candidates.filter((_, i) => before[i] !== first[i]!.hash);
    let settle: (same: boolean) => void = () => undefined;
    if (changed.length > 0 && !closed) onChange(changed, new Promise((resolve) => (settle = resolve)));
    const last = await Promise.all(candidates.map((path, i) => settled(path, first[i]!, quietMs)));
    const same = last.every((f, i) => f.hash === first[i]!.hash && f.mtimeMs === first[i]!.mtimeMs);
    settle(same);
    candidates.forEach((path, i) => known.set(path, last[i]!.hash));
    const ended = candidates.filter((_, i) => before[i] !== last[i]!.hash);
    if (!same && ended.length > 0 && !closed) onChange(ended, Promise.resolve(true));
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
