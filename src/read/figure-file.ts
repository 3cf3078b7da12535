// A figure's image file (`![alt](figures/chart.png "Caption")`), read and checked
// before any writer embeds it: a relative path inside the source's folder (also
// once symbolic links are resolved), a regular file of at most 20 MB, a PNG, JPEG
// or SVG by its content whatever its name says, of a sane size, and an SVG that
// draws from its own file alone and has a PNG or JPEG copy beside it for Word.
//
// The headers are read by hand, in `measure` below. The well-kept library for
// this, image-size (MIT, no dependencies), gives pixels only: not the density
// (PNG pHYs, JFIF, EXIF) that turns pixels into the CSS px a figure is printed
// at, and its SVG reading is a few regular expressions, where the SVG must be
// scanned here anyway for its root, namespace and outside references. PNG's IHDR
// and JPEG's frame header are a few fixed fields. To use image-size instead,
// replace `measure` (one line: its `imageSize(bytes)` gives width and height;
// the checks of an SVG's content are apart, in `checkSvg`).
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FigureImage } from '../model/document.js';

export type { FigureImage };

export type FigureFileResult = { image: FigureImage } | { problem: string };

export const FIGURE_LIMITS = {
  /** Bytes of one image file. */
  fileBytes: 20 * 1024 * 1024,
  /** Pixels, and CSS px, of a side. */
  side: 20_000,
} as const;

type Mime = FigureImage['mime'];
type RasterMime = 'image/png' | 'image/jpeg';
type Measured = { width: number; height: number } | { problem: string };

class Refused extends Error {}

function refuse(problem: string): never {
  throw new Refused(problem);
}

/**
 * Reads the image `url` (as written in the source) relative to the folder of
 * `sourcePath`. Never throws for a bad file: every refusal is a `problem`, one
 * sentence naming the file and the fix, to be reported at the image's place.
 */
export function readFigureFile(sourcePath: string, url: string): FigureFileResult {
  try {
    return { image: read(sourcePath, url) };
  } catch (e) {
    if (e instanceof Refused) return { problem: e.message };
    throw e;
  }
}

function read(sourcePath: string, url: string): FigureImage {
  const shownFolder = withSlash(dirname(sourcePath));
  const folder = resolve(dirname(sourcePath));
  const path = filePath(url, shownFolder);
  const file = readInside(folder, shownFolder, path);
  const kind = sniff(file, path);
  if (kind === 'image/svg+xml') checkSvg(file, path);
  const size = measure(kind, file, path);
  if ('problem' in size) refuse(size.problem);
  const { width, height } = size as { width: number; height: number };
  if (kind !== 'image/svg+xml') return { src: url, mime: kind, bytes: file, width, height };
  return { src: url, mime: kind, bytes: file, width, height, raster: rasterCopy(folder, shownFolder, url, path, width, height) };
}

// ---------------------------------------------------------------------------
// The path: a relative URL naming a file inside the source's folder.

const shown = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
const withSlash = (folder: string) => (folder.endsWith('/') || folder.endsWith(sep) ? folder : folder + '/');
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1) || 'image.png';

