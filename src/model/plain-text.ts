// The words of inline content without its markup: for document properties and
// the words of a reference to a heading.
import type { Inline } from './document.js';

export function plainWords(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'standard':
          return node.text;
        case 'break':
          return ' ';
        case 'footnote-ref':
          return '';
        default:
          return plainWords(node.children);
      }
    })
    .join('');
}
