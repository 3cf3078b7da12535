// The marked version of a revision: the revision's model with what it changed in the issued
// version marked in place. Pieces (sections, blocks, list items, table rows, notes) are paired
// with the issued ones by their words, so a paragraph that only moved down because another was
// inserted above it pairs with itself and shows no change; paired pieces are then compared word
// by word. Numbers are the revision's and are never compared: a number that changed only by
// renumbering is not a change of the text, and a reference without words ("see [](#label)")
// compares by its label, not by the number it prints.
import { diffArrays } from 'diff';
import type {
  Annex,
  Block,
  BulletList,
  Change,
  ChangedPlace,
  CouncilDocument,
  Footnote,
  Inline,
  ListItem,
  RevisionChanges,
  Section,
  Table,
  TableCell,
} from '../model/document.js';
import { plainWords } from '../model/plain-text.js';

type Wrapper = Extract<Inline, { children: Inline[] }>;

/** A word, a space, a sign, or a node printed whole (a standard, a note's number), with the nodes it is inside. */
interface Atom {
  node: Inline;
  text?: string;
  wrappers: Wrapper[];
  key: string;
}

// Words, runs of spaces and single signs, so "report," → "report;" changes the sign only. Chinese
// has no spaces between words: the language's own word breaker finds them.
const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

function tokenizer(language: string): (text: string) => string[] {
  if (language === 'zh') {
    const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    return (text) => Array.from(segmenter.segment(text), (s) => s.segment);
  }
  return (text) => text.match(TOKEN) ?? [];
}

function wrapperKey(w: Wrapper): string {
  switch (w.type) {
    case 'link':
      return `link ${w.url}`;
    case 'event':
      return `event ${w.id}`;
    case 'xref':
      return `xref ${w.label}`;
    default:
      return w.type;
  }
}

function atomsOf(nodes: readonly Inline[], split: (text: string) => string[], wrappers: Wrapper[] = [], out: Atom[] = []): Atom[] {
  const context = wrappers.map(wrapperKey).join('/');
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        for (const token of split(node.value)) out.push({ node, text: token, wrappers, key: `${context}|${token}` });
        break;
      case 'standard':
        out.push({ node, wrappers, key: `${context}|standard ${node.text}` });
        break;
      case 'footnote-ref':
        out.push({ node, wrappers, key: `${context}|note ${node.id}` });
        break;
      case 'break':
        out.push({ node, wrappers, key: `${context}|break` });
        break;
      case 'xref':
        if (node.children.length === 0) out.push({ node, wrappers, key: `${context}|xref ${node.label}` });
        else atomsOf(node.children, split, [...wrappers, node], out);
        break;
      default:
        atomsOf(node.children, split, [...wrappers, node], out);
    }
  }
  return out;
}

/** Atoms back to nodes: consecutive atoms inside the same node go back inside one copy of it. */
function rebuild(atoms: Atom[], depth = 0): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < atoms.length; ) {
    const wrapper = atoms[i]!.wrappers[depth];
    let j = i + 1;
    while (j < atoms.length && atoms[j]!.wrappers[depth] === wrapper) j++;
    const group = atoms.slice(i, j);
    if (wrapper) out.push({ ...wrapper, children: rebuild(group, depth + 1) } as Inline);
    else {
      for (const atom of group) {
        const last = out.at(-1);
        if (atom.text === undefined) out.push(atom.node);
        else if (last?.type === 'text' && !last.position) last.value += atom.text;
        else out.push({ type: 'text', value: atom.text });
      }
    }
    i = j;
  }
  return out;
}

function whole(change: Change, children: Inline[]): Inline[] {
  return children.length === 0 ? [] : [{ type: change === 'inserted' ? 'ins' : 'del', children }];
}

interface Differ {
  split: (text: string) => string[];
}

/** The revision's inlines with the issued words it dropped and the words it added marked. */
function diffInlines(before: readonly Inline[], after: readonly Inline[], d: Differ): { nodes: Inline[]; changed: boolean } {
  const a = atomsOf(before, d.split);
  const b = atomsOf(after, d.split);
  const parts = diffArrays(a, b, { comparator: (x, y) => x.key === y.key });
  if (parts.every((p) => !p.added && !p.removed)) return { nodes: [...after], changed: false };
  const nodes: Inline[] = [];
  for (const part of parts) {
    const built = rebuild(part.value);
    if (part.added) nodes.push(...whole('inserted', built));
    else if (part.removed) nodes.push(...whole('deleted', built));
    // Unchanged words are the revision's atoms; diffArrays gives the old array's for a common run.
    else nodes.push(...rebuild(b.slice(indexIn(b, parts, part), indexIn(b, parts, part) + part.value.length)));
  }
  return { nodes, changed: true };
}

