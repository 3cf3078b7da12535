// The PDF read back with poppler (pdftotext, pdfinfo, pdffonts, pdfimages) and
// qpdf, as a delegate's reader or a posting system would.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, CLI, linkStylesheet, runCli, scratch, seedProject, SOURCE } from './helpers/cli.js';
import { printedSeedPieces, type SeedPiece } from './helpers/seed.js';
import {
  images,
  outline,
  pageCount,
  pageLines,
  pageSizes,
  pageWords,
  pdffonts,
  pdfinfo,
  pdfObject,
  qpdfCheck,
} from './helpers/pdf.js';
import { Printer } from '../src/writers/pdf/chromium.js';
import { setPdfDates } from '../src/writers/pdf/dates.js';
import { findChromium } from '../src/writers/pdf/print-settings.js';

/** The browser a build picks on this machine: the stand-ins below become it. */
const CHROMIUM = findChromium();

const A4 = { width: 595.28, height: 841.89 };
/** Chromium lays pages out in whole 1/300 inch (0.24 pt) steps: A4 comes out 594.96 x 841.92 pt. */
const PAGE_SIZE_TOLERANCE = 0.5;
const TITLE = 'Facilitating the Internet of Things to prepare for a globally connected world (PP Resolution 197)';
const ANNEX = ['ANNEX', 'ITU standards referred to in this document'];

/** The page header of page n, as the layout reference gives it. */
const pageHeader = (n: number) => [`- ${n} -`, 'C17/23-E'];

/** A piece of the seed as it reads in the PDF, without spaces (lines break anywhere there is one). */
function squeezed(piece: SeedPiece): string {
  const text = piece.kind === 'heading' ? `${piece.number}.${piece.text}` : `${piece.number ?? ''}${piece.text}`;
  return text.replace(/\s+/g, '');
}

