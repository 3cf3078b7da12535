// The standards annex as a reader finds it: in the HTML (parsed as a browser
// would), in the PDF (pdftotext, qpdf) and in the CSV (Python's csv module).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { ROOT, SOURCE, buildSeed, runCli, scratch } from './helpers/cli.js';
import { normalize } from './helpers/seed.js';

// Every standard C17/23 cites, in the order the text first cites it, with its official title
// (ITU's publication records) and the status the report gives it. ITU-T Y.4454 is not in those
// records: its title is the one the report gives.
const CITED: [id: string, title: string, status: string][] = [
  ['ITU-T Y.4113', 'Requirements of the network for the Internet of things', 'Approved'],
  ['ITU-T Y.4451', 'Framework of constrained device networking in the IoT environments', 'Approved'],
  ['ITU-T Y.4452', 'Functional framework of web of objects', 'Approved'],
  ['ITU-T Y.4453', 'Adaptive software framework for Internet of things devices', 'Approved'],
  ['ITU-T Y.4553', 'Requirements of smartphone as sink node for IoT applications and services', 'Approved'],
  ['ITU-T Y.4702', 'Common requirements and capabilities of device management in the Internet of things', 'Approved'],
  ['ITU-T Y.4454', 'Platform Interoperability for Smart Cities', 'Determined'],
  ['ITU-T Y.Sup42', 'ITU-T Y.4100 series – Use cases of user-centric work space service', 'Agreed'],
  ['ITU-T Y.Sup34', "ITU-T Y.4000 series – Smart sustainable cities – Setting the stage for stakeholders' engagement", 'Agreed'],
  ['ITU-T Y.Sup33', 'ITU-T Y.4000 series – Smart sustainable cities – Master plan', 'Agreed'],
  ['ITU-T Y.Sup32', 'ITU-T Y.4000 series – Smart sustainable cities – A guide for city leaders', 'Agreed'],
  ['ITU-T Y.Sup31', 'ITU-T Y.4550 series – Smart sustainable cities – Intelligent sustainable buildings', 'Agreed'],
  ['ITU-T Y.Sup28', 'ITU-T Y.4550 series – Smart sustainable cities – Integrated management', 'Agreed'],
  ['ITU-T Y.Sup29', 'ITU-T Y.4250 series – Smart sustainable cities – Multi-service infrastructure in new-development areas', 'Agreed'],
  ['ITU-T Y.Sup30', 'ITU-T Y.4250 series – Smart sustainable cities – Overview of smart sustainable cities infrastructure', 'Agreed'],
  ['ITU-T Y.Sup27', 'ITU-T Y.4400 series – Smart sustainable cities – Setting the framework for an ICT architecture', 'Agreed'],
  ['ITU-T Y.4114', 'Specific requirements and capabilities of the Internet of things for big data', 'Consented'],
  ['ITU-T Y.4115', 'Reference architecture for IoT device capability exposure', 'Consented'],
  ['ITU-T Y.4805', 'Identifier service requirements for the interoperability of smart city applications', 'Consented'],
  ['ITU-T Y.4903/L.1603', 'Key performance indicators for smart sustainable cities to assess the achievement of sustainable development goals', 'Approved'],
  ['ITU-R SM.1896', 'Frequency ranges for global or regional harmonization of short-range devices (SRDs)', 'In force'],
  ['ITU-R SM.2153', 'Technical and operating parameters and spectrum requirements for short-range radiocommunication devices', 'In force'],
  ['ITU-R M.2002', 'Objectives, characteristics and functional requirements of wide-area sensor and/or actuator network (WASN) systems', 'In force'],
  ['ITU-R M.2224', 'System design guidelines for wide area sensor and/or actuator network (WASN) systems', 'In force'],
];

function itu(id: string): string {
  const [, sector, number] = /^ITU-([TR]) ([^/]+)/.exec(id)!;
  return id === 'ITU-R SM.2153' || id === 'ITU-R M.2224'
    ? `https://www.itu.int/pub/${sector}-REP-${number}`
    : `https://www.itu.int/rec/${sector}-REC-${number}`;
}

/** Rows as Python's csv module reads them (utf-8-sig: the byte-order mark is not part of the header). */
function readCsv(path: string): string[][] {
  const script = 'import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))))';
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[][];
}

