// The DOCX read back by programs that did not write it: python-docx (Debian's
// python3-docx), pandoc, and LibreOffice, which lays it out as a PDF that
// pdftotext reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSeed, ROOT, runCli, scratch, SOURCE } from './helpers/cli.js';
import { normalize, printedSeedPieces, seedPieces, type SeedPiece } from './helpers/seed.js';
import { docxXmlParts } from './helpers/outputs.js';

const TITLE = 'Facilitating the Internet of Things to prepare for a globally connected world (PP Resolution 197)';

// Reads a DOCX with python-docx and prints what a user would check, as JSON.
// python-docx 0.8 leaves hyperlinks out of paragraph.text, so the text is
// taken from the runs' XML: text, tabs, breaks and no-break hyphens.
const READ_DOCX = String.raw`
import sys, json, zipfile, docx
from docx.oxml.ns import qn

path = sys.argv[1]
d = docx.Document(path)

def text(p):
    out = []
    for el in p._p.iter():
        if el.tag == qn('w:t'): out.append(el.text or '')
        elif el.tag == qn('w:tab'): out.append('\t')
        elif el.tag == qn('w:br'): out.append('\n')
        elif el.tag == qn('w:noBreakHyphen'): out.append('-')
    return ''.join(out)

def twips(length): return None if length is None else length.twips
def texts(part): return [text(p) for p in part.paragraphs]

defaults = d.styles.element.find(qn('w:docDefaults')).find(qn('w:rPrDefault')).find(qn('w:rPr'))
sec = d.sections[0]
cp = d.core_properties
print(json.dumps({
    'title': cp.title, 'subject': cp.subject, 'author': cp.author,
    'created': cp.created.isoformat(), 'modified': cp.modified.isoformat(),
    'language': defaults.find(qn('w:lang')).get(qn('w:val')),
    'font': defaults.find(qn('w:rFonts')).get(qn('w:ascii')),
    'size': defaults.find(qn('w:sz')).get(qn('w:val')),
    'styles': sorted(s.name for s in d.styles),
    'paragraphs': [{
        'style': p.style.name, 'text': text(p),
        'left': twips(p.paragraph_format.left_indent), 'firstLine': twips(p.paragraph_format.first_line_indent),
    } for p in d.paragraphs],
    'tables': [[[texts(c) for c in row.cells] for row in t.rows] for t in d.tables],
    'differentFirstPage': sec.different_first_page_header_footer,
    'page': [sec.page_width.mm, sec.page_height.mm, sec.top_margin.mm, sec.bottom_margin.mm, sec.left_margin.mm, sec.right_margin.mm],
    'header': texts(sec.header), 'headerXml': sec.header._element.xml,
    'firstHeader': texts(sec.first_page_header), 'firstFooter': texts(sec.first_page_footer),
    'zipTimes': sorted(set(i.date_time for i in zipfile.ZipFile(path).infolist())),
}))
`;

interface DocxParagraph {
  style: string;
  text: string;
  left: number | null;
  firstLine: number | null;
}

interface DocxReading {
  title: string;
  subject: string;
  author: string;
  created: string;
  modified: string;
  language: string;
  font: string;
  size: string;
  styles: string[];
  paragraphs: DocxParagraph[];
  tables: string[][][][];
  differentFirstPage: boolean;
  page: number[];
  header: string[];
  headerXml: string;
  firstHeader: string[];
  firstFooter: string[];
  zipTimes: number[][];
}

function readDocx(path: string): DocxReading {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_DOCX, path], { encoding: 'utf8' })) as DocxReading;
}

