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
  /** "Revision 1 to", "Addendum 1 to", "Corrigendum 1 to", above `document` on page 1. */
  amendment?: string;
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

/** "C17/23"; a revision "C17/23(Rev.1)": the number of one issue of a document, in any language. */
export function issueNumber(meta: Pick<Meta, 'document' | 'amendment'>, locale: LocaleData): string {
  const amendment = meta.amendment ? `(${fill(locale.numbers[meta.amendment.kind], { number: meta.amendment.number })})` : '';
  return `${meta.document}${amendment}`;
}

/** "C17/23-E"; a revision "C17/23(Rev.1)-E", as ITU prints it on later pages and in properties. */
export function documentNumber(meta: Pick<Meta, 'document' | 'amendment'>, locale: LocaleData): string {
  return `${issueNumber(meta, locale)}-${locale.suffix}`;
}

/**
 * ITU's abbreviations of a revision, addendum and corrigendum in a file name, without the dot and
 * brackets of the printed form, which shells and some file systems take badly.
 */
const FILE_FORMS = { revision: 'Rev', addendum: 'Add', corrigendum: 'Corr' } as const;

/** "C17-23-E"; a revision "C17-23-Rev1-E": beside its original in one folder. */
export function fileStem(meta: Pick<Meta, 'document' | 'amendment'>, locale: LocaleData): string {
  const amendment = meta.amendment ? `-${FILE_FORMS[meta.amendment.kind]}${meta.amendment.number}` : '';
  return `${meta.document.replace(/\//g, '-')}${amendment}-${locale.suffix}`;
}

/** A revision's marked version is written beside it as `<stem>-changes.html` (and .pdf, .docx). */
export const MARKED_SUFFIX = '-changes';

/** Who the document is from: "Report by the Secretary-General", "Contribution by Mexico and Brazil". */
function fromLine(meta: Meta, locale: LocaleData): string {
  if (meta.from === undefined) return '';
  if (meta.from !== 'contribution') return locale.labels.from[meta.from];
  // The language's own way of joining names ("A, B and C"), from the Unicode CLDR data Intl carries.
  const names = new Intl.ListFormat(locale.intl, { style: 'long', type: 'conjunction' }).format(meta.contributors);
  return fill(locale.labels.from.contribution, { names });
}

/** The document's title; a summary record's is made from its meeting. */
export function documentTitle(meta: Meta, locale: LocaleData): string {
  if (meta.kind !== 'summary-record' || !meta.record) return meta.title;
  return fill(locale.record.name, { ordinal: locale.record.ordinals[meta.record.plenary - 1] });
}

export function documentLabels(meta: Meta, locale: LocaleData): DocumentLabels {
  const l = locale.labels;
  const number = documentNumber(meta, locale);
  const originalLanguage = locale.languages[meta.original];
  const title = documentTitle(meta, locale);
  return {
    documentNumber: number,
    fileStem: fileStem(meta, locale),
    meetingName: meta.meeting.name,
    meetingPlace: fill(l.meeting_place, {
      place: meta.meeting.place,
      dates: formatRange(meta.meeting.start, meta.meeting.end, locale),
    }),
    agendaItem: meta.agendaItem === undefined ? undefined : fill(l.agenda_item, { item: meta.agendaItem }),
    amendment: meta.amendment && fill(l.amendment[meta.amendment.kind], { number: meta.amendment.number }),
    // Page 1 names the document amended: "Revision 1 to" / "Document C17/23-E".
    document: fill(l.document, { number: documentNumber({ document: meta.document }, locale) }),
    date: formatDay(meta.date, locale),
    original: meta.untranslated
      ? fill(l.only, { language: originalLanguage })
      : fill(l.original, { language: originalLanguage }),
    from: fromLine(meta, locale),
    summary: l.summary,
    actionRequired: l.action_required,
    references: l.references,
    footer: l.footer,
    author: l.author,
    title,
    htmlTitle: fill(l.html_title, { document: number, title }),
    logoAlt: l.logo_alt,
    headerRegion: l.header_region,
    summaryRegion: l.summary_region,
    pageNumber: (page) => fill(l.page_number, { page }),
    language: meta.language,
    direction: locale.direction,
  };
}
