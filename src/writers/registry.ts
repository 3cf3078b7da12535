// Output formats by name. Each writer's module (and the libraries it needs)
// is imported only when that format is asked for, so `check` and an HTML-only
// build never pay for a browser or a zip library.
import type { CouncilDocument } from '../model/document.js';
import type { Language } from '../model/meta.js';
import type { LocaleData } from '../locale/locale.js';
import type { WriteOptions } from './options.js';
import type { BuildResources } from './resources.js';

/** The bytes of an output, or null when the document has none of this kind (no events, no calendar). */
export type Output = string | Uint8Array | null;

export interface Format {
  /** Appended to the document's file stem, e.g. ".html". */
  suffix: string;
  write(document: CouncilDocument, options: WriteOptions): Promise<Output>;
  /**
   * Starts, without waiting, what the writer will need and takes long to
   * start (the browser), so that it gets ready while other outputs are made.
   */
  prepare?(resources: BuildResources): void;
  /**
   * The part of the document the writer reads, for writers that read little
   * of it: watch mode does not render again an output whose inputs (and
   * templates) are those of its last render, so a prose edit costs no calendar.
   */
  inputs?(document: CouncilDocument): unknown;
  /**
   * The font families the output sets a document's text in, first choice first, for the
   * missing-glyph check; absent for outputs shown in the reader's own fonts (calendar, CSV).
   */
  fonts?(language: Language, templatesDir: string, locale: LocaleData): Promise<string[]>;
}

async function stylesheetFonts(_language: Language, templatesDir: string, locale: LocaleData): Promise<string[]> {
  const { bodyFonts } = await import('./html/index.js');
  return bodyFonts(templatesDir, locale);
}

export const FORMATS = {
  html: {
    suffix: '.html',
    async write(document, options) {
      const { writeHtml } = await import('./html/index.js');
      return writeHtml(document, options);
    },
    fonts: stylesheetFonts,
  },
  pdf: {
    suffix: '.pdf',
    async write(document, options) {
      const { writePdf } = await import('./pdf/index.js');
      return writePdf(document, options);
    },
    prepare(resources) {
      // A failure to start is reported by the print that needs the browser.
      import('./pdf/shared-printer.js').then(({ startPrinter }) => startPrinter(resources)).catch(() => undefined);
    },
    // The PDF is the HTML printed.
    fonts: stylesheetFonts,
  },
  docx: {
    suffix: '.docx',
    async write(document, options) {
      const { writeDocx } = await import('./docx/index.js');
      return writeDocx(document, options);
    },
    async fonts(language, templatesDir) {
      const { documentFonts } = await import('./docx/layout.js');
      return documentFonts(templatesDir, language);
    },
  },
  ics: {
    suffix: '.ics',
    async write(document, options) {
      const { writeIcs } = await import('./ics/index.js');
      return writeIcs(document, options);
    },
    inputs: ({ meta, events }) => ({ meta, events }),
  },
  csv: {
    suffix: '-standards.csv',
    async write(document, options) {
      const { writeCsv } = await import('./csv/index.js');
      return writeCsv(document, options);
    },
    inputs: ({ meta, standards }) => ({ language: meta.language, standards }),
  },
  // Not an output to choose: written with whatever is chosen, for `council-docs index` (see planOutputs).
  meta: {
    suffix: '.meta.json',
    async write(document, options) {
      const { writeEntry } = await import('./meta/index.js');
      return writeEntry(document, options);
    },
    inputs: ({ meta, events }) => ({ meta, events }),
  },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;
/** The formats `--format` chooses from. */
export const FORMAT_NAMES = ['html', 'pdf', 'docx', 'ics', 'csv'] as const satisfies readonly FormatName[];
/** Written beside the outputs of every document built, whatever formats are chosen. */
export const ENTRY_FORMAT: FormatName = 'meta';

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** Outputs that set text in the same fonts, named as a reader knows them ("HTML", "PDF"), and those fonts. */
export interface OutputFonts {
  outputs: string[];
  families: string[];
}

/**
 * The fonts of each output asked for, outputs with the same fonts together. An output whose
 * templates cannot be read is left out: its writer says what is wrong when it is made.
 */
export async function outputFonts(formats: readonly FormatName[], language: Language, templatesDir: string, locale: LocaleData): Promise<OutputFonts[]> {
  const groups = new Map<string, OutputFonts>();
  // The HTML and the PDF share one stylesheet: it is rendered once for both.
  const asked = new Map<Format['fonts'], Promise<string[] | undefined>>();
  for (const name of formats) {
    const fonts = (FORMATS[name] as Format).fonts;
    if (fonts && !asked.has(fonts)) asked.set(fonts, fonts(language, templatesDir, locale).catch(() => undefined));
    const families = fonts && (await asked.get(fonts));
    if (!families) continue;
    const key = families.join('\0');
    const group = groups.get(key);
    if (group) group.outputs.push(name.toUpperCase());
    else groups.set(key, { outputs: [name.toUpperCase()], families });
  }
  return [...groups.values()];
}
