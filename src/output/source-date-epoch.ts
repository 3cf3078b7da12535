// SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/):
// when it is set, every stamp of a build (the DOCX's and PDF's dates, the
// calendar's DTSTAMP, the day of an issue) is that moment, so that two builds
// of the same sources give the same bytes. Read here only, so that every
// output takes the same value in the same way.
import type { IsoDate } from '../model/meta.js';

export class SourceDateEpochError extends Error {}

/** SOURCE_DATE_EPOCH as a moment; undefined when it is unset or blank. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const given = env['SOURCE_DATE_EPOCH'];
  const epoch = given?.trim();
  if (epoch === undefined || epoch === '') return undefined;
  const time = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch) || Number.isNaN(time.getTime())) {
    throw new SourceDateEpochError(`SOURCE_DATE_EPOCH is "${given}": give whole seconds since 1970, or leave it unset`);
  }
  return time;
}

/** The moment a document's outputs are stamped with: SOURCE_DATE_EPOCH when set, else midnight UTC of `date`. */
export function stampOf(date: IsoDate, env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? new Date(`${date}T00:00:00Z`);
}
