// `{#label}` and `{.annex}` after a heading, a paragraph, a table title or a
// figure: pandoc's attribute syntax, which reads as a note to the reader in
// plain Markdown. It is taken off the end of the last text node.
import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { error } from '../diagnostics/report.js';
import { advance } from './inline.js';
import { withoutInvisible } from '../model/characters.js';

/** A label: a letter, then letters, digits, "-", "_", ":" or ".". */
export const LABEL = /^[A-Za-z][\w:.-]*$/;
const TRAILING = /[ \t]*\{([^{}\n]*)\}[ \t]*$/;

export interface Attributes {
  label?: string;
  classes: string[];
  /** Where the `{...}` stands. */
  position?: Position;
}

/**
 * Takes a trailing `{...}` off `nodes` (a copy is returned). Classes not in
 * `allowed` and words that are neither `#label` nor `.class` are errors.
 */
export function takeAttributes(
  nodes: PhrasingContent[],
  file: VFile,
  allowed: readonly string[],
): { nodes: PhrasingContent[]; attributes: Attributes } {
  const last = nodes[nodes.length - 1];
  const none = { nodes, attributes: { classes: [] } };
  if (last?.type !== 'text') return none;
  const match = TRAILING.exec(last.value);
  if (!match) return none;
  const at = last.position && {
    start: advance(last.position.start, last.value, match.index + match[0].indexOf('{')),
    end: advance(last.position.start, last.value, match.index + match[0].lastIndexOf('}') + 1),
  };
  const words = match[1]!.trim().split(/\s+/).filter(Boolean);
  // "{1}" or "{note}" in prose is not an attribute list: leave such words alone.
  if (words.length === 0 || !words.every((w) => w.startsWith('#') || w.startsWith('.'))) return none;
  const attributes: Attributes = { classes: [], position: at };
  for (const word of words) {
    // An invisible character pasted into a label is seen through, as in the references to it.
    const name = withoutInvisible(word.slice(1));
    if (word.startsWith('#')) {
      if (!LABEL.test(name)) {
        error(file, `"${word}" is not a label: a label starts with a letter, then letters, digits, "-", "_", ":" or "."`, at, 'label-syntax');
      } else if (attributes.label) {
        error(file, `two labels, "#${attributes.label}" and "${word}": give one`, at, 'label-syntax');
      } else attributes.label = name;
    } else if (allowed.includes(name)) attributes.classes.push(name);
    else {
      const hint = allowed.length > 0 ? `only ${allowed.map((c) => `".${c}"`).join(', ')} can be given here` : 'only a "#label" can be given here';
      error(file, `unknown class "${word}": ${hint}`, at, 'label-syntax');
    }
  }
  const kept = last.value.slice(0, match.index);
  const copy = [...nodes];
  if (kept === '') copy.pop();
  else copy[copy.length - 1] = { ...last, value: kept, position: last.position && at && { start: last.position.start, end: at.start } };
  return { nodes: copy, attributes };
}
