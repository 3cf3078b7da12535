// mdast body → sections, annexes, footnotes and their blocks. Numbers are not
// read from the source: they are given afterwards (see numbering.ts), so
// inserting a paragraph, table or annex renumbers the rest.
import type { List, ListItem as MdListItem, Paragraph as MdParagraph, PhrasingContent, RootContent, Table as MdTable, FootnoteDefinition } from 'mdast';
import type { VFile } from 'vfile';
import type { Annex, Block, BulletList, Footnote, Inline, ListItem, Paragraph, Section } from '../model/document.js';
import { error, warn } from '../diagnostics/report.js';
import { advance, toInlines } from './inline.js';
import { isComment, quoteHtml, wordsIn } from './raw-html.js';
import { takeAttributes } from './attributes.js';
import { figureOf } from './figure.js';
import { readTable, tableTitle } from './table.js';

/** A paragraph starting with this marker continues the numbered paragraph before it. */
export const CONTINUATION_MARKER = '^ ';
/** `#.#.# ` at a paragraph's start: the dots count its depth (`#.#.#` numbers 2.3.1 under 2.3). */
const LEVEL_MARKER = /^#((?:\.#)+)\.?[ \t]+/;
/** Paragraph numbers go at most this deep below a section's own (2.3.1.1.1). */
export const MAX_PARAGRAPH_LEVEL = 4;
/** The class that makes a `#` heading an annex. */
export const ANNEX_CLASS = 'annex';

export interface Body {
  sections: Section[];
  annexes: Annex[];
  footnotes: Footnote[];
}

/** `nodes` with the first `length` characters of its first text node taken off. */
function dropLead(nodes: PhrasingContent[], length: number): PhrasingContent[] {
  const first = nodes[0];
  if (first?.type !== 'text') return nodes;
  const rest = first.value.slice(length);
  const start = first.position && advance(first.position.start, first.value, length);
  const copy = [...nodes];
  copy[0] = { ...first, value: rest, position: start && first.position && { start, end: first.position.end } };
  return copy;
}

function paragraph(node: MdParagraph, file: VFile): Paragraph {
  let children = [...node.children];
  let continuation = false;
  let level = 1;
  const first = children[0];
  if (first?.type === 'text' && first.value.startsWith(CONTINUATION_MARKER)) {
    continuation = true;
    const rest = first.value.slice(CONTINUATION_MARKER.length).replace(/^[ \t]+/, '');
    children = dropLead(children, first.value.length - rest.length);
  } else if (first?.type === 'text') {
    const marker = LEVEL_MARKER.exec(first.value);
    if (marker) {
      level = marker[1]!.length / 2;
      if (level > MAX_PARAGRAPH_LEVEL) {
        error(
          file,
          `"${marker[0].trim()}" asks for a paragraph ${level} levels below its section's: paragraph numbers go ${MAX_PARAGRAPH_LEVEL} levels deep at most (2.3.1.1.1)`,
          first.position,
          'paragraph-level',
        );
        level = MAX_PARAGRAPH_LEVEL;
      }
      children = dropLead(children, marker[0].length);
    }
  }
  const { nodes, attributes } = takeAttributes(children, file, []);
  return {
    type: 'paragraph',
    continuation,
    level,
    children: toInlines(nodes, { file }),
    position: node.position,
    ...(attributes.label ? { label: attributes.label, labelPosition: attributes.position } : {}),
  };
}

function itemContent(item: MdListItem, file: VFile, level: number, notes: Footnote[]): ListItem {
  const inlines: Inline[] = [];
  const sublists: BulletList[] = [];
  for (const child of item.children) {
    if (child.type === 'paragraph') {
      if (inlines.length > 0) inlines.push({ type: 'break' });
      inlines.push(...toInlines(child.children as PhrasingContent[], { file }));
    } else if (child.type === 'list') {
      const nested = list(child, file, level + 1, notes);
      if (nested) sublists.push(nested);
    } else if (child.type === 'footnoteDefinition') {
      notes.push(footnote(child, file));
    } else {
      unsupported(child, file);
    }
  }
  // An item that is only an event reference without words (`- <event:id>`) lists that event.
  const only = inlines.length === 1 ? inlines[0] : undefined;
  if (only?.type === 'event' && only.children.length === 0) {
    return { type: 'item', children: [], sublists, event: only, position: item.position };
  }
  return { type: 'item', children: inlines, sublists, position: item.position };
}

function isBlank(inlines: Inline[]): boolean {
  return inlines.every(
    (n) => n.type === 'break' || (n.type === 'text' && n.value.trim() === '') || ((n.type === 'emphasis' || n.type === 'strong' || n.type === 'link') && isBlank(n.children)),
  );
}

/** Bullets nest at most this deep; a deeper list is refused, and never recursed into. */
export const MAX_LIST_DEPTH = 10;

function list(node: List, file: VFile, level: number, notes: Footnote[]): BulletList | undefined {
  if (level > MAX_LIST_DEPTH) {
    error(
      file,
      `this list is nested ${level} levels deep: bullets nest at most ${MAX_LIST_DEPTH} levels (Council documents use two or three)`,
      node.position,
      'nesting-too-deep',
    );
    return undefined;
  }
  if (node.ordered) {
    error(
      file,
      'numbered lists are not supported: use "- " bullets (paragraph numbers are generated); ' +
        'if this line is text that starts with a number, write the dot as "\\."',
      node.position,
      'ordered-list',
    );
    return undefined;
  }
  return { type: 'list', level, items: node.children.map((item) => itemContent(item, file, level, notes)), position: node.position };
}

