// Model → the standards annex as CSV for spreadsheets (RFC 4180): UTF-8 with a
// byte-order mark (without it Excel reads UTF-8 as the local code page and
// breaks the curly quotes and dashes of titles), a header row, CRLF lines.
// Quoting every field and doubling its quotes is the whole of RFC 4180
// writing, so it is done here rather than through a library.
import type { CouncilDocument } from '../../model/document.js';
import { annexView } from '../../locale/annex.js';
import type { WriteOptions } from '../options.js';

/** A spreadsheet runs a cell starting with = + - @ as a formula: such text is kept as text. */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  return `"${inert(value).replace(/"/g, '""')}"`;
}

export function writeCsv(document: CouncilDocument, options: WriteOptions): string {
  const columns = options.locale.annex.columns;
  const rows = annexView(document.standards, options.locale)?.rows ?? [];
  const lines = [
    [columns.identifier, columns.title, columns.edition, columns.status, columns.link],
    ...rows.map((row) => [row.id, row.title, row.edition, row.status, row.url ?? '']),
  ];
  return '\ufeff' + lines.map((line) => line.map(field).join(',') + '\r\n').join('');
}
