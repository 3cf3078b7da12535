// Dated events a document mentions: one record each, in the front matter's
// `events:`. The text refers to them, the forums list is rendered from them and
// the calendar is written from them, so none of the three can disagree.
import type { Located, Position } from './document.js';
import type { IsoDate } from './meta.js';

/** When an event takes place, as precisely as the report knows it. */
export type EventDates =
  /** One day (start === end) or a range of days; `end` is the last day, inclusive. */
  | { kind: 'days'; start: IsoDate; end: IsoDate }
  /** The report gives only the month ("November 2017"): `YYYY-MM`. */
  | { kind: 'month'; month: string };

export interface Event extends Located {
  /** Identity, unique in the document: `iot-week-2017`. Calendar UIDs are derived from it. */
  id: string;
  /** Name as printed: `IoT Week 2017`. Plain text (typed quotes already made curly). */
  title: string;
  dates: EventDates;
  /** As the report gives it: `Geneva, Switzerland`. A part without its own takes its event's. */
  location?: string;
  /** Words printed after the place in the forums list: `jointly organized with IEC and ISO`. */
  note?: string;
  /** Sub-events (the days of a week of meetings), in source order. Parts have no parts. */
  parts: Event[];
  /** For a part: the id of the event it belongs to. */
  partOf?: string;
  /** Where each key of this event stands in the source (`id`, `start`, `end`, `date`, `month`, ...). */
  places: Record<string, Position>;
}

/** Every event of a list with its parts, parents before their parts, in source order. */
export function allEvents(events: readonly Event[]): Event[] {
  return events.flatMap((event) => [event, ...event.parts]);
}

/** First and last day an event may cover (the whole month for a month-only event). */
export function eventSpan(dates: EventDates): { first: IsoDate; last: IsoDate } {
  if (dates.kind === 'days') return { first: dates.start, last: dates.end };
  const [year, month] = dates.month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${dates.month}-01`, last: `${dates.month}-${String(days).padStart(2, '0')}` };
}
