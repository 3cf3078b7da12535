// The standards annex as plain text rows (identifier, title, status, link),
// with every label from locale data, for any writer to lay out and escape.
import type { CitedStandard } from '../model/standards.js';
import type { LocaleData } from './locale.js';

export interface AnnexRow {
  id: string;
  title: string;
  edition: string;
  /** The status in words ("Approved"), '' when the document gives none. */
  status: string;
  url: string;
  /** The address as printed: without "https://". */
  urlText: string;
}

export interface AnnexView {
  label: string;
  title: string;
  columns: LocaleData['annex']['columns'];
  rows: AnnexRow[];
}

/** The annex, or undefined when the document cites no standard (then it has no annex). */
export function annexView(standards: readonly CitedStandard[], locale: LocaleData): AnnexView | undefined {
  if (standards.length === 0) return undefined;
  const words = locale.annex;
  return {
    label: words.label,
    title: words.title,
    columns: words.columns,
    rows: standards.map((s) => ({
      id: s.id,
      title: s.title,
      edition: s.edition ?? '',
      status: s.status ? words.status[s.status] : '',
      url: s.url,
      urlText: s.url.replace(/^https?:\/\//, ''),
    })),
  };
}
