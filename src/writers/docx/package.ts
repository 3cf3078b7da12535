// The same source must give the same DOCX, byte for byte (reproducible
// builds; `make` rewriting only outputs that changed). docx cannot be told so:
// it dates docProps/core.xml and every zip entry with the wall clock (the
// entries in local time, so the time zone changes the bytes too), and names
// hyperlink relationships with random ids. The package it writes is re-packed
// here, with fflate, the zip library docx itself uses.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { IsoDate } from '../../model/meta.js';

export class BuildTimeError extends Error {}

/**
 * The time a build stamps: SOURCE_DATE_EPOCH when set (seconds since 1970,
 * https://reproducible-builds.org/specs/source-date-epoch/), else the start of
 * the document's own date, in UTC.
 */
export function buildTime(date: IsoDate, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    const time = new Date(Number(epoch) * 1000);
    if (!/^\d+$/.test(epoch) || Number.isNaN(time.getTime())) {
      throw new BuildTimeError(`SOURCE_DATE_EPOCH="${epoch}" is not a number of seconds since 1970`);
    }
    return time;
  }
  return new Date(`${date}T00:00:00Z`);
}

/** W3CDTF as Word writes it: whole seconds, UTC. */
function w3cdtf(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function replaceTimestamps(coreXml: string, time: Date): string {
  let found = 0;
  const fixed = coreXml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_match, open: string, _name: string, close: string) => {
      found++;
      return `${open}${w3cdtf(time)}${close}`;
    },
  );
  // A docx release that writes these otherwise must fail here, not slip a wall-clock date through.
  if (found !== 2) throw new Error(`DOCX writer: expected created and modified dates in docProps/core.xml, found ${found}`);
  return fixed;
}

/** The part a relationships file belongs to: word/_rels/document.xml.rels → word/document.xml. */
function ownerOf(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}

/**
 * docx's own relationships are numbered (rId1, rId2, ...); the rest carry
 * random ids. Those are renamed rIdR1, rIdR2, ... in the order the
 * relationships file lists them, which is the order of the document.
 */
function renameRandomIds(files: Map<string, Uint8Array>): void {
  for (const [path, bytes] of files) {
    if (!path.endsWith('.rels')) continue;
    const rels = decoder.decode(bytes);
    const renames = new Map<string, string>();
    for (const [, id] of rels.matchAll(/\bId="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(id!) && !renames.has(id!)) renames.set(id!, `rIdR${renames.size + 1}`);
    }
    if (renames.size === 0) continue;
    const rename = (xml: string) => xml.replace(/="([^"]+)"/g, (match, value: string) => {
      const renamed = renames.get(value);
      return renamed === undefined ? match : `="${renamed}"`;
    });
    files.set(path, encoder.encode(rename(rels)));
    const owner = ownerOf(path);
    const part = files.get(owner);
    if (part) files.set(owner, encoder.encode(rename(decoder.decode(part))));
  }
}

/**
 * A zip entry's time is a local date and time (MS-DOS format, 1980 to 2107).
 * fflate reads it from a Date in the local time zone, so the Date is made
 * from the UTC fields of `time`: every zone then writes the same fields.
 */
function entryTime(time: Date): Date {
  const year = Math.min(Math.max(time.getUTCFullYear(), 1980), 2107);
  return new Date(year, time.getUTCMonth(), time.getUTCDate(), time.getUTCHours(), time.getUTCMinutes(), time.getUTCSeconds());
}

export function repack(zip: Uint8Array, time: Date): Uint8Array {
  const files = new Map(Object.entries(unzipSync(zip)));
  const core = files.get('docProps/core.xml');
  if (!core) throw new Error('DOCX writer: docx wrote no docProps/core.xml');
  files.set('docProps/core.xml', encoder.encode(replaceTimestamps(decoder.decode(core), time)));
  renameRandomIds(files);
  const mtime = entryTime(time);
  const entries: Zippable = {};
  for (const [path, bytes] of files) entries[path] = [bytes, { mtime, level: 6 }];
  return zipSync(entries);
}
