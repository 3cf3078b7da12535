// The DOCX with tracked changes of a revision, read back by programs that did not write it:
// LibreOffice accepts or rejects every change (through python3-uno, test/helpers/tracked-changes.py)
// and says what the file then holds, which is compared with what LibreOffice reads in the plain
// DOCX of the revision and of the issued version; python-docx opens the file; the package's XML
// shows what Word insists on (deleted words in w:delText, never w:t).
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSources } from '../src/pipeline.js';
import { formatMessages } from '../src/diagnostics/report.js';
import { markChanges } from '../src/transform/changes.js';
import type { CouncilDocument } from '../src/model/document.js';
import { loadLocale } from '../src/locale/locale.js';
import { documentLabels, documentNumber } from '../src/locale/labels.js';
import { loadSettings } from '../src/templates/settings.js';
import { writeDocx } from '../src/writers/docx/index.js';
import { ROOT, scratch } from './helpers/cli.js';
import { readWithOffice, type Block, type Decision, type OfficeReading } from './helpers/tracked-changes.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'changes');
const TEMPLATES = join(ROOT, 'templates');

// The revision marks of the package as python-docx and lxml read them: for each w:ins and w:del, its
// author, date, id and the text elements inside (w:t or w:delText); for each paragraph of the body and
// the notes, its words, whether it holds a mark (its paragraph mark's included) and its list level; for
// each table row, its words and its row mark. Opening the file with python-docx is itself a check.
const READ_MARKS = String.raw`
import sys, json, zipfile, docx
from lxml import etree

path = sys.argv[1]
d = docx.Document(path)
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
parts = {'body': d.element, 'notes': etree.fromstring(zipfile.ZipFile(path).read('word/footnotes.xml'))}

def words(el):
    return ''.join(e.text or '' for e in el.iter(W + 't', W + 'delText'))

def mark(el):
    return {'kind': el.tag[len(W):], 'text': words(el), 'author': el.get(W + 'author'), 'date': el.get(W + 'date'), 'id': el.get(W + 'id'),
            'where': el.getparent().tag[len(W):], 't': len(list(el.iter(W + 't'))), 'delText': len(list(el.iter(W + 'delText'))),
            'drawings': len(list(el.iter(W + 'drawing'))), 'noteCitations': [int(r.get(W + 'id')) for r in el.iter(W + 'footnoteReference')]}

def paragraph(p):
    rpr = p.find(W + 'pPr/' + W + 'rPr')
    level = p.find(W + 'pPr/' + W + 'numPr/' + W + 'ilvl')
    return {'words': words(p), 'marked': p.find('.//' + W + 'ins') is not None or p.find('.//' + W + 'del') is not None,
            'listLevel': None if level is None else int(level.get(W + 'val')),
            'paragraphMark': None if rpr is None else next((m.tag[len(W):] for m in rpr if m.tag in (W + 'ins', W + 'del')), None),
            'unmarkedWords': ''.join(t.text or '' for t in p.iter(W + 't') if not any(a.tag in (W + 'ins', W + 'del') for a in t.iterancestors()))}

print(json.dumps({
    'paragraphs': len(d.paragraphs),
    'marks': {name: [mark(m) for m in root.iter(W + 'ins', W + 'del')] for name, root in parts.items()},
    'delTextOutsideDel': sum(1 for root in parts.values() for t in root.iter(W + 'delText') if not any(a.tag == W + 'del' for a in t.iterancestors())),
    'bookmarkIds': [b.get(W + 'id') for root in parts.values() for b in root.iter(W + 'bookmarkStart')],
    'body': [paragraph(p) for p in d.element.body.iter(W + 'p')],
    'notes': [paragraph(p) for p in parts['notes'].iter(W + 'p')],
    'rows': [{'words': [words(tc) for tc in tr.iter(W + 'tc')],
              'rowMark': next((m.tag[len(W):] for m in tr.findall(W + 'trPr/*') if m.tag in (W + 'ins', W + 'del')), None)}
             for tr in d.element.body.iter(W + 'tr')],
}))
`;

interface Mark {
  kind: 'ins' | 'del';
  /** The words inside, deleted ones included. */
  text: string;
  author: string;
  date: string;
  id: string;
  /** The element it is in: p, hyperlink, rPr (a paragraph mark), trPr (a row). */
  where: string;
  t: number;
  delText: number;
  drawings: number;
  noteCitations: number[];
}
interface MarkedParagraph {
  words: string;
  marked: boolean;
  /** The paragraph's level in Word's list (w:numPr/w:ilvl): 0 a section, 1 its paragraphs (2.1), ...; null for none. */
  listLevel: number | null;
  paragraphMark: 'ins' | 'del' | null;
  unmarkedWords: string;
}
interface Marks {
  paragraphs: number;
  marks: { body: Mark[]; notes: Mark[] };
  delTextOutsideDel: number;
  bookmarkIds: string[];
  body: MarkedParagraph[];
  notes: MarkedParagraph[];
  rows: { words: string[]; rowMark: 'ins' | 'del' | null }[];
}

