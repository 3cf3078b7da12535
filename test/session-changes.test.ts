// The index of a folder holding an issued document's revision: beside the
// revision's own outputs, it links its marked version (`-changes.*`), named for
// a screen reader, and only the marked version of a revision's own name.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { ROOT, runCli, sourceFolder, type Run } from './helpers/cli.js';
import { axeReport, vnuErrors } from './helpers/html-check.js';

const ISSUED_TEXT = readFileSync(join(ROOT, 'test', 'fixtures', 'issue', 'C19-31.md'), 'utf8');
const REVISED = ISSUED_TEXT.replace('agenda_item: PL 2.6\n', 'agenda_item: PL 2.6\nrevision: 1\n').replace(
  'Twelve centres of excellence',
  'Fourteen centres of excellence',
);

const text = (node: Root | Element | undefined) => (node ? toText(node).replace(/\s+/g, ' ').trim() : '');

let dir: string;
let out: string;
const runs: Run[] = [];
let index: Run;
let page: Root;

beforeAll(() => {
  expect(REVISED).toContain('revision: 1');
  expect(REVISED).toContain('Fourteen');
  dir = sourceFolder({ 'C19-31.md': ISSUED_TEXT });
  out = join(dir, 'out');
  runs.push(runCli(['issue', 'source/C19-31.md'], { cwd: dir }));
  // The issued original, built into the same folder: a document that is no revision.
  runs.push(runCli(['build', 'issued/C19-31-E/C19-31.md', '--out', 'out', '-f', 'html,docx', '--quiet'], { cwd: dir }));
  writeFileSync(join(dir, 'source', 'C19-31.md'), REVISED);
  runs.push(runCli(['build', 'source', '--out', 'out', '-f', 'html,pdf,docx', '--quiet'], { cwd: dir }));
  // A file that looks like a marked version of the original, which has none: not the index's to link.
  writeFileSync(join(out, 'C19-31-E-changes.html'), '<!DOCTYPE html><title>x</title>');
  index = runCli(['index', 'out', '-f', 'html'], { cwd: dir });
  page = fromHtml(readFileSync(join(out, 'index.html'), 'utf8'));
}, 300_000);

describe('the index of a revision with a marked version', () => {
  it('is built', () => {
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(index.status, index.stderr).toBe(0);
    for (const name of ['C19-31-Rev1-E-changes.html', 'C19-31-Rev1-E-changes.pdf', 'C19-31-Rev1-E-changes.docx']) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
  });

  it('links the revision’s marked version in HTML, PDF and DOCX after its own outputs, each link a file of the folder, named', () => {
    const rows = selectAll('table.documents tbody tr', page);
    expect(rows.map((r) => text(select('th', r)))).toEqual(['C19/31', 'C19/31(Rev.1)']);
    const revision = rows[1]!;
    expect(selectAll('.versions li', revision).map(text)).toEqual(['English HTML PDF DOCX changes HTML PDF DOCX']);
    const changes = selectAll('.versions .changes a', revision);
    expect(changes.map((a) => [a.properties['href'], a.properties['ariaLabel'], a.properties['hrefLang']])).toEqual([
      ['C19-31-Rev1-E-changes.html', 'C19/31(Rev.1)-E, changes, HTML', 'en'],
      ['C19-31-Rev1-E-changes.pdf', 'C19/31(Rev.1)-E, changes, PDF', 'en'],
      ['C19-31-Rev1-E-changes.docx', 'C19/31(Rev.1)-E, changes, DOCX', 'en'],
    ]);
    for (const href of selectAll('a[href]', page).map((a) => String(a.properties['href']))) {
      expect(existsSync(join(out, href)), href).toBe(true);
    }
    // Every accessible name in the page is one of a kind.
    const labels = selectAll('a[aria-label]', page).map((a) => String(a.properties['ariaLabel']));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('links no marked version of a document that is no revision', () => {
    const original = selectAll('table.documents tbody tr', page)[0]!;
    expect(selectAll('.changes', original)).toEqual([]);
    expect(select('a[href="C19-31-E-changes.html"]', page)).toBeUndefined();
  });

  it('is valid HTML to the Nu Html Checker, with no axe-core violation', async () => {
    expect(vnuErrors([join(out, 'index.html')])).toEqual([]);
    const report = await axeReport([join(out, 'index.html')]);
    for (const r of report) {
      expect(r.violations, `${r.file} at ${r.width} px`).toEqual([]);
      expect(r.overflow, `${r.file} at ${r.width} px`).toBeLessThanOrEqual(0);
    }
  }, 120_000);
});
