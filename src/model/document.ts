// The one document model between the source reader and every writer.
// Writers see only these types: never Markdown, never YAML.
import type { Position } from 'unist';
import type { Meta } from './meta.js';

export type { Position };

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
}
