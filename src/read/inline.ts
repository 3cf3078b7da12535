// mdast phrasing content → model inlines. Only what a Council document can
// hold gets through: anything else is reported and dropped, never passed on raw.
import type { PhrasingContent } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { Inline } from '../model/document.js';
import { warn } from '../diagnostics/report.js';
import { findStandards } from './standards.js';
import { smartQuotes } from './quotes.js';

export interface InlineContext {
  file: VFile;
  /** When set, every node gets this position (text lifted from front matter values). */
  at?: Position;
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
      url: match.url,
      ...(match.quotedTitle === undefined ? {} : { quotedTitle: match.quotedTitle }),
      position: placeOf(match.index, end),
    });
    last = end;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last), position: placeOf(last, value.length) });
  return out;
}

export function toInlines(nodes: PhrasingContent[], ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const position = ctx.at ?? node.position;
    switch (node.type) {
      case 'text':
        out.push(...textToInlines(smartQuotes(node.value), node.position, ctx));
        break;
      case 'inlineCode':
        out.push({ type: 'text', value: node.value, position });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: toInlines(node.children, ctx), position });
        break;
      case 'strong':
        out.push({ type: 'strong', children: toInlines(node.children, ctx), position });
        break;
      case 'break':
        out.push({ type: 'break', position });
        break;
      case 'link': {
        const children = toInlines(node.children, ctx);
        if (node.url.toLowerCase().startsWith(EVENT_SCHEME)) {
          const id = node.url.slice(EVENT_SCHEME.length);
          // An autolink (<event:id>) has no words of its own: it stands for the event itself.
          const words = children.length === 1 && children[0]!.type === 'text' && children[0]!.value === node.url ? [] : children;
          out.push({ type: 'event', id, children: words, position });
        } else if (SAFE_SCHEMES.test(node.url)) {
          out.push({ type: 'link', url: node.url, children, position });
        } else {
          warn(
            ctx.file,
            `link to "${node.url}" dropped, its text kept: only http, https and mailto links are allowed`,
            position,
            'unsafe-link',
          );
          out.push(...children);
        }
        break;
      }
      case 'html':
        // Comments are how authors leave notes in a source: drop them quietly.
        if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) {
          warn(ctx.file, `raw HTML ${JSON.stringify(node.value)} dropped: write Markdown instead`, position, 'raw-html');
        }
        break;
      case 'image':
        warn(ctx.file, `image "${node.url}" dropped: images are not supported in the text`, position, 'image');
        break;
      default:
        // References to link definitions and other rare syntax: keep the words.
        if ('children' in node) out.push(...toInlines(node.children as PhrasingContent[], ctx));
        else if ('value' in node) out.push({ type: 'text', value: String(node.value), position });
    }
  }
  return out;
}