/** Where an unchanged run starts in the revision's atoms: the count of revision atoms before it. */
function indexIn(b: Atom[], parts: { added?: boolean; removed?: boolean; value: Atom[] }[], part: object): number {
  let index = 0;
  for (const p of parts) {
    if (p === part) return index;
    if (!p.removed) index += p.value.length;
  }
  return b.length;
}

// ---------------------------------------------------------------------------------------------
// Pairing pieces by their words.

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice coefficient of two texts' words (as multisets): 1 the same words, 0 none in common. */
function likeness(x: string, y: string): number {
  const a = words(x);
  const b = words(y);
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Below this, two pieces are a deletion and an insertion rather than one piece edited. */
const SAME_PIECE = 0.35;

type Step<T> = { before: T; after: T } | { before: T } | { after: T };

/** The pairing that keeps the most alike pieces in order; unpaired ones are deleted or inserted. */
function pair<T>(before: T[], after: T[], kind: (x: T) => string, text: (x: T) => string): Step<T>[] {
  const n = before.length;
  const m = after.length;
  const texts = new Map<T, string>([...before, ...after].map((x) => [x, text(x)]));
  const score = (x: T, y: T) => {
    if (kind(x) !== kind(y)) return -1;
    const s = likeness(texts.get(x)!, texts.get(y)!);
    return s >= SAME_PIECE ? s : -1;
  };
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const scores: Float64Array[] = Array.from({ length: n }, () => new Float64Array(m));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = (scores[i]![j] = score(before[i]!, after[j]!));
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s < 0 ? -Infinity : s + best[i + 1]![j + 1]!);
    }
  }
  const steps: Step<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && scores[i]![j]! >= 0 && best[i]![j] === scores[i]![j]! + best[i + 1]![j + 1]!) {
      steps.push({ before: before[i++]!, after: after[j++]! });
    } else if (i < n && (j === m || best[i]![j] === best[i + 1]![j])) steps.push({ before: before[i++]! });
    else steps.push({ after: after[j++]! });
  }
  return steps;
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return plainWords(block.children);
    case 'list':
      return listItems(block).map((item) => (item.event ? `event ${item.event.id}` : plainWords(item.children))).join(' ');
    case 'table':
      return [block.title ?? [], ...block.head.map((c) => c.children), ...block.rows.flat().map((c) => c.children)].map((x) => plainWords(x)).join(' ');
    case 'figure':
      return `${block.image?.src ?? ''} ${block.alt} ${plainWords(block.caption ?? [])}`;
  }
}

function listItems(list: BulletList): ListItem[] {
  return list.items.flatMap((item) => [item, ...item.sublists.flatMap(listItems)]);
}

function blockKind(block: Block): string {
  if (block.type === 'paragraph') return `paragraph ${block.continuation ? 'continued' : 'numbered'}`;
  return block.type;
}

// ---------------------------------------------------------------------------------------------
// Marking whole pieces.

function cells(cells: TableCell[], change: Change): TableCell[] {
  return cells.map((cell) => ({ ...cell, children: whole(change, cell.children) }));
}

/** Anchors of a piece kept only in the marked version: they must not clash with the revision's. */
function gone(id: string): string {
  return `deleted-${id}`;
}

function markItem(item: ListItem, change: Change): ListItem {
  return { ...item, change, children: whole(change, item.children), sublists: item.sublists.map((s) => markList(s, change)) };
}

function markList(list: BulletList, change: Change): BulletList {
  return { ...list, items: list.items.map((item) => markItem(item, change)) };
}

