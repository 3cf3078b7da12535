// What the issued store allows: an issue is never issued twice; a revision, addendum or corrigendum
// follows the one before it (Rev.2 after Rev.1, Rev.1 after the document itself); an entry edited
// by hand is refused. A revision is then marked against the issue it revises.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CouncilDocument } from '../model/document.js';
import type { Amendment, Meta } from '../model/meta.js';
import type { Position } from 'unist';
import { error, hasErrors, warn } from '../diagnostics/report.js';
import { shownPath } from '../diagnostics/paths.js';
import { loadLocale, type LocaleData } from '../locale/locale.js';
import { documentNumber, fileStem } from '../locale/labels.js';
import { readSource } from '../read/source.js';
import { markChanges } from '../transform/changes.js';
import type { CheckedSource } from '../pipeline.js';
import { readStore, storeFor, type IssuedEntry, type Store } from './store.js';

export interface IssueOptions {
  /** The store named on the command line (`--issued`); else `issued/` beside each source's folder. */
  issuedDir?: string;
  /** True for `council-docs issue`: the sources are about to be issued, not built. */
  issuing?: boolean;
}

/** The issue an amendment follows: Rev.1 the document itself, Rev.2 Rev.1 (and so for addenda and corrigenda). */
export function previous(amendment: Amendment): Amendment | undefined {
  return amendment.number === 1 ? undefined : { kind: amendment.kind, number: amendment.number - 1 };
}

function placeOf(meta: Meta): Position | undefined {
  const key = meta.amendment?.kind ?? 'document';
  // A translation shares its original's number and amendment: its front matter does not give them.
  return meta.places[key] ?? (meta.position && { start: meta.position.start, end: meta.position.start });
}

/** Every issue of one document in one language: the entries of the store and those that cannot be trusted. */
function ownEntries(store: Store, meta: Meta, locale: LocaleData) {
  const stem = new RegExp(`^${meta.document.replace(/\//g, '-')}(?:-(?:Rev|Add|Corr)\\d+)?-${locale.suffix}$`);
  return {
    entries: store.entries.filter((e) => stem.test(e.name)),
    broken: [...store.broken].filter(([name]) => stem.test(name)).map(([, why]) => why),
  };
}

function highest(entries: IssuedEntry[], kind: Amendment['kind']): number {
  return Math.max(0, ...entries.map((e) => (e.record.amendment?.kind === kind ? e.record.amendment.number : 0)));
}

/**
 * The entry a revision (or, when issuing, an addendum or corrigendum) follows, found in the store;
 * undefined with an error on the source when it is not there.
 */
function findBase(source: CheckedSource, store: Store, locale: LocaleData): IssuedEntry | undefined {
  const { file } = source;
  const meta = source.document!.meta;
  const amendment = meta.amendment!;
  const { entries } = ownEntries(store, meta, locale);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const before = previous(amendment);
  const base = byName.get(fileStem({ document: meta.document, amendment: before }, locale));
  if (base) return base;
  const self = documentNumber(meta, locale);
  const first = { document: meta.document };
  const where = placeOf(meta);
  if (before && byName.has(fileStem(first, locale))) {
    const next = highest(entries, amendment.kind) + 1;
    error(
      file,
      `${self} skips ${documentNumber({ ...first, amendment: before }, locale)}, which was never issued (no ${shownPath(join(store.dir, fileStem({ ...first, amendment: before }, locale)))}): the next ${amendment.kind} to issue is ${next}, "${amendment.kind}: ${next}"`,
      where,
      'issued-sequence',
    );
  } else {
    error(
      file,
      `${self} follows ${documentNumber(first, locale)}, which was never issued (no ${shownPath(join(store.dir, fileStem(first, locale)))}): issue it first, with "council-docs issue"`,
      where,
      'issued-base',
    );
  }
  return undefined;
}

