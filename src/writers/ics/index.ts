// Model → iCalendar (RFC 5545), one VEVENT per event of the front matter, parts
// included. Written with ical-generator, which folds lines at 75 octets and
// escapes text values.
import type { CouncilDocument } from '../../model/document.js';
import { allEvents, eventSpan, type Event } from '../../model/events.js';
import { fill } from '../../locale/locale.js';
import type { WriteOptions } from '../options.js';
import { calendarStamp } from './stamp.js';

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

export async function writeIcs(document: CouncilDocument, options: WriteOptions): Promise<string | null> {
  // RFC 5545 wants at least one component in a calendar: a document without events has none to give.
  if (document.events.length === 0) return null;
  const { default: ical, ICalEventStatus, ICalEventTransparency, escape } = await import('ical-generator');
  const { locale, labels } = options;
  const stamp = calendarStamp(document.meta.date);
  const words = { document: labels.documentNumber, title: labels.title };
  // No calendar time zone: with one, ical-generator shifts all-day dates.
  const calendar = ical({
    prodId: { company: 'ITU', product: 'council-docs', language: document.meta.language.toUpperCase() },
    // ical-generator writes NAME as given: it is escaped here like any other text value.
    name: escape(fill(locale.calendar.name, words), false),
  });
  const events = allEvents(document.events);
  for (const event of events) {
    const span = eventSpan(event.dates);
    const parent = event.partOf === undefined ? undefined : events.find((e) => e.id === event.partOf);
    calendar.createEvent({
      id: eventUid(event, document.meta.document),
      stamp,
      allDay: true,
      start: new Date(`${span.first}T00:00:00Z`),
      end: dayAfter(span.last),
      summary: event.title,
      location: event.location ?? null,
      description: fill(locale.calendar.description, { ...words, note: event.note ?? '', partOf: parent?.title ?? '' }),
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
