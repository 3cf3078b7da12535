// The front matter's schema: the validator checks sources with it and the
// JSON Schema for editors is generated from it, so the two cannot disagree.
import { z } from 'zod';

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

const text = (what: string) =>
  z.string({ error: `expected ${what} as text` }).trim().min(1, { error: `${what} is empty` });

export const DOCUMENT_NUMBER = /^C\d{2}\/(?:(?:INF|DT|DL)\/)?\d+$/;

export const frontMatterSchema = z
  .strictObject({
    document: z
      .string({ error: 'expected the document number as text, e.g. C17/23' })
      .regex(DOCUMENT_NUMBER, {
        error: 'a Council document number looks like C17/23: C, the two-digit year, "/", the number',
      })
      .describe('Council document number without the language suffix, e.g. C17/23'),
    date: isoDate.describe('Date of the document, YYYY-MM-DD'),
    language: z
      .enum(LANGUAGES, { error: `expected one of the six ITU languages: ${LANGUAGES.join(', ')}` })
      .describe('Language of this version of the document'),
    title: text('the title').describe('Title in normal case; it is printed in capitals'),
    meeting: z
      .strictObject({
        name: text('the meeting name').describe('e.g. Council 2017'),
        place: text('the meeting place').describe('e.g. Geneva'),
        start: isoDate.describe('First day of the meeting'),
        end: isoDate.describe('Last day of the meeting'),
      })
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
      .enum(['report', 'note'], { error: 'expected report or note' })
      .describe('"Report by" or "Note by" the Secretary-General'),
    summary: text('the summary').describe('Summary shown in the first-page box (Markdown inline)'),
    action_required: text('the action required').describe('What Council is asked to do (Markdown inline)'),
    references: z
      .array(text('a reference'), { error: 'expected a list of references' })
      .optional()
      .describe('Documents the report refers to, one per item (Markdown inline)'),
    revision: z
      .number({ error: 'expected a revision number' })
      .int({ error: 'expected a whole revision number' })
      .min(1, { error: 'a revision number starts at 1' })
      .optional()
      .describe('Revision number when this is a revised issue'),
  })
  .describe('Front matter of an ITU Council document source');

export type FrontMatter = z.infer<typeof frontMatterSchema>;
