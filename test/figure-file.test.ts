// A figure's image file is read from the source's folder only, typed by its
// content, measured in CSS px from its own header, and every refusal is one
// sentence naming the file and the fix. The images are made here, byte by byte:
// a PNG with node's zlib, a baseline JPEG (one grey block per 8 × 8 pixels) and
// SVG text, so each size asserted is the one written.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFigureFile, type FigureImage } from '../src/read/figure-file.js';

const ROOT = resolve(import.meta.dirname, '..');

// --- image makers ----------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
const u16 = (n: number) => Buffer.from([n >>> 8, n & 0xff]);

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

/** A grey PNG of width × height pixels, with a pHYs chunk when pixels per metre are given. */
function png(width: number, height: number, perMetre?: number): Buffer {
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.concat([u32(width), u32(height), Buffer.from([8, 0, 0, 0, 0])])),
    ...(perMetre ? [chunk('pHYs', Buffer.concat([u32(perMetre), u32(perMetre), Buffer.from([1])]))] : []),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const segment = (marker: number, data: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16(data.length + 2), data]);

/** An EXIF block (big-endian TIFF) with a density in dpi and an orientation. */
function exif(dpi: number, orientation: number): Buffer {
  const entries = [
    [0x0112, 3, 1, orientation << 16],
    [0x011a, 5, 1, 8 + 2 + 4 * 12 + 4],
    [0x011b, 5, 1, 8 + 2 + 4 * 12 + 4 + 8],
    [0x0128, 3, 1, 2 << 16],
  ];
  const ifd = Buffer.concat([u16(entries.length), ...entries.map(([tag, type, count, value]) => Buffer.concat([u16(tag!), u16(type!), u32(count!), u32(value!)])), u32(0)]);
  const tiff = Buffer.concat([Buffer.from('MM'), u16(42), u32(8), ifd, u32(dpi), u32(1), u32(dpi), u32(1)]);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

/**
 * A grey baseline JPEG: every 8 × 8 block has DC 0 (grey) and no AC, written with
 * one-code Huffman tables (DC category 0 = "0", end of block = "0"), so a block is
 * two 0 bits. `density` adds a JFIF density in dots per inch, `exifBlock` an APP1.
 */
function jpeg(width: number, height: number, options: { dpi?: number; exifBlock?: Buffer } = {}): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const scan = Buffer.alloc(Math.ceil(bits / 8), 0);
  if (bits % 8) scan[scan.length - 1] = (1 << (8 - (bits % 8))) - 1; // pad with 1 bits
  const table = (tableClass: number) => Buffer.concat([Buffer.from([tableClass << 4, 1]), Buffer.alloc(15), Buffer.from([0])]);
  const dpi = options.dpi;
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.concat([Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 1, dpi ? 1 : 0]), u16(dpi ?? 1), u16(dpi ?? 1), Buffer.from([0, 0])])),
    ...(options.exifBlock ? [segment(0xe1, options.exifBlock)] : []),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.concat([Buffer.from([8]), u16(height), u16(width), Buffer.from([1, 1, 0x11, 0])])),
    segment(0xc4, table(0)),
    segment(0xc4, table(1)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
const svg = (attributes: string, body = '<rect width="10" height="10"/>') => `<svg ${SVG_NS} ${attributes}>${body}</svg>\n`;

// --- the scratch project ---------------------------------------------------

let project: string;
let source: string;
let sourcePath: string;

const put = (name: string, bytes: string | Uint8Array) => {
  const path = join(source, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
};
const read = (url: string) => readFigureFile(sourcePath, url);
const image = (url: string): FigureImage => {
  const result = read(url);
  if ('problem' in result) throw new Error(result.problem);
  return result.image;
};
const problem = (url: string): string => {
  const result = read(url);
  if ('image' in result) throw new Error(`${url} was accepted`);
  return result.problem;
};

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'council-docs-figures-'));
  source = join(project, 'source');
  sourcePath = join(source, 'C18-12.md');
  put('C18-12.md', '# text\n');
  put('figures/tiny.png', png(3, 2));
  put('figures/dense.png', png(200, 100, 5000)); // 127 dpi
  copyFileSync(join(ROOT, 'templates', 'logo.png'), join(source, 'figures', 'logo.png'));
  put('figures/photo.jpg', jpeg(16, 8));
  put('figures/print.jpg', jpeg(64, 32, { dpi: 192 }));
  put('figures/camera.jpg', jpeg(30, 20, { exifBlock: exif(144, 6) }));
  put('figures/my chart.png', png(5, 4));
  const junk = jpeg(24, 16);
  put('figures/junk.jpg', Buffer.concat([junk.subarray(0, 20), Buffer.from([0, 0, 0]), junk.subarray(20)]));
  put('figures/clip.mp4', Buffer.concat([u32(24), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(12)]));
  put('figures/png-named.jpg', png(7, 3));
  put('figures/inches.svg', svg('width="4in" height="3in"'));
  put('figures/inches.png', png(384, 288));
  put('figures/box.svg', `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg('width="100%" height="100%" viewBox="0 0 400 300"', '<use href="#a"/><image href="data:image/png;base64,AAAA"/><rect id="a" style="fill:url(#g)"/>')}`);
  put('figures/box.jpeg', jpeg(800, 600));
  put('figures/half.svg', svg('width="200" viewBox="0,0,400,300"'));
  put('figures/half.png', png(200, 150));
  put('figures/points.svg', svg('width="72pt" height="25.4mm"'));
  put('figures/points.png', png(96, 96));
  put('figures/wide.svg', svg('width="400" height="300"'));
  put('figures/wide.png', png(400, 100));
  put('figures/alone.svg', svg('width="400" height="300"'));
  put('figures/remote.svg', svg('width="400" height="300"', '<image xlink:href="https://example.org/x.png" width="10" height="10"/>'));
  put('figures/remote.png', png(400, 300));
  put('figures/encoded.svg', svg('width="4" height="3"', '<image href="&#104;ttp://example.org/x.png"/>'));
  put('figures/styled.svg', svg('width="4" height="3"', '<style><![CDATA[ rect { fill: \\75rl( "https://example.org/f.svg#p" ) } ]]></style>'));
  put('figures/imported.svg', svg('width="4" height="3"', '<style>@import "https://example.org/a.css";</style>'));
  put('figures/sheet.svg', `<?xml version="1.0"?>\n<?xml-stylesheet href="https://example.org/a.css"?>\n${svg('width="4" height="3"')}`);
  put('figures/commented.svg', svg('width="4" height="3"', '<!-- <image href="https://example.org/x.png"/> -->'));
  put('figures/commented.png', png(4, 3));
  put('figures/sizeless.svg', svg(''));
  put('figures/sizeless.png', png(4, 3));
  put('figures/nons.svg', '<svg width="4" height="3"><rect/></svg>');
  put('figures/entities.svg', `<!DOCTYPE svg [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n${svg('width="4" height="3"', '<text>&x;</text>')}`);
  put('figures/huge.svg', svg('width="30000" height="3"'));
  put('figures/zero.png', png(0, 0));
  put('figures/anim.gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
  put('figures/text.png', 'this is not a picture\n');
  put('figures/page.html', '<!DOCTYPE html>\n<html><body></body></html>\n');
  put('figures/cut.png', png(3, 2).subarray(0, 20));
  put('figures/svg-copy.svg', svg('width="4" height="3"'));
  put('figures/svg-copy.png', svg('width="4" height="3"'));
  writeFileSync(join(project, 'secret.png'), png(2, 2));
  symlinkSync(join(project, 'secret.png'), join(source, 'figures', 'link-out.png'));
  symlinkSync('tiny.png', join(source, 'figures', 'link-in.png'));
  symlinkSync(join(project, 'nowhere.png'), join(source, 'figures', 'dangling.png'));
  execFileSync('mkfifo', [join(source, 'figures', 'pipe.png')]);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

// --- sizes -----------------------------------------------------------------

describe('reading a figure', () => {
  it('reads a PNG: its pixels, or its pHYs density, as CSS px', () => {
    expect(image('figures/tiny.png')).toMatchObject({ src: 'figures/tiny.png', mime: 'image/png', width: 3, height: 2 });
    expect(image('figures/tiny.png').bytes).toEqual(new Uint8Array(readFileSync(join(source, 'figures/tiny.png'))));
    // 5000 pixels per metre = 127 dpi: 200 pixels are 200 * 96 / 127 px.
    expect(image('figures/dense.png')).toMatchObject({ width: 151.18, height: 75.59 });
    expect(image('figures/logo.png')).toMatchObject({ width: 360, height: 360 });
    expect(image('./figures/../figures/tiny.png').raster).toBeUndefined();
  });

  it('reads a JPEG from its frame header, with its JFIF or EXIF density and orientation', () => {
    expect(image('figures/photo.jpg')).toMatchObject({ mime: 'image/jpeg', width: 16, height: 8 });
    expect(image('figures/print.jpg')).toMatchObject({ width: 32, height: 16 });
    // 30 × 20 pixels turned a quarter (orientation 6) at 144 dpi.
    expect(image('figures/camera.jpg')).toMatchObject({ width: 13.33, height: 20 });
    expect(image('figures/junk.jpg')).toMatchObject({ width: 24, height: 16 });
  });

  it('decodes percent-encoding, follows a link inside the folder, and types by content, not by name', () => {
    expect(image('figures/my%20chart.png')).toMatchObject({ src: 'figures/my%20chart.png', width: 5, height: 4 });
    expect(image('figures/link-in.png')).toMatchObject({ width: 3, height: 2 });
    expect(image('figures/png-named.jpg')).toMatchObject({ mime: 'image/png', width: 7, height: 3 });
  });

  it('reads an SVG size from width and height in any unit, or the viewBox, with its PNG or JPEG copy', () => {
    const inches = image('figures/inches.svg');
    expect(inches).toMatchObject({ mime: 'image/svg+xml', width: 384, height: 288 });
    expect(inches.raster).toMatchObject({ mime: 'image/png', src: 'figures/inches.png' });
    expect(inches.raster!.bytes).toEqual(new Uint8Array(readFileSync(join(source, 'figures/inches.png'))));
    const box = image('figures/box.svg');
    expect(box).toMatchObject({ width: 400, height: 300 });
    expect(box.raster).toMatchObject({ mime: 'image/jpeg', src: 'figures/box.jpeg' });
    expect(Buffer.from(box.bytes).toString('utf8')).toBe(readFileSync(join(source, 'figures/box.svg'), 'utf8'));
    expect(image('figures/half.svg')).toMatchObject({ width: 200, height: 150 });
    expect(image('figures/points.svg')).toMatchObject({ width: 96, height: 96 });
    expect(image('figures/commented.svg')).toMatchObject({ width: 4, height: 3 });
  });
});

// --- refusals --------------------------------------------------------------

describe('refusing a figure', () => {
  const folder = () => `${source}/`;

  it('refuses a URL, a protocol-relative or absolute path, a query and bad percent-encoding', () => {
    expect(problem('https://example.org/c.png')).toBe(
      `the figure "https://example.org/c.png" is a URL, not a file beside the source: save the image in ${folder()} (e.g. ${folder()}figures/c.png) and write its path relative to ${folder()}, e.g. figures/c.png`,
    );
    for (const url of ['http://x/y.png', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'javascript:alert(1)', '//host/c.png', 'HTTPS://X/C.PNG']) {
      expect(problem(url)).toMatch(/^the figure ".+" is a URL, not a file beside the source: save the image in /);
    }
    expect(problem('/etc/passwd')).toBe(
      `the figure "/etc/passwd" is an absolute path: save the image in ${folder()} (e.g. ${folder()}figures/passwd) and write its path relative to ${folder()}, e.g. figures/passwd`,
    );
    expect(problem('%2Fetc%2Fpasswd')).toMatch(/^the figure "%2Fetc%2Fpasswd" is an absolute path once decoded: /);
    expect(problem('figures/tiny.png?v=2')).toBe(
      'the figure "figures/tiny.png?v=2" has a "?" (query) part: a figure is a file, write its path alone ("figures/tiny.png"); a file whose name holds "?" or "#" is written with %3F or %23',
    );
    expect(problem('figures/tiny.png#x')).toMatch(/has a "#" \(fragment\) part/);
    expect(problem('figures\\tiny.png')).toBe('the figure "figures\\\\tiny.png" has a "\\": write its path with "/" ("figures/tiny.png")');
    expect(problem('figures/100%.png')).toBe('the figure "figures/100%.png" has a "%" not followed by two hex digits of UTF-8: write a "%" of the file name as %25');
    expect(problem('')).toBe(`the figure names no file: write the path of the image relative to ${folder()}, e.g. figures/chart.png`);
  });

  it('refuses a path out of the folder, and a symbolic link out of it', () => {
    expect(problem('../secret.png')).toBe(
      `the figure "../secret.png" is outside ${folder()}: copy the image into ${folder()} (e.g. ${folder()}figures/secret.png) and write its path from there`,
    );
    expect(problem('figures/../../secret.png')).toMatch(/^the figure "figures\/..\/..\/secret.png" is outside /);
    expect(problem('figures/%2E%2E/%2E%2E/secret.png')).toMatch(/^the figure "figures\/..\/..\/secret.png" is outside /);
    expect(problem('figures/link-out.png')).toBe(
      `the figure "figures/link-out.png" is a symbolic link to a file outside ${folder()}: copy the image itself into ${folder()}`,
    );
    expect(problem('figures/dangling.png')).toBe(
      `the figure "figures/dangling.png" is a symbolic link to a file that does not exist: copy the image itself into ${folder()}`,
    );
  });

  it('refuses a missing file, a folder and a file that is not regular', () => {
    expect(problem('figures/chart.png')).toBe(
      `the figure "figures/chart.png" does not exist: no file ${source}/figures/chart.png; check the name and its upper and lower case`,
    );
    expect(problem('figures')).toBe('the figure "figures" is a folder, not an image file: write the path of the image in it, e.g. figures/chart.png');
    expect(problem('figures/')).toMatch(/is a folder, not an image file/);
    expect(problem('/dev/null')).toMatch(/is an absolute path/);
  });

  it('refuses a pipe without waiting for a writer', () => {
    expect(problem('figures/pipe.png')).toBe(
      'the figure "figures/pipe.png" is not a regular file (a device, pipe or socket): write the path of a PNG, JPEG or SVG file',
    );
  });

  it('refuses what is not a PNG, JPEG or SVG by its content, and says what it is', () => {
    expect(problem('figures/anim.gif')).toBe(
      'the figure "figures/anim.gif" is a GIF image: a figure must be a PNG, JPEG or SVG file; save it as one of these (e.g. convert figures/anim.gif figures/anim.png)',
    );
    expect(problem('figures/text.png')).toBe(
      'the figure "figures/text.png" is text, not an image, whatever its name says: a figure must be a PNG, JPEG or SVG file; save it as one of these',
    );
    expect(problem('figures/page.html')).toBe(
      'the figure "figures/page.html" is XML whose root element is <html>, not <svg>: a figure must be a PNG, JPEG or SVG file; save it as one of these',
    );
    expect(problem('figures/clip.mp4')).toBe(
      'the figure "figures/clip.mp4" is a video or other ISO media file: a figure must be a PNG, JPEG or SVG file; save it as one of these',
    );
    expect(problem('C18-12.md')).toMatch(/is text, not an image: a figure must be a PNG, JPEG or SVG file/);
    expect(problem('figures/cut.png')).toBe('the figure "figures/cut.png" is a damaged PNG: its header (IHDR) is missing or cut short; export it again');
  });

  it('refuses a size of zero or above 20,000 px a side', () => {
    expect(problem('figures/zero.png')).toBe('the figure "figures/zero.png" is 0 × 0 px: a figure needs a width and a height above 0; export it again');
    expect(problem('figures/huge.svg')).toBe('the figure "figures/huge.svg" is 30,000 × 3 px: a figure is at most 20,000 px a side; export it smaller');
  });

  it('refuses an SVG without a size, without its namespace or declaring entities', () => {
    expect(problem('figures/sizeless.svg')).toBe(
      'the figure "figures/sizeless.svg" gives no size: add width and height (e.g. width="400" height="300") or a viewBox (e.g. viewBox="0 0 400 300") to its <svg> element',
    );
    expect(problem('figures/nons.svg')).toBe(
      'the figure "figures/nons.svg" lacks xmlns="http://www.w3.org/2000/svg" on its <svg> element, without which browsers show nothing: add it',
    );
    expect(problem('figures/entities.svg')).toBe(
      'the figure "figures/entities.svg" declares entities in its DOCTYPE: remove the "[ ... ]" part of the <!DOCTYPE> (an SVG needs none), or the whole DOCTYPE',
    );
  });

  it('refuses an SVG that refers to outside resources, however written', () => {
    const outside = (what: string) =>
      `refers to an outside resource (${what}): a figure must draw from its own file alone; embed the resource as a data: URL, or remove the reference`;
    expect(problem('figures/remote.svg')).toBe(`the figure "figures/remote.svg" ${outside('xlink:href="https://example.org/x.png"')}`);
    expect(problem('figures/encoded.svg')).toBe(`the figure "figures/encoded.svg" ${outside('href="http://example.org/x.png"')}`);
    expect(problem('figures/styled.svg')).toBe(`the figure "figures/styled.svg" ${outside('url("https://example.org/f.svg#p")')}`);
    expect(problem('figures/imported.svg')).toBe(`the figure "figures/imported.svg" ${outside('@import in its CSS')}`);
    expect(problem('figures/sheet.svg')).toBe(`the figure "figures/sheet.svg" ${outside('<?xml-stylesheet href="https://example.org/a.css"?>')}`);
  });

  it('refuses an SVG without a PNG or JPEG copy beside it, or with a copy of another type or shape', () => {
    expect(problem('figures/alone.svg')).toBe(
      'the figure "figures/alone.svg" is an SVG: Word needs a PNG or JPEG copy beside it; add figures/alone.png (e.g. rsvg-convert figures/alone.svg -o figures/alone.png, or export it as PNG at the same size)',
    );
    expect(problem('figures/svg-copy.svg')).toBe(
      `the figure's copy "figures/svg-copy.png" is an SVG too: Word needs a PNG or JPEG there; export figures/svg-copy.svg as PNG to figures/svg-copy.png`,
    );
    expect(problem('figures/wide.svg')).toBe(
      `the figure's copy "figures/wide.png" is not of the shape of figures/wide.svg (400 × 100 against 400 × 300): it would be stretched in Word; export figures/wide.svg to figures/wide.png again`,
    );
  });
});
