// Dates as Council documents print them ("31 March 2017", "15-25 May 2017"),
// with the words and order from locale data.
import type { IsoDate } from '../model/meta.js';
import { fill, type LocaleData } from './locale.js';

/** The name of month `number` (1-12) in a date with a day: genitive where the language has it. */
export function dayMonthName(number: number, locale: LocaleData): string {
  return (locale.months_genitive ?? locale.months)[number - 1]!;
}

function parts(date: IsoDate, locale: LocaleData) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, day, month: dayMonthName(month, locale), monthNumber: month };
}

export function formatDay(date: IsoDate, locale: LocaleData): string {
  return fill(locale.dates.day, parts(date, locale));
}

export function formatRange(start: IsoDate, end: IsoDate, locale: LocaleData): string {
  if (start === end) return formatDay(start, locale);
  const a = parts(start, locale);
  const b = parts(end, locale);
  if (a.year !== b.year) {
    return fill(locale.dates.different_years, { start: formatDay(start, locale), end: formatDay(end, locale) });
  }
  if (a.monthNumber === b.monthNumber) {
    return fill(locale.dates.same_month, { startDay: a.day, endDay: b.day, month: a.month, year: a.year });
  }
  return fill(locale.dates.same_year, {
    startDay: a.day,
    startMonth: a.month,
    endDay: b.day,
    endMonth: b.month,
    year: a.year,
  });
}
