// HTML documents → PDF bytes, in a tab of a running browser. The tab runs no
// script and fetches nothing: each document is handed over as a string, and
// every request it makes is refused unless it is a data: URL (the logo is
// one). So nothing a source or a template says can make Chromium fetch or read
// a file or a server. A tab prints one document after another: opening one
// costs Chromium about as much as a print does, and a batch prints hundreds.
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { hasFootnotes, layOutFootnotes } from './footnote-layout.js';

export interface Printed {
  /** The whole of an ArrayBuffer of its own, which the print worker hands over without a copy. */
  pdf: Uint8Array;
  /** URLs the page asked for and did not get, in the order asked. */
  refused: string[];
}

/** Chromium's own refusal of a file: URL from a page that is not a file; no request is made, so the console is the only trace. */
const LOCAL_RESOURCE = /^Not allowed to load local resource: (\S+)/;

/** A4, for a template whose CSS sets no page size (Chromium's default is US Letter). */
const A4_INCHES = { width: 8.27, height: 11.7 };

export class PrintTab {
  /** Refusals of the document being printed. */
  #refused: string[] = [];

  private constructor(
    private readonly page: Page,
    private readonly protocol: CDPSession,
  ) {}

  /** A tab to print in: `blank`, a tab the browser has open already, or a new one. */
  static async open(browser: Browser, blank?: Page): Promise<PrintTab> {
    const page = blank ?? (await browser.newPage());
    try {
      const tab = new PrintTab(page, await page.createCDPSession());
      await tab.#refuseAllButData();
      return tab;
    } catch (cause) {
      await page.close().catch(() => undefined);
      throw cause;
    }
  }

  async #refuseAllButData(): Promise<void> {
    await this.page.setJavaScriptEnabled(false);
    await this.page.setRequestInterception(true);
    this.page.on('request', (request) => {
      const url = request.url();
      const answer = url.startsWith('data:') ? request.continue() : (this.#refused.push(url), request.abort('blockedbyclient'));
      // The tab may be closing already; the request is then void anyway.
      answer.catch(() => undefined);
    });
    this.page.on('console', (message) => {
      const local = LOCAL_RESOURCE.exec(message.text());
      if (local) this.#refused.push(local[1]!);
    });
  }

  async print(html: string, timeoutMs: number): Promise<Printed> {
    const refused: string[] = [];
    this.#refused = refused;
    // The document replaces whatever the tab held (no URL, so relative links resolve to nothing).
    await this.page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    // Notes go to the foot of their pages (footnote-layout.ts); a document without takes no extra step.
    if (hasFootnotes(html)) await layOutFootnotes(this.page);
    // Asked of Chromium directly rather than through page.pdf, which asks the page for its fonts (a
    // font of a template's own comes from a data: URL, loaded with the page) and then reads the PDF
    // back in pieces: three exchanges fewer, 4 to 13 ms of a warm print here. The page's size is its
    // CSS @page's. A print that hangs is bounded by the connection's protocol timeout and by the
    // Printer's own time limit.
    const { data } = await this.protocol.send('Page.printToPDF', {
      paperWidth: A4_INCHES.width,
      paperHeight: A4_INCHES.height,
      marginTop: 0,
      marginBottom: 0,
      marginLeft: 0,
      marginRight: 0,
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      transferMode: 'ReturnAsBase64',
    });
    // A copy out of the Buffer, which may sit in Node's shared pool, into an ArrayBuffer of its own.
    const pdf = new Uint8Array(Buffer.from(data, 'base64'));
    return { pdf, refused };
  }

  /** Closing the tab ends its protocol session too. */
  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}
