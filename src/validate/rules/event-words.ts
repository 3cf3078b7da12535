import type { Rule } from '../rule.js';
import { inlineNodes } from '../../model/walk.js';

export const eventWords: Rule = {
  id: 'event-words',
  severity: 'error',
  check(document, report) {
    for (const node of inlineNodes(document)) {
      if (node.type === 'event' && node.children.length === 0) {
        report(
          `a reference to event "${node.id}" needs the words it links: [IoT Week 2017](event:${node.id}); ` +
            `"<event:${node.id}>" is only for a list item on its own, which lists the event`,
          node.position,
        );
      }
    }
  },
};
