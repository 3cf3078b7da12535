// Issuing and revisions: `council-docs issue` records a document in issued/, an issued number is
// never issued again, and a revision is built beside its marked version, whose <ins> and <del> hold
// exactly what changed since the issue it revises. HTML read by a parser, PDF by poppler.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { ROOT, runCli, snapshot, sourceFolder } from './helpers/cli.js';
import { pageLines } from './helpers/pdf.js';
import { bodyLines, readWithOffice } from './helpers/tracked-changes.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const ISSUED_TEXT = readFileSync(join(FIXTURES, 'issue', 'C19-31.md'), 'utf8');

/** Revision 1 of the test document: a word changed, a sentence deleted, a paragraph inserted before others, a table cell changed. */
const INSERTED = 'The Council approved the plan of the programme for 2019-2022 at its 2018 session.';
const DELETED = 'Most participants came from administrations and regulators.';
function revise(text: string, revision = 1): string {
  const edited = text
    .replace('agenda_item: PL 2.6\n', `agenda_item: PL 2.6\nrevision: ${revision}\n`)
    .replace('Twelve centres of excellence', 'Fourteen centres of excellence')
    .replace(' Most\nparticipants came from administrations and regulators.', '')
    .replace('# Funding\n\n', `# Funding\n\n${INSERTED}\n\n`)
    .replace('| Europe | 18 | 640 |', '| Europe | 21 | 640 |');
  expect(edited).not.toContain('Most\nparticipants');
  return edited;
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
const text = (node: Element | Root) => normal(toText(node));
const html = (path: string) => fromHtml(readFileSync(path, 'utf8'));
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function lineColumn(source: string, key: string): string {
  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.startsWith(`${key}:`));
  return `${line + 1}:${key.length + 3}`;
}

/** The tree without the elements `drop` picks. */
function without(tree: Root, drop: (element: Element) => boolean): Root {
  const prune = (node: Root | Element): void => {
    node.children = node.children.filter((child) => child.type !== 'element' || !drop(child));
    for (const child of node.children) if (child.type === 'element') prune(child);
  };
  const copy = structuredClone(tree);
  prune(copy);
  return copy;
}

const hasClass = (element: Element, name: string) => ((element.properties['className'] as string[] | undefined) ?? []).includes(name);

/** The words of the body's paragraphs and table cells, numbers left out: what a reader reads in that order. */
function bodyText(tree: Root): string[] {
  return selectAll('main p.paragraph, main td', without(tree, (e) => hasClass(e, 'number'))).map((e) => text(e));
}

/** The marked version with every change accepted (or rejected): what is inserted stays (or goes), what is deleted goes (or stays). */
function decided(tree: Root, accept: boolean): string[] {
  const [mark, piece] = accept ? ['del', 'deleted'] : ['ins', 'inserted'];
  const copy = without(tree, (e) => e.tagName === mark || hasClass(e, piece));
  return bodyText(copy);
}