/** LibreOffice's PDF of the DOCX, one string per page. Each run has its own profile, so tests in parallel do not collide. */
function pdfPages(docx: string): string[] {
  const dir = scratch('council-docs-lo-');
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = join(dir, 'C17-23-E.pdf');
  // -raw: in the order LibreOffice wrote the text, which is the reading order of this single-column layout.
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

/**
 * A page's lines as one string, a word broken at its hyphen joined again.
 * LibreOffice writes a no-break hyphen (U+2011) into the PDF's text as a
 * plain one, so the seed's are compared as plain hyphens too.
 */
function pageText(lines: string[]): string {
  return plainHyphens(normalize(lines.join('\n').replace(/(\S-)\n/g, '$1')));
}

const plainHyphens = (text: string) => text.replace(/\u2011/g, '-');

/** The body's paragraphs as python-docx reads them, in the seed's terms. */
function bodyPieces(paragraphs: DocxParagraph[]): SeedPiece[] {
  const start = paragraphs.findIndex((p) => p.style === 'Heading 1');
  const end = paragraphs.findIndex((p) => p.style === 'Annex_No');
  return paragraphs.slice(start, end).map((p): SeedPiece => {
    let m: RegExpExecArray | null;
    if (p.style === 'Heading 1' && (m = /^(\d+)\.\t(.*)$/s.exec(p.text))) return { kind: 'heading', number: m[1], text: normalize(m[2]!) };
    if (p.style.startsWith('enumlev') && (m = /^[•–]\t(.*)$/s.exec(p.text))) return { kind: 'item', text: normalize(m[1]!) };
    if ((m = /^(\d+\.\d+)\t(.*)$/s.exec(p.text))) return { kind: 'paragraph', number: m[1], text: normalize(m[2]!) };
    return { kind: 'continuation', text: normalize(p.text) };
  });
}

/** A copy of the project's templates to break. */
function copyTemplates(): string {
  const dir = join(scratch(), 'templates');
  cpSync(join(ROOT, 'templates'), dir, { recursive: true });
  return dir;
}

let docxPath: string;
let reading: DocxReading;
let pages: string[];

beforeAll(() => {
  docxPath = join(buildSeed('docx'), 'C17-23-E.docx');
  reading = readDocx(docxPath);
  pages = pdfPages(docxPath);
});

describe('DOCX of C17/23-E read by python-docx', () => {
  it('has the document properties: title, subject, author, the document date', () => {
    expect(reading.title).toBe(TITLE);
    expect(reading.subject).toBe('C17/23-E');
    expect(reading.author).toBe('ITU General Secretariat');
    expect(reading.created).toBe('2017-03-31T00:00:00');
    expect(reading.modified).toBe('2017-03-31T00:00:00');
  });

  it('sets the language, Calibri 12 pt, A4 and 20 mm margins for the whole document', () => {
    expect(reading.language).toBe('en-GB');
    expect(reading.font).toBe('Calibri');
    expect(reading.size).toBe('24');
    const [width, height, ...margins] = reading.page.map((mm) => Math.round(mm));
    expect([width, height]).toEqual([210, 297]);
    expect(margins).toEqual([20, 20, 20, 20]);
  });

  it('holds every paragraph of the seed in order: numbers typed before a tab, headings in Heading 1', () => {
    // Word's own no-break hyphen (w:noBreakHyphen) is read by the reader above as "-".
    expect(bodyPieces(reading.paragraphs)).toEqual(printedSeedPieces());
    const headings = reading.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text);
    expect(headings).toEqual([
      '1.\tITU-T Activities on IoT and Smart Sustainable Cities',
      '2.\tITU-R Activities on IoT',
      '3.\tITU-D Activities on IoT',
      '4.\tIoT and Smart City Forums',
    ]);
  });

  it('hangs paragraph numbers in the indent and lines continuations up with the text', () => {
    const start = reading.paragraphs.findIndex((p) => p.style === 'Heading 1');
    const body = bodyPieces(reading.paragraphs).map((piece, i) => ({ piece, p: reading.paragraphs[start + i]! }));
    const numbered = body.filter(({ piece }) => piece.kind === 'paragraph').map(({ p }) => p);
    const continued = body.filter(({ piece }) => piece.kind === 'continuation').map(({ p }) => p);
    expect(numbered.length).toBeGreaterThan(20);
    expect(continued).toHaveLength(7);
    const indent = numbered[0]!.left!;
    expect(indent).toBeGreaterThan(0);
    for (const p of numbered) expect([p.left, p.firstLine]).toEqual([indent, -indent]);
    for (const p of continued) expect([p.left, p.firstLine ?? 0]).toEqual([indent, 0]);
  });

  it("puts bullets in ITU's list styles, the nested Montevideo items in enumlev2", () => {
    const items = reading.paragraphs.filter((p) => p.style.startsWith('enumlev'));
    expect(items.map((p) => p.style)).toEqual([
      ...Array(6).fill('enumlev1'),
      ...Array(3).fill('enumlev2'),
      ...Array(2).fill('enumlev1'),
    ]);
    expect(items.filter((p) => p.style === 'enumlev1').every((p) => p.text.startsWith('•\t'))).toBe(true);
    const nested = items.filter((p) => p.style === 'enumlev2').map((p) => p.text);
    expect(nested).toEqual([
      '–\t5-7 September: II Meeting of “Smart Cities for inclusion and sustainability”',
      '–\t8 September: XVII Ibero-American Meeting of Digital Cities',
      '–\t9 September: Forum on “Building the Cities we want: Connecting the dots for the New Urban Agenda”',
    ]);
    expect(reading.styles).toEqual(expect.arrayContaining(['Heading 1', 'Headingb', 'enumlev1', 'enumlev2', 'Normal']));
  });

  it('lays out the first page: header table, from-line, title, the framed box', () => {
    const [header, box] = reading.tables;
    expect(header).toEqual([
      [['Council 2017', 'Geneva, 15-25 May 2017'], ['']],
      [['Agenda item: PL 1.14'], ['Document C17/23-E', '31 March 2017', 'Original: English']],
    ]);
    const before = reading.paragraphs.slice(0, reading.paragraphs.findIndex((p) => p.style === 'Heading 1'));
    expect(before.filter((p) => p.text !== '').map((p) => [p.style, p.text])).toEqual([
      ['Source', 'Report by the Secretary-General'],
      // Normal case underneath: Word's caps property prints it in capitals.
      ['Title1', TITLE],
    ]);
    expect(box).toEqual([
      [
        [
          'Summary',
          'This report describes ITU’s activities related to Resolution 197 (Busan, 2014): Facilitating the Internet of Things to prepare for a globally connected world.',
          'Action required',
          'The Council is invited to note the report.',
          '____________',
          'References',
          'Resolution 197 (Busan, 2014)',
        ],
      ],
    ]);
  });

  it('has a different first page: no page number on it, the footer line; a PAGE field heads the others', () => {
    expect(reading.differentFirstPage).toBe(true);
    expect(reading.firstHeader.join('')).toBe('');
    expect(reading.firstFooter).toEqual(['www.itu.int/council']);
    expect(reading.headerXml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    // The page number is the field's to fill in: only the words around it are text.
    expect(reading.header).toEqual(['-  -', 'C17/23-E']);
  });
});

describe('standards annex of the DOCX read by python-docx', () => {
  it('follows the sections: ANNEX and its title in ITU\'s annex styles, then the table', () => {
    const annex = reading.paragraphs.slice(reading.paragraphs.findIndex((p) => p.style === 'Annex_No'));
    expect(annex.map((p) => [p.style, p.text])).toEqual([
      ['Annex_No', 'ANNEX'],
      ['Annex_Title', 'ITU standards referred to in this document'],
    ]);
  });

  it('lists every standard the report cites with its catalogue title, status and link', () => {
    const table = reading.tables[2]!.map((row) => row.map((cell) => cell.join(' ')));
    expect(table[0]).toEqual(['Identifier', 'Title', 'Status', 'Link']);
    const catalogue = parse(readFileSync(join(ROOT, 'source', 'standards.yaml'), 'utf8')) as { id: string; title: string }[];
    const rows = table.slice(1).map(([id, title, status, link]) => ({ id: normalize(id!), title, status, link }));
    expect(rows.map((r) => r.id)).toEqual([
      'ITU-T Y.4113', 'ITU-T Y.4451', 'ITU-T Y.4452', 'ITU-T Y.4453', 'ITU-T Y.4553', 'ITU-T Y.4702', 'ITU-T Y.4454',
      'ITU-T Y.Sup42', 'ITU-T Y.Sup34', 'ITU-T Y.Sup33', 'ITU-T Y.Sup32', 'ITU-T Y.Sup31', 'ITU-T Y.Sup28', 'ITU-T Y.Sup29',
      'ITU-T Y.Sup30', 'ITU-T Y.Sup27', 'ITU-T Y.4114', 'ITU-T Y.4115', 'ITU-T Y.4805', 'ITU-T Y.4903/L.1603',
      'ITU-R SM.1896', 'ITU-R SM.2153', 'ITU-R M.2002', 'ITU-R M.2224',
    ]);
    for (const row of rows) {
      const entry = catalogue.find((e) => e.id === row.id);
      // Y.4454 is not catalogued: the annex prints the title the text gives.
      expect(row.title).toBe(entry ? entry.title : 'Platform Interoperability for Smart Cities');
      expect(row.link).toMatch(/^www\.itu\.int\/(rec|pub)\/[TR]-(REC|REP)-/);
    }
    expect(rows[0]).toMatchObject({ status: 'Approved', link: 'www.itu.int/rec/T-REC-Y.4113' });
    expect(rows.find((r) => r.id === 'ITU-T Y.4114')!.status).toBe('Consented');
  });
});

describe('DOCX of C17/23-E read by pandoc', () => {
  it('converts without an error or a warning', () => {
    const run = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', docxPath], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(normalize(run.stdout)).toContain('1.1 The World Telecommunication Standardization Assembly in 2016');
  });

  it('finds the standards and links as hyperlinks', () => {
    const json = execFileSync('pandoc', ['-f', 'docx', '-t', 'json', docxPath], { encoding: 'utf8' });
    const links: [string, string][] = [];
    JSON.parse(json, (key, value: unknown) => {
      const node = value as { t?: string; c?: [unknown, { t: string; c?: string }[], [string, string]] };
      if (node && node.t === 'Link' && node.c) {
        const words = node.c[1].map((i) => (i.t === 'Str' ? i.c : ' ')).join('');
        links.push([words, node.c[2][0]]);
      }
      return value;
    });
    // An identifier is kept on one line: no-break hyphen, no-break space.
    expect(links).toContainEqual(['ITU\u2011T\u00a0Y.4113', 'https://www.itu.int/rec/T-REC-Y.4113']);
    expect(links).toContainEqual(['Recommendation\u00a0ITU\u2011R\u00a0SM.1896', 'https://www.itu.int/rec/R-REC-SM.1896']);
    expect(links.length).toBeGreaterThan(20);
  });
});

describe('DOCX of C17/23-E laid out by LibreOffice', () => {
  it('numbers page 2 "- 2 -" over the document number, and not page 1', () => {
    expect(pages.length).toBeGreaterThan(2);
    const lines = (page: string) => page.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines(pages[1]!).slice(0, 2)).toEqual(['- 2 -', 'C17/23-E']);
    expect(lines(pages[2]!).slice(0, 2)).toEqual(['- 3 -', 'C17/23-E']);
    expect(pages[0]).not.toMatch(/- 1 -/);
    expect(lines(pages[0]!).at(-1)).toBe('www.itu.int/council');
  });

  it('prints the first page as the Council layout has it, the title in capitals', () => {
    const first = pageText(pages[0]!.split('\n'));
    for (const line of ['Council 2017', 'Geneva, 15-25 May 2017', 'Agenda item: PL 1.14', 'Document C17/23-E', '31 March 2017', 'Original: English', 'Report by the Secretary-General']) {
      expect(first).toContain(line);
    }
    expect(first).toContain(TITLE.toUpperCase());
    expect(first).toMatch(/Summary This report describes .* Action required The Council is invited to note the report\. _+ References Resolution 197 \(Busan, 2014\)/);
  });

  it('prints every paragraph of the seed in order, each with its number, nothing between', () => {
    // Page headers and the first-page footer are not part of the text flow.
    const flow = pageText(
      pages.flatMap((page, i) => {
        const lines = page.split('\n');
        if (i === 0) return lines.filter((l) => l.trim() !== 'www.itu.int/council');
        const start = lines.findIndex((l) => l.trim() === 'C17/23-E');
        return lines.slice(start + 1);
      }),
    );
    let at = flow.indexOf('1. ITU-T Activities on IoT and Smart Sustainable Cities');
    expect(at).toBeGreaterThan(0);
    for (const piece of seedPieces()) {
      const text = plainHyphens(piece.text);
      const expected = piece.kind === 'heading' ? `${piece.number}. ${text}` : piece.kind === 'paragraph' ? `${piece.number} ${text}` : text;
      let here = flow.slice(at);
      if (piece.kind === 'item') {
        expect(here).toMatch(/^[•–] /);
        here = here.slice(2);
        at += 2;
      }
      expect(here.slice(0, expected.length)).toBe(expected);
      at += expected.length + 1;
    }
    expect(flow.slice(at)).toMatch(/^ANNEX ITU standards referred to in this document Identifier Title Status Link ITU-T Y\.4113 /);
  });

  it('starts the annex on a page of its own and repeats the table head on the next', () => {
    const body = (page: string) => pageText(page.split('\n').slice(2));
    const first = pages.findIndex((page) => body(page).startsWith('ANNEX '));
    expect(first).toBeGreaterThan(1);
    expect(body(pages[first - 1]!)).not.toContain('ANNEX');
    for (const page of pages.slice(first + 1)) expect(body(page)).toMatch(/^Identifier Title Status Link /);
  });
});

