// Which Chromium prints, and how long it gets: read from the environment by
// the Printer, and by the command as it starts, when it starts the browser
// before the program is loaded (early-printer.ts).
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { PrintWorkerData } from './print-messages.js';

/** A failure to print, said in one line a user can act on. */
export class PrintError extends Error {}

export const TIMEOUT_VARIABLE = 'COUNCIL_DOCS_PDF_TIMEOUT';
const DEFAULT_TIMEOUT_SECONDS = 60;
/**
 * Puppeteer's own time limits are set this much later than ours, so that ours
 * always fire first: they kill the browser and say which limit it was.
 */
const BACKSTOP_MS = 5_000;

/**
 * Names Chromium and Chrome are installed under, searched on PATH in this order. The headless
 * shell (Debian's chromium-headless-shell, Chrome for Testing's chrome-headless-shell) is Chromium
 * without the browser around it: it starts and prints a page in about half the time, so it comes
 * first; the full browser prints the same PDF where it is all there is.
 */
const EXECUTABLE_NAMES = ['chromium-headless-shell', 'chrome-headless-shell', 'chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/**
 * Debian's launchers and the binaries they start, which are started instead. The headless shell's
 * launcher runs its binary as a child, so the process the printer started and would stop (on a
 * time limit) is a shell, not Chromium; Chromium's runs a dozen commands first, some 20 ms.
 */
const LAUNCHED: ReadonlyMap<string, string> = new Map([
  ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell'],
  ['/usr/bin/chromium', '/usr/lib/chromium/chromium'],
]);

function launchedBy(path: string): string {
  const binary = LAUNCHED.get(realpathSync(path));
  return binary !== undefined && isExecutableFile(binary) ? binary : path;
}

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
      if (isExecutableFile(path)) return launchedBy(path);
    }
  }
  throw new PrintError(
    'no Chromium found to print the PDF: install it (apt-get install chromium-headless-shell) or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome executable',
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

/** Puppeteer's limit on one exchange with Chromium, when the Printer's is `timeout`. */
export function protocolTimeoutMs(timeout: number): number {
  return timeout + BACKSTOP_MS;
}

/** What the print worker is started with; throws a PrintError when the environment names no usable browser or time. */
export function printWorkerData(env: NodeJS.ProcessEnv): PrintWorkerData {
  return { executablePath: findChromium(env), env: { ...env }, protocolTimeoutMs: protocolTimeoutMs(printTimeoutMs(env)) };
}
