// Word's own list numbering, for the marked version of a revision only. Its numbers are typed in
// the clean DOCX (see blocks.ts); typed, they are the revision's, so that rejecting every change
// left the issued words under the revision's numbers (2.2 where the issue had 2.1). Counted by
// Word, the numbers follow whatever is accepted or rejected: a paragraph inserted or deleted whole
// takes its paragraph mark, so its number comes and goes with it, and no number is a change.
import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';
import type { CouncilDocument } from '../../model/document.js';
import { blocks } from '../../model/walk.js';
import type { Layout } from './layout.js';
import { numberHang } from './styles.js';

const SECTIONS = 'section-numbers';
const ANNEX = 'annex-paragraph-numbers';

/** Word has nine list levels. */
const LEVELS = 9;

/**
 * Where a body's numbers are counted: one of the lists below and its instance. `custom`, for docx
 * not to make a numbered paragraph Word's List Paragraph: it stays Normal, as in the clean DOCX.
 */
export interface WordList {
  reference: string;
  instance: number;
  custom: true;
}

/**
 * The two lists, printed as the clean DOCX types them: a section's "2." (level 0) and its
 * paragraphs' "2.1", "2.1.1" (levels 1, 2, ...); an annex's paragraphs "1", "1.1" (levels 0,
 * 1, ...). The number hangs in the indent the paragraph's own properties give it, a tab after it.
 */
export function numberingOptions(layout: Layout): INumberingOptions {
  const levels = (text: (level: number) => string) =>
    Array.from({ length: LEVELS }, (_, level) => {
      const hang = numberHang(layout, level + 1);
      return {
        level,
        format: LevelFormat.DECIMAL,
        text: text(level),
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: hang, hanging: hang } } },
      };
    });
  const parts = (level: number) => Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join('.');
  return {
    config: [
      { reference: SECTIONS, levels: levels((level) => (level === 0 ? '%1.' : parts(level))) },
      { reference: ANNEX, levels: levels(parts) },
    ],
  };
}

/**
 * The lists of a marked version: the sections are one list, numbered on through the document; each
 * annex's paragraphs are one of their own, from 1. Undefined for a document that is no marked
 * version, whose numbers stay typed, and for one where a paragraph the revision kept is at another
 * level than issued (2.3.1 made 2.4): Word records that as a change of the paragraph's properties
 * (w:pPrChange), from which LibreOffice (7.4) restores the list but not its level, so rejecting it
 * would print 3. for 2.3.1. Such a revision's numbers are typed, the revision's, as before.
 */
export function wordLists(document: CouncilDocument): { sections: WordList; annex: (index: number) => WordList } | undefined {
  if (!document.changes) return undefined;
  if (blocks(document).some((block) => block.type === 'paragraph' && block.issuedLevel !== undefined)) return undefined;
  return {
    sections: { reference: SECTIONS, instance: 0, custom: true },
    annex: (index) => ({ reference: ANNEX, instance: index, custom: true }),
  };
}
