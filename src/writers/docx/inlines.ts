// Inline content → runs. Word has no nesting of bold in italics: each run
// carries the formatting of every node above it, passed down as `format`.
import {
  Bookmark,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InternalHyperlink,
  NoBreakHyphen,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Change, FootnoteRef, Inline } from '../../model/document.js';
import { referenceText } from '../../locale/body.js';
import type { LocaleData } from '../../locale/locale.js';
import { bookmarkName } from './bookmarks.js';
import { STYLE } from './styles.js';
import { trackedRun, trackedWrap, type Tracker } from './tracked.js';

interface Format {
  bold?: boolean;
  italics?: boolean;
  /** Inside a hyperlink: Word cannot nest one in another, so inner links become their words. */
  linked?: boolean;
  /** Character style of the words, Hyperlink inside a link to the web. */
  style?: string;
  /**
   * Inside words a revision added or took away. Word has w:ins and w:del around runs only, never
   * around a hyperlink, so the change is passed down to each run, as the formatting is.
   */
  change?: Change;
}

/** What runs need besides their nodes: the words of empty cross-references, and which notes are cited already. */
export interface InlineContext {
  locale: LocaleData;
  /** Numbers of the notes whose first citation is written. */
  cited: Set<number>;
  /** Inside a note: Word has no footnote in a footnote. */
  inNote?: boolean;
  /** Anchors a cross-reference of the document points to: only these get a bookmark. */
  referenced: ReadonlySet<string>;
  /** In the marked version of a revision: the author, date and ids of its changes. */
  tracker?: Tracker;
}

export function inlineContext(locale: LocaleData, referenced: ReadonlySet<string>, tracker?: Tracker): InlineContext {
  return { locale, cited: new Set(), referenced, ...(tracker ? { tracker } : {}) };
}

/**
 * Runs under the anchor's bookmark name, when a cross-reference points there.
 * Word shows every bookmark in its Bookmark dialog; one nothing links to is clutter.
 */
export function bookmarked(anchor: string, children: ParagraphChild[], context: Pick<InlineContext, 'referenced'>): ParagraphChild[] {
  return context.referenced.has(anchor) ? [new Bookmark({ id: bookmarkName(anchor), children })] : children;
}

/**
 * A standard's identifier kept on one line, as ITU sets it: "ITU-T" must not
 * end a line with "T Y.4113" on the next. Spaces become no-break spaces and
 * hyphens Word's no-break hyphen.
 */
export function unbroken(text: string): (string | NoBreakHyphen)[] {
  return noBreakHyphens(text.replace(/ /g, '\u00a0').replace(/-/g, '\u2011'));
}

/** No-break hyphens (U+2011) as Word's own, which Word draws with the font's hyphen: Carlito has no U+2011. */
function noBreakHyphens(text: string): (string | NoBreakHyphen)[] {
  return text
    .split('\u2011')
    .flatMap((piece, i) => (i === 0 ? [piece] : [new NoBreakHyphen(), piece]))
    .filter((piece) => piece !== '');
}

function link(url: string, children: ParagraphChild[], format: Format): ParagraphChild[] {
  return format.linked ? children : [new ExternalHyperlink({ link: url, children })];
}

/**
 * A note's number where it is cited. Word's footnote is cited once: a second
 * citation of the same note (or one inside a note, where Word has no notes)
 * prints its number in the reference style, as Word's own cross-reference to a
 * note does. The first citation carries the bookmark a reference to the note
 * links to: a bookmark inside footnotes.xml is not one Word's links can reach
 * from the body in every version, the citation is.
 */
function footnoteRuns(node: FootnoteRef, context: InlineContext | undefined, format: Format): ParagraphChild[] {
  const note = node.footnote;
  if (!note || note.number === 0) throw new Error(`DOCX writer: footnote reference ^${node.id} has no note`);
  if (!context || context.inNote || context.cited.has(note.number)) {
    return [run({ text: String(note.number), style: STYLE.footnoteReference }, format, context)];
  }
  context.cited.add(note.number);
  return bookmarked(note.anchor, [trackedWrap(new FootnoteReferenceRun(note.number), format.change, context.tracker)], context);
}

/** A run in the formatting of the nodes above it, inserted or deleted when they are. */
function run(options: IRunOptions, format: Format, context: InlineContext | undefined): ParagraphChild {
  return trackedRun(options, format.change, context?.tracker);
}

export function inlineRuns(nodes: readonly Inline[], context?: InlineContext, format: Format = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  const linkFormat = { ...format, linked: true, style: STYLE.hyperlink };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        runs.push(
          run(
            {
              ...(node.value.includes('\u2011') ? { children: noBreakHyphens(node.value) } : { text: node.value }),
              bold: format.bold,
              italics: format.italics,
              style: format.style,
            },
            format,
            context,
          ),
        );
        break;
      case 'emphasis':
        runs.push(...inlineRuns(node.children, context, { ...format, italics: true }));
        break;
      case 'strong':
        runs.push(...inlineRuns(node.children, context, { ...format, bold: true }));
        break;
      case 'link':
        runs.push(...link(node.url, inlineRuns(node.children, context, format.linked ? format : linkFormat), format));
        break;
      case 'standard':
        // A draft has no page at ITU: its words in the text's own style, not a hyperlink.
        runs.push(
          ...(node.url === undefined
            ? [run({ children: unbroken(node.text), bold: format.bold, italics: format.italics, style: format.style }, format, context)]
            : link(
                node.url,
                [run({ children: unbroken(node.text), bold: format.bold, italics: format.italics, style: STYLE.hyperlink }, format, context)],
                format,
              )),
        );
        break;
      case 'event':
        // The words that name an event; its facts are in the list of events and the calendar.
        runs.push(...inlineRuns(node.children, context, format));
        break;
      case 'footnote-ref':
        runs.push(...footnoteRuns(node, context, format));
        break;
      case 'xref': {
        const target = node.target;
        if (!target || !context) throw new Error(`DOCX writer: cross-reference #${node.label} has no target`);
        // In the text's own style, as Word's cross-references are: a number in blue would read as a web link.
        const words =
          node.children.length > 0
            ? inlineRuns(node.children, context, { ...format, linked: true })
            : [run({ text: referenceText(target, context.locale), bold: format.bold, italics: format.italics, style: format.style }, format, context)];
        runs.push(...(format.linked ? words : [new InternalHyperlink({ anchor: bookmarkName(target.anchor), children: words })]));
        break;
      }
      case 'break':
        runs.push(run({ break: 1 }, format, context));
        break;
      case 'ins':
        runs.push(...inlineRuns(node.children, context, { ...format, change: 'inserted' }));
        break;
      case 'del':
        runs.push(...inlineRuns(node.children, context, { ...format, change: 'deleted' }));
        break;
      default: {
        const unhandled: never = node;
        throw new Error(`DOCX writer: no rule for inline ${(unhandled as Inline).type}`);
      }
    }
  }
  return runs;
}
