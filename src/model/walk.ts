// Reading-order walks over the model, for passes and rules that look at every
// piece of text wherever it stands (front matter values, headings, paragraphs,
// list items at any depth, inside emphasis or links).
import type { BulletList, Inline, ListItem, Section } from './document.js';
import type { Meta } from './meta.js';

export interface Walkable {
  meta?: Pick<Meta, 'summary' | 'actionRequired' | 'references'>;
  sections: Section[];
}

function itemsOf(list: BulletList, out: ListItem[]): void {
  for (const item of list.items) {
    out.push(item);
    for (const sub of item.sublists) itemsOf(sub, out);
  }
}

/** Every list item, each followed by the items of the lists nested in it. */
export function listItems(sections: Section[]): ListItem[] {
  const out: ListItem[] = [];
  for (const section of sections) for (const block of section.blocks) if (block.type === 'list') itemsOf(block, out);
  return out;
}

/** The top-level arrays of inlines, in reading order. */
function roots(document: Walkable): Inline[][] {
  const out: Inline[][] = [];
  if (document.meta) out.push(document.meta.summary, document.meta.actionRequired, ...document.meta.references);
  for (const section of document.sections) {
    out.push(section.title);
    for (const block of section.blocks) {
      if (block.type === 'paragraph') out.push(block.children);
      else {
        const items: ListItem[] = [];
        itemsOf(block, items);
        for (const item of items) out.push(item.children);
      }
    }
  }
  return out;
}

function withNested(list: Inline[], out: Inline[][]): void {
  out.push(list);
  for (const node of list) if ('children' in node) withNested(node.children, out);
}

/** Every array of inlines, in reading order; arrays nested in a node come right after their parent's. */
export function inlineLists(document: Walkable): Inline[][] {
  const out: Inline[][] = [];
  for (const list of roots(document)) withNested(list, out);
  return out;
}

function visit(list: Inline[], out: Inline[]): void {
  for (const node of list) {
    out.push(node);
    if ('children' in node) visit(node.children, out);
  }
}

/** Every inline node in reading order, a node's children right after it. */
export function inlineNodes(document: Walkable): Inline[] {
  const out: Inline[] = [];
  for (const list of roots(document)) visit(list, out);
  return out;
}
