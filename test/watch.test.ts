// Watch mode as an author uses it: save, and the output and the preview follow.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatch, type Watcher, type WatchOptions } from '../src/watch/watch.js';
import type { FormatName } from '../src/writers/registry.js';
import { linkStylesheet, ROOT, seedProject } from './helpers/cli.js';
import { pageText } from './helpers/pdf.js';

/** Watches the source folder of a project made by seedProject(), into its out/, with its templates; each line logged goes to `lines`. */
function watchProject(project: string, sources: string[], formats: FormatName[], lines: string[], more: Partial<WatchOptions> = {}): Promise<Watcher> {
  return startWatch({
    sources,
    folders: [join(project, 'source')],
    outDir: join(project, 'out'),
    templatesDir: join(project, 'templates'),
    formats,
    port: 0,
    log: (line) => lines.push(line),
    ...more,
  });
}

let dir: string;
let source: string;
let watcher: Watcher;
const log: string[] = [];

beforeAll(async () => {
  dir = seedProject();
  source = join(dir, 'source', 'C17-23.md');
  watcher = await watchProject(dir, [source], ['html', 'ics'], log);
});

afterAll(async () => {
  await watcher?.close();
});

async function firstEvent(url: string): Promise<{ generation: number; messages: string[]; ok: boolean }> {
  const response = await fetch(new URL('/events', url));
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
  await reader.cancel();
  return JSON.parse(/^data: (.*)$/m.exec(text)![1]!);
}

