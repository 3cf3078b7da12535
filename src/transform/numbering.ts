// Numbers are derived from order alone, so an inserted or removed paragraph,
// table, figure or annex renumbers everything after it, and every reference
// to it (see references.ts) prints the new number.
import type { Annex, Block, Section } from '../model/document.js';
import type { Walkable } from '../model/walk.js';

/**
 * Paragraph numbers of one section or annex: "2.1", "2.1.1", ... under section 2,
 * "1", "1.1", ... in an annex. A continuation takes the level of the paragraph it continues.
 */
function numberParagraphs(body: Section | Annex, prefix: string[], idOf: (number: string) => string): void {
  const counters: number[] = [];
  let level = 1;
  for (const block of body.blocks) {
    if (block.type !== 'paragraph') continue;
    if (block.continuation) {
      block.number = undefined;
      block.level = level;
      continue;
    }
    level = block.level;
    // A level asked for below one never opened (2.3 then #.#.#.#) counts from 1; the validator says so.
    counters.length = Math.max(counters.length, level);
    for (let i = 0; i < level - 1; i++) counters[i] ??= 0;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    counters.length = level;
    block.number = [...prefix, ...counters.map((n) => String(n || 1))].join('.');
    block.id = idOf(block.number);
  }
}

export function numberBody(document: Pick<Walkable, 'sections' | 'annexes'>): void {
  document.sections.forEach((section, s) => {
    section.number = String(s + 1);
    section.id = `section-${s + 1}`;
    numberParagraphs(section, [section.number], (number) => `para-${number}`);
  });
  document.annexes.forEach((annex, a) => {
    annex.id = `annex-${a + 1}`;
    numberParagraphs(annex, [], (number) => `${annex.id}-para-${number}`);
  });
  let headings = 0;
  let tables = 0;
  let figures = 0;
  const all: Block[] = [...document.sections, ...document.annexes].flatMap((body) => body.blocks);
  for (const block of all) {
    if (block.type === 'heading') block.id = `heading-${++headings}`;
    // Only a table with a title gets a number: one without is laid out, not cited.
    else if (block.type === 'table' && block.title) block.id = `table-${(block.number = ++tables)}`;
    else if (block.type === 'figure') block.id = `figure-${(block.number = ++figures)}`;
  }
}

/**
 * Annex numbers, once it is known whether the standards annex follows them:
 * ANNEX 1, ANNEX 2, ...; a document with one annex in all prints "ANNEX" alone.
 */
export function numberAnnexes(annexes: Annex[], standardsAnnex: boolean): void {
  const single = annexes.length + (standardsAnnex ? 1 : 0) === 1;
  annexes.forEach((annex, a) => (annex.number = single ? '' : String(a + 1)));
}
