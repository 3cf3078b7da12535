import type { Rule } from '../rule.js';
import { CONTINUATION_MARKER } from '../../read/body.js';
import { bodies } from '../../model/walk.js';

export const orphanContinuation: Rule = {
  id: 'orphan-continuation',
  severity: 'error',
  check(document, report) {
    for (const body of bodies(document)) {
      let numbered = false;
      for (const block of body.blocks) {
        if (block.type !== 'paragraph') continue;
        if (!block.continuation) numbered = true;
        else if (!numbered) {
          const where = body.type === 'section' ? `in section ${body.number}` : 'in this annex';
          report(
            `this paragraph continues nothing: no numbered paragraph comes before it ${where}; ` +
              `remove the "${CONTINUATION_MARKER.trim()}" to give it a number`,
            block.position,
          );
        }
      }
    }
  },
};
