// Limits checked on the source before the Markdown parser sees it. The parser's
// time grows faster than the text for shapes no real document has (a paragraph
// of megabytes, lists nested hundreds deep, thousands of emphasis marks or
// brackets in one paragraph, thousands of list items), and its recursion can
// overflow the stack: such a source is refused here, at the place, instead of
// hanging or crashing the build. Each limit is far above what a Council
// document needs (C17/23: 20 kB, 30 list items nested 2 deep, 6 emphasis marks).
import type { VFile } from 'vfile';
import { error } from '../diagnostics/report.js';

export const LIMITS = {
  /** Bytes of a source file. */
  fileBytes: 8 * 1024 * 1024,
  /** Characters of one paragraph (lines without a blank line between them) or of the front matter. */
  paragraphCharacters: 100_000,
  /** Lines of one paragraph. */
  paragraphLines: 1_000,
  /** `*`, `_`, `[` and `]` in one paragraph or in the front matter. */
  paragraphMarks: 1_000,
  /** Levels a line is nested in: its bullets, numbers and `>`, and half a level per column of indentation. */
  nesting: 32,
  /** List items and quotation lines in a source. */
  listItems: 5_000,
  /** Paragraphs, list items and headings in a source. */
  blocks: 20_000,
  /** Lines of `=` or `-` right under text (underlined headings). */
  underlines: 1_000,
} as const;

const count = (n: number) => n.toLocaleString('en');

/** Refuses a file too big to be a source, before it is decoded. */
export function checkFileSize(file: VFile, bytes: Uint8Array): boolean {
  if (bytes.length <= LIMITS.fileBytes) return true;
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  error(
    file,
    `the file is ${mb(bytes.length)}: a source holds at most ${mb(LIMITS.fileBytes)} (C17/23 is 20 kB); is this the right file?`,
    { line: 1, column: 1 },
    'file-too-large',
  );
  return false;
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const ORDERED_MARKER = /^\d{1,9}[.)](?=[ \t]|$)/;

/**
 * How deep a line is nested: one level per bullet, number or `>` it starts
 * with, and half a level per column of indentation before the first of them
 * (nested bullets are indented two columns or more). Over-counts four-column
 * indentation, so the limit is set far above the reader's own (see body.ts).
 */
function nesting(line: string): { depth: number; markers: number; column: number } {
  if (THEMATIC_BREAK.test(line)) return { depth: 0, markers: 0, column: 1 };
  let i = 0;
  let indent = 0;
  let markers = 0;
  let column = 1;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      if (markers === 0) indent += line[i] === '\t' ? 4 : 1;
      i++;
    }
    const ch = line[i];
    let length = 0;
    if (ch === '>') length = 1;
    else if ((ch === '-' || ch === '*' || ch === '+') && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) length = 1;
    else length = ORDERED_MARKER.exec(line.slice(i, i + 11))?.[0].length ?? 0;
    if (length === 0) break;
    markers++;
    column = i + 1;
    i += length;
  }
  return { depth: markers === 0 ? 0 : markers + Math.floor(indent / 2), markers, column };
}

interface Paragraph {
  line: number;
  column: number;
  characters: number;
  lines: number;
  marks: number;
  frontMatter: boolean;
}

function countMarks(line: string): number {
  let marks = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 42 /* * */ || c === 95 /* _ */ || c === 91 /* [ */ || c === 93 /* ] */) marks++;
  }
  return marks;
}

