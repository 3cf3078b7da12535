// Watch mode as an author uses it: save, and the output and the preview follow.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatch, type Watcher } from '../src/watch/watch.js';
import { linkStylesheet, seedProject } from './helpers/cli.js';

let dir: string;
let source: string;
let watcher: Watcher;
const log: string[] = [];

beforeAll(async () => {
  dir = seedProject();
  source = join(dir, 'source', 'C17-23.md');
  watcher = await startWatch({
    sources: [source],
    folders: [join(dir, 'source')],
    outDir: join(dir, 'out'),
    templatesDir: join(dir, 'templates'),
    formats: ['html', 'ics'],
    port: 0,
    log: (line) => log.push(line),
  });
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
    const printing = await startWatch({
      sources: [pdfSource],
      folders: [join(project, 'source')],
      outDir: join(project, 'out'),
      templatesDir: join(project, 'templates'),
      formats: ['pdf'],
      port: 0,
      log: (line) => lines.push(line),
    });
    try {
      const expected = `${join(project, 'out', 'C17-23-E.pdf')}: warning: printed without ${font}: the page asked for it, and only data: URLs are fetched (see the templates)`;
      expect(lines).toContain(expected);
      expect((await firstEvent(printing.url)).messages).toContain(expected);
    } finally {
      await printing.close();
    }
  });
});
