// The browser that prints PDFs: one per build, started on the first print and
// closed by whoever owns the build. A Chromium that hangs, on start, on a
// print or on close, is killed when its time is up, so a build always ends.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser } from 'puppeteer';
import type { Closable } from '../resources.js';
import { PrintTab, type Printed } from './print.js';

/** A failure to print, said in one line a user can act on. */
export class PrintError extends Error {}

const TIMEOUT_VARIABLE = 'COUNCIL_DOCS_PDF_TIMEOUT';
const DEFAULT_TIMEOUT_SECONDS = 60;
/** A healthy Chromium closes in well under a second. */
const CLOSE_TIMEOUT_MS = 5_000;
/**
 * Puppeteer's own time limits are set this much later than ours, so that ours
 * always fire first: they kill the browser and say which limit it was.
 */
const BACKSTOP_MS = 5_000;

/** Names Chromium and Chrome are installed under, searched on PATH in this order. */
const EXECUTABLE_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

const FLAGS = [
  '--disable-gpu',
  // Without these, Chromium reaches for the network at start, which is slow where there is none.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** PUPPETEER_EXECUTABLE_PATH when set (the variable Puppeteer's own tools read), else the first Chromium on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.PUPPETEER_EXECUTABLE_PATH;
  if (chosen) {
    if (isExecutableFile(chosen)) return chosen;
    throw new PrintError(
      `PUPPETEER_EXECUTABLE_PATH is ${chosen}, which is not an executable file: point it at Chromium or Chrome, or unset it`,
    );
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of EXECUTABLE_NAMES) {
      const path = join(dir, name);
      if (isExecutableFile(path)) return path;
    }
  }
  throw new PrintError(
    'no Chromium found to print the PDF: install it (apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome executable',
  );
}

/** Seconds Chromium gets to start, and to print each document: COUNCIL_DOCS_PDF_TIMEOUT, default 60. */
export function printTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[TIMEOUT_VARIABLE];
  if (raw === undefined || raw.trim() === '') return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new PrintError(`${TIMEOUT_VARIABLE} is "${raw}": give a number of seconds`);
  }
  return seconds * 1000;
}

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

interface Running {
  browser: Browser;
  /** Ends the browser's whole process group at once. */
  kill(): void;
  /** Tabs that printed and are free to print the next document. */
  idle: PrintTab[];
}

export interface PrinterOptions {
  env?: NodeJS.ProcessEnv;
}

export class Printer implements Closable {
  readonly #env: NodeJS.ProcessEnv;
  #running: Promise<Running> | undefined;

  constructor(options: PrinterOptions = {}) {
    this.#env = options.env ?? process.env;
  }

  /** Prints one HTML document with the shared browser, starting it if none is running. */
  async print(html: string): Promise<Printed> {
    const timeout = printTimeoutMs(this.#env);
    const running = await this.#start(timeout);
    const printing = (async () => {
      const tab = running.idle.pop() ?? (await PrintTab.open(running.browser));
      try {
        const printed = await tab.print(html, timeout + BACKSTOP_MS);
        running.idle.push(tab);
        return printed;
      } catch (cause) {
        // A tab that failed is not trusted with the next document.
        await tab.close();
        throw cause;
      }
    })().catch((cause: unknown) => {
      throw new PrintError(`Chromium could not print the document: ${firstLine(cause)}`);
    });
    return withDeadline(printing, timeout, () => {
      running.kill();
      return new PrintError(
        `Chromium did not print the document within ${timeout / 1000} s and was stopped (${TIMEOUT_VARIABLE} sets the limit in seconds)`,
      );
    });
  }

  /** Starts the shared browser if none is running (a print starts it anyway; this only starts it sooner). */
  async start(): Promise<void> {
    const running = await this.#start(printTimeoutMs(this.#env));
    // A tab opened now is ready for the first print: opening one is a good part of a print's time.
    if (running.idle.length === 0) running.idle.push(await PrintTab.open(running.browser));
  }

  /** The process id of the running browser, if one was started (for tests that stop it on purpose). */
  async pid(): Promise<number | undefined> {
    const running = await this.#running?.catch(() => undefined);
    return running?.browser.process()?.pid;
  }

  async close(): Promise<void> {
    const starting = this.#running;
    this.#running = undefined;
    const running = await starting?.catch(() => undefined);
    if (!running) return;
    try {
      await withDeadline(running.browser.close(), CLOSE_TIMEOUT_MS, () => new PrintError('Chromium did not close'));
    } catch {
      running.kill();
    }
  }

  #start(timeout: number): Promise<Running> {
    if (this.#running) return this.#running;
    const running = this.#launch(timeout);
    this.#running = running;
    const forget = () => {
      if (this.#running === running) this.#running = undefined;
    };
    // A browser that failed to start, or was lost, is not kept: the next print starts another.
    running.then(
      ({ browser, kill }) =>
        browser.once('disconnected', () => {
          kill();
          forget();
        }),
      forget,
    );
    return running;
  }

  async #launch(timeout: number): Promise<Running> {
    const executablePath = findChromium(this.#env);
    const { default: puppeteer } = await import('puppeteer');
    // Aborting makes Puppeteer kill the browser's process group.
    const abort = new AbortController();
    const kill = () => abort.abort();
    const asRoot = process.getuid?.() === 0;
    const launching = puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      signal: abort.signal,
      timeout: timeout + BACKSTOP_MS,
      protocolTimeout: timeout + BACKSTOP_MS,
      waitForInitialPage: false,
      env: this.#env,
      // Chromium's sandbox cannot run as root; the page it prints runs no script and fetches nothing.
      args: asRoot ? ['--no-sandbox', ...FLAGS] : FLAGS,
    });
    let browser: Browser;
    try {
      browser = await withDeadline(launching, timeout, () => {
        kill();
        return new PrintError(
          `Chromium (${executablePath}) did not start within ${timeout / 1000} s and was stopped (${TIMEOUT_VARIABLE} sets the limit in seconds)`,
        );
      });
    } catch (cause) {
      kill();
      if (cause instanceof PrintError) throw cause;
      throw new PrintError(
        `Chromium (${executablePath}) did not start: ${firstLine(cause)} (\`${executablePath} --headless --version\` may say why)`,
      );
    }
    return { browser, kill, idle: [] };
  }
}