describe('PDF of C17/23-E', () => {
  let out: string;
  let pdf: string;
  let pages: number;

  beforeAll(() => {
    out = buildSeed('html,pdf');
    pdf = join(out, 'C17-23-E.pdf');
    pages = pageCount(pdf);
  });

  it('is a valid, tagged A4 PDF with the title and language of the document', () => {
    expect(qpdfCheck(pdf)).toMatchObject({ status: 0, output: expect.stringContaining('No syntax or stream encoding errors') });
    const info = pdfinfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(`C17/23-E: ${TITLE}`);
    expect(info.Encrypted).toBe('no');
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const size of pageSizes(pdf)) {
      expect(size.name).toBe('A4');
      expect(Math.abs(size.width - A4.width)).toBeLessThan(PAGE_SIZE_TOLERANCE);
      expect(Math.abs(size.height - A4.height)).toBeLessThan(PAGE_SIZE_TOLERANCE);
    }
    const root = /\/Root (\d+) 0 R/.exec(pdfObject(pdf, 'trailer'))![1]!;
    const catalog = pdfObject(pdf, root);
    expect(catalog).toMatch(/\/Lang \(en\)/);
    expect(catalog).toMatch(/\/MarkInfo << \/Marked true\b/);
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
  });

  it('embeds every font it uses, Carlito (or Calibri) for the text', () => {
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true });
    const families = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(families.some((f) => /^(Carlito|Calibri)$/.test(f))).toBe(true);
    expect(families.some((f) => /^(Carlito|Calibri)-Bold$/.test(f))).toBe(true);
  });

  it('prints no page number on page 1, and "- N -" over the document number at the top of every later page', () => {
    const first = pageLines(pdf, 1);
    expect(first).toContain('www.itu.int/council');
    expect(first.filter((l) => l !== 'www.itu.int/council')[0]).toBe('Council 2017');
    for (const line of first) expect(line).not.toMatch(/^-\s*\d+\s*-$/);
    expect(first).not.toContain('C17/23-E');
    for (let n = 2; n <= pages; n++) expect(pageLines(pdf, n).slice(0, 2)).toEqual(pageHeader(n));
    // Centred in the top margin (20 mm = 56.7 pt), the number above the document number.
    const words = pageWords(pdf, 2);
    const number = words.find((w) => w.text === '2')!;
    const documentNumber = words.find((w) => w.text === 'C17/23-E')!;
    const width = pageSizes(pdf)[1]!.width;
    for (const w of [number, documentNumber]) {
      expect(Math.abs((w.xMin + w.xMax) / 2 - width / 2)).toBeLessThan(2);
      expect(w.yMax).toBeLessThan(56.7);
    }
    expect(number.yMax).toBeLessThanOrEqual(documentNumber.yMin);
  });

  it('lists the sections and the annex in the outline, under the title, each pointing at its page', () => {
    const headings = printedSeedPieces()
      .filter((p) => p.kind === 'heading')
      .map((h) => [`${h.number}.`, h.text]);
    const [top, ...others] = outline(pdf);
    expect(others).toEqual([]);
    expect(top!.title).toBe(TITLE.toUpperCase());
    expect(top!.page).toBe(1);
    const entries = [...headings, ANNEX];
    expect(top!.kids.map((k) => k.title)).toEqual(entries.map((e) => e.join(' ')));
    top!.kids.forEach((kid, i) => {
      // A heading prints on one line (1. Title), the annex's on two (ANNEX, then its title).
      const lines = pageLines(pdf, kid.page).map((l) => l.replace(/\s+/g, ' '));
      const [label, title] = entries[i]!;
      expect(lines.includes(`${label} ${title}`) || (lines.includes(label!) && lines.includes(title!)), kid.title).toBe(true);
    });
    expect(top!.kids.at(-1)!.page).toBeGreaterThan(top!.kids.at(-2)!.page);
  });

  it('holds every paragraph of the seed, in order, each with its number, nothing else between them, then the annex', () => {
    const pageTexts: string[] = [];
    for (let n = 1; n <= pages; n++) {
      let lines = pageLines(pdf, n);
      if (n === 1) lines = lines.filter((l) => l !== 'www.itu.int/council');
      else lines = lines.slice(2);
      pageTexts.push(lines.join(''));
    }
    const body = pageTexts.join('').replace(/\s+/g, '');
    const pieces = printedSeedPieces();
    let at = body.indexOf(squeezed(pieces[0]!));
    expect(at, 'the first paragraph of the seed').toBeGreaterThan(0);
    for (const piece of pieces) {
      const wanted = squeezed(piece);
      const found = body.indexOf(wanted, at);
      expect(found, `${piece.number ?? piece.kind}: ${piece.text.slice(0, 60)}`).toBeGreaterThanOrEqual(at);
      // Only list bullets may stand between one piece and the next.
      expect(body.slice(at, found)).toMatch(/^[•–]*$/);
      at = found + wanted.length;
    }
    expect(body.slice(at).startsWith(ANNEX.join('').replace(/\s+/g, ''))).toBe(true);
  });

  it('sets every paragraph number in the hanging column, in order', () => {
    const numbers: string[] = [];
    for (let n = 1; n <= pages; n++) {
      for (const line of pageLines(pdf, n, '-layout')) {
        // -layout indents the lines that follow a number, so a number stands at the start of a line.
        const m = /^(\d+\.(?:\d+)?)\s+\S/.exec(line);
        if (m) numbers.push(m[1]!);
      }
    }
    const expected = printedSeedPieces()
      .filter((p) => p.number)
      .map((p) => (p.kind === 'heading' ? `${p.number}.` : p.number!));
    expect(numbers).toEqual(expected);
  });

  it('keeps the links to the standards clickable', () => {
    const raw = readFileSync(pdf, 'latin1');
    expect(raw).toContain('/URI (https://www.itu.int/rec/T-REC-Y.4113)');
  });

  it('is the same file, byte for byte, when built again, dated by the document', async () => {
    // A second later, so a clock time in the file would differ.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = buildSeed('pdf');
    expect(Buffer.compare(readFileSync(join(again, 'C17-23-E.pdf')), readFileSync(pdf))).toBe(0);
    const info = pdfinfo(pdf, '-isodates');
    expect(info.CreationDate).toBe('2017-03-31T00:00:00Z');
    expect(info.ModDate).toBe('2017-03-31T00:00:00Z');
  });

  it('takes its date from SOURCE_DATE_EPOCH when that is set', () => {
    const dir = scratch();
    const run = runCli(['build', SOURCE, '--out', dir, '--format', 'pdf', '--quiet'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.status, run.stderr).toBe(0);
    const file = join(dir, 'C17-23-E.pdf');
    expect(pdfinfo(file, '-isodates').CreationDate).toBe('2023-11-14T22:13:20Z');
    expect(qpdfCheck(file).status).toBe(0);
  });
});

