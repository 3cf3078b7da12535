// The front matter's schema: the validator checks sources with it and the
// JSON Schema for editors is generated from it, so the two cannot disagree.
import * as z from 'zod';
import { STANDARD_STATUSES } from './standards.js';
import { withoutInvisible } from './characters.js';

export const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Why an ISO date string names no real day, or undefined when it does. */
export function impossibleDate(value: string): string | undefined {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `${value} is not a date: there is no month ${month}`;
  const last = month === 2 && !isLeap(year) ? 28 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > last) return `${value} is not a date: that month has ${last} days`;
  return undefined;
}

export const isoDate = z
  .string({ error: 'expected a date written as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written as YYYY-MM-DD' })
  .superRefine((value, ctx) => {
    const why = impossibleDate(value);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  })
  .meta({ format: 'date' });

export const text = (what: string) =>
  z.string({ error: `expected ${what} as text` }).trim().min(1, { error: `${what} is empty` });

const month = z
  .string({ error: 'expected a month written as YYYY-MM' })
  .regex(/^\d{4}-\d{2}$/, { error: 'expected a month written as YYYY-MM' })
  .superRefine((value, ctx) => {
    const number = Number(value.slice(5));
    if (number < 1 || number > 12) ctx.addIssue({ code: 'custom', message: `${value} is not a month: there is no month ${number}` });
  });

const eventFields = {
  id: z
    .string({ error: 'expected the event id as text, e.g. iot-week-2017' })
    // Seen through, as in the text's references to it: the calendar's UID is made of the id.
    .overwrite(withoutInvisible)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'an event id is lower-case letters and digits joined by "-", e.g. iot-week-2017',
    })
    .describe('Identity of the event, unique in the document; text refers to it as (event:id)'),
  title: text('the event title').describe('Name of the event as printed'),
  date: isoDate.optional().describe('The day of a one-day event'),
  start: isoDate.optional().describe('First day of an event of several days'),
  end: isoDate.optional().describe('Last day of an event of several days'),
  month: month.optional().describe('YYYY-MM, when the report gives only the month'),
  location: text('the location').optional().describe('As the report gives it, e.g. Geneva, Switzerland'),
  note: text('the note').optional().describe('Words printed after the place in a list of events'),
};

/** Exactly one way of dating an event: date, start and end, or month. */
function oneDating(value: { date?: string; start?: string; end?: string; month?: string }, ctx: z.RefinementCtx): void {
  const forms = [value.date && 'date', (value.start || value.end) && 'start/end', value.month && 'month'].filter(Boolean);
  if (forms.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message:
        forms.length === 0
          ? 'the event has no date: give "date" (one day), "start" and "end" (several days) or "month" (YYYY-MM)'
          : `the event is dated twice (${forms.join(' and ')}): keep one`,
    });
  } else if (forms[0] === 'start/end' && !(value.start && value.end)) {
    ctx.addIssue({
      code: 'custom',
      message: `an event with "${value.start ? 'start' : 'end'}" needs "${value.start ? 'end' : 'start'}" too (or use "date" for one day)`,
    });
  }
}

const eventPartSchema = z
  .strictObject(eventFields)
  .superRefine(oneDating)
  .describe('A part of an event (one of its days), dated within it');

const eventSchema = z
  .strictObject({
    ...eventFields,
    parts: z.array(eventPartSchema, { error: 'expected a list of parts' }).optional().describe('Sub-events'),
  })
  .superRefine(oneDating)
  .describe('A dated event the document mentions');

export const DOCUMENT_NUMBER = /^C\d{2}\/(?:(?:INF|DT|DL)\/)?\d+$/;


/**
 * C17/023 is refused rather than read as C17/23: ITU never writes a leading zero, so such a number
 * is a typing slip, and taken as written it would make a second document (C17-023-E.pdf) beside the
 * real one; read as C17/23, the page would print a number the author did not write.
 */
function leadingZero(value: string): string | undefined {
  const zero = /^(C\d{2}\/(?:(?:INF|DT|DL)\/)?)0+(\d+)$/.exec(value);
  return zero ? `${value} is written with a leading zero; Council numbers have none: write ${zero[1]}${Number(zero[2])}` : undefined;
}

/** Kinds of document with a first page of their own. */
export const KINDS = ['summary-record'] as const;
export const FROM = ['report', 'note', 'contribution'] as const;
/** Ordinals of plenary meetings in locale data go this far. */
export const MAX_PLENARY = 20;

const issueNumber = (what: string) =>
  z
    .number({ error: `expected ${what === 'addendum' ? 'an' : 'a'} ${what} number` })
    .int({ error: `expected a whole ${what} number` })
    .min(1, { error: `${what === 'addendum' ? 'an' : 'a'} ${what} number starts at 1` })
    .optional();

const clock = z
  .string({ error: 'expected a time written as HH:MM, in quotes: "10:10"' })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time written as HH:MM, e.g. "10:10" (24 hours)' });

