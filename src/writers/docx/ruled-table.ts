// A table of ruled cells as the tables of a Council document have them: as wide
// as its columns, fixed column widths, a thin line around every cell, right to
// left in a right-to-left document. The standards annex, the author's tables and
// a summary record's subjects are all drawn so.
import { BorderStyle, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Layout } from './layout.js';
import { tableDirection } from './styles.js';

export function ruledTable(widths: number[], rows: TableRow[], layout: Layout, rtl: boolean): Table {
  const line = { style: BorderStyle.SINGLE, size: Math.round(layout.annex.border_pt * 8), color: '000000' };
  return new Table({
    ...tableDirection(rtl),
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows,
  });
}
