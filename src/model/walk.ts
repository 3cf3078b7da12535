// Reading-order walks over the model, for passes and rules that look at every
// piece of text wherever it stands (front matter values, headings, paragraphs,
// list items at any depth, table cells, captions, annexes, footnotes, inside
// emphasis or links).
import type { Annex, Block, BulletList, Footnote, Inline, ListItem, Section } from './document.js';
import type { Meta } from './meta.js';

export interface Walkable {
  meta?: Pick<Meta, 'summary' | 'actionRequired' | 'references'>;
  sections: Section[];
  annexes: Annex[];
  footnotes: Footnote[];
}

/** The parts of a document that hold blocks: its sections, then its annexes. */
export function bodies(document: Pick<Walkable, 'sections' | 'annexes'>): (Section | Annex)[] {
  return [...document.sections, ...document.annexes];
}

/** Every block of the sections and annexes, in reading order. */
export function blocks(document: Pick<Walkable, 'sections' | 'annexes'>): Block[] {
  return bodies(document).flatMap((body) => body.blocks);
}

function itemsOf(list: BulletList, out: ListItem[]): void {
  for (const item of list.items) {
    out.push(item);
    for (const sub of item.sublists) itemsOf(sub, out);
  }
}

/** Every list item, each followed by the items of the lists nested in it. */
export function listItems(document: Pick<Walkable, 'sections' | 'annexes'>): ListItem[] {
  const out: ListItem[] = [];
  for (const block of blocks(document)) if (block.type === 'list') itemsOf(block, out);
  return out;
}

function blockInlines(block: Block, out: Inline[][]): void {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      out.push(block.children);
      break;
    case 'list': {
      const items: ListItem[] = [];
      itemsOf(block, items);
      for (const item of items) out.push(item.children);
      break;
    }
    case 'table':
      if (block.title) out.push(block.title);
      for (const cell of block.head) out.push(cell.children);
      for (const row of block.rows) for (const cell of row) out.push(cell.children);
      break;
    case 'figure':
      if (block.caption) out.push(block.caption);
      break;
  }
}

/** The top-level arrays of inlines, in reading order; footnotes come after the body. */
function roots(document: Walkable): Inline[][] {
  const out: Inline[][] = [];
  if (document.meta) out.push(document.meta.summary, document.meta.actionRequired, ...document.meta.references);
  for (const body of bodies(document)) {
    out.push(body.title);
    for (const block of body.blocks) blockInlines(block, out);
  }
  for (const note of document.footnotes) out.push(...note.paragraphs);
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
