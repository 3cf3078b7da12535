// The DOCX's styles. Their names are those of ITU's Word templates (Heading 1,
// enumlev1, Headingb, ...): attaching a secretariat's template to the file
// restyles every paragraph, which direct formatting would prevent. The values
// come from templates/docx/layout.yaml.
import { AlignmentType, LineRuleType, type IParagraphStylePropertiesOptions, type IRunStylePropertiesOptions, type IStylesOptions } from 'docx';
import type { Language } from '../../model/meta.js';
import { halfPoints, twips, type Layout } from './layout.js';

/** Style ids, as paragraphs name them. */
export const STYLE = {
  normal: 'Normal',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  headingb: 'Headingb',
  source: 'Source',
  title: 'Title1',
  header: 'Header',
  footer: 'Footer',
  hyperlink: 'Hyperlink',
  annexNo: 'AnnexNo',
  annexTitle: 'Annextitle',
  tableHead: 'Tablehead',
  tableText: 'Tabletext',
  tableTitle: 'Tabletitle',
  figure: 'Figure',
  figureTitle: 'Figuretitle',
  /** docx's own style for a note's number, Word's "footnote reference". */
  footnoteReference: 'FootnoteReference',
  /** docx's own style for a note's text, Word's "footnote text". */
  footnoteText: 'FootnoteText',
  /** enumlev1, enumlev2, enumlev3: ITU's list levels. */
  enumlev: (level: number) => `enumlev${level}`,
} as const;

/** Deepest list level with a style of its own; deeper lists use it too. */
export const LIST_LEVELS = 3;

/**
 * Where the text of a numbered paragraph starts, its number hanging in front:
 * the same for 2.3 and 2.3.1, as in ITU's documents, wider from 2.3.1.1 on.
 * `parts` counts the number's parts, including the section's.
 */
export function numberHang(layout: Layout, parts: number): number {
  return parts >= 4 ? twips.mm(layout.indent.deeper_number_mm) : textIndent(layout);
}

/** Where a paragraph's text starts, from the margin, for body text and each list level. */
export function textIndent(layout: Layout, listLevel = 0): number {
  return twips.mm(layout.indent.number_mm + listLevel * layout.indent.bullet_mm);
}

/**
 * A right-to-left document's tables: the first column on the right (w:bidiVisual). A left-to-right
 * document's tables get nothing, so their bytes are as before.
 */
export function tableDirection(rtl: boolean): { visuallyRightToLeft?: true } {
  return rtl ? { visuallyRightToLeft: true } : {};
}

/**
 * A right-to-left document (Arabic): every paragraph is bidirectional (w:bidi), so it starts at the right
 * and its indents and hanging numbers are at the right (Word's w:ind left and hanging are the start side
 * of a bidirectional paragraph); every run is right-to-left (w:rtl), in the complex-script font, whose size
 * and bold docx writes beside the Latin ones (w:szCs, w:bCs). Set once in the document defaults and Normal;
 * docx 9 has no bidirectional paragraph in a style, so w:bidi is added to the defaults by index.ts.
 */
function directionDefaults(rtl: boolean): { run: IRunStylePropertiesOptions; paragraph: IParagraphStylePropertiesOptions } {
  // The complex-script font is the language's (layout.yaml, word_languages): Calibri has no Arabic letters.
  return rtl ? { run: { rightToLeft: true }, paragraph: {} } : { run: {}, paragraph: {} };
}

