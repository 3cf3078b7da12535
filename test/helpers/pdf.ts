// A PDF read back with poppler and qpdf, readers that share no code with Chromium.
import { execFileSync, spawnSync } from 'node:child_process';

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function pdfinfo(path: string, ...options: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of run('pdfinfo', [...options, path]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]!.trim()] = m[2]!.trim();
  }
  return fields;
}

export function pageCount(path: string): number {
  return Number(pdfinfo(path).Pages);
}

/** Page sizes in points, one per page. */
export function pageSizes(path: string): { width: number; height: number; name: string }[] {
  const out = run('pdfinfo', ['-f', '1', '-l', String(pageCount(path)), path]);
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    name: m[3] ?? '',
  }));
}

/**
 * One page's text in drawing order (`pdftotext -raw`). The default and -layout modes
 * take evenly spaced one-character words for letter-spaced text and drop the spaces
 * of "- 2 -", so the page header is read in this mode.
 */
export function pageText(path: string, page: number, mode: '-raw' | '-layout' = '-raw'): string {
  return run('pdftotext', [mode, '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-']);
}

export function pageLines(path: string, page: number, mode: '-raw' | '-layout' = '-raw'): string[] {
  return pageText(path, page, mode)
    .split('\n')
    .map((l) => l.replace(/\f/g, '').trimEnd())
    .filter((l) => l.trim() !== '');
}

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export function pageWords(path: string, page: number): Word[] {
  const out = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-']);
  return [...out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  }));
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdffonts(path: string): FontRow[] {
  const lines = run('pdffonts', [path]).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!m) throw new Error(`pdffonts line not understood: ${line}`);
    return { name: m[1]!, type: m[2]!, embedded: m[4] === 'yes' };
  });
}

export interface OutlineItem {
  title: string;
  page: number;
  kids: OutlineItem[];
}

/** The outline (bookmarks) as qpdf reads it. */
export function outline(path: string): OutlineItem[] {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', path])) as {
    outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[];
  };
  const convert = (items: { title: string; destpageposfrom1: number; kids: unknown[] }[]): OutlineItem[] =>
    items.map((i) => ({ title: i.title, page: i.destpageposfrom1, kids: convert(i.kids as typeof items) }));
  return convert(json.outlines);
}

export function qpdfCheck(path: string): { status: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** An object of the file, as qpdf prints it ("trailer", or an object number). */
export function pdfObject(path: string, object: string): string {
  return run('qpdf', [`--show-object=${object}`, path]);
}

/** Images drawn in the file: `pdfimages -list` rows as width x height. */
export function images(path: string): { width: number; height: number }[] {
  return run('pdfimages', ['-list', path])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/))
    .map((cols) => ({ width: Number(cols[3]), height: Number(cols[4]) }));
}
