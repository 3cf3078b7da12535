// The marked version of a revision (transform/changes.ts): the revision's model with the words and
// pieces it changed in the issued version marked, read from two sources as the tool reads them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, CouncilDocument, Inline, Paragraph, Table } from '../src/model/document.js';
import { readSource } from '../src/read/source.js';
import { markChanges } from '../src/transform/changes.js';
import { checkSources } from '../src/pipeline.js';
import { ROOT, runCli, scratch } from './helpers/cli.js';

const FRONT = `document: C19/40
date: 2019-05-20
title: Report on the use of the ITU conference rooms in 2018
meeting:
  name: Council 2019
  place: Geneva
  start: 2019-06-10
  end: 2019-06-20
from: report
summary: The report gives the use of the conference rooms in 2018.
action_required: The Council is invited to **note** the report.
`;

const folder = scratch();

function read(body: string, language = 'en'): CouncilDocument {
  const path = join(folder, 'C19-40.md');
  const { document, file } = readSource(path, Buffer.from(`---\n${FRONT}language: ${language}\n---\n\n${body}`));
  expect(file.messages.filter((m) => m.fatal).map((m) => m.reason)).toEqual([]);
  return document!;
}

const ABOUT = { base: 'C19/40-E', author: 'ITU General Secretariat', date: '2019-06-01T00:00:00Z' };

function mark(before: string, after: string, language = 'en'): CouncilDocument {
  return markChanges(read(before, language), read(after, language), ABOUT);
}

/** Inlines as text, with `[-deleted-]` and `{+inserted+}` words and a reference by its label. */
function shown(nodes: readonly Inline[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'ins':
          return `{+${shown(node.children)}+}`;
        case 'del':
          return `[-${shown(node.children)}-]`;
        case 'standard':
          return node.text;
        case 'footnote-ref':
          return `[^${node.id}]`;
        case 'break':
          return '\n';
        case 'xref':
          return node.children.length === 0 ? `<${node.label}>` : shown(node.children);
        default:
          return shown(node.children);
      }
    })
    .join('')
    .replace(/\s+/g, ' ');
}

const paragraphs = (document: CouncilDocument, section = 0) =>
  document.sections[section]!.blocks.filter((b): b is Paragraph => b.type === 'paragraph');

const THREE = `# Use of the rooms

The rooms were booked on 212 days in 2018.

Most bookings were for meetings of study groups. Some were for workshops.

The Popov room was closed for repairs in August.
`;

