// missing-glyph: a character that no font of an output has is a warning at its place in the
// source, and the build goes on. Read from the command line's messages, as an author reads
// them; the fonts are the machine's (Carlito, WenQuanYi Micro Hei, Noto Sans CJK, as make
// installs them).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch, sourceFolder, type Run } from './helpers/cli.js';

function source(language: 'en' | 'zh', title: string, body: string): string {
  return `---
document: C17/99
date: 2017-03-31
language: ${language}
original: ${language}
title: "${title}"
meeting:
  name: Council 2017
  place: Geneva
  start: 2017-05-15
  end: 2017-05-25
from: report
summary: A short report on the Internet of Things.
action_required: The Council is invited to note the report.
---

# Introduction

${body}
`;
}

/** `line:column` of the first `needle` in `text`, counted as editors count (columns in UTF-16 units from 1). */
function placeOf(text: string, needle: string, from = 0): string {
  const at = text.indexOf(needle, from);
  if (at === -1) throw new Error(`"${needle}" is not in the source`);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const warningsOf = (stderr: string) => stderr.split('\n').filter((line) => line.endsWith('[missing-glyph]'));

const ENGLISH_BODY = [
  '1 The Chinese name of the Internet of Things, 物联网, is used in ITU-T documents in Chinese.',
  '',
  '2 Participants of the IoT Week 2017 shared their ideas by short messages 😀 and e-mail.',
].join('\n');

describe('an English document with a Chinese word and an emoji', () => {
  const text = source('en', 'Facilitating the 物联网', ENGLISH_BODY);
  const dir = sourceFolder({ 'C17-99.md': text });
  const path = join('source', 'C17-99.md');
  const out = scratch();
  let run: Run;
  let warnings: string[];
  beforeAll(() => {
    run = runCli(['build', path, '--out', out], { cwd: dir });
    warnings = warningsOf(run.stderr);
  });

  it('warns of each, at its line and column', () => {
    const body = text.indexOf('# Introduction');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(new RegExp(`^${path}:${placeOf(text, '物联网')}: warning: .*"物联网" \\(U\\+7269 U\\+8054 U\\+7F51\\)`));
    expect(warnings[1]).toMatch(new RegExp(`^${path}:${placeOf(text, '物联网', body)}: warning: .*"物联网"`));
    expect(warnings[2]).toMatch(new RegExp(`^${path}:${placeOf(text, '😀')}: warning: .*"😀" \\(U\\+1F600\\): it would print as an empty box`));
  });

  it('names the fonts of each output that lack them', () => {
    for (const warning of warnings) {
      expect(warning).toContain('no font of the HTML and PDF (Calibri');
      expect(warning).toContain('nor of the DOCX (Calibri');
    }
  });

  it('still builds every output', () => {
    expect(run.status, run.stderr).toBe(0);
    for (const suffix of ['E.html', 'E.pdf', 'E.docx']) expect(existsSync(join(out, `C17-99-${suffix}`))).toBe(true);
  });

  it('lets the author accept the warning for a paragraph', () => {
    const accepted = text.replace('2 Participants', '<!-- accept missing-glyph: the emoji is quoted from a message -->\n2 Participants');
    const check = runCli(['check', path], { cwd: sourceFolder({ 'C17-99.md': accepted }) });
    expect(check.status).toBe(0);
    const left = warningsOf(check.stderr);
    expect(left).toHaveLength(2);
    expect(left.join('\n')).not.toContain('😀');
    expect(check.stderr).not.toContain('unused-accept');
  });
});

describe('a Chinese document', () => {
  it('prints the same word in its own fonts, without a warning', () => {
    const text = source('zh', '促进物联网发展', '1 物联网是国际电联的工作重点之一。');
    const run = runCli(['check', join('source', 'C17-99.md')], { cwd: sourceFolder({ 'C17-99.md': text }) });
    expect(run.status, run.stderr).toBe(0);
    expect(warningsOf(run.stderr)).toEqual([]);
  });

  it('warns of a character only the PDF has a font for, for the DOCX alone', () => {
    // 鿏 (meitnerium, U+9FCF) is in Noto Sans CJK SC, the PDF's second Chinese font, not in WenQuanYi Micro Hei, the DOCX's.
    const text = source('zh', '促进物联网发展', '1 国际纯粹与应用化学联合会将第109号元素命名为鿏。');
    const path = join('source', 'C17-99.md');
    const run = runCli(['check', path], { cwd: sourceFolder({ 'C17-99.md': text }) });
    const warnings = warningsOf(run.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${path}:${placeOf(text, '鿏')}: warning: no font of the DOCX \\(Calibri \\(here Carlito\\), WenQuanYi Micro Hei\\) has "鿏"`));
  });
});

describe('the shipped sources', () => {
  it('build in six languages without a warning', () => {
    const out = scratch();
    const run = runCli(['build', 'source', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('warning');
    expect(run.stdout).toMatch(/^6 documents in .*; 0 warnings$/m);
  });
});

describe('the fonts kept between builds', () => {
  const text = source('en', 'Facilitating the 物联网', ENGLISH_BODY);
  const project = sourceFolder({ 'C17-99.md': text });
  const cache = scratch();
  const check = () => runCli(['check', join('source', 'C17-99.md'), '--format', 'html'], { cwd: project, env: { XDG_CACHE_HOME: cache } });
  const folder = join(cache, 'council-docs', 'fonts');
  const faces = () => readdirSync(folder).filter((name) => name !== 'families.json');
  const rewriteFaces = (change: (entry: { mtimeMs: number; ranges: number[] }) => void) => {
    for (const name of faces()) {
      const entry = JSON.parse(readFileSync(join(folder, name), 'utf8'));
      change(entry);
      writeFileSync(join(folder, name), JSON.stringify(entry));
    }
  };

  it('reads the fonts into an empty cache and warns as with a full one', () => {
    expect(warningsOf(check().stderr)).toHaveLength(3);
    expect(readdirSync(folder)).toContain('families.json');
    expect(faces().length).toBeGreaterThan(0);
  });

  it('takes the characters of a font file from the cache', () => {
    // Were the cache not read, the fonts themselves would still lack the word and the emoji.
    rewriteFaces((entry) => (entry.ranges = [0, 0x10ffff]));
    expect(warningsOf(check().stderr)).toEqual([]);
  });

  it('reads a font file again once it changed', () => {
    rewriteFaces((entry) => (entry.mtimeMs += 1));
    expect(warningsOf(check().stderr)).toHaveLength(3);
  });
});
