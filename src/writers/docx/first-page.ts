// Page 1 of a Council document: the header table (meeting | logo; agenda item
// | document number, date, original language), the from-line, the title and
// the framed box with the summary, the action required and the references.
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IImageOptions,
  type ITableBordersOptions,
} from 'docx';
import { basename } from 'node:path';
import type { CouncilDocument } from '../../model/document.js';
import type { DocumentLabels } from '../../locale/labels.js';
import type { RecordView } from '../../locale/record.js';
import type { Logo, Settings } from '../../templates/settings.js';
import { inlineRuns, type InlineContext } from './inlines.js';
import { halfPoints, twips, type Layout } from './layout.js';
import { ruledTable } from './ruled-table.js';
import { STYLE, tableDirection } from './styles.js';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS: ITableBordersOptions = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/** Pixels at 96 to the inch, as docx sizes images. */
const pixels = (mm: number) => Math.round((mm / 25.4) * 96);

export class LogoError extends Error {}

function raster(logo: Logo): { type: 'png' | 'jpg'; data: Uint8Array } | undefined {
  if (logo.mime === 'image/png') return { type: 'png', data: logo.bytes };
  if (logo.mime === 'image/jpeg') return { type: 'jpg', data: logo.bytes };
  return undefined;
}

/** The logo as Word takes it: a raster image, or an SVG with its raster copy for programs that cannot draw SVG. */
function logoImage(settings: Settings, layout: Layout, altText: string): ImageRun {
  const size = { width: pixels(layout.first_page.logo_width_mm), height: pixels(layout.first_page.logo_height_mm) };
  // The drawing is named after its file, which Word's selection pane lists.
  const common = { transformation: size, altText: { name: basename(settings.logo.path), description: altText, title: altText } };
  const direct = raster(settings.logo);
  let image: IImageOptions;
  if (direct) image = { ...direct, ...common };
  else {
    const fallback = settings.logoRaster && raster(settings.logoRaster);
    if (!fallback) {
      throw new LogoError(
        `${settings.logo.path}: a DOCX needs a PNG or JPEG copy of an SVG logo: name one as logo_raster in settings.yaml`,
      );
    }
    image = { type: 'svg', data: settings.logo.bytes, fallback, ...common };
  }
  return new ImageRun(image);
}

/** One line of the header table. */
function line(text: string, format: { bold?: boolean; size?: number; before?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: { before: format.before ?? 0 },
    children: [new TextRun({ text, bold: format.bold, size: format.size })],
  });
}

function headerTable(labels: DocumentLabels, settings: Settings, layout: Layout): Table {
  const width = twips.mm(layout.page.width_mm - 2 * layout.page.margin_mm);
  const left = twips.mm(layout.first_page.left_column_mm);
  const right = width - left;
  const cell = (children: Paragraph[], cellWidth: number, verticalAlign: 'top' | 'center' = 'top') =>
    new TableCell({
      children,
      width: { size: cellWidth, type: WidthType.DXA },
      verticalAlign: verticalAlign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      margins: { left: 0, right: 0 },
    });
  const meeting = [
    line(labels.meetingName, { bold: true, size: halfPoints(layout.font.meeting_size_pt) }),
    line(labels.meetingPlace),
  ];
  const rtl = labels.direction === 'rtl';
  // At the page's outer edge: the right, or the left in a right-to-left document, whose header is mirrored.
  const logo = new Paragraph({
    alignment: rtl ? AlignmentType.END : AlignmentType.RIGHT,
    spacing: { before: 0 },
    children: [logoImage(settings, layout, labels.logoAlt)],
  });
  // The second row stands apart from the first by a heading's space.
  const before = twips.pt(layout.spacing.heading_before_pt);
  const agenda = [line(labels.agendaItem ?? '', { before })];
  const documentId = [
    ...(labels.amendment === undefined ? [] : [line(labels.amendment, { before })]),
    line(labels.document, { bold: true, before: labels.amendment === undefined ? before : 0 }),
    line(labels.date),
    line(labels.original),
  ];
  return new Table({
    ...tableDirection(rtl),
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell(meeting, left, 'center'), cell([logo], right, 'center')] }),
      new TableRow({ children: [cell(agenda, left), cell(documentId, right)] }),
    ],
  });
}

function box(document: CouncilDocument, labels: DocumentLabels, layout: Layout, context: InlineContext): Table {
  const border = { style: BorderStyle.SINGLE, size: Math.round(layout.first_page.box_border_pt * 8), color: '000000' };
  const padding = twips.mm(layout.first_page.box_padding_mm);
  const label = (text: string) => new Paragraph({ style: STYLE.headingb, children: [new TextRun(text)] });
  const meta = document.meta;
  const children = [
    label(labels.summary),
    new Paragraph({ children: inlineRuns(meta.summary, context) }),
    label(labels.actionRequired),
    new Paragraph({ children: inlineRuns(meta.actionRequired, context) }),
  ];
  if (meta.references.length > 0) {
    children.push(
      new Paragraph({ spacing: { before: twips.pt(layout.spacing.heading_after_pt) }, children: [new TextRun(layout.first_page.rule)] }),
      label(labels.references),
      ...meta.references.map((reference) => new Paragraph({ children: inlineRuns(reference, context) })),
    );
  }
  const width = twips.mm(layout.page.width_mm - 2 * layout.page.margin_mm);
  return new Table({
    ...tableDirection(labels.direction === 'rtl'),
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children,
            width: { size: width, type: WidthType.DXA },
            // The first label's own space above adds to the padding.
            margins: { top: Math.max(0, padding - twips.pt(layout.spacing.heading_after_pt)), bottom: padding, left: padding, right: padding },
          }),
        ],
      }),
    ],
  });
}

/** Page 1 of a summary record: its heading, the meeting's hours and chairman, and the subjects discussed. */
function recordPage(record: RecordView, layout: Layout, rtl: boolean): FileChild[] {
  const centred = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
  const widths = layout.record.columns_mm.map(twips.mm);
  const padding = twips.mm(layout.annex.cell_padding_mm);
  const cell = (text: string, style: string, i: number, columnSpan = 1) =>
    new TableCell({
      columnSpan,
      width: { size: widths.slice(i, i + columnSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      margins: { top: padding, bottom: padding, left: padding, right: padding },
      children: [new Paragraph({ style, children: [new TextRun(text)] })],
    });
  return [
    ...record.heading.map((line) => new Paragraph({ style: STYLE.title, children: [new TextRun(line)] })),
    centred(record.time),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: twips.pt(layout.spacing.heading_before_pt) }, children: [new TextRun(record.chairman)] }),
    ruledTable(
      widths,
      [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: [cell(record.columns.subjects, STYLE.tableHead, 0, 2), cell(record.columns.documents, STYLE.tableHead, 2)],
        }),
        ...record.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: [cell(row.number, STYLE.tableText, 0), cell(row.subject, STYLE.tableText, 1), cell(row.documents, STYLE.tableText, 2)],
            }),
        ),
      ],
      layout,
      rtl,
    ),
  ];
}

export function firstPage(
  document: CouncilDocument,
  labels: DocumentLabels,
  settings: Settings,
  layout: Layout,
  context: InlineContext,
  record?: RecordView,
): FileChild[] {
  if (record) return [headerTable(labels, settings, layout), ...recordPage(record, layout, labels.direction === 'rtl')];
  return [
    headerTable(labels, settings, layout),
    new Paragraph({ style: STYLE.source, children: [new TextRun(labels.from)] }),
    new Paragraph({ style: STYLE.title, children: [new TextRun(labels.title)] }),
    box(document, labels, layout, context),
  ];
}
