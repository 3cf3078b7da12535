// Model → iCalendar (RFC 5545), one VEVENT per event of the front matter, parts
// included. Written with ical-generator, which folds lines at 75 octets and
// escapes text values. The calendars of a meeting (council-docs index) are
// written by writeCalendar too, from the events of many documents.
import type { CouncilDocument } from '../../model/document.js';
import { allEvents, eventSpan, type Event, type EventDates } from '../../model/events.js';
import { fill } from '../../locale/locale.js';
import type { WriteOptions } from '../options.js';
import { stampOf } from '../../output/source-date-epoch.js';

/** The day after an ISO date: DTEND of an all-day event is exclusive. */
function dayAfter(date: string): Date {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/**
 * Stable across rebuilds and edits elsewhere in the source: the event's own id and the document
 * number, so importing a regenerated calendar updates its events instead of adding them again.
 * Every language version of a document shares them: they are the same events.
 */
export function eventUid(event: Pick<Event, 'id'>, documentNumber: string): string {
  return `${event.id}@${documentNumber.toLowerCase().replace(/\//g, '-')}.council.itu.int`;
}

export interface CalendarEvent {
  uid: string;
  title: string;
  dates: EventDates;
  location?: string;
  description: string;
}

export interface CalendarSpec {
  /** The language tag of the calendar's words. */
  language: string;
  /** Plain text: escaped here. */
  name: string;
  stamp: Date;
  events: CalendarEvent[];
}

/** One calendar of all-day events, not marking the reader as busy. */
export async function writeCalendar({ language, name, stamp, events }: CalendarSpec): Promise<string> {
  const { default: ical, ICalEventStatus, ICalEventTransparency, escape } = await import('ical-generator');
  // No calendar time zone: with one, ical-generator shifts all-day dates.
  const calendar = ical({
    prodId: { company: 'ITU', product: 'council-docs', language: language.toUpperCase() },
    // ical-generator writes NAME as given: it is escaped here like any other text value.
    name: escape(name, false),
  });
  for (const event of events) {
    const span = eventSpan(event.dates);
    calendar.createEvent({
      id: event.uid,
      stamp,
      allDay: true,
      start: new Date(`${span.first}T00:00:00Z`),
      end: dayAfter(span.last),
      summary: event.title,
      location: event.location ?? null,
      description: event.description,
      // The report gives only the month: the event spans it and is marked as not fixed.
      status: event.dates.kind === 'month' ? ICalEventStatus.TENTATIVE : null,
      // Events a report mentions are not the reader's appointments: they do not show as busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves it off.
  const ics = calendar.toString();
  return ics.endsWith('\r\n') ? ics : `${ics}\r\n`;
}

export async function writeIcs(document: CouncilDocument, options: WriteOptions): Promise<string | null> {
  // RFC 5545 wants at least one component in a calendar: a document without events has none to give.
  if (document.events.length === 0) return null;
  const { locale, labels } = options;
  const words = { document: labels.documentNumber, title: labels.title };
  const events = allEvents(document.events);
  return writeCalendar({
    language: document.meta.language,
    name: fill(locale.calendar.name, words),
    stamp: stampOf(document.meta.date),
    events: events.map((event) => {
      const parent = event.partOf === undefined ? undefined : events.find((e) => e.id === event.partOf);
      return {
        uid: eventUid(event, document.meta.document),
        title: event.title,
        dates: event.dates,
        location: event.location,
        description: fill(locale.calendar.description, { ...words, note: event.note ?? '', partOf: parent?.title ?? '' }),
      };
    }),
  });
}
