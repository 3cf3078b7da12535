// The body's newer parts in the DOCX (sub-headings, deeper paragraph numbers,
// tables, figures, footnotes, cross-references, the author's annexes) read
// back by programs that did not write them: python-docx and the package's XML,
// and LibreOffice, which lays the file out as a PDF that pdftotext reads.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratch } from './helpers/cli.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'body');

// Prints, as JSON, the body in order (paragraphs with their style's name,
// text, bookmarks, links and note citations; tables with their grid and
// rows), the notes, the drawings and the outline levels of the styles.
// python-docx 0.8 leaves hyperlinks out of paragraph.text, so text is read
// from the XML: text, tabs, breaks, no-break hyphens (as "-") and no-break
// spaces (as " ").
const READ_DOCX = String.raw`
import sys, json, zipfile, docx
from docx.oxml.ns import qn
from lxml import etree

path = sys.argv[1]
d = docx.Document(path)
zf = zipfile.ZipFile(path)
names = {s.style_id: s.name for s in d.styles}
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
WP = '{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}'

def text(el):
    out = []
    for e in el.iter():
        if e.tag == W + 't': out.append(e.text or '')
        elif e.tag == W + 'tab' and e.getparent().tag == W + 'r': out.append('\t')
        elif e.tag == W + 'br': out.append('\n')
        elif e.tag == W + 'noBreakHyphen': out.append('-')
    return ''.join(out).replace('\u00a0', ' ')

def style(p):
    s = p.find(W + 'pPr/' + W + 'pStyle')
    return names.get(s.get(W + 'val')) if s is not None else 'Normal'

def ind(p):
    i = p.find(W + 'pPr/' + W + 'ind')
    return None if i is None else {k: int(i.get(W + k)) for k in ('left', 'hanging') if i.get(W + k) is not None}

def paragraph(p):
    return {
        'kind': 'p', 'style': style(p), 'text': text(p), 'indent': ind(p),
        'bookmarks': [b.get(W + 'name') for b in p.iter(W + 'bookmarkStart')],
        'links': [[h.get(W + 'anchor'), text(h)] for h in p.iter(W + 'hyperlink') if h.get(W + 'anchor')],
        'notes': [int(r.get(W + 'id')) for r in p.iter(W + 'footnoteReference')],
        'drawings': [{'descr': dp.get('descr'), 'name': dp.get('name'),
                      'cx': int(dr.find(WP + 'extent').get('cx')), 'cy': int(dr.find(WP + 'extent').get('cy'))}
                     for dr in p.iter(WP + 'inline') for dp in dr.iter(WP + 'docPr')],
    }

def table(t):
    rows = []
    for tr in t.findall(W + 'tr'):
        trpr = tr.find(W + 'trPr')
        flag = lambda name: trpr is not None and trpr.find(W + name) is not None and trpr.find(W + name).get(W + 'val') in (None, 'true', '1', 'on')
        cells = []
        for tc in tr.findall(W + 'tc'):
            ps = tc.findall(W + 'p')
            jc = ps[0].find(W + 'pPr/' + W + 'jc')
            cells.append({'style': style(ps[0]), 'text': '\n'.join(text(p) for p in ps), 'align': None if jc is None else jc.get(W + 'val')})
        rows.append({'header': flag('tblHeader'), 'cantSplit': flag('cantSplit'), 'cells': cells})
    return {'kind': 'tbl', 'width': int(t.find(W + 'tblPr/' + W + 'tblW').get(W + 'w')),
            'grid': [int(g.get(W + 'w')) for g in t.iter(W + 'gridCol')], 'rows': rows}

body = d.element.body
notes = etree.fromstring(zf.read('word/footnotes.xml'))
outline = {}
for s in d.styles.element.iter(W + 'style'):
    o = s.find(W + 'pPr/' + W + 'outlineLvl')
    if o is not None: outline[s.find(W + 'name').get(W + 'val')] = int(o.get(W + 'val'))
sec = d.sections[0]
print(json.dumps({
    'body': [paragraph(e) if e.tag == W + 'p' else table(e) for e in body if e.tag in (W + 'p', W + 'tbl')],
    'notes': {n.get(W + 'id'): {'text': text(n).strip(), 'style': style(n.find(W + 'p'))} for n in notes.iter(W + 'footnote') if int(n.get(W + 'id')) > 0},
    'outline': outline,
    'textWidth': sec.page_width.twips - sec.left_margin.twips - sec.right_margin.twips,
}))
`;

interface Paragraph {
  kind: 'p';
  style: string;
  text: string;
  indent: { left?: number; hanging?: number } | null;
  bookmarks: string[];
  links: [string, string][];
  notes: number[];
  drawings: { descr: string; name: string; cx: number; cy: number }[];
}

