// The standards annex: a new page, the centred label and title, and a table of
// identifier, title, status and link, its header row repeated on every page.
import { Paragraph, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import type { AnnexView } from '../../locale/annex.js';
import { inlineRuns, unbroken } from './inlines.js';
import { twips, type Layout } from './layout.js';
import { ruledTable } from './ruled-table.js';
import { STYLE } from './styles.js';

export function annexChildren(annex: AnnexView | undefined, layout: Layout, rtl = false): FileChild[] {
  if (!annex) return [];
  const widths = layout.annex.columns_mm.map(twips.mm);
  const padding = twips.mm(layout.annex.cell_padding_mm);
  const cell = (children: Paragraph[], i: number) =>
    new TableCell({
      children,
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: padding, bottom: padding, left: padding, right: padding },
    });
  const cells = (row: Paragraph[]) => row.map((paragraph, i) => cell([paragraph], i));
  const head = [annex.columns.identifier, annex.columns.title, annex.columns.status, annex.columns.link].map(
    (words) => new Paragraph({ style: STYLE.tableHead, children: [new TextRun(words)] }),
  );
  const rows = annex.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: cells([
          new Paragraph({ style: STYLE.tableText, children: [new TextRun({ children: unbroken(row.id) })] }),
          new Paragraph({ style: STYLE.tableText, children: [new TextRun(row.title)] }),
          new Paragraph({ style: STYLE.tableText, children: [new TextRun(row.status)] }),
          // A draft's row has no page to link: its cell is left empty.
          new Paragraph({
            style: STYLE.tableText,
            children: row.url === undefined ? [] : inlineRuns([{ type: 'link', url: row.url, children: [{ type: 'text', value: row.urlText }] }]),
          }),
        ]),
      }),
  );
  return [
    new Paragraph({ style: STYLE.annexNo, pageBreakBefore: true, children: [new TextRun(annex.label)] }),
    new Paragraph({ style: STYLE.annexTitle, children: [new TextRun(annex.title)] }),
    ruledTable(widths, [new TableRow({ tableHeader: true, cantSplit: true, children: cells(head) }), ...rows], layout, rtl),
  ];
}
