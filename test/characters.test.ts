// Characters pasted from terminals, PDFs, web pages and right-to-left editors:
// what no document can hold is refused at its place (test/broken.test.ts has
// the catalogue of such sources), what cannot be seen is reported at its place
// and never splits an identifier, and no message prints a source's control
// characters to the terminal. Outputs are read back by independent readers.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { ROOT, runCli, scratch, snapshot, sourceFolder } from './helpers/cli.js';
import { calendarEvents, csvRows, docxProblems } from './helpers/outputs.js';

const CATALOGUE = readFileSync(join(ROOT, 'source', 'standards.yaml'), 'utf8');

const FRONT = (extra = '') => `---
document: C17/97
date: 2017-03-31
language: en
title: Characters pasted from elsewhere
meeting: { name: Council 2017, place: Geneva, start: 2017-05-15, end: 2017-05-25 }
from: report
summary: A report on the network requirements of the Internet of things.
action_required: The Council is invited to note this report.
events:
  - id: iot-week-2017
    title: IoT Week 2017
    start: 2017-06-06
    end: 2017-06-09
    location: Geneva, Switzerland
standards:
  ITU-T Y.4113: approved
${extra}---
`;

/** line:column of `needle` in `text`, as an editor counts them. */
function placeOf(text: string, needle: string, from = 0): string {
  const index = text.indexOf(needle, from);
  if (index === -1) throw new Error(`${JSON.stringify(needle)} not in the source`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function build(source: string, formats = 'html,docx,ics,csv', letter = 'E') {
  const dir = sourceFolder({ 'C17-97.md': source, 'standards.yaml': CATALOGUE });
  const out = scratch();
  const run = runCli(['build', 'source/C17-97.md', '--out', out, '--format', formats, '--quiet'], { cwd: dir });
  const file = (suffix: string) => join(out, `C17-97-${letter}${suffix}`);
  return { run, out, file, messages: run.stderr.trim().split('\n').filter(Boolean) };
}

describe('invisible characters in an English document', () => {
  const source =
    FRONT() +
    `
# The standards of the network {#sec-network}

ITU-T SG20 approved Recommendation ITU-T Y.41\u200b13 “Requirements of the network for the Internet of things” in 2016.

^ It was presented at [IoT Week 2017](event:iot-week\u200b-2017), as section [](#sec-\u200bnetwork) recalls.

Text pasted from a web page holds an override: \u202edetacilpmoc si tI\u202c, and a word\u2060joiner.
`;
  const built = build(source);
  const { run, messages, file } = built;

  it('builds, and warns once a line at the first invisible character, naming it', () => {
    expect(run.status, run.stderr).toBe(0);
    const warning = (needle: string, from?: number) => `source/C17-97.md:${placeOf(source, needle, from)}: warning: `;
    const invisible = messages.filter((m) => m.endsWith('[invisible-character]'));
    expect(invisible).toHaveLength(3);
    expect(invisible[0]).toMatch(new RegExp(`^${warning('\u200b13')}.*U\\+200B ZERO WIDTH SPACE`));
    expect(invisible[1]).toMatch(new RegExp(`^${warning('\u200b-2017')}.*U\\+200B ZERO WIDTH SPACE.*and 1 more`));
    expect(invisible[2]).toMatch(new RegExp(`^${warning('\u202e')}.*U\\+202E RIGHT-TO-LEFT OVERRIDE.*and 2 more`));
    // What the invisible character would have split is read whole: no other warning, no error.
    expect(messages.filter((m) => !m.endsWith('[invisible-character]'))).toEqual([]);
  });

  it('cites ITU-T Y.4113, not a "ITU-T Y.41", in the text, the annex, the CSV and the links', () => {
    const tree = fromHtml(readFileSync(file('.html'), 'utf8'));
    const links = selectAll('a[href^="https://www.itu.int/"]', tree).map((a) => String(a.properties.href));
    expect(links).toContain('https://www.itu.int/rec/T-REC-Y.4113');
    expect(links.filter((l) => !l.endsWith('Y.4113'))).toEqual([]);
    const annex = selectAll('.annex-table tbody tr', tree).map((tr) => toText(tr).replace(/\s+/g, ' ').trim());
    expect(annex).toEqual([expect.stringContaining('ITU-T Y.4113 Requirements of the network for the Internet of things')]);
    const rows = csvRows(readFileSync(file('-standards.csv'), 'utf8'));
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([['ITU-T Y.4113', 'Requirements of the network for the Internet of things']]);
    // The event and the section are found, and the words are printed as written.
    expect(toText(tree)).toContain('IoT Week 2017');
    expect(selectAll('a.xref[href="#section-1"]', tree)).toHaveLength(1);
  });

  it('writes a calendar with the event and a DOCX whose every XML part is well-formed', () => {
    expect(calendarEvents(readFileSync(file('.ics'), 'utf8')).map((e) => e.uid)).toEqual(['iot-week-2017@c17-97.council.itu.int']);
    expect(docxProblems(readFileSync(file('.docx')))).toEqual([]);
  });
});

describe('direction marks in an Arabic document', () => {
  const arabic = (paragraph: string) => `---
document: C17/97
date: 2017-03-31
language: ar
title: تقرير عن إنترنت الأشياء
meeting: { name: المجلس 2017, place: جنيف, start: 2017-05-15, end: 2017-05-25 }
from: report
summary: يعرض هذا التقرير أنشطة الاتحاد المتعلقة بإنترنت الأشياء.
action_required: يدعى المجلس إلى الإحاطة علما بهذا التقرير.
standards:
  ITU-T Y.4113: approved
---

# مقدمة

${paragraph}
`;

  it('are legitimate there: embeddings, isolates, marks and joiners pass without a word', () => {
    const text = 'اعتمدت لجنة الدراسات \u2066ITU-T SG20\u2069 التوصية \u202aITU-T Y.4113\u202c\u200f في عام 2016، وهي مي\u200cزة.';
    const { run, file } = build(arabic(text), 'html,docx', 'A');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(file('.html'), 'utf8')).toContain('https://www.itu.int/rec/T-REC-Y.4113');
    expect(docxProblems(readFileSync(file('.docx')))).toEqual([]);
  });

  it('but an override, which shows letters against their order, and a zero width space are reported', () => {
    const source = arabic('اعتمدت لجنة الدراسات \u202eITU-T SG20\u202c التوصية ITU-T Y.41\u200b13 في عام 2016.');
    const { run } = build(source, 'html');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^source/C17-97\\.md:${placeOf(source, '\u202e')}: warning: .*U\\+202E RIGHT-TO-LEFT OVERRIDE.*and 1 more.*\\[invisible-character\\]$`)),
    ]);
  });
});

describe('messages printed to the terminal', () => {
  it('show the control characters of the source as <U+001B>, never raw', () => {
    const source = FRONT('"\\e[2J\\e]0;owned\\a": x\n') + '\n# One\n\nSee <span title="\x1b[2J\x07">the minutes</span> of the meeting.\n';
    const dir = sourceFolder({ 'C17-97.md': source, 'standards.yaml': CATALOGUE });
    const before = snapshot(dir);
    const run = runCli(['build', 'source/C17-97.md', '--out', 'out'], { cwd: dir });
    expect(run.status).toBe(1);
    // Nothing a terminal acts on: no C0 control but the newline ending each line, no DEL or C1 control.
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).toContain('unknown key "<U+001B>[2J<U+001B>]0;owned<U+0007>"');
    expect(run.stderr).toContain(': error: front matter: "\\e" writes U+001B, a control character, not text');
    expect(run.stderr).toContain(`:${placeOf(source, '\x1b[2J\x07')}: error: U+001B is a control character, not text`);
    for (const line of run.stderr.trim().split('\n').slice(0, -1)) expect(line).toMatch(/^source\/C17-97\.md:\d+:\d+: (error|warning): .+ \[[a-z-]+\]$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('name a file whose name holds control characters without printing them', () => {
    const dir = sourceFolder({ 'C17-97\x1b]0;owned\x07.md': FRONT() + '\n# One\n\nWords [x](ftp://example.org).\n' });
    writeFileSync(join(dir, 'source', 'standards.yaml'), CATALOGUE);
    const run = runCli(['check', 'source'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('source/C17-97<U+001B>]0;owned<U+0007>.md:');
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('characters XML allows, however unusual', () => {
  // A tab and a line separator by YAML escapes, XML's specials, a character outside the BMP, a replacement character.
  const title = 'Tabs\tand “quotes”, & <angles> ]]> 😀 a line\u2028separator, \ufffd';
  const source = FRONT()
    .replace('title: Characters pasted from elsewhere', 'title: "Tabs\\tand “quotes”, & <angles> ]]> 😀 a line\\u2028separator, \ufffd"')
    .replace('title: IoT Week 2017', 'title: "IoT Week 2017 & <friends> 😀"') +
    '\n# One\n\nITU-T Y.4113 and its \u00a0“friends”: 1 < 2 & 3 > 2, ]]> and 😀 in\ttext.\n';

  it('reach the DOCX as written, every XML part well-formed, and the calendar as ical.js reads it', () => {
    const { run, file } = build(source);
    expect(run.status, run.stderr).toBe(0);
    const docx = file('.docx');
    expect(docxProblems(readFileSync(docx))).toEqual([]);
    const read = 'import docx, json, sys\nd = docx.Document(sys.argv[1])\nprint(json.dumps([d.core_properties.title, [p.text for p in d.paragraphs]]))';
    const [coreTitle, paragraphs] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', read, docx], { encoding: 'utf8' })) as [string, string[]];
    expect(coreTitle).toBe(title);
    // (python-docx leaves out the words of hyperlinks, here the standard's.)
    expect(paragraphs).toContain('1.1\t and its \u00a0“friends”: 1 < 2 & 3 > 2, ]]> and 😀 in\ttext.');
    expect(calendarEvents(readFileSync(file('.ics'), 'utf8')).map((e) => e.summary)).toEqual(['IoT Week 2017 & <friends> 😀']);
  });
});

describe('the standards catalogue', () => {
  it('is refused at an escape that writes a control character, and nothing is written', () => {
    const catalogue = CATALOGUE.replace(
      'title: Requirements of the network for the Internet of things',
      'title: "Requirements of the network\\e for the Internet of things"',
    );
    const line = catalogue.split('\n').findIndex((l) => l.includes('\\e for the'));
    const column = catalogue.split('\n')[line]!.indexOf('\\e') + 1;
    const dir = sourceFolder({ 'C17-97.md': FRONT() + '\n# One\n\nITU-T Y.4113 is cited.\n', 'standards.yaml': catalogue });
    const run = runCli(['build', 'source/C17-97.md', '--out', 'out'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `source/standards.yaml:${line + 1}:${column}: error: standards catalogue: "\\e" writes U+001B, a control character, not text: no document can hold it; delete it [catalogue]`,
    );
    expect(readdirSync(dir)).toEqual(['source']);
  });
});
