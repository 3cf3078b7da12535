// A build that prints starts its print worker, and with it Chromium, as the
// command starts (start.ts), before the program's bundle is loaded: Chromium
// takes longer to start than reading and checking a source, and it boots on
// the other core meanwhile. The build's Printer adopts the worker when it
// starts its browser (chromium.ts); the command discards one that nothing
// adopted (a usage error, say). The two meet through the global symbol
// registry, since start.ts and the program are separate bundles.
import type { Worker } from 'node:worker_threads';
import type { FromPrintWorker, PrintWorkerData, ToPrintWorker } from './print-messages.js';
import { printWorkerData } from './print-settings.js';
import { startWorker } from './worker-thread.js';

const KEY = Symbol.for('council-docs.early-print-worker');

interface Early {
  worker: Worker;
  data: PrintWorkerData;
  /** What the worker said before it was adopted, for the Printer to hear in order. */
  backlog: FromPrintWorker[];
  ended: boolean;
  detach(): void;
}

const registry = globalThis as { [KEY]?: Early };

/** Starts the print worker of `workerFile` with the environment's browser, unless the environment names none. */
export function startEarlyPrinter(workerFile: string, env: NodeJS.ProcessEnv = process.env): void {
  let data: PrintWorkerData;
  try {
    data = printWorkerData(env);
  } catch {
    // The build's own Printer says what is wrong, in its words.
    return;
  }
  const worker = startWorker(workerFile, { workerData: data });
  const early: Early = { worker, data, backlog: [], ended: false, detach: () => undefined };
  const hear = (message: FromPrintWorker) => early.backlog.push(message);
  const end = () => (early.ended = true);
  worker.on('message', hear);
  worker.on('error', end);
  worker.on('exit', end);
  early.detach = () => {
    worker.off('message', hear);
    worker.off('error', end);
    worker.off('exit', end);
  };
  registry[KEY] = early;
}

/**
 * The worker started early, if it was started with `data` and still runs,
 * with what it has said so far; the caller now owns it. One started with
 * other data (another browser, other limits) is stopped.
 */
export function adoptEarlyPrinter(data: PrintWorkerData): { worker: Worker; backlog: FromPrintWorker[] } | undefined {
  const early = registry[KEY];
  delete registry[KEY];
  if (!early) return undefined;
  if (early.ended || JSON.stringify(early.data) !== JSON.stringify(data)) {
    stop(early);
    return undefined;
  }
  early.detach();
  return { worker: early.worker, backlog: early.backlog };
}

/** Stops the worker started early if nothing adopted it: it stops its browser and ends. */
export function discardEarlyPrinter(): void {
  const early = registry[KEY];
  delete registry[KEY];
  if (early) stop(early);
}

function stop(early: Early): void {
  if (!early.ended) early.worker.postMessage({ kind: 'close' } satisfies ToPrintWorker);
}
