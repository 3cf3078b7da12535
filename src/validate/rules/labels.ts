// Cross-references: every label is given once, and every reference names one.
import type { Rule } from '../rule.js';
import type { CrossRef } from '../../model/document.js';
import { inlineNodes } from '../../model/walk.js';
import { labelledTargets } from '../../transform/references.js';
import { nearest } from '../nearest.js';

export const duplicateLabel: Rule = {
  id: 'duplicate-label',
  severity: 'error',
  check(document, report) {
    const seen = new Map<string, number | undefined>();
    for (const { label, position } of labelledTargets(document)) {
      if (seen.has(label)) {
        report(`the label "${label}" is given twice (first on line ${seen.get(label)}): a reference must name one place`, position);
      } else seen.set(label, position?.start.line);
    }
  },
};

export const unknownLabel: Rule = {
  id: 'unknown-label',
  severity: 'error',
  check(document, report) {
    const labels = labelledTargets(document).map((t) => t.label);
    for (const node of inlineNodes(document)) {
      if (node.type !== 'xref' || (node as CrossRef).target) continue;
      const uncited = document.footnotes.some((n) => n.id === node.label && n.number === 0);
      const near = nearest(node.label, labels);
      const hint = uncited
        ? `footnote "[^${node.label}]" is never cited, so it has no number to print`
        : near
          ? `did you mean "#${near}"?`
          : 'give the paragraph, heading, table title or figure a label: "{#' + node.label + '}" at its end';
      report(`no label "${node.label}" in this document: ${hint}`, node.position);
    }
  },
};
