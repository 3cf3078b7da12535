// Sections and their blocks → paragraphs. Numbers and bullets are typed into
// the text, followed by a tab, as ITU documents have them: they survive copy
// and paste, and paragraphs are cited by them ("see 1.7"). Word's own list
// numbering would renumber them on every edit.
import { Paragraph, Tab, TextRun, type FileChild } from 'docx';
import type { Block, BulletList, Event, ListItem, Section } from '../../model/document.js';
import { eventItemText } from '../../locale/events.js';
import type { LocaleData } from '../../locale/locale.js';
import { inlineRuns } from './inlines.js';
import type { Layout } from './layout.js';
import { LIST_LEVELS, STYLE, textIndent } from './styles.js';

/** What the walk over the body needs besides the blocks. */
export interface BodyContext {
  layout: Layout;
  locale: LocaleData;
  /** The document's events, where an item that lists one finds its words. */
  events: readonly Event[];
}

/** A number or bullet and the tab after it, which takes the text to its indent. */
function marker(text: string): TextRun {
  return new TextRun({ children: [text, new Tab()] });
}

function itemRuns(item: ListItem, context: BodyContext) {
  const event = item.event?.event;
  // An item that lists an event takes its words from the event's data, as the calendar does.
  return event ? [new TextRun(eventItemText(event, context.events, context.locale))] : inlineRuns(item.children);
}

function listParagraphs(list: BulletList, context: BodyContext): Paragraph[] {
  const { layout } = context;
  const level = Math.min(list.level, LIST_LEVELS);
  const bullet = layout.bullets[Math.min(list.level, layout.bullets.length) - 1]!;
  return list.items.flatMap((item) => [
    new Paragraph({ style: STYLE.enumlev(level), children: [marker(bullet), ...itemRuns(item, context)] }),
    ...item.sublists.flatMap((sublist) => listParagraphs(sublist, context)),
  ]);
}

function blockParagraphs(block: Block, context: BodyContext): Paragraph[] {
  switch (block.type) {
    case 'paragraph': {
      const hang = textIndent(context.layout);
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
      return listParagraphs(block, context);
    default: {
      const unhandled: never = block;
      throw new Error(`DOCX writer: no rule for block ${(unhandled as Block).type}`);
    }
  }
}

export function sectionParagraphs(section: Section, context: BodyContext): FileChild[] {
  return [
    new Paragraph({ style: STYLE.heading1, children: [marker(`${section.number}.`), ...inlineRuns(section.title)] }),
    ...section.blocks.flatMap((block) => blockParagraphs(block, context)),
  ];
}
