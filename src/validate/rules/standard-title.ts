import type { Rule } from '../rule.js';
import type { CitedStandard } from '../../model/standards.js';
import { inlineNodes } from '../../model/walk.js';
import { standardKey } from '../../read/standards.js';

// Titles differ in ways that are not differences: capitals ("Internet of Things"), the dash or
// apostrophe typed, spacing, and a supplement's series, which the text names before the quote.
function comparable(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,:]+$/, '')
    .trim();
}

const SERIES_PREFIX = /^ITU-[TRD] [A-Z]{1,3}\.\d+ series\s*[-\u2013\u2014]\s*/;

export function sameTitle(quoted: string, official: string): boolean {
  const text = comparable(quoted);
  return text === comparable(official) || text === comparable(official.replace(SERIES_PREFIX, ''));
}

export const standardTitle: Rule = {
  id: 'standard-title',
  severity: 'warning',
  check(document, report) {
    const byKey = new Map<string, CitedStandard>();
    for (const cited of document.standards ?? []) if (cited.catalogued) byKey.set(standardKey(cited.id)!, cited);
    for (const node of inlineNodes(document)) {
      if (node.type !== 'standard' || node.quotedTitle === undefined) continue;
      const cited = byKey.get(standardKey(node.id) ?? '');
      if (!cited || sameTitle(node.quotedTitle, cited.title)) continue;
      report(`the text calls ${cited.id} “${node.quotedTitle}”; its title is “${cited.title}”`, node.position);
    }
  },
};