type Reading = OfficeReading;

async function read(path: string): Promise<CouncilDocument> {
  const [checked] = await checkSources([path], TEMPLATES);
  if (!checked?.document || checked.file.messages.some((m) => m.fatal)) throw new Error(formatMessages(checked!.file).join('\n'));
  return checked.document;
}

async function docx(document: CouncilDocument): Promise<Uint8Array> {
  const locale = loadLocale(TEMPLATES, document.meta.language);
  return writeDocx(document, { templatesDir: TEMPLATES, locale, labels: documentLabels(document.meta, locale), settings: loadSettings(TEMPLATES) });
}

const LOCALE = loadLocale(TEMPLATES, 'en');

/**
 * The body from its first section to the standards annex, numbers included. Page 1 says which
 * version the file is ("Revision 1 to"), and the standards annex is made by the tool from the
 * revision's citations, under the revision's annex number: they are left out.
 */
function authorsWords(body: Block[]): Block[] {
  const from = body.findIndex((b) => typeof b === 'string' && b.startsWith('1.\t'));
  const to = body.indexOf(LOCALE.annex.title) - 1;
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return body.slice(from, to);
}

const paragraphs = (body: Block[]) => body.filter((b): b is string => typeof b === 'string');
/** Page 1's box: the summary, the action required and the references. */
const box = (r: Reading) => r.body.filter((b): b is { table: string[][] } => typeof b !== 'string')[1];

/** Each test document and its revision 1, in test/fixtures/changes. */
const DOCUMENTS = ['C19-35', 'C19-36'] as const;
type Name = (typeof DOCUMENTS)[number];
const VERSIONS = ['issued', 'revision', 'marked'] as const;

let dir: string;
const marks = {} as Record<Name, Marks>;
const revisionDates = {} as Record<Name, string>;
/** LibreOffice's readings, by "<mode>:<document>-<version>". */
let readings: Record<string, Reading>;
const reading = (mode: Reading['mode'], name: Name, version: (typeof VERSIONS)[number]) => readings[`${mode}:${name}-${version}`]!;

beforeAll(async () => {
  dir = scratch('council-docs-changes-');
  for (const name of DOCUMENTS) {
    const issued = await read(join(FIXTURES, `${name}.md`));
    const revision = await read(join(FIXTURES, `${name}-rev1.md`));
    revisionDates[name] = revision.meta.date;
    const marked = markChanges(issued, revision, { base: documentNumber(issued.meta, LOCALE), author: LOCALE.changes.author, date: revision.meta.date });
    const files = { issued: await docx(issued), revision: await docx(revision), marked: await docx(marked) };
    for (const version of VERSIONS) writeFileSync(join(dir, `${name}-${version}.docx`), files[version]);
    marks[name] = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', READ_MARKS, join(dir, `${name}-marked.docx`)], { encoding: 'utf8', maxBuffer: 64 << 20 }),
    ) as Marks;
  }
  // One LibreOffice reads every file: it takes seconds to start.
  const jobs = DOCUMENTS.flatMap((name) => [
    `accept:${name}-marked`,
    `reject:${name}-marked`,
    ...VERSIONS.map((version) => `as-is:${name}-${version}`),
  ]);
  const results = readWithOffice(jobs.map((job) => {
    const [mode, file] = job.split(':') as [Decision, string];
    return [join(dir, `${file}.docx`), mode];
  }));
  readings = Object.fromEntries(jobs.map((job, i) => [job, results[i]!]));
  for (const result of results) expect(result.error).toBeUndefined();
}, 300_000);

