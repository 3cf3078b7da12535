// Which font file a family name stands for on this machine. Asked of fontconfig, through
// its fc-match and fc-pattern commands, rather than looked up at known Debian paths:
// Chromium finds its fonts through fontconfig, so what fontconfig answers is what the PDF
// is printed in, wherever a font is installed and whatever aliases the machine sets.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { keepFamilies, keptFamilies, type Face, type KeptFamilies } from './font-cache.js';

export type { Face };

export class FontconfigMissing extends Error {}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(command, args, { encoding: 'utf8', timeout: 10_000 }, (cause, stdout) => {
      if ((cause as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        fail(new FontconfigMissing(`${command} is not installed (Debian package fontconfig)`));
      } else if (cause) fail(cause);
      else done(stdout);
    });
  });
}

/** A family name as a fontconfig pattern: `-`, `:`, `,` and `\` separate a pattern's parts unless escaped. */
const pattern = (family: string) => family.replace(/[\\\-:,]/g, (ch) => `\\${ch}`);

/** Family names compared as fontconfig compares them: case and blanks aside. */
const same = (a: string, b: string) => a.replace(/\s/g, '').toLowerCase() === b.replace(/\s/g, '').toLowerCase();

/** `a,b\,c` (fc-match's list of a font's names in several languages) → its names. */
const names = (list: string) => list.split(/(?<!\\),/).map((n) => n.replace(/\\(.)/g, '$1'));

/**
 * The families fontconfig's configuration binds strongly to a name: the name itself and its
 * metric-compatible aliases (Calibri's Carlito). Its weak bindings are mere last resorts, the
 * fonts it offers for any name it does not know.
 */
async function strongFamilies(family: string): Promise<string[]> {
  const printed = await run('fc-pattern', ['--config', pattern(family)]);
  const line = /^\s*family:(.*)$/m.exec(printed)?.[1] ?? '';
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"\(s\)/g)].map((m) => m[1]!);
}

/**
 * The regular face fontconfig gives for a family, as Chromium takes it: the font must be
 * that family or a strong alias of it (fontconfig otherwise answers with any font at all);
 * undefined when none is installed.
 */
async function resolve(family: string): Promise<Face | undefined> {
  const matched = await run('fc-match', ['--format', '%{family}\n%{file}\n%{index}\n', `${pattern(family)}:scalable=true`]);
  const [families = '', file = '', index = '0'] = matched.split('\n');
  const found = names(families);
  if (file === '' || found.length === 0) return undefined;
  if (!found.some((name) => same(name, family))) {
    const strong = await strongFamilies(family);
    if (!found.some((name) => strong.some((wanted) => same(name, wanted)))) return undefined;
  }
  // A variable font's named instance is in the upper half of the index; its glyphs are the font's.
  return { file, index: Number(index) & 0xffff, family: found[0]! };
}

/**
 * What fontconfig's answers depend on, as modification times: its configuration, its caches
 * (which fc-cache rewrites when a Debian font package is installed or removed) and the font
 * folders. A font copied into a folder's existing subfolder without fc-cache is seen once
 * some program of the machine has brought fontconfig's cache up to date.
 */
function fontconfigStamp(): string {
  const home = homedir();
  const env = (name: string, otherwise: string) => process.env[name] || otherwise;
  const config = env('XDG_CONFIG_HOME', join(home, '.config'));
  const paths = [
    '/etc/fonts',
    '/etc/fonts/conf.d',
    '/etc/fonts/fonts.conf',
    '/etc/fonts/local.conf',
    '/var/cache/fontconfig',
    join(config, 'fontconfig'),
    join(config, 'fontconfig', 'fonts.conf'),
    join(config, 'fontconfig', 'conf.d'),
    join(home, '.fonts.conf'),
    join(env('XDG_CACHE_HOME', join(home, '.cache')), 'fontconfig'),
    join(home, '.fontconfig'),
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(env('XDG_DATA_HOME', join(home, '.local', 'share')), 'fonts'),
    join(home, '.fonts'),
  ];
  const times = paths.map(modified);
  return [process.env['FONTCONFIG_FILE'] ?? '', process.env['FONTCONFIG_PATH'] ?? '', ...times].join('|');
}

/** A path this user may not look into (another user's home) is as good as absent: fontconfig cannot read it either. */
function modified(path: string): number | '-' {
  try {
    return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? '-';
  } catch {
    return '-';
  }
}

let kept: Promise<KeptFamilies> | undefined;

async function lookUp(family: string, key: string): Promise<Face | undefined> {
  kept ??= keptFamilies(fontconfigStamp());
  const families = await kept;
  if (Object.hasOwn(families.families, key)) return families.families[key] ?? undefined;
  const face = await resolve(family);
  families.families[key] = face ?? null;
  await keepFamilies(families);
  return face;
}

const resolved = new Map<string, Promise<Face | undefined>>();

/** Drops what this process was told of the machine's fonts: the next lookup asks again (or the font cache). */
export function forgetFaces(): void {
  kept = undefined;
  resolved.clear();
}

/** Asked of fontconfig once per family and state of the machine's fonts, and kept (see font-cache.ts). */
export function findFace(family: string): Promise<Face | undefined> {
  const key = family.toLowerCase();
  if (!resolved.has(key)) resolved.set(key, lookUp(family, key));
  return resolved.get(key)!;
}
