// Model → DOCX with the docx package, laid out by templates/docx/layout.yaml
// and worded by the locale data, as the HTML is.
import { Document, Packer } from 'docx';
import type { CouncilDocument } from '../../model/document.js';
import type { WriteOptions } from '../options.js';
import { annexView } from '../../locale/annex.js';
import { annexChildren } from './annex.js';
import { sectionParagraphs } from './blocks.js';
import { firstPage } from './first-page.js';
import { plainWords } from '../../model/plain-text.js';
import { loadLayout } from './layout.js';
import { buildTime, zipPackage, type PackageFiles } from './package.js';
import { pageProperties } from './page.js';
import { documentStyles, textIndent } from './styles.js';

export async function writeDocx(document: CouncilDocument, options: WriteOptions): Promise<Uint8Array> {
  const { labels, settings } = options;
  const layout = loadLayout(options.templatesDir);
  const time = buildTime(document.meta.date);
  const body = { layout, locale: options.locale, events: document.events };
  const docx = new Document({
    title: document.meta.title,
    subject: labels.documentNumber,
    description: plainWords(document.meta.summary),
    creator: labels.author,
    lastModifiedBy: labels.author,
    revision: 1,
    // Tabs typed by an editor land where the text of numbered paragraphs starts.
    defaultTabStop: textIndent(layout),
    styles: documentStyles(layout, document.meta.language),
    sections: [
      {
        ...pageProperties(labels, layout),
        children: [
          ...firstPage(document, labels, settings, layout),
          ...document.sections.flatMap((section) => sectionParagraphs(section, body)),
          ...annexChildren(annexView(document.standards, options.locale), layout),
        ],
      },
    ],
  });
  return zipPackage(compile(docx), time);
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