function markBlock(block: Block, change: Change): Block {
  const id = <T extends { id?: string }>(b: T): T => (change === 'deleted' && b.id ? { ...b, id: gone(b.id) } : b);
  switch (block.type) {
    case 'paragraph':
      return id({ ...block, change, children: whole(change, block.children) });
    case 'heading':
      return id({ ...block, change, children: whole(change, block.children) });
    case 'list':
      return markList(block, change);
    case 'table':
      return id({
        ...block,
        change,
        ...(block.title ? { title: whole(change, block.title) } : {}),
        head: cells(block.head, change),
        rows: block.rows.map((row) => cells(row, change)),
        rowChanges: block.rows.map(() => change),
      });
    case 'figure':
      return id({ ...block, change, ...(block.caption ? { caption: whole(change, block.caption) } : {}) });
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing paired pieces.

class Marker {
  readonly places: ChangedPlace[] = [];
  private anchor: Omit<ChangedPlace, 'change'> = { kind: 'section', number: '' };

  constructor(private readonly d: Differ) {}

  /** Counts a change to the numbered place it belongs to; an insertion or deletion of the place itself says so. */
  note(change: ChangedPlace['change'], place: Omit<ChangedPlace, 'change'> = this.anchor): void {
    const same = this.places.find((p) => p.kind === place.kind && p.number === place.number);
    if (!same) this.places.push({ ...place, change });
    else if (same.change === 'changed' && change !== 'changed') same.change = change;
  }

  inlines(before: readonly Inline[], after: readonly Inline[]): Inline[] {
    const { nodes, changed } = diffInlines(before, after, this.d);
    if (changed) this.note('changed');
    return nodes;
  }

  body<B extends Section | Annex>(before: B | undefined, after: B | undefined): B {
    const kind = (after ?? before)!.type;
    const change: Change | undefined = before === undefined ? 'inserted' : after === undefined ? 'deleted' : undefined;
    const source = (after ?? before)!;
    this.anchor = { kind, number: source.number };
    if (change) {
      this.note(change);
      const marked = { ...source, change, title: whole(change, source.title), blocks: source.blocks.map((b) => markBlock(b, change)) };
      return change === 'deleted' ? { ...marked, id: gone(source.id) } : marked;
    }
    const title = this.inlines(before!.title, after!.title);
    return { ...after!, title, blocks: this.blocks(before!.blocks, after!.blocks) };
  }

  private blocks(before: Block[], after: Block[]): Block[] {
    const out: Block[] = [];
    for (const step of pair(before, after, blockKind, blockText)) {
      const numbered = (b: Block) => (b.type === 'paragraph' && b.number !== undefined ? b.number : undefined);
      if (!('before' in step)) {
        const number = numbered(step.after);
        if (number !== undefined) this.anchor = { kind: 'paragraph', number };
        this.note(number !== undefined ? 'inserted' : 'changed');
        out.push(markBlock(step.after, 'inserted'));
      } else if (!('after' in step)) {
        const number = numbered(step.before);
        this.note(number !== undefined ? 'deleted' : 'changed', number !== undefined ? { kind: 'paragraph', number } : undefined);
        out.push(markBlock(step.before, 'deleted'));
      } else {
        const number = numbered(step.after);
        if (number !== undefined) this.anchor = { kind: 'paragraph', number };
        out.push(this.block(step.before, step.after));
      }
    }
    return out;
  }

  private block(before: Block, after: Block): Block {
    switch (after.type) {
      case 'paragraph': {
        const old = before as typeof after;
        const moved = old.level !== after.level && after.number !== undefined ? { issuedLevel: old.level } : {};
        return { ...after, ...moved, children: this.inlines(old.children, after.children) };
      }
      case 'heading':
        return { ...after, children: this.inlines((before as typeof after).children, after.children) };
      case 'list':
        return this.list(before as BulletList, after);
      case 'table':
        return this.table(before as Table, after);
      case 'figure': {
        const old = before as typeof after;
        if (old.image?.src !== after.image?.src || old.alt !== after.alt) {
          // Another picture: the old one deleted, the new one inserted, as Word shows a replaced image.
          this.note('changed');
          return { ...markBlock(after, 'inserted') };
        }
        return { ...after, ...(after.caption ? { caption: this.inlines(old.caption ?? [], after.caption) } : {}) };
      }
    }
  }

  private list(before: BulletList, after: BulletList): BulletList {
    const items: ListItem[] = [];
    const text = (item: ListItem) => (item.event ? `event ${item.event.id}` : plainWords(item.children));
    for (const step of pair(before.items, after.items, (i) => (i.event ? `event ${i.event.id}` : 'words'), text)) {
      if (!('before' in step)) {
        this.note('changed');
        items.push(markItem(step.after, 'inserted'));
      } else if (!('after' in step)) {
        this.note('changed');
        items.push(markItem(step.before, 'deleted'));
      } else {
        const { before: old, after: now } = step;
        const sublists: BulletList[] = now.sublists.map((sub, k) => (old.sublists[k] ? this.list(old.sublists[k]!, sub) : markList(sub, 'inserted')));
        for (const extra of old.sublists.slice(now.sublists.length)) sublists.push(markList(extra, 'deleted'));
        if (now.sublists.length !== old.sublists.length) this.note('changed');
        items.push({ ...now, children: now.event ? now.children : this.inlines(old.children, now.children), sublists });
      }
    }
    return { ...after, items };
  }

  private table(before: Table, after: Table): Table {
    if (before.head.length !== after.head.length) {
      // Other columns: the table is another table; Word too shows a new table for it.
      this.note('changed');
      return markBlock(after, 'inserted') as Table;
    }
    const head = after.head.map((cell, k) => ({ ...cell, children: this.inlines(before.head[k]!.children, cell.children) }));
    const rows: TableCell[][] = [];
    const rowChanges: (Change | undefined)[] = [];
    const text = (row: TableCell[]) => row.map((c) => plainWords(c.children)).join(' ');
    for (const step of pair(before.rows, after.rows, () => 'row', text)) {
      if (!('before' in step)) {
        this.note('changed');
        rows.push(cells(step.after, 'inserted'));
        rowChanges.push('inserted');
      } else if (!('after' in step)) {
        this.note('changed');
        rows.push(cells(step.before, 'deleted'));
        rowChanges.push('deleted');
      } else {
        const old = step.before;
        rows.push(step.after.map((cell, k) => ({ ...cell, children: this.inlines(old[k]?.children ?? [], cell.children) })));
        rowChanges.push(undefined);
      }
    }
    const title = after.title ? this.inlines(before.title ?? [], after.title) : undefined;
    return { ...after, ...(title ? { title } : {}), head, rows, rowChanges };
  }

  footnotes(before: Footnote[], after: Footnote[]): Footnote[] {
    const old = new Map(before.map((n) => [n.id, n]));
    const kept = new Set(after.map((n) => n.id));
    const out: Footnote[] = after.map((note) => {
      const was = old.get(note.id);
      const place = { kind: 'note' as const, number: String(note.number) };
      if (!was) {
        this.note('inserted', place);
        return { ...note, change: 'inserted', paragraphs: note.paragraphs.map((p) => whole('inserted', p)) };
      }
      const paragraphs = note.paragraphs.map((p, k) => {
        const { nodes, changed } = diffInlines(was.paragraphs[k] ?? [], p, this.d);
        if (changed) this.note('changed', place);
        return nodes;
      });
      for (const extra of was.paragraphs.slice(note.paragraphs.length)) {
        this.note('changed', place);
        paragraphs.push(whole('deleted', extra));
      }
      return { ...note, paragraphs };
    });
    // A note the revision dropped is printed, deleted, after the others, where its deleted citation points.
    let number = Math.max(0, ...after.map((n) => n.number));
    for (const note of before) {
      if (kept.has(note.id) || note.number === 0) continue;
      this.note('deleted', { kind: 'note', number: String(note.number) });
      out.push({ ...note, change: 'deleted', number: ++number, anchor: gone(note.anchor), paragraphs: note.paragraphs.map((p) => whole('deleted', p)) });
    }
    return out;
  }
}

/** A deleted citation of a deleted note points at the note as the marked version prints it. */
function repointNotes(nodes: Inline[], notes: Map<string, Footnote>): Inline[] {
  return nodes.map((node) => {
    if (node.type === 'footnote-ref' && node.footnote && notes.get(node.id) !== node.footnote && notes.get(node.id)?.change === 'deleted') {
      return { ...node, footnote: notes.get(node.id)! };
    }
    return 'children' in node ? ({ ...node, children: repointNotes(node.children, notes) } as Inline) : node;
  });
}

function pairBodies<B extends Section | Annex>(before: B[], after: B[], marker: Marker): B[] {
  const text = (b: B) => [plainWords(b.title), ...b.blocks.map(blockText)].join(' ');
  return pair(before, after, () => 'body', text).map((step) =>
    marker.body('before' in step ? step.before : undefined, 'after' in step ? step.after : undefined),
  );
}

export function markChanges(issued: CouncilDocument, revision: CouncilDocument, about: Omit<RevisionChanges, 'pieces'>): CouncilDocument {
  const marker = new Marker({ split: tokenizer(revision.meta.language) });
  const meta = {
    ...revision.meta,
    summary: marker.inlines(issued.meta.summary, revision.meta.summary),
    actionRequired: marker.inlines(issued.meta.actionRequired, revision.meta.actionRequired),
  };
  // Changes of the first page are not places with a number; the side note lists the body's.
  marker.places.length = 0;
  const sections = pairBodies(issued.sections, revision.sections, marker);
  const annexes = pairBodies(issued.annexes, revision.annexes, marker);
  const footnotes = marker.footnotes(issued.footnotes, revision.footnotes);
  const notes = new Map(footnotes.map((n) => [n.id, n]));
  const repointBlock = (block: Block): Block => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return { ...block, children: repointNotes(block.children, notes) };
      case 'list':
        return { ...block, items: block.items.map(function item(i: ListItem): ListItem {
          return { ...i, children: repointNotes(i.children, notes), sublists: i.sublists.map((s) => ({ ...s, items: s.items.map(item) })) };
        }) };
      case 'table':
        return { ...block, rows: block.rows.map((row) => row.map((c) => ({ ...c, children: repointNotes(c.children, notes) }))) };
      default:
        return block;
    }
  };
  return {
    ...revision,
    meta,
    sections: sections.map((s) => ({ ...s, blocks: s.blocks.map(repointBlock) })),
    annexes: annexes.map((a) => ({ ...a, blocks: a.blocks.map(repointBlock) })),
    footnotes,
    changes: { ...about, pieces: marker.places },
  };
}
