// Standards in every form ITU writes them: drafts with a suffix ("X.1303bis", "Y.4805rev"),
// supplements with their number ("Y.Sup42", "Supplement 42 to ITU-T Y-series") and without one
// ("a Supplement to ITU-T E.100-series", which is no standard's identifier), ITU-R Reports cited
// without the word "Report", and a draft, which has no page at ITU. Each is built with the command
// line and read back from the HTML, the CSV and the DOCX.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { runCli, sourceFolder } from './helpers/cli.js';
import { findMalformedStandards, findStandards } from '../src/read/standards.js';

const CATALOGUE = `- id: ITU-T X.1303bis
  title: Common alerting protocol (CAP 1.2)
- id: ITU-T Y.4805
  title: Identifier service requirements for the interoperability of smart city applications
  edition: 2017-08
- id: ITU-T Y.4805rev
  title: Identifier service requirements for the interoperability of smart city applications
- id: ITU-T Y.Sup42
  title: ITU-T Y.4100 series – Use cases of user-centric work space service
  edition: 2016-08
- id: ITU-T Y.4903/L.1603
  title: Key performance indicators for smart sustainable cities to assess the achievement of sustainable development goals
- id: ITU-T E.100
  title: Definitions of terms used in international telephone services
- id: ITU-R SM.1896
  title: Frequency ranges for global or regional harmonization of short-range devices (SRDs)
- id: ITU-R SM.2153
  kind: report
  title: Technical and operating parameters and spectrum requirements for short-range radiocommunication devices
`;

const SOURCE = `---
document: C18/52
date: 2018-04-03
language: en
title: Standards in every form
meeting:
  name: Council 2018
  place: Geneva
  start: 2018-04-17
  end: 2018-04-27
from: report
summary: A report citing standards in every form ITU writes them.
action_required: The Council is invited to **note** the report.
standards:
  ITU-T X.1303bis: draft
  ITU-T Y.Sup42: agreed
  ITU-T Y.4805rev: consented
  ITU-T Y.4805: approved
  ITU-T L.1603/Y.4903: approved
  ITU-R SM.1896: in-force
  ITU-R SM.2153: in-force
  ITU-R M.2224: in-force
---

# ITU-T activities

ITU-T Study Group 17 has started work on ITU-T X.1303bis “Common alerting protocol (CAP 1.2)”, to be considered for approval at its next meeting, and ITU-T Study Group 20 has agreed Supplement 42 to ITU-T Y-series Recommendations “Use cases of user-centric work space service”.

ITU-T SG20 consented ITU-T Y.4805rev, which revises ITU-T 4805, and a Supplement to ITU-T E.100-series on operational terms is being drafted.

^ A new standard (ITU-T L.1603/Y.4903) gives general guidance to cities, and ITU-T Y.Supp.42 is being translated.

# ITU-R activities

Recommendation ITU-R SM.1896 provides the harmonized frequency ranges and ITU-R SM.2153 the technical and operating parameters of short-range devices; ITU-R M.2224 gives design guidelines for wide-area sensor networks (see Report ITU-R M.2224 “System design guidelines for wide area sensor and/or actuator network (WASN) systems”).
`;

const REC = (sector: string, number: string) => `https://www.itu.int/rec/${sector}-REC-${number}`;
const REP = (sector: string, number: string) => `https://www.itu.int/pub/${sector}-REP-${number}`;

