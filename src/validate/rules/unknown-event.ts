import type { Rule } from '../rule.js';
import type { EventRef } from '../../model/document.js';
import { allEvents } from '../../model/events.js';
import { inlineNodes, listItems } from '../../model/walk.js';
import { nearest } from '../nearest.js';

export const unknownEvent: Rule = {
  id: 'unknown-event',
  severity: 'error',
  check(document, report) {
    // Without front matter there are no events to compare with: its own errors are reported.
    if (!document.meta) return;
    const ids = allEvents(document.events ?? []).map((e) => e.id);
    const refs: EventRef[] = [
      ...inlineNodes(document).filter((n): n is EventRef => n.type === 'event'),
      ...listItems(document).flatMap((item) => (item.event ? [item.event] : [])),
    ];
    for (const ref of refs) {
      if (ids.includes(ref.id)) continue;
      const near = nearest(ref.id, ids);
      const hint = near
        ? `did you mean "${near}"?`
        : ids.length > 0
          ? 'add it to "events" in the front matter'
          : 'the front matter has no "events" yet: add the event there';
      report(`no event "${ref.id}" in the front matter: ${hint}`, ref.position);
    }
  },
};
