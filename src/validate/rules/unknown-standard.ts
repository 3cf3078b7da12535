import type { Rule } from '../rule.js';
import { inlineNodes } from '../../model/walk.js';
import { standardKey } from '../../read/standards.js';
import { cataloguePath } from '../../read/catalogue.js';

export const unknownStandard: Rule = {
  id: 'unknown-standard',
  severity: 'warning',
  check(document, report) {
    if (!document.standards) return;
    const uncatalogued = new Set(document.standards.filter((s) => !s.catalogued).map((s) => standardKey(s.id)));
    for (const node of inlineNodes(document)) {
      if (node.type !== 'standard') continue;
      const key = standardKey(node.id);
      if (!uncatalogued.delete(key)) continue;
      report(
        `${node.id} is not in the standards catalogue (${cataloguePath(document.path)}): ` +
          'add its official title there; the annex prints the title the text gives',
        node.position,
      );
    }
  },
};
