// `<!-- accept standard-title: why -->` on the line before a paragraph or a list
// accepts that warning there: the author has seen it and keeps the text as it
// is (an issued document is reproduced word for word, its quirks included).
// Only warnings can be accepted; an acceptance that silences nothing is
// itself a warning, so a stale one does not linger.
import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { warn } from '../diagnostics/report.js';

export interface Acceptance {
  rules: string[];
  /** The comment itself. */
  position: Position;
  /** The block it applies to. */
  applies: Position;
}

/** `accept rule-id [rule-id ...]`, then, after a colon, why (for the next reader of the source). */
const ACCEPT = /^<!--\s*accept\s+([a-z][a-z0-9-]*(?:[\s,]+[a-z][a-z0-9-]*)*)\s*(?::[\s\S]*)?-->$/;

export function findAcceptances(tree: Root): Acceptance[] {
  const found: Acceptance[] = [];
  tree.children.forEach((node, i) => {
    if (node.type !== 'html' || !node.position) return;
    const match = ACCEPT.exec(node.value.trim());
    const next = tree.children[i + 1];
    if (!match || !next?.position) return;
    found.push({ rules: match[1]!.split(/[\s,]+/), position: node.position, applies: next.position });
  });
  return found;
}

const within = (line: number | undefined, range: Position) =>
  line !== undefined && line >= range.start.line && line <= range.end.line;

/**
 * Drops the warnings the source accepts, and warns of acceptances that drop nothing. Without its
 * front matter (`checked` false) a source is checked only in part: the rules that would have
 * warned may not have run, so an acceptance that dropped nothing is not taken for a stale one.
 */
export function applyAcceptances(file: VFile, acceptances: Acceptance[], checked = true): void {
  for (const acceptance of acceptances) {
    let used = false;
    file.messages = file.messages.filter((m) => {
      const accepted = m.fatal === false && (!m.file || m.file === file.path) && acceptance.rules.includes(m.ruleId ?? '') && within(m.line, acceptance.applies);
      used ||= accepted;
      return !accepted;
    });
    if (!used && checked) {
      warn(
        file,
        `nothing to accept here: the block below has no ${acceptance.rules.join(' or ')} warning (errors cannot be accepted); remove the comment`,
        acceptance.position,
        'unused-accept',
      );
    }
  }
}
