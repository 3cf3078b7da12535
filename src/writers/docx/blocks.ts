// Sections, annexes and their blocks → paragraphs and tables. Numbers and
// bullets are typed into the text, followed by a tab, as ITU documents have
// them: they survive copy and paste, and paragraphs are cited by them ("see
// 1.7"). Word's own list numbering would renumber them on every edit, which
// only the marked version of a revision wants (see numbering.ts).
import { Paragraph, Tab, type FileChild, type IParagraphOptions } from 'docx';
import type { Annex, Block, BulletList, Change, Event, Heading, Inline, ListItem, Section } from '../../model/document.js';
import { annexLabel } from '../../locale/body.js';
import { eventItemText } from '../../locale/events.js';
import type { LocaleData } from '../../locale/locale.js';
import { figureParagraphs } from './figure.js';
import { bookmarked, inlineRuns, type InlineContext } from './inlines.js';
import type { Layout } from './layout.js';
import type { WordList } from './numbering.js';
import { LIST_LEVELS, numberHang, STYLE } from './styles.js';
import { tableChildren } from './table.js';
import { trackedParagraph, trackedRun } from './tracked.js';

/** What the walk over the body needs besides the blocks. */
export interface BodyContext {
  layout: Layout;
  locale: LocaleData;
  /** The document's events, where an item that lists one finds its words. */
  events: readonly Event[];
  inline: InlineContext;
  /** In the marked version of a revision: the Word list that numbers this section or annex. */
  list?: WordList;
}

/**
 * A number or bullet and the tab after it, which takes the text to its indent. A paragraph added
 * or taken away whole takes its number with it; a kept one prints its number unmarked, since a
 * number that changed only by renumbering is no change of the text.
 */
function marker(text: string, change: Change | undefined, context: BodyContext) {
  return trackedRun({ children: [text, new Tab()] }, change, context.inline.tracker);
}

/**
 * A number: typed before the runs, or, in a Word list, counted by Word at `level` (0 for a
 * section's heading), the list printing the tab after it.
 */
function numbered(
  number: string,
  level: number,
  change: Change | undefined,
  context: BodyContext,
): { runs: ReturnType<typeof marker>[]; numbering?: IParagraphOptions['numbering'] } {
  const { list } = context;
  return list ? { runs: [], numbering: { ...list, level } } : { runs: [marker(number, change, context)] };
}

function itemRuns(item: ListItem, context: BodyContext) {
  const event = item.event?.event;
  // An item that lists an event takes its words from the event's data, as the calendar does.
  return event
    ? [trackedRun({ text: eventItemText(event, context.events, context.locale) }, item.change, context.inline.tracker)]
    : inlineRuns(item.children, context.inline);
}

/** A paragraph of a piece added or taken away whole: its paragraph mark goes with it. */
function paragraph(
  options: Parameters<typeof trackedParagraph>[0],
  change: Change | undefined,
  context: BodyContext,
  words?: readonly Inline[],
): Paragraph {
  return trackedParagraph(options, change, context.inline.tracker, words);
}

function listParagraphs(list: BulletList, context: BodyContext): Paragraph[] {
  const { layout } = context;
  const level = Math.min(list.level, LIST_LEVELS);
  const bullet = layout.bullets[Math.min(list.level, layout.bullets.length) - 1]!;
  return list.items.flatMap((item) => [
    paragraph(
      { style: STYLE.enumlev(level), children: [marker(bullet, item.change, context), ...itemRuns(item, context)] },
      item.change,
      context,
      item.event ? undefined : item.children,
    ),
    ...item.sublists.flatMap((sublist) => listParagraphs(sublist, context)),
  ]);
}

function headingParagraph(heading: Heading, context: BodyContext): Paragraph {
  return paragraph(
    {
      style: heading.level === 2 ? STYLE.heading2 : STYLE.heading3,
      children: bookmarked(heading.id, inlineRuns(heading.children, context.inline), context.inline),
    },
    heading.change,
    context,
    heading.children,
  );
}

/**
 * `sectionParts` is 1 in a section, whose number comes first in its
 * paragraphs' (2.3), and 0 in an annex (3, 3.1).
 */
function blockChildren(block: Block, context: BodyContext, sectionParts: number): FileChild[] {
  switch (block.type) {
    case 'paragraph': {
      const hang = numberHang(context.layout, block.level + sectionParts);
      const runs = inlineRuns(block.children, context.inline);
      if (block.number === undefined) return [paragraph({ indent: { left: hang }, children: runs }, block.change, context, block.children)];
      const number = numbered(block.number, block.level + sectionParts - 1, block.change, context);
      const withNumber = [...number.runs, ...runs];
      const children = block.id ? bookmarked(block.id, withNumber, context.inline) : withNumber;
      return [paragraph({ indent: { left: hang, hanging: hang }, numbering: number.numbering, children }, block.change, context, block.children)];
    }
    case 'list':
      return listParagraphs(block, context);
    case 'heading':
      return [headingParagraph(block, context)];
    case 'table':
      return tableChildren(block, context);
    case 'figure':
      return figureParagraphs(block, context);
    default: {
      const unhandled: never = block;
      throw new Error(`DOCX writer: no rule for block ${(unhandled as Block).type}`);
    }
  }
}

export function sectionParagraphs(section: Section, context: BodyContext): FileChild[] {
  const number = numbered(`${section.number}.`, 0, section.change, context);
  return [
    paragraph(
      {
        style: STYLE.heading1,
        numbering: number.numbering,
        children: bookmarked(section.id, [...number.runs, ...inlineRuns(section.title, context.inline)], context.inline),
      },
      section.change,
      context,
      section.title,
    ),
    ...section.blocks.flatMap((block) => blockChildren(block, context, 1)),
  ];
}

/** An annex of the author's: a new page, the centred label and title, its blocks numbered from 1. */
export function annexParagraphs(annex: Annex, context: BodyContext): FileChild[] {
  return [
    paragraph(
      {
        style: STYLE.annexNo,
        pageBreakBefore: true,
        children: bookmarked(annex.id, [trackedRun({ text: annexLabel(annex.number, context.locale) }, annex.change, context.inline.tracker)], context.inline),
      },
      annex.change,
      context,
    ),
    paragraph({ style: STYLE.annexTitle, children: inlineRuns(annex.title, context.inline) }, annex.change, context, annex.title),
    ...annex.blocks.flatMap((block) => blockChildren(block, context, 0)),
  ];
}
