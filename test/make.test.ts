// `make` as an author runs it: a broken source stops it with the place of the
// error, and leaves out/ exactly as it was.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SOURCE, scratch, snapshot } from './helpers/cli.js';

function make(dir: string) {
  const run = spawnSync(
    'make',
    ['-s', '-C', ROOT, 'build', `SOURCE_DIR=${join(dir, 'source')}`, `OUT_DIR=${join(dir, 'out')}`, `STAMPS=${join(dir, '.cache')}`],
    { encoding: 'utf8', timeout: 300_000 },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('make', () => {
  it('refuses an impossible date with its place, and leaves out/ as it was', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'source'));
    const source = join(dir, 'source', 'C17-23.md');
    copyFileSync(SOURCE, source);
    const first = make(dir);
    expect(first.status, first.output).toBe(0);
    const before = snapshot(join(dir, 'out'));
    expect([...before.keys()]).toContain('C17-23-E.html');
    // make indexes out/ after building it.
    expect([...before.keys()]).toEqual(expect.arrayContaining(['index.html', 'index.pdf', 'Council-2017-E.ics']));

    writeFileSync(source, readFileSync(source, 'utf8').replace('date: 2017-03-31', 'date: 2017-02-30'));
    // File times tick coarsely: make the edit visibly newer than the last build, as a later save would be.
    const later = new Date(Date.now() + 2000);
    utimesSync(source, later, later);
    const broken = make(dir);
    expect(broken.status).not.toBe(0);
    expect(broken.output).toContain(`${source}:3:7: error: "date": 2017-02-30 is not a date`);
    expect(broken.output).not.toMatch(/^\s+at /m);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
    // Two builds and an index, each starting Chromium.
  }, 240_000);

  it('does nothing when nothing changed', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'source'));
    copyFileSync(SOURCE, join(dir, 'source', 'C17-23.md'));
    expect(make(dir).status).toBe(0);
    const before = snapshot(join(dir, 'out'));
    const again = make(dir);
    expect(again.status).toBe(0);
    expect(again.output).toBe('');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  }, 240_000);
});
