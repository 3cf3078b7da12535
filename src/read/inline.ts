// mdast phrasing content → model inlines. Only what a Council document can
// hold gets through: anything else is reported and dropped, never passed on raw.
import type { PhrasingContent } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { Inline } from '../model/document.js';
import { error, warn } from '../diagnostics/report.js';
import { findStandards } from './standards.js';
import { withoutInvisible } from '../model/characters.js';
import { smartQuotes } from './quotes.js';
import { closes, codeElementOpened, isComment, quoteHtml } from './raw-html.js';

export interface InlineContext {
  file: VFile;
  /** When set, every node gets this position (text lifted from front matter values). */
  at?: Position;
  /** How many emphasis, bold and link nodes the nodes being read are inside. */
  depth?: number;
}

/** Emphasis, bold and links nest at most this deep; deeper content is refused, and never recursed into. */
export const MAX_INLINE_DEPTH = 10;

function nested(nodes: PhrasingContent[], ctx: InlineContext, position: Position | undefined): Inline[] {
  const depth = (ctx.depth ?? 0) + 1;
  if (depth > MAX_INLINE_DEPTH) {
    error(
      ctx.file,
      `emphasis, bold and links nested more than ${MAX_INLINE_DEPTH} deep: look for a * or _ left open`,
      position,
      'nesting-too-deep',
    );
    return [];
  }
  return toInlines(nodes, { ...ctx, depth });
}

const SAFE_SCHEMES = /^(?:https?:|mailto:)/i;
/** `[words](event:id)` names an event of the front matter's `events:`. */
export const EVENT_SCHEME = 'event:';

/** The point `length` characters after `start` in `value`, following its newlines. */
export function advance(start: Point, value: string, length: number): Point {
  let { line, column } = start;
  for (let i = 0; i < length; i++) {
    if (value[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column, offset: start.offset === undefined ? undefined : start.offset + length };
}

function textToInlines(value: string, position: Position | undefined, ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const placeOf = (from: number, to: number): Position | undefined => {
    if (ctx.at) return ctx.at;
    if (!position) return undefined;
    return { start: advance(position.start, value, from), end: advance(position.start, value, to) };
  };
  for (const match of findStandards(value)) {
    if (match.index > last) {
      out.push({ type: 'text', value: value.slice(last, match.index), position: placeOf(last, match.index) });
    }
    const end = match.index + match.text.length;
    out.push({
      type: 'standard',
      id: match.id,
      text: match.text,
      kind: match.kind,
      ...(match.url === undefined ? {} : { url: match.url }),
      ...(match.quotedTitle === undefined ? {} : { quotedTitle: match.quotedTitle }),
      position: placeOf(match.index, end),
    });
    last = end;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last), position: placeOf(last, value.length) });
  return out;
}

/**
 * GFM reads `[^id]` as a citation only when a note `[^id]: ...` exists; otherwise it stays text.
 * Such text is taken as a citation of a note that does not exist, so the author hears of it.
 */
const UNDEFINED_CITATION = /\[\^([^\]\s]+)\]/g;

function footnoteCitations(value: string, position: Position | undefined, ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const at = (from: number, to: number): Position | undefined =>
    ctx.at ?? (position && { start: advance(position.start, value, from), end: advance(position.start, value, to) });
  for (const match of value.matchAll(UNDEFINED_CITATION)) {
    if (match.index > last) out.push(...textToInlines(value.slice(last, match.index), at(last, match.index), ctx));
    last = match.index + match[0].length;
    out.push({ type: 'footnote-ref', id: match[1]!.toLowerCase(), position: at(match.index, last) });
  }
  if (last === 0) return textToInlines(value, position, ctx);
  if (last < value.length) out.push(...textToInlines(value.slice(last), at(last, value.length), ctx));
  return out;
}

export function toInlines(nodes: PhrasingContent[], ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  // Inside <script>...</script> and the like: everything up to the closing tag goes with the tags.
  let codeElement: string | undefined;
  for (const node of nodes) {
    const position = ctx.at ?? node.position;
    if (codeElement) {
      if (node.type === 'html' && closes(node.value, codeElement)) codeElement = undefined;
      continue;
    }
    switch (node.type) {
      case 'text':
        out.push(...footnoteCitations(smartQuotes(node.value), node.position, ctx));
        break;
      case 'inlineCode':
        out.push({ type: 'text', value: node.value, position });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: nested(node.children, ctx, position), position });
        break;
      case 'strong':
        out.push({ type: 'strong', children: nested(node.children, ctx, position), position });
        break;
      case 'break':
        out.push({ type: 'break', position });
        break;
      case 'link': {
        const children = nested(node.children, ctx, position);
        if (node.url.startsWith('#')) {
          // A cross-reference: without words of its own, the target's number is printed.
          out.push({ type: 'xref', label: withoutInvisible(node.url.slice(1)), children, position });
        } else if (node.url.toLowerCase().startsWith(EVENT_SCHEME)) {
          const id = withoutInvisible(node.url.slice(EVENT_SCHEME.length));
          // An autolink (<event:id>) has no words of its own: it stands for the event itself.
          const words = children.length === 1 && children[0]!.type === 'text' && children[0]!.value === node.url ? [] : children;
          out.push({ type: 'event', id, children: words, position });
        } else if (SAFE_SCHEMES.test(node.url)) {
          out.push({ type: 'link', url: node.url, children, position });
        } else {
          warn(
            ctx.file,
            `link to "${node.url}" dropped, its text kept: only http, https and mailto links, and "#label" references, are allowed`,
            position,
            'unsafe-link',
          );
          out.push(...children);
        }
        break;
      }
      case 'html':
        // Comments are how authors leave notes in a source: drop them quietly.
        if (isComment(node.value)) break;
        codeElement = codeElementOpened(node.value);
        warn(
          ctx.file,
          codeElement
            ? `raw HTML ${quoteHtml(node.value)} dropped with all up to its "</${codeElement}>": a Council document holds no scripts, styles or embedded content`
            : `raw HTML ${quoteHtml(node.value)} dropped, the words around it kept: write Markdown instead (*emphasis*, **bold**, [words](https://...))`,
          position,
          'raw-html',
        );
        break;
      case 'image':
        // A figure is a paragraph of its own (see figure.ts); in running text an image has no place to stand.
        warn(
          ctx.file,
          `image "${node.url}" dropped: it stands in running text, and a figure stands in a paragraph of its own, with a blank line before and after it`,
          position,
          'image',
        );
        break;
      case 'footnoteReference':
        out.push({ type: 'footnote-ref', id: node.identifier, position });
        break;
      default:
        // References to link definitions and other rare syntax: keep the words.
        if ('children' in node) out.push(...nested(node.children as PhrasingContent[], ctx, position));
        else if ('value' in node) out.push({ type: 'text', value: String(node.value), position });
    }
  }
  return out;
}