/** Refuses a text whose shape would make the parser hang or overflow; true when it is within every limit. */
export function checkTextLimits(file: VFile, text: string): boolean {
  const lines = text.split('\n');
  let ok = true;
  const refuse = (reason: string, line: number, column: number, ruleId: string) => {
    error(file, reason, { line, column }, ruleId);
    ok = false;
  };

  let paragraph: Paragraph | undefined;
  const close = () => {
    const p = paragraph;
    paragraph = undefined;
    if (!p) return;
    const what = p.frontMatter ? 'the front matter' : 'this paragraph';
    const fix = p.frontMatter ? 'is this the right file?' : 'split it with blank lines, or look for text pasted twice';
    if (p.characters > LIMITS.paragraphCharacters) {
      refuse(`${what} has ${count(p.characters)} characters: at most ${count(LIMITS.paragraphCharacters)} are allowed; ${fix}`, p.line, p.column, 'paragraph-too-long');
    } else if (!p.frontMatter && p.lines > LIMITS.paragraphLines) {
      refuse(`${what} runs over ${count(p.lines)} lines without a blank line: at most ${count(LIMITS.paragraphLines)} are allowed; ${fix}`, p.line, p.column, 'paragraph-too-long');
    }
    if (p.marks > LIMITS.paragraphMarks) {
      refuse(
        `${what} has ${count(p.marks)} of the marks * _ [ ]: at most ${count(LIMITS.paragraphMarks)} are allowed in ${p.frontMatter ? 'it' : 'one paragraph'}; ` +
          'look for emphasis or brackets left open or nested, or write a mark meant as text as \\* \\_ \\[ \\]',
        p.line,
        p.column,
        'too-much-markup',
      );
    }
  };

  // The front matter is one block, blank lines and all: it is YAML, not paragraphs.
  let start = 0;
  if (/^---[ \t]*\r?$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, i) => i > 0 && /^---[ \t]*\r?$/.test(l));
    if (end > 0) {
      const body = lines.slice(1, end);
      paragraph = {
        line: 2,
        column: 1,
        characters: body.reduce((n, l) => n + l.length + 1, 0),
        lines: body.length,
        marks: body.reduce((n, l) => n + countMarks(l), 0),
        frontMatter: true,
      };
      close();
      start = end + 1;
    }
  }

  let listItems = 0;
  let blocks = 0;
  let underlines = 0;
  let reportedNesting = false;
  let previousBlank = true;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!.endsWith('\r') ? lines[index]!.slice(0, -1) : lines[index]!;
    const number = index + 1;
    if (line.trim() === '') {
      close();
      previousBlank = true;
      continue;
    }
    if (!previousBlank && UNDERLINE.test(line) && ++underlines === LIMITS.underlines + 1) {
      refuse(
        `more than ${count(LIMITS.underlines)} lines of "=" or "-" right under text: a section starts with a "# Heading" line, ` +
          'and a line of dashes under a paragraph makes it a heading; put a blank line before it',
        number,
        1,
        'too-many-blocks',
      );
    }
    previousBlank = false;
    const { depth, markers, column } = nesting(line);
    if (depth > LIMITS.nesting && !reportedNesting) {
      reportedNesting = true;
      refuse(
        `this line is nested ${count(depth)} levels deep (bullets, numbers, ">" and indentation): at most ${LIMITS.nesting} are allowed; ` +
          'a Council document nests bullets two or three levels deep',
        number,
        column,
        'nesting-too-deep',
      );
    }
    listItems += markers;
    if (markers > 0 && listItems - markers <= LIMITS.listItems && listItems > LIMITS.listItems) {
      refuse(`more than ${count(LIMITS.listItems)} list items and quotation lines in one source: is this one document?`, number, column, 'too-many-blocks');
    }
    const starts = markers > 0 || /^ {0,3}#/.test(line);
    if (starts) close();
    if (!paragraph) {
      if (++blocks === LIMITS.blocks + 1) {
        refuse(`more than ${count(LIMITS.blocks)} paragraphs, list items and headings in one source: is this one document?`, number, 1, 'too-many-blocks');
      }
      paragraph = { line: number, column: line.search(/\S/) + 1, characters: 0, lines: 0, marks: 0, frontMatter: false };
    }
    paragraph.characters += line.length + 1;
    paragraph.lines++;
    paragraph.marks += countMarks(line);
  }
  close();
  return ok;
}
