// The same document must give the same PDF whatever else the build prints.
// Chromium (Skia) names each structure element that something refers to (a
// table header cell, by the /Headers of the cells under it) `node` and the
// DOM node id of its element, 8 digits: /ID (node00000162), the /IDTree's keys
// and the /Headers entries. Those ids count every node the tab's renderer has
// made, so a document printed after others in the same tab gets other ids,
// and other bytes. Here they are renamed node00000001, node00000002, ... in
// the order of their numbers, which keeps every reference and the /IDTree's
// order (zero-padded, so lexical order is numeric order), and depends on
// nothing but the document.
//
// Only the objects' dictionaries are read (never a stream's data), token by
// token, and only a literal string that is the /ID of some object, or is equal
// to one, is renamed.
import { applyEdits, readXref, type Edit } from './xref.js';

export class PdfStructureIdError extends Error {}

function fail(what: string): never {
  throw new PdfStructureIdError(`cannot renumber the structure ids of the PDF Chromium wrote: ${what}`);
}

/** What Skia writes: `node` and at least 8 digits. */
const STRUCTURE_ID = /^node(\d{8,})$/;
const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);

interface StringToken {
  /** Where the string starts, at its `(`, and its length with both parentheses. */
  at: number;
  length: number;
  value: string;
}

/**
 * The literal strings of the object at `at` that look like structure ids, and
 * those that are the value of an /ID key; up to its `stream` or `endobj`.
 */
function scanObject(text: string, at: number, end: number, strings: StringToken[], ids: Set<string>): void {
  let i = at;
  let previous = '';
  while (i < end) {
    const c = text[i]!;
    if (WHITESPACE.has(c)) {
      i++;
      continue;
    }
    if (c === '%') {
      while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '(') {
      const start = i;
      let depth = 0;
      let raw = '';
      for (; i < end; i++) {
        const d = text[i]!;
        if (d === '\\') {
          raw += d + (text[i + 1] ?? '');
          i++;
          continue;
        }
        if (d === '(' && depth++ === 0) continue;
        if (d === ')' && --depth === 0) break;
        raw += d;
      }
      if (i >= end) fail('a string that does not end');
      i++;
      if (STRUCTURE_ID.test(raw)) {
        strings.push({ at: start, length: i - start, value: raw });
        if (previous === '/ID') ids.add(raw);
      }
      previous = '(string)';
      continue;
    }
    if (c === '<' || c === '>' || c === '[' || c === ']' || c === '{' || c === '}' || c === ')') {
      // A hex string is skipped whole; `<<` and `>>` are one token.
      if (c === '<' && text[i + 1] !== '<') {
        const close = text.indexOf('>', i);
        if (close < 0 || close >= end) fail('a hex string that does not end');
        i = close + 1;
      } else i += (c === '<' || c === '>') && text[i + 1] === c ? 2 : 1;
      previous = c;
      continue;
    }
    // A name (/ID) or a regular token (a number, R, obj, true, stream, endobj).
    let j = i + 1;
    while (j < end && !WHITESPACE.has(text[j]!) && !DELIMITERS.has(text[j]!)) j++;
    const token = text.slice(i, j);
    if (token === 'stream' || token === 'endobj') return;
    previous = token;
    i = j;
  }
}

/** `pdf` with its structure element ids numbered from 1, every reference to them kept. */
export function renumberStructureIds(pdf: Uint8Array): Uint8Array {
  // latin1 maps each byte to one character and back, so string offsets are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!text.includes('(node')) return pdf;
  const xref = readXref(text, fail);
  const strings: StringToken[] = [];
  const ids = new Set<string>();
  for (const entry of xref.entries) if (entry) scanObject(text, entry.offset, xref.xrefAt, strings, ids);
  if (ids.size === 0) return pdf;
  const ordered = [...ids].sort((a, b) => {
    const [x, y] = [BigInt(STRUCTURE_ID.exec(a)![1]!), BigInt(STRUCTURE_ID.exec(b)![1]!)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const renamed = new Map(ordered.map((id, i) => [id, `node${String(i + 1).padStart(8, '0')}`]));
  const edits: Edit[] = [];
  for (const s of strings) {
    const name = renamed.get(s.value);
    if (name !== undefined && name !== s.value) edits.push({ at: s.at, length: s.length, text: `(${name})` });
  }
  if (edits.length === 0) return pdf;
  return new Uint8Array(Buffer.from(applyEdits(text, xref, edits), 'latin1'));
}