/** The URL as a path relative to the source's folder, decoded, or a refusal. */
function filePath(url: string, shownFolder: string): string {
  const copyIn = (name: string) =>
    `save the image in ${shownFolder} (e.g. ${shownFolder}figures/${name}) and write its path relative to ${shownFolder}, e.g. figures/${name}`;
  if (url.trim() === '') refuse(`the figure names no file: write the path of the image relative to ${shownFolder}, e.g. figures/chart.png`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('\\\\')) {
    const name = /^data:/i.test(url) ? 'chart.png' : baseName(url.replace(/[?#].*$/s, '').replace(/\/+$/, '')) || 'chart.png';
    if (/^[a-z]:[\\/]/i.test(url)) refuse(`the figure ${shown(url)} is an absolute path: ${copyIn(name)}`);
    refuse(`the figure ${shown(url)} is a URL, not a file beside the source: ${copyIn(name)}`);
  }
  if (url.startsWith('/')) refuse(`the figure ${shown(url)} is an absolute path: ${copyIn(baseName(url))}`);
  if (url.includes('\\')) {
    refuse(`the figure ${shown(url)} has a "\\": write its path with "/" (${shown(url.replaceAll('\\', '/'))})`);
  }
  const query = url.search(/[?#]/);
  if (query >= 0) {
    const part = url[query] === '?' ? '"?" (query)' : '"#" (fragment)';
    refuse(
      `the figure ${shown(url)} has a ${part} part: a figure is a file, write its path alone (${shown(url.slice(0, query))}); ` +
        `a file whose name holds "?" or "#" is written with %3F or %23`,
    );
  }
  let path: string;
  try {
    path = decodeURIComponent(url);
  } catch {
    refuse(`the figure ${shown(url)} has a "%" not followed by two hex digits of UTF-8: write a "%" of the file name as %25`);
  }
  path = path!;
  if (/[\u0000-\u001f\u007f]/.test(path)) refuse(`the figure ${shown(url)} has a control character in its name: rename the file`);
  if (path.startsWith('/') || path.includes('\\') || /^[a-z]:/i.test(path)) {
    refuse(`the figure ${shown(url)} is an absolute path once decoded: ${copyIn(baseName(path))}`);
  }
  return path;
}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
};

/** The bytes of `path` (relative to `folder`), when it is a regular file inside the folder, also through links. */
function readInside(folder: string, shownFolder: string, path: string): Uint8Array {
  const absolute = resolve(folder, path);
  if (!inside(folder, absolute)) {
    refuse(
      `the figure ${shown(path)} is outside ${shownFolder}: copy the image into ${shownFolder} ` +
        `(e.g. ${shownFolder}figures/${baseName(path)}) and write its path from there`,
    );
  }
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch {
    refuse(`the folder ${shownFolder} of the source cannot be read: check that it exists`);
  }
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    let link = false;
    try {
      link = lstatSync(absolute).isSymbolicLink();
    } catch {
      /* missing */
    }
    if (code === 'ELOOP') refuse(`the figure ${shown(path)} is a loop of symbolic links: copy the image itself into ${shownFolder}`);
    if (code === 'EACCES') refuse(`the figure ${shown(path)} cannot be read (permission denied): allow reading it, or copy it`);
    if (link) refuse(`the figure ${shown(path)} is a symbolic link to a file that does not exist: copy the image itself into ${shownFolder}`);
    refuse(`the figure ${shown(path)} does not exist: no file ${join(shownFolder, path)}; check the name and its upper and lower case`);
  }
  if (!inside(realFolder!, real!)) {
    refuse(`the figure ${shown(path)} is a symbolic link to a file outside ${shownFolder}: copy the image itself into ${shownFolder}`);
  }
  const kindOf = (stat: { isFile(): boolean; isDirectory(): boolean }) =>
    stat.isDirectory()
      ? refuse(`the figure ${shown(path)} is a folder, not an image file: write the path of the image in it, e.g. ${path.replace(/\/*$/, '')}/chart.png`)
      : !stat.isFile()
        ? refuse(`the figure ${shown(path)} is not a regular file (a device, pipe or socket): write the path of a PNG, JPEG or SVG file`)
        : undefined;
  const tooBig = (size: number) => {
    if (size <= FIGURE_LIMITS.fileBytes) return;
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    refuse(
      `the figure ${shown(path)} is ${mb(size)}: a figure holds at most ${mb(FIGURE_LIMITS.fileBytes)}; ` +
        `save it smaller (a chart as PNG or SVG, a photograph as JPEG at 150 dpi)`,
    );
  };
  // stat before open: opening a pipe would wait for a writer.
  const before = statSync(real!);
  kindOf(before);
  tooBig(before.size);
  let fd: number;
  try {
    fd = openSync(real!, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') refuse(`the figure ${shown(path)} became a symbolic link while read: copy the image itself into ${shownFolder}`);
    refuse(`the figure ${shown(path)} cannot be read (${code ?? 'error'}): check its permissions`);
  }
  try {
    const stat = fstatSync(fd!);
    kindOf(stat);
    tooBig(stat.size);
    const bytes = new Uint8Array(stat.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd!, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === bytes.length ? bytes : bytes.subarray(0, got);
  } finally {
    closeSync(fd!);
  }
}

// ---------------------------------------------------------------------------
// The type, by content.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const OTHER_TYPES: [string, (b: Uint8Array) => boolean][] = [
  ['a GIF image', (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))],
  ['a WebP image', (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)],
  ['a PDF document', (b) => startsWith(b, ascii('%PDF-'))],
  ['a BMP image', (b) => startsWith(b, ascii('BM')) && [12, 40, 52, 56, 64, 108, 124].includes(b[14] ?? 0) && startsWith(b, [0, 0, 0], 15)],
  ['a TIFF image', (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])],
  ['an AVIF image', (b) => startsWith(b, ascii('ftypavi'), 4)],
  ['a HEIC image', (b) => startsWith(b, ascii('ftyphei'), 4) || startsWith(b, ascii('ftypmif1'), 4)],
  ['a video or other ISO media file', (b) => startsWith(b, ascii('ftyp'), 4)],
  ['a JPEG 2000 image', (b) => startsWith(b, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50])],
  ['an EPS file', (b) => startsWith(b, ascii('%!PS'))],
];

function sniff(bytes: Uint8Array, path: string): Mime {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  const text = svgText(bytes);
  if (text !== undefined && svgRoot(text, path) !== undefined) return 'image/svg+xml';
  const ext = extname(path).toLowerCase();
  const named = ['.png', '.jpg', '.jpeg', '.svg'].includes(ext) ? `, whatever its name says` : '';
  const other = OTHER_TYPES.find(([, test]) => test(bytes))?.[0];
  const what = bytes.length === 0 ? 'an empty file' : other ?? (text !== undefined ? describeText(text) : 'of a type not known here');
  const stem = path.slice(0, path.length - extname(path).length);
  const convert = other?.endsWith(' image') ? ` (e.g. convert ${path} ${stem}.png)` : '';
  return refuse(`the figure ${shown(path)} is ${what}${named}: a figure must be a PNG, JPEG or SVG file; save it as one of these${convert}`);
}

function describeText(text: string): string {
  const root = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<![^>]*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(text.replace(/^\uFEFF/, ''));
  return root ? `XML whose root element is <${root[1]}>, not <svg>` : 'text, not an image';
}

/** The file as text, when it is UTF-8 (an SVG in UTF-16 or another encoding is refused as not an image). */
function svgText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// The size: `measure` is the one place the headers are read.

const measure: (mime: Mime, bytes: Uint8Array, path: string) => Measured = measureByHand;

function measureByHand(mime: Mime, bytes: Uint8Array, path: string): Measured {
  if (mime === 'image/png') return checkSize(path, pngSize(bytes, path));
  if (mime === 'image/jpeg') return checkSize(path, jpegSize(bytes, path));
  return checkSize(path, svgSize(svgText(bytes)!, path));
}

interface Size {
  width: number;
  height: number;
  /** Pixels and dots per inch of a raster whose density is given, for the messages. */
  pixels?: { width: number; height: number; dpiX: number; dpiY: number };
}

const round = (n: number) => Math.round(n * 100) / 100;

function checkSize(path: string, size: Size): Measured {
  const { width, height, pixels } = size;
  const max = FIGURE_LIMITS.side;
  const of = `${round(width).toLocaleString('en')} × ${round(height).toLocaleString('en')} px`;
  const at = pixels ? ` (${pixels.width} × ${pixels.height} pixels at ${round(pixels.dpiX)}${pixels.dpiY !== pixels.dpiX ? ` × ${round(pixels.dpiY)}` : ''} dpi)` : '';
  if (!(width > 0 && height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) {
    return { problem: `the figure ${shown(path)} is ${of}${at}: a figure needs a width and a height above 0; export it again` };
  }
  const sides = [width, height, pixels?.width ?? 0, pixels?.height ?? 0];
  if (sides.some((side) => side > max)) {
    return { problem: `the figure ${shown(path)} is ${of}${at}: a figure is at most ${max.toLocaleString('en')} px a side; export it smaller` };
  }
  return { width: round(width), height: round(height) };
}

function damaged(path: string, type: string, what: string): never {
  refuse(`the figure ${shown(path)} is a damaged ${type}: ${what}; export it again`);
}

function withDensity(width: number, height: number, dpiX: number, dpiY: number): Size {
  if (!(dpiX > 0 && dpiY > 0)) return { width, height };
  return { width: (width * 96) / dpiX, height: (height * 96) / dpiY, pixels: { width, height, dpiX, dpiY } };
}

function pngSize(bytes: Uint8Array, path: string): Size {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || view.getUint32(8) !== 13 || !startsWith(bytes, ascii('IHDR'), 12)) {
    damaged(path, 'PNG', 'its header (IHDR) is missing or cut short');
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  // pHYs, when given, comes before the image data.
  for (let at = 33; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT' || type === 'IEND' || at + 12 + length > bytes.length) break;
    if (type === 'pHYs' && length === 9 && bytes[at + 16] === 1) {
      const perInch = (perMetre: number) => perMetre * 0.0254;
      return withDensity(width, height, perInch(view.getUint32(at + 8)), perInch(view.getUint32(at + 12)));
    }
    at += 12 + length;
  }
  return { width, height };
}

function jpegSize(bytes: Uint8Array, path: string): Size {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let density: { x: number; y: number } | undefined;
  let exif: { x: number; y: number; swap: boolean } | undefined;
  let at = 2;
  while (at < bytes.length) {
    // Bytes between segments are an encoder's mistake that decoders skip (libjpeg warns): so here.
    while (at < bytes.length && bytes[at] !== 0xff) at++;
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at++];
    if (marker === undefined) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // no length
    if (marker === 0xd9 || marker === 0xda) break; // end, or image data before any frame header
    if (at + 2 > bytes.length) break;
    const length = view.getUint16(at);
    if (length < 2 || at + length > bytes.length) break;
    const segment = bytes.subarray(at + 2, at + length);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (segment.length < 5) break;
      const height = (segment[1]! << 8) | segment[2]!;
      const width = (segment[3]! << 8) | segment[4]!;
      if (height === 0) damaged(path, 'JPEG', 'its height is given only after the image data (DNL), which is not read here');
      const [w, h] = exif?.swap ? [height, width] : [width, height];
      const dpi = density ?? exif;
      return dpi ? withDensity(w, h, exif?.swap ? dpi.y : dpi.x, exif?.swap ? dpi.x : dpi.y) : { width: w, height: h };
    }
    if (marker === 0xe0 && startsWith(segment, ascii('JFIF\0')) && segment.length >= 12) {
      const units = segment[7];
      const x = (segment[8]! << 8) | segment[9]!;
      const y = (segment[10]! << 8) | segment[11]!;
      if ((units === 1 || units === 2) && x > 0 && y > 0) density = units === 1 ? { x, y } : { x: x * 2.54, y: y * 2.54 };
    }
    if (marker === 0xe1 && startsWith(segment, ascii('Exif\0\0'))) exif = readExif(segment.subarray(6));
    at += length;
  }
  return damaged(path, 'JPEG', 'no frame header (SOF) was found before the image data');
}

