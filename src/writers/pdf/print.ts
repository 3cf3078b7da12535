// One HTML document → PDF bytes, in a fresh tab of a running browser. The tab
// runs no script and fetches nothing: the document is handed over as a string,
// and every request it makes is refused unless it is a data: URL (the logo is
// one). So nothing a source or a template says can make Chromium fetch or read
// a file or a server.
import type { Browser } from 'puppeteer';

export interface Printed {
  pdf: Uint8Array;
  /** URLs the page asked for and did not get, in the order asked. */
  refused: string[];
}

/** Chromium's own refusal of a file: URL from a page that is not a file; no request is made, so the console is the only trace. */
const LOCAL_RESOURCE = /^Not allowed to load local resource: (\S+)/;

export async function printHtml(browser: Browser, html: string, timeoutMs: number): Promise<Printed> {
  const page = await browser.newPage();
  const refused: string[] = [];
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      const answer = url.startsWith('data:') ? request.continue() : (refused.push(url), request.abort('blockedbyclient'));
      // The tab may be closing already; the request is then void anyway.
      answer.catch(() => undefined);
    });
    page.on('console', (message) => {
      const local = LOCAL_RESOURCE.exec(message.text());
      if (local) refused.push(local[1]!);
    });
    // The document is written into the blank tab (no URL, so relative links resolve to nothing).
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout: timeoutMs,
    });
    return { pdf, refused };
  } finally {
    await page.close().catch(() => undefined);
  }
}
