// `council-docs index out/`: the index of a folder of outputs and the calendars
// of its meetings, made from the entries the builds left there (see entry.ts),
// so that the parts of a build split across machines are indexed together once
// their outputs are in one folder. Nothing is written when an entry is unusable.
import { join } from 'node:path';
import { hasLocale, loadLocale, type LocaleData } from '../locale/locale.js';
import type { Language } from '../model/meta-schema.js';
import { removeStaleTemporaries, writeAtomically, type WriteResult } from '../output/atomic-write.js';
import type { BuildResources } from '../writers/resources.js';
import { readEntries } from './read-entries.js';
import { languagesOf, meetingDocuments, type MeetingDocuments } from './documents.js';
import { calendarStems, meetingCalendar, type MeetingCalendar } from './calendars.js';
import { indexPage } from './index-page.js';

export const INDEX_FORMATS = ['html', 'pdf', 'ics'] as const;
export type IndexFormat = (typeof INDEX_FORMATS)[number];

export interface IndexOptions {
  dir: string;
  templatesDir: string;
  formats: IndexFormat[];
  /** The browser that prints the PDFs; its owner closes it. */
  resources: BuildResources;
}

export type IndexResult =
  | { kind: 'empty' }
  /** Lines `path:line:column: error: ...`; nothing was written. */
  | { kind: 'refused'; problems: string[] }
  | {
      kind: 'done';
      documents: number;
      languages: Language[];
      written: { path: string; result: WriteResult }[];
      failed: { path: string; error: unknown }[];
      warnings: string[];
    };

export async function indexFolder(options: IndexOptions): Promise<IndexResult> {
  const { dir, templatesDir, formats, resources } = options;
  const { entries, problems } = await readEntries(dir);
  if (entries.length === 0 && problems.length === 0) return { kind: 'empty' };
  for (const { path, entry } of entries) {
    if (!hasLocale(templatesDir, entry.language)) {
      problems.push(`${path}:1:1: error: no locale data for language "${entry.language}": add ${join(templatesDir, 'locale', `${entry.language}.yaml`)} [unknown-locale]`);
    }
  }
  if (problems.length > 0) return { kind: 'refused', problems };

  const localeOf = (language: Language): LocaleData => loadLocale(templatesDir, language);
  const languages = languagesOf(entries);
  const meetings = meetingDocuments(entries);
  const warnings = new Set<string>();
  const calendars = new Map<MeetingDocuments, Map<Language, MeetingCalendar>>();
  const stems = calendarStems(meetings, entries);
  for (const meeting of meetings) {
    const byLanguage = new Map<Language, MeetingCalendar>();
    for (const language of languages) {
      const fileName = `${stems.get(meeting)}-${localeOf(language).suffix}.ics`;
      const calendar = meetingCalendar(meeting, language, fileName, localeOf, (w) => warnings.add(`${dir}: warning: ${w}`));
      if (calendar) byLanguage.set(language, calendar);
    }
    calendars.set(meeting, byLanguage);
  }
  const pages = languages.map((language) =>
    indexPage({
      templatesDir,
      language,
      languages,
      meetings,
      localeOf,
      calendarOf: (meeting, l) => (formats.includes('ics') ? calendars.get(meeting)?.get(l)?.fileName : undefined),
    }),
  );

  // The latest document's date: a rebuild of the same documents gives the same bytes.
  const latest = entries.map((e) => e.entry.date).sort().at(-1)!;
  const jobs: { path: string; content: () => Promise<string | Uint8Array> }[] = [];
  for (const page of pages) {
    if (formats.includes('html')) jobs.push({ path: join(dir, page.fileName), content: async () => page.html });
    if (formats.includes('pdf')) {
      jobs.push({
        path: join(dir, page.fileName.replace(/\.html$/, '.pdf')),
        content: async () => {
          const { printPage } = await import('../writers/pdf/index.js');
          return printPage(page.html, latest, { resources, warn: (w) => warnings.add(`${join(dir, page.fileName.replace(/\.html$/, '.pdf'))}: warning: ${w}`) }, page.fileName);
        },
      });
    }
  }
  if (formats.includes('ics')) {
    const { writeCalendar } = await import('../writers/ics/index.js');
    for (const byLanguage of calendars.values()) {
      for (const calendar of byLanguage.values()) {
        jobs.push({ path: join(dir, calendar.fileName), content: () => writeCalendar(calendar) });
      }
    }
  }
  await removeStaleTemporaries(dir);
  const results = await Promise.allSettled(jobs.map(async (job) => ({ path: job.path, result: await writeAtomically(job.path, await job.content()) })));
  return {
    kind: 'done',
    documents: meetings.reduce((n, m) => n + m.documents.length, 0),
    languages,
    written: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    failed: results.flatMap((r, i) => (r.status === 'rejected' ? [{ path: jobs[i]!.path, error: r.reason as unknown }] : [])),
    warnings: [...warnings],
  };
}
