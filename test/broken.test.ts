// The catalogue of broken sources: each one is refused as an author needs it,
// with file:line:column and a message saying what to do, exit 1, no stack
// trace, and out/ exactly as it was. Big, binary and deeply nested sources are
// made here rather than kept in the repository.
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { CLI, ROOT, runCli, scratch, snapshot, type Run } from './helpers/cli.js';

const BROKEN = join(ROOT, 'test', 'fixtures', 'broken');
const UNUSUAL = join(ROOT, 'test', 'fixtures', 'unusual');

interface Case {
  /** File name in test/fixtures/broken, or of a source made by `make`. */
  file: string;
  /** line:column of the message. */
  at: string;
  rule: string;
  /** Words of the message that tell the author what is wrong or what to do. */
  says: string;
  make?: () => Uint8Array | string;
}

const CASES: Case[] = [
  // Front matter fences
  { file: 'no-front-matter.md', at: '1:1', rule: 'missing-front-matter', says: 'a source starts with a line "---"' },
  { file: 'unclosed-front-matter.md', at: '1:1', rule: 'unclosed-front-matter', says: 'add a line "---" after its last key' },
  { file: 'front-matter-after-text.md', at: '1:1', rule: 'missing-front-matter', says: 'no front matter' },
  // YAML syntax
  { file: 'yaml-bad-indentation.md', at: '7:9', rule: 'yaml-syntax', says: 'indented by the same spaces' },
  { file: 'yaml-unclosed-quote.md', at: '5:8', rule: 'yaml-syntax', says: 'a quotation mark that opens a value must close it' },
  { file: 'yaml-tab-indentation.md', at: '7:1', rule: 'yaml-syntax', says: 'indent with spaces, not tabs' },
  { file: 'yaml-duplicate-key.md', at: '14:1', rule: 'yaml-syntax', says: '"date" is given twice: keep one' },
  { file: 'yaml-colon-in-value.md', at: '5:8', rule: 'yaml-syntax', says: 'a value that contains ": " must be in quotes' },
  { file: 'yaml-unclosed-flow.md', at: '6:10', rule: 'yaml-syntax', says: 'every { and [ is closed' },
  { file: 'yaml-alias-bomb.md', at: '15:8', rule: 'yaml-syntax', says: 'aliases (*name) expand to too many values' },
  { file: 'front-matter-is-a-list.md', at: '2:1', rule: 'invalid-value', says: 'write one "key: value" per line' },
  { file: 'front-matter-is-text.md', at: '2:1', rule: 'invalid-value', says: 'the front matter is not a set of keys' },
  // Keys
  { file: 'unknown-key.md', at: '14:1', rule: 'unknown-key', says: 'unknown key "autor" (known keys: document, date' },
  { file: 'unknown-meeting-key.md', at: '8:3', rule: 'unknown-key', says: 'unknown key "meeting.city"' },
  { file: 'missing-title.md', at: '1:1', rule: 'missing-key', says: 'missing required key "title"' },
  { file: 'missing-meeting-end.md', at: '7:3', rule: 'missing-key', says: 'missing required key "meeting.end"' },
  // Types
  { file: 'wrong-type-revision.md', at: '14:11', rule: 'invalid-value', says: '"revision": expected a revision number' },
  { file: 'wrong-type-meeting.md', at: '6:10', rule: 'invalid-value', says: 'expected name, place, start and end, each on its own line under "meeting:"' },
  { file: 'wrong-type-references.md', at: '14:13', rule: 'invalid-value', says: '"references": expected a list of references' },
  { file: 'wrong-type-untranslated.md', at: '14:15', rule: 'invalid-value', says: '"untranslated": expected true or false' },
  { file: 'empty-title.md', at: '5:8', rule: 'invalid-value', says: '"title": the title is empty' },
  { file: 'title-without-value.md', at: '5:7', rule: 'invalid-value', says: '"title": expected the title as text' },
  // Dates
  { file: 'impossible-date.md', at: '3:7', rule: 'invalid-value', says: '2017-02-30 is not a date: that month has 28 days' },
  { file: 'not-a-date.md', at: '3:7', rule: 'invalid-value', says: 'expected a date written as YYYY-MM-DD' },
  { file: 'month-13.md', at: '9:10', rule: 'invalid-value', says: '2017-13-01 is not a date: there is no month 13' },
  { file: 'meeting-end-before-start.md', at: '10:8', rule: 'meeting-dates', says: 'the meeting ends (2017-05-15) before it starts (2017-05-25)' },
  // Language and number
  { file: 'unknown-language.md', at: '4:11', rule: 'invalid-value', says: 'expected one of the six ITU languages: en, fr, es, ar, zh, ru' },
  { file: 'malformed-document-number.md', at: '2:11', rule: 'invalid-value', says: 'a Council document number looks like C17/23' },
  { file: 'document-number-with-suffix.md', at: '2:11', rule: 'invalid-value', says: 'a Council document number looks like C17/23' },
  // Body
  { file: 'empty-file.md', at: '1:1', rule: 'empty-file', says: 'the file is empty' },
  { file: 'whitespace-only.md', at: '1:1', rule: 'empty-file', says: 'the file is empty' },
  { file: 'empty-section.md', at: '16:1', rule: 'empty-section', says: 'section 1 has a heading and no text' },
  { file: 'orphan-continuation.md', at: '18:1', rule: 'orphan-continuation', says: 'remove the "^" to give it a number' },
  { file: 'ordered-list.md', at: '20:1', rule: 'ordered-list', says: 'use "- " bullets' },
  { file: 'content-before-section.md', at: '16:1', rule: 'content-before-section', says: 'start the body with a "# Heading" line' },
  { file: 'heading-level-4.md', at: '25:1', rule: 'heading-depth', says: '"##" and "###" head parts of it' },
  { file: 'heading-skipped.md', at: '20:1', rule: 'heading-depth', says: '"###" with no "##" before it' },
  { file: 'paragraph-level.md', at: '20:1', rule: 'paragraph-level', says: 'numbers go down one level at a time (2.3, then 2.3.1); write "#.#.#"' },
  { file: 'section-after-annex.md', at: '24:1', rule: 'section-after-annex', says: 'sections come first, then the annexes' },
  { file: 'table-title-alone.md', at: '18:1', rule: 'table-title', says: 'put the "Table:" line just above its table' },
  // Footnotes, figures and cross-references
  { file: 'unknown-footnote.md', at: '18:58', rule: 'unknown-footnote', says: 'no footnote "[^staf]": did you mean "[^staff]"?' },
  { file: 'duplicate-footnote.md', at: '21:1', rule: 'duplicate-footnote', says: 'a second footnote "[^budget]" (the first is on line 20)' },
  { file: 'footnote-cited-twice.md', at: '20:32', rule: 'footnote-cited-twice', says: 'write "[](#budget)", which prints its number' },
  { file: 'unknown-label.md', at: '18:28', rule: 'unknown-label', says: 'no label "tab-budgte" in this document: did you mean "#tab-budget"?' },
  { file: 'duplicate-label.md', at: '18:32', rule: 'duplicate-label', says: 'the label "budget" is given twice (first on line 16)' },
  { file: 'label-syntax.md', at: '16:10', rule: 'label-syntax', says: '"#2018-budget" is not a label' },
  { file: 'figure-without-alt.md', at: '20:1', rule: 'figure-alt', says: 'has no alt text: say what it shows between the brackets' },
  { file: 'figure-from-the-web.md', at: '20:1', rule: 'figure-file', says: 'is a URL, not a file beside the source' },
  { file: 'figure-outside.md', at: '20:1', rule: 'figure-file', says: 'the figure "../../secret.png" is outside' },
  { file: 'code-block.md', at: '25:1', rule: 'unsupported-markdown', says: 'code blocks are not part of a Council document' },
  { file: 'indented-code.md', at: '20:1', rule: 'unsupported-markdown', says: 'remove the indentation' },
  { file: 'block-quote.md', at: '25:1', rule: 'unsupported-markdown', says: 'put quoted words in “quotation marks”' },
  { file: 'link-definition.md', at: '25:1', rule: 'unsupported-markdown', says: 'write the address in the link' },
  { file: 'nesting-too-deep.md', at: '28:21', rule: 'nesting-too-deep', says: 'bullets nest at most 10 levels' },
  { file: 'emphasis-too-deep.md', at: '18:41', rule: 'nesting-too-deep', says: 'look for a * or _ left open' },
  { file: 'html-with-text.md', at: '18:1', rule: 'html-with-text', says: 'write them as Markdown paragraphs' },
  // Events
  { file: 'duplicate-event.md', at: '20:9', rule: 'duplicate-event', says: 'two events have the id "iot-week-2017" (the first on line 15)' },
  { file: 'unknown-event.md', at: '24:22', rule: 'unknown-event', says: 'did you mean "iot-week-2017"?' },
  { file: 'event-end-before-start.md', at: '18:10', rule: 'event-dates', says: 'ends (2017-06-06) before it starts (2017-06-09)' },
  { file: 'event-impossible-date.md', at: '18:10', rule: 'invalid-value', says: '2017-06-31 is not a date: that month has 30 days' },
];

