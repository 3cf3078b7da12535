// Outputs read back by readers that share no code with the writers: a strict XML
// parser for every part of a DOCX, ical.js for a calendar, an HTML parser that
// reports every parse error, and RFC 4180's grammar for a CSV.
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import ICAL from 'ical.js';
import { fromHtml } from 'hast-util-from-html';

/** Why an XML text is not well-formed XML 1.0 (characters included), or nothing. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => problems.push(e.message));
  parser.write(xml).close();
  return problems;
}

/** Every XML part of a DOCX (word/*.xml, docProps/*.xml, the relationships), by name. */
export function docxXmlParts(docx: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, bytes] of Object.entries(unzipSync(docx))) {
    if (/\.(xml|rels)$/.test(name)) parts.set(name, strFromU8(bytes));
  }
  return parts;
}

/** Each DOCX part that is not well-formed, with why: empty for a sound DOCX. */
export function docxProblems(docx: Uint8Array): string[] {
  const parts = docxXmlParts(docx);
  if (!parts.has('word/document.xml')) return ['no word/document.xml'];
  return [...parts].flatMap(([name, xml]) => xmlProblems(xml).map((p) => `${name}: ${p}`));
}

export interface CalendarEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
}

/** The events of a calendar as ical.js reads them; throws when it is not iCalendar. */
export function calendarEvents(ics: string): CalendarEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  if (calendar.name !== 'vcalendar') throw new Error(`a ${calendar.name}, not a calendar`);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, summary: event.summary, description: event.description ?? '', start: event.startDate.toString() };
  });
}

/** The parse errors an HTML parser finds (parse5, as browsers parse). */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  fromHtml(html, {
    onerror: (e) => {
      problems.push(`${e.line}:${e.column} ${e.reason}`);
    },
  });
  return problems;
}

/** CSV rows by RFC 4180 (every field quoted, as the writer quotes them); throws when it is not such a CSV. */
export function csvRows(csv: string): string[][] {
  const text = csv.replace(/^\ufeff/, '');
  const rows: string[][] = [];
  const field = /"((?:[^"]|"")*)"(,|\r\n)/gy;
  let row: string[] = [];
  while (field.lastIndex < text.length) {
    const at = field.lastIndex;
    const m = field.exec(text);
    if (!m) throw new Error(`not a quoted CSV field at offset ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
    row.push(m[1]!.replace(/""/g, '"'));
    if (m[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}
