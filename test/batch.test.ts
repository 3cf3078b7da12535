// A meeting's worth of documents in one command: a line per document as it
// is done, and a summary at the end.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, SOURCE, runCli, scratch } from './helpers/cli.js';

it('builds every document of a folder with a progress line each and a summary', () => {
  const dir = scratch();
  const source = join(dir, 'source');
  mkdirSync(source);
  copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(source, 'standards.yaml'));
  const numbers = [101, 102, 103, 104];
  for (const n of numbers) {
    writeFileSync(join(source, `C17-${n}.md`), readFileSync(SOURCE, 'utf8').replace('document: C17/23', `document: C17/${n}`));
  }
  const run = runCli(['build', source, '--out', join(dir, 'out'), '--format', 'html,ics']);
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines.filter((l) => /^\[\d\/4\] .*C17-10\d\.md: wrote .*C17-10\d-E\.html, .*C17-10\d-E\.ics, .*C17-10\d-E\.meta\.json(; about .* left)?$/.test(l))).toHaveLength(4);
  // The time left, at the pace so far, after every document but the last.
  expect(lines.filter((l) => /^\[[123]\/4\] .*; about (\d+ min )?\d+ s left$/.test(l))).toHaveLength(3);
  expect(lines.find((l) => l.startsWith('[4/4]'))).not.toMatch(/left$/);
  expect(lines.at(-1)).toMatch(/^4 documents in \d+\.\d s: 12 files written, 0 unchanged, 0 failed; \d+ warnings$/);
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(numbers.flatMap((n) => [`C17-${n}-E.html`, `C17-${n}-E.ics`, `C17-${n}-E.meta.json`]));

  const again = runCli(['build', source, '--out', join(dir, 'out'), '--format', 'html,ics']);
  expect(again.stdout.trim().split('\n').at(-1)).toMatch(/: 0 files written, 12 unchanged, 0 failed;/);
});

it('builds a source named twice on the command line once, not as a duplicate of itself', () => {
  const dir = scratch();
  const source = join(dir, 'source');
  mkdirSync(source);
  copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(source, 'standards.yaml'));
  const file = join(source, 'C17-101.md');
  writeFileSync(file, readFileSync(SOURCE, 'utf8').replace('document: C17/23', 'document: C17/101'));
  writeFileSync(join(source, 'C17-102.md'), readFileSync(SOURCE, 'utf8').replace('document: C17/23', 'document: C17/102'));
  // The same file as itself, through its folder, and by another spelling of its path.
  const named = [file, source, join(source, '.', 'C17-101.md')];
  const check = runCli(['check', ...named]);
  expect(check.status, check.stderr).toBe(0);
  expect(check.stderr).not.toContain('duplicate-document');
  const run = runCli(['build', ...named, '--out', join(dir, 'out'), '--format', 'html']);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).not.toContain('duplicate-document');
  const lines = run.stdout.trim().split('\n');
  expect(lines.filter((l) => l.includes('C17-101.md:'))).toHaveLength(1);
  // A page and an entry (<name>.meta.json) each.
  expect(lines.at(-1)).toMatch(/^2 documents in \d+\.\d s: 4 files written, 0 unchanged, 0 failed;/);
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['C17-101-E.html', 'C17-101-E.meta.json', 'C17-102-E.html', 'C17-102-E.meta.json']);
});

it('refuses a document number written with a leading zero, in check as in build', () => {
  const dir = scratch();
  const file = join(dir, 'C17-023.md');
  const text = readFileSync(SOURCE, 'utf8').replace('document: C17/23', 'document: C17/023');
  writeFileSync(file, text);
  const line = text.split('\n').findIndex((l) => l.startsWith('document:')) + 1;
  const expected = `${file}:${line}:11: error: "document": C17/023 is written with a leading zero; Council numbers have none: write C17/23 [invalid-value]`;
  for (const command of ['check', 'build']) {
    const run = runCli([command, file, '--out', join(dir, 'out'), '--format', 'html']);
    expect(run.status, command).toBe(1);
    expect(run.stderr.split('\n'), command).toContain(expected);
  }
  expect(existsSync(join(dir, 'out'))).toBe(false);
});
