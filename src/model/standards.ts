// The standards a document cites, as the annex lists them: identity from the
// text, title and edition from the catalogue (source/standards.yaml), status
// from the document's front matter (`standards:`).
export const STANDARD_STATUSES = ['approved', 'consented', 'determined', 'agreed', 'in-force'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

export type StandardKind = 'recommendation' | 'supplement' | 'report';

/** One entry of source/standards.yaml. */
export interface CatalogueEntry {
  /** As ITU writes it: `ITU-T Y.4903/L.1603`, `ITU-T Y.Sup42`, `ITU-R SM.2153`. */
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
  /** Page of the standard at ITU. */
  url: string;
  /** False when the catalogue does not know the standard (the validator warns). */
  catalogued: boolean;
}
