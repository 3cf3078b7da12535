// The body's constructs on the printed page, read back with poppler and qpdf:
// what a delegate sees on paper and in the bookmarks of the project's test document.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBody, buildSeed } from './helpers/cli.js';
import { images, outline, pageCount, pageLines, pageSizes, pageWords, type OutlineItem } from './helpers/pdf.js';

let pdf: string;
let seedPdf: string;
let pages: string[][];

/** Height of the word "the" in a paragraph's text on a page (tables and notes set it smaller). */
function bodyTextHeight(path: string, page: number): number {
  return Math.max(...pageWords(path, page).filter((w) => w.text === 'the').map((w) => w.yMax - w.yMin));
}

beforeAll(() => {
  pdf = join(buildBody('pdf'), 'C18-45-E.pdf');
  seedPdf = join(buildSeed('pdf'), 'C17-23-E.pdf');
  pages = Array.from({ length: pageCount(pdf) }, (_, i) => pageLines(pdf, i + 1));
});

const pageOf = (pattern: RegExp) => pages.findIndex((lines) => lines.some((l) => pattern.test(l))) + 1;

describe('the body in the PDF', () => {
  it('repeats the header row of a table on every page it spans', () => {
    const first = pageOf(/^Table 2 – Selected events/);
    const last = pageOf(/^36 Regional Preparatory Meeting for Africa/);
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    for (let page = first; page <= last; page++) {
      expect(pages[page - 1]!.some((l) => /^No\. Event Office Month Participants$/.test(l)), `page ${page}`).toBe(true);
    }
  });

  it('prints the body at its normal size, on A4 pages: no table shrinks the page, not even one with a long address', () => {
    const seedSize = bodyTextHeight(seedPdf, 2);
    // The pages of paragraph 2.4, printed after a table, and of 3.3, printed after a table two pages long.
    for (const page of [pageOf(/^2\.4 The regional offices report/), pageOf(/^3\.3 Participation in the events/)]) {
      expect(bodyTextHeight(pdf, page), `page ${page}`).toBeCloseTo(seedSize, 1);
    }
    for (const size of pageSizes(pdf)) expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
  });

  it('prints each footnote at the foot of the page where it is cited, below the text', () => {
    // [number, words of the citing sentence (the number after them), words of the note]
    const notes: [string, RegExp, RegExp][] = [
      ['1', /activities of the regional presence\.1/, /^Resolution 25 \(Rev\. Busan, 2014\), resolves 2/],
      ['2', /filled at the end of the year\.2/, /^Posts funded from the regular budget only/],
      ['3', /published on the ITU website within two weeks\.3/, /^At the page of each regional office/],
      ['4', /largest share of events\.4/, /^Events held jointly by two offices/],
      ['5', /countries\.5/, /^As listed by the United Nations Committee/],
    ];
    for (const [number, citation, note] of notes) {
      const cited = pages.findIndex((lines) => citation.test(lines.join(' '))) + 1;
      const printed = pageOf(note);
      expect(cited, String(citation)).toBeGreaterThan(0);
      expect(printed, String(note)).toBe(cited);
      // The note's number stands just before its words, and no paragraph of the text comes after it.
      const lines = pages[printed - 1]!;
      const at = lines.findIndex((l) => note.test(l));
      expect(lines[at - 1], `number of note ${number}`).toBe(number);
      expect(lines.slice(at + 1).some((l) => /^\d+\.\d+ /.test(l)), `text after note ${number}`).toBe(false);
    }
    // In print the notes are at the foot of their pages: no list of notes at the end.
    expect(pages.flat().some((l) => /^Notes$/.test(l))).toBe(false);
  });

  it('draws both figures, with their numbered captions', () => {
    expect(images(pdf).length).toBeGreaterThanOrEqual(1);
    expect(pageOf(/^Figure 1 – Events organized by each regional office in 2017$/)).toBeGreaterThan(0);
    expect(pageOf(/^Figure 2 – Participants in events supported by the regional offices, 2015-2017$/)).toBeGreaterThan(0);
  });

  it('starts each annex on a page of its own and lists sections, sub-headings and annexes in the outline', () => {
    for (const label of ['ANNEX 1', 'ANNEX 2', 'ANNEX 3']) {
      const page = pageOf(new RegExp(`^${label}$`));
      expect(page, label).toBeGreaterThan(1);
      // First on its page, after the running header.
      expect(pages[page - 1]!.findIndex((l) => l === label), label).toBeLessThanOrEqual(2);
    }
    const titles = (items: OutlineItem[]): string[] => items.flatMap((i) => [i.title, ...titles(i.kids)]);
    const all = titles(outline(pdf));
    expect(all).toEqual(expect.arrayContaining(['2. Structure and staffing', 'Offices', 'Coordination with headquarters']));
    expect(all.some((t) => t.startsWith('ANNEX 1'))).toBe(true);
    expect(all.some((t) => t.startsWith('ANNEX 3'))).toBe(true);
  });

  it('prints deeper numbers and the current numbers of references', () => {
    expect(pageOf(/^2\.5\.1 Its agenda is prepared by the regional office/)).toBeGreaterThan(0);
    const text = pages.flat().join(' ');
    expect(text).toContain('listed in Table 1.');
    expect(text).toContain('as set out in 2.2.');
    expect(text).toContain('described in Annex 1.');
  });
});
