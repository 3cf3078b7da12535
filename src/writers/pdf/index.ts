// Model → PDF: the HTML writer's document, printed by Chromium. PDF is HTML
// plus an engine, so the two can never disagree; the page layout (A4, margins,
// running header, page breaks) is the print part of templates/html/style.css.hbs.
import type { CouncilDocument } from '../../model/document.js';
import type { IsoDate } from '../../model/meta.js';
import type { WriteOptions } from '../options.js';
import { BuildResources } from '../resources.js';
import { writeHtml } from '../html/index.js';
import { setPdfDates } from './dates.js';
import { stampOf } from '../../output/source-date-epoch.js';
import { sharedPrinter } from './shared-printer.js';
import { renumberStructureIds } from './structure-ids.js';

export async function writePdf(document: CouncilDocument, options: WriteOptions): Promise<Uint8Array> {
  return printPage(writeHtml(document, options), document.meta.date, options, options.labels.documentNumber);
}

/** A page of the tool's own (a document, the index of a folder) printed, dated `date`; `name` says which in messages. */
export async function printPage(html: string, date: IsoDate, options: Pick<WriteOptions, 'resources' | 'warn'>, name: string): Promise<Uint8Array> {
  const instant = stampOf(date);
  // Without a build to share one with, this call starts its own browser and closes it.
  const own = options.resources ? undefined : new BuildResources();
  const resources = options.resources ?? own!;
  try {
    const { pdf, refused } = await sharedPrinter(resources).print(html, name);
    // Only a template can ask for these (the source's own text is escaped); the PDF is printed without them.
    for (const url of new Set(refused)) {
      options.warn?.(`printed without ${url}: the page asked for it, and only data: URLs are fetched (see the templates)`);
    }
    // What the tab printed before must not show: its structure ids count from 1 (structure-ids.ts).
    return setPdfDates(renumberStructureIds(pdf), instant);
  } finally {
    await own?.close();
  }
}
