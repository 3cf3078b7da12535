// The same source must give the same PDF, byte for byte. Chromium stamps the
// clock time into the Info dictionary (/CreationDate, /ModDate) and nothing
// else that varies between prints (it writes no /ID). Those two dates become
// the document's date, or SOURCE_DATE_EPOCH when that is set.
//
// Written by hand because no PDF library in this project's reach edits one
// value in place: they re-serialise every object, which would undo Chromium's
// structure tree and outline layout for no gain. Chromium writes a single
// classic cross-reference table, so a replacement of another length only
// shifts the offsets of the objects after it (xref.ts).
import { applyEdits, readXref } from './xref.js';

export class PdfStampError extends Error {}

/** A PDF date string, in UTC: D:YYYYMMDDHHmmSS+00'00'. */
export function pdfDate(instant: Date): string {
  const digits = instant.toISOString().slice(0, 19).replace(/\D/g, '');
  return `D:${digits}+00'00'`;
}

function fail(what: string): never {
  throw new PdfStampError(`cannot set the dates of the PDF Chromium wrote: ${what}`);
}

/** `pdf` with every date of its Info dictionary set to `instant`, the cross-reference offsets kept right. */
export function setPdfDates(pdf: Uint8Array, instant: Date): Uint8Array {
  // latin1 maps each byte to one character and back, so string offsets are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const xref = readXref(text, fail);
  const { xrefAt, entries, trailer } = xref;
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  if (!info) return pdf;
  const infoAt = entries[Number(info[1])]?.offset;
  if (infoAt === undefined) fail('the Info dictionary is not in the cross-reference table');
  const infoEnd = text.indexOf('endobj', infoAt);
  if (infoEnd < 0 || infoEnd > xrefAt) fail('the Info dictionary does not end');
  const before = text.slice(infoAt, infoEnd);
  const after = before.replace(/(\/(?:CreationDate|ModDate)\s*)\((?:[^()\\]|\\.)*\)/g, `$1(${pdfDate(instant)})`);
  if (after === before) return pdf;

  const out = applyEdits(text, xref, [{ at: infoAt, length: before.length, text: after }]);
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