/** Density and orientation from EXIF's first IFD, when they are given; Chromium turns the image as they say. */
function readExif(tiff: Uint8Array): { x: number; y: number; swap: boolean } | undefined {
  if (tiff.length < 8) return undefined;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined;
  const u16 = (at: number) => (at + 2 <= tiff.length ? view.getUint16(at, little) : 0);
  const u32 = (at: number) => (at + 4 <= tiff.length ? view.getUint32(at, little) : 0);
  const rational = (at: number) => {
    const offset = u32(at);
    const denominator = u32(offset + 4);
    return denominator > 0 ? u32(offset) / denominator : 0;
  };
  const ifd = u32(4);
  let x = 0;
  let y = 0;
  let unit = 2;
  let orientation = 1;
  for (let i = 0, n = u16(ifd); i < n && i < 1000; i++) {
    const entry = ifd + 2 + i * 12;
    const tag = u16(entry);
    if (tag === 0x011a) x = rational(entry + 8);
    if (tag === 0x011b) y = rational(entry + 8);
    if (tag === 0x0128) unit = u16(entry + 8);
    if (tag === 0x0112) orientation = u16(entry + 8);
  }
  const perInch = unit === 3 ? 2.54 : unit === 2 ? 1 : 0;
  return { x: x * perInch, y: y * perInch, swap: orientation >= 5 && orientation <= 8 };
}

