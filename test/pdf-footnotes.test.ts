// Footnotes in the PDF: hand-made documents in the HTML writer's footnote
// markup, printed by the project's printer, read back with poppler and qpdf.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, scratch } from './helpers/cli.js';
import { footnoteDocument, NOTE_WORDS, type FixtureOptions } from './helpers/footnotes.js';
import { outline, pageCount, type OutlineItem, pageText, pageWords, pdfinfo, qpdfCheck, type Word } from './helpers/pdf.js';
import { BrowserProcess } from '../src/writers/pdf/browser-process.js';
import { BrowserSession } from '../src/writers/pdf/browser-session.js';
import { Printer } from '../src/writers/pdf/chromium.js';
import { findChromium } from '../src/writers/pdf/print-settings.js';
import { setPdfDates } from '../src/writers/pdf/dates.js';
import { hasFootnotes } from '../src/writers/pdf/footnote-layout.js';

/** Body text is 12pt (word boxes 12pt high), the annex-style table 10.8pt; notes and citation numbers 10pt or less. */
const SMALL = 10.5;
const height = (w: Word) => w.yMax - w.yMin;
const squeeze = (s: string) => s.replace(/\s+/g, '');

interface PageReading {
  /** Note numbers cited in the text of the page: small digits set against a word of the text. */
  cited: number[];
  /** Note numbers at the foot of the page. */
  notes: number[];
  /** Lowest line of text and highest line of notes (PDF points from the top). */
  bodyBottom: number;
  notesTop: number;
  bodyHeights: number[];
  text: string;
}

function readPage(pdf: string, page: number): PageReading {
  const words = pageWords(pdf, page).filter((w) => w.yMin > 70); // below the running header
  const body = words.filter((w) => height(w) >= SMALL);
  const small = words.filter((w) => height(w) < SMALL);
  const touches = (w: Word, b: Word) =>
    (Math.abs(w.xMin - b.xMax) < 1 || Math.abs(w.xMax - b.xMin) < 1) && w.yMax > b.yMin && w.yMin < b.yMax;
  const cited = small.filter((w) => /^\d+$/.test(w.text) && body.some((b) => touches(w, b))).map((w) => Number(w.text));
  const bodyBottom = Math.max(0, ...body.map((b) => b.yMax));
  const foot = small.filter((w) => w.yMin > bodyBottom);
  // A note's number starts its first line: the first word at the line's start edge.
  const sameLine = (w: Word) => foot.filter((o) => Math.abs(o.yMin - w.yMin) < 2);
  const notes = foot
    .filter((w) => /^\d{1,2}$/.test(w.text))
    .filter((w) => sameLine(w).every((o) => o.xMin >= w.xMin) || sameLine(w).every((o) => o.xMax <= w.xMax))
    .map((w) => Number(w.text));
  return {
    cited,
    notes,
    bodyBottom,
    notesTop: Math.min(Infinity, ...foot.map((w) => w.yMin)),
    bodyHeights: body.map(height),
    text: squeeze(pageText(pdf, page)),
  };
}

const VARIANTS: Record<string, FixtureOptions> = {
  ltr: {},
  'shifted one sentence': { shift: 1 },
  'shifted two sentences': { shift: 2 },
  'shifted three sentences': { shift: 3 },
  rtl: { rtl: true },
};

