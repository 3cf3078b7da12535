// Joins references to their events: words in the text get the event they name,
// and an item that lists an event gets the event and, as a nested list, its parts.
import type { BulletList, EventRef, ListItem } from '../model/document.js';
import { allEvents, type Event } from '../model/events.js';
import { blocks, inlineNodes, type Walkable } from '../model/walk.js';

function partItem(part: Event): ListItem {
  return { type: 'item', children: [], sublists: [], event: { type: 'event', id: part.id, children: [], event: part } };
}

function linkList(list: BulletList, byId: Map<string, Event>): void {
  for (const item of list.items) {
    for (const sub of item.sublists) linkList(sub, byId);
    if (!item.event) continue;
    const event = byId.get(item.event.id);
    if (!event) continue;
    item.event.event = event;
    if (event.parts.length > 0) {
      item.sublists.unshift({ type: 'list', level: list.level + 1, items: event.parts.map(partItem) });
    }
  }
}

export function linkEvents(document: Walkable, events: Event[]): void {
  const byId = new Map<string, Event>();
  // The first of two events with one id wins; the validator reports the second.
  for (const event of allEvents(events)) if (!byId.has(event.id)) byId.set(event.id, event);
  for (const node of inlineNodes(document)) {
    if (node.type === 'event') (node as EventRef).event = byId.get(node.id);
  }
  for (const block of blocks(document)) if (block.type === 'list') linkList(block, byId);
}
