// The first page of a summary record: its heading, the meeting's day and
// hours, the chairman, and the table of subjects discussed with their
// documents, all worded by locale data, for any writer to lay out and escape.
import type { Section } from '../model/document.js';
import type { Meta } from '../model/meta.js';
import { plainWords } from '../model/plain-text.js';
import { formatDay } from './dates.js';
import { fill, type LocaleData } from './locale.js';

export interface SubjectRow {
  /** The section's number: "1". */
  number: string;
  /** The section's title without its "(Document ...)" ending. */
  subject: string;
  /** The document numbers as the title writes them: "C17/28(Rev.1), C17/29"; '' when it names none. */
  documents: string;
}

export interface RecordView {
  /** The heading, a line each: "Summary record", "of the", "eighth plenary meeting". */
  heading: string[];
  /** "Wednesday, 24 May 2017, from 1010 to 1240 hours" */
  time: string;
  chairman: string;
  columns: { subjects: string; documents: string };
  rows: SubjectRow[];
}

function weekday(date: string, locale: LocaleData): string {
  // getUTCDay counts from Sunday; locale data lists the week from Monday, as ITU's languages do.
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return locale.weekdays[(day + 6) % 7]!;
}

function clock(time: string, locale: LocaleData): string {
  const [hours, minutes] = time.split(':') as [string, string];
  return fill(locale.record.clock, { hours, minutes });
}

/** Splits "Budget (Documents C17/28(Rev.1), C17/29)" into the subject and the document numbers. */
export function subjectRow(section: Section, locale: LocaleData): SubjectRow {
  const title = plainWords(section.title).trim();
  const words = locale.record.document_words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // The numbers may hold brackets of their own, "(Rev.1)": one level of them is allowed inside.
  const ending = new RegExp(`\\s*\\((?:${words})\\s+((?:[^()]|\\([^()]*\\))+)\\)$`, 'u').exec(title);
  return ending
    ? { number: section.number, subject: title.slice(0, ending.index), documents: ending[1]!.trim() }
    : { number: section.number, subject: title, documents: '' };
}

export function recordView(meta: Meta, sections: readonly Section[], locale: LocaleData): RecordView | undefined {
  const record = meta.record;
  if (meta.kind !== 'summary-record' || !record) return undefined;
  const ordinal = locale.record.ordinals[record.plenary - 1]!;
  return {
    heading: locale.record.heading.map((line) => fill(line, { ordinal })),
    time: fill(locale.record.time, {
      weekday: weekday(record.date, locale),
      date: formatDay(record.date, locale),
      start: clock(record.start, locale),
      end: clock(record.end, locale),
    }),
    chairman: fill(locale.record.chairman, { chairman: record.chairman }),
    columns: { subjects: locale.record.subjects, documents: locale.record.documents },
    rows: sections.map((section) => subjectRow(section, locale)),
  };
}
