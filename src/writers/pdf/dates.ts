// The same source must give the same PDF, byte for byte. Chromium stamps the
// clock time into the Info dictionary (/CreationDate, /ModDate) and nothing
// else that varies between prints (it writes no /ID). Those two dates become
// the document's date, or SOURCE_DATE_EPOCH when that is set.
//
// Written by hand because no PDF library in this project's reach edits one
// value in place: they re-serialise every object, which would undo Chromium's
// structure tree and outline layout for no gain. Chromium writes a single
// classic cross-reference table, so a replacement of another length only
// shifts the offsets of the objects after it.
import type { IsoDate } from '../../model/meta.js';

export class PdfStampError extends Error {}

/** The moment a PDF is stamped with: SOURCE_DATE_EPOCH (seconds) when set, else midnight UTC of the document's date. */
export function stampInstant(documentDate: IsoDate, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch.trim() !== '') {
    if (!/^\d+$/.test(epoch.trim())) throw new PdfStampError(`SOURCE_DATE_EPOCH is "${epoch}": give whole seconds since 1970`);
    return new Date(Number(epoch.trim()) * 1000);
  }
  return new Date(`${documentDate}T00:00:00Z`);
}

/** A PDF date string, in UTC: D:YYYYMMDDHHmmSS+00'00'. */
export function pdfDate(instant: Date): string {
  const digits = instant.toISOString().slice(0, 19).replace(/\D/g, '');
  return `D:${digits}+00'00'`;
}

interface XrefEntry {
  /** Where the entry's 10-digit offset stands in the file. */
  at: number;
  offset: number;
}

function fail(what: string): never {
  throw new PdfStampError(`cannot set the dates of the PDF Chromium wrote: ${what}`);
}

/** Reads the file's one cross-reference table and its trailer. */
function readXref(text: string): { xrefAt: number; startxrefAt: number; entries: XrefEntry[]; trailer: string } {
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

/** `pdf` with every date of its Info dictionary set to `instant`, the cross-reference offsets kept right. */
export function setPdfDates(pdf: Uint8Array, instant: Date): Uint8Array {
  // latin1 maps each byte to one character and back, so string offsets are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const { xrefAt, startxrefAt, entries, trailer } = readXref(text);
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  if (!info) return pdf;
  const infoAt = entries[Number(info[1])]?.offset;
  if (infoAt === undefined) fail('the Info dictionary is not in the cross-reference table');
  const infoEnd = text.indexOf('endobj', infoAt);
  if (infoEnd < 0 || infoEnd > xrefAt) fail('the Info dictionary does not end');
  const before = text.slice(infoAt, infoEnd);
  const after = before.replace(/(\/(?:CreationDate|ModDate)\s*)\((?:[^()\\]|\\.)*\)/g, `$1(${pdfDate(instant)})`);
  if (after === before) return pdf;

  // Edits at positions of the original text, applied in one pass.
  const shift = after.length - before.length;
  const moved = (offset: number) => (offset > infoAt ? offset + shift : offset);
  const edits: { at: number; length: number; text: string }[] = [{ at: infoAt, length: before.length, text: after }];
  if (shift !== 0) {
    for (const entry of entries) {
      if (entry && entry.offset > infoAt) edits.push({ at: entry.at, length: 10, text: String(moved(entry.offset)).padStart(10, '0') });
    }
    edits.push({ at: startxrefAt, length: String(xrefAt).length, text: String(moved(xrefAt)) });
  }
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += text.slice(from, edit.at) + edit.text;
    from = edit.at + edit.length;
  }
  out += text.slice(from);
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