describe('markChanges', () => {
  it('marks a word changed in place, and says whose change it is and of when', () => {
    const marked = mark(THREE, THREE.replace('212 days', '218 days'));
    expect(paragraphs(marked).map((p) => [p.number, p.change, shown(p.children)])).toEqual([
      ['1.1', undefined, 'The rooms were booked on [-212-]{+218+} days in 2018.'],
      ['1.2', undefined, 'Most bookings were for meetings of study groups. Some were for workshops.'],
      ['1.3', undefined, 'The Popov room was closed for repairs in August.'],
    ]);
    expect(marked.changes).toEqual({ ...ABOUT, pieces: [{ kind: 'paragraph', number: '1.1', change: 'changed' }] });
  });

  it('marks a deleted sentence, and leaves the unchanged words as they were', () => {
    const marked = mark(THREE, THREE.replace(' Some were for workshops.', ''));
    const second = paragraphs(marked)[1]!;
    expect(shown(second.children)).toBe('Most bookings were for meetings of study groups.[- Some were for workshops.-]');
    expect(second.children[0]).toEqual(expect.objectContaining({ type: 'text', value: 'Most bookings were for meetings of study groups.' }));
  });

  it('marks a paragraph inserted before others as new, and the ones it renumbered as unchanged', () => {
    const marked = mark(THREE, THREE.replace('# Use of the rooms\n\n', '# Use of the rooms\n\nThe Council asked for this report at its 2018 session.\n\n'));
    expect(paragraphs(marked).map((p) => [p.number, p.change ?? null, shown(p.children)])).toEqual([
      ['1.1', 'inserted', '{+The Council asked for this report at its 2018 session.+}'],
      ['1.2', null, 'The rooms were booked on 212 days in 2018.'],
      ['1.3', null, 'Most bookings were for meetings of study groups. Some were for workshops.'],
      ['1.4', null, 'The Popov room was closed for repairs in August.'],
    ]);
    expect(marked.changes!.pieces).toEqual([{ kind: 'paragraph', number: '1.1', change: 'inserted' }]);
  });

  it('keeps a deleted paragraph, marked, under its issued number and an anchor of its own', () => {
    const marked = mark(THREE, THREE.replace('Most bookings were for meetings of study groups. Some were for workshops.\n\n', ''));
    const all = paragraphs(marked);
    expect(all.map((p) => [p.number, p.change ?? null, p.id])).toEqual([
      ['1.1', null, 'para-1.1'],
      ['1.2', 'deleted', 'deleted-para-1.2'],
      ['1.2', null, 'para-1.2'],
    ]);
    expect(shown(all[1]!.children)).toBe('[-Most bookings were for meetings of study groups. Some were for workshops.-]');
    expect(marked.changes!.pieces).toEqual([{ kind: 'paragraph', number: '1.2', change: 'deleted' }]);
  });

  it('does not take a reference whose number changed by renumbering for a change', () => {
    const before = `${THREE}\nSee [](#popov) for the repairs.\n`.replace('August.', 'August. {#popov}');
    const after = before.replace('# Use of the rooms\n\n', '# Use of the rooms\n\nA new paragraph comes first.\n\n');
    const marked = mark(before, after);
    const last = paragraphs(marked).at(-1)!;
    expect(last.change).toBeUndefined();
    expect(shown(last.children)).toBe('See <popov> for the repairs.');
    expect(marked.changes!.pieces).toEqual([{ kind: 'paragraph', number: '1.1', change: 'inserted' }]);
  });

  it('marks a changed cell, and a row inserted, in a table', () => {
    const table = `${THREE}
Table: Days booked by room
| Room | Days |
|:-----|-----:|
| Popov | 140 |
| Tower | 96 |
`;
    const marked = mark(table, table.replace('| Tower | 96 |', '| Tower | 98 |\n| Montbrillant | 41 |'));
    const found = marked.sections[0]!.blocks.find((b: Block): b is Table => b.type === 'table')!;
    expect(found.rows.map((row) => row.map((c) => shown(c.children)))).toEqual([
      ['Popov', '140'],
      ['Tower', '[-96-]{+98+}'],
      ['{+Montbrillant+}', '{+41+}'],
    ]);
    expect(found.rowChanges).toEqual([undefined, undefined, 'inserted']);
    // Counted to the numbered paragraph the table follows.
    expect(marked.changes!.pieces).toEqual([{ kind: 'paragraph', number: '1.3', change: 'changed' }]);
  });

  it('marks a list item inserted and a footnote changed', () => {
    const before = `${THREE}\n- Study groups[^sg]\n- Workshops\n\n[^sg]: Of the three Sectors.\n`;
    const after = before.replace('- Workshops\n', '- Workshops\n- Receptions\n').replace('Of the three Sectors.', 'Of the three Sectors and the Council.');
    const marked = mark(before, after);
    const list = marked.sections[0]!.blocks.find((b) => b.type === 'list')!;
    expect(list.type === 'list' && list.items.map((i) => [i.change ?? null, shown(i.children)])).toEqual([
      [null, 'Study groups[^sg]'],
      [null, 'Workshops'],
      ['inserted', '{+Receptions+}'],
    ]);
    expect(shown(marked.footnotes[0]!.paragraphs[0]!)).toBe('Of the three Sectors{+ and the Council+}.');
    expect(marked.changes!.pieces).toEqual([
      { kind: 'paragraph', number: '1.3', change: 'changed' },
      { kind: 'note', number: '1', change: 'changed' },
    ]);
  });

  it('compares Chinese word by word, not sentence by sentence', () => {
    const before = '# 会议室的使用\n\n2018年会议室共预订了212天，主要用于研究组会议。\n';
    const marked = mark(before, before.replace('主要用于', '多数用于'), 'zh');
    const text = shown(paragraphs(marked)[0]!.children);
    // One word of a sentence without spaces: the language's word breaker finds it.
    expect(text).toBe('2018年会议室共预订了212天，[-主要-]{+多数+}用于研究组会议。');
  });
});

describe('a revision checked against its issued base', () => {
  it('is marked by the author its front matter names, dated by the revision, against the base as printed', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'source'));
    const path = join(dir, 'source', 'C19-40.md');
    const text = `---\n${FRONT}language: en\n---\n\n${THREE}`;
    writeFileSync(path, text);
    expect(runCli(['issue', path]).status).toBe(0);
    writeFileSync(
      path,
      text.replace('from: report\n', 'from: report\nrevision: 1\ndate: 2019-06-03\nchanges_author: Conferences and Publications Department\n')
        .replace('date: 2019-05-20\n', '')
        .replace('212 days', '218 days'),
    );
    const [checked] = await checkSources([path], join(ROOT, 'templates'));
    expect(checked!.file.messages).toEqual([]);
    expect(checked!.marked!.changes).toEqual({
      base: 'C19/40-E',
      author: 'Conferences and Publications Department',
      date: '2019-06-03T00:00:00Z',
      pieces: [{ kind: 'paragraph', number: '1.1', change: 'changed' }],
    });
    // Without a name of its own, the locale's.
    writeFileSync(path, readFileSync(path, 'utf8').replace('changes_author: Conferences and Publications Department\n', ''));
    const [plain] = await checkSources([path], join(ROOT, 'templates'));
    expect(plain!.marked!.changes!.author).toBe('ITU General Secretariat');
  });
});

