// A meeting's worth of documents in one command: a line per document as it
// is done, and a summary at the end.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
