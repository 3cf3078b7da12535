// Characters that are not words: those no document can hold, and those that
// hold a place without being seen. Sources are pasted from terminals, PDFs,
// web pages and right-to-left editors, which bring them along.

/**
 * What no output may carry. XML 1.0 forbids the C0 controls but tab, line feed and carriage return,
 * U+FFFE, U+FFFF and lone surrogates: one of them makes a DOCX that Word and LibreOffice refuse.
 * DEL, the C1 controls and the other noncharacters XML lets through, but they are no text either:
 * a terminal takes them as commands, and Unicode keeps noncharacters for programs' own use.
 */
const FORBIDDEN = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/** Characters that change the direction in which the text around them is shown. */
const BIDI: Record<string, string> = {
  '\u061c': 'ARABIC LETTER MARK',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** Characters of no width: they join, part or hold together what is on either side. */
const ZERO_WIDTH: Record<string, string> = {
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

const NAMES: Record<string, string> = { ...BIDI, ...ZERO_WIDTH };
const INVISIBLE = new RegExp(`[${Object.keys(NAMES).join('')}]`, 'gu');
const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

/** Overrides show letters in an order against their nature, which is how text is disguised; right-to-left writing needs none. */
export const OVERRIDES = new Set(['\u202d', '\u202e']);
/** Joiners that shape the letters of Arabic and of emoji sequences. */
export const JOINERS = new Set(['\u200c', '\u200d']);

export const isBidiControl = (c: string): boolean => c in BIDI;

/** "U+200B". */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "U+200B ZERO WIDTH SPACE" for the characters named here, "U+001B" for the others. */
export function describeCharacter(c: string): string {
  const name = NAMES[c];
  return name ? `${codePoint(c)} ${name}` : codePoint(c);
}

export interface Found {
  /** Offset in the searched text (UTF-16 code units). */
  index: number;
  character: string;
}

function all(text: string, pattern: RegExp): Found[] {
  return [...text.matchAll(pattern)].map((m) => ({ index: m.index, character: m[0] }));
}

export const forbiddenCharacters = (text: string): Found[] => all(text, FORBIDDEN);
export const invisibleCharacters = (text: string): Found[] => all(text, INVISIBLE);

/** An identifier as it is seen: "Y.41\u200b13" is Y.4113, "iot-week\u200b-2017" is iot-week-2017. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A text without its invisible characters, and the offset in the text of each offset in it. */
export interface VisibleText {
  text: string;
  /** Offset in the original of the character at `offset` of the visible text (its length maps to the original's). */
  original(offset: number): number;
}

export function visibleText(text: string): VisibleText {
  if (!HAS_INVISIBLE.test(text)) return { text, original: (offset) => offset };
  const offsets: number[] = [];
  let visible = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i]! in NAMES) continue;
    offsets.push(i);
    visible += text[i];
  }
  offsets.push(text.length);
  return { text: visible, original: (offset) => offsets[offset]! };
}

/** What a terminal would act on, or draw in another order, than the message says. */
const UNPRINTABLE = new RegExp(`${FORBIDDEN.source}|[\\n\\r\\u2028\\u2029${Object.keys(NAMES).join('')}]`, 'gu');

/**
 * A message as a terminal can print it: an ESC from the source would clear the screen or retitle
 * the window of whoever builds, a newline would forge a message of its own (a tab does no harm). Each such character is
 * shown as <U+001B>, which is how the messages about characters name them.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `<${codePoint(c)}>`);
}
