// read → validate → write, for a batch of sources. Every source is read and
// validated, and its outputs planned, before anything is written: one error
// anywhere writes nothing (unless the command line says --keep-going, which
// builds the sources without errors and leaves out the others).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { availableParallelism } from 'node:os';
import type { CouncilDocument } from './model/document.js';
import { readSource, type ReadResult } from './read/source.js';
import { originalPath } from './read/translation.js';
import { checkAlignment } from './validate/alignment.js';
import { checkUpToDate } from './validate/outdated.js';
import { warnInvisibleCharacters } from './validate/characters.js';
import { applyAcceptances } from './read/accept.js';
import { TRANSLATION_RULES, validate } from './validate/index.js';
import { error, hasErrors } from './diagnostics/report.js';
import { hasLocale, loadLocale } from './locale/locale.js';
import type { Language } from './model/meta-schema.js';
import { documentLabels, documentNumber, fileStem, MARKED_SUFFIX } from './locale/labels.js';
import { loadSettings, type Settings } from './templates/settings.js';
import { ENTRY_FORMAT, FORMAT_NAMES, FORMATS, outputFonts, type Format, type FormatName } from './writers/registry.js';
import { checkGlyphs } from './validate/glyphs.js';
import type { WriteOptions } from './writers/options.js';
import { BuildResources } from './writers/resources.js';
import { DocumentRenders } from './writers/document-renders.js';
import { removeStaleTemporaries, writeAtomically, type WriteResult } from './output/atomic-write.js';
import type { IssueOptions } from './issued/check.js';

export interface CheckedSource {
  file: VFile;
  document?: CouncilDocument;
  /** For a translation: its original, and whether it holds only the original's first sections. */
  translation?: { original: CouncilDocument; partial: boolean };
  /** For a revision whose base is issued: the revision with what it changed in its base marked. */
  marked?: CouncilDocument;
}

/**
 * Reads and checks sources. `formats` are the outputs to be made, whose fonts the text's
 * characters are checked against (missing-glyph); none, and the fonts are not looked at.
 * `onRead` hears each source of `paths` read without an error, before the rest of its check.
 */
export async function checkSources(
  paths: string[],
  templatesDir: string,
  formats: readonly FormatName[] = FORMAT_NAMES,
  issues: IssueOptions = {},
  onRead?: (document: CouncilDocument) => void,
): Promise<CheckedSource[]> {
  const asked = new Set(paths.map((p) => resolve(p)));
  // An original is read once, whether it is built or only lends its data to a translation.
  const reads = new Map<string, Promise<ReadResult>>();
  const readOnce = (path: string, original?: CouncilDocument) => {
    const key = resolve(path);
    if (!reads.has(key)) {
      const read = readFile(path).then((bytes) => readSource(path, bytes, original));
      const heard = (result: ReadResult) => {
        if (result.document && !hasErrors(result.file)) onRead?.(result.document);
        return result;
      };
      reads.set(key, onRead && asked.has(key) ? read.then(heard) : read);
    }
    return reads.get(key)!;
  };
  const checkOne = async (path: string): Promise<ReadResult> => {
    const sibling = originalPath(path);
    if (sibling === undefined || !existsSync(sibling)) return readOnce(path);
    const original = await readOnce(sibling);
    if (!original.document || hasErrors(original.file)) {
      const file = new VFile({ path });
      error(file, `this translation shares the data of ${sibling}, which has errors: fix them first`, { line: 1, column: 1 }, 'original-errors');
      return { file };
    }
    return readOnce(path, original.document);
  };
  const results = await Promise.all(paths.map(checkOne));
  const checked = results.map(({ file, document, body, acceptances, translation }): CheckedSource => {
    if (body) {
      const checked = document ?? { path: file.path, ...body };
      if (translation) {
        validate(checked, file, TRANSLATION_RULES);
        if (document) {
          const pairs = checkAlignment(document, translation.original, translation.partial, file);
          if (!hasErrors(file)) checkUpToDate(document, translation.original, translation.partial, pairs, file);
        }
      } else validate(checked, file);
    }
    // Right-to-left writing has its own uses for direction marks: the locale says which writing it is.
    const rightToLeft = document !== undefined && hasLocale(templatesDir, document.meta.language) && loadLocale(templatesDir, document.meta.language).direction === 'rtl';
    warnInvisibleCharacters(file, rightToLeft);
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
    return { file, document, ...(translation ? { translation } : {}) };
  });
  // Only revisions (and what is being issued) read the issued store, and only they load the differ.
  if (issues.issuing || checked.some((s) => s.document?.meta.amendment?.kind === 'revision')) {
    const { checkIssues } = await import('./issued/check.js');
    await checkIssues(checked, templatesDir, issues);
  }
  // The fonts of a language's outputs are found once for all its documents.
  const fontsOf = new Map<Language, ReturnType<typeof outputFonts>>();
  await Promise.all(
    checked.map(async ({ file, document }) => {
      if (!document || formats.length === 0 || !hasLocale(templatesDir, document.meta.language)) return;
      const { language } = document.meta;
      if (!fontsOf.has(language)) fontsOf.set(language, outputFonts(formats, language, templatesDir, loadLocale(templatesDir, language)));
      await checkGlyphs(document, file, await fontsOf.get(language)!);
    }),
  );
  // Last, so an acceptance silences the warnings of every check.
  checked.forEach(({ file, document }, i) => applyAcceptances(file, results[i]!.acceptances ?? [], document !== undefined));
  return checked;
}

