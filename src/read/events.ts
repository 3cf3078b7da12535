// Front matter `events:` → model events. The schema has already checked the
// values; this gives each event its dates, its places in the source, and its
// parts their event's location.
import type { Position } from 'unist';
import type { Event, EventDates } from '../model/events.js';
import type { FrontMatter } from '../model/meta-schema.js';
import { smartQuotes } from './quotes.js';

type RawEvent = NonNullable<FrontMatter['events']>[number];
type RawPart = NonNullable<RawEvent['parts']>[number];

const FIELDS = ['id', 'title', 'date', 'start', 'end', 'month', 'location', 'note', 'parts'] as const;

function dates(raw: RawPart): EventDates {
  if (raw.month) return { kind: 'month', month: raw.month };
  if (raw.date) return { kind: 'days', start: raw.date, end: raw.date };
  return { kind: 'days', start: raw.start!, end: raw.end! };
}

function event(raw: RawPart, path: PropertyKey[], placeOf: (path: PropertyKey[]) => Position, parent?: Event): Event {
  const places: Record<string, Position> = {};
  for (const field of FIELDS) if (field in raw) places[field] = placeOf([...path, field]);
  const location = raw.location ?? parent?.location;
  const note = raw.note === undefined ? undefined : smartQuotes(raw.note);
  return {
    id: raw.id,
    title: smartQuotes(raw.title),
    dates: dates(raw),
    ...(location === undefined ? {} : { location }),
    ...(note === undefined ? {} : { note }),
    parts: [],
    ...(parent ? { partOf: parent.id } : {}),
    places,
    position: placeOf(path),
  };
}

export function readEvents(raw: FrontMatter['events'], placeOf: (path: PropertyKey[]) => Position): Event[] {
  return (raw ?? []).map((entry, i) => {
    const parent = event(entry, ['events', i], placeOf);
    parent.parts = (entry.parts ?? []).map((part, j) => event(part, ['events', i, 'parts', j], placeOf, parent));
    return parent;
  });
}
