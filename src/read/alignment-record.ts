// What a translation was last made to follow: a digest of each piece of its original's text,
// written by `council-docs align` beside the translation (`C17-23.fr.aligned.yaml`) and committed
// with it. A build then tells which pieces of the original changed since: they need translating
// again. Pieces are compared by their words, not their numbers, so a paragraph that was only
// renumbered (another was inserted before it) is not taken for a changed one.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse, stringify } from 'yaml';
import type { CouncilDocument } from '../model/document.js';
import { allEvents } from '../model/events.js';
import { plainWords } from '../model/plain-text.js';
import { units } from '../validate/units.js';

export interface AlignmentRecord {
  /** The original's file name, beside the translation. */
  original: string;
  /** Piece key → digest of its words. */
  pieces: Record<string, string>;
}

/** `source/C17-23.fr.md` → `source/C17-23.fr.aligned.yaml`. */
export function recordPath(translationPath: string): string {
  return translationPath.replace(/\.md$/, '.aligned.yaml');
}

function digest(words: string): string {
  return createHash('sha256').update(words.normalize('NFC')).digest('hex').slice(0, 12);
}

/** The front matter's words by key path, as a translation gives them ("title", "events.x.note"). */
export function frontMatterWords(document: CouncilDocument): Map<string, string> {
  const { meta } = document;
  const words = new Map<string, string>();
  if (meta.title) words.set('title', meta.title);
  if (meta.summary.length > 0) words.set('summary', plainWords(meta.summary));
  if (meta.actionRequired.length > 0) words.set('action_required', plainWords(meta.actionRequired));
  meta.references.forEach((r, i) => words.set(`references[${i}]`, plainWords(r)));
  words.set('meeting.name', meta.meeting.name);
  words.set('meeting.place', meta.meeting.place);
  for (const event of allEvents(document.events)) {
    words.set(`events.${event.id}.title`, event.title);
    if (event.note !== undefined) words.set(`events.${event.id}.note`, event.note);
  }
  return words;
}

/** The record of the original as it is now. */
export function recordOf(original: CouncilDocument, sections?: number): AlignmentRecord {
  const pieces: Record<string, string> = {};
  for (const [key, words] of frontMatterWords(original)) pieces[key] = digest(words);
  for (const unit of units(original, sections)) pieces[unit.key] = digest(unit.words);
  return { original: basename(original.path), pieces };
}

export function formatRecord(record: AlignmentRecord, translationPath: string): string {
  return (
    `# The text of ${record.original} that ${basename(translationPath)} follows, piece by piece.\n` +
    `# Written by "council-docs align ${basename(translationPath)}" once the translation is up to date; commit it with it.\n` +
    stringify(record, { lineWidth: 0 })
  );
}

/** The record beside a translation; undefined when there is none, a reason when it cannot be read. */
export function readRecord(translationPath: string): AlignmentRecord | string | undefined {
  const path = recordPath(translationPath);
  if (!existsSync(path)) return undefined;
  try {
    const data = parse(readFileSync(path, 'utf8')) as Partial<AlignmentRecord> | null;
    if (data && typeof data.original === 'string' && data.pieces && typeof data.pieces === 'object') return data as AlignmentRecord;
  } catch {
    // Said below, in words.
  }
  return `${path} is not a record "council-docs align" wrote: delete it and run "council-docs align" again`;
}

/** The keys of the original's pieces whose words are in no piece of the record. */
export function changedSince(record: AlignmentRecord, now: AlignmentRecord): Set<string> {
  const known = new Set(Object.values(record.pieces));
  return new Set(Object.entries(now.pieces).filter(([, d]) => !known.has(d)).map(([key]) => key));
}
