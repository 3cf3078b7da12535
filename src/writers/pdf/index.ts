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
import type { Printed } from './print.js';

export async function writePdf(document: CouncilDocument, options: WriteOptions): Promise<Uint8Array> {
  const print = () => printHtml(writeHtml(document, options), document.meta.date, options.resources, options.labels.documentNumber);
  // Printed once for all its outputs' writers that share `renders`: the watch asks as soon as a saved
  // source is read (makeAhead in pipeline.ts), and its rebuild then takes the same print.
  return said(await (options.renders ? options.renders.once('pdf', document, print) : print()), options);
}

/** A page of the tool's own (a document, the index of a folder) printed, dated `date`; `name` says which in messages. */
export async function printPage(html: string, date: IsoDate, options: Pick<WriteOptions, 'resources' | 'warn'>, name: string): Promise<Uint8Array> {
  return said(await printHtml(html, date, options.resources, name), options);
}

/** The PDF, once each writer that asked for it is told what it was printed without. */
function said({ pdf, refused }: Printed, options: Pick<WriteOptions, 'warn'>): Uint8Array {
  // Only a template can ask for these (the source's own text is escaped); the PDF is printed without them.
  for (const url of new Set(refused)) {
    options.warn?.(`printed without ${url}: the page asked for it, and only data: URLs are fetched (see the templates)`);
  }
  return pdf;
}

async function printHtml(html: string, date: IsoDate, resources: BuildResources | undefined, name: string): Promise<Printed> {
  const instant = stampOf(date);
  // Without a build to share one with, this call starts its own browser and closes it.
  const own = resources ? undefined : new BuildResources();
  try {
    const { pdf, refused } = await sharedPrinter(resources ?? own!).print(html, name);
    // What the tab printed before must not show: its structure ids count from 1 (structure-ids.ts).
    return { pdf: setPdfDates(renumberStructureIds(pdf), instant), refused };
  } finally {
    await own?.close();
  }
}
