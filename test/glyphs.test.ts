// missing-glyph: a character that none of an output's fonts has is a warning at its place in
// the source, and the outputs are still made. Each run keeps the fonts' coverage in a cache
// folder of its own, so that the fonts are read (not taken from an earlier build's cache)
// unless the test says otherwise.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { runCli, scratch, sourceFolder } from './helpers/cli.js';
import { pageText, pdffonts } from './helpers/pdf.js';

function front(language: string, title: string, document = 'C17/98'): string {
  return `---
document: ${document}
date: 2017-03-31
language: ${language}
title: ${title}
meeting: { name: Council 2017, place: Geneva, start: 2017-05-15, end: 2017-05-25 }
from: report
summary: A report on the Internet of Things in smart cities.
action_required: The Council is invited to note the report.
---

`;
}

const ENGLISH =
  front('en', 'Smart sustainable cities') +
  `# Activities

The Forum welcomed the work of the 物联网 group on the Internet of Things.

Its report was received with thanks 👍🏽 by the delegates of Côte d’Ivoire and Türkiye.
`;

const CHINESE =
  front('zh', '智慧城市', 'C17/99') +
  `# 活动

论坛欢迎物联网小组在 Internet of Things 方面的工作。
`;

function run(command: 'build' | 'check', files: Record<string, string>, args: string[] = [], cache = scratch('council-docs-font-cache-')) {
  const dir = sourceFolder(files);
  const out = join(dir, 'out');
  const names = Object.keys(files)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `source/${name}`);
  const result = runCli([command, ...names, ...(command === 'build' ? ['--out', out] : []), ...args], {
    cwd: dir,
    env: { XDG_CACHE_HOME: cache },
  });
  const warnings = result.stderr.split('\n').filter((line) => line.includes(': warning: '));
  return { ...result, out, warnings, cache };
}

const glyphWarnings = (warnings: string[]) => warnings.filter((line) => line.endsWith('[missing-glyph]'));

describe('an English document with a Chinese word and an emoji', () => {
  it('warns at each, naming the outputs and their fonts, and still writes every output', () => {
    const built = run('build', { 'doc.md': ENGLISH });
    expect(built.status).toBe(0);
    const warnings = glyphWarnings(built.warnings);
    expect(warnings).toHaveLength(2);
    // Line 14 is the first paragraph: "The Forum welcomed the work of the " is 35 characters.
    expect(warnings[0]).toMatch(/^source\/doc\.md:14:36: warning: no font of the HTML and PDF \(.*Carlito.*\) nor of the DOCX \(.*\) has "物联网" \(U\+7269 U\+8054 U\+7F51\)/);
    // The emoji and its skin tone are one run, at line 16.
    const column = 'Its report was received with thanks '.length + 1;
    expect(warnings[1]).toMatch(new RegExp(`^source/doc\\.md:16:${column}: warning: .* has "👍🏽" \\(U\\+1F44D U\\+1F3FD\\)`));
    // Letters with accents and the typographic apostrophe are in Carlito: no warning for them.
    expect(built.stderr).not.toMatch(/"[ôüÔÜ’]"/);
    for (const suffix of ['html', 'pdf', 'docx']) expect(existsSync(join(built.out, `C17-98-E.${suffix}`))).toBe(true);
    const text = toText(fromHtml(readFileSync(join(built.out, 'C17-98-E.html'), 'utf8')));
    expect(text).toContain('the work of the 物联网 group');
    expect(text).toContain('thanks 👍🏽 by');
  });

  it('warns at the word in the front matter too', () => {
    const checked = run('check', { 'doc.md': front('en', 'Smart cities, 物联网 in Shenzhen') + '# One\n\nPlain words.\n' });
    expect(checked.status).toBe(0);
    expect(glyphWarnings(checked.warnings)).toEqual([expect.stringMatching(/^source\/doc\.md:5:22: warning: .* has "物联网"/)]);
  });

  it('checks only the fonts of the outputs asked for', () => {
    const docx = run('check', { 'doc.md': ENGLISH }, ['--format', 'docx']);
    expect(glyphWarnings(docx.warnings)).toHaveLength(2);
    expect(docx.warnings[0]).toMatch(/no font of the DOCX \(Calibri \(here Carlito\)\) has/);
    // A calendar is read in the reader's own fonts: nothing to check.
    const ics = run('check', { 'doc.md': ENGLISH }, ['--format', 'ics']);
    expect(glyphWarnings(ics.warnings)).toEqual([]);
  });

  it('is quiet where the author accepts it, as other warnings are', () => {
    const accepted = ENGLISH.replace('The Forum', '<!-- accept missing-glyph: the group is named in Chinese -->\nThe Forum');
    const checked = run('check', { 'doc.md': accepted });
    expect(checked.status).toBe(0);
    expect(glyphWarnings(checked.warnings)).toEqual([expect.stringMatching(/^source\/doc\.md:17:\d+: .*"👍🏽"/)]);
    expect(checked.warnings.filter((line) => line.includes('unused-accept'))).toEqual([]);
  });
});

it('does not warn of the same Chinese word in a Chinese document, whose fonts have it', () => {
  const checked = run('check', { 'doc.md': CHINESE });
  expect(checked.status).toBe(0);
  expect(checked.warnings).toEqual([]);
});

