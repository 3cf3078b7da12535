// The tool's own lines on a Council document (header, from-line, box labels,
// footer), as plain text for any writer to lay out and escape.
import type { Meta } from '../model/meta.js';
import { fill, type LocaleData } from './locale.js';
import { formatDay, formatRange } from './dates.js';

export interface DocumentLabels {
  /** "C17/23-E" */
  documentNumber: string;
  /** "C17-23-E": the document number as a file name. */
  fileStem: string;
  meetingName: string;
  meetingPlace: string;
  agendaItem?: string;
  revision?: string;
  document: string;
  date: string;
  original: string;
  from: string;
  summary: string;
  actionRequired: string;
  references: string;
  footer: string;
  /** Author in a file's document properties. */
  author: string;
  title: string;
  htmlTitle: string;
  logoAlt: string;
  headerRegion: string;
  summaryRegion: string;
  /** Page header line for page N: "- N -". */
  pageNumber: (page: number | string) => string;
  language: string;
  direction: 'ltr' | 'rtl';
}

export function documentNumber(meta: Pick<Meta, 'document'>, locale: LocaleData): string {
  return `${meta.document}-${locale.suffix}`;
}

export function documentLabels(meta: Meta, locale: LocaleData): DocumentLabels {
  const l = locale.labels;
  const number = documentNumber(meta, locale);
  const originalLanguage = locale.languages[meta.original];
  return {
    documentNumber: number,
    fileStem: number.replace(/\//g, '-'),
    meetingName: meta.meeting.name,
    meetingPlace: fill(l.meeting_place, {
      place: meta.meeting.place,
      dates: formatRange(meta.meeting.start, meta.meeting.end, locale),
    }),
    agendaItem: meta.agendaItem === undefined ? undefined : fill(l.agenda_item, { item: meta.agendaItem }),
    revision: meta.revision === undefined ? undefined : fill(l.revision, { revision: meta.revision }),
    document: fill(l.document, { number }),
    date: formatDay(meta.date, locale),
    original: meta.untranslated
      ? fill(l.only, { language: originalLanguage })
      : fill(l.original, { language: originalLanguage }),
    from: l.from[meta.from],
    summary: l.summary,
    actionRequired: l.action_required,
    references: l.references,
    footer: l.footer,
    author: l.author,
    title: meta.title,
    htmlTitle: fill(l.html_title, { document: number, title: meta.title }),
    logoAlt: l.logo_alt,
    headerRegion: l.header_region,
    summaryRegion: l.summary_region,
    pageNumber: (page) => fill(l.page_number, { page }),
    language: meta.language,
    direction: locale.direction,
  };
}
