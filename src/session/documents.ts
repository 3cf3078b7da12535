// The entries of a folder as the index lists them: each document (an issue:
// C17/23, C17/23(Rev.1)) with its versions by language, in order of number, a
// revision or addendum right after what it amends; grouped by meeting (the
// number's first part, C17), which a calendar is made for.
import { LANGUAGES, type Language } from '../model/meta-schema.js';
import type { Amendment } from '../model/meta.js';
import type { IndexedEntry } from './read-entries.js';

export interface IndexedDocument {
  document: string;
  amendment?: Amendment;
  /** The language the document was written in. */
  original: Language;
  versions: Map<Language, IndexedEntry>;
}

export interface MeetingDocuments {
  /** "C17": the part of the number that names the meeting. */
  key: string;
  documents: IndexedDocument[];
}

const AMENDMENT_ORDER = { revision: 1, addendum: 2, corrigendum: 3 } as const;
// "C17/9" before "C17/10": numbers compare as numbers.
const numbers = new Intl.Collator('en', { numeric: true });

function compareDocuments(a: IndexedDocument, b: IndexedDocument): number {
  return (
    numbers.compare(a.document, b.document) ||
    (a.amendment ? AMENDMENT_ORDER[a.amendment.kind] : 0) - (b.amendment ? AMENDMENT_ORDER[b.amendment.kind] : 0) ||
    (a.amendment?.number ?? 0) - (b.amendment?.number ?? 0)
  );
}

export function meetingDocuments(entries: IndexedEntry[]): MeetingDocuments[] {
  const documents = new Map<string, IndexedDocument>();
  for (const indexed of entries) {
    const { entry } = indexed;
    const key = JSON.stringify([entry.document, entry.amendment ?? null]);
    let document = documents.get(key);
    if (!document) {
      document = { document: entry.document, amendment: entry.amendment, original: entry.original, versions: new Map() };
      documents.set(key, document);
    }
    document.versions.set(entry.language, indexed);
  }
  const meetings = new Map<string, IndexedDocument[]>();
  for (const document of [...documents.values()].sort(compareDocuments)) {
    const key = document.document.split('/')[0]!;
    meetings.set(key, [...(meetings.get(key) ?? []), document]);
  }
  return [...meetings.entries()].sort(([a], [b]) => numbers.compare(a, b)).map(([key, list]) => ({ key, documents: list }));
}

/** The languages of the entries, in the order of the six. */
export function languagesOf(entries: IndexedEntry[]): Language[] {
  const present = new Set(entries.map((e) => e.entry.language));
  return LANGUAGES.filter((l) => present.has(l));
}

/** The version of a document a reader of `language` is given: that language's, else the original's, else the first. */
export function versionFor(document: IndexedDocument, language: Language): IndexedEntry {
  return (
    document.versions.get(language) ??
    document.versions.get(document.original) ??
    LANGUAGES.map((l) => document.versions.get(l)).find((v) => v !== undefined)!
  );
}

/** The meeting as `language` names it: from its first document in that language, else as the first document has it. */
export function meetingFor(meeting: MeetingDocuments, language: Language): IndexedEntry['entry']['meeting'] {
  const inLanguage = meeting.documents.find((d) => d.versions.has(language));
  return versionFor(inLanguage ?? meeting.documents[0]!, language).entry.meeting;
}
