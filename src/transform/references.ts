// Joins what refers to what inside the body: footnote citations to their notes
// (numbering the notes by first citation, as ITU documents do), and
// cross-references to the labelled paragraph, heading, table, figure, annex or
// note they name. Writers print numbers from here, so they follow every edit.
import type { CrossRef, Footnote, FootnoteRef, Located, Position, Target } from '../model/document.js';
import { bodies, inlineNodes, type Walkable } from '../model/walk.js';

/** A label and what it names, with the place the label is written. */
export interface LabelledTarget {
  label: string;
  target: Target;
  position?: Position;
}

/** Numbers each note by the order of its first citation; a note never cited keeps 0 and goes last. */
export function numberFootnotes(document: Walkable): void {
  const byId = new Map<string, Footnote>();
  // The first of two notes with one id is the note; the validator reports the second.
  for (const note of document.footnotes) if (!byId.has(note.id)) byId.set(note.id, note);
  let number = 0;
  for (const node of inlineNodes(document)) {
    if (node.type !== 'footnote-ref') continue;
    const note = byId.get(node.id);
    (node as FootnoteRef).footnote = note;
    if (note && note.number === 0) {
      note.number = ++number;
      note.anchor = `fn-${number}`;
    }
  }
  document.footnotes.sort((a, b) => (a.number || Infinity) - (b.number || Infinity));
}

/** Every label of the document with its target, in reading order; a label given twice is listed twice. */
export function labelledTargets(document: Walkable): LabelledTarget[] {
  const out: LabelledTarget[] = [];
  const add = (node: Located & { label?: string; labelPosition?: Position }, target: Target) => {
    if (node.label) out.push({ label: node.label, target, position: node.labelPosition ?? node.position });
  };
  for (const body of bodies(document)) {
    const annex = body.type === 'annex' ? body.number : undefined;
    if (body.type === 'section') add(body, { kind: 'section', number: body.number, anchor: body.id });
    else add(body, { kind: 'annex', number: body.number, anchor: body.id });
    let last: Target | undefined;
    for (const block of body.blocks) {
      switch (block.type) {
        case 'paragraph':
          // A continuation's label names the numbered paragraph it continues.
          if (block.number !== undefined && block.id) {
            last = { kind: 'paragraph', number: block.number, anchor: block.id, ...(annex === undefined ? {} : { annex }) };
          }
          if (last) add(block, last);
          break;
        case 'heading':
          add(block, { kind: 'heading', number: '', anchor: block.id, words: block.children });
          break;
        case 'table':
          add(block, { kind: 'table', number: String(block.number), anchor: block.id });
          break;
        case 'figure':
          add(block, { kind: 'figure', number: String(block.number), anchor: block.id });
          break;
      }
    }
  }
  for (const note of document.footnotes) {
    if (note.number > 0) out.push({ label: note.id, target: { kind: 'footnote', number: String(note.number), anchor: note.anchor }, position: note.position });
  }
  return out;
}

export function resolveReferences(document: Walkable): void {
  const byLabel = new Map<string, Target>();
  for (const { label, target } of labelledTargets(document)) if (!byLabel.has(label)) byLabel.set(label, target);
  for (const node of inlineNodes(document)) {
    if (node.type === 'xref') (node as CrossRef).target = byLabel.get(node.label);
  }
}
