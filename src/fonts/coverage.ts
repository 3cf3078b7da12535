// The characters a font face has, read from its cmap by fontkit, loaded only when a
// face is not in the cache (see font-cache.ts).
import { readFile, stat } from 'node:fs/promises';
import { cachedRanges, keepRanges, type Face, type FaceFile } from './font-cache.js';

export interface Coverage {
  has(codePoint: number): boolean;
}

/** Sorted first/last pairs, searched by halves: a CJK face has some 45,000 characters in a few thousand runs. */
class Ranges implements Coverage {
  constructor(private readonly ranges: readonly number[]) {}

  has(codePoint: number): boolean {
    let low = 0;
    let high = this.ranges.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (codePoint < this.ranges[2 * middle]!) high = middle - 1;
      else if (codePoint > this.ranges[2 * middle + 1]!) low = middle + 1;
      else return true;
    }
    return false;
  }
}

export function toRanges(codePoints: Iterable<number>): number[] {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const point of sorted) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === point - 1) ranges[ranges.length - 1] = point;
    else ranges.push(point, point);
  }
  return ranges;
}

let fontkit: Promise<typeof import('fontkit/core')> | undefined;

function loadFontkit(): Promise<typeof import('fontkit/core')> {
  fontkit ??= Promise.all([import('fontkit/core'), import('fontkit/formats/TTFFont'), import('fontkit/formats/TrueTypeCollection')]).then(
    ([core, { TTFFont }, { TrueTypeCollection }]) => {
      core.registerFormat(TTFFont);
      core.registerFormat(TrueTypeCollection);
      return core;
    },
  );
  return fontkit;
}

/**
 * The code points the face maps to a glyph (a cmap may list some that map to none, glyph 0);
 * none for a file fontkit cannot read (a Type 1 or bitmap font), which can only make the check
 * warn where it need not.
 */
async function readCharacters(face: Face): Promise<number[]> {
  const { create } = await loadFontkit();
  const bytes = await readFile(face.file);
  let font: ReturnType<typeof create>;
  try {
    font = create(bytes);
  } catch {
    return [];
  }
  const one = 'fonts' in font ? font.fonts[face.index] : font;
  if (!one) return [];
  return one.characterSet.filter((point) => one.hasGlyphForCodePoint(point));
}

const EMPTY: Coverage = { has: () => false };

async function load(face: Face): Promise<Coverage> {
  let key: FaceFile;
  try {
    const info = await stat(face.file);
    key = { file: face.file, index: face.index, size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return EMPTY;
  }
  const cached = await cachedRanges(key);
  if (cached) return new Ranges(cached);
  const ranges = toRanges(await readCharacters(face));
  await keepRanges(key, ranges);
  return new Ranges(ranges);
}

const faces = new Map<string, Promise<Coverage>>();

/** Drops the characters read of each face in this process: the next check reads them again (or the font cache). */
export function forgetCoverage(): void {
  faces.clear();
}

export function faceCoverage(face: Face): Promise<Coverage> {
  const key = `${face.file}\0${face.index}`;
  if (!faces.has(key)) faces.set(key, load(face));
  return faces.get(key)!;
}
