// Inline content → runs. Word has no nesting of bold in italics: each run
// carries the formatting of every node above it, passed down as `format`.
import { ExternalHyperlink, NoBreakHyphen, TextRun, type ParagraphChild } from 'docx';
import type { Inline } from '../../model/document.js';
import { STYLE } from './styles.js';

interface Format {
  bold?: boolean;
  italics?: boolean;
  /** Inside a hyperlink: Word cannot nest one in another, so inner links become their words. */
  linked?: boolean;
}

/**
 * A standard's identifier kept on one line, as ITU sets it: "ITU-T" must not
 * end a line with "T Y.4113" on the next. Spaces become no-break spaces and
 * hyphens Word's no-break hyphen.
 */
export function unbroken(text: string): (string | NoBreakHyphen)[] {
  return text
    .replace(/ /g, '\u00a0')
    .split(/[-\u2011]/)
    .flatMap((piece, i) => (i === 0 ? [piece] : [new NoBreakHyphen(), piece]))
    .filter((piece) => piece !== '');
}

function link(url: string, children: TextRun[], format: Format): ParagraphChild[] {
  return format.linked ? children : [new ExternalHyperlink({ link: url, children })];
}

export function inlineRuns(nodes: readonly Inline[], format: Format = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  const linkFormat = { ...format, linked: true };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        runs.push(new TextRun({ text: node.value, bold: format.bold, italics: format.italics, style: format.linked ? STYLE.hyperlink : undefined }));
        break;
      case 'emphasis':
        runs.push(...inlineRuns(node.children, { ...format, italics: true }));
        break;
      case 'strong':
        runs.push(...inlineRuns(node.children, { ...format, bold: true }));
        break;
      case 'link':
        runs.push(...link(node.url, inlineRuns(node.children, linkFormat) as TextRun[], format));
        break;
      case 'standard':
        runs.push(
          ...link(
            node.url,
            [new TextRun({ children: unbroken(node.text), bold: format.bold, italics: format.italics, style: STYLE.hyperlink })],
            format,
          ),
        );
        break;
      case 'event':
        // The words that name an event; its facts are in the list of events and the calendar.
        runs.push(...inlineRuns(node.children, format));
        break;
      case 'break':
        runs.push(new TextRun({ break: 1 }));
        break;
      default: {
        const unhandled: never = node;
        throw new Error(`DOCX writer: no rule for inline ${(unhandled as Inline).type}`);
      }
    }
  }
  return runs;
}
