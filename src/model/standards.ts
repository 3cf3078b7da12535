// The standards a document cites, as the annex lists them: identity from the
// text, title and edition from the catalogue (source/standards.yaml), status
// from the document's front matter (`standards:`).
// `draft`: a text still in preparation (e.g. "ITU-T X.1303bis" before its approval), which has no page
// at ITU: it is neither linked in the text nor in the annex.
export const STANDARD_STATUSES = ['approved', 'consented', 'determined', 'agreed', 'in-force', 'draft'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

export type StandardKind = 'recommendation' | 'supplement' | 'report';

/** One entry of source/standards.yaml. */
export interface CatalogueEntry {
  /** As ITU writes it: `ITU-T Y.4903/L.1603`, `ITU-T Y.Sup42`, `ITU-R SM.2153`, `ITU-T X.1303bis`. */
  id: string;
  /** Official title. */
  title: string;
  /** Edition in force, `YYYY-MM`, when known. */
  edition?: string;
  kind: StandardKind;
}

/** A standard the text cites: one row of the annex. */
export interface CitedStandard {
  /** The catalogue's identifier, or the canonical one of the first citation when not catalogued. */
  id: string;
  /** Official title from the catalogue; for a standard not catalogued, the title the text quotes ('' if none). */
  title: string;
  edition?: string;
  kind: StandardKind;
  /** What this document says of it; undefined when the front matter does not say. */
  status?: StandardStatus;
  /**
   * Page of the standard at ITU; undefined for a draft (status `draft`, or a name such as "Y.4805rev"
   * that ITU never publishes under): it has no page until approved, and the annex leaves its link empty.
   */
  url?: string;
  /** False when the catalogue does not know the standard (the validator warns). */
  catalogued: boolean;
}
