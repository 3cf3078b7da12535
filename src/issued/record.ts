// Writing an issue into the store: the source as issued (and, for a translation, the original whose
// data it shares), the figures it shows, the catalogue entries it cites and the digests of the
// templates it was built with, under a record sealed by a digest of it all.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import { stringify } from 'yaml';
import type { CouncilDocument } from '../model/document.js';
import { blocks } from '../model/walk.js';
import { readCatalogue } from '../read/catalogue.js';
import { CATALOGUE_FILE } from '../read/catalogue.js';
import { standardKey } from '../read/standards.js';
import { LANGUAGES } from '../model/meta-schema.js';
import { documentNumber, fileStem } from '../locale/labels.js';
import type { LocaleData } from '../locale/locale.js';
import type { CheckedSource } from '../pipeline.js';
import { VFile } from 'vfile';
import { filesUnder, RECORD_FILE, sealed, sha256, type IssueRecord } from './store.js';
import { previous } from './check.js';
import { sourceDateEpoch } from '../output/source-date-epoch.js';

/** Each figure file a document shows (an SVG's raster copy too), by its path beside the source. */
function figureFiles(document: CouncilDocument): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const block of blocks(document)) {
    if (block.type !== 'figure' || !block.image) continue;
    const { image } = block;
    files.set(posix.normalize(decodeURIComponent(image.src)), image.bytes);
    if (image.raster) files.set(posix.normalize(decodeURIComponent(image.raster.src)), image.raster.bytes);
  }
  return files;
}

/** The entries of the catalogue beside the source that the document cites, as a catalogue of their own. */
function citedCatalogue(document: CouncilDocument): string | undefined {
  const catalogue = readCatalogue(document.path, new VFile());
  if (!catalogue) return undefined;
  const cited = new Set(document.standards.filter((s) => s.catalogued).map((s) => standardKey(s.id)));
  const entries = catalogue.entries.filter((e) => cited.has(standardKey(e.id)));
  if (entries.length === 0) return undefined;
  return `# The entries of ${CATALOGUE_FILE} this document cites, as they were when it was issued.\n${stringify(entries, { lineWidth: 0 })}`;
}

/** The template files a document in `language` is built with: every template, and its own locale only. */
function templateDigests(templatesDir: string, language: string): Record<string, string> {
  const others = new Set(LANGUAGES.filter((l) => l !== language).map((l) => `locale/${l}.yaml`));
  return Object.fromEntries(
    filesUnder(templatesDir)
      .filter((name) => !others.has(name))
      .map((name) => [name, sha256(readFileSync(join(templatesDir, name)))]),
  );
}

/** The day of the issue: SOURCE_DATE_EPOCH's when it is set, as every stamp of a build; else today's (UTC). */
export function issueDay(env: NodeJS.ProcessEnv = process.env): string {
  return (sourceDateEpoch(env) ?? new Date()).toISOString().slice(0, 10);
}

export interface Entry {
  name: string;
  number: string;
  files: Map<string, string | Uint8Array>;
}

/** The files of the entry that records `source` as issued on `day`. */
export function entryOf(source: CheckedSource, locale: LocaleData, templatesDir: string, day: string): Entry {
  const document = source.document!;
  const { meta } = document;
  const files = new Map<string, string | Uint8Array>();
  const name = basename(document.path);
  files.set(name, readFileSync(document.path));
  const original = source.translation?.original;
  if (original) {
    files.set(basename(original.path), readFileSync(original.path));
    for (const [path, bytes] of figureFiles(original)) files.set(path, bytes);
  }
  for (const [path, bytes] of figureFiles(document)) files.set(path, bytes);
  const catalogue = citedCatalogue(original ?? document);
  if (catalogue) files.set(CATALOGUE_FILE, catalogue);

  const number = documentNumber(meta, locale);
  const record: IssueRecord = {
    document: meta.document,
    number,
    language: meta.language,
    ...(meta.amendment ? { amendment: { ...meta.amendment } } : {}),
    date: meta.date,
    issued: day,
    source: name,
    ...(original ? { original: basename(original.path) } : {}),
    ...(meta.amendment ? { base: fileStem({ document: meta.document, amendment: previous(meta.amendment) }, locale) } : {}),
    files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, bytes]) => [path, sha256(bytes)])),
    templates: templateDigests(templatesDir, meta.language),
  };
  const head =
    `# ${number} as issued on ${day}, recorded by "council-docs issue". An issued document is never changed:\n` +
    `# the seal is a digest of the lines above it, which hold the digests of the entry's files.\n`;
  files.set(RECORD_FILE, sealed(head + stringify(record, { lineWidth: 0 })));
  return { name: fileStem(meta, locale), number, files };
}

/**
 * Writes each entry into a dot-folder of the store, then renames it into place, so an entry is
 * there whole or not at all. Returns the folders written.
 */
export async function writeEntries(store: string, entries: Entry[]): Promise<string[]> {
  const written: string[] = [];
  const temporaries: string[] = [];
  try {
    for (const entry of entries) {
      const temporary = join(store, `.${entry.name}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
      temporaries.push(temporary);
      for (const [name, content] of entry.files) {
        await mkdir(dirname(join(temporary, name)), { recursive: true });
        await writeFile(join(temporary, name), content);
      }
    }
    for (const [i, entry] of entries.entries()) {
      const target = join(store, entry.name);
      if (existsSync(target)) throw new Error(`${target} appeared while issuing: issue again`);
      await rename(temporaries[i]!, target);
      written.push(target);
    }
  } finally {
    await Promise.all(temporaries.map((t) => rm(t, { recursive: true, force: true })));
  }
  return written;
}
