// A session built as a CI matrix builds it: two parts (--shard 1/2, 2/2) into
// one folder, then `council-docs index` over it. The index's links, its HTML
// and the meeting's calendars are read back by independent readers (a HTML
// parser, the Nu Html Checker, axe-core, ical.js, pdftotext).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { ROOT, runCli, scratch, type Run } from './helpers/cli.js';
import { axeReport, vnuErrors } from './helpers/html-check.js';
import { calendarEvents } from './helpers/outputs.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'session');
const SOURCES = ['C19-31-Rev1.md', 'C19-31.fr.md', 'C19-31.md', 'C19-34.es.md', 'C19-34.md', 'C19-35.md'];

let dir: string;
let out: string;
const parts: Run[] = [];
let index: Run;

const page = (name: string): Root => fromHtml(readFileSync(join(out, name), 'utf8'));
const text = (node: Root | Element | undefined) => (node ? toText(node).replace(/\s+/g, ' ').trim() : '');

/** The sources a part's progress lines name. */
function built(run: Run): string[] {
  return [...run.stdout.matchAll(/^\[\d+\/\d+\] source\/(\S+\.md): /gm)].map((m) => m[1]!).sort();
}

const calendar = (name: string) => calendarEvents(readFileSync(join(out, name), 'utf8'));

beforeAll(() => {
  dir = scratch();
  mkdirSync(join(dir, 'source'));
  cpSync(FIXTURES, join(dir, 'source'), { recursive: true });
  out = join(dir, 'out');
  for (const shard of ['1/2', '2/2']) parts.push(runCli(['build', 'source', '--out', 'out', '--shard', shard], { cwd: dir }));
  index = runCli(['index', 'out'], { cwd: dir });
}, 600_000);

describe('a session built in two parts', () => {
  it('builds each source in exactly one part, every language of a document in the same part', () => {
    for (const run of parts) expect(run.status, run.stderr).toBe(0);
    const [first, second] = parts.map(built) as [string[], string[]];
    expect(first.filter((s) => second.includes(s))).toEqual([]);
    expect([...first, ...second].sort()).toEqual(SOURCES);
    // Both parts have work: the split is a real one.
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    for (const sources of [first, second]) {
      const documents = new Set(sources.map((s) => s.replace(/(-Rev\d+)?(\.[a-z]{2})?\.md$/, '')));
      for (const document of documents) {
        expect(sources, `every language and revision of ${document} in one part`).toEqual(
          expect.arrayContaining(SOURCES.filter((s) => s.startsWith(`${document}.`) || s.startsWith(`${document}-`))),
        );
      }
    }
    expect(parts[0]!.stdout).toMatch(/^part 1 of 2: \d of 6 sources$/m);
  });

  it('says what it wrote when indexing', () => {
    expect(index.status, index.stderr).toBe(0);
    expect(index.stdout).toMatch(/^out: 4 documents in en, fr, es: wrote .*out\/index\.html/m);
    for (const name of ['index.html', 'index.pdf', 'index-F.html', 'index-F.pdf', 'index-S.html', 'Council-2019-E.ics', 'Council-2019-F.ics', 'Council-2019-S.ics']) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
  });
});