export interface PlannedOutput {
  source: CheckedSource;
  /** What is written: the source's document, or for a revision's marked outputs, its marked version. */
  document: CouncilDocument;
  format: FormatName;
  path: string;
}

/** The formats a revision's marked version is written in, beside its clean outputs: `<stem>-changes.html`. */
const MARKED_FORMATS: readonly FormatName[] = ['html', 'pdf', 'docx'];

export interface BuildOptions {
  /**
   * What the outputs share beyond one renderEach call: in the watch, those of one rebuild, so that
   * the PDF printed as its source is read (makeAhead) is the one the rebuild writes.
   */
  renders?: DocumentRenders;
  outDir: string;
  templatesDir: string;
  formats: FormatName[];
  /** The folder of issued documents (`--issued`); else `issued/` beside each source's folder. */
  issuedDir?: string;
  /** What writers share (the PDF browser). Given, its owner closes it; absent, each render starts and closes its own. */
  resources?: BuildResources;
}

function writeOptions(document: CouncilDocument, templatesDir: string, settings: Settings): WriteOptions {
  const locale = loadLocale(templatesDir, document.meta.language);
  return { templatesDir, locale, labels: documentLabels(document.meta, locale), settings };
}

/** Output file names; two sources that would write the same file are an error on the second. */
export function planOutputs(sources: CheckedSource[], options: BuildOptions): PlannedOutput[] {
  const planned: PlannedOutput[] = [];
  const owners = new Map<string, string>();
  // The document's entry goes with any output, so that the folder can be indexed (council-docs index).
  const formats = options.formats.length > 0 && !options.formats.includes(ENTRY_FORMAT) ? [...options.formats, ENTRY_FORMAT] : options.formats;
  for (const source of sources) {
    const document = source.document;
    // A language without locale data is an error of its own (unknown-locale), said by checkSources.
    if (!document || !hasLocale(options.templatesDir, document.meta.language)) continue;
    const locale = loadLocale(options.templatesDir, document.meta.language);
    const stem = fileStem(document.meta, locale);
    const owner = owners.get(stem);
    if (owner) {
      error(
        source.file,
        `${owner} is already document ${documentNumber(document.meta, locale)}: both would write ${stem}.*`,
        document.meta.places['document'],
        'duplicate-document',
      );
      continue;
    }
    owners.set(stem, source.file.path);
    for (const format of formats) {
      planned.push({ source, document, format, path: join(options.outDir, stem + FORMATS[format].suffix) });
    }
    for (const format of options.formats.filter((f) => source.marked && MARKED_FORMATS.includes(f))) {
      planned.push({ source, document: source.marked!, format, path: join(options.outDir, stem + MARKED_SUFFIX + FORMATS[format].suffix) });
    }
  }
  return planned;
}

export interface Written {
  path: string;
  result: WriteResult;
}

export interface Rendered {
  path: string;
  content: string | Uint8Array | null;
}

export interface FailedOutput {
  path: string;
  error: unknown;
}

/** Something an output was written without, said by its writer. */
export interface OutputWarning {
  path: string;
  message: string;
}

/** A writer that hands its work to another process (the PDF's browser). */
const handsOver = (format: FormatName) => (FORMATS[format] as Format).prepare !== undefined;

/**
 * Starts, for a document just read, its outputs that another process makes (its PDF), kept in
 * `options.renders` where renderEach finds them: the browser prints while the check goes on.
 */
export function makeAhead(document: CouncilDocument, options: BuildOptions): void {
  const { renders, templatesDir } = options;
  if (!renders || !hasLocale(templatesDir, document.meta.language)) return;
  const write = { ...writeOptions(document, templatesDir, loadSettings(templatesDir)), resources: options.resources, renders };
  // A failure is said by renderEach, which asks for the same output.
  for (const format of options.formats.filter(handsOver)) FORMATS[format].write(document, write).catch(() => undefined);
}

