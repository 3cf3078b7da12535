// DTSTAMP must not be the wall clock, or every rebuild would change the
// calendar's bytes: it is SOURCE_DATE_EPOCH when set, else the document's date.
import type { IsoDate } from '../../model/meta.js';

export class IcsStampError extends Error {}

export function calendarStamp(documentDate: IsoDate, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch.trim())) throw new IcsStampError(`SOURCE_DATE_EPOCH is "${epoch}": give whole seconds since 1970`);
    return new Date(Number(epoch.trim()) * 1000);
  }
  return new Date(`${documentDate}T00:00:00Z`);
}
