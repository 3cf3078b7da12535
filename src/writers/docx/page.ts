// The page: A4 and its margins, and what repeats on it. Page 1 has a header
// of its own (empty: the header table is in the text) and the footer line;
// later pages are headed by "- N -" (a PAGE field, so Word keeps it right
// through every edit) and the document number.
import { Footer, Header, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { DocumentLabels } from '../../locale/labels.js';
import { twips, type Layout } from './layout.js';
import { STYLE } from './styles.js';

/** "- N -" with the page number as a field, the words around it from the locale phrase. */
function pageNumberLine(labels: DocumentLabels): Paragraph {
  const [before = '', after = ''] = labels.pageNumber('\u0000').split('\u0000');
  const parts: (string | (typeof PageNumber)['CURRENT'])[] = [];
  if (before) parts.push(before);
  parts.push(PageNumber.CURRENT);
  if (after) parts.push(after);
  return new Paragraph({ style: STYLE.header, children: [new TextRun({ children: parts })] });
}

export function pageProperties(labels: DocumentLabels, layout: Layout): Omit<ISectionOptions, 'children'> {
  const margin = twips.mm(layout.page.margin_mm);
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: twips.mm(layout.page.width_mm), height: twips.mm(layout.page.height_mm) },
        margin: {
          top: margin,
          bottom: margin,
          left: margin,
          right: margin,
          header: twips.mm(layout.page.header_mm),
          footer: twips.mm(layout.page.footer_mm),
          gutter: 0,
        },
      },
    },
    headers: {
      first: new Header({ children: [new Paragraph({ style: STYLE.header })] }),
      default: new Header({
        children: [
          pageNumberLine(labels),
          new Paragraph({
            style: STYLE.header,
            spacing: { after: twips.pt(layout.page.header_after_pt) },
            children: [new TextRun(labels.documentNumber)],
          }),
        ],
      }),
    },
    footers: {
      first: new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [new TextRun(labels.footer)] })] }),
      default: new Footer({ children: [new Paragraph({ style: STYLE.footer })] }),
    },
  };
}
