// The one document model between the source reader and every writer.
// Writers see only these types: never Markdown, never YAML.
import type { Position } from 'unist';
import type { Meta } from './meta.js';
import type { Event } from './events.js';
import type { CitedStandard, StandardKind } from './standards.js';

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
  | FootnoteRef
  | CrossRef
  | LineBreak
  | Inserted
  | Deleted;

/**
 * Words a revision added to, or took from, the issued version it revises: only in the marked
 * outputs of a revision (see transform/changes.ts), never in a document read from a source.
 */
export interface Inserted extends Located {
  type: 'ins';
  children: Inline[];
}

export interface Deleted extends Located {
  type: 'del';
  children: Inline[];
}

/**
 * A whole piece a revision added or took away (a paragraph, list item, table row, note, section):
 * set only in the marked outputs of a revision, whose words are then all in one `Inserted` or `Deleted`.
 */
export type Change = 'inserted' | 'deleted';

export interface Changeable {
  change?: Change;
}

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
  /** What the standard is: the catalogue's kind when it lists it, else what the words say ("Report ITU-R ..."). */
  kind: StandardKind;
  /**
   * Address of the standard's page at ITU, the same as its annex row's; undefined for a draft, which
   * has no page until it is approved: writers print the words without a link.
   */
  url?: string;
  /** The words in quotation marks right after the identifier (after "to ITU-T Y.4000 series" for a supplement). */
  quotedTitle?: string;
  /**
   * True when the text writes the identifier wrongly ("ITU-T 4805": no series letter). `id`, `kind`
   * and `url` are then those of the one catalogued standard it can mean; the validator warns.
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

/** `[^id]` in the text: the place a footnote is cited. Numbered by the order of citation. */
export interface FootnoteRef extends Located {
  type: 'footnote-ref';
  /** The id as written after `^`. */
  id: string;
  /** The note; undefined only for an unknown id, which the validator reports as an error. */
  footnote?: Footnote;
}

/**
 * `[](#label)` or `[words](#label)`: a reference to a labelled paragraph, heading, annex, table,
 * figure or footnote. With no words of its own, writers print the target's current number through
 * locale data (`references.<kind>`); with words, the author's words, linked.
 */
export interface CrossRef extends Located {
  type: 'xref';
  label: string;
  children: Inline[];
  /** Filled by the cross-reference pass; undefined for an unknown label (an error). */
  target?: Target;
}

/** What a label names, with its current number and the anchor every writer links to. */
export interface Target {
  kind: 'paragraph' | 'section' | 'heading' | 'annex' | 'table' | 'figure' | 'footnote';
  /** "2.3.1", "2", "1"; '' for the only annex of a document, which ITU prints without a number. */
  number: string;
  /** Anchor id, unique in the document: "para-2.3.1", "table-1", "annex-2", "fn-3". */
  anchor: string;
  /** For a paragraph of an annex, that annex's number ('' for a single annex). */
  annex?: string;
  /** For a sub-heading, its words (it has no number). */
  words?: Inline[];
}

/** `{#label}` written after a paragraph, heading, table caption or figure: how cross-references find it. */
export interface Labelled {
  label?: string;
  /** Where the `{#label}` stands, for duplicate-label errors. */
  labelPosition?: Position;
}

export interface Paragraph extends Located, Labelled, Changeable {
  type: 'paragraph';
  /** "1.3" for a numbered paragraph; undefined for a continuation. */
  number?: string;
  /**
   * Depth of the number: 1 gives 2.3 in section 2, 2 gives 2.3.1, 3 gives 2.3.1.1 (in an annex, 3, 3.1,
   * 3.1.1). Written `#.#.# ` at the paragraph's start; a continuation takes the level of the paragraph it continues.
   */
  level: number;
  /** Anchor id of a numbered paragraph ("para-2.3.1", "annex-1-para-3"); set by numbering. */
  id?: string;
  /** True when the paragraph continues the previous numbered one without a number of its own. */
  continuation: boolean;
  /**
   * In the marked outputs of a revision: the level the issued version had a numbered paragraph at,
   * when the revision kept its words at another level (2.3.1 made 2.4).
   */
  issuedLevel?: number;
  children: Inline[];
}

export interface BulletList extends Located {
  type: 'list';
  /** 1 for a top-level list, 2 for a list nested in one of its items, and so on. */
  level: number;
  items: ListItem[];
}