// The source every generated case starts from: the front matter of a committed fixture.
const FRONT = () => `${readFileSync(join(BROKEN, 'unknown-key.md'), 'utf8').split('autor: J. Smith\n')[0]}---\n`;
/** FRONT ends on line 14; a blank line and "# S" and a blank line put the body on line 18. */
const body = (text: string) => `${FRONT()}\n# S\n\n${text}`;

const GENERATED: Case[] = [
  {
    file: 'binary.md',
    at: '1:5',
    rule: 'not-text',
    says: 'this is a binary file, not a Markdown source',
    make: () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]),
  },
  {
    file: 'latin-1.md',
    at: '5:30',
    rule: 'not-utf8',
    says: 'save it as UTF-8',
    make: () => Buffer.from(FRONT().replace('to test the reader', 'to test the réunion') + '\n# S\n\nText.\n', 'latin1'),
  },
  {
    file: 'utf-16.md',
    at: '1:1',
    rule: 'not-utf8',
    says: 'the file is UTF-16 ("Unicode"), not UTF-8',
    make: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body('Text.\n'), 'utf16le')]),
  },
  { file: 'too-large.md', at: '1:1', rule: 'file-too-large', says: 'a source holds at most 8.0 MB', make: () => body('Words.\n\n'.repeat(1_300_000)) },
  {
    file: 'enormous-paragraph.md',
    at: '18:1',
    rule: 'paragraph-too-long',
    says: 'split it with blank lines',
    make: () => body(`${'An enormous paragraph of words. '.repeat(150_000)}\n`),
  },
  { file: 'endless-lines.md', at: '18:1', rule: 'paragraph-too-long', says: 'runs over 5,001 lines without a blank line', make: () => body(`- a\n${'b\n'.repeat(5000)}`) },
  {
    file: 'deep-list.md',
    at: '50:65',
    rule: 'nesting-too-deep',
    says: 'at most 32 are allowed',
    make: () => body(Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}\n`).join('')),
  },
  { file: 'deep-list-on-one-line.md', at: '18:9999', rule: 'nesting-too-deep', says: 'nested 5,000 levels deep', make: () => body(`${'- '.repeat(5000)}x\n`) },
  { file: 'deep-quotation.md', at: '18:9999', rule: 'nesting-too-deep', says: 'nested 5,000 levels deep', make: () => body(`${'> '.repeat(5000)}x\n`) },
  {
    file: 'deep-emphasis.md',
    at: '18:1',
    rule: 'too-much-markup',
    says: 'look for emphasis or brackets left open or nested',
    make: () => body(`${'*a '.repeat(5000)}x${' b*'.repeat(5000)}\n`),
  },
  { file: 'emphasis-run.md', at: '18:1', rule: 'too-much-markup', says: 'has 40,000 of the marks * _ [ ]', make: () => body(`${'*'.repeat(20000)}x${'*'.repeat(20000)}\n`) },
  { file: 'open-brackets.md', at: '18:1', rule: 'too-much-markup', says: 'has 5,000 of the marks', make: () => body(`${'['.repeat(5000)}\n`) },
  { file: 'many-list-items.md', at: '5018:1', rule: 'too-many-blocks', says: 'more than 5,000 list items', make: () => body('- item\n'.repeat(6000)) },
  { file: 'many-paragraphs.md', at: '40016:1', rule: 'too-many-blocks', says: 'more than 20,000 paragraphs', make: () => body('Words.\n\n'.repeat(21000)) },
  { file: 'many-underlines.md', at: '3019:1', rule: 'too-many-blocks', says: 'put a blank line before it', make: () => body('Words\n===\n\n'.repeat(1100)) },
  {
    file: 'deep-yaml.md',
    at: '14:3153',
    rule: 'yaml-syntax',
    says: 'values nested too deep',
    make: () => FRONT().replace(/---\n$/, `nested: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n---\n\n# S\n\nText.\n`),
  },
  {
    file: 'yaml-summary-markup.md',
    at: '2:1',
    rule: 'too-much-markup',
    says: 'the front matter has 3,',
    make: () => FRONT().replace('summary: This report is a test.', `summary: "${'*a '.repeat(3000)}"`) + '\n# S\n\nText.\n',
  },
  {
    // Found by the fuzz test: yaml's parser recursed once per line until the stack ran out.
    file: 'yaml-runaway.md',
    at: '2:1',
    rule: 'yaml-syntax',
    says: 'too irregular for the YAML reader to follow',
    make: () => `---\n x\n${'  date: 2017-02-30\n'.repeat(5000)}document: C17/99\n---\n\n# S\n\nText.\n`,
  },
  // Characters no document can hold: one made a DOCX that Word and LibreOffice refuse.
  { file: 'noncharacter.md', at: '18:10', rule: 'forbidden-character', says: 'U+FFFF is a noncharacter', make: () => body('A pasted \uffff in the text.\n') },
  {
    file: 'terminal-escape.md',
    at: '18:7',
    rule: 'forbidden-character',
    says: 'U+001B is a control character, not text: no document can hold it; delete it (it comes with words pasted from a terminal',
    make: () => body('Words \x1b[1mpasted\x1b[0m from a terminal.\n'),
  },
  {
    file: 'yaml-nul-escape.md',
    at: '5:18',
    rule: 'forbidden-character',
    says: 'front matter: "\\0" writes U+0000, a control character',
    make: () => FRONT().replace('title: A report to test the reader', 'title: "A report \\0 to test"') + '\n# S\n\nText.\n',
  },
  {
    file: 'yaml-escape-in-event.md',
    at: '16:22',
    rule: 'forbidden-character',
    says: 'front matter: "\\e" writes U+001B',
    make: () =>
      FRONT().replace(/---\n$/, 'events:\n  - id: iot-week-2017\n    title: "IoT Week \\e2017"\n    start: 2017-06-06\n    end: 2017-06-09\n---\n\n# S\n\nText.\n'),
  },
  {
    file: 'yaml-noncharacter-escape.md',
    at: '12:23',
    rule: 'forbidden-character',
    says: '"\\uFFFE" writes U+FFFE, a noncharacter',
    make: () => FRONT().replace('summary: This report is a test.', 'summary: "This report \\uFFFE is a test."') + '\n# S\n\nText.\n',
  },
  {
    file: 'unresolved-alias.md',
    at: '14:13',
    rule: 'yaml-syntax',
    says: '"*there" names no "&there" anchor before it',
    make: () => FRONT().replace(/---\n$/, 'references: *there\n---\n\n# S\n\nText.\n'),
  },
];