describe('the index', () => {
  it('lists every document in order of number, a revision beside its original', () => {
    const rows = selectAll('table.documents tbody tr', page('index.html'));
    expect(rows.map((r) => text(select('th', r)))).toEqual(['C19/31', 'C19/31(Rev.1)', 'C19/34', 'C19/35']);
    const first = selectAll('td', rows[0]!).map(text);
    expect(first[0]).toBe("ITU's role in implementing the outcomes of the World Summit on the Information Society");
    expect(first[1]).toBe('29 April 2019');
    expect(first[2]).toBe('PL 1.4');
    expect(text(select('h1', page('index.html')))).toBe('Documents of Council 2019');
  });

  it('links every version of every document in HTML, PDF and DOCX, and every link is a file of the folder', () => {
    const outputs = readdirSync(out).filter((n) => /^C19-.*\.(html|pdf|docx)$/.test(n)).sort();
    for (const name of ['index.html', 'index-F.html', 'index-S.html']) {
      const hrefs = selectAll('a[href]', page(name)).map((a) => String(a.properties['href']));
      for (const href of hrefs) {
        expect(href, `${name}: ${href} is a name in the folder`).toMatch(/^[A-Za-z0-9.-]+$/);
        expect(existsSync(join(out, href)), `${name}: ${href}`).toBe(true);
      }
      // Every document output is linked from every language's page.
      expect(hrefs.filter((h) => h.startsWith('C19-')).sort()).toEqual(outputs);
    }
    const versions = selectAll('table.documents tbody tr', page('index.html'))[0]!;
    expect(selectAll('.versions li', versions).map(text)).toEqual(['English HTML PDF DOCX', 'French HTML PDF DOCX']);
    const pdfLink = select('a[href="C19-31-F.pdf"]', versions)!;
    expect(pdfLink.properties['ariaLabel']).toBe('C19/31-F, PDF');
    expect(pdfLink.properties['hrefLang']).toBe('fr');
  });

  it('is in each language present, with the words of that language, and the original’s title where a version is missing', () => {
    const french = page('index-F.html');
    expect(select('html', french)!.properties['lang']).toBe('fr');
    expect(text(select('h1', french))).toBe('Documents – Conseil 2019');
    const rows = selectAll('table.documents tbody tr', french);
    const title = (row: Element) => select('td', row)!;
    expect(text(title(rows[0]!))).toBe("Rôle de l'UIT dans la mise en œuvre des résultats du Sommet mondial sur la société de l'information");
    expect(title(rows[0]!).properties['lang']).toBeUndefined();
    // C19/35 has no French version: its English title, marked as English.
    expect(text(title(rows[3]!))).toBe('Progress report on the ITU headquarters premises project');
    expect(title(rows[3]!).properties['lang']).toBe('en');
    expect(text(select('thead', french))).toBe('Document Titre Date Point de l\'ordre du jour Versions');
    expect(selectAll('td', rows[0]!).map(text)[1]).toBe('29 avril 2019');
    // The pages link to each other, each language named in itself.
    expect(selectAll('nav a', french).map((a) => [a.properties['href'], text(a)])).toEqual([
      ['index.html', 'English'],
      ['index-S.html', 'Español'],
    ]);
  });

  it('is valid HTML to the Nu Html Checker', () => {
    expect(vnuErrors(['index.html', 'index-F.html', 'index-S.html'].map((n) => join(out, n)))).toEqual([]);
  });

  it('has no axe-core violation, on a desktop and on a phone, and fits a phone’s screen', async () => {
    const report = await axeReport([join(out, 'index.html'), join(out, 'index-F.html')]);
    for (const r of report) {
      expect(r.violations, `${r.file} at ${r.width} px`).toEqual([]);
      expect(r.overflow, `${r.file} at ${r.width} px`).toBeLessThanOrEqual(0);
    }
  }, 120_000);

  it('is printed: the PDF lists the documents', () => {
    const pdf = execFileSync('pdftotext', ['-raw', join(out, 'index.pdf'), '-'], { encoding: 'utf8' });
    for (const number of ['C19/31', 'C19/31(Rev.1)', 'C19/34', 'C19/35']) expect(pdf).toContain(number);
    expect(pdf).toContain('Progress report on the ITU headquarters premises project');
  });
});

