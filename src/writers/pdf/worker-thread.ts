// node:worker_threads is loaded when a print worker starts, not with the program:
// a process started from the command's startup snapshot (src/startup/snapshot.ts)
// cannot start a worker once that module was loaded while the snapshot was made.
// Node 20 keeps no shared working-folder counter in a snapshot, and the worker
// fails on its first process.cwd(), before any of its code runs.
import { createRequire } from 'node:module';
import type { Worker, WorkerOptions } from 'node:worker_threads';

const load = createRequire(import.meta.url);

export function startWorker(file: string, options: WorkerOptions): Worker {
  const threads = load('node:worker_threads') as typeof import('node:worker_threads');
  return new threads.Worker(file, options);
}
