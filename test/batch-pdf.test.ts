// The PDFs of a batch are printed in one browser, several at a time, each in a
// tab that printed others before: each must still be the PDF its source gives
// built alone.
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, SOURCE, runCli, sourceFolder } from './helpers/cli.js';

const COMPANIONS = join(ROOT, 'test', 'fixtures', 'companions');

it('prints each PDF of a batch as its source gives it built alone, byte for byte', () => {
  const dir = sourceFolder({});
  copyFileSync(SOURCE, join(dir, 'source', 'C17-23.md'));
  copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(dir, 'source', 'standards.yaml'));
  for (const name of ['C17-24.md', 'C17-25.md', 'C17-26.md']) copyFileSync(join(COMPANIONS, name), join(dir, 'source', name));
  const env = { SOURCE_DATE_EPOCH: '1491000000' };
  const batch = runCli(['build', 'source', '--out', 'batch', '--format', 'pdf', '--quiet'], { cwd: dir, env });
  expect(batch.status, batch.stderr).toBe(0);
  const pdfs = readdirSync(join(dir, 'batch')).filter((f) => f.endsWith('.pdf')).sort();
  expect(pdfs).toEqual(['C17-23-E.pdf', 'C17-24-E.pdf', 'C17-25-E.pdf', 'C17-26-E.pdf']);
  for (const pdf of pdfs) {
    const alone = runCli(['build', join('source', pdf.replace('-E.pdf', '.md')), '--out', 'alone', '--format', 'pdf', '--quiet'], { cwd: dir, env });
    expect(alone.status, alone.stderr).toBe(0);
    expect(readFileSync(join(dir, 'batch', pdf)).equals(readFileSync(join(dir, 'alone', pdf))), pdf).toBe(true);
  }
});