describe.each(DOCUMENTS)('the DOCX with tracked changes of %s(Rev.1)', (name) => {
  it('holds changes LibreOffice sees as tracked changes, and none is left after accepting or rejecting them all', () => {
    expect(reading('as-is', name, 'marked').changes).toBeGreaterThan(10);
    expect(reading('as-is', name, 'revision').changes).toBe(0);
    expect(reading('accept', name, 'marked').left).toBe(0);
    expect(reading('reject', name, 'marked').left).toBe(0);
  });

  it('with every change accepted, is exactly the revision', () => {
    const accepted = reading('accept', name, 'marked');
    const revision = reading('as-is', name, 'revision');
    expect(accepted.body).toEqual(revision.body);
    expect(accepted.notes).toEqual(revision.notes);
    // There were changes to accept: the revision is not the issued text.
    expect(authorsWords(revision.body)).not.toEqual(authorsWords(reading('as-is', name, 'issued').body));
  });

  it('with every change rejected, has the issued words and numbers, the summary and the notes included', () => {
    const rejected = reading('reject', name, 'marked');
    const issued = reading('as-is', name, 'issued');
    expect(box(rejected)).toEqual(box(issued));
    expect(rejected.notes).toEqual(issued.notes);
    expect(authorsWords(rejected.body)).toEqual(authorsWords(issued.body));
  });

  it('opens in python-docx, its deleted words in w:delText and never in w:t, by the revision\'s author on its date', () => {
    const found = marks[name];
    expect(found.paragraphs).toBeGreaterThan(20);
    const all = [...found.marks.body, ...found.marks.notes];
    const deletions = all.filter((m) => m.kind === 'del');
    const insertions = all.filter((m) => m.kind === 'ins');
    expect(deletions.filter((m) => m.delText > 0).length).toBeGreaterThan(3);
    expect(deletions.filter((m) => m.t > 0)).toEqual([]);
    expect(insertions.filter((m) => m.delText > 0)).toEqual([]);
    expect(found.delTextOutsideDel).toBe(0);
    for (const m of all) expect([m.author, m.date]).toEqual([LOCALE.changes.author, `${revisionDates[name]}T00:00:00Z`]);
    // Word wants each annotation's id unique: the marks' and the bookmarks' together.
    const ids = [...all.map((m) => m.id), ...found.bookmarkIds];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
  });
});

