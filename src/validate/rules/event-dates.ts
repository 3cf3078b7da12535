import type { Rule } from '../rule.js';
import { eventSpan } from '../../model/events.js';

export const eventDates: Rule = {
  id: 'event-dates',
  severity: 'error',
  check({ events }, report) {
    for (const event of events ?? []) {
      for (const each of [event, ...event.parts]) {
        if (each.dates.kind === 'days' && each.dates.end < each.dates.start) {
          report(`event "${each.id}" ends (${each.dates.end}) before it starts (${each.dates.start})`, each.places['end']);
        }
      }
      const whole = eventSpan(event.dates);
      if (event.dates.kind === 'days' && event.dates.end < event.dates.start) continue;
      for (const part of event.parts) {
        const span = eventSpan(part.dates);
        if (span.first < whole.first || span.last > whole.last) {
          const where = part.places['date'] ?? part.places['start'] ?? part.places['month'] ?? part.position;
          report(
            `"${part.id}" is a part of "${event.id}" but falls outside it (${whole.first} to ${whole.last}): fix its dates or the event's`,
            where,
          );
        }
      }
    }
  },
};
