// GFM pipe tables → table blocks. A title is a paragraph "Table: Title" just
// above the table, as pandoc reads one; "Table 1 –" is added by the writers
// from locale data, so inserting a table renumbers the rest.
import type { Paragraph as MdParagraph, PhrasingContent, Table as MdTable } from 'mdast';
import type { VFile } from 'vfile';
import type { Inline, Table } from '../model/document.js';
import { takeAttributes, type Attributes } from './attributes.js';
import { advance, toInlines } from './inline.js';

/** What starts a table's title line. */
export const TABLE_TITLE = /^Table:[ \t]*/;

export interface TableTitle {
  title: Inline[];
  attributes: Attributes;
}

/** The title, when `node` is a "Table: ..." line. */
export function tableTitle(node: MdParagraph, file: VFile): TableTitle | undefined {
  const first = node.children[0];
  if (first?.type !== 'text') return undefined;
  const marker = TABLE_TITLE.exec(first.value);
  if (!marker) return undefined;
  const rest: PhrasingContent[] = [...node.children];
  const start = first.position && advance(first.position.start, first.value, marker[0].length);
  rest[0] = { ...first, value: first.value.slice(marker[0].length), position: start && first.position && { start, end: first.position.end } };
  const { nodes, attributes } = takeAttributes(rest, file, []);
  return { title: toInlines(nodes, { file }), attributes };
}

export function readTable(node: MdTable, file: VFile, title?: TableTitle): Table {
  const [head, ...rows] = node.children.map((row) =>
    row.children.map((cell) => ({ children: toInlines(cell.children, { file }), position: cell.position })),
  );
  const width = head?.length ?? 0;
  return {
    type: 'table',
    number: 0,
    id: '',
    align: Array.from({ length: width }, (_, i) => node.align?.[i] ?? null),
    head: head ?? [],
    // GFM lets a row have fewer cells than the header: the missing ones are empty, as GitHub shows them.
    rows: rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? { children: [] })),
    position: node.position,
    ...(title ? { title: title.title } : {}),
    ...(title?.attributes.label ? { label: title.attributes.label, labelPosition: title.attributes.position } : {}),
  };
}