describe('C19/35(Rev.1): a word changed, a sentence deleted, a paragraph inserted before others, a cell and a note changed', () => {
  it('numbers its paragraphs as Word lists, so that accepting or rejecting renumbers those after a change', () => {
    const decided = (mode: Reading['mode']) => paragraphs(reading(mode, 'C19-35', 'marked').body);
    // Inserted as 2.1, it moved "The platform was moved ..." from 2.1 to 2.2; the issued 1.3 was deleted.
    const moved = 'The platform was moved to a new provider in the third quarter of 2018.';
    const deleted = 'Each course ends with an assessment, and participants who pass it receive a certificate.';
    expect(decided('as-is')).toEqual(expect.arrayContaining([`2.2\t${moved}`, `1.3\t${deleted}`]));
    expect(decided('accept')).toContain(`2.2\t${moved}`);
    expect(decided('accept').some((p) => p.includes(deleted))).toBe(false);
    expect(decided('reject')).toEqual(expect.arrayContaining([`2.1\t${moved}`, `1.3\t${deleted}`]));
    expect(decided('reject').some((p) => p.includes('The platform now runs'))).toBe(false);
  });

  it('marks a paragraph added or taken away with its paragraph mark, its number with it, and leaves the paragraphs after it unmarked', () => {
    const paragraph = (start: string) => {
      const found = marks['C19-35'].body.filter((p) => p.words.includes(start));
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    const inserted = paragraph('The platform now runs on servers');
    // No number is typed: Word counts it, and the paragraph mark that goes takes it along.
    expect(inserted).toMatchObject({ words: 'The platform now runs on servers in two data centres, so that a failure of one does not stop the courses.', paragraphMark: 'ins', unmarkedWords: '', listLevel: 1 });
    const deleted = paragraph('Each course ends with an assessment');
    expect(deleted).toMatchObject({ words: 'Each course ends with an assessment, and participants who pass it receive a certificate.', paragraphMark: 'del', unmarkedWords: '', listLevel: 1 });
    const item = paragraph('numbering and addressing');
    expect(item).toMatchObject({ paragraphMark: 'del', unmarkedWords: '' });
    for (const after of ['The platform was moved', 'The number of registered users', 'Courses are grouped by subject', 'Plans for 2019']) {
      expect(paragraph(after)).toMatchObject({ marked: false, paragraphMark: null });
    }
    expect(paragraph('Plans for 2019').listLevel).toBe(0);
    // A word changed inside a kept paragraph: the paragraph is kept, its mark too.
    expect(paragraph('courses in 2018, in four')).toMatchObject({ marked: true, paragraphMark: null });
    const words = marks['C19-35'].marks.body.filter((m) => m.where === 'p').map((m) => `${m.kind} ${m.text.trim()}`);
    expect(words).toEqual(expect.arrayContaining(['del fifteen', 'ins seventeen', 'del The share of women among them rose to 41 per cent.']));
  });

  it('marks a row added as a row, and a changed cell in its words only', () => {
    const row = (region: string) => marks['C19-35'].rows.find((r) => r.words[0] === region)!;
    expect(row('Arab States')).toEqual({ words: ['Arab States', '2', '120'], rowMark: 'ins' });
    expect(row('Americas').rowMark).toBeNull();
    expect(row('Africa').rowMark).toBeNull();
    const rowMarks = marks['C19-35'].marks.body.filter((m) => m.where === 'trPr');
    expect(rowMarks.map((m) => m.kind)).toEqual(['ins']);
    const cellWords = marks['C19-35'].marks.body.filter((m) => m.where === 'p').map((m) => `${m.kind} ${m.text}`);
    expect(cellWords).toEqual(expect.arrayContaining(['del 255', 'ins 261', 'ins Arab States', 'ins 120']));
  });

  it('marks the words changed in a note inside the note', () => {
    const note = marks['C19-35'].notes.find((p) => p.words.includes('tutors'))!;
    expect(note.paragraphMark).toBeNull();
    const changed = (kind: Mark['kind']) => marks['C19-35'].marks.notes.filter((m) => m.kind === kind).map((m) => m.text).join(' ');
    expect(changed('del')).toMatch(/free.*charge/);
    expect(changed('ins')).toMatch(/at.*cost/);
  });
});

describe('C19/36(Rev.1): a section with a table, a figure and a note deleted, an annex and a note inserted', () => {
  const body = () => marks['C19-36'].body;
  const paragraph = (words: string) => body().find((p) => p.words === words);

  it('deletes the section whole: its heading, paragraphs, table rows, picture and caption, and the citation of its note', () => {
    expect(paragraph('Regional courses')).toMatchObject({ paragraphMark: 'del', unmarkedWords: '', listLevel: 0 });
    expect(paragraph('Table 1 – Participants in the regional courses')).toMatchObject({ unmarkedWords: '' });
    const rows = marks['C19-36'].rows.filter((r) => ['City', 'Bangkok', 'Moscow'].includes(r.words[0]!));
    expect(rows.map((r) => r.rowMark)).toEqual(['del', 'del', 'del']);
    const deleted = marks['C19-36'].marks.body.filter((m) => m.kind === 'del');
    expect(deleted.filter((m) => m.drawings > 0)).toHaveLength(1);
    expect(deleted.flatMap((m) => m.noteCitations)).toHaveLength(1);
    // After it, the next section is unmarked: Word numbers it 3 with the deleted section shown, 2 without.
    expect(paragraph('Conclusions')).toMatchObject({ paragraphMark: null, unmarkedWords: 'Conclusions', listLevel: 0 });
    expect(paragraphs(reading('accept', 'C19-36', 'marked').body)).toContain('2.\tConclusions');
    expect(paragraphs(reading('reject', 'C19-36', 'marked').body)).toContain('3.\tConclusions');
  });

  it('inserts the annex whole, and prints the standards annex after it with the revision\'s number', () => {
    expect(paragraph('ANNEX 1')).toMatchObject({ paragraphMark: 'ins', unmarkedWords: '' });
    expect(paragraph('Course catalogue')).toMatchObject({ paragraphMark: 'ins', unmarkedWords: '' });
    expect(paragraph('ANNEX 2')).toMatchObject({ marked: false });
    const inserted = marks['C19-36'].marks.body.filter((m) => m.kind === 'ins');
    expect(inserted.flatMap((m) => m.noteCitations)).toHaveLength(1);
  });
});

describe('a revision whose numbers LibreOffice could not give back from a list', () => {
  /** The body's XML of the marked DOCX of C19/35 against its revision 1 edited by `edit`. */
  async function markedXml(edit: (text: string) => string): Promise<string> {
    const folder = scratch('council-docs-changes-');
    copyFileSync(join(FIXTURES, 'standards.yaml'), join(folder, 'standards.yaml'));
    writeFileSync(join(folder, 'C19-35-rev1.md'), edit(readFileSync(join(FIXTURES, 'C19-35-rev1.md'), 'utf8')));
    const issued = await read(join(FIXTURES, 'C19-35.md'));
    const revision = await read(join(folder, 'C19-35-rev1.md'));
    const marked = markChanges(issued, revision, { base: documentNumber(issued.meta, LOCALE), author: LOCALE.changes.author, date: revision.meta.date });
    return strFromU8(unzipSync(await docx(marked))['word/document.xml']!);
  }

  it('types the numbers, the revision\'s, when a kept paragraph moved to another level', async () => {
    const xml = await markedXml((text) => text.replace('\nParticipants came from', '\n#.#.# Participants came from'));
    expect(xml).not.toContain('<w:numPr>');
    expect(xml).toMatch(/<w:t[^>]*>1\.1\.1<\/w:t><w:tab\/>/);
  });

  it('numbers them as a list when only words changed', async () => {
    const xml = await markedXml((text) => text);
    expect(xml).toContain('<w:numPr>');
    expect(xml).not.toMatch(/<w:t[^>]*>1\.1<\/w:t><w:tab\/>/);
  });
});
