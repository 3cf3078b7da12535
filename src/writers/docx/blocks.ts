// Sections and their blocks → paragraphs. Numbers and bullets are typed into
// the text, followed by a tab, as ITU documents have them: they survive copy
// and paste, and paragraphs are cited by them ("see 1.7"). Word's own list
// numbering would renumber them on every edit.
import { Paragraph, Tab, TextRun, type FileChild } from 'docx';
import type { Block, BulletList, Section } from '../../model/document.js';
import { inlineRuns } from './inlines.js';
import type { Layout } from './layout.js';
import { LIST_LEVELS, STYLE, textIndent } from './styles.js';

/** A number or bullet and the tab after it, which takes the text to its indent. */
function marker(text: string): TextRun {
  return new TextRun({ children: [text, new Tab()] });
}

function listParagraphs(list: BulletList, layout: Layout): Paragraph[] {
  const level = Math.min(list.level, LIST_LEVELS);
  const bullet = layout.bullets[Math.min(list.level, layout.bullets.length) - 1]!;
  return list.items.flatMap((item) => [
    new Paragraph({ style: STYLE.enumlev(level), children: [marker(bullet), ...inlineRuns(item.children)] }),
    ...item.sublists.flatMap((sublist) => listParagraphs(sublist, layout)),
  ]);
}

function blockParagraphs(block: Block, layout: Layout): Paragraph[] {
  switch (block.type) {
    case 'paragraph': {
      const hang = textIndent(layout);
      if (block.number === undefined) {
        return [new Paragraph({ indent: { left: hang }, children: inlineRuns(block.children) })];
      }
      return [
        new Paragraph({
          indent: { left: hang, hanging: hang },
          children: [marker(block.number), ...inlineRuns(block.children)],
        }),
      ];
    }
    case 'list':
      return listParagraphs(block, layout);
    default: {
      const unhandled: never = block;
      throw new Error(`DOCX writer: no rule for block ${(unhandled as Block).type}`);
    }
  }
}

export function sectionParagraphs(section: Section, layout: Layout): FileChild[] {
  return [
    new Paragraph({ style: STYLE.heading1, children: [marker(`${section.number}.`), ...inlineRuns(section.title)] }),
    ...section.blocks.flatMap((block) => blockParagraphs(block, layout)),
  ];
}
