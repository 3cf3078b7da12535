import type { Rule } from '../rule.js';

export const emptySection: Rule = {
  id: 'empty-section',
  severity: 'error',
  check(document, report) {
    for (const section of document.sections) {
      if (section.blocks.length === 0) {
        report(`section ${section.number} has a heading and no text: add its paragraphs or remove the heading`, section.position);
      }
    }
    for (const annex of document.annexes) {
      if (annex.blocks.length === 0) {
        report(`this annex has a title and no text: add its paragraphs or remove the heading`, annex.position);
      }
    }
  },
};
