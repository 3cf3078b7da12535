// The one document model between the source reader and every writer.
// Writers see only these types: never Markdown, never YAML.
import type { Position } from 'unist';
import type { Meta } from './meta.js';
import type { Event } from './events.js';
import type { CitedStandard } from './standards.js';

export type { Position };
export type { Event, EventDates } from './events.js';
export type { CitedStandard, StandardKind, StandardStatus } from './standards.js';

/** Where a node came from; absent only for nodes the tool generates. */
export interface Located {
  position?: Position;
}

export type Inline =
  | Text
  | Emphasis
  | Strong
  | Link
  | StandardRef
  | EventRef
  | LineBreak;

export interface Text extends Located {
  type: 'text';
  value: string;
}

export interface Emphasis extends Located {
  type: 'emphasis';
  children: Inline[];
}

export interface Strong extends Located {
  type: 'strong';
  children: Inline[];
}

export interface Link extends Located {
  type: 'link';
  /** Always an http(s) or mailto URL: the reader refuses every other scheme. */
  url: string;
  children: Inline[];
}

/** A citation of an ITU standard recognised in running text, e.g. "ITU-T Y.4113". */
export interface StandardRef extends Located {
  type: 'standard';
  /** Canonical identifier, e.g. "ITU-T Y.4113", "ITU-T Y.Sup42", "ITU-R SM.2153". */
  id: string;
  /** The words as the author wrote them, kept for the reader. */
  text: string;
  /** Address of the standard's page at ITU. */
  url: string;
  /** The words in quotation marks right after the identifier (after "to ITU-T Y.4000 series" for a supplement). */
  quotedTitle?: string;
  /**
   * True when the text writes the identifier wrongly ("ITU-T 4805": no series letter). `id` and `url`
   * are then those of the one catalogued standard it can mean; the validator warns.
   */
  malformed?: boolean;
}

/**
 * Words that name a dated event of the document: `[IoT Week 2017](event:iot-week-2017)` in a
 * paragraph. Writers print the words (`children`); the event's facts are in `event`.
 */
export interface EventRef extends Located {
  type: 'event';
  /** The event's id as written after `event:`. */
  id: string;
  children: Inline[];
  /** The event; undefined only for an unknown id, which the validator reports as an error. */
  event?: Event;
}

export interface LineBreak extends Located {
  type: 'break';
}

export interface Paragraph extends Located {
  type: 'paragraph';
  /** "1.3" for a numbered paragraph; undefined for a continuation. */
  number?: string;
  /** True when the paragraph continues the previous numbered one without a number of its own. */
  continuation: boolean;
  children: Inline[];
}

export interface BulletList extends Located {
  type: 'list';
  /** 1 for a top-level list, 2 for a list nested in one of its items, and so on. */
  level: number;
  items: ListItem[];
}

export interface ListItem extends Located {
  type: 'item';
  children: Inline[];
  /** Lists nested under this item. */
  sublists: BulletList[];
  /**
   * Set on an item that lists an event (`- <event:id>` in the source): `children` is then empty and
   * the item's words come from the event through locale data (`events.item`, `events.item_with_parts`,
   * or `events.part` when `event.event.partOf` is set). An event's parts are in `sublists`, each an
   * item of this kind.
   */
  event?: EventRef;
}

export type Block = Paragraph | BulletList;

export interface Section extends Located {
  type: 'section';
  /** "1", "2", ... */
  number: string;
  /** Stable anchor for links and bookmarks, e.g. "section-1". */
  id: string;
  title: Inline[];
  blocks: Block[];
}

export interface CouncilDocument {
  /** Path of the source file, as given on the command line. */
  path: string;
  meta: Meta;
  sections: Section[];
  /** Dated events of the document (front matter `events:`), in source order, parts nested. */
  events: Event[];
  /** Standards the text cites, in order of first citation, with catalogue facts: the annex rows. */
  standards: CitedStandard[];
}