describe('citations in every form', () => {
  const found = (text: string) => findStandards(text).map((m) => [m.text, m.id, m.kind, m.url]);

  it('reads a draft suffix as part of the number, and a revision in preparation as having no page', () => {
    expect(found('ITU-T X.1303bis “Common alerting protocol”')).toEqual([['ITU-T X.1303bis', 'ITU-T X.1303bis', 'recommendation', REC('T', 'X.1303bis')]]);
    expect(found('ITU-T V.27ter and ITU-T Y.4805rev.')).toEqual([
      ['ITU-T V.27ter', 'ITU-T V.27ter', 'recommendation', REC('T', 'V.27ter')],
      ['ITU-T Y.4805rev', 'ITU-T Y.4805rev', 'recommendation', undefined],
    ]);
    expect(found('ITU-T X.1303bisque')).toEqual([]);
    expect(findMalformedStandards('ITU-T 4805rev').map((m) => m.number)).toEqual(['4805rev']);
  });

  it('reads a numbered supplement of a series as that supplement, and one without a number as no citation', () => {
    expect(findStandards('Supplement 42 to ITU-T Y-series Recommendations “Use cases”').map((m) => [m.text, m.id, m.kind, m.url, m.quotedTitle])).toEqual([
      ['Supplement 42 to ITU-T Y-series Recommendations', 'ITU-T Y.Sup42', 'supplement', REC('T', 'Y.Sup42'), 'Use cases'],
    ]);
    expect(found('Supplement 42 to the ITU-T Y.4100 series')).toEqual([
      ['Supplement 42 to the ITU-T Y.4100 series', 'ITU-T Y.Sup42', 'supplement', REC('T', 'Y.Sup42')],
    ]);
    expect(found('ITU-T Y Suppl. 42')).toEqual([['ITU-T Y Suppl. 42', 'ITU-T Y.Sup42', 'supplement', REC('T', 'Y.Sup42')]]);
    expect(found('a Supplement to ITU-T E.100-series on terms')).toEqual([]);
    expect(found('the ITU-T E.100\u2011series and the ITU-T Y.4000 series')).toEqual([]);
    expect(findMalformedStandards('a Supplement to ITU-T E.100-series, Supplement 42 to ITU-T Y-series')).toEqual([]);
  });

  it('keeps the forms it read before', () => {
    expect(found('(ITU-T L.1603/Y.4903) gives')).toEqual([['ITU-T L.1603/Y.4903', 'ITU-T L.1603/Y.4903', 'recommendation', REC('T', 'L.1603')]]);
    expect(found('ITU-T Y.Supp.42 to ITU-T Y.4100 series')).toEqual([['ITU-T Y.Supp.42', 'ITU-T Y.Sup42', 'supplement', REC('T', 'Y.Sup42')]]);
    expect(found('Recommendation ITU-R SM.1896 and Report ITU-R SM.2153')).toEqual([
      ['Recommendation ITU-R SM.1896', 'ITU-R SM.1896', 'recommendation', REC('R', 'SM.1896')],
      ['Report ITU-R SM.2153', 'ITU-R SM.2153', 'report', REP('R', 'SM.2153')],
    ]);
    expect(findMalformedStandards('ITU-T 4805 and ITU-T Y4113').map((m) => m.text)).toEqual(['ITU-T 4805', 'ITU-T Y4113']);
  });
});

