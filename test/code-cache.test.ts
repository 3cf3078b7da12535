// The command starts from V8's cache of its compiled code; a cache that does
// not fit (another Node, a damaged file, none at all) only makes it slower.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, SOURCE, scratch } from './helpers/cli.js';

function build(cli: string, out: string) {
  const run = spawnSync(
    process.execPath,
    [cli, 'build', SOURCE, '--out', out, '--templates', join(ROOT, 'templates'), '--format', 'html,docx,ics,csv', '--quiet'],
    { encoding: 'utf8' },
  );
  return { status: run.status, stderr: run.stderr };
}

it.each([
  ['a damaged cache', (cache: string) => writeFileSync(cache, 'not a code cache')],
  ['no cache', () => undefined],
])('builds the same files with %s', (_case, damage) => {
  const dir = scratch();
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  for (const name of ['main.js', 'council-docs.cjs']) copyFileSync(join(ROOT, 'dist', 'cli', name), join(dir, 'dist', 'cli', name));
  damage(join(dir, 'dist', 'cli', 'council-docs.code-cache'));

  const usual = build(join(ROOT, 'dist', 'cli', 'main.js'), join(dir, 'usual'));
  const other = build(join(dir, 'dist', 'cli', 'main.js'), join(dir, 'other'));
  expect(usual).toEqual({ status: 0, stderr: '' });
  expect(other).toEqual({ status: 0, stderr: '' });
  for (const name of ['C17-23-E.html', 'C17-23-E.docx', 'C17-23-E.ics', 'C17-23-E-standards.csv']) {
    expect(readFileSync(join(dir, 'other', name)).equals(readFileSync(join(dir, 'usual', name))), name).toBe(true);
  }
});

it('has no import() in the bundle: code run from a cache can only require', () => {
  const bundle = readFileSync(join(ROOT, 'dist', 'cli', 'council-docs.cjs'), 'utf8');
  expect(bundle.match(/\bimport\((?!\s*\))[^)]{0,40}/g) ?? []).toEqual([]);
});
