// A folder is all-or-nothing unless --keep-going says otherwise; check refuses
// what build refuses.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, SOURCE, runCli, sourceFolder } from './helpers/cli.js';

const COMPANIONS = join(ROOT, 'test', 'fixtures', 'companions');

/** The seed and C17/24, C17/25; C17/24 with an impossible date when `broken`. */
function project(broken: boolean): string {
  const dir = sourceFolder({});
  copyFileSync(SOURCE, join(dir, 'source', 'C17-23.md'));
  copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(dir, 'source', 'standards.yaml'));
  copyFileSync(join(COMPANIONS, 'C17-25.md'), join(dir, 'source', 'C17-25.md'));
  const text = readFileSync(join(COMPANIONS, 'C17-24.md'), 'utf8');
  writeFileSync(join(dir, 'source', 'C17-24.md'), broken ? text.replace('date: 2017-04-06', 'date: 2017-02-30') : text);
  return dir;
}

const ERROR_LINE = /^source\/C17-24\.md:3:7: error: .*2017-02-30.* \[[a-z-]+\]$/m;

it('writes nothing from a folder with one broken source, as before', () => {
  const dir = project(true);
  const run = runCli(['build', 'source', '--format', 'html,ics'], { cwd: dir });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(ERROR_LINE);
  expect(run.stderr).toMatch(/^1 source with errors: nothing written$/m);
  expect(existsSync(join(dir, 'out'))).toBe(false);
});

it('with --keep-going (-k), writes the sound documents, names the refused one and exits 1', () => {
  const dir = project(true);
  for (const flag of ['--keep-going', '-k']) {
    const run = runCli(['build', 'source', '--format', 'html,ics', flag, '--out', `out${flag}`], { cwd: dir });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(ERROR_LINE);
    expect(run.stderr).toMatch(/^1 of 3 sources with errors, not built: source\/C17-24\.md$/m);
    // Done in whichever order they finish.
    expect(run.stdout).toMatch(/^\[[12]\/2\] source\/C17-23\.md: wrote /m);
    expect(run.stdout).toMatch(/^\[[12]\/2\] source\/C17-25\.md: wrote /m);
    expect(run.stdout).not.toMatch(/\] source\/C17-24\.md/);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(
      /^3 documents in \d+\.\d s, 1 refused \(source\/C17-24\.md\): 5 files written, 0 unchanged, 0 failed; \d+ warnings?$/,
    );
    // C17/25 has no events: no calendar.
    expect(readdirSync(join(dir, `out${flag}`)).sort()).toEqual([
      'C17-23-E.html',
      'C17-23-E.ics',
      'C17-23-E.meta.json',
      'C17-25-E.html',
      'C17-25-E.meta.json',
    ]);
  }
});

it('with --keep-going and no errors, builds all and exits 0', () => {
  const dir = project(false);
  const run = runCli(['build', 'source', '-k', '--format', 'html'], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^3 documents in \d+\.\d s: 6 files written, 0 unchanged, 0 failed;/);
});

it('check refuses two sources of one document number, with the message build gives', () => {
  const dir = project(false);
  writeFileSync(
    join(dir, 'source', 'C17-25.md'),
    readFileSync(join(COMPANIONS, 'C17-25.md'), 'utf8').replace('document: C17/25', 'document: C17/24'),
  );
  const check = runCli(['check', 'source'], { cwd: dir });
  const build = runCli(['build', 'source', '--format', 'html'], { cwd: dir });
  for (const run of [check, build]) {
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /^source\/C17-25\.md:2:11: error: source\/C17-24\.md is already document C17\/24-E: both would write C17-24-E\.\* \[duplicate-document\]$/m,
    );
  }
  expect(check.stderr).toBe(build.stderr);
  expect(existsSync(join(dir, 'out'))).toBe(false);

  // --keep-going builds the first of the two, and refuses the second.
  const kept = runCli(['build', 'source', '-k', '--format', 'html'], { cwd: dir });
  expect(kept.status).toBe(1);
  expect(kept.stderr).toMatch(/^1 of 3 sources with errors, not built: source\/C17-25\.md$/m);
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['C17-23-E.html', 'C17-23-E.meta.json', 'C17-24-E.html', 'C17-24-E.meta.json']);
});

it('says --keep-going in its help', () => {
  const run = runCli(['help']);
  expect(run.stdout).toMatch(/-k, --keep-going/);
});
