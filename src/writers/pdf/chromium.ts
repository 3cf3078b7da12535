// The browser that prints PDFs: one per build, started on the first print (or
// sooner, when a build knows it will print) and stopped by whoever owns the
// build. Chromium and Puppeteer run in a worker thread (print-worker.ts); the
// time limits are kept here, on the main thread: a Chromium that hangs, on
// start or on a print, is killed when its time is up, so a build always ends.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Closable } from '../resources.js';
import { adoptEarlyPrinter } from './early-printer.js';
import { startWorker } from './worker-thread.js';
import type { FromPrintWorker, ToPrintWorker } from './print-messages.js';
import type { Printed } from './print.js';
import { PrintError, TIMEOUT_VARIABLE, printTimeoutMs, printWorkerData, protocolTimeoutMs } from './print-settings.js';

/** A healthy worker stops Chromium and ends in well under a second. */
const CLOSE_TIMEOUT_MS = 5_000;

/** Settles as `work` does, or rejects with `expired()` once `ms` have passed. */
function withDeadline<T>(work: Promise<T>, ms: number, expired: () => Error): Promise<T> {
  // After the deadline, `work` usually fails too (its browser was killed); that is expected.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Puppeteer's launch errors run to many lines (the browser's log, a link); keep the first. */
function firstLine(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}

/**
 * The print worker, bundled by `make` next to the command's own bundle. Run
 * from the sources (by the tests), this module finds it under the package's
 * root, in dist/cli.
 */
function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let dir = here;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const file = [join(here, 'print-worker.js'), join(dir, 'dist', 'cli', 'print-worker.js')].find((f) => existsSync(f));
  if (!file) throw new PrintError(`${join(dir, 'dist', 'cli', 'print-worker.js')} is missing: run make to build it`);
  return file;
}

/** A started browser, as the Printer sees it: a worker thread that runs Chromium. */
interface Running {
  worker: Worker;
  /** Chromium's process id, once the worker has started it. */
  pid?: number;
  /** Settles when Chromium is ready to print, or rejects (with a PrintError) when it did not start. */
  ready: Promise<void>;
  pending: Map<number, { resolve(printed: Printed): void; reject(cause: Error): void }>;
  exited: Promise<void>;
  /** This Printer stopped it (a time limit, the end of the build): a print it cut short says nothing of Chromium. */
  stopped?: boolean;
}

/** A start or a print that failed because Chromium's process ended under it; `ending` says how ("it was ended by SIGKILL"). */
class ChromiumEnded extends Error {
  constructor(readonly ending: string) {
    super(ending);
  }
}

export interface PrinterOptions {
  env?: NodeJS.ProcessEnv;
}

export class Printer implements Closable {
  readonly #env: NodeJS.ProcessEnv;
  #running: Running | undefined;
  #printed = 0;

  constructor(options: PrinterOptions = {}) {
    this.#env = options.env ?? process.env;
  }

