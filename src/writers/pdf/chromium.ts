// The browser that prints PDFs: one per build, started on the first print (or
// sooner, when a build knows it will print) and stopped by whoever owns the
// build. A Chromium that hangs, on start or on a print, is killed when its
// time is up, so a build always ends.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer';
import type { Closable } from '../resources.js';
import { BrowserProcess } from './browser-process.js';
import { PipeTransport } from './pipe-transport.js';
import { PrintTab, type Printed } from './print.js';

/** A failure to print, said in one line a user can act on. */
export class PrintError extends Error {}

const TIMEOUT_VARIABLE = 'COUNCIL_DOCS_PDF_TIMEOUT';
const DEFAULT_TIMEOUT_SECONDS = 60;
/**
 * Puppeteer's own time limits are set this much later than ours, so that ours
 * always fire first: they kill the browser and say which limit it was.
 */
const BACKSTOP_MS = 5_000;

/** Names Chromium and Chrome are installed under, searched on PATH in this order. */
const EXECUTABLE_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

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

/**
 * Puppeteer, loaded when the first PDF is printed. Its CommonJS build loads a
 * good third faster than its ES modules, and the bundled command can require
 * but not import (see src/cli/start.ts).
 */
function loadPuppeteer(): typeof import('puppeteer').default {
  return (createRequire(import.meta.url)('puppeteer') as typeof import('puppeteer')).default;
}

interface Running {
  browser: Browser;
  process: BrowserProcess;
  /** Tabs that printed and are free to print the next document. */
  idle: PrintTab[];
}

export interface PrinterOptions {
  env?: NodeJS.ProcessEnv;
}

export class Printer implements Closable {
  readonly #env: NodeJS.ProcessEnv;
  #running: Promise<Running> | undefined;
  /** The browser's process from the moment it is spawned, before Puppeteer is connected to it. */
  #process: BrowserProcess | undefined;

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
      void running.process.kill();
      return new PrintError(
        `Chromium did not print the document within ${timeout / 1000} s and was stopped (${TIMEOUT_VARIABLE} sets the limit in seconds)`,
      );
    });
  }

  /** Starts the shared browser if none is running (a print starts it anyway; this only starts it sooner). */
  async start(): Promise<void> {
    const running = await this.#start(printTimeoutMs(this.#env));
    // The tab Chromium opened as it started is made ready for the first print:
    // readying a tab is a good part of a print's time.
    if (running.idle.length === 0) {
      const [blank] = await running.browser.pages();
      running.idle.push(await PrintTab.open(running.browser, blank));
    }
  }

  /** The process id of the running browser, if one was started (for tests that stop it on purpose). */
  async pid(): Promise<number | undefined> {
    const running = await this.#running?.catch(() => undefined);
    return running?.process.pid;
  }

  /** Stops the browser, also one still starting. */
  async close(): Promise<void> {
    const starting = this.#running;
    const browserProcess = this.#process;
    this.#running = undefined;
    this.#process = undefined;
    await browserProcess?.kill();
    await starting?.catch(() => undefined);
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
      ({ browser, process }) =>
        browser.once('disconnected', () => {
          void process.kill();
          forget();
        }),
      forget,
    );
    return running;
  }

  async #launch(timeout: number): Promise<Running> {
    const executablePath = findChromium(this.#env);
    const browserProcess = new BrowserProcess(executablePath, this.#env);
    this.#process = browserProcess;
    const connecting = (async () => {
      const puppeteer = loadPuppeteer();
      if (browserProcess.ending) throw new Error(browserProcess.ending);
      const { write, read } = browserProcess.pipes;
      return puppeteer.connect({ transport: new PipeTransport(write, read), protocolTimeout: timeout + BACKSTOP_MS });
    })();
    const ended = browserProcess.exited.then(() => {
      throw new Error(browserProcess.ending ?? 'it exited');
    });
    // Whichever of the two loses the race settles unheard.
    connecting.catch(() => undefined);
    ended.catch(() => undefined);
    let browser: Browser;
    try {
      browser = await withDeadline(Promise.race([connecting, ended]), timeout, () => {
        return new PrintError(
          `Chromium (${executablePath}) did not start within ${timeout / 1000} s and was stopped (${TIMEOUT_VARIABLE} sets the limit in seconds)`,
        );
      });
    } catch (cause) {
      await browserProcess.kill();
      if (cause instanceof PrintError) throw cause;
      throw new PrintError(
        `Chromium (${executablePath}) did not start: ${firstLine(cause)} (\`${executablePath} --headless --version\` may say why)`,
      );
    }
    return { browser, process: browserProcess, idle: [] };
  }
}