/** A PNG of the given size, all grey, so that it would show in `pdfimages` if it were ever fetched. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('printing', () => {
  let server: Server;
  let port: number;
  const served: string[] = [];
  let connections = 0;

  beforeAll(async () => {
    const image = png(48, 36);
    server = createServer((request, response) => {
      served.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png' }).end(image);
    });
    server.on('connection', () => connections++);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  it('fetches nothing and runs no script, whatever the HTML asks for', async () => {
    const remote = `http://127.0.0.1:${port}/x.png`;
    const html = `<!DOCTYPE html><html lang="en"><head><title>Hostile</title>
      <link rel="stylesheet" href="http://127.0.0.1:${port}/style.css"></head>
      <body><p id="p">static</p>
      <img src="file:///etc/passwd"><img src="${remote}">
      <script>document.getElementById('p').textContent = 'scripted';</script>
      <a href="https://www.itu.int/">a link is fine</a></body></html>`;
    const printer = new Printer();
    try {
      const { pdf, refused } = await printer.print(html);
      const file = join(scratch(), 'hostile.pdf');
      writeFileSync(file, pdf);
      expect(refused).toHaveLength(3);
      expect(refused).toEqual(expect.arrayContaining(['file:///etc/passwd', remote, `http://127.0.0.1:${port}/style.css`]));
      expect(served).toEqual([]);
      expect(connections).toBe(0);
      // Chromium draws its small broken-image sign for a refused image; nothing of the 48 x 36 image is in the file.
      expect(images(file).filter((i) => i.width === 48 && i.height === 36)).toEqual([]);
      const text = pageLines(file, 1).join('\n');
      expect(text).toContain('static');
      expect(text).not.toContain('scripted');
      expect(text).not.toContain('root:');
      expect(readFileSync(file, 'latin1')).toContain('/URI (https://www.itu.int/)');

      // The same tab prints the next document: it holds none of the last one, and refuses again.
      const next = await printer.print(`<!DOCTYPE html><html lang="en"><title>Next</title><p>second document</p>
        <img src="${remote}"></html>`);
      const second = join(scratch(), 'next.pdf');
      writeFileSync(second, next.pdf);
      expect(next.refused).toEqual([remote]);
      expect(pageLines(second, 1).join('\n')).toContain('second document');
      expect(pageLines(second, 1).join('\n')).not.toContain('static');
      expect(connections).toBe(0);
    } finally {
      await printer.close();
    }
  });

  it('gives up on a browser that hangs while printing, kills it, and says so in one line', async () => {
    // Long enough for a loaded machine to start Chromium and print the first page within it.
    const printer = new Printer({ env: { ...process.env, COUNCIL_DOCS_PDF_TIMEOUT: '5' } });
    try {
      await printer.print('<!DOCTYPE html><title>warm</title><p>start the browser</p>');
      const pid = (await printer.pid())!;
      expect(pid).toBeGreaterThan(0);
      process.kill(pid, 'SIGSTOP');
      const started = Date.now();
      await expect(printer.print('<p>never printed</p>')).rejects.toThrow(
        /^Chromium did not print the document within 5 s and was stopped \(COUNCIL_DOCS_PDF_TIMEOUT sets the limit in seconds\)$/,
      );
      expect(Date.now() - started).toBeLessThan(9_000);
      await printer.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(alive(pid)).toBe(false);
    } finally {
      await printer.close();
    }
  });
});

describe('a browser killed from outside', () => {
  /** A long document: Chromium takes a good second to lay it out and print it. */
  const long = `<!DOCTYPE html><html lang="en"><title>Long</title>${Array.from(
    { length: 4000 },
    (_, i) => `<p>1.${i + 1}\tThe Council is invited to note the activities of the Union on the Internet of Things, item ${i + 1}.</p>`,
  ).join('')}</html>`;

  it('while it prints: says it stopped while printing that document, and how; the next print starts another', async () => {
    const printer = new Printer();
    try {
      await printer.print('<!DOCTYPE html><title>warm</title><p>start the browser</p>', 'C17/1-E');
      const pid = (await printer.pid())!;
      const printing = printer.print(long, 'C17/23-E');
      printing.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 150));
      process.kill(-pid, 'SIGKILL');
      await expect(printing).rejects.toThrow(/^Chromium stopped while printing C17\/23-E: it was ended by SIGKILL/);
      const again = await printer.print('<!DOCTYPE html><title>again</title><p>printed by a new browser</p>', 'C17/2-E');
      expect(Buffer.from(again.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(await printer.pid()).not.toBe(pid);
    } finally {
      await printer.close();
    }
  });

  it('while it starts: says it stopped while starting, not that it did not start', async () => {
    const dir = scratch();
    const executable = join(dir, 'chromium-wrapper');
    const log = join(dir, 'pid');
    writeFileSync(executable, `#!/bin/sh\necho $$ > '${log}'\nexec ${CHROMIUM} "$@"\n`);
    chmodSync(executable, 0o755);
    const printer = new Printer({ env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: executable } });
    try {
      const starting = printer.print(long, 'C17/23-E');
      starting.catch(() => undefined);
      for (let waited = 0; !existsSync(log) && waited < 10_000; waited += 5) await new Promise((r) => setTimeout(r, 5));
      process.kill(Number(readFileSync(log, 'utf8')), 'SIGKILL');
      await expect(starting).rejects.toThrow(new RegExp(`^Chromium \\(${executable}\\) stopped while starting: it was ended by SIGKILL`));
    } finally {
      await printer.close();
    }
  });
});