function footnote(node: FootnoteDefinition, file: VFile): Footnote {
  const paragraphs: Inline[][] = [];
  for (const child of node.children) {
    if (child.type === 'paragraph') paragraphs.push(toInlines(child.children, { file }));
    else unsupported(child as RootContent, file, 'a footnote holds paragraphs only');
  }
  return { type: 'footnote', id: node.identifier, number: 0, anchor: '', paragraphs, position: node.position };
}

const UNSUPPORTED: Record<string, string> = {
  code: 'code blocks are not part of a Council document',
  blockquote: 'block quotations are not supported; put quoted words in “quotation marks”',
  definition: 'link definitions are not supported; write the address in the link',
};

function unsupported(node: RootContent, file: VFile, where?: string): void {
  if (node.type === 'html') {
    if (isComment(node.value)) return;
    const words = wordsIn(node.value);
    if (words) {
      error(
        file,
        `raw HTML holding words (${quoteHtml(words)}) is refused, as dropping it would lose them: write them as Markdown paragraphs`,
        node.position,
        'html-with-text',
      );
    } else {
      warn(file, `raw HTML ${quoteHtml(node.value)} dropped: it holds no words, and a Council document holds no scripts, styles or embedded content`, node.position, 'raw-html');
    }
    return;
  }
  if (node.type === 'thematicBreak') {
    warn(file, 'horizontal rule dropped: sections are separated by their headings', node.position, 'thematic-break');
    return;
  }
  const indented = node.type === 'code' && !/^[ \t]*(?:```|~~~)/.test(String(file.value).slice(node.position?.start.offset ?? 0, (node.position?.start.offset ?? 0) + 80));
  const reason = indented
    ? 'a line indented by four spaces or a tab is a code block, which is not part of a Council document: remove the indentation'
    : where && (node.type === 'table' || node.type === 'list' || node.type === 'heading')
      ? `${node.type === 'list' ? 'a list' : `a ${node.type}`} here is not supported: ${where}`
      : (UNSUPPORTED[node.type] ?? `unsupported Markdown (${node.type})`);
  error(file, reason, node.position, 'unsupported-markdown');
}

export function readBody(nodes: RootContent[], file: VFile): Body {
  const body: Body = { sections: [], annexes: [], footnotes: [] };
  let current: Section | Annex | undefined;
  /** The deepest heading level open in the current section or annex (1 for none yet). */
  let headingLevel = 1;
  let warnedOrphans = false;
  const add = (block: Block, node: RootContent): void => {
    if (current) current.blocks.push(block);
    else if (!warnedOrphans) {
      warnedOrphans = true;
      error(file, 'text before the first section: start the body with a "# Heading" line', node.position, 'content-before-section');
    }
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    switch (node.type) {
      case 'yaml':
        break;
      case 'heading': {
        if (node.depth > 3) {
          error(
            file,
            `a level-${node.depth} heading is not supported: "#" starts a section or annex, "##" and "###" head parts of it`,
            node.position,
            'heading-depth',
          );
          break;
        }
        const { nodes: words, attributes } = takeAttributes(node.children, file, node.depth === 1 ? [ANNEX_CLASS] : []);
        const labelled = attributes.label ? { label: attributes.label, labelPosition: attributes.position } : {};
        const title = toInlines(words, { file });
        if (node.depth === 1) {
          headingLevel = 1;
          if (attributes.classes.includes(ANNEX_CLASS)) {
            current = { type: 'annex', number: '', id: '', title, blocks: [], position: node.position, ...labelled };
            body.annexes.push(current);
          } else {
            if (body.annexes.length > 0) {
              error(
                file,
                'a section after an annex: sections come first, then the annexes; if this heading starts another annex, end it with "{.annex}"',
                node.position,
                'section-after-annex',
              );
            }
            current = { type: 'section', number: '', id: '', title, blocks: [], position: node.position, ...labelled };
            body.sections.push(current);
          }
          break;
        }
        const level = node.depth as 2 | 3;
        if (current && level > headingLevel + 1) {
          error(file, `"###" with no "##" before it in this ${current.type}: headings go down one level at a time`, node.position, 'heading-depth');
        }
        headingLevel = level;
        add({ type: 'heading', level, id: '', children: title, position: node.position, ...labelled }, node);
        break;
      }
      case 'paragraph': {
        const figure = figureOf(node, file);
        if (figure) {
          add(figure, node);
          break;
        }
        const title = tableTitle(node, file);
        if (title) {
          const next = nodes[i + 1];
          if (next?.type === 'table') {
            add(readTable(next, file, title), next);
            i++;
          } else {
            error(file, 'a table title with no table right after it: put the "Table:" line just above its table', node.position, 'table-title');
          }
          break;
        }
        // A paragraph that held only dropped HTML (already warned about) gets no number.
        const block = paragraph(node, file);
        if (!isBlank(block.children)) add(block, node);
        break;
      }
      case 'table':
        add(readTable(node as MdTable, file), node);
        break;
      case 'list': {
        const block = list(node, file, 1, body.footnotes);
        if (block) add(block, node);
        break;
      }
      case 'footnoteDefinition':
        body.footnotes.push(footnote(node, file));
        break;
      default:
        unsupported(node, file);
    }
  }
  return body;
}
