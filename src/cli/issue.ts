// `council-docs issue <sources>`: records each source as issued in the store; `council-docs issued`:
// lists what the store holds.
import { join } from 'node:path';
import { EXIT } from './help.js';
import { shownPath } from '../diagnostics/paths.js';
import { loadLocale } from '../locale/locale.js';
import { storeFor, readStore } from '../issued/store.js';

export async function issue(sources: string[], templatesDir: string, issuedDir: string | undefined): Promise<number> {
  const pipeline = await import('../pipeline.js');
  const { uniqueMessages } = await import('../diagnostics/report.js');
  const { entryOf, issueDay, writeEntries } = await import('../issued/record.js');
  const checked = await pipeline.checkSources(sources, templatesDir, [], { issuedDir, issuing: true });
  // Two sources of one number would be issued under one name: said as build says it.
  pipeline.planOutputs(checked, { outDir: '.', templatesDir, formats: [] });
  for (const line of uniqueMessages(checked.map((s) => s.file))) process.stderr.write(line + '\n');
  if (pipeline.anyErrors(checked)) {
    process.stderr.write('nothing issued\n');
    return EXIT.invalid;
  }
  const day = issueDay();
  const byStore = new Map<string, ReturnType<typeof entryOf>[]>();
  for (const source of checked) {
    const store = storeFor(source.file.path!, issuedDir);
    const entry = entryOf(source, loadLocale(templatesDir, source.document!.meta.language), templatesDir, day);
    byStore.set(store, [...(byStore.get(store) ?? []), entry]);
  }
  for (const [store, entries] of byStore) {
    await writeEntries(store, entries);
    for (const entry of entries) process.stdout.write(`issued ${entry.number} as ${shownPath(join(store, entry.name))}\n`);
  }
  return EXIT.ok;
}

/** One line per issue: number, language, the document's date, the day it was issued, the entry. */
export function listIssued(sources: string, issuedDir: string | undefined): number {
  const store = readStore(storeFor(sources.endsWith('.md') ? sources : join(sources, 'any.md'), issuedDir));
  for (const why of store.broken.values()) process.stderr.write(`council-docs: error: ${why}\n`);
  if (!store.exists || store.entries.length === 0) {
    process.stdout.write(`nothing issued yet (${shownPath(store.dir)}${store.exists ? ' is empty' : ' does not exist'})\n`);
    return store.broken.size > 0 ? EXIT.invalid : EXIT.ok;
  }
  const order = { revision: 0, addendum: 1, corrigendum: 2 };
  const entries = [...store.entries].sort(
    (a, b) =>
      a.record.document.localeCompare(b.record.document, 'en', { numeric: true }) ||
      a.record.language.localeCompare(b.record.language) ||
      (a.record.amendment ? order[a.record.amendment.kind] + 1 : 0) - (b.record.amendment ? order[b.record.amendment.kind] + 1 : 0) ||
      (a.record.amendment?.number ?? 0) - (b.record.amendment?.number ?? 0),
  );
  const rows = [
    ['number', 'language', 'date', 'issued', 'entry'],
    ...entries.map((e) => [e.record.number, e.record.language, e.record.date, e.record.issued, shownPath(e.dir)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) process.stdout.write(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ') + '\n');
  return store.broken.size > 0 ? EXIT.invalid : EXIT.ok;
}
