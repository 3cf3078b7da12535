// A word longer than a line (pasted, or an address without hyphens) in the
// title, a paragraph or a table cell breaks where it must: the PDF keeps its
// type size and page size, and loses none of its characters. Read back with
// poppler, against the same document with short words.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch, sourceFolder } from './helpers/cli.js';
import { pageCount, pageText, pageWords, type Word } from './helpers/pdf.js';

const TITLE_WORD = 'Smartsustainablecities'.repeat(9);
const PARAGRAPH_WORD = 'Internetofthingsinteroperability'.repeat(6);
const ADDRESS = `https://www.itu.int/md/T17SG20170403/${'studygroupdocumentsonsmartcities'.repeat(5)}/index.html`;
const CELL_WORD = 'Deviceandnetworkmanagement'.repeat(8);

const source = (number: string, long: boolean) => `---
document: C17/${number}
date: 2017-03-31
language: en
title: Progress report ${long ? TITLE_WORD : 'on smart sustainable cities'}
meeting: { name: Council 2017, place: Geneva, start: 2017-05-15, end: 2017-05-25 }
from: report
summary: A report on the work of the study groups on smart sustainable cities.
action_required: The Council is invited to note this report.
---

# Work of the study groups

The study group reported on ${long ? PARAGRAPH_WORD : 'interoperability'} at its meeting in March 2017.

^ Its documents are published at ${long ? ADDRESS : 'the ITU website'} for the members.

Table: Work items of the study group
| Item | Subject | Status |
|---|---|---|
| 1 | ${long ? CELL_WORD : 'Device and network management'} | Approved |
| 2 | Smart sustainable cities | Consented |

${'The Council is invited to note the progress made by the study groups on the Internet of things and on smart sustainable cities. '.repeat(25)}
`;

// A4 in points, less the 20 mm margins.
const PAGE = { width: 595.28, margin: 56.69 };

let out: string;
const pdf = (number: string) => join(out, `C17-${number}-E.pdf`);
const allWords = (path: string): Word[] => Array.from({ length: pageCount(path) }, (_, i) => pageWords(path, i + 1)).flat();
const heights = (words: Word[], text: string) => words.filter((w) => w.text === text).map((w) => Math.round((w.yMax - w.yMin) * 10) / 10);

beforeAll(() => {
  const dir = sourceFolder({ 'long.md': source('94', true), 'short.md': source('95', false) });
  out = scratch();
  const run = runCli(['build', join(dir, 'source'), '--out', out, '--format', 'pdf', '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['C17-94-E.meta.json', 'C17-94-E.pdf', 'C17-95-E.meta.json', 'C17-95-E.pdf']);
}, 180_000);

describe('words longer than a line', () => {
  it('leave the type size as it is: the words of the text are as tall as with short words', () => {
    const long = allWords(pdf('94'));
    const short = allWords(pdf('95'));
    for (const word of ['Council', 'invited', 'Geneva,', 'Approved', 'Summary']) {
      const expected = heights(short, word);
      expect(expected.length, word).toBeGreaterThan(0);
      expect(new Set(heights(long, word)), word).toEqual(new Set(expected));
    }
    // Shrunk to fit, the text would take fewer pages than the same text with short words.
    expect(pageCount(pdf('94'))).toBeGreaterThanOrEqual(pageCount(pdf('95')));
  });

  it('keep every word inside the page margins', () => {
    for (const w of allWords(pdf('94'))) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(PAGE.margin - 1);
      expect(w.xMax, w.text).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 1);
    }
  });

  it('lose none of their characters: the title, the paragraph, the address and the table cell are whole', () => {
    const path = pdf('94');
    const text = Array.from({ length: pageCount(path) }, (_, i) => pageText(path, i + 1)).join('').replace(/\s+/g, '');
    // The title is printed in capitals.
    expect(text).toContain(`PROGRESSREPORT${TITLE_WORD.toUpperCase()}`);
    expect(text).toContain(`reportedon${PARAGRAPH_WORD}atits`);
    expect(text).toContain(`publishedat${ADDRESS}forthe`);
    expect(text).toContain(`1${CELL_WORD}Approved`);
  });
});