/** Renders every planned output; one that fails (no browser, say) does not stop the others. */
export async function renderEach(outputs: PlannedOutput[], options: BuildOptions) {
  // A writer that hands its work to another process starts first: that work then goes on while
  // this thread makes the other outputs.
  const planned = [...outputs].sort((a, b) => Number(handsOver(b.format)) - Number(handsOver(a.format)));
  const settings = loadSettings(options.templatesDir);
  const resources = options.resources ?? new BuildResources();
  const warnings: OutputWarning[] = [];
  const renders = options.renders ?? new DocumentRenders();
  try {
    const results = await Promise.allSettled(
      planned.map(async (output): Promise<Rendered> => {
        const document = output.document;
        const warn = (message: string) => warnings.push({ path: output.path, message });
        const write = { ...writeOptions(document, options.templatesDir, settings), resources, renders, warn };
        return { path: output.path, content: await FORMATS[output.format].write(document, write) };
      }),
    );
    const rendered: Rendered[] = [];
    const failed: FailedOutput[] = [];
    results.forEach((r, i) => (r.status === 'fulfilled' ? rendered.push(r.value) : failed.push({ path: planned[i]!.path, error: r.reason })));
    // An entry points the index at a document's outputs: with none of them written, it would point at nothing.
    const entries = new Set(planned.filter((p) => p.format === ENTRY_FORMAT).map((p) => p.path));
    const outputs = new Set(planned.filter((p) => p.format !== ENTRY_FORMAT).map((p) => p.path));
    if (outputs.size > 0 && failed.filter((f) => outputs.has(f.path)).length === outputs.size) {
      return { rendered: rendered.filter((r) => !entries.has(r.path)), failed, warnings };
    }
    return { rendered, failed, warnings };
  } finally {
    if (!options.resources) await resources.close();
  }
}

export interface DocumentBuilt {
  source: CheckedSource;
  written: Written[];
  failed: FailedOutput[];
  warnings: OutputWarning[];
}

/**
 * Renders and writes document by document, a few at a time, with one set of
 * shared resources (one browser) for the whole batch. As many documents are in
 * flight as the machine has cores, plus one, so Chromium prints in parallel
 * without holding a hundred pages in memory at once.
 */
export async function buildDocuments(
  planned: PlannedOutput[],
  options: BuildOptions,
  onDocument: (built: DocumentBuilt) => void,
): Promise<DocumentBuilt[]> {
  // What an earlier build left when it was killed mid-write goes before this one writes.
  await Promise.all([...new Set(planned.map((p) => dirname(p.path)))].map(removeStaleTemporaries));
  const bySource = new Map<CheckedSource, PlannedOutput[]>();
  for (const output of planned) bySource.set(output.source, [...(bySource.get(output.source) ?? []), output]);
  const queue = [...bySource.entries()];
  const resources = options.resources ?? new BuildResources();
  const shared = { ...options, resources };
  if (queue.length > 0) for (const format of options.formats) (FORMATS[format] as Format).prepare?.(resources);
  const results: DocumentBuilt[] = [];
  // A write that fails (a full disk, a folder that may not be written in) stops the build: the next
  // documents would fail alike, and out/ is left with as few new files beside old ones as can be.
  let stopped = false;
  const worker = async () => {
    for (let next = queue.shift(); next && !stopped; next = queue.shift()) {
      const [source, outputs] = next;
      const { rendered, failed, warnings } = await renderEach(outputs, shared);
      const writing = await writeOutputs(rendered);
      if (writing.failed.length > 0) stopped = true;
      const built = { source, written: writing.written, failed: [...failed, ...writing.failed], warnings };
      results.push(built);
      onDocument(built);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(availableParallelism() + 1, queue.length) }, worker));
  } finally {
    if (!options.resources) await resources.close();
  }
  return results;
}

/**
 * Writes a document's outputs one after another, and stops at the first that cannot be written:
 * `written` is then exactly what was replaced before the failure, and `failed` names the output
 * and says why (an OutputNotWritten).
 */
export async function writeOutputs(rendered: Rendered[]): Promise<{ written: Written[]; failed: FailedOutput[] }> {
  const written: Written[] = [];
  for (const { path, content } of rendered) {
    try {
      written.push({ path, result: await writeAtomically(path, content) });
    } catch (error) {
      return { written, failed: [{ path, error }] };
    }
  }
  return { written, failed: [] };
}

export function anyErrors(sources: CheckedSource[]): boolean {
  return sources.some((s) => hasErrors(s.file));
}

/** The planned outputs of the sources without errors: what --keep-going builds. */
export function soundOutputs(planned: PlannedOutput[]): PlannedOutput[] {
  return planned.filter((p) => !hasErrors(p.source.file));
}