/** The keys each kind of document needs, and those it has no place for. */
function kindKeys(fm: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const given = (key: string) => fm[key] !== undefined;
  const issued = (['revision', 'addendum', 'corrigendum'] as const).filter(given);
  if (issued.length > 1) {
    ctx.addIssue({ code: 'custom', path: [issued[1]!], message: `a document is a revision, an addendum or a corrigendum, not both ${issued[0]} and ${issued[1]}: keep one` });
  }
  const needs = (key: string, why: string) => {
    if (!given(key)) ctx.addIssue({ code: 'custom', path: [key], message: why });
  };
  const refuses = (key: string, why: string) => {
    if (given(key)) ctx.addIssue({ code: 'custom', path: [key], message: why });
  };
  if (fm['kind'] === 'summary-record') {
    needs('record', 'a summary record needs its meeting under "record:" (plenary, date, start, end, chairman)');
    for (const key of ['title', 'from', 'contributors', 'summary', 'action_required']) {
      refuses(key, `a summary record has no ${key === 'title' ? 'title of its own (its heading is made from "record")' : key === 'summary' || key === 'action_required' ? 'summary box' : 'from-line'}: remove it`);
    }
    return;
  }
  for (const key of ['title', 'from', 'summary', 'action_required']) needs(key, `missing required key "${key}"`);
  refuses('record', 'only a summary record (kind: summary-record) has "record": remove it, or add that kind');
  if (fm['from'] === 'contribution') needs('contributors', 'a contribution names who it is by under "contributors:"');
  else refuses('contributors', 'only a contribution (from: contribution) has contributors: remove them, or set "from: contribution"');
}

export const frontMatterSchema = z
  .strictObject({
    document: z
      .string({ error: 'expected the document number as text, e.g. C17/23' })
      .regex(DOCUMENT_NUMBER, {
        error: 'a Council document number looks like C17/23: C, the two-digit year, "/", the number',
      })
      .superRefine((value, ctx) => {
        const why = leadingZero(value);
        if (why) ctx.addIssue({ code: 'custom', message: why });
      })
      .describe('Council document number without the language suffix, e.g. C17/23'),
    date: isoDate.describe('Date of the document, YYYY-MM-DD'),
    language: z
      .enum(LANGUAGES, { error: `expected one of the six ITU languages: ${LANGUAGES.join(', ')}` })
      .describe('Language of this version of the document'),
    kind: z
      .enum(KINDS, { error: `expected one of: ${KINDS.join(', ')}` })
      .optional()
      .describe('"summary-record" for the summary record of a plenary meeting; a report, note or contribution otherwise'),
    title: text('the title').optional().describe('Title in normal case; it is printed in capitals (not in a summary record)'),
    meeting: z
      .strictObject({
        name: text('the meeting name').describe('e.g. Council 2017'),
        place: text('the meeting place').describe('e.g. Geneva'),
        start: isoDate.describe('First day of the meeting'),
        end: isoDate.describe('Last day of the meeting'),
      }, { error: 'expected name, place, start and end, each on its own line under "meeting:", indented by two spaces' })
      .describe('The session of Council the document is for'),
    agenda_item: text('the agenda item').optional().describe('e.g. PL 1.14'),
    original: z
      .enum(LANGUAGES, { error: `expected one of the six ITU languages: ${LANGUAGES.join(', ')}` })
      .optional()
      .describe('Language the document was written in; defaults to language'),
    untranslated: z
      .boolean({ error: 'expected true or false' })
      .optional()
      .describe('True for a paper issued in its original language only ("English only")'),
    from: z
      .enum(FROM, { error: 'expected report, note or contribution' })
      .optional()
      .describe('"Report by" or "Note by" the Secretary-General, or "Contribution by" the contributors'),
    contributors: z
      .array(text('a contributor'), { error: 'expected a list of the Member States (or others) the contribution is by' })
      .min(1, { error: 'name at least one contributor' })
      .optional()
      .describe('For a contribution: who it is by, each as printed, e.g. Mexico'),
    summary: text('the summary').optional().describe('Summary shown in the first-page box (Markdown inline)'),
    action_required: text('the action required').optional().describe('What Council is asked to do (Markdown inline)'),
    references: z
      .array(text('a reference'), { error: 'expected a list of references' })
      .optional()
      .describe('Documents the report refers to, one per item (Markdown inline)'),
    events: z
      .array(eventSchema, { error: 'expected a list of events' })
      .optional()
      .describe('Dated events of the document: the calendar and the lists of events are made from them'),
    standards: z
      .record(
        z.string(),
        z.enum(STANDARD_STATUSES, { error: `expected one of: ${STANDARD_STATUSES.join(', ')}` }),
        { error: 'expected a map of standard identifiers to their status, e.g. ITU-T Y.4113: approved' },
      )
      .optional()
      .describe('Status of each standard the document cites, as the document reports it (the annex prints it)'),
    revision: issueNumber('revision').describe('Revision number when this is a revised issue: C17/23(Rev.1)'),
    addendum: issueNumber('addendum').describe('Addendum number when this is an addendum: C17/23(Add.1)'),
    corrigendum: issueNumber('corrigendum').describe('Corrigendum number when this is a corrigendum: C17/23(Corr.1)'),
    changes_author: text('the author of the changes')
      .optional()
      .describe("Who a revision's changes are by, as its marked DOCX names them (default: the locale's changes.author)"),
    record: z
      .strictObject({
        plenary: z
          .number({ error: 'expected the number of the plenary meeting, e.g. 8' })
          .int({ error: 'expected a whole number' })
          .min(1, { error: 'plenary meetings are numbered from 1' })
          .max(MAX_PLENARY, { error: `a session has at most ${MAX_PLENARY} plenary meetings` })
          .describe('Which plenary meeting: 8 prints EIGHTH'),
        date: isoDate.describe('Day of the meeting'),
        start: clock.describe('Time the meeting opened, HH:MM'),
        end: clock.describe('Time the meeting closed, HH:MM'),
        chairman: text('the chairman').describe('As printed, e.g. Dr E. Spina (Italy)'),
      }, { error: 'expected plenary, date, start, end and chairman, each on its own line under "record:"' })
      .optional()
      .describe('For a summary record: the meeting it records'),
  })
  .superRefine(kindKeys)
  .describe('Front matter of an ITU Council document source');

export type FrontMatter = z.infer<typeof frontMatterSchema>;
