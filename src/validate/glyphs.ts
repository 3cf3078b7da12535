// missing-glyph: a character of the author's that none of an output's fonts has, which
// would print as an empty box. Only the fonts the outputs name count. Chromium would draw
// such a character from any font of the machine that has one (a Chinese word of an English
// document in Noto Sans CJK, on a Debian with fonts-noto-cjk), but that font is not the
// document's: another machine prints it in another font or as a box, the HTML is read in
// the reader's fonts, and the DOCX names only its own. The generic families that end a CSS
// stack (sans-serif) are such fallbacks too, and count for nothing.
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { warn } from '../diagnostics/report.js';
import type { CouncilDocument } from '../model/document.js';
import type { OutputFonts } from '../writers/registry.js';
import { drawnFrom, needsGlyph } from '../fonts/drawn.js';
import { findFace, FontconfigMissing } from '../fonts/fontconfig.js';
import { faceCoverage } from '../fonts/coverage.js';
import { printedText } from './printed-text.js';
import { codePoint } from '../model/characters.js';

const RULE = 'missing-glyph';

/** What an output's fonts lack of some characters, and how its fonts were found. */
interface Lack {
  fonts: OutputFonts;
  missing: Set<string>;
  /** Each family as the message shows it: "Calibri (here Carlito)", "Arial (not installed)". */
  shown: string[];
}

/**
 * The characters none of the fonts draws. Fonts are looked at in order, and only while
 * some character is left: an English text is all in its first font, whose characters
 * are the only ones read.
 */
async function lackOf(fonts: OutputFonts, characters: string[]): Promise<Lack> {
  let left = characters;
  const shown: string[] = [];
  const seen = new Set<string>();
  for (const family of fonts.families) {
    if (left.length === 0) break;
    const face = await findFace(family);
    if (!face) {
      shown.push(`${family} (not installed)`);
      continue;
    }
    // Calibri then Carlito is one font here, named once.
    const key = `${face.file}\0${face.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(face.family.toLowerCase() === family.toLowerCase() ? family : `${family} (here ${face.family})`);
    const coverage = await faceCoverage(face);
    left = left.filter((character) => !drawnFrom(character, (point) => coverage.has(point)));
  }
  return { fonts, missing: new Set(left), shown };
}

const codes = (run: string) => [...run].map(codePoint).join(' ');

function message(run: string, lacks: Lack[]): string {
  const where = lacks.map((lack) => `the ${lack.fonts.outputs.join(' and ')} (${lack.shown.join(', ')})`).join(' nor of ');
  const one = [...run].length === 1;
  return (
    `no font of ${where} has "${run}" (${codes(run)}): ` +
    (one ? 'it would print as an empty box' : 'they would print as empty boxes') +
    ', or in whatever other font a machine finds'
  );
}

/** Warns of each run of characters that some output has no font for, at the run's place in the source. */
export async function checkGlyphs(document: CouncilDocument, file: VFile, outputs: OutputFonts[]): Promise<void> {
  if (outputs.length === 0) return;
  const pieces = printedText(document);
  const characters = new Set<string>();
  for (const { text } of pieces) for (const character of text) characters.add(character);
  const needed = [...characters].filter(needsGlyph);
  let lacks: Lack[];
  try {
    lacks = (await Promise.all(outputs.map((fonts) => lackOf(fonts, needed)))).filter((lack) => lack.missing.size > 0);
  } catch (cause) {
    if (!(cause instanceof FontconfigMissing)) throw cause;
    warn(file, `the fonts of the outputs were not checked for the text's characters: ${cause.message}`, { line: 1, column: 1 }, RULE);
    return;
  }
  if (lacks.length === 0) return;

  const source = String(file.value);
  const places = location(file);
  for (const piece of pieces) {
    const start = places.toOffset(piece.place.start) ?? 0;
    const end = places.toOffset(piece.place.end) ?? source.length;
    let searched = start;
    /** The run's own place when the source has it as written (an escape or entity aside), else the piece's. */
    const placeOf = (run: string): Point => {
      const at = source.indexOf(run, searched);
      if (at === -1 || at + run.length > end) return piece.place.start;
      searched = at + run.length;
      return places.toPoint(at) ?? piece.place.start;
    };
    let run = '';
    let runLacks: Lack[] = [];
    const flush = () => {
      if (run !== '') warn(file, message(run, runLacks), placeOf(run), RULE);
      run = '';
      runLacks = [];
    };
    for (const character of piece.text) {
      // A joiner or variation selector inside an emoji's sequence is part of its run.
      if (run !== '' && !needsGlyph(character)) {
        run += character;
        continue;
      }
      const lacking = lacks.filter((lack) => lack.missing.has(character));
      if (lacking.length === 0 || lacking.length !== runLacks.length || lacking.some((lack, i) => lack !== runLacks[i])) flush();
      if (lacking.length === 0) continue;
      run += character;
      runLacks = lacking;
    }
    flush();
  }
}
