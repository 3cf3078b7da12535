// The words of an event in a list ("IoT Week 2017; 6-9 June 2017, Geneva,
// Switzerland"), as plain text for any writer to lay out and escape. Which
// pieces come in which order is locale data (templates/locale/<lang>.yaml, `events`).
import type { Event, EventDates } from '../model/events.js';
import { allEvents } from '../model/events.js';
import { fill, type LocaleData } from './locale.js';
import { dayMonthName, formatRange } from './dates.js';

function monthText(month: string, locale: LocaleData): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return fill(locale.events.month, { month: locale.months[number - 1]!, year });
}

/** "6-9 June 2017", "12 March 2017", "November 2017". */
export function eventDatesText(dates: EventDates, locale: LocaleData): string {
  return dates.kind === 'month' ? monthText(dates.month, locale) : formatRange(dates.start, dates.end, locale);
}

/** The month of an event that lies within one ("September 2016"), else its dates. */
function period(dates: EventDates, locale: LocaleData): string {
  if (dates.kind === 'days' && dates.start.slice(0, 7) === dates.end.slice(0, 7)) return monthText(dates.start.slice(0, 7), locale);
  return eventDatesText(dates, locale);
}

/** A part's dates without the year its event already gives ("5-7 September"). */
function partDatesText(part: Event, parent: Event | undefined, locale: LocaleData): string {
  const year = parent && (parent.dates.kind === 'days' ? parent.dates.start : parent.dates.month).slice(0, 4);
  const dates = part.dates;
  if (dates.kind === 'month' || dates.start.slice(0, 4) !== year || dates.end.slice(0, 4) !== year) {
    return eventDatesText(dates, locale);
  }
  const [, startMonth, startDay] = dates.start.split('-').map(Number) as [number, number, number];
  const [, endMonth, endDay] = dates.end.split('-').map(Number) as [number, number, number];
  const name = (month: number) => dayMonthName(month, locale);
  if (dates.start === dates.end) return fill(locale.events.part_day, { day: startDay, month: name(startMonth) });
  if (startMonth === endMonth) return fill(locale.events.part_same_month, { startDay, endDay, month: name(startMonth) });
  return fill(locale.events.part_same_year, { startDay, startMonth: name(startMonth), endDay, endMonth: name(endMonth) });
}

/**
 * The words of a list item that lists `event`: a part as "5-7 September: title", an event with
 * parts as "title, place in September 2016:", any other as "title; dates, place, note".
 * `events` is the document's list, where a part's event is found.
 */
export function eventItemText(event: Event, events: readonly Event[], locale: LocaleData): string {
  const phrases = locale.events;
  if (event.partOf !== undefined) {
    const parent = allEvents(events).find((e) => e.id === event.partOf);
    return fill(phrases.part, { dates: partDatesText(event, parent, locale), title: event.title });
  }
  const values = {
    title: event.title,
    location: event.location ?? '',
    note: event.note ?? '',
    dates: eventDatesText(event.dates, locale),
    period: period(event.dates, locale),
  };
  return fill(event.parts.length > 0 ? phrases.item_with_parts : phrases.item, values);
}