/** Runs the command without blocking the test process, so several run at once. */
function runAsync(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function eachAtMost<T>(items: T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

describe('the catalogue of broken sources', () => {
  let dir: string;
  let out: string;

  beforeAll(() => {
    dir = scratch('council-docs-broken-');
    for (const name of readdirSync(BROKEN)) copyFileSync(join(BROKEN, name), join(dir, name));
    for (const c of GENERATED) writeFileSync(join(dir, c.file), c.make!());
    // out/ holds a previous build: nothing of it may change.
    out = scratch('council-docs-broken-out-');
    const first = runCli(['build', join(UNUSUAL, 'bom.md'), '--out', out, '--format', 'html,ics', '--quiet']);
    expect(first.status, first.stderr).toBe(0);
  });

  it('has a case for every fixture, and more than 30 of them', () => {
    const files = readdirSync(BROKEN).sort();
    expect(CASES.map((c) => c.file).sort()).toEqual(files);
    expect(CASES.length + GENERATED.length).toBeGreaterThan(30);
  });

  it('refuses every one with its place, rule and words, exit 1, no stack trace, out/ untouched', { timeout: 300_000 }, async () => {
    const before = snapshot(out);
    const problems: string[] = [];
    await eachAtMost([...CASES, ...GENERATED], 3, async (c) => {
      const path = join(dir, c.file);
      const run = await runAsync(['build', path, '--out', out]);
      const lines = run.stderr.trim().split('\n');
      const expected = `${path}:${c.at}: error: `;
      const line = lines.find((l) => l.startsWith(expected) && l.endsWith(`[${c.rule}]`));
      if (run.status !== 1) problems.push(`${c.file}: exit ${run.status}`);
      if (!line) problems.push(`${c.file}: no "${c.at}: error: ... [${c.rule}]" in\n${run.stderr}`);
      else if (!line.includes(c.says)) problems.push(`${c.file}: "${c.says}" not in\n${line}`);
      // Every line is a positioned message, or the closing count: nothing from inside the program.
      for (const l of lines) {
        if (!/^\S+:\d+:\d+: (error|warning): .+ \[[a-z0-9-]+\]$/.test(l) && !/^\d+ sources? with errors: nothing written$/.test(l)) {
          problems.push(`${c.file}: unexpected line ${JSON.stringify(l.slice(0, 200))}`);
        }
      }
      if (/^\s+at |Error:|node:internal|\.ts:\d+|\.js:\d+/m.test(run.stderr)) problems.push(`${c.file}: stack trace in\n${run.stderr}`);
      if (run.stdout !== '') problems.push(`${c.file}: printed ${JSON.stringify(run.stdout.slice(0, 200))}`);
    });
    expect(problems).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('malformed standard references', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'broken-catalogue');

  it('refuses a catalogue entry that is not an ITU identifier at its line there, and warns at each citation with the fix', () => {
    const out = scratch();
    const before = snapshot(out);
    const run = runCli(['build', join(dir, 'malformed-standards.md'), '--out', out]);
    expect(run.status).toBe(1);
    const catalogue = join(dir, 'standards.yaml');
    const source = join(dir, 'malformed-standards.md');
    const lines = run.stderr.split('\n');
    expect(lines).toContain(
      `${catalogue}:3:7: error: standards catalogue, entry 2 (id): not an ITU identifier: write it as ITU-T Y.4113, ITU-T Y.4903/L.1603, ITU-T Y.Sup42 or ITU-R SM.2153 [catalogue]`,
    );
    expect(lines).toContain(`${catalogue}:7:12: error: standards catalogue, entry 3 (edition): expected the edition as YYYY-MM, e.g. 2016-09 [catalogue]`);
    expect(lines).toContain(`${source}:20:22: warning: "ITU-T 4805" is not a complete ITU identifier: ITU-T Y.4805? [malformed-standard]`);
    expect(lines).toContain(`${source}:20:124: warning: "ITU-T Y4113" is not a complete ITU identifier: ITU-T Y.4113? [malformed-standard]`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('a hostile standards catalogue', () => {
  it('is refused at its line, not a crash: aliases that expand to millions of values', () => {
    const dir = scratch();
    copyFileSync(join(ROOT, 'test', 'fixtures', 'broken-catalogue', 'malformed-standards.md'), join(dir, 'source.md'));
    const list = (name: string, item: string) => `${name}: &${name} [${Array(10).fill(item).join(', ')}]`;
    writeFileSync(
      join(dir, 'standards.yaml'),
      `- id: ITU-T Y.4805\n  title: Identifier service requirements\n  x: [${list('a', 'x')}, ${list('b', '*a')}, ${list('c', '*b')}, ${list('d', '*c')}, ${list('e', '*d')}]\n`,
    );
    const out = scratch();
    const run = runCli(['build', join(dir, 'source.md'), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/standards\.yaml:3:\d+: error: standards catalogue: aliases \(\*name\) expand to too many values: write the values themselves \[catalogue\]/);
    expect(run.stderr).not.toMatch(/^\s+at |Error:/m);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('sources that are unusual but sound', () => {
  const text = (html: string) => toText(fromHtml(html)).replace(/[ \t\n]+/g, ' ');
  const build = (name: string) => {
    const out = scratch();
    const run = runCli(['build', join(UNUSUAL, name), '--out', out, '--format', 'html', '--quiet']);
    return { run, html: () => readFileSync(join(out, 'C17-99-E.html'), 'utf8') };
  };

  it('reads a byte-order mark, Windows line endings and tabs as if they were not there', () => {
    const plain = build('bom.md');
    expect(plain.run.stderr).toBe('');
    expect(plain.run.status).toBe(0);
    const crlf = build('crlf.md');
    expect(crlf.run.status).toBe(0);
    expect(crlf.html()).toBe(plain.html());
    expect(plain.html()).not.toContain('\ufeff');
    expect(plain.html()).not.toContain('\r');
    const tabs = build('tabs.md');
    expect(tabs.run.status, tabs.run.stderr).toBe(0);
    const html = tabs.html();
    expect(text(html)).toContain('A first\tparagraph with\ttabs.'.replace(/\t/g, ' '));
    expect(html).toMatch(/<ul class="enumlev2">\s*<li>A nested item, indented with a tab<ul class="enumlev3">\s*<li>Nested again, two tabs<\/li>/);
  });

  it('keeps what Word pastes: non-breaking spaces, curly quotes, dashes, ellipses', () => {
    for (const name of ['pasted-from-word.md', 'windows-all-at-once.md']) {
      const { run, html } = build(name);
      expect(run.status, run.stderr).toBe(0);
      const words = text(html());
      expect(words).toContain('Resolution\u00a098 \u201cEnhancing the standardization of Internet of things\u201d \u2013 ITU\u2019s work \u2014 continues\u2026');
      expect(words).toContain('6\u20139\u00a0June\u202f2017, said \u2018yes\u2019.');
      expect(words).toContain('5\u20137 September: \u201cSmart Cities\u201d');
    }
    expect(text(build('pasted-from-word.md').html())).toContain('This report\u00a0describes ITU\u2019s \u201cwork\u201d \u2013 in\u00a0brief.');
    expect(text(build('windows-all-at-once.md').html())).toContain('A report\u00a0on \u201cIoT\u201d');
  });

  it('places errors in a Windows file and after a byte-order mark where an editor shows them', () => {
    const crlf = runCli(['check', join(UNUSUAL, 'crlf-errors.md')]);
    expect(crlf.status).toBe(1);
    const at = (run: Run) => run.stderr.split('\n').filter((l) => l.includes(': error: ')).map((l) => /:(\d+:\d+): error: .*\[(.+)\]$/.exec(l)!.slice(1).join(' '));
    expect(at(crlf)).toEqual(['3:7 invalid-value', '18:1 orphan-continuation', '22:1 empty-section']);
    const bom = runCli(['check', join(UNUSUAL, 'bom-errors.md')]);
    expect(bom.status).toBe(1);
    expect(at(bom)).toEqual(['2:11 invalid-value', '18:1 orphan-continuation']);
  });
});
