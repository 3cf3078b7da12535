// Arabic, right to left: a short Arabic document built with the project's Arabic locale, read back with
// poppler (PDF), unzip (DOCX) and LibreOffice (the DOCX printed by another program).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratch } from './helpers/cli.js';
import { pageSizes, pageText, pageWords, pdffonts } from './helpers/pdf.js';

const SOURCE = `---
document: C17/99
date: 2017-03-31
language: ar
title: تيسير إنترنت الأشياء تمهيدا لعالم موصول عالميا
meeting:
  name: المجلس 2017
  place: جنيف
  start: 2017-05-15
  end: 2017-05-25
original: ar
from: report
summary: يعرض هذا التقرير أنشطة الاتحاد المتعلقة بالقرار 197 بشأن إنترنت الأشياء.
action_required: يدعى المجلس إلى الإحاطة علما بهذا التقرير.
---

# مقدمة

يعرض هذا التقرير أنشطة الاتحاد الدولي للاتصالات المتعلقة بالقرار 197 بشأن تيسير إنترنت الأشياء.[^1] ويدعو المجلس إلى الإحاطة علما بهذا التقرير وبما تضمنه من أنشطة.

واصلت لجان الدراسات عملها في مجال المدن الذكية والمستدامة خلال العام الماضي، وعقدت عدة اجتماعات في جنيف.

- اعتماد توصيات جديدة بشأن إنترنت الأشياء
- تنظيم ورش عمل إقليمية للبلدان النامية

Table: الاجتماعات المعقودة في عام 2016
| الاجتماع | المكان |
|:--------|:------|
| لجنة الدراسات 20 | جنيف |
| المنتدى العالمي | سنغافورة |

[^1]: القرار 197 (بوسان، 2014).
`;

/** Words of the second paragraph, in their logical (reading) order; none is drawn with a ligature of two letters that poppler splits. */
const SENTENCE = 'المدن الذكية والمستدامة خلال العام الماضي وعقدت عدة اجتماعات';

/**
 * The words of poppler's -raw text in reading order. For right-to-left lines poppler gives the words
 * left to right as drawn (each word's letters in logical order, wrapped in U+202B ... U+202C), so each
 * line's words are reversed; marks and punctuation are dropped.
 */
/** Page 1 of a PDF, mirrored: the document number at the left, the meeting's name and the footer at the right, paragraph 1.2's number right of its line. */
function expectMirrored(pdf: string): void {
  const width = pageSizes(pdf)[0]!.width;
  const words = pageWords(pdf, 1);
  const find = (text: string) => words.find((w) => w.text === text)!;
  expect(find('C17/99-A').xMax).toBeLessThan(width / 2);
  // bbox gives an Arabic word's letters in drawing order, reversed.
  const meeting = words.find((w) => [...w.text].reverse().join('') === 'المجلس')!;
  expect(meeting.xMin).toBeGreaterThan(width / 2);
  expect(meeting.yMin).toBeLessThan(find('C17/99-A').yMin);
  expect(find('www.itu.int/council').xMin).toBeGreaterThan(width / 2);
  const number = find('1.2');
  // Digits and Arabic letters have boxes of different heights: a word of the line has its middle near the number's.
  const middle = (w: { yMin: number; yMax: number }) => (w.yMin + w.yMax) / 2;
  const line = words.filter((w) => w !== number && Math.abs(middle(w) - middle(number)) < 4);
  expect(line.length).toBeGreaterThan(3);
  expect(number.xMin).toBeGreaterThan(Math.max(...line.map((w) => w.xMax)));
}

function readingWords(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\u202a-\u202e]/g, '')
        .replace(/[.,،:()]/g, '')
        .split(/\s+/)
        .filter(Boolean)
        .reverse()
        .join(' '),
    )
    .join('\n');
}

let out: string;
const file = (ext: string) => join(out, `C17-99-A.${ext}`);

