// Model → the document's entry for the index of its folder (`C17-23-E.meta.json`,
// see src/session/entry.ts): its number, title, dates and events as data, so that
// `council-docs index` can list it and merge its events without its source.
import type { CouncilDocument } from '../../model/document.js';
import { allEvents } from '../../model/events.js';
import { documentTitle } from '../../locale/labels.js';
import { ENTRY_VERSION, type DocumentEntry } from '../../session/entry.js';
import type { WriteOptions } from '../options.js';

export function documentEntry(document: CouncilDocument, options: WriteOptions): DocumentEntry {
  const { meta } = document;
  return {
    version: ENTRY_VERSION,
    document: meta.document,
    ...(meta.amendment ? { amendment: { kind: meta.amendment.kind, number: meta.amendment.number } } : {}),
    language: meta.language,
    original: meta.original,
    file: options.labels.fileStem,
    title: documentTitle(meta, options.locale),
    date: meta.date,
    ...(meta.agendaItem === undefined ? {} : { agendaItem: meta.agendaItem }),
    meeting: { name: meta.meeting.name, place: meta.meeting.place, start: meta.meeting.start, end: meta.meeting.end },
    events: allEvents(document.events).map((event) => ({
      id: event.id,
      title: event.title,
      dates: event.dates.kind === 'days' ? { kind: 'days', start: event.dates.start, end: event.dates.end } : { kind: 'month', month: event.dates.month },
      ...(event.location === undefined ? {} : { location: event.location }),
      ...(event.note === undefined ? {} : { note: event.note }),
      ...(event.partOf === undefined ? {} : { partOf: event.partOf }),
    })),
  };
}

export function writeEntry(document: CouncilDocument, options: WriteOptions): string {
  return `${JSON.stringify(documentEntry(document, options), null, 2)}\n`;
}
