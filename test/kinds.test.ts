// Every kind of Council document read back as a reader finds it: a summary
// record, a contribution, and the revision, addendum and corrigendum of a
// document, side by side with their original. HTML by a parser, DOCX by
// python-docx and its XML, PDF by poppler, the calendar by python-icalendar.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { ROOT, runCli, scratch, sourceFolder } from './helpers/cli.js';
import { pageCount, pageLines } from './helpers/pdf.js';

const KINDS = join(ROOT, 'test', 'fixtures', 'kinds');
const text = (node: Element | Root | undefined) => (node ? toText(node).replace(/\s+/g, ' ').trim() : '');
const html = (path: string) => fromHtml(readFileSync(path, 'utf8'));

/** Paragraph texts, table cells (row by row, "|"-joined), header texts and the core properties of a DOCX. */
const READ_DOCX = String.raw`
import sys, json, zipfile, docx
d = docx.Document(sys.argv[1])
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({
  'paragraphs': [p.text for p in d.paragraphs],
  'tables': [['|'.join(c.text for c in r.cells) for r in t.rows] for t in d.tables],
  'headers': ' '.join(z.read(n).decode() for n in z.namelist() if n.startswith('word/header')),
  'subject': d.core_properties.subject,
  'title': d.core_properties.title,
}))
`;
function readDocx(path: string): { paragraphs: string[]; tables: string[][]; headers: string; subject: string; title: string } {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_DOCX, path], { encoding: 'utf8' }));
}

