// The index of a folder, one page per language present (index.html for the
// first, index-F.html, ...): every document in order of number with its title,
// date and agenda item, and links to the HTML, PDF and DOCX of each language's
// version, and to a revision's marked version (its changes). Laid out by
// templates/html/index.hbs; every word is locale data, and everything from an
// entry is escaped by the template (nothing is given as markup).
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { LANGUAGES, type Language } from '../model/meta-schema.js';
import { fill, type LocaleData } from '../locale/locale.js';
import { documentNumber, issueNumber } from '../locale/labels.js';
import { formatDay, formatRange } from '../locale/dates.js';
import { fromTemplates } from '../templates/cache.js';
import { meetingFor, versionFor, type IndexedDocument, type MeetingDocuments } from './documents.js';
import { LINKED, type IndexedEntry } from './read-entries.js';

interface Templates {
  page: HandlebarsTemplateDelegate;
  css: HandlebarsTemplateDelegate;
}

function templates(dir: string): Templates {
  return fromTemplates(`index:${dir}`, (readTemplate) => {
    const hb = Handlebars.create();
    const read = (name: string) => readTemplate(join(dir, 'html', name));
    return { page: hb.compile(read('index.hbs'), { strict: false }), css: hb.compile(read('index.css.hbs'), { noEscape: true }) };
  });
}

/** index.html for the first language of the folder, index-F.html for French after it, ... */
export function indexPageName(language: Language, first: Language, locale: LocaleData): string {
  return language === first ? 'index.html' : `index-${locale.suffix}.html`;
}

export interface IndexPage {
  language: Language;
  fileName: string;
  html: string;
}

export interface IndexPageInput {
  templatesDir: string;
  language: Language;
  /** Every language of the folder, in the order of the six. */
  languages: Language[];
  meetings: MeetingDocuments[];
  localeOf: (language: Language) => LocaleData;
  /** The file name of a meeting's calendar in a language, when it has one. */
  calendarOf: (meeting: MeetingDocuments, language: Language) => string | undefined;
}

function rowView(document: IndexedDocument, language: Language, localeOf: IndexPageInput['localeOf']) {
  const locale = localeOf(language);
  const shown = versionFor(document, language);
  const other = shown.entry.language !== language;
  const versions = LANGUAGES.flatMap((l) => {
    const version = document.versions.get(l);
    if (!version) return [];
    const number = documentNumber(version.entry, localeOf(l));
    const linksTo = (files: IndexedEntry['outputs'], phrase: string) =>
      LINKED.filter(({ format }) => files[format] !== undefined).map(({ format, type }) => ({
        href: files[format],
        language: l,
        type,
        text: locale.index.formats[format],
        label: fill(phrase, { document: number, format: locale.index.formats[format] }),
      }));
    const links = linksTo(version.outputs, locale.index.link);
    // A revision's marked version: a second group of links, after the clean version's.
    const changes = linksTo(version.changes, locale.index.changes_link);
    return links.length > 0 || changes.length > 0 ? [{ language: l, name: locale.index.languages[l], links, changes }] : [];
  });
  return {
    number: issueNumber(document, locale),
    amendment: document.amendment !== undefined,
    title: shown.entry.title,
    // A title in another language than the page's (no version in this one) is marked as such, for speech and layout.
    titleLanguage: other ? shown.entry.language : undefined,
    titleDirection: other ? localeOf(shown.entry.language).direction : undefined,
    date: formatDay(shown.entry.date, locale),
    agendaItem: shown.entry.agendaItem ?? '',
    versions,
  };
}

export function indexPage(input: IndexPageInput): IndexPage {
  const { language, languages, meetings, localeOf } = input;
  const locale = localeOf(language);
  const first = languages[0]!;
  const names = meetings.map((m) => meetingFor(m, language).name);
  const title = fill(locale.index.title, { meetings: new Intl.ListFormat(locale.intl, { type: 'conjunction' }).format(names) });
  const view = {
    language,
    direction: locale.direction,
    title,
    css: templates(input.templatesDir).css({ font: locale.font }),
    words: locale.index,
    several: meetings.length > 1,
    others: languages
      .filter((l) => l !== language)
      .map((l) => ({
        language: l,
        href: indexPageName(l, first, localeOf(l)),
        name: localeOf(l).index.own_name,
        direction: localeOf(l).direction,
      })),
    meetings: meetings.map((meeting, i) => {
      const about = meetingFor(meeting, language);
      const calendar = input.calendarOf(meeting, language);
      return {
        id: `meeting-${i + 1}`,
        name: about.name,
        place: fill(locale.labels.meeting_place, { place: about.place, dates: formatRange(about.start, about.end, locale) }),
        calendar: calendar && { href: calendar, text: locale.index.calendar },
        rows: meeting.documents.map((d) => rowView(d, language, localeOf)),
      };
    }),
  };
  return { language, fileName: indexPageName(language, first, locale), html: templates(input.templatesDir).page(view) };
}