/** Refuses to issue again what was issued: the number it has is taken for good. */
function checkNotIssued(source: CheckedSource, store: Store, locale: LocaleData): void {
  const meta = source.document!.meta;
  const { entries } = ownEntries(store, meta, locale);
  const done = entries.find((e) => e.name === fileStem(meta, locale));
  if (!done) return;
  const next = highest(entries, 'revision') + 1;
  error(
    source.file,
    `${done.record.number} was issued on ${done.record.issued} (${shownPath(done.dir)}), and an issued document is never changed: to issue this text, make it a revision ("revision: ${next}")`,
    placeOf(meta),
    'issued-already',
  );
}

/** The issued document an entry holds, read again from its copy of the source (and of the original, for a translation). */
async function readIssued(entry: IssuedEntry): Promise<CouncilDocument | string> {
  const read = async (name: string, original?: CouncilDocument) => {
    const path = join(entry.dir, name);
    return readSource(path, await readFile(path), original);
  };
  let original: CouncilDocument | undefined;
  if (entry.record.original) {
    original = (await read(entry.record.original)).document;
    if (!original) return `${shownPath(join(entry.dir, entry.record.original))} no longer reads as a document`;
  }
  const issued = await read(entry.record.source, original);
  return issued.document ?? `${shownPath(join(entry.dir, entry.record.source))} no longer reads as a document`;
}

/**
 * Checks each source against the store; for a revision whose base is issued, sets `marked`: the
 * revision with what changed since the base marked in it.
 */
export async function checkIssues(sources: CheckedSource[], templatesDir: string, options: IssueOptions): Promise<void> {
  // The sources of a folder share one store: it is read once per check.
  const stores = new Map<string, Store>();
  const storeOf = (dir: string) => stores.get(resolve(dir)) ?? stores.set(resolve(dir), readStore(dir)).get(resolve(dir))!;
  await Promise.all(
    sources.map(async (source) => {
      const meta = source.document?.meta;
      if (!meta) return;
      const kind = meta.amendment?.kind;
      if (!options.issuing && kind !== 'revision') return;
      let locale: LocaleData;
      try {
        locale = loadLocale(templatesDir, meta.language);
      } catch {
        return; // unknown-locale, said by the check of the sources.
      }
      const store = storeOf(storeFor(source.file.path!, options.issuedDir));
      if (!store.exists && !options.issuing) {
        warn(
          source.file,
          `there is no ${shownPath(store.dir)} folder of issued documents, so this revision has no marked version (${fileStem(meta, locale)}-changes.*): issue its base with "council-docs issue" to have one`,
          placeOf(meta),
          'revision-unissued',
        );
        return;
      }
      const { entries, broken } = ownEntries(store, meta, locale);
      for (const why of broken) error(source.file, why, placeOf(meta), 'issued-entry');
      if (broken.length > 0) return;
      if (!options.issuing && source.translation && entries.length === 0) {
        // A translation is often issued later than its original, or never (one still partial): its
        // revision is built all the same, without a marked version until one of its issues is recorded.
        warn(
          source.file,
          `${documentNumber({ document: meta.document }, locale)} was never issued in this language (nothing in ${shownPath(store.dir)}), so this revision has no marked version`,
          placeOf(meta),
          'revision-unissued',
        );
        return;
      }
      if (options.issuing) checkNotIssued(source, store, locale);
      if (!meta.amendment) return;
      const base = findBase(source, store, locale);
      if (!base || options.issuing || hasErrors(source.file)) return;
      const issued = await readIssued(base);
      if (typeof issued === 'string') {
        error(source.file, `the issued version this revises cannot be read: ${issued}`, placeOf(meta), 'issued-entry');
        return;
      }
      source.marked = markChanges(issued, source.document!, {
        base: documentNumber(issued.meta, locale),
        author: meta.changesAuthor ?? locale.changes.author,
        // The changes are dated by the revision, as Word dates a tracked change: an xsd:dateTime.
        date: `${meta.date}T00:00:00Z`,
      });
    }),
  );
}