interface Table {
  kind: 'tbl';
  width: number;
  grid: number[];
  rows: { header: boolean; cantSplit: boolean; cells: { style: string; text: string; align: string | null }[] }[];
}

interface Reading {
  body: (Paragraph | Table)[];
  notes: Record<string, { text: string; style: string }>;
  outline: Record<string, number>;
  textWidth: number;
}

function readDocx(path: string): Reading {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_DOCX, path], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Reading;
}

/** The fixture copied to a scratch folder, and built there to DOCX. */
function build(change?: (dir: string) => void): { dir: string; docx: string } {
  const dir = join(scratch(), 'body');
  cpSync(FIXTURE, dir, { recursive: true });
  change?.(dir);
  const out = join(dir, 'out');
  const run = runCli(['build', join(dir, 'C18-45.md'), '--out', out, '--quiet', '--format', 'docx']);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stderr}`);
  return { dir, docx: join(out, 'C18-45-E.docx') };
}

/** A PNG of one colour, `width` × `height` pixels, with no density: a pixel is a CSS px. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const paragraphs = (r: Reading) => r.body.filter((b): b is Paragraph => b.kind === 'p');
const tables = (r: Reading) => r.body.filter((b): b is Table => b.kind === 'tbl');
/** The paragraph whose text has these words. */
const containing = (r: Reading, words: string) => {
  const found = paragraphs(r).filter((p) => p.text.includes(words));
  expect(found, words).toHaveLength(1);
  return found[0]!;
};
/** The table after the caption with these words. */
const tableAfter = (r: Reading, caption: string) => {
  const at = r.body.findIndex((b) => b.kind === 'p' && b.text.startsWith(caption));
  expect(at, caption).toBeGreaterThan(0);
  const next = r.body[at + 1]!;
  expect(next.kind).toBe('tbl');
  return next as Table;
};
const EMU_PER_TWIP = 635;

let docxPath: string;
let reading: Reading;

beforeAll(() => {
  docxPath = build().docx;
  reading = readDocx(docxPath);
});

describe('tables of the author\'s in the DOCX', () => {
  it('captions a titled table "Table 1 – Title" above it, in Table_title, bookmarked', () => {
    const caption = containing(reading, 'Regional and area offices at 31 December 2017');
    expect([caption.style, caption.text]).toEqual(['Table_title', 'Table 1 – Regional and area offices at 31 December 2017']);
    expect(caption.bookmarks).toEqual(['table_1']);
    expect(containing(reading, 'Selected events supported').text).toBe('Table 2 – Selected events supported by the regional offices in 2017');
  });

  it('is a Word table: header row in Table_head repeated on each page, no row split, cells in Table_text', () => {
    const table = tableAfter(reading, 'Table 1 –');
    const [head, ...rows] = table.rows;
    expect(head!.header).toBe(true);
    expect(rows.every((row) => !row.header)).toBe(true);
    expect(table.rows.every((row) => row.cantSplit)).toBe(true);
    expect(head!.cells.map((c) => [c.style, c.text])).toEqual(
      ['Region', 'Regional office', 'Area offices', 'Posts budgeted', 'Posts filled'].map((t) => ['Table_head', t]),
    );
    expect(rows).toHaveLength(6);
    expect(rows[0]!.cells.map((c) => c.text)).toEqual(['Africa', 'Addis Ababa', 'Dakar, Harare, Yaoundé', '14', '12']);
    expect(rows.flatMap((row) => row.cells.map((c) => c.style)).every((s) => s === 'Table_text')).toBe(true);
  });

  it('aligns each column as the source does, numbers to the right', () => {
    const table = tableAfter(reading, 'Table 1 –');
    for (const row of table.rows) expect(row.cells.map((c) => c.align)).toEqual(['left', 'left', 'left', 'right', 'right']);
    const events = tableAfter(reading, 'Table 2 –');
    expect(events.rows[1]!.cells.map((c) => c.align)).toEqual(['right', 'left', 'left', 'left', 'right']);
  });

  it('prints a standard and an event in a cell as in a paragraph', () => {
    const events = tableAfter(reading, 'Table 2 –');
    expect(events.rows).toHaveLength(37);
    const texts = events.rows.map((row) => row.cells[1]!.text);
    expect(texts).toContain('Forum on key performance indicators, applying ITU-T Y.4900/L.1600');
    expect(texts.at(-1)).toBe('Regional Preparatory Meeting for Africa');
  });

  it('fits between the margins, the widest column for the longest cells', () => {
    for (const table of tables(reading).slice(2)) {
      const sum = table.grid.reduce((a, b) => a + b, 0);
      expect(sum).toBeLessThanOrEqual(reading.textWidth);
      expect(table.width).toBeLessThanOrEqual(reading.textWidth);
    }
    const events = tableAfter(reading, 'Table 2 –');
    expect(Math.max(...events.grid)).toBe(events.grid[1]);
    // None narrower than layout.yaml's 12 mm (680 twips).
    expect(Math.min(...events.grid)).toBeGreaterThanOrEqual(680);
  });
});

describe('footnotes in the DOCX', () => {
  it('holds every note in word/footnotes.xml, numbered by first citation, in Word\'s footnote text style', () => {
    expect(Object.keys(reading.notes)).toEqual(['1', '2', '3', '4', '5']);
    expect(reading.notes['1']!.text).toBe('Resolution 25 (Rev. Busan, 2014), resolves 2 and instructs the Secretary-General 1.');
    expect(reading.notes['2']!.text).toBe('Posts funded from the regular budget only; projects fund a further 23 posts in the regions.');
    expect(reading.notes['5']!.text).toBe('As listed by the United Nations Committee for Development Policy in 2017.');
    expect(Object.values(reading.notes).every((n) => n.style === 'footnote text')).toBe(true);
  });

  it('cites each note where the text does, once', () => {
    expect(containing(reading, 'activities of the regional presence.').notes).toEqual([1]);
    expect(containing(reading, 'Of the 53 posts budgeted').notes).toEqual([2]);
    expect(containing(reading, 'published on the ITU website within two weeks.').notes).toEqual([3]);
    expect(containing(reading, 'accounted for the largest share of events.').notes).toEqual([4]);
    expect(containing(reading, 'mostly least developed').notes).toEqual([5]);
    expect(paragraphs(reading).flatMap((p) => p.notes)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('figures in the DOCX', () => {
  it('shows each picture centred, with its alt text and its file name, the caption under it', () => {
    const figures = paragraphs(reading).filter((p) => p.drawings.length > 0 && p.style === 'Figure');
    expect(figures.map((p) => p.drawings[0]!.descr)).toEqual([
      'Bar chart of events organized by each regional office in 2017',
      'Bar chart of participants in 2015, 2016 and 2017',
    ]);
    expect(figures.map((p) => p.drawings[0]!.name)).toEqual(['regional-offices.svg', 'participation.png']);
    const captions = figures.map((figure) => reading.body[reading.body.indexOf(figure) + 1] as Paragraph);
    expect(captions.map((p) => [p.style, p.text])).toEqual([
      ['Figure_title', 'Figure 1 – Events organized by each regional office in 2017'],
      ['Figure_title', 'Figure 2 – Participants in events supported by the regional offices, 2015-2017'],
    ]);
    expect(captions.map((p) => p.bookmarks)).toEqual([['figure_1'], ['figure_2']]);
  });

  it('prints a picture at its own size when it fits (96 CSS px to the inch)', () => {
    const [svg, png] = paragraphs(reading).flatMap((p) => (p.style === 'Figure' ? p.drawings : []));
    // regional-offices.svg is 480 × 240 px, participation.png 300 × 200 px.
    expect([svg!.cx, svg!.cy]).toEqual([480 * 9525, 240 * 9525]);
    expect([png!.cx, png!.cy]).toEqual([300 * 9525, 200 * 9525]);
  });

  it('scales a picture wider than the text down to its width, proportions kept', () => {
    const { docx } = build((dir) => writeFileSync(join(dir, 'figures', 'participation.png'), png(1600, 400)));
    const wide = readDocx(docx);
    const drawing = paragraphs(wide).flatMap((p) => (p.style === 'Figure' ? p.drawings : []))[1]!;
    const textWidth = wide.textWidth * EMU_PER_TWIP;
    expect(drawing.cx).toBeLessThanOrEqual(textWidth);
    expect(drawing.cx).toBeGreaterThan(textWidth - 9525);
    expect(drawing.cx / drawing.cy).toBeCloseTo(4, 3);
  });
});

describe('headings, paragraph numbers and annexes in the DOCX', () => {
  it('puts sub-headings in Heading 2, in the outline under the sections', () => {
    const headings = paragraphs(reading).filter((p) => p.style === 'Heading 2');
    expect(headings.map((p) => p.text)).toEqual(['Offices', 'Coordination with headquarters', 'Assistance to Member States']);
    // Only what a reference points to is bookmarked: the second sub-heading.
    expect(headings.map((p) => p.bookmarks)).toEqual([[], ['heading_2'], []]);
    expect(reading.outline).toMatchObject({ 'Heading 1': 0, 'Heading 2': 1, 'Heading 3': 2 });
  });

  it('types 2.5.1 before a tab, hung as 2.5 is, its text where 2.5\'s starts', () => {
    const deep = containing(reading, 'Its agenda is prepared by the regional office');
    expect(deep.text).toBe('2.5.1\tIts agenda is prepared by the regional office that chairs it, in rotation.');
    expect(deep.bookmarks).toEqual(['para_2_5_1']);
    const parent = containing(reading, 'The mechanism meets once a quarter');
    expect(parent.text).toMatch(/^2\.5\t/);
    expect(deep.indent).toEqual(parent.indent);
    expect(deep.indent!.left).toBe(deep.indent!.hanging);
    // A continuation lines up with the text of the paragraph it continues.
    const continuation = containing(reading, 'Recruitment for both is expected');
    expect(continuation.indent).toEqual({ left: parent.indent!.left });
  });

  it('follows the sections with the author\'s annexes, then the standards annex as ANNEX 3', () => {
    const annexes = paragraphs(reading).filter((p) => p.style === 'Annex_No' || p.style === 'Annex_Title');
    expect(annexes.map((p) => [p.style, p.text])).toEqual([
      ['Annex_No', 'ANNEX 1'],
      ['Annex_Title', 'Coordination mechanism between the regional offices and headquarters'],
      ['Annex_No', 'ANNEX 2'],
      ['Annex_Title', 'Events organized by the regional offices in 2017 by month'],
      ['Annex_No', 'ANNEX 3'],
      ['Annex_Title', 'ITU standards referred to in this document'],
    ]);
    expect(annexes.filter((p) => p.style === 'Annex_No').map((p) => p.bookmarks)).toEqual([['annex_1'], [], []]);
    expect(reading.outline['Annex_Title']).toBe(0);
    const annex = paragraphs(reading).slice(paragraphs(reading).indexOf(annexes[1]!) + 1);
    expect(annex.find((p) => p.text.includes('Each Bureau names a focal point'))!.text).toMatch(/^1\.1\tEach Bureau/);
  });
});

describe('cross-references in the DOCX', () => {
  const links = () => paragraphs(reading).flatMap((p) => p.links);
  const bookmarks = () => paragraphs(reading).flatMap((p) => p.bookmarks);

  it('prints "Table 1" for [](#tab-offices) and links it to the bookmark on the table\'s caption', () => {
    const p = containing(reading, 'listed in Table 1.');
    expect(p.links[0]).toEqual(['table_1', 'Table 1']);
    expect(containing(reading, 'Table 1 – Regional').bookmarks).toContain('table_1');
  });

  it('prints the number of a section, an annex, a figure, and the author\'s words when given', () => {
    expect(containing(reading, 'Their staffing is described in').text).toContain('described in section 2 and their activities in section 3.');
    expect(links()).toContainEqual(['annex_1', 'Annex 1']);
    expect(links()).toContainEqual(['figure_1', 'Figure 1']);
    expect(links()).toContainEqual(['fn_2', 'the note on posts']);
  });

  it('links every reference to a bookmark that exists; every bookmark name is one Word takes, once', () => {
    const names = bookmarks();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    expect(links().length).toBeGreaterThanOrEqual(10);
    for (const [anchor] of links()) expect(names).toContain(anchor);
    // A reference to a note goes to its citation in the text.
    expect(containing(reading, 'Of the 53 posts budgeted').bookmarks).toContain('fn_2');
  });
});

describe('DOCX of the body fixture', () => {
  it('is laid out by LibreOffice with the notes, captions and annexes, no word of a table broken', () => {
    const dir = scratch('council-docs-lo-');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxPath],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'C18-45-E.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Posts funded from the regular budget only; projects fund a further 23 posts in the regions.');
    expect(text).toContain('Events held jointly by two offices are counted once');
    expect(text).toContain('Table 1 – Regional and area offices at 31 December 2017');
    expect(text).toContain('Figure 2 – Participants in events supported by the regional offices, 2015-2017');
    expect(text).toContain('ANNEX 3');
    // Columns are wide enough for their longest words: none is broken in the middle.
    expect(text).toContain('Participants');
    expect(text).toContain('Tegucigalpa July 2017');
  });

  it('gives the same bytes built again, and built after another document in the same process', () => {
    expect(readFileSync(build().docx).equals(readFileSync(docxPath))).toBe(true);
    const dir = join(scratch(), 'batch');
    cpSync(FIXTURE, dir, { recursive: true });
    // Sorted first, so it is made first: bookmarks, drawings and images of its own come before.
    writeFileSync(join(dir, 'A-first.md'), readFileSync(join(dir, 'C18-45.md'), 'utf8').replace('document: C18/45', 'document: C18/44'));
    const out = join(dir, 'out');
    const run = runCli(['build', dir, '--out', out, '--quiet', '--format', 'docx']);
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, 'C18-45-E.docx')).equals(readFileSync(docxPath))).toBe(true);
  });
});
