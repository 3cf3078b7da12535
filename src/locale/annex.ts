// The standards annex as plain text rows (identifier, title, status, link),
// with every label from locale data, for any writer to lay out and escape.
import type { CitedStandard } from '../model/standards.js';
import type { Annex } from '../model/document.js';
import type { LocaleData } from './locale.js';
import { standardsAnnexLabel } from './body.js';

export interface AnnexRow {
  id: string;
  title: string;
  edition: string;
  /** The status in words ("Approved"), '' when the document gives none. */
  status: string;
  /** The standard's page at ITU; undefined for a draft, which has none: the link cell stays empty. */
  url?: string;
  /** The address as printed: without "https://"; '' when there is no page. */
  urlText: string;
}

export interface AnnexView {
  label: string;
  title: string;
  columns: LocaleData['annex']['columns'];
  rows: AnnexRow[];
}

/**
 * The annex, or undefined when the document cites no standard (then it has no annex). It comes
 * after the author's own annexes, and is numbered after them.
 */
export function annexView(standards: readonly CitedStandard[], locale: LocaleData, authorAnnexes: readonly Annex[] = []): AnnexView | undefined {
  if (standards.length === 0) return undefined;
  const words = locale.annex;
  return {
    label: standardsAnnexLabel(authorAnnexes, locale),
    title: words.title,
    columns: words.columns,
    rows: standards.map((s) => ({
      id: s.id,
      title: s.title,
      edition: s.edition ?? '',
      status: s.status ? words.status[s.status] : '',
      ...(s.url === undefined ? {} : { url: s.url }),
      urlText: s.url?.replace(/^https?:\/\//, '') ?? '',
    })),
  };
}
