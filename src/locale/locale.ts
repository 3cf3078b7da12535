// Locale data (templates/locale/<language>.yaml): every word the tool adds to
// a document. Checked on load so a translator's missing label is named.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import Handlebars from 'handlebars';
import { LANGUAGES, MAX_PLENARY, type Language } from '../model/meta-schema.js';
import { fromTemplates } from '../templates/cache.js';
import { STANDARD_STATUSES, type StandardStatus } from '../model/standards.js';

const phrase = z.string();
const localeSchema = z.object({
  suffix: z.string().regex(/^[A-Z]$/),
  intl: z.string().min(2),
  direction: z.enum(['ltr', 'rtl']),
  months: z.array(phrase).length(12),
  // Month names as a date with a day uses them, where the language inflects them ("31 марта 2017 г.").
  months_genitive: z.array(phrase).length(12).optional(),
  // The HTML's and PDF's font stack (CSS font-family) for the language's script; the template's otherwise.
  font: z.string().min(1).optional(),
  weekdays: z.array(phrase).length(7),
  numbers: z.object({ revision: phrase, addendum: phrase, corrigendum: phrase }),
  languages: z.object(Object.fromEntries(LANGUAGES.map((l) => [l, phrase])) as Record<Language, typeof phrase>),
  dates: z.object({ day: phrase, same_month: phrase, same_year: phrase, different_years: phrase }),
  labels: z.object({
    meeting_place: phrase,
    agenda_item: phrase,
    amendment: z.object({ revision: phrase, addendum: phrase, corrigendum: phrase }),
    document: phrase,
    original: phrase,
    only: phrase,
    from: z.object({ report: phrase, note: phrase, contribution: phrase }),
    summary: phrase,
    action_required: phrase,
    references: phrase,
    footer: phrase,
    author: phrase,
    page_number: phrase,
    html_title: phrase,
    logo_alt: phrase,
    header_region: phrase,
    summary_region: phrase,
  }),
  events: z.object({
    month: phrase,
    part_day: phrase,
    part_same_month: phrase,
    part_same_year: phrase,
    item: phrase,
    item_with_parts: phrase,
    part: phrase,
  }),
  calendar: z.object({ name: phrase, description: phrase, session_name: phrase, session_document: phrase, session_description: phrase }),
  annex: z.object({
    label: phrase,
    title: phrase,
    columns: z.object({ identifier: phrase, title: phrase, edition: phrase, status: phrase, link: phrase }),
    status: z.object(Object.fromEntries(STANDARD_STATUSES.map((s) => [s, phrase])) as Record<StandardStatus, typeof phrase>),
  }),
  record: z.object({
    heading: z.array(phrase).min(1),
    name: phrase,
    ordinals: z.array(phrase).length(MAX_PLENARY),
    clock: phrase,
    time: phrase,
    chairman: phrase,
    subjects: phrase,
    documents: phrase,
    document_words: z.array(phrase).min(1),
  }),
  body: z.object({
    table_caption: phrase,
    figure_caption: phrase,
    figure_label: phrase,
    annex_label: phrase,
    annex_label_single: phrase,
    notes_heading: phrase,
    note_back: phrase,
  }),
  index: z.object({
    own_name: phrase,
    title: phrase,
    other_languages: phrase,
    caption: phrase,
    columns: z.object({ document: phrase, title: phrase, date: phrase, agenda_item: phrase, versions: phrase }),
    languages: z.object(Object.fromEntries(LANGUAGES.map((l) => [l, phrase])) as Record<Language, typeof phrase>),
    formats: z.object({ html: phrase, pdf: phrase, docx: phrase }),
    link: phrase,
    changes: phrase,
    changes_link: phrase,
    calendar: phrase,
  }),
  changes: z.object({
    heading: phrase,
    legend: phrase,
    places: phrase,
    inserted: phrase,
    deleted: phrase,
    author: phrase,
    region: phrase,
  }),
  references: z.object({
    paragraph: phrase,
    annex_paragraph: phrase,
    annex_paragraph_single: phrase,
    section: phrase,
    heading: phrase,
    table: phrase,
    figure: phrase,
    annex: phrase,
    annex_single: phrase,
    footnote: phrase,
  }),
});

export type LocaleData = z.infer<typeof localeSchema>;

export class LocaleError extends Error {}

export function localePath(templatesDir: string, language: Language): string {
  return join(templatesDir, 'locale', `${language}.yaml`);
}

export function hasLocale(templatesDir: string, language: Language): boolean {
  return existsSync(localePath(templatesDir, language));
}

export function loadLocale(templatesDir: string, language: Language): LocaleData {
  const path = localePath(templatesDir, language);
  return fromTemplates(`locale:${path}`, (read) => readLocale(path, read(path)));
}

function readLocale(path: string, text: string): LocaleData {
  const result = localeSchema.safeParse(parse(text));
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new LocaleError(`${path}: ${first.path.join('.')}: ${first.message}`);
  }
  return result.data;
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Fills a locale phrase; the result is plain text, escaped later by each writer. */
export function fill(phrase: string, values: Record<string, unknown>): string {
  let template = compiled.get(phrase);
  if (!template) {
    template = Handlebars.compile(phrase, { noEscape: true, strict: true });
    compiled.set(phrase, template);
  }
  return template(values);
}
