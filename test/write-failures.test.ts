// Outputs that cannot be written, for the reasons a real machine gives: a
// folder this user may not write in, a full disk, a read-only file system, a
// file where a folder should be. Each build must say which output, and why in
// words, never a temporary file's name or a bare error code, and what it had
// replaced before it stopped.
//
// The tests may run as root, whom no folder's mode stops: the folder that may
// not be written in is then tried by the build run as nobody (setpriv), and the
// full and read-only disks are small tmpfs mounted in a mount namespace of the
// test's own (unshare), where that is allowed.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SOURCE, runCli, scratch, type Run } from './helpers/cli.js';

const asRoot = process.getuid?.() === 0;

/** `unshare` may make a user and mount namespace here (some kernels and containers forbid it). */
const namespaces =
  spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=8k tmpfs "$1"', 'sh', scratch()], { encoding: 'utf8' })
    .status === 0;

/**
 * Runs the command line with `out` a tmpfs of `size` (in the test's own mount namespace, which no
 * one else sees), made read-only when asked; `left` is what `out` holds afterwards.
 */
function onTmpfs(out: string, size: string, args: string[], readOnly = false): Run & { left: string[] } {
  const remount = readOnly ? ' && mount -o remount,ro "$1"' : '';
  const script = `mount -t tmpfs -o size=${size} tmpfs "$1"${remount} || exit 99; out="$1"; shift; "$@"; status=$?; echo left:; ls -A "$out"; exit $status`;
  const result = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, 'sh', out, process.execPath, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const [stdout = '', left = ''] = result.stdout.split('left:\n');
  return { status: result.status, stdout, stderr: result.stderr, left: left.split('\n').filter(Boolean) };
}

/** The command's own lines, after checking that none names a temporary file or is a stack trace. */
function said(run: Run): string[] {
  expect(run.stderr).not.toMatch(/\.tmp\b/);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return run.stderr.split('\n').filter((line) => line.startsWith('council-docs:'));
}

describe('an output that cannot be written', () => {
  it('in a folder this user may not write in: permission denied, in words, and nothing replaced', () => {
    const dir = scratch();
    chmodSync(dir, 0o755);
    const out = join(dir, 'out');
    mkdirSync(out);
    chmodSync(out, 0o555);
    const args = ['build', SOURCE, '--out', out, '--format', 'html,ics'];
    const result = asRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args], { cwd: ROOT, encoding: 'utf8' })
      : spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
    const run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
    expect(run.status, run.stderr).toBe(3);
    expect(said(run)).toEqual([
      `council-docs: error: ${join(out, 'C17-23-E.html')} not written: permission denied: this user may not write in ${out} (EACCES)`,
      `council-docs: stopped at that failure; nothing in ${out} was replaced`,
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('where a file stands in the path of the out folder: says which file', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes'), 'a file, not a folder');
    const out = join(dir, 'notes', 'out');
    const run = runCli(['build', SOURCE, '--out', out, '--format', 'html']);
    expect(run.status).toBe(3);
    expect(said(run)).toEqual([
      `council-docs: error: ${join(out, 'C17-23-E.html')} not written: ${join(dir, 'notes')} is a file, not a folder (ENOTDIR)`,
      `council-docs: stopped at that failure; nothing in ${out} was replaced`,
    ]);
  });

  it('whose name a folder has taken: says so, and lists what was replaced before it', () => {
    const out = scratch();
    mkdirSync(join(out, 'C17-23-E.ics', 'kept'), { recursive: true });
    const run = runCli(['build', SOURCE, '--out', out, '--format', 'csv,ics,html']);
    expect(run.status).toBe(3);
    expect(said(run)).toEqual([
      `council-docs: error: ${join(out, 'C17-23-E.ics')} not written: ${join(out, 'C17-23-E.ics')} is a folder (EISDIR)`,
      `council-docs: stopped at that failure; replaced before it: ${join(out, 'C17-23-E-standards.csv')}`,
    ]);
    expect(readdirSync(out).sort()).toEqual(['C17-23-E-standards.csv', 'C17-23-E.ics']);
  });

  it.runIf(namespaces)('on a full disk: the disk is full, what was replaced before, and no half file', () => {
    const out = scratch();
    // 32 KiB: the CSV (4 KiB) and the calendar (12 KiB) fit, the DOCX (about 40 KiB) does not.
    const run = onTmpfs(out, '32k', ['build', SOURCE, '--out', out, '--format', 'csv,ics,docx,html']);
    expect(run.status, run.stderr).toBe(3);
    expect(said(run)).toEqual([
      `council-docs: error: ${join(out, 'C17-23-E.docx')} not written: the disk that holds ${out} is full (ENOSPC)`,
      `council-docs: stopped at that failure; replaced before it: ${join(out, 'C17-23-E-standards.csv')}, ${join(out, 'C17-23-E.ics')}`,
    ]);
    expect(run.left).toEqual(['C17-23-E-standards.csv', 'C17-23-E.ics']);
  });

  it.runIf(namespaces)('on a read-only file system: says so', () => {
    const out = scratch();
    const run = onTmpfs(out, '1m', ['build', SOURCE, '--out', out, '--format', 'html'], true);
    expect(run.status, run.stderr).toBe(3);
    expect(said(run)).toEqual([
      `council-docs: error: ${join(out, 'C17-23-E.html')} not written: ${out} is on a read-only file system (EROFS)`,
      `council-docs: stopped at that failure; nothing in ${out} was replaced`,
    ]);
    expect(run.left).toEqual([]);
  });

  it('stops a batch at the failure: the documents after it are not built, and named', () => {
    const dir = scratch();
    const source = join(dir, 'source');
    mkdirSync(source);
    const text = readFileSync(SOURCE, 'utf8');
    const names = Array.from({ length: 8 }, (_, i) => `C17-${101 + i}`);
    for (const name of names) writeFileSync(join(source, `${name}.md`), text.replace('document: C17/23', `document: ${name.replace('-', '/')}`));
    const out = join(dir, 'out');
    mkdirSync(join(out, 'C17-101-E.html'), { recursive: true });
    const run = runCli(['build', source, '--out', out, '--format', 'html', '--quiet']);
    expect(run.status).toBe(3);
    const [failure, stop, ...more] = said(run);
    expect(failure).toBe(`council-docs: error: ${join(out, 'C17-101-E.html')} not written: ${join(out, 'C17-101-E.html')} is a folder (EISDIR)`);
    expect(more).toEqual([]);
    // Those already under way when it failed are finished; none is started after it.
    const built = readdirSync(out).filter((name) => name !== 'C17-101-E.html').map((name) => join(out, name));
    const notBuilt = names.filter((name) => name !== 'C17-101' && !built.includes(join(out, `${name}-E.html`))).map((name) => join(source, `${name}.md`));
    expect(notBuilt.length).toBeGreaterThan(0);
    const parts = /^council-docs: stopped at that failure; (?:replaced before it: (.+)|nothing in .+ was replaced); not built: (.+)$/.exec(stop!);
    expect(parts, stop).not.toBeNull();
    expect((parts![1] ?? '').split(', ').filter(Boolean).sort()).toEqual(built.sort());
    expect(parts![2]!.split(', ')).toEqual(notBuilt);
  });
});
