import type { Rule } from '../rule.js';
import { inlineNodes } from '../../model/walk.js';
import { standardKey } from '../../read/standards.js';

export const standardStatus: Rule = {
  id: 'standard-status',
  severity: 'warning',
  check(document, report) {
    if (!document.standards) return;
    const missing = new Set(document.standards.filter((s) => !s.status).map((s) => standardKey(s.id)));
    for (const node of inlineNodes(document)) {
      if (node.type !== 'standard') continue;
      if (!missing.delete(standardKey(node.id))) continue;
      report(`the annex has no status for ${node.id}: add "${node.id}: approved" (or consented, determined, agreed, in-force, draft) under "standards" in the front matter`, node.position);
    }
  },
};