// ---------------------------------------------------------------------------
// SVG: a hand scanner over the XML, linear in the text (a regular expression
// over a hostile file could take quadratic time).

interface Tag {
  name: string;
  attributes: Map<string, string>;
  selfClosing: boolean;
  end: number;
}

const XML_NAME = /[A-Za-z_][\w.:-]*/y;

function readTag(text: string, at: number, path: string): Tag {
  XML_NAME.lastIndex = at + 1;
  const name = XML_NAME.exec(text)![0];
  const attributes = new Map<string, string>();
  let i = at + 1 + name.length;
  for (;;) {
    while (/\s/.test(text[i] ?? '')) i++;
    const c = text[i];
    if (c === undefined) refuse(`the figure ${shown(path)} is not well-formed XML: the tag <${name}> is not closed; export it again`);
    if (c === '>') return { name, attributes, selfClosing: false, end: i + 1 };
    if (c === '/' && text[i + 1] === '>') return { name, attributes, selfClosing: true, end: i + 2 };
    XML_NAME.lastIndex = i;
    const attribute = XML_NAME.exec(text)?.[0];
    if (!attribute) refuse(`the figure ${shown(path)} is not well-formed XML in the tag <${name}>; export it again`);
    i += attribute!.length;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] === '=') i++;
    else refuse(`the figure ${shown(path)} is not well-formed XML: attribute ${attribute} of <${name}> has no value; export it again`);
    while (/\s/.test(text[i] ?? '')) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") {
      refuse(`the figure ${shown(path)} is not well-formed XML: attribute ${attribute} of <${name}> has no quoted value; export it again`);
    }
    const open = i;
    const close = text.indexOf(quote!, open + 1);
    if (close < 0) refuse(`the figure ${shown(path)} is not well-formed XML: a value in <${name}> is not closed; export it again`);
    attributes.set(attribute!, decodeXml(text.slice(open + 1, close)));
    i = close + 1;
  }
}

