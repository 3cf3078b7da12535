// read → validate → write, for a batch of sources. Every source is read and
// validated before anything is written: one error anywhere writes nothing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import type { CouncilDocument } from './model/document.js';
import { readSource } from './read/source.js';
import { validate } from './validate/index.js';
import { error, hasErrors } from './diagnostics/report.js';
import { hasLocale, loadLocale } from './locale/locale.js';
import { documentLabels } from './locale/labels.js';
import { loadSettings, type Settings } from './templates/settings.js';
import { FORMATS, type FormatName } from './writers/registry.js';
import type { WriteOptions } from './writers/options.js';
import { writeAtomically, type WriteResult } from './output/atomic-write.js';

export interface CheckedSource {
  file: VFile;
  document?: CouncilDocument;
}

export async function checkSources(paths: string[], templatesDir: string): Promise<CheckedSource[]> {
  return Promise.all(
    paths.map(async (path) => {
      const bytes = await readFile(path);
      const { file, document, sections } = readSource(path, bytes);
      if (sections) validate(document ?? { path, sections }, file);
      if (document) {
        if (!hasLocale(templatesDir, document.meta.language)) {
          error(
            file,
            `no locale data for language "${document.meta.language}": add ${join(templatesDir, 'locale', `${document.meta.language}.yaml`)}`,
            document.meta.places['language'],
            'unknown-locale',
          );
        }
      }
      return { file, document };
    }),
  );
}

export interface PlannedOutput {
  source: CheckedSource;
  format: FormatName;
  path: string;
}

export interface BuildOptions {
  outDir: string;
  templatesDir: string;
  formats: FormatName[];
}

function writeOptions(document: CouncilDocument, templatesDir: string, settings: Settings): WriteOptions {
  const locale = loadLocale(templatesDir, document.meta.language);
  return { templatesDir, locale, labels: documentLabels(document.meta, locale), settings };
}

/** Output file names; two sources that would write the same file are an error on the second. */
export function planOutputs(sources: CheckedSource[], options: BuildOptions): PlannedOutput[] {
  const planned: PlannedOutput[] = [];
  const owners = new Map<string, string>();
  for (const source of sources) {
    const document = source.document;
    if (!document) continue;
    const locale = loadLocale(options.templatesDir, document.meta.language);
    const stem = `${document.meta.document}-${locale.suffix}`.replace(/\//g, '-');
    const owner = owners.get(stem);
    if (owner) {
      error(
        source.file,
        `${owner} is already document ${document.meta.document} in this language: both would write ${stem}.*`,
        document.meta.places['document'],
        'duplicate-document',
      );
      continue;
    }
    owners.set(stem, source.file.path);
    for (const format of options.formats) {
      planned.push({ source, format, path: join(options.outDir, stem + FORMATS[format].suffix) });
    }
  }
  return planned;
}

export interface Written {
  path: string;
  result: WriteResult;
}

export async function render(planned: PlannedOutput[], options: BuildOptions) {
  const settings = loadSettings(options.templatesDir);
  return Promise.all(
    planned.map(async (output) => {
      const document = output.source.document!;
      const content = await FORMATS[output.format].write(document, writeOptions(document, options.templatesDir, settings));
      return { path: output.path, content };
    }),
  );
}

export async function writeOutputs(rendered: { path: string; content: string | Uint8Array }[]): Promise<Written[]> {
  return Promise.all(rendered.map(async ({ path, content }) => ({ path, result: await writeAtomically(path, content) })));
}

export function anyErrors(sources: CheckedSource[]): boolean {
  return sources.some((s) => hasErrors(s.file));
}
