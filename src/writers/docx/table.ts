// A table of the author's: its caption above it ("Table 1 – Title"), then a
// Word table as wide as the text, in the standards annex's type and borders,
// its header row repeated on every page and no row split across two.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import type { Alignment, Table as TableBlock, TableCell as Cell } from '../../model/document.js';
import { plainWords } from '../../model/plain-text.js';
import { tableCaption } from '../../locale/body.js';
import type { BodyContext } from './blocks.js';
import { bookmarked } from './blocks.js';
import { inlineRuns } from './inlines.js';
import { twips, type Layout } from './layout.js';
import { STYLE } from './styles.js';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

export function textWidth(layout: Layout): number {
  return twips.mm(layout.page.width_mm - 2 * layout.page.margin_mm);
}

/**
 * Column widths in twips adding up to `total`: each column's share follows the
 * length of its longest cell, so a column of numbers stays narrow and one of
 * sentences gets the room; none is narrower than `floor` (or an equal share,
 * when the floors would not fit).
 */
export function columnWidths(lengths: readonly number[], total: number, floor: number): number[] {
  const n = lengths.length;
  const min = Math.min(floor, Math.floor(total / n));
  const fixed = new Set<number>();
  let widths: number[] = [];
  // Columns held at the floor leave the rest to share out again among the others.
  for (;;) {
    const free = lengths.map((_, i) => i).filter((i) => !fixed.has(i));
    const room = total - fixed.size * min;
    const weight = free.reduce((sum, i) => sum + Math.max(lengths[i]!, 1), 0);
    widths = lengths.map((length, i) => (fixed.has(i) ? min : Math.floor((room * Math.max(length, 1)) / weight)));
    const narrow = free.filter((i) => widths[i]! < min);
    if (narrow.length === 0) break;
    for (const i of narrow) fixed.add(i);
  }
  // What rounding left over goes to the widest column, so the table is exactly as wide as the text.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function tableChildren(table: TableBlock, context: BodyContext): FileChild[] {
  const { layout } = context;
  const columns = table.align.length;
  const lengths = Array.from({ length: columns }, (_, i) =>
    Math.max(...[table.head, ...table.rows].map((row) => (row[i] ? plainWords(row[i].children).length : 0))),
  );
  const widths = columnWidths(lengths, textWidth(layout), twips.mm(layout.tables.min_column_mm));
  const padding = twips.mm(layout.annex.cell_padding_mm);
  const line = { style: BorderStyle.SINGLE, size: Math.round(layout.annex.border_pt * 8), color: '000000' };
  const cell = (content: Cell | undefined, i: number, style: string) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: padding, bottom: padding, left: padding, right: padding },
      children: [new Paragraph({ style, alignment: align(table.align[i]), children: content ? inlineRuns(content.children, context.inline) : [] })],
    });
  const row = (cells: readonly Cell[], style: string, head: boolean) =>
    new TableRow({
      // Word repeats a header row only when it is the table's first; docx writes `false` as an explicit "off".
      ...(head ? { tableHeader: true } : {}),
      cantSplit: true,
      children: Array.from({ length: columns }, (_, i) => cell(cells[i], i, style)),
    });
  const children: FileChild[] = [];
  if (table.title) {
    const words = tableCaption(table.number, context.locale);
    const runs = [...textRuns(words.before), ...inlineRuns(table.title, context.inline), ...textRuns(words.after)];
    children.push(new Paragraph({ style: STYLE.tableTitle, children: bookmarked(table.id, runs) }));
  }
  children.push(
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [row(table.head, STYLE.tableHead, true), ...table.rows.map((cells) => row(cells, STYLE.tableText, false))],
    }),
  );
  return children;
}

/** Locale words around a caption's author's words; none for an empty side. */
export function textRuns(text: string): TextRun[] {
  return text === '' ? [] : [new TextRun(text)];
}

function align(alignment: Alignment | undefined) {
  return alignment ? ALIGN[alignment] : undefined;
}