const decodeXml = (text: string) =>
  text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(lt|gt|amp|quot|apos));/gi, (all, dec, hex, named) => {
    if (named) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[String(named).toLowerCase()] ?? all;
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });

const DOCTYPE_END = /[[>]/g;

/** The root element, when the text is XML whose root is <svg>; undefined when it is other text. */
function svgRoot(text: string, path: string): Tag | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (/\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) return undefined;
      if (/^<\?xml-stylesheet\s/i.test(text.slice(i, i + 20))) outside(path, text.slice(i, end + 2));
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) {
      DOCTYPE_END.lastIndex = i;
      const end = (DOCTYPE_END.exec(text)?.index ?? -1) - i;
      if (end < 0) return undefined;
      if (text[i + end] === '[') {
        refuse(
          `the figure ${shown(path)} declares entities in its DOCTYPE: remove the "[ ... ]" part of the <!DOCTYPE> (an SVG needs none), or the whole DOCTYPE`,
        );
      }
      i += end + 1;
    } else break;
  }
  if (text[i] !== '<' || !/[A-Za-z_]/.test(text[i + 1] ?? '')) return undefined;
  XML_NAME.lastIndex = i + 1;
  const name = XML_NAME.exec(text)![0];
  if (name !== 'svg' && !name.endsWith(':svg')) return undefined;
  return readTag(text, i, path);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Refuses an SVG that a browser would not show, or that refers to anything outside its file. */