/** Whether the process runs: a zombie (ended, not yet reaped by its new parent) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z /.test(stat);
}

describe('the browser of a build', () => {
  /** A stand-in for Chromium that notes its process id in `log`, then becomes `then`. */
  function wrapper(dir: string, then: string): { executable: string; log: string } {
    const executable = join(dir, 'chromium-wrapper');
    const log = join(dir, 'launches.log');
    writeFileSync(executable, `#!/bin/sh\necho $$ >> '${log}'\nexec ${then}\n`);
    chmodSync(executable, 0o755);
    return { executable, log };
  }

  function launches(log: string): number[] {
    return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map(Number) : [];
  }

  /** The command's own messages (the source's warnings left out), and never a stack trace. */
  function errors(stderr: string): string[] {
    expect(stderr).not.toMatch(/^\s+at /m);
    return stderr.split('\n').filter((l) => l.startsWith('council-docs:'));
  }

  function twoSources(dir: string): string {
    const text = readFileSync(SOURCE, 'utf8');
    writeFileSync(join(dir, 'C17-23.md'), text);
    writeFileSync(join(dir, 'C17-24.md'), text.replace('document: C17/23', 'document: C17/24'));
    return dir;
  }

  it('is one for every document, started only for a PDF, and gone when the build ends', () => {
    const dir = scratch();
    const sources = twoSources(scratch());
    const { executable, log } = wrapper(dir, `${CHROMIUM} "$@"`);
    const env = { PUPPETEER_EXECUTABLE_PATH: executable };

    const htmlOnly = runCli(['build', sources, '--out', join(dir, 'html'), '--format', 'html', '--quiet'], { env });
    expect(htmlOnly.status, htmlOnly.stderr).toBe(0);
    expect(launches(log)).toEqual([]);

    const run = runCli(['build', sources, '--out', join(dir, 'out'), '--format', 'html,pdf', '--quiet'], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'out', 'C17-23-E.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'C17-24-E.pdf'))).toBe(true);
    const pids = launches(log);
    expect(pids).toHaveLength(1);
    expect(alive(pids[0]!)).toBe(false);
  });

  it('leaves nothing in the temporary folder: its own temporary files go with its profile', () => {
    const dir = scratch();
    // A short path: Chromium's socket must fit 107 bytes, and deeper than that it keeps its own folders.
    const temporary = scratch('t');
    for (let build = 0; build < 2; build++) {
      const run = runCli(['build', SOURCE, '--out', join(dir, 'out'), '--format', 'pdf', '--quiet'], { env: { TMPDIR: temporary } });
      expect(run.status, run.stderr).toBe(0);
      expect(readdirSync(temporary)).toEqual([]);
    }
  });

  it('started while the sources are checked, is stopped when the check fails, and nothing is written', () => {
    const dir = scratch();
    const sources = scratch();
    writeFileSync(join(sources, 'C17-23.md'), readFileSync(SOURCE, 'utf8').replace(/^date: .*$/m, 'date: 2017-02-30'));
    const { executable, log } = wrapper(dir, `${CHROMIUM} "$@"`);
    const run = runCli(['build', sources, '--out', join(dir, 'out'), '--quiet'], { env: { PUPPETEER_EXECUTABLE_PATH: executable } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/C17-23\.md:\d+:\d+: error: .*that month has 28 days/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const pids = launches(log);
    expect(pids).toHaveLength(1);
    expect(alive(pids[0]!)).toBe(false);
  });

  it('started as the command starts, is stopped when the command line turns out wrong', () => {
    const dir = scratch();
    const { executable, log } = wrapper(dir, `${CHROMIUM} "$@"`);
    const env = { PUPPETEER_EXECUTABLE_PATH: executable };
    for (const args of [
      ['build', join(dir, 'no-such-folder'), '--out', join(dir, 'out')],
      ['build', SOURCE, '--out', join(dir, 'out'), '--format', 'pdf,docs'],
    ]) {
      const run = runCli(args, { env });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^council-docs: .*(no such file or folder|unknown format "docs")/);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
    for (const pid of launches(log)) expect(alive(pid)).toBe(false);
  });

  it('of a build killed while it prints goes too, and the next build removes its profile', async () => {
    const dir = scratch('t');
    const { executable, log } = wrapper(dir, `${CHROMIUM} "$@"`);
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: executable, TMPDIR: dir };
    const build = spawn(process.execPath, [CLI, 'build', SOURCE, '--out', join(dir, 'out'), '--format', 'pdf', '--quiet'], { env });
    // Killed once its browser has started, and long before the print is done.
    for (let waited = 0; launches(log).length === 0 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 150));
    build.kill('SIGKILL');
    await new Promise((r) => build.once('exit', r));
    const profiles = () => readdirSync(dir).filter((name) => name.startsWith(`council-docs-chromium-${build.pid}-`));
    expect(profiles()).toHaveLength(1);

    const next = runCli(['build', SOURCE, '--out', join(dir, 'out'), '--format', 'pdf', '--quiet'], { env });
    expect(next.status, next.stderr).toBe(0);
    const pids = launches(log);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(profiles()).toEqual([]);
    // Chromium's own temporary folders (org.chromium.Chromium.*) were in the profile, and went with it.
    expect(readdirSync(dir).filter((name) => name.startsWith('org.chromium.'))).toEqual([]);
  });

  it('says which resources a template asked for and the PDF was printed without, and still writes it', () => {
    const dir = seedProject();
    const templates = join(dir, 'templates');
    const font = 'https://fonts.example.org/css2?family=Gentium';
    linkStylesheet(templates, font);
    const run = runCli(['build', join(dir, 'source'), '--out', join(dir, 'out'), '--templates', templates, '--format', 'pdf', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.split('\n').filter((l) => l.includes('warning: printed without'))).toEqual([
      `${join(dir, 'out', 'C17-23-E.pdf')}: warning: printed without ${font}: the page asked for it, and only data: URLs are fetched (see the templates)`,
    ]);
    expect(pageLines(join(dir, 'out', 'C17-23-E.pdf'), 1).join('\n')).toContain('Council 2017');
  });

  it('sets the text in a font the template brings itself, from a data: URL', () => {
    const dir = seedProject();
    const templates = join(dir, 'templates');
    const page = join(templates, 'html', 'document.hbs');
    const font = readFileSync(execFileSync('fc-match', ['-f', '%{file}', 'Amiri'], { encoding: 'utf8' })).toString('base64');
    const face = `<style>@font-face { font-family: "House Face"; src: url(data:font/ttf;base64,${font}); } body, body * { font-family: "House Face" !important; }</style>`;
    writeFileSync(page, readFileSync(page, 'utf8').replace('</head>', `${face}</head>`));
    const run = runCli(['build', join(dir, 'source'), '--out', join(dir, 'out'), '--templates', templates, '--format', 'pdf', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const families = pdffonts(join(dir, 'out', 'C17-23-E.pdf')).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    // The body's text; the running header of later pages keeps the page's own font.
    expect(families).toContain('Amiri-Regular');
  });

  it('without a Chromium: one line on how to get one, the other outputs still written, exit 3', () => {
    const dir = scratch();
    const run = runCli(['build', SOURCE, '--out', dir, '--format', 'html,pdf'], {
      env: { PUPPETEER_EXECUTABLE_PATH: '', PATH: join(dir, 'no-such-folder') },
    });
    expect(run.status).toBe(3);
    expect(errors(run.stderr)).toEqual([
      `council-docs: error: ${join(dir, 'C17-23-E.pdf')} not written: no Chromium found to print the PDF: ` +
        'install it (apt-get install chromium-headless-shell) or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome executable',
    ]);
    expect(existsSync(join(dir, 'C17-23-E.html'))).toBe(true);
    expect(existsSync(join(dir, 'C17-23-E.pdf'))).toBe(false);
  });

  it('is the headless shell where both it and the full Chromium are on PATH, the full one where it is all there is', () => {
    const stand = (dir: string, name: string) => {
      writeFileSync(join(dir, name), '#!/bin/sh\n');
      chmodSync(join(dir, name), 0o755);
    };
    const both = scratch();
    const full = scratch();
    stand(both, 'chromium');
    stand(both, 'chromium-headless-shell');
    stand(full, 'chromium');
    expect(findChromium({ PATH: both })).toBe(join(both, 'chromium-headless-shell'));
    expect(findChromium({ PATH: full })).toBe(join(full, 'chromium'));
    // Debian's launcher in /usr/bin is passed over for the binary it starts (make installs the shell).
    expect(findChromium({ PATH: '/usr/bin' })).toBe('/usr/lib/chromium/chromium-headless-shell');
  });

  it('names PUPPETEER_EXECUTABLE_PATH when it points at nothing', () => {
    const dir = scratch();
    const run = runCli(['build', SOURCE, '--out', dir, '--format', 'pdf'], { env: { PUPPETEER_EXECUTABLE_PATH: '/nowhere/chromium' } });
    expect(run.status).toBe(3);
    expect(errors(run.stderr)).toEqual([
      `council-docs: error: ${join(dir, 'C17-23-E.pdf')} not written: PUPPETEER_EXECUTABLE_PATH is /nowhere/chromium, ` +
        'which is not an executable file: point it at Chromium or Chrome, or unset it',
    ]);
  });

  it('says in one line that a Chromium which exits at once did not start', () => {
    const dir = scratch();
    const run = runCli(['build', SOURCE, '--out', dir, '--format', 'pdf'], { env: { PUPPETEER_EXECUTABLE_PATH: '/bin/false' } });
    expect(run.status).toBe(3);
    const [line, ...more] = errors(run.stderr);
    expect(more).toEqual([]);
    expect(line).toMatch(/^council-docs: error: .*C17-23-E\.pdf not written: Chromium \(\/bin\/false\) did not start: .+ \(`\/bin\/false --headless --version` may say why\)$/);
  });

  it('stops a Chromium that never starts, once its time is up, and leaves no process behind', () => {
    const dir = scratch();
    const { executable, log } = wrapper(dir, 'sleep 600');
    const started = Date.now();
    const run = runCli(['build', SOURCE, '--out', dir, '--format', 'html,pdf'], {
      env: { PUPPETEER_EXECUTABLE_PATH: executable, COUNCIL_DOCS_PDF_TIMEOUT: '2' },
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.status).toBe(3);
    expect(errors(run.stderr)).toEqual([
      `council-docs: error: ${join(dir, 'C17-23-E.pdf')} not written: Chromium (${executable}) did not start within 2 s ` +
        'and was stopped (COUNCIL_DOCS_PDF_TIMEOUT sets the limit in seconds)',
    ]);
    expect(existsSync(join(dir, 'C17-23-E.html'))).toBe(true);
    const [pid] = launches(log);
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid!)).toBe(false);
  });
});

describe('page breaks', () => {
  /** Front matter of the seed with another document number (and, if given, another summary). */
  function source(document: string, body: string, summary?: string): string {
    let text = readFileSync(SOURCE, 'utf8');
    const end = text.indexOf('\n---', 3);
    text = text.slice(0, end + 4).replace('document: C17/23', `document: ${document}`) + '\n\n' + body;
    if (summary) text = text.replace(/^summary: >-\n(?: {2}.*\n)+/m, `summary: >-\n  ${summary}\n`);
    return text;
  }

  /** Sections of paragraphs of varied length; every word of a paragraph names it (s3p2w), every heading is hN. */
  function flowingBody(): string {
    let state = 20170331;
    const next = (n: number) => {
      state = (state * 48271) % 2147483647;
      return state % n;
    };
    let body = '';
    for (let s = 1; s <= 40; s++) {
      body += `# Heading h${s}\n\n`;
      const paragraphs = 1 + next(3);
      for (let p = 1; p <= paragraphs; p++) body += Array(6 + next(70)).fill(`s${s}p${p}w`).join(' ') + '\n\n';
    }
    return body;
  }

  let dir: string;
  beforeAll(() => {
    const sources = scratch();
    writeFileSync(join(sources, 'flow.md'), source('C17/91', flowingBody()));
    const longSummary = Array(230).fill('summaryword').join(' ');
    writeFileSync(join(sources, 'box.md'), source('C17/92', '# Only section\n\nOne paragraph.\n', longSummary));
    dir = scratch();
    const run = runCli(['build', sources, '--out', dir, '--format', 'pdf', '--quiet']);
    if (run.status !== 0) throw new Error(run.stderr);
  });

  /** Each page's body lines: page header and first-page footer left out. */
  function bodyPages(file: string): string[][] {
    const pages: string[][] = [];
    for (let n = 1; n <= pageCount(file); n++) {
      const lines = pageLines(file, n);
      pages.push(n === 1 ? lines.filter((l) => l !== 'www.itu.int/council') : lines.slice(2));
    }
    return pages;
  }

  const paragraphOf = (line: string) => /s\d+p\d+w/.exec(line)?.[0];

  it('never leaves a heading at the bottom of a page, nor a paragraph line alone at the top or bottom', () => {
    const pages = bodyPages(join(dir, 'C17-91-E.pdf'));
    expect(pages.length).toBeGreaterThan(8);
    pages.forEach((lines, i) => {
      const last = lines.at(-1)!;
      expect(last, `last line of page ${i + 1}`).not.toMatch(/Heading h\d+$/);
      const next = pages[i + 1];
      if (!next) return;
      const carried = paragraphOf(last);
      if (carried && carried === paragraphOf(next[0]!)) {
        const here = lines.filter((l) => paragraphOf(l) === carried).length;
        const there = next.filter((l) => paragraphOf(l) === carried).length;
        expect(here, `lines of ${carried} at the bottom of page ${i + 1}`).toBeGreaterThanOrEqual(2);
        expect(there, `lines of ${carried} at the top of page ${i + 2}`).toBeGreaterThanOrEqual(2);
      }
    });
  });

  it('never splits the summary box: one that does not fit on page 1 moves whole to page 2, the title stays', () => {
    const pages = bodyPages(join(dir, 'C17-92-E.pdf'));
    const withBox = pages.map((lines, i) => ({ page: i + 1, lines })).filter(({ lines }) => lines.some((l) => l.includes('summaryword')));
    expect(withBox.map((p) => p.page)).toEqual([2]);
    expect(withBox[0]!.lines).toEqual(expect.arrayContaining(['Summary', 'Action required', 'References']));
    // The header table stays whole on page 1.
    expect(pages[0]!.slice(0, 2)).toEqual(['Council 2017', 'Geneva, 15-25 May 2017']);
    const first = pages[0]!.join('\n');
    for (const line of ['Agenda item: PL 1.14', 'Document C17/92-E', '31 March 2017', 'Original: English']) expect(first).toContain(line);
    expect(pages[0]!.slice(-3)).toEqual([
      'Report by the Secretary-General',
      'FACILITATING THE INTERNET OF THINGS TO PREPARE FOR A GLOBALLY CONNECTED WORLD (PP',
      'RESOLUTION 197)',
    ]);
  });
});

describe('the dates of a PDF', () => {
  /** A one-page PDF with a classic cross-reference table, made by hand. */
  function minimalPdf(info: string): Buffer {
    const objects = [
      `<< /Title (Dates) ${info} >>`,
      '<< /Type /Catalog /Pages 3 0 R >>',
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595.28 841.89] /Contents 5 0 R >>',
      '<< /Length 0 >>\nstream\n\nendstream',
    ];
    let text = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(text.length);
      text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = text.length;
    text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
    text += `trailer\n<< /Size ${objects.length + 1} /Root 2 0 R /Info 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(text, 'latin1');
  }

  it('replaces dates of another length and keeps every offset right', () => {
    const dir = scratch();
    const file = join(dir, 'dated.pdf');
    writeFileSync(file, setPdfDates(minimalPdf('/CreationDate (D:2020) /ModDate (D:20200102030405Z)'), new Date('2017-03-31T00:00:00Z')));
    // qpdf reports offsets that point at the wrong place, so a passing check means the table is right.
    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.output).not.toMatch(/WARNING|damaged|recovered/i);
    expect(check.status).toBe(0);
    const info = pdfinfo(file, '-isodates');
    expect(info.CreationDate).toBe('2017-03-31T00:00:00Z');
    expect(info.ModDate).toBe('2017-03-31T00:00:00Z');
    expect(info.Title).toBe('Dates');
  });
});