export interface ListItem extends Located, Changeable {
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

/** `##` or `###` inside a section or annex: an unnumbered heading over the paragraphs that follow. */
export interface Heading extends Located, Labelled, Changeable {
  type: 'heading';
  /** 2 for `##`, 3 for `###`. */
  level: 2 | 3;
  /** Anchor id, "heading-1", ... through the document; set by numbering. */
  id: string;
  children: Inline[];
}

export type Alignment = 'left' | 'center' | 'right' | null;

export interface TableCell extends Located {
  children: Inline[];
}

/** A GFM pipe table, with its title from a `Table: Title` line just before it. */
export interface Table extends Located, Labelled, Changeable {
  type: 'table';
  /** 1, 2, ... through the document, tables of annexes included; set by numbering. */
  number: number;
  /** Anchor id, "table-1"; set by numbering. */
  id: string;
  /** The author's title; without one the table has no caption and no number is printed. */
  title?: Inline[];
  align: Alignment[];
  head: TableCell[];
  rows: TableCell[][];
  /** In the marked outputs of a revision: the rows it added or took away, by index in `rows`. */
  rowChanges?: (Change | undefined)[];
}

/** An image file the document shows, read and checked by the reader. */
export interface FigureImage {
  /** Path of the file as the author wrote it, relative to the source. */
  src: string;
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  bytes: Uint8Array;
  /** Intrinsic size in CSS pixels (1/96 inch). */
  width: number;
  height: number;
  /** For an SVG, the PNG or JPEG copy beside it, for programs that cannot draw SVG (Word 2013, LibreOffice's import). */
  raster?: { mime: 'image/png' | 'image/jpeg'; bytes: Uint8Array; src: string };
}

/** `![alt](figures/chart.png "Caption")` alone in a paragraph. */
export interface Figure extends Located, Labelled, Changeable {
  type: 'figure';
  /** 1, 2, ... through the document; set by numbering. */
  number: number;
  /** Anchor id, "figure-1"; set by numbering. */
  id: string;
  /** Required: what the figure shows, for readers who cannot see it. */
  alt: string;
  caption?: Inline[];
  /** Undefined only when the file could not be read (an error is reported). */
  image?: FigureImage;
}

export type Block = Paragraph | BulletList | Heading | Table | Figure;

export interface Section extends Located, Labelled, Changeable {
  type: 'section';
  /** "1", "2", ... */
  number: string;
  /** Stable anchor for links and bookmarks, e.g. "section-1". */
  id: string;
  title: Inline[];
  blocks: Block[];
}

/** `# Title {.annex}`: an annex of the author's, after the sections, on a page of its own. */
export interface Annex extends Located, Labelled, Changeable {
  type: 'annex';
  /** "1", "2", ...; '' when the document has one annex in all (ITU prints "ANNEX" alone). */
  number: string;
  /** "annex-1", ... */
  id: string;
  title: Inline[];
  blocks: Block[];
}

/** `[^id]: words`: a footnote, numbered 1, 2, ... by the order of its citation. */
export interface Footnote extends Located, Changeable {
  type: 'footnote';
  id: string;
  /** 0 for a note never cited (a warning); such a note is printed nowhere. */
  number: number;
  /** Anchor id, "fn-1"; the citation's is "fnref-1". */
  anchor: string;
  /** Its paragraphs, each an array of inlines. */
  paragraphs: Inline[][];
}

export interface CouncilDocument {
  /** Path of the source file, as given on the command line. */
  path: string;
  meta: Meta;
  sections: Section[];
  /** The author's annexes, in order. */
  annexes: Annex[];
  /** Footnotes in order of citation; a note never cited is last, with number 0. */
  footnotes: Footnote[];
  /** Dated events of the document (front matter `events:`), in source order, parts nested. */
  events: Event[];
  /** Standards the text cites, in order of first citation, with catalogue facts: the annex rows. */
  standards: CitedStandard[];
  /** Set only on the marked version of a revision: what it changed in the issued version it revises. */
  changes?: RevisionChanges;
}

export interface ChangedPlace {
  kind: 'paragraph' | 'section' | 'annex' | 'note';
  /** "2.3"; a section's "2"; an annex's "1" ('' for a single annex); a note's number. */
  number: string;
  change: Change | 'changed';
}

/** What the marked outputs of a revision say of its changes, besides marking them in place. */
export interface RevisionChanges {
  /** The issued version revised, as printed: "C17/23-E", "C17/23(Rev.1)-E". */
  base: string;
  /** Who the changes are by, as Word shows it, and when (ISO 8601, the revision's date). */
  author: string;
  date: string;
  /**
   * The numbered places changed, in reading order, for the side note ("1.2, 2.1 (new), 2.3
   * (deleted)"): a change in a list, table or continuation is counted to the numbered paragraph it
   * follows; one before any, to its section. Numbers are the revision's (a deleted place's, the issued one's).
   */
  pieces: ChangedPlace[];
}