function checkSvg(bytes: Uint8Array, path: string): void {
  const text = svgText(bytes)!;
  const root = svgRoot(text, path)!;
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
  if (root.attributes.get(prefix ? `xmlns:${prefix}` : 'xmlns') !== SVG_NS) {
    refuse(`the figure ${shown(path)} lacks xmlns="${SVG_NS}" on its <${root.name}> element, without which browsers show nothing: add it`);
  }
  checkReferences(text, path);
}

function svgSize(text: string, path: string): Size {
  const root = svgRoot(text, path)!;
  const width = svgLength(root.attributes.get('width'));
  const height = svgLength(root.attributes.get('height'));
  const box = root.attributes
    .get('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const viewBox = box && box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0 ? { width: box[2]!, height: box[3]! } : undefined;
  if (width !== undefined && height !== undefined) return { width, height };
  if (width !== undefined && viewBox) return { width, height: (width * viewBox.height) / viewBox.width };
  if (height !== undefined && viewBox) return { width: (height * viewBox.width) / viewBox.height, height };
  if (width === undefined && height === undefined && viewBox) return viewBox;
  return refuse(
    `the figure ${shown(path)} gives no size: add width and height (e.g. width="400" height="300") or a viewBox (e.g. viewBox="0 0 400 300") to its <svg> element`,
  );
}

const UNITS: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, q: 96 / 101.6, in: 96 };

/** A length in CSS px; undefined for a percentage, em, ex or anything else unknown. */
function svgLength(value: string | undefined): number | undefined {
  const m = /^\s*\+?((?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value ?? '');
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : undefined;
}

const outside = (path: string, what: string): never =>
  refuse(
    `the figure ${shown(path)} refers to an outside resource (${what.length > 80 ? what.slice(0, 77) + '...' : what}): ` +
      `a figure must draw from its own file alone; embed the resource as a data: URL, or remove the reference`,
  );

/** Attributes whose value is fetched (in SVG, or in HTML inside <foreignObject>). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'data', 'poster', 'background', 'action', 'formaction', 'ping', 'codebase', 'archive', 'manifest']);

const isLocal = (url: string) => {
  const clean = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return clean === '' || clean.startsWith('#') || /^data:/i.test(clean);
};

const STYLE_END = /<\/(?:[\w.-]+:)?style\s*>/gi;

/** Refuses an SVG that refers to anything but itself (`#id`) or a `data:` URL: by attribute, stylesheet or CSS. */
function checkReferences(text: string, path: string): void {
  let i = 0;
  for (;;) {
    i = text.indexOf('<', i);
    if (i < 0) return;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (/^<\?xml-stylesheet\s/i.test(text.slice(i, i + 20))) outside(path, text.slice(i, end < 0 ? undefined : end + 2));
      i = end < 0 ? text.length : end + 2;
    } else if (/[A-Za-z_]/.test(text[i + 1] ?? '')) {
      const tag = readTag(text, i, path);
      const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
      for (const [name, value] of tag.attributes) {
        if (URL_ATTRIBUTES.has(local(name)) && !isLocal(value)) outside(path, `${name}="${value}"`);
        checkCss(value, path);
      }
      // <set attributeName="href" to="https://…"> and its kin change a reference when they run.
      const animated = tag.attributes.get('attributeName');
      if (animated !== undefined && URL_ATTRIBUTES.has(local(animated))) {
        for (const key of ['to', 'from', 'by', 'values']) {
          for (const value of tag.attributes.get(key)?.split(';') ?? []) {
            if (!isLocal(value)) outside(path, `${key}="${value.trim()}" animating ${animated}`);
          }
        }
      }
      i = tag.end;
      if (local(tag.name) === 'style' && !tag.selfClosing) {
        STYLE_END.lastIndex = i;
        const end = STYLE_END.exec(text)?.index ?? text.length;
        const css = text
          .slice(i, end)
          .replace(/<!--[\s\S]*?-->/g, '')
          .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => inner.replace(/&/g, '&amp;'));
        checkCss(decodeXml(css), path);
        i = end;
      }
    } else i++;
  }
}

