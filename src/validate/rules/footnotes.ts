// Footnotes: every citation names a note, every note has one id, is cited, and is cited once.
import type { Rule } from '../rule.js';
import type { FootnoteRef } from '../../model/document.js';
import { inlineNodes } from '../../model/walk.js';
import { nearest } from '../nearest.js';

const citations = (document: Parameters<Rule['check']>[0]) =>
  inlineNodes(document).filter((n): n is FootnoteRef => n.type === 'footnote-ref');

export const unknownFootnote: Rule = {
  id: 'unknown-footnote',
  severity: 'error',
  check(document, report) {
    const ids = document.footnotes.map((n) => n.id);
    for (const ref of citations(document)) {
      if (ref.footnote) continue;
      const near = nearest(ref.id, ids);
      report(
        `no footnote "[^${ref.id}]": ${near ? `did you mean "[^${near}]"?` : `add its text on a line of its own: "[^${ref.id}]: ..."`}`,
        ref.position,
      );
    }
  },
};

export const duplicateFootnote: Rule = {
  id: 'duplicate-footnote',
  severity: 'error',
  check(document, report) {
    const seen = new Map<string, number | undefined>();
    for (const note of document.footnotes) {
      if (seen.has(note.id)) {
        report(`a second footnote "[^${note.id}]" (the first is on line ${seen.get(note.id)}): give each note an id of its own`, note.position);
      } else seen.set(note.id, note.position?.start.line);
    }
  },
};

export const footnoteCitedTwice: Rule = {
  id: 'footnote-cited-twice',
  severity: 'error',
  check(document, report) {
    const first = new Map<string, FootnoteRef>();
    for (const ref of citations(document)) {
      const earlier = first.get(ref.id);
      if (!earlier) first.set(ref.id, ref);
      else if (ref.footnote) {
        report(
          `footnote "[^${ref.id}]" is cited a second time (first on line ${earlier.position?.start.line}): a note stands at one place; ` +
            `to point to it again, write "[](#${ref.id})", which prints its number`,
          ref.position,
        );
      }
    }
  },
};

export const unusedFootnote: Rule = {
  id: 'unused-footnote',
  severity: 'warning',
  check(document, report) {
    const ids = new Set<string>();
    for (const note of document.footnotes) {
      // A second note with one id is reported as a duplicate, not as unused.
      if (ids.has(note.id)) continue;
      ids.add(note.id);
      if (note.number === 0) report(`footnote "[^${note.id}]" is never cited, so it is printed nowhere: cite it with "[^${note.id}]" in the text, or remove it`, note.position);
    }
  },
};