function build(dir: string, ...extra: string[]): string {
  const out = scratch();
  const run = runCli(['build', dir, '--out', out, '--quiet', ...extra]);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stderr}`);
  return out;
}

describe('a summary record', () => {
  let out: string;
  beforeAll(() => {
    const dir = scratch();
    copyFileSync(join(KINDS, 'C18-120.md'), join(dir, 'C18-120.md'));
    out = build(dir);
  });

  it('heads page 1 with the meeting it records, its hours, its chairman and the subjects discussed, in HTML', () => {
    const tree = html(join(out, 'C18-120-E.html'));
    expect(text(select('h1.record-heading', tree) as Element)).toBe('Summary record of the eighth plenary meeting');
    expect(text(select('.record-time', tree) as Element)).toBe('Wednesday, 25 April 2018, from 0940 to 1235 hours');
    expect(text(select('.record-chairman', tree) as Element)).toBe('Chairman: Mr A. Kuanyshev (Kazakhstan)');
    expect(selectAll('.record-subjects th', tree).map(text)).toEqual(['Subjects discussed', 'Documents']);
    expect(selectAll('.record-subjects tbody tr', tree).map((tr) => selectAll('td', tr).map(text))).toEqual([
      ['1', 'Regional presence', 'C18/45'],
      ['2', 'Financial operating report for 2017', 'C18/49(Rev.1), C18/DT/5'],
      ['3', 'Other business', ''],
    ]);
    // No summary box, no from-line; the subjects are its numbered sections, titled as written.
    expect(select('.summary-box', tree)).toBeUndefined();
    expect(select('.from', tree)).toBeUndefined();
    expect(text(select('#section-2-heading', tree) as Element)).toBe('2. Financial operating report for 2017 (Documents C18/49(Rev.1), C18/DT/5)');
    expect(text(select('[id="para-2.1"]', tree) as Element)).toMatch(/^2\.1 The Chief of the Financial Resources/);
  });

  it('prints the same first page in the PDF, the heading in capitals', () => {
    const lines = pageLines(join(out, 'C18-120-E.pdf'), 1);
    const at = lines.indexOf('SUMMARY RECORD');
    expect(lines.slice(at, at + 5)).toEqual([
      'SUMMARY RECORD',
      'OF THE',
      'EIGHTH PLENARY MEETING',
      'Wednesday, 25 April 2018, from 0940 to 1235 hours',
      'Chairman: Mr A. Kuanyshev (Kazakhstan)',
    ]);
    expect(lines).toContain('2 Financial operating report for 2017 C18/49(Rev.1), C18/DT/5');
    expect(lines.some((l) => l.startsWith('Summary'))).toBe(false);
  });

  it('has the heading, the hours and the subjects table in the DOCX, and its name in the properties', () => {
    const docx = readDocx(join(out, 'C18-120-E.docx'));
    expect(docx.paragraphs).toEqual(expect.arrayContaining(['Summary record', 'of the', 'eighth plenary meeting', 'Wednesday, 25 April 2018, from 0940 to 1235 hours']));
    expect(docx.tables[1]).toEqual([
      'Subjects discussed|Subjects discussed|Documents',
      '1|Regional presence|C18/45',
      '2|Financial operating report for 2017|C18/49(Rev.1), C18/DT/5',
      '3|Other business|',
    ]);
    expect(docx.title).toBe('Summary record of the eighth plenary meeting');
  });
});

describe('a contribution', () => {
  it('is from its contributors, named as the language lists them', () => {
    const dir = scratch();
    copyFileSync(join(KINDS, 'C18-60.md'), join(dir, 'C18-60.md'));
    const out = build(dir, '--format', 'html,docx');
    const from = 'Contribution by Rwanda, Senegal and United Republic of Tanzania';
    expect(text(select('.from', html(join(out, 'C18-60-E.html'))) as Element)).toBe(from);
    expect(readDocx(join(out, 'C18-60-E.docx')).paragraphs).toContain(from);
  });
});

describe('a revision, an addendum and a corrigendum', () => {
  let out: string;
  const original = readFileSync(join(KINDS, 'C18-60.md'), 'utf8');
  // Long enough for a second page, with an event for the calendar.
  const issue = (key: string) =>
    original
      .replace('agenda_item: PL 2.1\n', `agenda_item: PL 2.1\n${key}: 1\nevents:\n  - id: broadband-forum-2019\n    title: Forum on affordable broadband\n    month: 2019-03\n`)
      .replace('The forum would report', `${'The [forum](event:broadband-forum-2019) would meet for two days, in a least developed country in turn, hosted by its administration.\n\n'.repeat(14)}The forum would report`);
  beforeAll(() => {
    const dir = sourceFolder({
      'C18-60.md': original,
      'C18-60-rev.md': issue('revision'),
      'C18-60-add.md': issue('addendum'),
      'C18-60-corr.md': issue('corrigendum'),
    });
    out = build(join(dir, 'source'));
  });

  it('writes each beside the original, under file names of their own', () => {
    const html = readdirSync(out).filter((f) => f.endsWith('.html')).sort();
    expect(html).toEqual(['C18-60-Add1-E.html', 'C18-60-Corr1-E.html', 'C18-60-E.html', 'C18-60-Rev1-E.html']);
  });

  it.each([
    ['Rev1', 'Revision 1 to', 'C18/60(Rev.1)-E'],
    ['Add1', 'Addendum 1 to', 'C18/60(Add.1)-E'],
    ['Corr1', 'Corrigendum 1 to', 'C18/60(Corr.1)-E'],
  ])('%s: says what it amends on page 1, and prints its own number on later pages, in properties and the calendar', (stem, line, number) => {
    const base = join(out, `C18-60-${stem}-E`);
    const tree = html(`${base}.html`);
    expect(selectAll('.document-id p', tree).map(text).slice(0, 2)).toEqual([line, 'Document C18/60-E']);
    const pdf = `${base}.pdf`;
    expect(pageCount(pdf)).toBeGreaterThan(1);
    expect(pageLines(pdf, 1).join(' ')).toContain(`${line} Document C18/60-E`);
    expect(pageLines(pdf, 2).slice(0, 2)).toEqual(['- 2 -', number]);
    const docx = readDocx(`${base}.docx`);
    expect(docx.subject).toBe(number);
    expect(docx.headers).toContain(number);
    expect(docx.paragraphs).toEqual(expect.any(Array));
    const calendar = readFileSync(`${base}.ics`, 'utf8').replace(/\r\n /g, '');
    expect(calendar).toContain(`NAME:Events in ${number}`);
    // The same event as in any other issue of the document: a new import updates it.
    expect(calendar).toContain('UID:broadband-forum-2019@c18-60.council.itu.int');
  });

  it('leaves the original as it was', () => {
    const tree = html(join(out, 'C18-60-E.html'));
    expect(selectAll('.document-id p', tree).map(text)[0]).toBe('Document C18/60-E');
  });
});

describe('refused kinds', () => {
  const front = readFileSync(join(KINDS, 'C18-60.md'), 'utf8');
  it.each([
    ['an addendum that is a revision too', front.replace('agenda_item: PL 2.1\n', 'agenda_item: PL 2.1\nrevision: 1\naddendum: 1\n'), /:13:11: error: "addendum": a document is a revision, an addendum or a corrigendum, not both revision and addendum: keep one \[invalid-value\]/],
    ['a contribution without contributors', front.replace(/contributors:\n(  - .*\n)+/, ''), /error: missing required key "contributors" \[missing-key\]/],
    ['a summary record with a summary box', readFileSync(join(KINDS, 'C18-120.md'), 'utf8').replace('kind: summary-record\n', 'kind: summary-record\nsummary: A summary.\n'), /:6:10: error: "summary": a summary record has no summary box: remove it \[invalid-value\]/],
  ])('%s, at its place', (_name, source, message) => {
    const dir = sourceFolder({ 'doc.md': source });
    const run = runCli(['check', join(dir, 'source')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
  });
});

describe('the words of C17/23 list items, as issued', () => {
  it('are printed word for word in HTML, PDF and DOCX', () => {
    const out = build(join(ROOT, 'source'), '--format', 'html,pdf,docx');
    const items = [
      'World Smart City Forum, jointly organized with IEC and ISO, Barcelona, November 2017.',
      'ITU-D Forum on IoT: Smarter Living in the Caribbean, Port of Spain, Trinidad and Tobago, 24-26 April 2017.',
    ];
    const tree = html(join(out, 'C17-23-E.html'));
    const li = selectAll('li', tree).map(text);
    const pdf = join(out, 'C17-23-E.pdf');
    const pdfText = Array.from({ length: pageCount(pdf) }, (_, i) => pageLines(pdf, i + 1).join(' ')).join(' ');
    const docx = readDocx(join(out, 'C17-23-E.docx')).paragraphs.map((p) => p.replace(/^\S+\t/, ''));
    for (const item of items) {
      expect(li).toContain(item);
      expect(pdfText).toContain(item);
      expect(docx).toContain(item);
    }
  });
});