describe('issuing a document and building its revision', () => {
  let dir: string;
  let issuedRun: ReturnType<typeof runCli>;
  let built: ReturnType<typeof runCli>;
  let issuedTree: Root;
  const out = () => join(dir, 'out');

  beforeAll(() => {
    dir = sourceFolder({ 'C19-31.md': ISSUED_TEXT });
    issuedRun = runCli(['issue', 'source/C19-31.md'], { cwd: dir });
    // The issued version as its own build prints it: the base the marked version must give back when every change is rejected.
    const base = runCli(['build', 'issued/C19-31-E/C19-31.md', '--out', 'issued-out', '-f', 'html,docx', '--quiet'], { cwd: dir });
    expect(base.status).toBe(0);
    issuedTree = html(join(dir, 'issued-out', 'C19-31-E.html'));
    writeFileSync(join(dir, 'source', 'C19-31.md'), revise(ISSUED_TEXT));
    built = runCli(['build', 'source', '--out', 'out', '-f', 'html,pdf', '--quiet'], { cwd: dir });
  });

  it('records the source, the template versions and the day under issued/, sealed', () => {
    expect(issuedRun.stderr).toBe('');
    expect(issuedRun.status).toBe(0);
    expect(issuedRun.stdout).toBe('issued C19/31-E as issued/C19-31-E\n');
    const entry = join(dir, 'issued', 'C19-31-E');
    expect(readdirSync(entry).sort()).toEqual(['C19-31.md', 'issue.yaml']);
    expect(readFileSync(join(entry, 'C19-31.md'), 'utf8')).toBe(ISSUED_TEXT);
    const record = parse(readFileSync(join(entry, 'issue.yaml'), 'utf8'));
    expect(record).toMatchObject({ document: 'C19/31', number: 'C19/31-E', language: 'en', date: '2019-05-06', source: 'C19-31.md' });
    expect(record.issued).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(record.files).toEqual({ 'C19-31.md': sha256(ISSUED_TEXT) });
    // The templates it was built with: its own locale's, no other language's.
    expect(record.templates['locale/en.yaml']).toBe(sha256(readFileSync(join(ROOT, 'templates', 'locale', 'en.yaml'))));
    expect(record.templates['html/document.hbs']).toBe(sha256(readFileSync(join(ROOT, 'templates', 'html', 'document.hbs'))));
    expect(record.templates['locale/fr.yaml']).toBeUndefined();
    expect(record.seal).toMatch(/^[0-9a-f]{64}$/);
  });

  it('builds the revision clean, under its own number, and its marked version beside it', () => {
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(readdirSync(out()).sort()).toEqual([
      'C19-31-Rev1-E-changes.html',
      'C19-31-Rev1-E-changes.pdf',
      'C19-31-Rev1-E.html',
      'C19-31-Rev1-E.meta.json',
      'C19-31-Rev1-E.pdf',
    ]);
    const clean = html(join(out(), 'C19-31-Rev1-E.html'));
    expect(selectAll('ins, del, .changes-note', clean)).toEqual([]);
    expect(selectAll('.document-id p', clean).map(text).slice(0, 2)).toEqual(['Revision 1 to', 'Document C19/31-E']);
    expect(text(select('title', clean)!)).toContain('C19/31(Rev.1)-E');
    expect(text(select('[id="para-1.2"]', clean)!)).toContain('Fourteen centres');
  });

  it('marks exactly the words changed, and nothing after the inserted paragraph', () => {
    const marked = html(join(out(), 'C19-31-Rev1-E-changes.html'));
    expect(selectAll('ins', marked).map((e) => words(toText(e)))).toEqual([['Fourteen'], ['21'], words(INSERTED)]);
    expect(selectAll('del', marked).map((e) => words(toText(e)))).toEqual([['Twelve'], words(DELETED), ['18']]);
    // The table cell holds the change; its row is not a new one.
    const cell = select('#table-1 tbody tr:last-child td:nth-child(2)', marked)!;
    expect([text(select('del', cell)!), text(select('ins', cell)!)]).toEqual(['18', '21']);
    expect(selectAll('#table-1 tr.inserted, #table-1 tr.deleted', marked)).toEqual([]);

    // The paragraph inserted at the head of section 2 is new as a whole; 2.2 and 2.3 (2.1 and 2.2 as issued) are as they were.
    expect(select('[id="para-2.1"]', marked)!.properties['className']).toContain('inserted');
    for (const id of ['para-2.2', 'para-2.3']) {
      const paragraph = select(`[id="${id}"]`, marked)!;
      expect(paragraph.properties['className']).toEqual(['paragraph']);
      expect(selectAll('ins, del', paragraph)).toEqual([]);
    }
    expect(text(select('[id="para-2.2"]', marked)!)).toMatch(/^2\.2 The programme was funded/);
    expect(text(select('.changes-note', marked)!)).toBe(
      'Changes to Document C19/31-E Text added since C19/31-E is underlined, text deleted is struck through; ' +
        'a bar in the margin marks each changed paragraph. Changed: 1.2, 1.3 and 2.1 (new)',
    );
  });

  it('gives the revision with every change accepted, and the issued text with every change rejected', () => {
    const marked = html(join(out(), 'C19-31-Rev1-E-changes.html'));
    expect(decided(marked, true)).toEqual(bodyText(html(join(out(), 'C19-31-Rev1-E.html'))));
    expect(decided(marked, false)).toEqual(bodyText(issuedTree));
  });

  it('prints the marked version in its PDF, with the note of the changes', () => {
    const lines = pageLines(join(out(), 'C19-31-Rev1-E-changes.pdf'), 1).join('\n');
    expect(lines).toContain('Changes to Document C19/31-E');
    expect(lines).toContain('Changed: 1.2, 1.3 and 2.1 (new)');
    // Deleted and inserted words stand side by side, as Word shows them.
    expect(normal(lines)).toContain('1.2 TwelveFourteen centres of excellence');
  });

  it('writes the marked DOCX as tracked changes: all accepted, the revision; all rejected, the issued text', () => {
    const docx = runCli(['build', 'source', '--out', 'out-docx', '-f', 'docx', '--quiet'], { cwd: dir });
    expect(docx.stderr).toBe('');
    expect(docx.status).toBe(0);
    const marked = join(dir, 'out-docx', 'C19-31-Rev1-E-changes.docx');
    const [accepted, rejected, revision, issued] = readWithOffice([
      [marked, 'accept'],
      [marked, 'reject'],
      [join(dir, 'out-docx', 'C19-31-Rev1-E.docx'), 'as-is'],
      [join(dir, 'issued-out', 'C19-31-E.docx'), 'as-is'],
    ]);
    // Fourteen for Twelve, 21 for 18, the sentence deleted and the paragraph inserted: each a change to decide.
    expect(accepted!.changes).toBeGreaterThanOrEqual(6);
    expect([accepted!.left, rejected!.left]).toEqual([0, 0]);
    // The body from the first section on, numbers and all: Word numbers the marked version's
    // paragraphs itself, so rejecting the paragraph inserted as 2.1 gives the paragraph after it
    // back its issued 2.1, and no number is a change of its own.
    const body = (reading: Parameters<typeof bodyLines>[0]) => {
      const lines = bodyLines(reading);
      return lines.slice(lines.findIndex((t) => t === '1.\tThe programme in 2018'));
    };
    expect(body(revision!)).toContain('2.1\tThe Council approved the plan of the programme for 2019-2022 at its 2018 session.');
    expect(body(issued!)).toContain('2.1\tThe programme was funded from course fees, voluntary contributions and the regular budget of the Bureau, in this order of amount.');
    expect(body(accepted!)).toEqual(body(revision!));
    expect(body(rejected!)).toEqual(body(issued!));
    // python-docx opens it; the changes are the author's of locale data, dated by the revision.
    const xml = execFileSync('/usr/bin/python3', ['-c', 'import sys, docx, zipfile; docx.Document(sys.argv[1]); print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', marked], { encoding: 'utf8' });
    expect(xml).toMatch(/<w:ins [^>]*w:author="ITU General Secretariat"[^>]*w:date="2019-05-06T00:00:00Z"/);
    expect(xml).toMatch(/<w:delText[^>]*>[^<]*Twelve/);
  }, 300_000);

  it('refuses to issue a number again, at the key to raise, and writes nothing', () => {
    const issuedText = readFileSync(join(dir, 'source', 'C19-31.md'), 'utf8');
    expect(runCli(['issue', 'source/C19-31.md'], { cwd: dir }).status).toBe(0);
    const before = snapshot(join(dir, 'issued'));
    const again = runCli(['issue', 'source/C19-31.md'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      new RegExp(
        `^source/C19-31\\.md:${lineColumn(issuedText, 'revision')}: error: C19/31\\(Rev\\.1\\)-E was issued on \\d{4}-\\d{2}-\\d{2} \\(issued/C19-31-Rev1-E\\), ` +
          `and an issued document is never changed: to issue this text, make it a revision \\("revision: 2"\\) \\[issued-already\\]\nnothing issued\n$`,
      ),
    );
    expect(snapshot(join(dir, 'issued'))).toEqual(before);

    const listed = runCli(['issued'], { cwd: dir });
    expect(listed.status).toBe(0);
    const rows = listed.stdout.trim().split('\n').map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['number', 'language', 'date', 'entry'],
      ['C19/31-E', 'en', '2019-05-06', 'issued/C19-31-E'],
      ['C19/31(Rev.1)-E', 'en', '2019-05-06', 'issued/C19-31-Rev1-E'],
    ]);
  });
});

