import type { Rule } from '../rule.js';
import { CONTINUATION_MARKER } from '../../read/body.js';

export const orphanContinuation: Rule = {
  id: 'orphan-continuation',
  severity: 'error',
  check(document, report) {
    for (const section of document.sections) {
      let numbered = false;
      for (const block of section.blocks) {
        if (block.type !== 'paragraph') continue;
        if (!block.continuation) numbered = true;
        else if (!numbered) {
          report(
            `this paragraph continues nothing: no numbered paragraph comes before it in section ${section.number}; ` +
              `remove the "${CONTINUATION_MARKER.trim()}" to give it a number`,
            block.position,
          );
        }
      }
    }
  },
};
