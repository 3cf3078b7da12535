// The words of inline content without its markup: for document properties, the
// words of a reference to a heading, and measuring a table cell's words.
import type { CrossRef, FootnoteRef, Inline } from './document.js';

/** What generated words stand for, where the caller prints them: a reference's number, a note's number. */
export interface GeneratedWords {
  reference?(node: CrossRef): string;
  note?(node: FootnoteRef): string;
}

export function plainWords(nodes: readonly Inline[], generated: GeneratedWords = {}): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'standard':
          return node.text;
        case 'break':
          return ' ';
        case 'footnote-ref':
          return generated.note?.(node) ?? '';
        case 'xref':
          return node.children.length === 0 && generated.reference ? generated.reference(node) : plainWords(node.children, generated);
        default:
          return plainWords(node.children, generated);
      }
    })
    .join('');
}
