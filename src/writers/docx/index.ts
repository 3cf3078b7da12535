// Model → DOCX with the docx package, laid out by templates/docx/layout.yaml
// and worded by the locale data, as the HTML is.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Change, CouncilDocument, Inline } from '../../model/document.js';
import type { WriteOptions } from '../options.js';
import { annexView } from '../../locale/annex.js';
import { recordView } from '../../locale/record.js';
import { annexChildren } from './annex.js';
import { annexParagraphs, sectionParagraphs, type BodyContext } from './blocks.js';
import { firstPage } from './first-page.js';
import { inlineContext, inlineRuns, type InlineContext } from './inlines.js';
import { plainWords } from '../../model/plain-text.js';
import { inlineNodes } from '../../model/walk.js';
import { loadLayout } from './layout.js';
import { numberingOptions, wordLists } from './numbering.js';
import { zipPackage, type PackageFiles } from './package.js';
import { stampOf } from '../../output/source-date-epoch.js';
import { pageProperties } from './page.js';
import { documentStyles, STYLE, textIndent } from './styles.js';
import { placeParagraphMarks, restoresListNumber, trackedParagraph, Tracker } from './tracked.js';

export async function writeDocx(document: CouncilDocument, options: WriteOptions): Promise<Uint8Array> {
  const { labels, settings, locale } = options;
  const layout = loadLayout(options.templatesDir);
  const rtl = labels.direction === 'rtl';
  const time = stampOf(document.meta.date);
  // Only what a cross-reference points to gets a bookmark.
  const referenced = new Set(inlineNodes(document).flatMap((node) => (node.type === 'xref' && node.target ? [node.target.anchor] : [])));
  const write = (lists: ReturnType<typeof wordLists>) => {
    const inline = inlineContext(locale, referenced, Tracker.of(document.changes));
    const body: BodyContext = { layout, locale, events: document.events, inline };
    // Made first: the text's citations, made next, are what the notes are numbered by, not the order of this list.
    const children = placeParagraphMarks(
      [
        ...firstPage(document, labels, settings, layout, inline, recordView(document.meta, document.sections, locale)),
        ...document.sections.flatMap((section) => sectionParagraphs(section, { ...body, list: lists?.sections })),
        ...document.annexes.flatMap((annex, a) => annexParagraphs(annex, { ...body, list: lists?.annex(a) })),
        ...annexChildren(standardsAnnex(document, options), layout, rtl),
      ],
      inline.tracker,
    );
    return { inline, children, lists };
  };
  let written = write(wordLists(document));
  // A paragraph mark moved to the paragraph before (see placeParagraphMarks) that must give a
  // paragraph its list number back would have LibreOffice print it at the list's first level:
  // then the marked version's numbers are typed, as the clean one's.
  if (written.lists && written.children.some(restoresListNumber)) written = write(undefined);
  const { inline, children, lists } = written;
  const docx = new Document({
    title: labels.title,
    subject: labels.documentNumber,
    description: plainWords(document.meta.summary),
    creator: labels.author,
    lastModifiedBy: labels.author,
    revision: 1,
    // Tabs typed by an editor land where the text of numbered paragraphs starts.
    defaultTabStop: textIndent(layout),
    styles: documentStyles(layout, document.meta.language, rtl),
    ...(lists && { numbering: numberingOptions(layout) }),
    footnotes: footnotes(document, { ...inline, inNote: true }),
    sections: [{ ...pageProperties(labels, layout), children }],
  });
  const files = compile(docx);
  if (rtl) rightToLeft(files);
  return zipPackage(files, time);
}

/**
 * What docx 9 does not write for a right-to-left document: w:bidi in the paragraph defaults, so that
 * every paragraph is bidirectional (in the schema's order, before w:spacing), and in the section
 * properties (after w:titlePg), so that Word lays the section's columns and gutter right to left.
 */
function rightToLeft(files: PackageFiles): void {
  const mend = (path: string, pattern: RegExp, replacement: string) => {
    const xml = files.get(path);
    const fixed = typeof xml === 'string' ? xml.replace(pattern, replacement) : undefined;
    if (fixed === undefined || fixed === xml) throw new Error(`DOCX writer: ${path} is not as docx 9 writes it: cannot make it right to left`);
    files.set(path, fixed);
  };
  mend('word/styles.xml', /(<w:pPrDefault><w:pPr>)/, '$1<w:bidi/>');
  mend('word/document.xml', /(<w:sectPr\b[\s\S]*?)(<w:docGrid\b|<\/w:sectPr>)/g, '$1<w:bidi/>$2');
}

/** The standards annex, numbered after the author's annexes. */
function standardsAnnex(document: CouncilDocument, options: WriteOptions) {
  return annexView(document.standards, options.locale, document.annexes);
}

/**
 * Word's footnotes, by the number of their first citation; a note never cited
 * is left out. docx puts the note's number first; a space parts it from the
 * words, as in a note Word inserts. A note comes and goes with its citation;
 * a later paragraph of a note that a revision added or took away is marked as
 * a paragraph, its mark with its words.
 */
function footnotes(document: CouncilDocument, context: InlineContext): Record<string, { children: Paragraph[] }> {
  return Object.fromEntries(
    document.footnotes
      .filter((note) => note.number > 0)
      .map((note) => [
        String(note.number),
        {
          children: placeParagraphMarks(
            note.paragraphs.map((words, i) =>
              trackedParagraph(
                { style: STYLE.footnoteText, children: [...(i === 0 ? [new TextRun(' ')] : []), ...inlineRuns(words, context)] },
                i === 0 ? undefined : wholeChange(words),
                context.tracker,
                words,
              ),
            ),
            context.tracker,
          ) as Paragraph[],
        },
      ]),
  );
}

/** 'inserted' or 'deleted' when all the words are one insertion or deletion: how the marked model gives a note's paragraph added or taken away. */
function wholeChange(words: readonly Inline[]): Change | undefined {
  const only = words.length === 1 ? words[0] : undefined;
  return only?.type === 'ins' ? 'inserted' : only?.type === 'del' ? 'deleted' : undefined;
}

/**
 * The package's files as docx makes them before zipping, from the compiler
 * Packer keeps (a private member, whose shape the DOCX tests pin): its own zip
 * would be thrown away, since its dates must be replaced.
 */
function compile(docx: Document): PackageFiles {
  const compiler = (Packer as unknown as { compiler: { compile(file: Document): PackageFiles } }).compiler;
  return compiler.compile(docx);
}
