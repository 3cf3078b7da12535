import type { Rule } from '../rule.js';
import { bodies } from '../../model/walk.js';

const marker = (level: number) => Array.from({ length: level + 1 }, () => '#').join('.');

/** A paragraph number one level deeper than the paragraph above it at most: 2.3 → 2.3.1, never 2.3 → 2.3.1.1. */
export const paragraphLevel: Rule = {
  id: 'paragraph-level',
  severity: 'error',
  check(document, report) {
    for (const body of bodies(document)) {
      let level = 0;
      for (const block of body.blocks) {
        if (block.type !== 'paragraph' || block.continuation) continue;
        if (block.level > level + 1) {
          const above = level === 0 ? `no numbered paragraph comes before it in this ${body.type}` : `the paragraph above is at level "${marker(level)}"`;
          report(
            `"${marker(block.level)}" goes ${block.level - level} levels down, and ${above}: numbers go down one level at a time (2.3, then 2.3.1); write "${marker(level + 1)}"`,
            block.position,
          );
        }
        level = block.level;
      }
    }
  },
};
