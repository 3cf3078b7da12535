// mdast body → sections, paragraphs and lists. Numbers are not read from the
// source: they are given afterwards (see numbering.ts), so inserting a
// paragraph renumbers the rest.
import type { List, ListItem as MdListItem, Paragraph as MdParagraph, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Block, BulletList, Inline, ListItem, Paragraph, Section } from '../model/document.js';
import { error, warn } from '../diagnostics/report.js';
import { toInlines } from './inline.js';
import { isComment, quoteHtml, wordsIn } from './raw-html.js';

/** A paragraph starting with this marker continues the numbered paragraph before it. */
export const CONTINUATION_MARKER = '^ ';

function paragraph(node: MdParagraph, file: VFile): Paragraph {
  const children = [...node.children];
  const first = children[0];
  let continuation = false;
  if (first?.type === 'text' && first.value.startsWith(CONTINUATION_MARKER)) {
    continuation = true;
    const rest = first.value.slice(CONTINUATION_MARKER.length).replace(/^[ \t]+/, '');
    const start = first.position && {
      ...first.position.start,
      column: first.position.start.column + first.value.length - rest.length,
    };
    children[0] = { ...first, value: rest, position: start && first.position && { start, end: first.position.end } };
  }
  return { type: 'paragraph', continuation, children: toInlines(children, { file }), position: node.position };
}

function itemContent(item: MdListItem, file: VFile, level: number): ListItem {
  const inlines: Inline[] = [];
  const sublists: BulletList[] = [];
  for (const child of item.children) {
    if (child.type === 'paragraph') {
      if (inlines.length > 0) inlines.push({ type: 'break' });
      inlines.push(...toInlines(child.children as PhrasingContent[], { file }));
    } else if (child.type === 'list') {
      const nested = list(child, file, level + 1);
      if (nested) sublists.push(nested);
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

function list(node: List, file: VFile, level: number): BulletList | undefined {
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
  return { type: 'list', level, items: node.children.map((item) => itemContent(item, file, level)), position: node.position };
}

const UNSUPPORTED: Record<string, string> = {
  code: 'code blocks are not part of a Council document',
  blockquote: 'block quotations are not supported; put quoted words in “quotation marks”',
  table: 'tables are not supported in the text',
  definition: 'link definitions are not supported; write the address in the link',
};

function unsupported(node: RootContent, file: VFile): void {
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
    : (UNSUPPORTED[node.type] ?? `unsupported Markdown (${node.type})`);
  error(file, reason, node.position, 'unsupported-markdown');
}

export function readBody(nodes: RootContent[], file: VFile): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let warnedOrphans = false;
  const add = (block: Block, node: RootContent): void => {
    if (current) current.blocks.push(block);
    else if (!warnedOrphans) {
      warnedOrphans = true;
      error(file, 'text before the first section: start the body with a "# Heading" line', node.position, 'content-before-section');
    }
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'yaml':
        break;
      case 'heading':
        if (node.depth !== 1) {
          error(
            file,
            `a level-${node.depth} heading is not supported: sections start with a single "#"`,
            node.position,
            'heading-depth',
          );
          break;
        }
        current = {
          type: 'section',
          number: '',
          id: '',
          title: toInlines(node.children, { file }),
          blocks: [],
          position: node.position,
        };
        sections.push(current);
        break;
      case 'paragraph': {
        // A paragraph that held only dropped HTML or images (each already warned about) gets no number.
        const block = paragraph(node, file);
        if (!isBlank(block.children)) add(block, node);
        break;
      }
      case 'list': {
        const block = list(node, file, 1);
        if (block) add(block, node);
        break;
      }
      default:
        unsupported(node, file);
    }
  }
  return sections;
}