describe('watch', () => {
  it('builds at start and serves a preview that reloads itself, while out/ holds no script', async () => {
    const out = readFileSync(join(dir, 'out', 'C17-23-E.html'), 'utf8');
    expect(out).not.toContain('<script');
    const preview = await fetch(new URL('/C17-23-E.html', watcher.url));
    expect(preview.headers.get('content-security-policy')).toContain("script-src 'nonce-");
    const page = await preview.text();
    expect(page).toContain('<script nonce=');
    expect(page).toContain("new EventSource('/events')");
    expect(page.replace(/<script[\s\S]*<\/script>\n/, '')).toBe(out);
  });

  it('rebuilds on save: the new words reach out/ and the preview', async () => {
    const next = watcher.nextBuild();
    writeFileSync(source, readFileSync(source, 'utf8').replace('adopted new WTSA-16 Resolution 98', 'adopted the new WTSA-16 Resolution 98'));
    const report = await next;
    expect(report.ok).toBe(true);
    expect(report.written).toEqual([join(dir, 'out', 'C17-23-E.html')]);
    expect(readFileSync(join(dir, 'out', 'C17-23-E.html'), 'utf8')).toContain('adopted the new WTSA-16 Resolution 98');
    expect(await (await fetch(new URL('/C17-23-E.html', watcher.url))).text()).toContain('adopted the new WTSA-16');
  });

  it('leaves the calendar alone after a prose edit, and makes it again when it is gone', async () => {
    const ics = join(dir, 'out', 'C17-23-E.ics');
    // A calendar that a render would overwrite: it survives only if the edit does not render it.
    writeFileSync(ics, 'not rendered again');
    let next = watcher.nextBuild();
    writeFileSync(source, readFileSync(source, 'utf8').replace('continues to advance IoT', 'continues to further IoT'));
    expect((await next).written).toEqual([join(dir, 'out', 'C17-23-E.html')]);
    expect(readFileSync(ics, 'utf8')).toBe('not rendered again');

    rmSync(ics);
    next = watcher.nextBuild();
    writeFileSync(source, readFileSync(source, 'utf8').replace('continues to further IoT', 'continues to advance IoT'));
    expect((await next).written.sort()).toEqual([join(dir, 'out', 'C17-23-E.html'), ics]);
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('rebuilds every document when a template or the locale data is saved', async () => {
    const next = watcher.nextBuild();
    const locale = join(dir, 'templates', 'locale', 'en.yaml');
    writeFileSync(locale, readFileSync(locale, 'utf8').replace('footer: www.itu.int/council', 'footer: www.itu.int/council2017'));
    expect((await next).ok).toBe(true);
    expect(readFileSync(join(dir, 'out', 'C17-23-E.html'), 'utf8')).toContain('www.itu.int/council2017');
  });

  it('rebuilds when the standards catalogue next to the source is saved', async () => {
    const catalogue = join(dir, 'source', 'standards.yaml');
    const next = watcher.nextBuild();
    writeFileSync(catalogue, readFileSync(catalogue, 'utf8').replace('Requirements of the network for the Internet of things', 'Requirements of the network for the IoT'));
    expect((await next).ok).toBe(true);
    expect(readFileSync(join(dir, 'out', 'C17-23-E.html'), 'utf8')).toContain('Requirements of the network for the IoT');
  });

  it('builds a new source saved in a watched folder, and stops building one that is removed', async () => {
    const added = join(dir, 'source', 'C17-24.md');
    let next = watcher.nextBuild();
    writeFileSync(added, readFileSync(source, 'utf8').replace('document: C17/23', 'document: C17/24'));
    expect((await next).written).toContain(join(dir, 'out', 'C17-24-E.html'));
    expect(log).toContain(`new source ${added}`);

    next = watcher.nextBuild();
    rmSync(added);
    expect((await next).ok).toBe(true);
    expect(log.some((line) => line.startsWith(`${added} is gone`))).toBe(true);
  });

  it('shows errors in the terminal and the preview, and keeps the last good output', async () => {
    const before = readFileSync(join(dir, 'out', 'C17-23-E.html'), 'utf8');
    const next = watcher.nextBuild();
    writeFileSync(source, readFileSync(source, 'utf8').replace('date: 2017-03-31', 'date: 2017-02-30'));
    expect((await next).ok).toBe(false);
    const expected = `${source}:3:7: error: "date": 2017-02-30 is not a date: that month has 28 days [invalid-value]`;
    expect(log).toContain(expected);
    const state = await firstEvent(watcher.url);
    expect(state.ok).toBe(false);
    expect(state.messages).toContain(expected);
    expect(readFileSync(join(dir, 'out', 'C17-23-E.html'), 'utf8')).toBe(before);
  });
});

describe('watch, printing PDFs', () => {
  it('says in the terminal and the preview what a template asked for that the PDF was printed without', async () => {
    const project = seedProject();
    const pdfSource = join(project, 'source', 'C17-23.md');
    const font = 'https://fonts.example.org/css2?family=Gentium';
    linkStylesheet(join(project, 'templates'), font);
    const lines: string[] = [];
    const printing = await watchProject(project, [pdfSource], ['pdf'], lines);
    try {
      const expected = `${join(project, 'out', 'C17-23-E.pdf')}: warning: printed without ${font}: the page asked for it, and only data: URLs are fetched (see the templates)`;
      expect(lines).toContain(expected);
      expect((await firstEvent(printing.url)).messages).toContain(expected);
    } finally {
      await printing.close();
    }
  });
});

describe('watch, printing PDFs as soon as a save is read', () => {
  it('writes the PDF of a save that passes its check, and nothing of one whose check then fails', async () => {
    const project = seedProject();
    const pdfSource = join(project, 'source', 'C17-23.md');
    const pdf = join(project, 'out', 'C17-23-E.pdf');
    const printing = await watchProject(project, [pdfSource], ['pdf', 'html'], []);
    try {
      let next = printing.nextBuild();
      writeFileSync(pdfSource, readFileSync(pdfSource, 'utf8').replace('adopted new WTSA-16 Resolution 98', 'adopted the new WTSA-16 Resolution 98'));
      expect((await next).ok).toBe(true);
      expect([1, 2, 3].map((page) => pageText(pdf, page)).join(' ').replace(/\s+/g, ' ')).toContain('adopted the new WTSA-16');
      const good = readFileSync(pdf);
      // A section left with a heading and no text: the source reads, and the check that follows fails.
      next = printing.nextBuild();
      writeFileSync(pdfSource, readFileSync(pdfSource, 'utf8').replace('# ITU-R Activities on IoT', '# ITU-R Activities on IoT\n\n# Left empty'));
      expect((await next).ok).toBe(false);
      expect(readFileSync(pdf).equals(good)).toBe(true);
    } finally {
      await printing.close();
    }
  });
});

describe('watch, as files are really saved', () => {
  let project: string;
  let folder: string;
  let file: string;
  let watching: Watcher;
  const lines: string[] = [];
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    project = seedProject();
    folder = join(project, 'source');
    file = join(folder, 'C17-23.md');
    // A longer quiet time than the default, so that a test machine's slow timers never stretch a pause of the writer below past it.
    watching = await watchProject(project, [file], ['html'], lines, { quietMs: 200 });
  });

  afterAll(async () => {
    await watching?.close();
  });

  it('never builds from a file still being written: a save written in pieces is built once, whole', async () => {
    const before = lines.length;
    const text = readFileSync(file, 'utf8')
      .replace('adopted new WTSA-16 Resolution 98', 'adopted, in Hammamet, WTSA-16 Resolution 98')
      .replace('13 July 2016, Singapore', '13 July 2016, Singapore (the last item)');
    const next = watching.nextBuild();
    // As a slow writer saves (another process): the file emptied, then filled a sixth at a time, 20 ms apart.
    const writer = `const fs = require('node:fs');
      const [file, text] = [process.argv[1], process.argv[2]];
      const fd = fs.openSync(file, 'w');
      const piece = Math.ceil(text.length / 6);
      let at = 0;
      const next = () => {
        if (at >= text.length) return fs.closeSync(fd);
        fs.writeSync(fd, text.slice(at, at + piece));
        at += piece;
        setTimeout(next, 20);
      };
      next();`;
    await new Promise((done) => spawn(process.execPath, ['-e', writer, file, text]).once('exit', done));
    expect((await next).ok).toBe(true);
    // Time for any later rebuild to show.
    await pause(1500);
    // One build, of the whole text: a piece of it would have lost the standards its end cites (warnings), or its end.
    expect(lines.slice(before)).toEqual([expect.stringMatching(/^rebuilt in \d+ ms: 1 file changed$/)]);
    const html = readFileSync(join(project, 'out', 'C17-23-E.html'), 'utf8');
    expect(html).toContain('adopted, in Hammamet, WTSA-16 Resolution 98');
    expect(html).toContain('13 July 2016, Singapore (the last item)');
  });

  it('notices saves again after its source folder is deleted and made anew', async () => {
    const text = readFileSync(file, 'utf8');
    const catalogue = readFileSync(join(folder, 'standards.yaml'), 'utf8');
    let next = watching.nextBuild();
    rmSync(folder, { recursive: true });
    await next;
    await pause(100);
    // As a checkout of another branch does: the folder back, with its files.
    next = watching.nextBuild();
    mkdirSync(folder);
    writeFileSync(join(folder, 'standards.yaml'), catalogue);
    writeFileSync(file, text.replace('adopted, in Hammamet,', 'adopted in 2016'));
    expect((await next).ok).toBe(true);
    await pause(100);
    expect(readFileSync(join(project, 'out', 'C17-23-E.html'), 'utf8')).toContain('adopted in 2016');

    next = watching.nextBuild();
    writeFileSync(file, text.replace('adopted, in Hammamet,', 'adopted at its Hammamet session'));
    expect((await next).ok).toBe(true);
    expect(readFileSync(join(project, 'out', 'C17-23-E.html'), 'utf8')).toContain('adopted at its Hammamet session');
  });
});