describe('a document citing standards in every form', () => {
  let dir: string;
  let html: Root;
  let warnings: string[];
  beforeAll(() => {
    dir = sourceFolder({ 'C18-52.md': SOURCE, 'standards.yaml': CATALOGUE });
    const run = runCli(['build', 'source', '--out', 'out', '--format', 'html,docx,csv'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    warnings = run.stderr.split('\n').filter((l) => l.startsWith('source/'));
    html = fromHtml(readFileSync(join(dir, 'out', 'C18-52-E.html'), 'utf8'));
  });
  const words = (node: Element) => toText(node, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();

  it('accepts the catalogue with X.1303bis and Y.4805rev, and warns only of what is wrong in the text', () => {
    expect(warnings).toEqual([
      'source/C18-52.md:29:53: warning: "ITU-T 4805" is not a complete ITU identifier: ITU-T Y.4805? [malformed-standard]',
      'source/C18-52.md:35:152: warning: ITU-R M.2224 is not in the standards catalogue (source/standards.yaml): add its official title there; the annex prints the title the text gives [unknown-standard]',
    ]);
  });

  it('links each citation in the text to what the annex links, and a draft nowhere', () => {
    const cited = selectAll('main .standard', html).map((node) => [words(node), node.tagName, node.properties.href ?? null]);
    expect(cited).toEqual([
      ['ITU-T X.1303bis', 'span', null],
      ['Supplement 42 to ITU-T Y-series Recommendations', 'a', REC('T', 'Y.Sup42')],
      ['ITU-T Y.4805rev', 'span', null],
      ['ITU-T 4805', 'a', REC('T', 'Y.4805')],
      ['ITU-T L.1603/Y.4903', 'a', REC('T', 'L.1603')],
      ['ITU-T Y.Supp.42', 'a', REC('T', 'Y.Sup42')],
      ['Recommendation ITU-R SM.1896', 'a', REC('R', 'SM.1896')],
      // The catalogue says SM.2153 is a report; the text need not say "Report".
      ['ITU-R SM.2153', 'a', REP('R', 'SM.2153')],
      // Not catalogued: "Report" at its second citation makes it a report at both (and its title is the one quoted there).
      ['ITU-R M.2224', 'a', REP('R', 'M.2224')],
      ['Report ITU-R M.2224', 'a', REP('R', 'M.2224')],
    ]);
    // The supplement without a number stays words: not E.100, which the catalogue lists.
    const paragraph = selectAll('main p', html).map(words).find((p) => p.includes('E.100'))!;
    expect(paragraph).toContain('a Supplement to ITU-T E.100-series on operational terms is being drafted');
    expect(selectAll('main a', html).some((a) => String(a.properties.href).includes('E.100'))).toBe(false);
  });

  it('lists each standard once in the HTML annex, a draft with an empty link cell', () => {
    const rows = selectAll('#annex tbody tr', html).map((tr) => {
      const cells = selectAll('td', tr);
      return [words(cells[0]!), words(cells[2]!), select('a', cells[3]!)?.properties.href ?? null, words(cells[3]!)];
    });
    expect(rows).toEqual([
      ['ITU-T X.1303bis', 'Draft', null, ''],
      ['ITU-T Y.Sup42', 'Agreed', REC('T', 'Y.Sup42'), 'www.itu.int/rec/T-REC-Y.Sup42'],
      ['ITU-T Y.4805rev', 'Consented', null, ''],
      ['ITU-T Y.4805', 'Approved', REC('T', 'Y.4805'), 'www.itu.int/rec/T-REC-Y.4805'],
      ['ITU-T Y.4903/L.1603', 'Approved', REC('T', 'Y.4903'), 'www.itu.int/rec/T-REC-Y.4903'],
      ['ITU-R SM.1896', 'In force', REC('R', 'SM.1896'), 'www.itu.int/rec/R-REC-SM.1896'],
      ['ITU-R SM.2153', 'In force', REP('R', 'SM.2153'), 'www.itu.int/pub/R-REP-SM.2153'],
      ['ITU-R M.2224', 'In force', REP('R', 'M.2224'), 'www.itu.int/pub/R-REP-M.2224'],
    ]);
  });

  it('writes the same rows to the CSV, a draft with an empty link', () => {
    const script = 'import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))))';
    const run = spawnSync('/usr/bin/python3', ['-c', script, join(dir, 'out', 'C18-52-E-standards.csv')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const rows = JSON.parse(run.stdout) as string[][];
    expect(rows).toEqual([
      ['Identifier', 'Title', 'Edition', 'Status', 'Link'],
      ['ITU-T X.1303bis', 'Common alerting protocol (CAP 1.2)', '', 'Draft', ''],
      ['ITU-T Y.Sup42', 'ITU-T Y.4100 series – Use cases of user-centric work space service', '2016-08', 'Agreed', REC('T', 'Y.Sup42')],
      ['ITU-T Y.4805rev', 'Identifier service requirements for the interoperability of smart city applications', '', 'Consented', ''],
      ['ITU-T Y.4805', 'Identifier service requirements for the interoperability of smart city applications', '2017-08', 'Approved', REC('T', 'Y.4805')],
      ['ITU-T Y.4903/L.1603', 'Key performance indicators for smart sustainable cities to assess the achievement of sustainable development goals', '', 'Approved', REC('T', 'Y.4903')],
      ['ITU-R SM.1896', 'Frequency ranges for global or regional harmonization of short-range devices (SRDs)', '', 'In force', REC('R', 'SM.1896')],
      ['ITU-R SM.2153', 'Technical and operating parameters and spectrum requirements for short-range radiocommunication devices', '', 'In force', REP('R', 'SM.2153')],
      ['ITU-R M.2224', 'System design guidelines for wide area sensor and/or actuator network (WASN) systems', '', 'In force', REP('R', 'M.2224')],
    ]);
  });

  it('makes a hyperlink of a standard in the DOCX, and of a draft only words', () => {
    const zip = unzipSync(readFileSync(join(dir, 'out', 'C18-52-E.docx')));
    const document = strFromU8(zip['word/document.xml']!);
    const rels = strFromU8(zip['word/_rels/document.xml.rels']!);
    const target = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    // The words of some XML: text, and Word's no-break hyphen as a hyphen.
    const text = (xml: string) =>
      [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)].map((m) => m[1] ?? '-').join('').replace(/\u00a0/g, ' ');
    const links = [...document.matchAll(/<w:hyperlink [^>]*?r:id="([^"]+)"[^>]*>([^]*?)<\/w:hyperlink>/g)].map((m) => [text(m[2]!), target.get(m[1]!)]);
    expect(links).toContainEqual(['ITU-R SM.2153', REP('R', 'SM.2153')]);
    expect(links).toContainEqual(['Supplement 42 to ITU-T Y-series Recommendations', REC('T', 'Y.Sup42')]);
    expect(links.filter(([words]) => /X\.1303bis|Y\.4805rev|E\.100/.test(words!))).toEqual([]);
    expect(links.some(([, url]) => /X\.1303|4805rev|E\.100/.test(url ?? ''))).toBe(false);
    // The draft's words are in the text all the same, as the author wrote them.
    expect(text(document)).toContain('has started work on ITU-T X.1303bis “Common alerting protocol (CAP 1.2)”');
    expect(text(document)).toContain('ITU-T SG20 consented ITU-T Y.4805rev, which revises ITU-T 4805');
  });
});
