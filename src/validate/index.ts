// Runs every rule over a document; messages land on the source's VFile.
import type { VFile } from 'vfile';
import { error, warn } from '../diagnostics/report.js';
import type { Checked, Rule } from './rule.js';
import { emptySection } from './rules/empty-section.js';
import { orphanContinuation } from './rules/orphan-continuation.js';
import { meetingDates } from './rules/meeting-dates.js';
import { eventDates } from './rules/event-dates.js';
import { duplicateEvent } from './rules/duplicate-event.js';
import { unknownEvent } from './rules/unknown-event.js';
import { eventWords } from './rules/event-words.js';
import { malformedStandard } from './rules/malformed-standard.js';
import { standardTitle } from './rules/standard-title.js';
import { unknownStandard } from './rules/unknown-standard.js';
import { standardStatus } from './rules/standard-status.js';
import { paragraphLevel } from './rules/paragraph-level.js';
import { duplicateFootnote, footnoteCitedTwice, unknownFootnote, unusedFootnote } from './rules/footnotes.js';
import { duplicateLabel, unknownLabel } from './rules/labels.js';

export const RULES: Rule[] = [
  emptySection,
  orphanContinuation,
  paragraphLevel,
  unknownFootnote,
  duplicateFootnote,
  footnoteCitedTwice,
  unusedFootnote,
  duplicateLabel,
  unknownLabel,
  meetingDates,
  eventDates,
  duplicateEvent,
  unknownEvent,
  eventWords,
  malformedStandard,
  standardTitle,
  unknownStandard,
  standardStatus,
];

// A translation's dates, events and statuses are its original's: their problems are said once, on
// the original. Its quoted titles are in its own language, which the catalogue's are not.
const ORIGINAL_DATA = new Set<Rule>([meetingDates, eventDates, duplicateEvent, standardTitle, unknownStandard, standardStatus]);
export const TRANSLATION_RULES: Rule[] = RULES.filter((rule) => !ORIGINAL_DATA.has(rule));

export function validate(document: Checked, file: VFile, rules: Rule[] = RULES): void {
  for (const rule of rules) {
    const emit = rule.severity === 'error' ? error : warn;
    rule.check(document, (reason, place) => emit(file, reason, place, rule.id));
  }
}
