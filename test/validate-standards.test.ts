// The standards rules as an author meets them: warnings at the citation, with
// the fix to make; a broken catalogue is an error at its line in the catalogue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sourceFolder } from './helpers/cli.js';

const CATALOGUE = `- id: ITU-T Y.4113
  title: Requirements of the network for the Internet of things
  edition: 2016-09
- id: ITU-T Y.4903/L.1603
  title: Key performance indicators for smart sustainable cities
- id: ITU-T Y.Sup42
  title: ITU-T Y.4100 series – Use cases of user-centric work space service
- id: ITU-T Y.4805
  title: Identifier service requirements for the interoperability of smart city applications
`;

const SOURCE = `---
document: C17/97
date: 2017-03-31
language: en
title: Standards under test
meeting:
  name: Council 2017
  place: Geneva
  start: 2017-05-15
  end: 2017-05-25
from: report
summary: A test.
action_required: Note it.
standards:
  ITU-T Y.4113: approved
  ITU-T L.1603/Y.4903: approved
  ITU-T Y.Supp.42: agreed
  ITU-T Y.4805: consented
  ITU-T Y.9999: approved
  Y.4113: approved
---

# Section

ITU-T Y.4113 “Requirements of the Network for the Internet of Things” and ITU-T Y.4903/L.1603 “Key performance indicators”.

ITU-T Y.Sup42 to ITU-T Y.4100 series “Use cases of user-centric work space service”; ITU-T 4805 “Identifier service”; ITU-T Y4113 again, ITU-T 7777 and ITU-T Y.4999 “Unknown”.
`;

function check(files: Record<string, string>, args: string[] = ['check', join('source', 'doc.md')]) {
  const dir = sourceFolder(files);
  const run = runCli(args, { cwd: dir });
  return { dir, status: run.status, lines: run.stderr.split('\n').filter((l) => l.startsWith('source/')) };
}

describe('standards rules', () => {
  it('warns at each citation with the fix, and matches dual numbers and supplements either way', () => {
    const { status, lines } = check({ 'doc.md': SOURCE, 'standards.yaml': CATALOGUE });
    expect(status).toBe(0);
    expect(lines).toEqual([
      'source/doc.md:19:3: warning: ITU-T Y.9999 has a status but the text does not cite it: remove it from "standards" [standard-status]',
      'source/doc.md:20:3: warning: "Y.4113" is not an ITU identifier: write it as ITU-T Y.4113, ITU-T Y.Sup42 or ITU-R SM.2153 [standard-status]',
      'source/doc.md:25:75: warning: the text calls ITU-T Y.4903/L.1603 “Key performance indicators”; its title is “Key performance indicators for smart sustainable cities” [standard-title]',
      'source/doc.md:27:86: warning: "ITU-T 4805" is not a complete ITU identifier: ITU-T Y.4805? [malformed-standard]',
      'source/doc.md:27:86: warning: the text calls ITU-T Y.4805 “Identifier service”; its title is “Identifier service requirements for the interoperability of smart city applications” [standard-title]',
      'source/doc.md:27:119: warning: "ITU-T Y4113" is not a complete ITU identifier: ITU-T Y.4113? [malformed-standard]',
      'source/doc.md:27:138: warning: "ITU-T 7777" is not a complete ITU identifier: add the series letter before 7777 (no catalogued standard has that number) [malformed-standard]',
      'source/doc.md:27:153: warning: ITU-T Y.4999 is not in the standards catalogue (source/standards.yaml): add its official title there; the annex prints the title the text gives [unknown-standard]',
      'source/doc.md:27:153: warning: the annex has no status for ITU-T Y.4999: add "ITU-T Y.4999: approved" (or consented, determined, agreed, in-force, draft) under "standards" in the front matter [standard-status]',
    ]);
  });

  it('puts a malformed citation the catalogue resolves, and an uncatalogued one, in the annex', () => {
    const { dir, status } = check({ 'doc.md': SOURCE, 'standards.yaml': CATALOGUE }, ['build', 'source', '--out', 'out', '--format', 'csv', '--quiet']);
    expect(status).toBe(0);
    const rows = readFileSync(join(dir, 'out', 'C17-97-E-standards.csv'), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(rows.map((r) => r.split('","')[0]!.replace(/^"/, ''))).toEqual([
      'Identifier',
      'ITU-T Y.4113',
      'ITU-T Y.4903/L.1603',
      'ITU-T Y.Sup42',
      'ITU-T Y.4805',
      'ITU-T Y.4999',
    ]);
    expect(rows[5]).toBe('"ITU-T Y.4999","Unknown","","","https://www.itu.int/rec/T-REC-Y.4999"');
  });

  it('reports a broken catalogue at its line in the catalogue, and writes nothing', () => {
    const { status, lines } = check({
      'doc.md': SOURCE,
      'standards.yaml': `- id: ITU-T Y.4113
  title: Requirements of the network for the Internet of things
  edition: 2016-13
- id: Y.4451
  title: Framework
- id: ITU-T Y.4903/L.1603
  title: Key performance indicators for smart sustainable cities
`,
    });
    expect(status).toBe(1);
    expect(lines.filter((l) => l.startsWith('source/standards.yaml'))).toEqual([
      'source/standards.yaml:3:12: error: standards catalogue, entry 1 (edition): expected the edition as YYYY-MM, e.g. 2016-09 [catalogue]',
      'source/standards.yaml:4:7: error: standards catalogue, entry 2 (id): not an ITU identifier: write it as ITU-T Y.4113, ITU-T Y.4903/L.1603, ITU-T Y.Sup42 or ITU-R SM.2153 [catalogue]',
    ]);
    // The sound entries still serve: only the standards whose entry is broken or absent are "not in the catalogue".
    expect(lines.filter((l) => l.endsWith('[unknown-standard]')).map((l) => l.split(': ')[2]!.split(' is not')[0])).toEqual([
      'ITU-T Y.4113',
      'ITU-T Y.Sup42',
      'ITU-T Y.4999',
    ]);
    const twice = check({ 'doc.md': SOURCE, 'standards.yaml': CATALOGUE + '- id: ITU-T L.1603/Y.4903\n  title: Again\n' });
    expect(twice.status).toBe(1);
    expect(twice.lines).toContain(
      'source/standards.yaml:10:7: error: standards catalogue: ITU-T L.1603/Y.4903 is already listed (as ITU-T Y.4903/L.1603): keep one entry [catalogue]',
    );
  });
});
