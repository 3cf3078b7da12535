// Front matter of a translation (`C17-23.fr.md` beside `C17-23.md`). A translation shares its
// original's data: the number, dates, agenda item, event dates and standards' statuses are the
// original's and are not typed again. It gives only words: its title, summary box, references, the
// meeting's name and place, and each event's title, note and place, by event id.
import * as z from 'zod';
import { LANGUAGES, text } from './meta-schema.js';

const eventWords = z
  .strictObject({
    title: text('the event title').describe("The event's name in this language"),
    location: text('the location').optional().describe('The place, where this language writes it differently'),
    note: text('the note').optional().describe("The event's note in this language"),
  }, { error: 'expected title (and location, note) under the event id' })
  .describe("An event's words in this language");

export const translationSchema = z
  .strictObject({
    language: z
      .enum(LANGUAGES, { error: `expected one of the six ITU languages: ${LANGUAGES.join(', ')}` })
      .describe('Language of this translation'),
    partial: z
      .boolean({ error: 'expected true or false' })
      .optional()
      .describe('True while the translation holds only the first sections of its original'),
    title: text('the title').optional().describe("The original's title in this language"),
    summary: text('the summary').optional().describe('The summary box in this language (Markdown inline)'),
    action_required: text('the action required').optional().describe('The action required in this language'),
    references: z
      .array(text('a reference'), { error: 'expected a list of references' })
      .optional()
      .describe("The original's references in this language, one per item, in its order"),
    contributors: z
      .array(text('a contributor'), { error: 'expected a list of contributors' })
      .optional()
      .describe("A contribution's contributors as this language names them, in the original's order"),
    meeting: z
      .strictObject({
        name: text('the meeting name').optional(),
        place: text('the meeting place').optional(),
      }, { error: 'expected name and place under "meeting:"' })
      .optional()
      .describe("The meeting's name and place in this language; its dates are the original's"),
    events: z
      .record(z.string(), eventWords, { error: 'expected a map of event ids to their words' })
      .optional()
      .describe("Each event's (and part's) words by its id; its dates are the original's"),
  })
  .describe('Front matter of a translation of a Council document');

export type TranslationFrontMatter = z.infer<typeof translationSchema>;
