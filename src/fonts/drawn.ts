// Whether a character is drawn from a font, as Chromium's shaper, HarfBuzz, draws it. A
// font without a character can still draw it: HarfBuzz prints the spaces of other widths
// (no-break, thin, ideographic) with the font's space, the no-break hyphen with its hyphen,
// and an accented letter the font lacks as its letter and accent (its Unicode
// decomposition). Characters Unicode lets a renderer ignore (joiners, variation selectors,
// the soft hyphen, controls) need no glyph at all. The DOCX is taken to be drawn alike: Word
// and LibreOffice treat the no-break space and hyphen as marks of their own, not letters of
// the font.

/** The spaces HarfBuzz draws with U+0020 when a font lacks them. */
const SPACES = new Set([0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000]);
const NO_BREAK_HYPHEN = 0x2011;
const HYPHEN = 0x2010;

const NO_GLYPH = /^[\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;

export function needsGlyph(character: string): boolean {
  return !NO_GLYPH.test(character);
}

export function drawnFrom(character: string, has: (codePoint: number) => boolean): boolean {
  const point = character.codePointAt(0)!;
  if (has(point)) return true;
  if (SPACES.has(point)) return has(0x20);
  if (point === NO_BREAK_HYPHEN) return has(HYPHEN);
  const parts = [...character.normalize('NFD')];
  return parts.length > 1 && parts.every((part) => has(part.codePointAt(0)!));
}
