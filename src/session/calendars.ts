// The calendar of a meeting, one per language (`Council-2017-E.ics`): every
// event of every document once. An event is one by its id: cited by two
// documents, it is one event whose description names both. Its UID is made from
// its id and the meeting (`iot-week-2017@c17.council.itu.int`), so importing
// the calendar again after more documents are built updates it.
import type { Language } from '../model/meta-schema.js';
import type { LocaleData } from '../locale/locale.js';
import { fill } from '../locale/locale.js';
import { documentNumber } from '../locale/labels.js';
import { eventUid, type CalendarEvent } from '../writers/ics/index.js';
import { stampOf } from '../output/source-date-epoch.js';
import type { EntryEvent } from './entry.js';
import { meetingFor, versionFor, type MeetingDocuments } from './documents.js';
import type { IndexedEntry } from './read-entries.js';

export interface MeetingCalendar {
  meeting: MeetingDocuments;
  language: Language;
  fileName: string;
  name: string;
  stamp: Date;
  events: CalendarEvent[];
}

/** "Council 2017" → "Council-2017": letters and digits of the meeting's name, for a file name any shell takes. */
function fileWords(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * The name every language's calendar of a meeting starts with: its English name (or its name in
 * the original of its first document), else its number (C17) when that name has no Latin letters;
 * never the name of a document's own outputs, nor of another meeting's calendars.
 */
export function calendarStems(meetings: MeetingDocuments[], entries: IndexedEntry[]): Map<MeetingDocuments, string> {
  const taken = new Set(entries.map(issueName));
  const stems = new Map<MeetingDocuments, string>();
  for (const meeting of meetings) {
    let stem = fileWords(meetingFor(meeting, 'en').name) || meeting.key;
    if (taken.has(stem)) stem = `${stem}-${meeting.key}`;
    while (taken.has(stem)) stem = `${stem}-events`;
    taken.add(stem);
    stems.set(meeting, stem);
  }
  return stems;
}

function sameDates(a: EntryEvent['dates'], b: EntryEvent['dates']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function datesText(dates: EntryEvent['dates']): string {
  return dates.kind === 'month' ? dates.month : dates.start === dates.end ? dates.start : `${dates.start} to ${dates.end}`;
}

/** "C17-23-Rev1": the outputs' name without the language, the same in every language. */
function issueName(version: IndexedEntry): string {
  return version.entry.file.replace(/-[A-Z]$/, '');
}

interface Merged {
  uid: string;
  event: EntryEvent;
  /** The version whose words the event takes: the first document citing it, in order of number. */
  from: IndexedEntry;
  citedBy: IndexedEntry[];
}

/**
 * The events of a meeting in one language. Two documents that give one event id different dates
 * do not describe one event: the later keeps its own document's UID, and a warning says so.
 */
export function meetingCalendar(
  meeting: MeetingDocuments,
  language: Language,
  fileName: string,
  localeOf: (language: Language) => LocaleData,
  warn: (message: string) => void,
): MeetingCalendar | undefined {
  const locale = localeOf(language);
  const merged = new Map<string, Merged>();
  for (const document of meeting.documents) {
    const version = versionFor(document, language);
    for (const event of version.entry.events) {
      const first = merged.get(event.id);
      if (!first) merged.set(event.id, { uid: eventUid(event, meeting.key), event, from: version, citedBy: [version] });
      else if (sameDates(first.event.dates, event.dates)) first.citedBy.push(version);
      else {
        // Said once for all languages: the dates are the original's in every version.
        warn(
          `event "${event.id}" is dated ${datesText(event.dates)} in ${issueName(version)} and ${datesText(first.event.dates)} ` +
            `in ${issueName(first.from)}: they stay two events in the meeting's calendars`,
        );
        const own = eventUid(event, version.entry.document);
        merged.set(own, { uid: own, event, from: version, citedBy: [version] });
      }
    }
  }
  if (merged.size === 0) return undefined;
  const events = [...merged.values()].map(({ uid, event, from, citedBy }): CalendarEvent & { first: string } => {
    const parent = event.partOf === undefined ? undefined : from.entry.events.find((e) => e.id === event.partOf);
    const documents = citedBy.map((v) =>
      fill(locale.calendar.session_document, { document: documentNumber(v.entry, localeOf(v.entry.language)), title: v.entry.title }),
    );
    return {
      uid,
      title: event.title,
      dates: event.dates,
      location: event.location,
      description: fill(locale.calendar.session_description, {
        note: event.note ?? '',
        partOf: parent?.title ?? '',
        several: citedBy.length > 1,
        documents: documents.join('\n'),
      }),
      first: event.dates.kind === 'month' ? `${event.dates.month}-01` : event.dates.start,
    };
  });
  events.sort((a, b) => a.first.localeCompare(b.first) || a.uid.localeCompare(b.uid));
  const dates = meeting.documents.flatMap((d) => [...d.versions.values()].map((v) => v.entry.date)).sort();
  return {
    meeting,
    language,
    fileName,
    name: fill(locale.calendar.session_name, { meeting: meetingFor(meeting, language).name }),
    // The latest document's date: the calendar changes only when its documents do.
    stamp: stampOf(dates.at(-1)!),
    events: events.map(({ first: _first, ...event }) => event),
  };
}