it('warns of a character only the PDF has a font for, for the DOCX alone', () => {
  // 鿏 (meitnerium, U+9FCF) is in Noto Sans CJK SC, the second Chinese font of the stylesheet, not in
  // WenQuanYi Micro Hei, the DOCX's East Asian font.
  // The paragraph is line 14; 鿏 follows 23 characters.
  const checked = run('check', { 'doc.md': front('zh', '智慧城市', 'C17/99') + '# 活动\n\n国际纯粹与应用化学联合会将第109号元素命名为鿏。\n' });
  expect(checked.status).toBe(0);
  expect(glyphWarnings(checked.warnings)).toEqual([
    expect.stringMatching(/^source\/doc\.md:14:24: warning: no font of the DOCX \(Calibri \(here Carlito\), WenQuanYi Micro Hei\) has "鿏" \(U\+9FCF\)/),
  ]);
});

it('prints the no-break hyphen of a cited standard as a hyphen of the text font, kept on its line, without a warning', () => {
  // "ITU‑T" and "ITU‑R" with U+2011, which Carlito lacks, as a word processor often writes them.
  const built = run('build', { 'doc.md': front('en', 'Smart sustainable cities') + '# Activities\n\nThe Forum took ITU\u2011T Y.4805 and Recommendation ITU\u2011R M.2002 as its basis.\n' }, ['--format', 'html,pdf']);
  expect(built.status).toBe(0);
  expect(glyphWarnings(built.warnings)).toEqual([]);
  const html = readFileSync(join(built.out, 'C17-98-E.html'), 'utf8');
  expect(html.slice(html.indexOf('<body'))).not.toContain('\u2011');
  expect(toText(fromHtml(html))).toContain('The Forum took ITU-T Y.4805 and Recommendation ITU-R M.2002 as its basis.');
  expect(html).toMatch(/<a class="standard" href="[^"]*Y\.4805"><span class="unbroken">ITU-T<\/span> Y\.4805<\/a>/);
  // No other font was taken for the hyphen: the page is set in Carlito alone.
  expect(new Set(pdffonts(join(built.out, 'C17-98-E.pdf')).map((font) => font.name.replace(/^[A-Z]{6}\+/, '').split('-')[0]))).toEqual(new Set(['Carlito']));
  expect(pageText(join(built.out, 'C17-98-E.pdf'), 1)).toContain('ITU-T Y.4805');
});

it('builds the six documents of source/ with no warning, reading the fonts with an empty cache', () => {
  const root = join(import.meta.dirname, '..', 'source');
  const files = Object.fromEntries(
    readdirSync(root)
      .filter((name) => /\.(md|yaml|json)$/.test(name))
      .map((name) => [name, readFileSync(join(root, name), 'utf8')]),
  );
  expect(Object.keys(files).filter((name) => name.endsWith('.md'))).toHaveLength(6);
  const built = run('build', files);
  expect(built.status).toBe(0);
  expect(built.warnings).toEqual([]);
  expect(readdirSync(built.out).filter((name) => name.endsWith('.pdf'))).toHaveLength(6);
  // The fonts' coverage was read and kept.
  expect(readdirSync(join(built.cache, 'council-docs', 'fonts')).filter((name) => name !== 'families.json').length).toBeGreaterThan(0);
});

describe('the cache of the fonts’ characters', () => {
  /** The cached coverage of Carlito, the font of English text, after one check with an empty cache. */
  function carlitoEntry() {
    const first = run('check', { 'doc.md': ENGLISH });
    const folder = join(first.cache, 'council-docs', 'fonts');
    const families = JSON.parse(readFileSync(join(folder, 'families.json'), 'utf8')) as { families: Record<string, { file: string } | null> };
    const carlito = families.families['carlito']!.file;
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const entry = JSON.parse(readFileSync(path, 'utf8')) as { file?: string; size: number; mtimeMs: number; ranges: number[] };
      if (entry.file === carlito) return { cache: first.cache, path, entry, font: statSync(carlito) };
    }
    throw new Error(`no cached coverage of ${carlito}`);
  }

  it('is kept for the font file read, with its size and modification time', () => {
    const { entry, font } = carlitoEntry();
    expect(entry.size).toBe(font.size);
    expect(entry.mtimeMs).toBe(font.mtimeMs);
    // Latin letters are in it; CJK is not.
    const has = (point: number) => entry.ranges.some((_, i) => i % 2 === 0 && entry.ranges[i]! <= point && point <= entry.ranges[i + 1]!);
    expect(has('A'.codePointAt(0)!)).toBe(true);
    expect(has(0x7269)).toBe(false);
  });

  it('is what later builds go by while the file is unchanged, and is read again when it is not the same file', () => {
    const { cache, path, entry } = carlitoEntry();
    // A doctored entry claiming Carlito has every character: believed while it matches the file.
    writeFileSync(path, JSON.stringify({ ...entry, ranges: [0, 0x10ffff] }));
    expect(glyphWarnings(run('check', { 'doc.md': ENGLISH }, [], cache).warnings)).toEqual([]);
    // The same entry for another version of the file (another modification time): read again.
    writeFileSync(path, JSON.stringify({ ...entry, mtimeMs: entry.mtimeMs - 1000, ranges: [0, 0x10ffff] }));
    expect(glyphWarnings(run('check', { 'doc.md': ENGLISH }, [], cache).warnings)).toHaveLength(2);
  });
});
