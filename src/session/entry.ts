// What a build leaves beside a document's outputs for the index of the folder
// (`<stem>.meta.json`): the document's data, not its words laid out. The index
// and the session calendars are made from these entries alone, because the
// sources may be on other machines (a build split in shards). An entry read
// back is data from outside: it is checked here before anything uses it, and
// every text in it is escaped by whatever writes it.
import * as z from 'zod';
import { LANGUAGES } from '../model/meta-schema.js';
import { impossibleDate } from '../model/meta-schema.js';

export const ENTRY_SUFFIX = '.meta.json';
/** The shape of an entry; a later one that reads otherwise gets a new number. */
export const ENTRY_VERSION = 1;
/** No entry the tool writes comes near this; a bigger file is refused unread. */
export const ENTRY_MAX_BYTES = 1 << 20;

/**
 * Text that HTML and iCalendar can carry: no control characters (other than tab and line feed),
 * which an HTML checker refuses and no source lets through.
 */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u0008\u000B-\u001F\u007F]*$/, { error: 'holds a control character' });

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written as YYYY-MM-DD' })
  .refine((value) => impossibleDate(value) === undefined, { error: 'not a real day' });

const month = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { error: 'expected a month written as YYYY-MM' });

const eventId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected an event id, e.g. iot-week-2017' })
  .max(200);

const entryEvent = z.strictObject({
  id: eventId,
  title: text(2000),
  dates: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('days'), start: day, end: day }),
    z.strictObject({ kind: z.literal('month'), month }),
  ]),
  location: text(2000).optional(),
  note: text(2000).optional(),
  partOf: eventId.optional(),
});

export const entrySchema = z.strictObject({
  version: z.literal(ENTRY_VERSION),
  /** "C17/23": the shapes the front matter accepts, so a file name made from it is a plain one. */
  document: z.string().regex(/^C\d{2}\/(?:(?:INF|DT|DL)\/)?\d+$/, { error: 'expected a document number, e.g. C17/23' }),
  amendment: z
    .strictObject({ kind: z.enum(['revision', 'addendum', 'corrigendum']), number: z.number().int().min(1).max(999) })
    .optional(),
  language: z.enum(LANGUAGES),
  original: z.enum(LANGUAGES),
  /** The outputs' common name, "C17-23-Rev1-E": they are `<file><suffix>` in the entry's folder. */
  file: z
    .string()
    .regex(/^C\d{2}-(?:(?:INF|DT|DL)-)?\d+(?:-(?:Rev|Add|Corr)\d{1,3})?-[A-Z]$/, { error: 'expected the outputs\' name, e.g. C17-23-E' }),
  title: text(5000),
  date: day,
  agendaItem: text(200).optional(),
  meeting: z.strictObject({ name: text(500), place: text(500), start: day, end: day }),
  events: z.array(entryEvent).max(5000),
});

export type DocumentEntry = z.infer<typeof entrySchema>;
export type EntryEvent = DocumentEntry['events'][number];