describe('refused revisions', () => {
  /** A project where the test document was issued, its source then revised as `revision`. */
  function issuedProject(revision: number): string {
    const dir = sourceFolder({ 'C19-31.md': ISSUED_TEXT });
    expect(runCli(['issue', 'source/C19-31.md'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'source', 'C19-31.md'), revise(ISSUED_TEXT, revision));
    return dir;
  }

  it('refuses a revision that skips one, for build, check and issue alike', () => {
    const dir = issuedProject(2);
    const at = lineColumn(readFileSync(join(dir, 'source', 'C19-31.md'), 'utf8'), 'revision');
    const message =
      `source/C19-31.md:${at}: error: C19/31(Rev.2)-E skips C19/31(Rev.1)-E, which was never issued (no issued/C19-31-Rev1-E): ` +
      'the next revision to issue is 1, "revision: 1" [issued-sequence]';
    for (const command of [['build', 'source', '--out', 'out'], ['check', 'source'], ['issue', 'source/C19-31.md']]) {
      const run = runCli(command, { cwd: dir });
      expect(run.status, command[0]).toBe(1);
      expect(run.stderr.split('\n')[0]).toBe(message);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(readdirSync(join(dir, 'issued'))).toEqual(['C19-31-E']);
  });

  it('refuses a revision whose base was never issued', () => {
    const dir = sourceFolder({ 'C19-31.md': revise(ISSUED_TEXT) });
    const at = lineColumn(readFileSync(join(dir, 'source', 'C19-31.md'), 'utf8'), 'revision');
    const refused = runCli(['issue', 'source/C19-31.md'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `source/C19-31.md:${at}: error: C19/31(Rev.1)-E follows C19/31-E, which was never issued (no issued/C19-31-E): issue it first, with "council-docs issue" [issued-base]`,
    );
    expect(existsSync(join(dir, 'issued'))).toBe(false);

    // A project that keeps issued documents, but not this one: its revision is not built.
    const other = sourceFolder({ 'C19-31.md': revise(ISSUED_TEXT), 'C18-60.md': readFileSync(join(FIXTURES, 'kinds', 'C18-60.md'), 'utf8') });
    expect(runCli(['issue', 'source/C18-60.md'], { cwd: other }).status).toBe(0);
    const build = runCli(['build', 'source', '--out', 'out'], { cwd: other });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('[issued-base]');
    expect(existsSync(join(other, 'out'))).toBe(false);
  });

  it.each([
    ['the issued source', 'issued/C19-31-E/C19-31.md', (t: string) => t.replace('137 courses', '139 courses'), 'issued/C19-31-E/C19-31.md was edited after it was issued (its digest is not the one sealed in issued/C19-31-E/issue.yaml)'],
    ['the record', 'issued/C19-31-E/issue.yaml', (t: string) => t.replace('date: 2019-05-06', 'date: 2019-05-07'), 'issued/C19-31-E/issue.yaml was edited after it was issued (its seal does not match)'],
    ['a file added', 'issued/C19-31-E/C19-31.fr.md', () => '---\nlanguage: fr\n---\n', 'issued/C19-31-E/C19-31.fr.md was added to an issued entry after it was issued'],
  ])('refuses an issued entry edited by hand (%s), naming the file', (_, path, edit, says) => {
    const dir = issuedProject(1);
    writeFileSync(join(dir, path), edit(existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : ''));
    const at = lineColumn(readFileSync(join(dir, 'source', 'C19-31.md'), 'utf8'), 'revision');
    for (const command of [['build', 'source', '--out', 'out'], ['issue', 'source/C19-31.md']]) {
      const run = runCli(command, { cwd: dir });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`source/C19-31.md:${at}: error: ${says}`);
      expect(run.stderr).toMatch(/restore|remove it/);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(readdirSync(join(dir, 'issued'))).toEqual(['C19-31-E']);
    const listed = runCli(['issued'], { cwd: dir });
    expect(listed.status).toBe(1);
    expect(listed.stderr).toContain(says);
  });

  it('builds a revision without its marked version, and says so, where nothing is kept as issued', () => {
    const dir = sourceFolder({ 'C19-31.md': revise(ISSUED_TEXT) });
    const run = runCli(['build', 'source', '--out', 'out', '-f', 'html'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: there is no issued folder of issued documents, so this revision has no marked version \(C19-31-Rev1-E-changes\.\*\).*\[revision-unissued\]/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['C19-31-Rev1-E.html', 'C19-31-Rev1-E.meta.json']);
  });
});

describe('a revision of an original with a translation', () => {
  const fixture = (name: string) => readFileSync(join(FIXTURES, 'translation', name), 'utf8');

  it('issues the translation under its own number, and its check names the paragraphs the revision changed', () => {
    const dir = sourceFolder({
      'C18-70.md': fixture('C18-70.md'),
      'C18-70.fr.md': fixture('C18-70.fr.md'),
      'C18-70.fr.aligned.yaml': fixture('C18-70.fr.aligned.yaml'),
      'standards.yaml': fixture('standards.yaml'),
    });
    const issued = runCli(['issue', 'source/C18-70.md', 'source/C18-70.fr.md'], { cwd: dir });
    expect(issued.stdout).toBe('issued C18/70-E as issued/C18-70-E\nissued C18/70-F as issued/C18-70-F\n');
    expect(issued.status).toBe(0);
    // The translation's entry holds the original whose data it shares, and the catalogue entries it cites.
    expect(readdirSync(join(dir, 'issued', 'C18-70-F')).sort()).toEqual(['C18-70.fr.md', 'C18-70.md', 'issue.yaml', 'standards.yaml']);

    const original = join(dir, 'source', 'C18-70.md');
    writeFileSync(
      original,
      readFileSync(original, 'utf8')
        .replace('agenda_item: PL 1.9\n', 'agenda_item: PL 1.9\nrevision: 1\n')
        .replace('12 countries of the region', '14 countries of the region'),
    );
    const check = runCli(['check', 'source'], { cwd: dir });
    expect(check.status).toBe(0);
    const french = readFileSync(join(dir, 'source', 'C18-70.fr.md'), 'utf8');
    const line = french.split('\n').findIndex((l) => l.startsWith('Le [forum du Caire]')) + 1;
    expect(check.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^source/C18-70\\.fr\\.md:${line}:1: warning: the original's paragraph 1\\.2 \\(C18-70\\.md:\\d+\\) changed since this translation was aligned with it: .*\\[translation-outdated\\]$`)),
    ]);

    // Each language's revision is marked against its own issue: the English words changed, the French not yet translated.
    const build = runCli(['build', 'source', '--out', 'out', '-f', 'html', '--quiet'], { cwd: dir });
    expect(build.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'C18-70-Rev1-E-changes.html',
      'C18-70-Rev1-E.html',
      'C18-70-Rev1-E.meta.json',
      'C18-70-Rev1-F-changes.html',
      'C18-70-Rev1-F.html',
      'C18-70-Rev1-F.meta.json',
    ]);
    const english = html(join(dir, 'out', 'C18-70-Rev1-E-changes.html'));
    expect(selectAll('del', english).map(text)).toEqual(['12']);
    expect(selectAll('ins', english).map(text)).toEqual(['14']);
    const marked = html(join(dir, 'out', 'C18-70-Rev1-F-changes.html'));
    expect(selectAll('ins, del', marked)).toEqual([]);
    expect(text(select('.changes-note', marked)!)).toContain('C18/70-F');
  });
});
