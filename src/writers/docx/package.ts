// The same source must give the same DOCX, byte for byte (reproducible
// builds; `make` rewriting only outputs that changed). docx cannot be told so:
// it dates docProps/core.xml and every zip entry with the wall clock (the
// entries in local time, so the time zone changes the bytes too), and names
// hyperlink relationships with random ids, and bookmarks and drawings with
// numbers from counters shared by every document the process makes. So the
// package's files are taken from docx before it zips them, mended, and zipped
// here once.
import { Zip, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';

/** W3CDTF as Word writes it: whole seconds, UTC. */
function w3cdtf(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

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
function renameRandomIds(files: PackageFiles): void {
  for (const [path, rels] of files) {
    if (!path.endsWith('.rels') || typeof rels !== 'string') continue;
    const renames = new Map<string, string>();
    for (const [, id] of rels.matchAll(/\bId="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(id!) && !renames.has(id!)) renames.set(id!, `rIdR${renames.size + 1}`);
    }
    if (renames.size === 0) continue;
    const rename = (xml: string) => xml.replace(/="([^"]+)"/g, (match, value: string) => {
      const renamed = renames.get(value);
      return renamed === undefined ? match : `="${renamed}"`;
    });
    files.set(path, rename(rels));
    const owner = ownerOf(path);
    const part = files.get(owner);
    if (typeof part === 'string') files.set(owner, rename(part));
  }
}

/**
 * Bookmarks and drawings are numbered by docx from counters that live as long
 * as the process, so a document made after another (a batch, a watch rebuild)
 * would get other numbers. They are numbered again here in the order of the
 * package, each unique in it as Word wants: a bookmark by its start, its end
 * taking the same number. The tracked changes of a revision (w:ins, w:del)
 * share the bookmarks' numbers, so that no two annotations of the package have
 * one id, whatever reader takes ids as one space.
 */
function renumberCounters(files: PackageFiles): void {
  let drawings = 0;
  let marks = 0;
  for (const [path, xml] of files) {
    if (typeof xml !== 'string' || !path.endsWith('.xml')) continue;
    const bookmarks = new Map<string, number>();
    let fixed = xml.replace(/(<w:bookmarkStart\b[^>]*?\bw:id=")(-?\d+)"/g, (_match, head: string, id: string) => {
      const number = ++marks;
      bookmarks.set(id, number);
      return `${head}${number}"`;
    });
    fixed = fixed.replace(/(<w:bookmarkEnd\b[^>]*?\bw:id=")(-?\d+)"/g, (match, head: string, id: string) => {
      const number = bookmarks.get(id);
      return number === undefined ? match : `${head}${number}"`;
    });
    fixed = fixed.replace(/(<w:(?:ins|del)\b[^>]*?\bw:id=")(-?\d+)"/g, (_match, head: string) => `${head}${++marks}"`);
    fixed = fixed.replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)"/g, (_match, head: string) => `${head}${++drawings}"`);
    if (fixed !== xml) files.set(path, fixed);
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

/** The files of a package (path → XML text or bytes), zipped in the order given. */
export type PackageFiles = Map<string, string | ArrayBufferView | ArrayBuffer>;

function bytesOf(content: string | ArrayBufferView | ArrayBuffer): Uint8Array {
  if (typeof content === 'string') return encoder.encode(content);
  if (ArrayBuffer.isView(content)) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
  return new Uint8Array(content);
}

/**
 * Zips the package with fixed dates. Each file is compressed by Node's own
 * zlib and handed to fflate's zip stream as a file it need not compress:
 * native DEFLATE takes a few milliseconds where a script's takes tens.
 */
export function zipPackage(files: PackageFiles, time: Date): Uint8Array {
  const core = files.get('docProps/core.xml');
  if (typeof core !== 'string') throw new Error('DOCX writer: docx wrote no docProps/core.xml');
  files.set('docProps/core.xml', replaceTimestamps(core, time));
  renameRandomIds(files);
  renumberCounters(files);
  const mtime = entryTime(time);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, content] of files) {
    const bytes = bytesOf(content);
    const entry: ZipInputFile = { filename, size: bytes.length, crc: crc32(bytes), compression: 8, mtime };
    zip.add(entry);
    entry.ondata!(null, deflateRawSync(bytes, { level: 6 }), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
