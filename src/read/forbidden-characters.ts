// Characters no document can hold (model/characters.ts) are refused where they
// stand: in the text as written, and in YAML's double-quoted values, whose
// escapes ("\0", "\e", "\uFFFF") make them without their being in the text.
import { isScalar, visit, type Document as YamlDocument } from 'yaml';
import { codePoint, forbiddenCharacters } from '../model/characters.js';

/** What the character is, since it is not text. */
function nature(c: string): string {
  if (/\p{Cc}/u.test(c)) return 'a control character';
  if (/\p{Cs}/u.test(c)) return 'half of a character (a lone surrogate)';
  return "a noncharacter (Unicode keeps it for programs' own use)";
}

/** Why the character cannot stand in a document, and what to do. */
export function forbiddenReason(c: string): string {
  const hint = /\p{Cc}/u.test(c) ? ' (it comes with words pasted from a terminal or some PDFs)' : '';
  return `${codePoint(c)} is ${nature(c)}, not text: no document can hold it; delete it${hint}`;
}

export interface ForbiddenAt {
  /** Offset in the searched text. */
  offset: number;
  reason: string;
}

/** The first forbidden character of each line that has one, with how many more the line holds. */
export function forbiddenInText(text: string): ForbiddenAt[] {
  const byLine = new Map<number, { offset: number; character: string; count: number }>();
  for (const { index, character } of forbiddenCharacters(text)) {
    const line = text.lastIndexOf('\n', index - 1);
    const seen = byLine.get(line);
    if (seen) seen.count++;
    else byLine.set(line, { offset: index, character, count: 1 });
  }
  return [...byLine.values()].map(({ offset, character, count }) => ({
    offset,
    reason: forbiddenReason(character) + (count > 1 ? `; ${count - 1} more on this line` : ''),
  }));
}

const ESCAPE = /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0abtnvfreN_LP "/\\])/g;
const NAMED: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', N: '\x85' };

function unescape(escape: string): string {
  const hex = /^[xuU]/.test(escape) ? Number.parseInt(escape.slice(1), 16) : undefined;
  if (hex === undefined) return NAMED[escape] ?? escape;
  // A code point past Unicode's last is no character: YAML's reader makes it U+FFFD, which is harmless.
  return hex > 0x10ffff ? '\ufffd' : String.fromCodePoint(hex);
}

/**
 * Escapes in double-quoted YAML scalars, keys included, that write a forbidden character. A
 * surrogate pair written as two escapes ("\uD83D\uDE00") is one character, and a sound one.
 */
export function forbiddenInYamlEscapes(doc: YamlDocument, yaml: string): ForbiddenAt[] {
  const found: ForbiddenAt[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || node.type !== 'QUOTE_DOUBLE' || !node.range) return;
      const [start, end] = node.range;
      const escapes = [...yaml.slice(start, end).matchAll(ESCAPE)].map((m) => ({ offset: start + m.index, text: m[0], value: unescape(m[1]!) }));
      escapes.forEach((escape, i) => {
        const next = escapes[i + 1];
        const previous = escapes[i - 1];
        const paired =
          (/^[\ud800-\udbff]$/.test(escape.value) && next?.offset === escape.offset + escape.text.length && /^[\udc00-\udfff]$/.test(next.value)) ||
          (/^[\udc00-\udfff]$/.test(escape.value) && previous && previous.offset + previous.text.length === escape.offset && /^[\ud800-\udbff]$/.test(previous.value));
        if (paired || forbiddenCharacters(escape.value).length === 0) return;
        found.push({ offset: escape.offset, reason: `"${escape.text}" writes ${codePoint(escape.value)}, ${nature(escape.value)}, not text: no document can hold it; delete it` });
      });
    },
  });
  return found;
}
