// Which pieces of the original changed since its translation was last aligned with it (see
// read/alignment-record.ts): each is said at the translation's counterpart, as a warning, since the
// translation is still the last good one until the change is translated.
import { basename } from 'node:path';
import type { VFile } from 'vfile';
import type { CouncilDocument } from '../model/document.js';
import { warn } from '../diagnostics/report.js';
import { changedSince, frontMatterWords, readRecord, recordOf, recordPath } from '../read/alignment-record.js';
import type { Unit } from './units.js';

export function checkUpToDate(translation: CouncilDocument, original: CouncilDocument, partial: boolean, pairs: Unit[][], file: VFile): void {
  const name = basename(original.path);
  const again = `translate the change, then run "council-docs align ${file.path}"`;
  const record = readRecord(file.path!);
  if (typeof record === 'string') {
    warn(file, record, translation.meta.position, 'translation-record');
    return;
  }
  if (record === undefined) {
    warn(
      file,
      `nothing records which text of ${name} this translation follows, so a later change of it cannot be pointed out: once the translation is up to date, run "council-docs align ${file.path}" (it writes ${basename(recordPath(file.path!))})`,
      { line: 1, column: 1 },
      'translation-unaligned',
    );
    return;
  }
  const changed = changedSince(record, recordOf(original, partial ? translation.sections.length : undefined));
  for (const key of frontMatterWords(original).keys()) {
    if (changed.has(key)) warn(file, `the original's "${key}" changed since this translation was aligned with it: ${again}`, translation.meta.places[key] ?? translation.meta.position, 'translation-outdated');
  }
  for (const [o, t] of pairs) {
    if (changed.has(o!.key)) {
      warn(file, `the original's ${o!.name} (${name}${o!.position ? `:${o!.position.start.line}` : ''}) changed since this translation was aligned with it: ${again}`, t!.position, 'translation-outdated');
    }
  }
}
