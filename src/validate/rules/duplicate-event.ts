import type { Rule } from '../rule.js';
import { allEvents, type Event } from '../../model/events.js';

export const duplicateEvent: Rule = {
  id: 'duplicate-event',
  severity: 'error',
  check({ events }, report) {
    const seen = new Map<string, Event>();
    for (const event of allEvents(events ?? [])) {
      const first = seen.get(event.id);
      if (!first) {
        seen.set(event.id, event);
        continue;
      }
      const line = first.places['id']?.start.line;
      report(
        `two events have the id "${event.id}" (the first${line ? ` on line ${line}` : ''}): ` +
          'an event is described once and referred to as often as needed; give a different event another id',
        event.places['id'] ?? event.position,
      );
    }
  },
};
