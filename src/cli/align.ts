// `council-docs align <translation>`: records that a translation is up to date with its original
// as the original is now, so later changes of the original can be pointed out.
import type { CheckedSource } from '../pipeline.js';
import { formatRecord, recordOf, recordPath } from '../read/alignment-record.js';
import { writeAtomically } from '../output/atomic-write.js';

/** The records to write, or the paths that are not translations. */
export function alignmentRecords(checked: CheckedSource[]): { path: string; content: string }[] | { notTranslations: string[] } {
  const notTranslations = checked.filter((s) => !s.translation && s.document).map((s) => s.file.path!);
  if (notTranslations.length > 0) return { notTranslations };
  return checked.flatMap(({ file, document, translation }) =>
    document && translation
      ? [{ path: recordPath(file.path!), content: formatRecord(recordOf(translation.original, translation.partial ? document.sections.length : undefined), file.path!) }]
      : [],
  );
}

export async function writeRecords(records: { path: string; content: string }[]): Promise<string[]> {
  const written: string[] = [];
  for (const record of records) {
    await writeAtomically(record.path, record.content);
    written.push(record.path);
  }
  return written;
}