describe('DOCX builds', () => {
  it('give the same bytes at another time in another time zone, stamped with the document date', () => {
    const again = join(scratch(), 'again');
    const run = runCli(['build', SOURCE, '--out', again, '--quiet', '--format', 'docx'], { env: { TZ: 'Asia/Tokyo' } });
    expect(run.status).toBe(0);
    expect(readFileSync(join(again, 'C17-23-E.docx')).equals(readFileSync(docxPath))).toBe(true);
    expect(reading.zipTimes).toEqual([[2017, 3, 31, 0, 0, 0]]);
  });

  it('take their time from SOURCE_DATE_EPOCH when it is set', () => {
    const out = scratch();
    const run = runCli(['build', SOURCE, '--out', out, '--quiet', '--format', 'docx'], { env: { SOURCE_DATE_EPOCH: '1500000000', TZ: 'America/New_York' } });
    expect(run.status).toBe(0);
    const stamped = readDocx(join(out, 'C17-23-E.docx'));
    expect(stamped.created).toBe('2017-07-14T02:40:00');
    expect(stamped.zipTimes).toEqual([[2017, 7, 14, 2, 40, 0]]);
  });

  it('stop with the file and the key when the layout template is wrong', () => {
    const templates = copyTemplates();
    const layout = join(templates, 'docx', 'layout.yaml');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace(/margin_mm: 20/, 'margin_mm: -5'));
    const out = scratch();
    const run = runCli(['build', SOURCE, '--out', out, '--format', 'docx', '--templates', templates]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`${layout}: page.margin_mm:`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('ask for a raster copy of an SVG logo rather than write a logo Word cannot show', () => {
    const templates = copyTemplates();
    const settings = join(templates, 'settings.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^logo_raster:.*$/m, ''));
    const run = runCli(['build', SOURCE, '--out', scratch(), '--format', 'docx', '--templates', templates]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('a DOCX needs a PNG or JPEG copy of an SVG logo: name one as logo_raster in settings.yaml');
  });

  it('refuse a SOURCE_DATE_EPOCH that is not a number, naming it, before any output is written', () => {
    const out = scratch();
    for (const epoch of ['yesterday', '17e8', '-5']) {
      const run = runCli(['build', SOURCE, '--out', out, '--format', 'html,docx,ics'], { env: { SOURCE_DATE_EPOCH: epoch } });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`SOURCE_DATE_EPOCH is "${epoch}": give whole seconds since 1970, or leave it unset`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(out)).toEqual([]);
    }
  });

  it('take a blank SOURCE_DATE_EPOCH, or one with spaces around its digits, as every output does', () => {
    const dates = (epoch: string) => {
      const out = scratch();
      const run = runCli(['build', SOURCE, '--out', out, '--format', 'docx,ics'], { env: { SOURCE_DATE_EPOCH: epoch } });
      expect(run.status).toBe(0);
      const core = docxXmlParts(readFileSync(join(out, 'C17-23-E.docx'))).get('docProps/core.xml')!;
      const created = /<dcterms:created[^>]*>([^<]+)</.exec(core)![1];
      const stamp = /^DTSTAMP:(\S+)/m.exec(readFileSync(join(out, 'C17-23-E.ics'), 'utf8'))![1];
      return [created, stamp];
    };
    // The document's date, 31 March 2017, when the variable is blank.
    expect(dates('')).toEqual(['2017-03-31T00:00:00Z', '20170331T000000Z']);
    expect(dates('  ')).toEqual(['2017-03-31T00:00:00Z', '20170331T000000Z']);
    expect(dates(' 1500000000 ')).toEqual(['2017-07-14T02:40:00Z', '20170714T024000Z']);
  });
});
