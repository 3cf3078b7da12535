// The same source gives the same bytes, anywhere, at any time; an edit
// changes only the outputs it touches.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli, seedProject, snapshot } from './helpers/cli.js';


const bytesOf = (dir: string) => new Map([...snapshot(join(dir, 'out'))].map(([name, f]) => [name, f.bytes]));

it('gives identical bytes for every output when built again elsewhere, later, in another time zone', () => {
  const first = seedProject();
  const second = seedProject();
  expect(runCli(['build', join(first, 'source'), '--out', join(first, 'out'), '-q'], { env: { TZ: 'UTC' } }).status).toBe(0);
  expect(runCli(['build', join(second, 'source'), '--out', join(second, 'out'), '-q'], { env: { TZ: 'Pacific/Kiritimati' } }).status).toBe(0);
  const a = bytesOf(first);
  expect([...a.keys()].sort()).toEqual(['C17-23-E-standards.csv', 'C17-23-E.docx', 'C17-23-E.html', 'C17-23-E.ics', 'C17-23-E.meta.json', 'C17-23-E.pdf']);
  expect(bytesOf(second)).toEqual(a);
});

it('rewrites the HTML, PDF and DOCX after a one-word edit, and leaves the calendar and the annex alone', () => {
  const dir = seedProject();
  const build = () => runCli(['build', join(dir, 'source'), '--out', join(dir, 'out'), '-q']);
  expect(build().status).toBe(0);
  const before = snapshot(join(dir, 'out'));
  const source = join(dir, 'source', 'C17-23.md');
  writeFileSync(source, readFileSync(source, 'utf8').replace('continues to advance IoT', 'continues to further IoT'));
  expect(build().status).toBe(0);
  const after = snapshot(join(dir, 'out'));
  const changed = [...after.keys()].filter((name) => !after.get(name)!.bytes.equals(before.get(name)!.bytes)).sort();
  expect(changed).toEqual(['C17-23-E.docx', 'C17-23-E.html', 'C17-23-E.pdf']);
  for (const untouched of ['C17-23-E.ics', 'C17-23-E-standards.csv', 'C17-23-E.meta.json']) {
    expect(after.get(untouched)!.mtimeMs).toBe(before.get(untouched)!.mtimeMs);
  }
});
