// A translation's front matter + its original's data → the translation's Meta and events. The
// original's facts (number, dates, agenda item, event dates, standards' statuses) are taken as they
// are; the translation gives the words, and each word the original has must be given.
import { basename, dirname, join } from 'node:path';
import type { VFile } from 'vfile';
import type { CouncilDocument, Event } from '../model/document.js';
import type { Meta } from '../model/meta.js';
import { LANGUAGES, type Language } from '../model/meta-schema.js';
import { translationSchema } from '../model/translation-schema.js';
import { allEvents } from '../model/events.js';
import { error } from '../diagnostics/report.js';
import { parseFrontMatter, type FrontMatterBlock, type ReadFrontMatter } from './frontmatter.js';
import { smartQuotes } from './quotes.js';

const TRANSLATION_NAME = new RegExp(`^(.+)\\.(${LANGUAGES.join('|')})\\.md$`);

/** `source/C17-23.fr.md` → `source/C17-23.md`; undefined for a path that does not name a translation. */
export function originalPath(path: string): string | undefined {
  const m = TRANSLATION_NAME.exec(basename(path));
  return m ? join(dirname(path), `${m[1]}.md`) : undefined;
}

/** The language a translation's file name gives (`fr` for `C17-23.fr.md`). */
export function nameLanguage(path: string): Language | undefined {
  return TRANSLATION_NAME.exec(basename(path))?.[2] as Language | undefined;
}

export interface ReadTranslation extends ReadFrontMatter {
  /** True while the translation holds only the first sections of its original. */
  partial: boolean;
}

export function readTranslationFrontMatter(
  file: VFile,
  block: FrontMatterBlock,
  original: CouncilDocument,
): ReadTranslation | undefined {
  const parsed = parseFrontMatter(file, block, translationSchema, Object.keys(translationSchema.shape));
  if (!parsed) return undefined;
  const t = parsed.data;
  const o = original.meta;
  const originalName = basename(original.path);
  const where = (key: string) => parsed.places[key] ?? block.position;
  const missing = (key: string, what: string) =>
    error(file, `the original (${originalName}) has ${what}: give its translation under "${key}"`, block.position, 'translation-words');
  const extra = (key: string, what: string) =>
    error(file, `the original (${originalName}) has no ${what}: remove "${key}"`, where(key), 'translation-words');

  const named = nameLanguage(file.path);
  if (t.language === o.language) {
    error(file, `a translation of ${originalName} is in another language than its original (${o.language})`, where('language'), 'translation-language');
  } else if (named !== t.language) {
    error(file, `the file name says "${named}" but "language" says "${t.language}": rename the file or fix the key`, where('language'), 'translation-language');
  }
  if (o.untranslated) {
    error(file, `the original (${originalName}) says it is issued in its language only ("untranslated: true")`, block.position, 'translation-language');
  }

  const pairs: [keyof typeof t, boolean, string][] = [
    ['title', o.title !== '', 'a title'],
    ['summary', o.summary.length > 0, 'a summary'],
    ['action_required', o.actionRequired.length > 0, 'an action required'],
  ];
  for (const [key, needed, what] of pairs) {
    if (needed && t[key] === undefined) missing(key, what);
    if (!needed && t[key] !== undefined) extra(key, what);
  }
  const counted = (key: 'references' | 'contributors', theirs: string[], words: string) => {
    const ours = t[key];
    if (ours === undefined) {
      if (theirs.length > 0) missing(key, `${theirs.length} ${words}`);
    } else if (ours.length !== theirs.length) {
      error(file, `the original (${originalName}) has ${theirs.length} ${words}, this translation ${ours.length}: give one for each, in its order`, where(key), 'translation-words');
    }
  };
  counted('references', o.references.map(() => ''), 'references');
  if (t.contributors !== undefined) counted('contributors', o.contributors, 'contributors');

  const ids = new Map(allEvents(original.events).map((e) => [e.id, e]));
  for (const id of Object.keys(t.events ?? {})) {
    if (!ids.has(id)) {
      error(file, `the original (${originalName}) has no event "${id}"`, parsed.keyPlaceOf(['events', id]), 'translation-words');
    }
  }
  for (const id of ids.keys()) {
    if (t.events?.[id] === undefined) {
      error(file, `event "${id}" of the original has no title in this language: give it under "events:"`, where('events'), 'translation-words');
    }
  }

  const translated = (event: Event): Event => {
    const words = t.events?.[event.id];
    const places = { ...Object.fromEntries(Object.keys(words ?? {}).map((k) => [k, where(`events.${event.id}.${k}`)])) };
    const note = words?.note ?? event.note;
    const location = words?.location ?? event.location;
    return {
      ...event,
      title: words ? smartQuotes(words.title) : event.title,
      ...(note === undefined ? {} : { note: words?.note ? smartQuotes(words.note) : note }),
      ...(location === undefined ? {} : { location }),
      parts: event.parts.map(translated),
      places,
      position: where(`events.${event.id}`),
    };
  };
  // A part without a place of its own takes its event's, in this language too.
  const events = original.events.map((event) => {
    const parent = translated(event);
    parent.parts = parent.parts.map((part, i) =>
      t.events?.[event.parts[i]!.id]?.location === undefined && parent.location !== undefined && event.parts[i]!.location === event.location
        ? { ...part, location: parent.location! }
        : part,
    );
    return parent;
  });

  const meta: Meta = {
    ...o,
    position: block.position,
    places: parsed.places,
    language: t.language,
    title: t.title ?? o.title,
    meeting: { ...o.meeting, ...(t.meeting?.name ? { name: t.meeting.name } : {}), ...(t.meeting?.place ? { place: t.meeting.place } : {}) },
    contributors: t.contributors ?? o.contributors,
    summary: t.summary === undefined ? [] : parsed.inline(['summary'], t.summary),
    actionRequired: t.action_required === undefined ? [] : parsed.inline(['action_required'], t.action_required),
    references: (t.references ?? []).map((r, i) => parsed.inline(['references', i], r)),
  };
  // The annex prints the statuses the original gives; a translation cannot give others.
  const statuses = original.standards.flatMap((s) => (s.status ? [{ id: s.id, status: s.status, position: block.position }] : []));
  return { meta, events, statuses, partial: t.partial ?? false };
}