export function documentStyles(layout: Layout, language: Language, rtl = false): IStylesOptions {
  const words = layout.word_languages[language];
  const direction = directionDefaults(rtl);
  const hang = textIndent(layout);
  const line = { line: Math.round(240 * layout.spacing.line), lineRule: LineRuleType.AUTO };
  const before = twips.pt(layout.spacing.before_pt);
  const list = (level: number) => ({
    id: STYLE.enumlev(level),
    name: STYLE.enumlev(level),
    basedOn: STYLE.normal,
    quickFormat: true,
    paragraph: {
      indent: { left: textIndent(layout, level), hanging: twips.mm(layout.indent.bullet_mm) },
      spacing: { before: Math.round(before / 2) },
    },
  });
  // Unnumbered headings inside a section or annex, in the outline under its Heading 1.
  const subheading = (level: 2 | 3) => ({
    id: level === 2 ? STYLE.heading2 : STYLE.heading3,
    name: `Heading ${level}`,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: { bold: true, size: halfPoints(layout.font.size_pt) },
    paragraph: {
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
      spacing: { before: twips.pt(layout.spacing.subheading_before_pt), after: twips.pt(layout.spacing.heading_after_pt) },
    },
  });
  const around = twips.pt(layout.spacing.around_table_pt);
  const gap = twips.pt(layout.spacing.caption_gap_pt);
  const caption = (id: string, name: string, spacing: { before: number; after: number }, keepNext: boolean) => ({
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    run: { bold: true },
    paragraph: { alignment: AlignmentType.CENTER, keepLines: true, keepNext, spacing },
  });
  return {
    default: {
      document: {
        run: {
          font:
            words.east_asian_font || words.complex_font
              ? {
                  ascii: layout.font.name,
                  hAnsi: layout.font.name,
                  ...(words.east_asian_font && { eastAsia: words.east_asian_font }),
                  ...(words.complex_font && { cs: words.complex_font }),
                }
              : layout.font.name,
          size: halfPoints(layout.font.size_pt),
          language: { value: words.latin, eastAsia: words.east_asian, bidirectional: words.bidi },
          ...direction.run,
        },
        paragraph: { spacing: { before, after: 0, ...line }, ...direction.paragraph },
      },
    },
    paragraphStyles: [
      rtl
        ? { id: STYLE.normal, name: 'Normal', quickFormat: true, run: direction.run, paragraph: direction.paragraph }
        : { id: STYLE.normal, name: 'Normal', quickFormat: true, },
      {
        id: STYLE.heading1,
        name: 'Heading 1',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: { bold: true, size: halfPoints(layout.font.size_pt) },
        paragraph: {
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
          indent: { left: hang, hanging: hang },
          spacing: { before: twips.pt(layout.spacing.heading_before_pt), after: twips.pt(layout.spacing.heading_after_pt) },
        },
      },
      subheading(2),
      subheading(3),
      // ITU's run-in heading: bold, kept with what follows, not in the outline.
      {
        id: STYLE.headingb,
        name: 'Headingb',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: { bold: true },
        paragraph: { keepNext: true, spacing: { before: twips.pt(layout.spacing.heading_after_pt) } },
      },
      list(1),
      list(2),
      list(3),
      {
        id: STYLE.source,
        name: 'Source',
        basedOn: STYLE.normal,
        next: STYLE.title,
        paragraph: {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: twips.pt(layout.spacing.from_before_pt) },
        },
      },
      {
        id: STYLE.title,
        name: 'Title1',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        run: { bold: true, allCaps: true },
        paragraph: {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: twips.pt(layout.spacing.title_before_pt), after: twips.pt(layout.spacing.title_after_pt) },
        },
      },
      {
        id: STYLE.header,
        name: 'Header',
        basedOn: STYLE.normal,
        run: { size: halfPoints(layout.font.header_size_pt) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0 } },
      },
      {
        id: STYLE.footer,
        name: 'Footer',
        basedOn: STYLE.normal,
        run: { size: halfPoints(layout.font.footer_size_pt) },
        paragraph: { spacing: { before: 0 } },
      },
      {
        id: STYLE.annexNo,
        name: 'Annex_No',
        basedOn: STYLE.normal,
        next: STYLE.annexTitle,
        run: { bold: true },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 0 } },
      },
      // In the outline beside the sections: the annex is a part of the document a reader goes to.
      {
        id: STYLE.annexTitle,
        name: 'Annex_Title',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        run: { bold: true },
        paragraph: {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          outlineLevel: 0,
          spacing: { before: twips.pt(layout.spacing.title_before_pt), after: twips.pt(layout.annex.title_after_pt) },
        },
      },
      {
        id: STYLE.tableText,
        name: 'Table_text',
        basedOn: STYLE.normal,
        run: { size: halfPoints(layout.annex.size_pt) },
        paragraph: { spacing: { before: 0 } },
      },
      {
        id: STYLE.tableHead,
        name: 'Table_head',
        basedOn: STYLE.tableText,
        run: { bold: true },
        paragraph: { keepNext: true },
      },
      // A table's caption stands above it and is kept with it; a figure's stands below its picture, which is kept with it.
      caption(STYLE.tableTitle, 'Table_title', { before: around, after: gap }, true),
      {
        id: STYLE.figure,
        name: 'Figure',
        basedOn: STYLE.normal,
        next: STYLE.figureTitle,
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: around } },
      },
      caption(STYLE.figureTitle, 'Figure_title', { before: gap, after: around }, false),
    ],
    characterStyles: [
      {
        id: STYLE.hyperlink,
        name: 'Hyperlink',
        run: { color: layout.link_color.toUpperCase(), underline: {} },
      },
    ],
  };
}
