// Edits in place of a PDF as Chromium writes it: one classic cross-reference
// table, no object streams. An edit of another length only shifts the offsets
// of what comes after it, which are set right here.

export class PdfEditError extends Error {}

export interface XrefEntry {
  /** Where the entry's 10-digit offset stands in the file. */
  at: number;
  offset: number;
}

export interface Xref {
  xrefAt: number;
  startxrefAt: number;
  /** By object number; free objects are absent. */
  entries: XrefEntry[];
  trailer: string;
}

/** A replacement of `length` characters at `at` of the original text. */
export interface Edit {
  at: number;
  length: number;
  text: string;
}

/** Reads the file's one cross-reference table and its trailer; `fail` says what is wrong in the caller's words. */
export function readXref(text: string, fail: (what: string) => never): Xref {
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!tail) fail('no startxref at the end');
  const xrefAt = Number(tail[1]);
  const startxrefAt = tail.index + tail[0].indexOf(tail[1]!);
  if (!text.startsWith('xref', xrefAt)) fail('no cross-reference table where startxref points');
  const entries: XrefEntry[] = [];
  const line = /[ \t]*(\d+) (\d+)[ \t]*\r?\n/y;
  let at = xrefAt + 'xref'.length;
  while (/\s/.test(text[at]!)) at++;
  while (!text.startsWith('trailer', at)) {
    line.lastIndex = at;
    const section = line.exec(text);
    if (!section) fail('a cross-reference subsection this tool does not read');
    at = line.lastIndex;
    for (let i = 0; i < Number(section[2]); i++, at += 20) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(at, at + 20));
      if (!entry) fail('a cross-reference entry this tool does not read');
      if (entry[3] === 'n') entries[Number(section[1]) + i] = { at, offset: Number(entry[1]) };
    }
  }
  const trailer = text.slice(at, text.indexOf('startxref', at));
  if (/\/Prev\b/.test(trailer)) fail('more than one cross-reference section');
  return { xrefAt, startxrefAt, entries, trailer };
}

/**
 * `text` with `edits` applied (none may overlap, none may touch the
 * cross-reference table), every object offset and startxref moved by what the
 * edits before it added or took away.
 */
export function applyEdits(text: string, xref: Xref, edits: Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  const shifts: { at: number; total: number }[] = [];
  let total = 0;
  for (const edit of sorted) {
    total += edit.text.length - edit.length;
    shifts.push({ at: edit.at, total });
  }
  /** How far `offset` moves: the sum of what the edits before it changed. */
  const moved = (offset: number) => {
    let shift = 0;
    for (const s of shifts) if (s.at < offset) shift = s.total;
    return offset + shift;
  };
  const all = [...sorted];
  for (const entry of xref.entries) {
    if (entry && moved(entry.offset) !== entry.offset) {
      all.push({ at: entry.at, length: 10, text: String(moved(entry.offset)).padStart(10, '0') });
    }
  }
  if (moved(xref.xrefAt) !== xref.xrefAt) {
    all.push({ at: xref.startxrefAt, length: String(xref.xrefAt).length, text: String(moved(xref.xrefAt)) });
  }
  all.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const edit of all) {
    out += text.slice(from, edit.at) + edit.text;
    from = edit.at + edit.length;
  }
  return out + text.slice(from);
}
