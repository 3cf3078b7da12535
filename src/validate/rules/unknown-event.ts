import type { Rule } from '../rule.js';
import type { EventRef } from '../../model/document.js';
import { allEvents } from '../../model/events.js';
import { inlineNodes, listItems } from '../../model/walk.js';

/** Edits to turn one id into another: a misspelt id is named with the one it resembles. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export const unknownEvent: Rule = {
  id: 'unknown-event',
  severity: 'error',
  check(document, report) {
    // Without front matter there are no events to compare with: its own errors are reported.
    if (!document.meta) return;
    const ids = allEvents(document.events ?? []).map((e) => e.id);
    const refs: EventRef[] = [
      ...inlineNodes(document).filter((n): n is EventRef => n.type === 'event'),
      ...listItems(document.sections).flatMap((item) => (item.event ? [item.event] : [])),
    ];
    for (const ref of refs) {
      if (ids.includes(ref.id)) continue;
      const near = ids
        .map((id) => ({ id, d: distance(ref.id, id) }))
        .filter(({ d }) => d <= Math.max(2, Math.floor(ref.id.length / 4)))
        .sort((a, b) => a.d - b.d)[0];
      const hint = near
        ? `did you mean "${near.id}"?`
        : ids.length > 0
          ? 'add it to "events" in the front matter'
          : 'the front matter has no "events" yet: add the event there';
      report(`no event "${ref.id}" in the front matter: ${hint}`, ref.position);
    }
  },
};
