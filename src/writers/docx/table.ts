// A table of the author's: its caption above it ("Table 1 – Title"), then a
// Word table as wide as the text, in the standards annex's type and borders,
// its header row repeated on every page and no row split across two.
import { AlignmentType, Paragraph, TableCell, TableRow, WidthType, type FileChild, type ParagraphChild } from 'docx';
import type { Alignment, Change, Inline, Table as TableBlock, TableCell as Cell } from '../../model/document.js';
import { referenceText, tableCaption } from '../../locale/body.js';
import { plainWords } from '../../model/plain-text.js';
import type { LocaleData } from '../../locale/locale.js';
import type { BodyContext } from './blocks.js';
import { bookmarked, inlineRuns } from './inlines.js';
import { twips, type Layout } from './layout.js';
import { ruledTable } from './ruled-table.js';
import { STYLE } from './styles.js';
import { revisionMark, trackedParagraph, trackedRun, type Tracker } from './tracked.js';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/** In a right-to-left document a column aligned "left" is at the start of its line, and "right" at its end, as in the HTML. */
const ALIGN_RTL = {
  left: AlignmentType.START,
  center: AlignmentType.CENTER,
  right: AlignmentType.END,
} as const;

export function textWidth(layout: Layout): number {
  return twips.mm(layout.page.width_mm - 2 * layout.page.margin_mm);
}

/** A cell's words as printed, to measure them. */
function cellWords(nodes: readonly Inline[], locale: LocaleData): string {
  return plainWords(nodes, {
    reference: (node) => (node.target ? referenceText(node.target, locale) : ''),
    note: (node) => (node.footnote ? String(node.footnote.number) : ''),
  });
}

/** How long a column's cells are, in characters: its longest word, and its longest cell on one line. */
export interface ColumnText {
  word: number;
  line: number;
}

/**
 * Column widths in twips adding up to `total`, as a browser lays out a table
 * of automatic layout: each column first gets room for its longest word (so
 * no word breaks in the middle: "Participant/s"), at least `floor`; the rest
 * of the width goes to the columns whose cells would still wrap, in
 * proportion to how much more they need to fit on one line. `char` is the
 * width of a character, `padding` a cell's two margins.
 */
export function columnWidths(columns: readonly ColumnText[], total: number, floor: number, char: number, padding: number): number[] {
  const least = columns.map((c) => Math.max(floor, Math.ceil(c.word * char) + padding));
  const wanted = columns.map((c, i) => Math.max(least[i]!, Math.ceil(c.line * char) + padding));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(least) >= total) {
    // Too many columns for the page: some words must break; each column keeps its share.
    widths = least.map((w) => Math.floor((total * w) / sum(least)));
  } else {
    const room = total - sum(least);
    const more = wanted.map((w, i) => w - least[i]!);
    // Every cell fits on one line: the columns share the rest as they share the width.
    const weights = sum(more) > room ? more : wanted;
    widths = least.map((w, i) => w + Math.floor((room * weights[i]!) / sum(weights)));
  }
  // What rounding left over goes to the widest column, so the table is exactly as wide as the text.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest]! += total - sum(widths);
  return widths;
}

export function tableChildren(table: TableBlock, context: BodyContext): FileChild[] {
  const { layout } = context;
  const rtl = context.locale.direction === 'rtl';
  const columns = table.align.length;
  const text = Array.from({ length: columns }, (_, i): ColumnText => {
    const cells = [table.head, ...table.rows].map((row) => (row[i] ? cellWords(row[i].children, context.locale) : ''));
    return {
      word: Math.max(...cells.flatMap((cell) => cell.split(/\s+/).map((word) => word.length))),
      line: Math.max(...cells.map((cell) => cell.length)),
    };
  });
  const padding = twips.mm(layout.annex.cell_padding_mm);
  const char = layout.annex.size_pt * layout.tables.char_em * 20;
  const widths = columnWidths(text, textWidth(layout), twips.mm(layout.tables.min_column_mm), char, 2 * padding);
  const cell = (content: Cell | undefined, i: number, style: string) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: padding, bottom: padding, left: padding, right: padding },
      children: [new Paragraph({ style, alignment: align(table.align[i], rtl), children: content ? inlineRuns(content.children, context.inline) : [] })],
    });
  // A row added or taken away is marked as one, its words too; the paragraph mark that ends a cell cannot be.
  const tracker = context.inline.tracker;
  const row = (cells: readonly Cell[], style: string, head: boolean, change: Change | undefined) =>
    new TableRow({
      // Word repeats a header row only when it is the table's first; docx writes `false` as an explicit "off".
      ...(head ? { tableHeader: true } : {}),
      cantSplit: true,
      ...revisionMark(change, tracker),
      children: Array.from({ length: columns }, (_, i) => cell(cells[i], i, style)),
    });
  const children: FileChild[] = [];
  if (table.title) {
    const words = tableCaption(table.number, context.locale);
    const runs = [
      ...textRuns(words.before, table.change, tracker),
      ...inlineRuns(table.title, context.inline),
      ...textRuns(words.after, table.change, tracker),
    ];
    const ending = words.after === '' ? table.title : undefined;
    children.push(trackedParagraph({ style: STYLE.tableTitle, children: bookmarked(table.id, runs, context.inline) }, table.change, tracker, ending));
  }
  const rows = table.rows.map((cells, r) => row(cells, STYLE.tableText, false, table.rowChanges?.[r] ?? table.change));
  children.push(ruledTable(widths, [row(table.head, STYLE.tableHead, true, table.change), ...rows], context.layout, rtl));
  return children;
}

/** Locale words around a caption's author's words; none for an empty side. Added or taken away with their caption. */
export function textRuns(text: string, change?: Change, tracker?: Tracker): ParagraphChild[] {
  return text === '' ? [] : [trackedRun({ text }, change, tracker)];
}

function align(alignment: Alignment | undefined, rtl: boolean) {
  return alignment ? (rtl ? ALIGN_RTL : ALIGN)[alignment] : undefined;
}