beforeAll(() => {
  const dir = scratch('council-docs-rtl-');
  mkdirSync(join(dir, 'source'));
  writeFileSync(join(dir, 'source', 'C17-99.md'), SOURCE);
  out = join(dir, 'out');
  const run = runCli(['build', join(dir, 'source', 'C17-99.md'), '--out', out, '--quiet']);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stderr}`);
}, 120_000);

describe('an Arabic document', () => {
  it('is HTML of right-to-left Arabic', () => {
    const html = readFileSync(file('html'), 'utf8');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    // The page-1 footer line is mirrored to the bottom right.
    expect(html).toContain('@bottom-right');
    expect(html).not.toContain('@bottom-left');
  });

  it('has a mirrored first page in the PDF: the document number at the left, the meeting at the right', () => {
    const width = pageSizes(file('pdf'))[0]!.width;
    const words = pageWords(file('pdf'), 1);
    const number = words.find((w) => w.text === 'C17/99-A')!;
    expect(number.xMax).toBeLessThan(width / 2);
    // The meeting's name is the first line; bbox gives an Arabic word's letters in drawing order, reversed.
    const meeting = words.find((w) => [...w.text].reverse().join('') === 'المجلس')!;
    expect(meeting.xMin).toBeGreaterThan(width / 2);
    expect(meeting.yMin).toBeLessThan(number.yMin);
    // The footer line of page 1, at the bottom left in English, is at the bottom right.
    const footer = words.find((w) => w.text === 'www.itu.int/council')!;
    expect(footer.xMin).toBeGreaterThan(width / 2);
  });

  it('hangs paragraph numbers in the right margin, right of their text', () => {
    const words = pageWords(file('pdf'), 1);
    const number = words.find((w) => w.text === '1.2')!;
    // Digits and Arabic letters have boxes of different heights: a word of the line has its middle near the number's.
    const middle = (w: { yMin: number; yMax: number }) => (w.yMin + w.yMax) / 2;
    const line = words.filter((w) => w !== number && Math.abs(middle(w) - middle(number)) < 4);
    expect(line.length).toBeGreaterThan(3);
    expect(number.xMin).toBeGreaterThan(Math.max(...line.map((w) => w.xMax)));
  });

  it('puts a table\'s first column at the right, and a note\'s number right of its words at the foot of the page', () => {
    const words = pageWords(file('pdf'), 1);
    const arabic = (text: string) => words.find((w) => [...w.text].reverse().join('') === text)!;
    const first = arabic('المنتدى');
    const second = arabic('سنغافورة');
    expect(Math.abs(first.yMin - second.yMin)).toBeLessThan(1);
    expect(first.xMin).toBeGreaterThan(second.xMax);
    const noteWord = arabic('القرار');
    const number = words.find((w) => w.text === '1' && w.yMin > first.yMax && Math.abs(w.yMin - noteWord.yMin) < 4)!;
    expect(number.xMin).toBeGreaterThan(noteWord.xMax);
  });

  it('gives back its Arabic sentence in reading order, in Amiri', () => {
    expect(readingWords(pageText(file('pdf'), 1))).toContain(SENTENCE);
    const fonts = pdffonts(file('pdf'));
    expect(fonts.some((f) => /Amiri/.test(f.name) && f.embedded)).toBe(true);
  });

  it('is a bidirectional DOCX that LibreOffice reads', () => {
    const part = (name: string) => spawnSync('unzip', ['-p', file('docx'), name], { encoding: 'utf8' }).stdout;
    const styles = part('word/styles.xml');
    const document = part('word/document.xml');
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:bidi\/>/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>[^]*<w:rtl\/>[^]*<\/w:rPrDefault>/);
    expect(styles).toMatch(/w:cs="Amiri"/);
    expect(styles).toMatch(/w:bidi="ar-SA"/);
    // Every table: the header table, the summary box and the author's table.
    expect(document.match(/<w:tbl>/g)?.length).toBe(3);
    expect(document.match(/<w:bidiVisual\/>/g)?.length).toBe(3);
    expect(document).toMatch(/<w:sectPr\b[^]*<w:titlePg\/><w:bidi\/><w:docGrid/);
    const lo = join(out, 'lo');
    const run = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', lo, file('docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    const text = spawnSync('pdftotext', ['-raw', join(lo, 'C17-99-A.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(readingWords(text)).toContain(SENTENCE);
    // Word's w:ind left and hanging are the start side of a bidirectional paragraph: the numbers hang at the right.
    expectMirrored(join(lo, 'C17-99-A.pdf'));
  }, 150_000);
});