describe('standards annex in the HTML', () => {
  let tree: Root;
  beforeAll(() => {
    tree = fromHtml(readFileSync(join(buildSeed('html'), 'C17-23-E.html'), 'utf8'));
  });
  const text = (node: Element) => normalize(toText(node, { whitespace: 'normal' }));

  it('follows the last section, as a section with its own heading', () => {
    const sections = selectAll('main > section', tree);
    const annex = sections.at(-1)!;
    expect(annex.properties.id).toBe('annex');
    expect(sections.at(-2)!.properties.id).toBe('section-4');
    const heading = select('h2', annex)!;
    expect(text(select('.annex-label', heading)!)).toBe('ANNEX');
    expect(text(select('.annex-title', heading)!)).toBe('ITU standards referred to in this document');
  });

  it('lists every standard the report cites with its official title, status and page at ITU', () => {
    expect(selectAll('#annex th', tree).map(text)).toEqual(['Identifier', 'Title', 'Status', 'Link']);
    const rows = selectAll('#annex tbody tr', tree).map((tr) => {
      const cells = selectAll('td', tr);
      return [...cells.slice(0, 3).map(text), select('a', cells[3]!)!.properties.href];
    });
    expect(rows).toEqual(CITED.map(([id, title, status]) => [id, title, status, itu(id)]));
  });

  it('starts a new page in print', () => {
    const css = toText(select('style', tree)!);
    expect(css).toMatch(/@media print\s*\{[^]*\.annex\s*\{[^}]*break-before:\s*page/);
  });
});

describe('standards annex in the PDF', () => {
  let pdf: string;
  beforeAll(() => {
    pdf = join(buildSeed('pdf'), 'C17-23-E.pdf');
  });

  it('starts a page with ANNEX and its title, lists every standard, and is in the outline', () => {
    const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
    const first = pages.findIndex((page) => /^\s*ANNEX\s*$/m.test(page));
    expect(first).toBeGreaterThan(0);
    const body = pages[first]!.split('\n').map((l) => l.trim()).filter(Boolean);
    // The page header (page number, document number), then the annex.
    expect(body.slice(2, 4)).toEqual(['ANNEX', 'ITU standards referred to in this document']);
    const annex = normalize(pages.slice(first).join(' ').replace(/-\s+/g, '-'));
    for (const [id, , status] of CITED) {
      expect(annex).toContain(id);
      expect(annex).toContain(status);
    }
    const outline = JSON.parse(spawnSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8' }).stdout) as {
      outlines: { title: string; kids: { title: string; destpageposfrom1: number }[] }[];
    };
    const entries = outline.outlines.flatMap((o) => [o, ...o.kids]);
    const entry = entries.find((o) => o.title.startsWith('ANNEX'));
    expect(entry?.title).toBe('ANNEX ITU standards referred to in this document');
    expect((entry as { destpageposfrom1: number }).destpageposfrom1).toBe(first + 1);
  });
});

describe('standards annex as CSV', () => {
  let path: string;
  beforeAll(() => {
    path = join(buildSeed('csv'), 'C17-23-E-standards.csv');
  });

  it('is UTF-8 with a byte-order mark, CRLF lines and a header row, every field quoted', () => {
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('"Identifier","Title","Edition","Status","Link"');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('lists every standard the report cites, with official title, edition, status and link', () => {
    const rows = readCsv(path);
    expect(rows[0]).toEqual(['Identifier', 'Title', 'Edition', 'Status', 'Link']);
    expect(rows.slice(1).map(([id, title, , status, link]) => [id, title, status, link])).toEqual(
      CITED.map(([id, title, status]) => [id, title, status, itu(id)]),
    );
    const edition = Object.fromEntries(rows.slice(1).map(([id, , ed]) => [id, ed]));
    expect(edition['ITU-T Y.4113']).toBe('2016-09');
    expect(edition['ITU-T Y.4903/L.1603']).toBe('2016-10');
    expect(edition['ITU-T Y.Sup28']).toBe('');
  });

  it('quotes commas, quotes and line breaks, and keeps a formula as text', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'source'));
    copyFileSync(SOURCE, join(dir, 'source', 'C17-23.md'));
    const catalogue = readFileSync(join(ROOT, 'source', 'standards.yaml'), 'utf8').replace(
      'title: Requirements of the network for the Internet of things',
      'title: "=HYPERLINK(\\"http://example.com\\"), \\"quoted\\";\\nsecond line"',
    );
    writeFileSync(join(dir, 'source', 'standards.yaml'), catalogue);
    const run = runCli(['build', join(dir, 'source'), '--out', join(dir, 'out'), '--format', 'csv', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const rows = readCsv(join(dir, 'out', 'C17-23-E-standards.csv'));
    expect(rows[1]!.slice(0, 2)).toEqual(['ITU-T Y.4113', `'=HYPERLINK("http://example.com"), "quoted";\nsecond line`]);
    expect(rows).toHaveLength(CITED.length + 1);
  });
});