describe('watch, with a translation', () => {
  it('checks the translation again when its original is saved', async () => {
    const project = seedProject();
    const folder = join(project, 'source');
    for (const name of ['C17-23.fr.md', 'C17-23.fr.aligned.yaml']) copyFileSync(join(ROOT, 'source', name), join(folder, name));
    const original = join(folder, 'C17-23.md');
    const translation = join(folder, 'C17-23.fr.md');
    const lines: string[] = [];
    const watching = await watchProject(project, [original, translation], ['html'], lines);
    try {
      expect(lines.filter((line) => line.includes('translation-outdated'))).toEqual([]);
      const next = watching.nextBuild();
      writeFileSync(original, readFileSync(original, 'utf8').replace('adopted new WTSA-16 Resolution 98', 'adopted the new WTSA-16 Resolution 98'));
      const report = await next;
      expect(report.ok).toBe(true);
      expect(lines.filter((line) => line.includes('translation-outdated'))).toEqual([
        expect.stringMatching(new RegExp(`^${translation}:\\d+:\\d+: warning: the original's paragraph 1\\.1 \\(C17-23\\.md:\\d+\\) changed since this translation was aligned with it`)),
      ]);
    } finally {
      await watching.close();
    }
  });
});

describe('watch, a save undone before it settled', () => {
  it('keeps nothing of the text it read meanwhile: a broken save put back at once does not hold up the next document', async () => {
    const project = seedProject();
    const folder = join(project, 'source');
    const first = join(folder, 'C17-23.md');
    const second = join(folder, 'C17-24.md');
    const text = readFileSync(first, 'utf8');
    writeFileSync(second, text.replace(/^document: C17\/23$/m, 'document: C17/24'));
    const lines: string[] = [];
    const watching = await watchProject(project, [first, second], ['html'], lines, { quietMs: 300 });
    try {
      const before = lines.length;
      // A date no calendar has, then the text as it was, well inside the quiet time.
      writeFileSync(first, text.replace(/^date: 2017-03-31$/m, 'date: 2017-02-30'));
      await new Promise((resolve) => setTimeout(resolve, 60));
      writeFileSync(first, text);
      await new Promise((resolve) => setTimeout(resolve, 600));
      // Nothing was built or said: the file ended as it was.
      expect(lines.slice(before)).toEqual([]);
      const next = watching.nextBuild();
      writeFileSync(second, readFileSync(second, 'utf8').replace('adopted new WTSA-16 Resolution 98', 'adopted the new WTSA-16 Resolution 98'));
      const report = await next;
      expect(lines.slice(before).filter((line) => line.includes('error'))).toEqual([]);
      expect(report.ok).toBe(true);
      expect(readFileSync(join(project, 'out', 'C17-24-E.html'), 'utf8')).toContain('adopted the new WTSA-16 Resolution 98');
    } finally {
      await watching.close();
    }
  });
});