  /** Prints one HTML document with the shared browser, starting it if none is running; `name` ("C17/23-E") is for messages. */
  async print(html: string, name = 'the document'): Promise<Printed> {
    const timeout = printTimeoutMs(this.#env);
    const running = this.#start(timeout);
    await running.ready;
    const id = ++this.#printed;
    const printing = new Promise<Printed>((resolve, reject) => {
      running.pending.set(id, { resolve, reject });
      running.worker.postMessage({ kind: 'print', id, html, timeoutMs: protocolTimeoutMs(timeout) } satisfies ToPrintWorker);
    }).catch((cause: unknown) => {
      if (cause instanceof ChromiumEnded) throw new PrintError(`Chromium stopped while printing ${name}: ${cause.ending}`);
      throw new PrintError(`Chromium could not print ${name}: ${firstLine(cause)}`);
    });
    return withDeadline(printing, timeout, () => {
      this.#stop(running);
      return new PrintError(
        `Chromium did not print ${name} within ${timeout / 1000} s and was stopped (${TIMEOUT_VARIABLE} sets the limit in seconds)`,
      );
    });
  }

  /** Starts the shared browser if none is running (a print starts it anyway; this only starts it sooner). */
  async start(): Promise<void> {
    await this.#start(printTimeoutMs(this.#env)).ready;
  }

  /** The process id of the running browser, if one was started (for tests that stop it on purpose). */
  async pid(): Promise<number | undefined> {
    const running = this.#running;
    await running?.ready.catch(() => undefined);
    return running?.pid;
  }

  /** Stops the browser, also one still starting, and waits until it is gone. */
  async close(): Promise<void> {
    const running = this.#running;
    if (!running) return;
    this.#stop(running);
    await withDeadline(running.exited, CLOSE_TIMEOUT_MS, () => new PrintError('the print worker did not end')).catch(() =>
      running.worker.terminate(),
    );
  }

  /** Kills Chromium at once and has the worker clean up and end; the next print starts afresh. */
  #stop(running: Running): void {
    if (this.#running === running) this.#running = undefined;
    running.stopped = true;
    if (running.pid !== undefined) {
      try {
        process.kill(-running.pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    running.worker.postMessage({ kind: 'close' } satisfies ToPrintWorker);
  }

  #start(timeout: number): Running {
    if (this.#running) return this.#running;
    const data = printWorkerData(this.#env);
    const { executablePath } = data;
    // The command starts the worker of a build that prints as it starts; a Printer of the same environment takes it over.
    const early = this.#env === process.env ? adoptEarlyPrinter(data) : undefined;
    const worker = early?.worker ?? startWorker(workerFile(), { workerData: data });
    let started: (ready: boolean, cause?: Error) => void = () => undefined;
    const starting = new Promise<void>((resolve, reject) => {
      started = (ready, cause) => (ready ? resolve() : reject(cause));
    });
    const running: Running = {
      worker,
      pending: new Map(),
      exited: new Promise((done) => worker.once('exit', () => done())),
      ready: withDeadline(starting, timeout, () => {
        this.#stop(running);
        return new PrintError(
          `Chromium (${executablePath}) did not start within ${timeout / 1000} s and was stopped (${TIMEOUT_VARIABLE} sets the limit in seconds)`,
        );
      }).catch((cause: unknown) => {
        if (cause instanceof PrintError) throw cause;
        this.#stop(running);
        // Ended by a signal as it started (another program, or the system short of memory): it was starting, not failing to.
        if (cause instanceof ChromiumEnded && cause.ending.startsWith('it was ended by')) {
          throw new PrintError(`Chromium (${executablePath}) stopped while starting: ${cause.ending}`);
        }
        throw new PrintError(
          `Chromium (${executablePath}) did not start: ${firstLine(cause)} (\`${executablePath} --headless --version\` may say why)`,
        );
      }),
    };
    // Heard by whoever prints; unheard when the build ends before it needs the browser.
    running.ready.catch(() => undefined);
    // Chromium ended by itself, not by this Printer's hand (whose reasons are said where it stops it).
    const endedBy = ({ ending }: { ending?: string }) => (ending && !running.stopped ? new ChromiumEnded(ending) : undefined);
    const failAll = (cause: Error) => {
      for (const { reject } of running.pending.values()) reject(cause);
      running.pending.clear();
    };
    const hear = (message: FromPrintWorker) => {
      switch (message.kind) {
        case 'spawned':
          running.pid = message.pid;
          break;
        case 'ready':
          started(true);
          break;
        case 'failed':
          started(false, endedBy(message) ?? new Error(message.message));
          break;
        case 'printed':
          running.pending.get(message.id)?.resolve({ pdf: message.pdf, refused: message.refused });
          running.pending.delete(message.id);
          break;
        case 'print-failed':
          running.pending.get(message.id)?.reject(endedBy(message) ?? new Error(message.message));
          running.pending.delete(message.id);
          break;
        case 'lost':
          // A browser that was lost is not kept: the next print starts another. What it was printing is lost with it.
          failAll(endedBy(message) ?? new Error('the browser was lost'));
          this.#stop(running);
          break;
      }
    };
    worker.on('message', hear);
    worker.once('error', (cause) => {
      started(false, cause);
      failAll(cause);
    });
    worker.once('exit', () => {
      if (this.#running === running) this.#running = undefined;
      started(false, new Error('the print worker ended'));
      failAll(new Error('the browser was stopped'));
    });
    this.#running = running;
    for (const message of early?.backlog ?? []) hear(message);
    return running;
  }
}