describe('footnotes in the PDF', () => {
  const printer = new Printer();
  const dir = scratch();
  const pdfs: Record<string, string> = {};
  /** The same documents without notes, left to right and right to left. */
  const plainOf = (name: string) => pdfs[VARIANTS[name]!.rtl ? 'plain rtl' : 'plain']!;

  beforeAll(async () => {
    for (const [name, options] of Object.entries({ ...VARIANTS, plain: { notes: false }, 'plain rtl': { notes: false, rtl: true } })) {
      const file = join(dir, `${name.replace(/\s+/g, '-')}.pdf`);
      writeFileSync(file, (await printer.print(footnoteDocument(options))).pdf);
      pdfs[name] = file;
    }
  });

  afterAll(() => printer.close());

  for (const name of Object.keys(VARIANTS)) {
    describe(name, () => {
      it('prints each note on the page of its citation, below the text, and every note once', () => {
        const pdf = pdfs[name]!;
        const seen: number[] = [];
        for (let page = 1; page <= pageCount(pdf); page++) {
          const reading = readPage(pdf, page);
          expect(reading.notes.sort(), `page ${page}`).toEqual(reading.cited.sort());
          for (const n of reading.notes) {
            expect(reading.text, `note ${n} on page ${page}`).toContain(squeeze(NOTE_WORDS[n - 1]!));
            seen.push(n);
          }
          if (reading.notes.length) expect(reading.notesTop, `page ${page}`).toBeGreaterThan(reading.bodyBottom);
        }
        expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      });

      it('prints no end-notes section, heading or back-links', () => {
        const pdf = pdfs[name]!;
        const all = Array.from({ length: pageCount(pdf) }, (_, i) => pageText(pdf, i + 1)).join('\n');
        expect(all).not.toMatch(/^Notes$/m);
        expect(all).not.toContain('↩');
      });

      it('keeps the body text at its size, the table header on every page of the table, the running header, outline and tags', () => {
        const pdf = pdfs[name]!;
        const plain = plainOf(name);
        const sizes = (file: string) => {
          const all = Array.from({ length: pageCount(file) }, (_, i) => readPage(file, i + 1).bodyHeights).flat();
          return Math.max(...all);
        };
        expect(sizes(pdf)).toBeCloseTo(sizes(plain), 2);
        const tablePages = Array.from({ length: pageCount(pdf) }, (_, i) => i + 1).filter((p) => readPage(pdf, p).text.includes('ITU-TY.41'));
        expect(tablePages.length).toBeGreaterThanOrEqual(2);
        for (const p of tablePages) expect(readPage(pdf, p).text, `page ${p}`).toContain('IdentifierTitleStatusDate');
        for (let p = 2; p <= pageCount(pdf); p++) expect(pageText(pdf, p)).toMatch(new RegExp(`^- ${p} -\\nC17/23-E`));
        const titles = (items: OutlineItem[]): string[] => items.flatMap((i) => [i.title, ...titles(i.kids)]);
        expect(titles(outline(pdf))).toEqual(titles(outline(plain)));
        expect(titles(outline(pdf))).toHaveLength(4);
        expect(pdfinfo(pdf).Tagged).toBe('yes');
        expect(qpdfCheck(pdf).status).toBe(0);
      });
    });
  }
});

describe('documents without footnotes', () => {
  it('are told apart by a look at the HTML string', () => {
    expect(hasFootnotes(footnoteDocument({ notes: false }))).toBe(false);
    expect(hasFootnotes(footnoteDocument())).toBe(true);
  });

  it('print the same bytes as a print without the footnote step', async () => {
    const seed = readFileSync(join(buildSeed('html'), 'C17-23-E.html'), 'utf8');
    expect(hasFootnotes(seed)).toBe(false);
    const instant = new Date('2017-03-31T00:00:00Z');
    for (const html of [seed, footnoteDocument({ notes: false })]) {
      // A browser each: a tab's first print is compared (a tab's later prints of the same page differ from it
      // in a few bytes, with or without this step).
      const browser = new BrowserProcess(findChromium(), process.env);
      const session = await BrowserSession.start(browser, 60_000);
      try {
        const printed = await session.print(html, 60_000);
        // The print as it was before footnotes: a tab with the page's JavaScript off, the same options.
        const page = await session.browser.newPage();
        await page.setJavaScriptEnabled(false);
        await page.setContent(html, { waitUntil: 'load' });
        const before = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        await page.close();
        expect(Buffer.from(setPdfDates(printed.pdf, instant)).equals(Buffer.from(setPdfDates(before, instant)))).toBe(true);
      } finally {
        await browser.kill();
      }
    }
  });
});
