// The source reader: what an author writes becomes the model they expect.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../src/read/source.js';
import { findStandards } from '../src/read/standards.js';
import { formatMessages } from '../src/diagnostics/report.js';
import { frontMatterJsonSchema } from '../src/schema/front-matter-json-schema.js';
import type { Paragraph } from '../src/model/document.js';
import { ROOT, SOURCE } from './helpers/cli.js';

const FRONT = `---
document: C17/99
date: 2017-03-31
language: en
title: A test report
meeting: { name: Council 2017, place: Geneva, start: 2017-05-15, end: 2017-05-25 }
from: note
summary: A summary.
action_required: To note.
---
`;

function read(body: string) {
  const result = readSource('test.md', new TextEncoder().encode(FRONT + body));
  return { ...result, messages: formatMessages(result.file) };
}

describe('reader', () => {
  it('numbers sections and paragraphs by their order, skipping continuations', () => {
    const { document, messages } = read('\n# One\n\nFirst.\n\n^ Goes on.\n\nSecond.\n\n# Two\n\nThird.\n');
    expect(messages).toEqual([]);
    const [one, two] = document!.sections;
    expect(one!.number).toBe('1');
    const paragraphs = one!.blocks as Paragraph[];
    expect(paragraphs.map((p) => [p.number, p.continuation])).toEqual([
      ['1.1', false],
      [undefined, true],
      ['1.2', false],
    ]);
    expect(paragraphs[1]!.children).toMatchObject([{ type: 'text', value: 'Goes on.' }]);
    expect((two!.blocks[0] as Paragraph).number).toBe('2.1');
  });

  it('renumbers the rest when a paragraph is inserted', () => {
    const before = read('\n# One\n\nA.\n\nB.\n').document!;
    const after = read('\n# One\n\nNew.\n\nA.\n\nB.\n').document!;
    const numberOf = (doc: typeof before, text: string) =>
      (doc.sections[0]!.blocks as Paragraph[]).find((p) => p.children.some((c) => c.type === 'text' && c.value === text))!.number;
    expect(numberOf(before, 'B.')).toBe('1.2');
    expect(numberOf(after, 'B.')).toBe('1.3');
  });

  it('keeps the source position of every paragraph', () => {
    const { document } = read('\n# One\n\nFirst.\n\nSecond.\n');
    const second = document!.sections[0]!.blocks[1]!;
    expect(second.position!.start).toMatchObject({ line: 16, column: 1 });
  });

  it('nests lists and keeps emphasis and links', () => {
    const { document } = read('\n# One\n\n- a *b* [c](https://www.itu.int/)\n  - d\n');
    const list = document!.sections[0]!.blocks[0]!;
    expect(list).toMatchObject({
      type: 'list',
      level: 1,
      items: [
        {
          children: [
            { type: 'text', value: 'a ' },
            { type: 'emphasis' },
            { type: 'text', value: ' ' },
            { type: 'link', url: 'https://www.itu.int/' },
          ],
          sublists: [{ level: 2, items: [{ children: [{ value: 'd' }] }] }],
        },
      ],
    });
  });

  it('turns straight quotes into curly ones and leaves curly ones alone', () => {
    const { document } = read('\n# One\n\nThe "Smart ABC" programme, Dubai’s \'journey\'.\n');
    const p = document!.sections[0]!.blocks[0] as Paragraph;
    expect(p.children).toMatchObject([{ value: 'The “Smart ABC” programme, Dubai’s ‘journey’.' }]);
  });

  it('drops links that are not http, https or mailto, with a warning at their place', () => {
    const { document, messages } = read('\n# One\n\nSee [this](javascript:alert(1)).\n');
    expect(messages).toEqual([
      'test.md:14:5: warning: link to "javascript:alert(1)" dropped, its text kept: only http, https and mailto links, and \"#label\" references, are allowed [unsafe-link]',
    ]);
    expect(JSON.stringify(document)).not.toContain('javascript');
  });

  it('reads front matter values as inline Markdown', () => {
    const { document } = read('\n# One\n\nA.\n');
    expect(document!.meta.from).toBe('note');
    expect(document!.meta.original).toBe('en');
    expect(document!.meta.summary).toMatchObject([{ type: 'text', value: 'A summary.' }]);
  });

  it('reads the C17/23 source without a message', () => {
    const { file, document } = readSource(SOURCE, readFileSync(SOURCE));
    expect(formatMessages(file)).toEqual([]);
    expect(document!.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
  });
});

describe('standards in the text', () => {
  const ids = (text: string) => findStandards(text).map((m) => [m.text, m.id, m.url]);

  it('recognises Recommendations, dual numbers, Supplements, ITU-R Recommendations and Reports', () => {
    expect(ids('ITU-T Y.4113 “Requirements”')).toEqual([['ITU-T Y.4113', 'ITU-T Y.4113', 'https://www.itu.int/rec/T-REC-Y.4113']]);
    expect(ids('(ITU-T L.1603/Y.4903) gives')).toEqual([['ITU-T L.1603/Y.4903', 'ITU-T L.1603/Y.4903', 'https://www.itu.int/rec/T-REC-L.1603']]);
    expect(ids('ITU-T Y.Supp.42 to')).toEqual([['ITU-T Y.Supp.42', 'ITU-T Y.Sup42', 'https://www.itu.int/rec/T-REC-Y.Sup42']]);
    expect(ids('Recommendation ITU-R SM.1896 provides')).toEqual([
      ['Recommendation ITU-R SM.1896', 'ITU-R SM.1896', 'https://www.itu.int/rec/R-REC-SM.1896'],
    ]);
    expect(ids('Report ITU-R M.2224 provides')).toEqual([['Report ITU-R M.2224', 'ITU-R M.2224', 'https://www.itu.int/pub/R-REP-M.2224']]);
  });

  it('does not take a series, a Resolution or a bare sector for a standard', () => {
    expect(ids('to ITU-T Y.4100 series “Use cases”')).toEqual([]);
    expect(ids('Resolution ITU-R 54-2, which')).toEqual([]);
    expect(ids('develop ITU‑R Recommendations, Reports')).toEqual([]);
  });
});

describe('front matter JSON Schema', () => {
  it('is the one generated from the validator schema (run `make schema` after changing it)', () => {
    const committed = readFileSync(`${ROOT}/source/front-matter.schema.json`, 'utf8');
    expect(committed).toBe(frontMatterJsonSchema());
  });
});
