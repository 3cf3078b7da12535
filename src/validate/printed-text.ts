// The author's words that the outputs print, each with where it stands in this source:
// front matter values, events, and every piece of text of the body and its notes. What
// the tool adds (labels, dates, numbers) is locale data, not the author's; a figure's alt
// text is read aloud, never drawn.
import type { Position } from 'unist';
import type { CouncilDocument } from '../model/document.js';
import { allEvents } from '../model/events.js';
import { inlineNodes } from '../model/walk.js';

export interface PrintedText {
  text: string;
  /** Where the words are written: a text's own place, or the front matter value they are in. */
  place: Position;
}

/**
 * A translation takes the values it does not translate (an event's place, say) from its original:
 * those have no place in the translation and are left to the original's check.
 */
export function printedText(document: CouncilDocument): PrintedText[] {
  const out: PrintedText[] = [];
  const add = (text: string | undefined, place: Position | undefined) => {
    if (text && place) out.push({ text, place });
  };
  const { meta } = document;
  add(meta.title, meta.places['title']);
  add(meta.meeting.name, meta.places['meeting.name']);
  add(meta.meeting.place, meta.places['meeting.place']);
  add(meta.agendaItem, meta.places['agenda_item']);
  meta.contributors.forEach((name, i) => add(name, meta.places[`contributors[${i}]`]));
  add(meta.record?.chairman, meta.places['record.chairman']);
  for (const event of allEvents(document.events)) {
    add(event.title, event.places['title']);
    add(event.location, event.places['location']);
    add(event.note, event.places['note']);
  }
  for (const node of inlineNodes(document)) {
    // The writers print the no-break hyphens of a text or a citation as hyphens kept on their line (see html/inlines.ts).
    if (node.type === 'text') add(node.value.replace(/\u2011/g, '-'), node.position);
    else if (node.type === 'standard') add(node.text.replace(/\u2011/g, '-'), node.position);
  }
  return out;
}
