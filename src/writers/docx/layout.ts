// templates/docx/layout.yaml: page, type and spacing of the DOCX, checked on
// load so a wrong value is named rather than written into a broken document.
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { LANGUAGES, type Language } from '../../model/meta-schema.js';
import { fromTemplates } from '../../templates/cache.js';

const length = z.number().positive();
const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en-GB');
const wordLanguage = z.strictObject({
  latin: languageTag,
  bidi: languageTag.optional(),
  east_asian: languageTag.optional(),
  // Fonts Word names for the language's East Asian and complex-script (Arabic) characters.
  east_asian_font: z.string().min(1).optional(),
  complex_font: z.string().min(1).optional(),
});

const layoutSchema = z.strictObject({
  page: z.strictObject({
    width_mm: length,
    height_mm: length,
    margin_mm: length,
    header_mm: length,
    footer_mm: length,
    header_after_pt: z.number().nonnegative(),
  }),
  font: z.strictObject({
    name: z.string().min(1),
    /** The font of Arabic script (Word's complex-script font), in a right-to-left document only. */
    size_pt: length,
    meeting_size_pt: length,
    header_size_pt: length,
    footer_size_pt: length,
  }),
  spacing: z.strictObject({
    before_pt: z.number().nonnegative(),
    heading_before_pt: z.number().nonnegative(),
    heading_after_pt: z.number().nonnegative(),
    from_before_pt: z.number().nonnegative(),
    title_before_pt: z.number().nonnegative(),
    title_after_pt: z.number().nonnegative(),
    line: length,
    subheading_before_pt: z.number().nonnegative(),
    around_table_pt: z.number().nonnegative(),
    caption_gap_pt: z.number().nonnegative(),
  }),
  indent: z.strictObject({ number_mm: length, deeper_number_mm: length, bullet_mm: length }),
  bullets: z.array(z.string().min(1)).min(1),
  first_page: z.strictObject({
    left_column_mm: length,
    logo_width_mm: length,
    logo_height_mm: length,
    rule: z.string().min(1),
    box_border_pt: length,
    box_padding_mm: z.number().nonnegative(),
  }),
  link_color: z.string().regex(/^[0-9A-Fa-f]{6}$/, 'a colour as six hex digits, e.g. 0B4F8A'),
  annex: z.strictObject({
    columns_mm: z.array(length).length(4),
    size_pt: length,
    border_pt: length,
    cell_padding_mm: z.number().nonnegative(),
    title_after_pt: z.number().nonnegative(),
  }),
  record: z.strictObject({ columns_mm: z.array(length).length(3) }),
  tables: z.strictObject({ min_column_mm: length, char_em: length }),
  word_languages: z.strictObject(
    Object.fromEntries(LANGUAGES.map((l) => [l, wordLanguage])) as Record<(typeof LANGUAGES)[number], typeof wordLanguage>,
  ),
});

export type Layout = z.infer<typeof layoutSchema>;

export class LayoutError extends Error {}

export function loadLayout(templatesDir: string): Layout {
  const path = join(templatesDir, 'docx', 'layout.yaml');
  return fromTemplates(`docx-layout:${path}`, (read) => {
    const result = layoutSchema.safeParse(parse(read(path)));
    if (!result.success) {
      const first = result.error.issues[0]!;
      throw new LayoutError(`${path}: ${first.path.join('.')}: ${first.message}`);
    }
    return result.data;
  });
}

/** The fonts the DOCX names for a document's text: the body's, and its language's East Asian and complex-script fonts. */
export function documentFonts(templatesDir: string, language: Language): string[] {
  const layout = loadLayout(templatesDir);
  const words = layout.word_languages[language];
  return [layout.font.name, words.east_asian_font, words.complex_font].filter((name): name is string => name !== undefined);
}

/** Word measures lengths in twentieths of a point ("twips"). */
export const twips = {
  mm: (mm: number) => Math.round((mm * 1440) / 25.4),
  pt: (pt: number) => Math.round(pt * 20),
};

/** Word measures type in half points. */
export const halfPoints = (pt: number) => Math.round(pt * 2);
