import type { Rule } from '../rule.js';
import { inlineNodes } from '../../model/walk.js';
import { findMalformedStandards } from '../../read/standards.js';
import { exactPlaces } from '../../transform/standards.js';

export const malformedStandard: Rule = {
  id: 'malformed-standard',
  severity: 'warning',
  check(document, report) {
    for (const node of inlineNodes(document)) {
      if (node.type === 'standard' && node.malformed) {
        // The reader has already matched it to the one catalogued standard it can mean.
        report(`"${node.text}" is not a complete ITU identifier: ${node.id}?`, node.position);
      } else if (node.type === 'text') {
        const places = exactPlaces(node);
        for (const match of findMalformedStandards(node.value)) {
          const place = places ? places(match.index, match.index + match.text.length) : node.position;
          const fix = match.series
            ? `${match.text.slice(0, match.text.length - match.series.length - match.number.length)}${match.series}.${match.number}?`
            : `add the series letter before ${match.number} (no catalogued standard has that number)`;
          report(`"${match.text}" is not a complete ITU identifier: ${fix}`, place);
        }
      }
    }
  },
};
