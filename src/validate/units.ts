// A document as the sequence of pieces a translator translates one by one: section titles,
// paragraphs, sub-headings, list items, tables, figures and notes. Each has a key that does not
// depend on the language (its number, or its place after a numbered paragraph), a name for
// messages, and a shape: what must be the same in every language (its kind and depth, and the
// events, standards, notes and labels it cites).
import type { Annex, Block, CouncilDocument, Inline, ListItem, Position, Section } from '../model/document.js';
import { bodies } from '../model/walk.js';
import { standardKey } from '../read/standards.js';
import { plainWords } from '../model/plain-text.js';

export interface Unit {
  /** The same in every language: "para-2.3", "para-2.3+1", "table-1", "fn:cities". */
  key: string;
  /** For messages: "paragraph 2.3", "item 2 of the list after paragraph 2.3". */
  name: string;
  position?: Position;
  /** Kind and depth: "paragraph 1", "continuation 1", "item 2", "table 3x4", ... */
  kind: string;
  /** What it cites, by kind: event ids, standard identifiers, note ids, labels. */
  cites: Record<'events' | 'standards' | 'notes' | 'references', string[]>;
  /** Its words, for telling whether it changed since a translation followed it. */
  words: string;
}

function citations(lists: Inline[][]): Unit['cites'] {
  const cites: Unit['cites'] = { events: [], standards: [], notes: [], references: [] };
  const visit = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'event') cites.events.push(node.id);
      else if (node.type === 'standard') cites.standards.push(standardKey(node.id) ?? node.id);
      else if (node.type === 'footnote-ref') cites.notes.push(node.id);
      else if (node.type === 'xref') cites.references.push(node.label);
      if ('children' in node) visit(node.children);
    }
  };
  for (const list of lists) visit(list);
  for (const key of Object.keys(cites) as (keyof Unit['cites'])[]) cites[key] = [...new Set(cites[key])].sort();
  return cites;
}

function unit(key: string, name: string, kind: string, lists: Inline[][], position?: Position, extra = ''): Unit {
  return {
    key,
    name,
    kind,
    cites: citations(lists),
    words: lists.map((list) => plainWords(list)).join('\n') + extra,
    ...(position ? { position } : {}),
  };
}

function bodyUnits(body: Section | Annex, out: Unit[]): void {
  const bodyName = body.type === 'section' ? `section ${body.number}` : body.number ? `annex ${body.number}` : 'the annex';
  out.push(unit(body.id, `the title of ${bodyName}`, body.type, [body.title], body.position));
  // Pieces without a number are named after the numbered paragraph (or title) they follow.
  let anchor = { key: body.id, name: `the title of ${bodyName}` };
  let after = 0;
  const next = (suffix: string) => `${anchor.key}+${++after}${suffix}`;
  const items = (list: { items: ListItem[] }, path: string, out: Unit[]) => {
    list.items.forEach((item, i) => {
      const key = `${path}.${i + 1}`;
      const kind = item.event ? `event item ${item.event.id}` : `item`;
      out.push(unit(key, `item ${key.split('/').pop()} of the list after ${anchor.name}`, `${kind} ${item.sublists.length}`, [item.children], item.position));
      item.sublists.forEach((sub, j) => items(sub, `${key}/${j + 1}`, out));
    });
  };
  for (const block of body.blocks as Block[]) {
    switch (block.type) {
      case 'paragraph':
        if (block.continuation) {
          out.push(unit(next(''), `the paragraph after ${anchor.name}`, `continuation ${block.level}`, [block.children], block.position));
        } else {
          anchor = { key: block.id ?? `${body.id}-para-${block.number}`, name: `paragraph ${block.number}${body.type === 'annex' ? ` of ${bodyName}` : ''}` };
          after = 0;
          out.push(unit(anchor.key, anchor.name, `paragraph ${block.level}`, [block.children], block.position));
        }
        break;
      case 'heading':
        out.push(unit(next(''), `the sub-heading after ${anchor.name}`, `heading ${block.level}`, [block.children], block.position));
        break;
      case 'list':
        items(block, next('/list'), out);
        break;
      case 'table': {
        const cells = [...block.head, ...block.rows.flat()].map((cell) => cell.children);
        const name = block.title ? `table ${block.number}` : `the table after ${anchor.name}`;
        const shape = `table ${block.head.length}x${block.rows.length}${block.title ? ' titled' : ''}`;
        out.push(unit(next('/table'), name, shape, [...(block.title ? [block.title] : []), ...cells], block.position));
        break;
      }
      case 'figure':
        out.push(unit(next('/figure'), `figure ${block.number}`, `figure ${block.image?.src ?? block.alt}`, block.caption ? [block.caption] : [], block.position, `\n${block.alt}`));
        break;
    }
  }
}

/**
 * The document's pieces in reading order; notes last, in the order they are cited. With `sections`,
 * only the first that many sections (and no annex): what a partial translation holds.
 */
export function units(document: Pick<CouncilDocument, 'sections' | 'annexes' | 'footnotes'>, sections?: number): Unit[] {
  const out: Unit[] = [];
  const parts = sections === undefined ? bodies(document) : document.sections.slice(0, sections);
  for (const body of parts) bodyUnits(body, out);
  const cited = new Set(out.flatMap((u) => u.cites.notes));
  for (const note of document.footnotes) {
    if (note.number === 0 || (sections !== undefined && !cited.has(note.id))) continue;
    out.push(unit(`fn:${note.id}`, `note ${note.number} ("[^${note.id}]")`, 'note', note.paragraphs, note.position));
  }
  return out;
}

/** What a translation of this piece must cite that it does not, and what it cites that it must not. */
export function citationDifferences(original: Unit, translation: Unit): string[] {
  const said: string[] = [];
  const words = { events: 'event', standards: 'standard', notes: 'note', references: 'reference to' } as const;
  for (const kind of Object.keys(words) as (keyof Unit['cites'])[]) {
    const theirs = new Set(original.cites[kind]);
    const ours = new Set(translation.cites[kind]);
    for (const id of theirs) if (!ours.has(id)) said.push(`it does not cite ${words[kind]} ${kind === 'events' ? `"${id}"` : id}, which the original does`);
    for (const id of ours) if (!theirs.has(id)) said.push(`it cites ${words[kind]} ${kind === 'events' ? `"${id}"` : id}, which the original does not`);
  }
  return said;
}