/** Refuses CSS that loads something: `url()` and `src()` other than `#…` or `data:`, `image-set()` strings, `@import`. */
function checkCss(css: string, path: string): void {
  if (!/[\\(@]/.test(css)) return;
  const plain = css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\([^\n])/gi, (_, hex: string | undefined, other: string | undefined) =>
      hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : other!,
    );
  if (/@import/i.test(plain)) outside(path, '@import in its CSS');
  for (const m of plain.matchAll(/\b(url|src)\(\s*("([^"]*)"|'([^']*)'|[^)\s]*)/gi)) {
    const value = m[3] ?? m[4] ?? m[2] ?? '';
    if (!isLocal(value)) outside(path, `${m[1]}(${m[2]})`);
  }
  for (const m of plain.matchAll(/image-set\(([^)]*)/gi)) {
    for (const s of m[1]!.matchAll(/"([^"]*)"|'([^']*)'/g)) {
      if (!isLocal(s[1] ?? s[2] ?? '')) outside(path, `image-set(${s[0]})`);
    }
  }
}

// ---------------------------------------------------------------------------
// The PNG or JPEG copy of an SVG, for Word.

const RASTER_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

function rasterCopy(folder: string, shownFolder: string, url: string, path: string, width: number, height: number): NonNullable<FigureImage['raster']> {
  const stem = (text: string) => (extname(text) ? text.slice(0, -extname(text).length) : text);
  const exists = (candidate: string) => {
    try {
      lstatSync(resolve(folder, candidate));
      return true;
    } catch {
      return false;
    }
  };
  const ext = RASTER_EXTENSIONS.find((e) => exists(stem(path) + e));
  if (ext === undefined) {
    const png = `${stem(path)}.png`;
    refuse(
      `the figure ${shown(path)} is an SVG: Word needs a PNG or JPEG copy beside it; add ${png} ` +
        `(e.g. rsvg-convert ${path} -o ${png}, or export it as PNG at the same size)`,
    );
  }
  const rasterPath = stem(path) + ext;
  const bytes = readInside(folder, shownFolder, rasterPath);
  const mime = sniff(bytes, rasterPath);
  if (mime === 'image/svg+xml') {
    refuse(`the figure's copy ${shown(rasterPath)} is an SVG too: Word needs a PNG or JPEG there; export ${path} as PNG to ${rasterPath}`);
  }
  const size = measure(mime, bytes, rasterPath);
  if ('problem' in size) refuse(size.problem);
  const copy = size as { width: number; height: number };
  // Word shows the copy at the SVG's size: a copy of another shape would come out stretched.
  const ratio = width / height;
  const copyRatio = copy.width / copy.height;
  const slack = 0.01 + 1 / Math.min(copy.width, copy.height);
  if (Math.abs(copyRatio - ratio) / ratio > slack) {
    refuse(
      `the figure's copy ${shown(rasterPath)} is not of the shape of ${path} (${round(copy.width)} × ${round(copy.height)} against ` +
        `${round(width)} × ${round(height)}): it would be stretched in Word; export ${path} to ${rasterPath} again`,
    );
  }
  return { mime: mime as RasterMime, bytes, src: stem(url) + ext };
}
