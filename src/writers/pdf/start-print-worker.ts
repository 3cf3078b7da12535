// The print worker's thread starts here. Chromium is started first, so that
// it boots while this thread loads the worker's bundle (print-worker.cjs, with
// Puppeteer inside), run with its code cache (see src/startup/cached-bundle.ts).
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { runCachedBundle } from '../../startup/cached-bundle.js';
import { BrowserProcess } from './browser-process.js';
import type { FromPrintWorker, PrintWorkerData } from './print-messages.js';
import type { serve } from './print-worker.js';

const data = workerData as PrintWorkerData;
let spawned: BrowserProcess | Error;
try {
  spawned = new BrowserProcess(data.executablePath, data.env);
  parentPort!.postMessage({ kind: 'spawned', pid: spawned.pid } satisfies FromPrintWorker);
} catch (cause) {
  spawned = cause instanceof Error ? cause : new Error(String(cause));
}
const worker = runCachedBundle(join(import.meta.dirname, 'print-worker.cjs'), join(import.meta.dirname, 'print-worker.code-cache')) as {
  serve: typeof serve;
};
worker.serve(spawned);
