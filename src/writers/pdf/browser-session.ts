// Chromium and Puppeteer's connection to it, as the print worker runs them:
// the browser's process, its tabs, and the prints. Time limits and the words
// of errors belong to the Printer that asks for prints (chromium.ts).
import type { Browser } from 'puppeteer-core';
import type { BrowserProcess } from './browser-process.js';
import { PipeTransport } from './pipe-transport.js';
import { PrintTab, type Printed } from './print.js';

/** How long a failure waits to hear whether Chromium's process ended: a killed one closes its pipes a moment before. */
export const ENDING_HEARD_MS = 500;

/** Chromium's process ended by itself (it crashed, or something killed it); `ending` says how. */
export class BrowserEnded extends Error {
  constructor(readonly ending: string) {
    super(ending);
  }
}

export class BrowserSession {
  /** Tabs that printed and are free to print the next document. */
  readonly #idle: PrintTab[] = [];

  private constructor(readonly browser: Browser) {}

  /** Connects to `browserProcess`, a Chromium just started, and readies its first tab. */
  static async start(browserProcess: BrowserProcess, protocolTimeout: number): Promise<BrowserSession> {
    const connecting = (async () => {
      // Loaded once Chromium is on its way. In the worker's bundle this loads
      // Puppeteer from the bundle itself, from cached code.
      const { default: puppeteer } = await import('puppeteer-core');
      if (browserProcess.ending) throw new Error(browserProcess.ending);
      const { write, read } = browserProcess.pipes;
      return puppeteer.connect({ transport: new PipeTransport(write, read), protocolTimeout });
    })();
    const ended = browserProcess.exited.then(() => {
      throw new Error(browserProcess.ending ?? 'it exited');
    });
    // Whichever of the two loses the race settles unheard.
    connecting.catch(() => undefined);
    ended.catch(() => undefined);
    try {
      const session = new BrowserSession(await Promise.race([connecting, ended]));
      // The tab Chromium opened as it started is made ready for the first print:
      // readying a tab is a good part of a print's time.
      const [blank] = await session.browser.pages();
      session.#idle.push(await PrintTab.open(session.browser, blank));
      return session;
    } catch (cause) {
      // Heard before this process kills it: what ended it then was not this program.
      const ending = await browserProcess.endedWithin(ENDING_HEARD_MS);
      await browserProcess.kill();
      throw ending ? new BrowserEnded(ending) : cause;
    }
  }

  /** Prints one document, in a tab that printed before when one is free. */
  async print(html: string, timeoutMs: number): Promise<Printed> {
    const tab = this.#idle.pop() ?? (await PrintTab.open(this.browser));
    try {
      const printed = await tab.print(html, timeoutMs);
      this.#idle.push(tab);
      return printed;
    } catch (cause) {
      // A tab that failed is not trusted with the next document.
      await tab.close();
      throw cause;
    }
  }
}