describe('the meeting’s calendar', () => {
  it('has every event once, by UID, the shared one naming every document that cites it', () => {
    const events = calendar('Council-2019-E.ics');
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.sort()).toEqual(
      ['hlpf-2019', 'premises-design-jury-2019', 'wsis-forum-2019', 'wsis-forum-2020'].map((id) => `${id}@c19.council.itu.int`),
    );
    const shared = events.find((e) => e.uid.startsWith('wsis-forum-2019@'))!;
    expect(shared.summary).toBe('WSIS Forum 2019');
    expect(shared.start).toBe('2019-04-08');
    // Cited by C19/31 and its revision (built in one part) and by C19/34 (built in the other).
    expect(shared.description).toContain("C19/31-E: ITU's role in implementing");
    expect(shared.description).toContain("C19/31(Rev.1)-E: ITU's role in implementing");
    expect(shared.description).toContain("C19/34-E: ITU's contribution to the implementation");
    expect(events.find((e) => e.uid.startsWith('hlpf-2019@'))!.description).not.toContain('C19/31');
  });

  it('is in each language, with the same UIDs, each event in that language’s words where a version has them', () => {
    const english = calendar('Council-2019-E.ics');
    const spanish = calendar('Council-2019-S.ics');
    expect(spanish.map((e) => e.uid).sort()).toEqual(english.map((e) => e.uid).sort());
    const shared = spanish.find((e) => e.uid.startsWith('wsis-forum-2019@'))!;
    // The first document citing it (C19/31) has no Spanish version: its original's words, and the Spanish C19/34 named.
    expect(shared.summary).toBe('WSIS Forum 2019');
    expect(shared.description).toContain('C19/34-S: Contribución de la UIT');
    expect(shared.description).toMatch(/^Citado en los documentos del Consejo de la UIT:/);
    expect(spanish.find((e) => e.uid.startsWith('hlpf-2019@'))!.summary).toBe('Foro Político de Alto Nivel sobre el Desarrollo Sostenible');
  });
});

describe('bad input', () => {
  it('refuses a part that is not K of N, with the usage exit code', () => {
    for (const spec of ['3/2', '0/4', 'a/b', '1/0', '2', '1/2/3']) {
      const run = runCli(['build', 'source', '--out', 'elsewhere', '--shard', spec], { cwd: dir });
      expect(run.status, spec).toBe(2);
      expect(run.stderr).toContain(`--shard ${spec}: expected K/N`);
      expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
    }
  });

  it('says so when a folder holds no document built, and exits 1', () => {
    const empty = scratch();
    const run = runCli(['index', empty]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no document built here/);
    expect(readdirSync(empty)).toEqual([]);
    expect(runCli(['index', join(empty, 'missing')]).status).toBe(2);
  });

  it('prints an entry’s words as text, never as markup', () => {
    const hostile = scratch();
    cpSync(out, hostile, { recursive: true });
    const path = join(hostile, 'C19-35-E.meta.json');
    const entry = JSON.parse(readFileSync(path, 'utf8'));
    entry.title = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';
    entry.agendaItem = '"><a href="javascript:alert(3)">';
    writeFileSync(path, JSON.stringify(entry));
    const run = runCli(['index', hostile, '-f', 'html,ics']);
    expect(run.status, run.stderr).toBe(0);
    const html = fromHtml(readFileSync(join(hostile, 'index.html'), 'utf8'));
    expect(selectAll('img, script', html)).toEqual([]);
    expect(selectAll('a', html).every((a) => !String(a.properties['href']).startsWith('javascript:'))).toBe(true);
    expect(text(selectAll('table.documents tbody tr', html)[3])).toContain('<img src=x onerror="alert(1)"> & <script>alert(2)</script>');
  });

  it('refuses an entry that is not one it writes, naming it, and writes nothing', () => {
    const broken = scratch();
    cpSync(out, broken, { recursive: true });
    const before = readFileSync(join(broken, 'index.html'), 'utf8');
    writeFileSync(join(broken, 'C19-34-E.meta.json'), '{"version": 1, "document": "C19/34"');
    const path = join(broken, 'C19-35-E.meta.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"file": "C19-35-E"', '"file": "../C19-35-E"'));
    const run = runCli(['index', broken]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(broken, 'C19-34-E.meta.json')}:1:36: error: not JSON`);
    expect(run.stderr).toContain(`${join(broken, 'C19-35-E.meta.json')}:1:1: error: not an entry council-docs writes: "file": expected the outputs' name, e.g. C17-23-E`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(broken, 'index.html'), 'utf8')).toBe(before);
  });
});
