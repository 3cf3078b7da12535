// Front matter as writers see it: checked, defaults applied, prose already inline content.
import type { Inline, Located, Position } from './document.js';
import type { Language } from './meta-schema.js';

export type { Language };

/** A calendar day as written in the source, YYYY-MM-DD, known to be a real day. */
export type IsoDate = string;

export interface Meeting {
  name: string;
  place: string;
  start: IsoDate;
  end: IsoDate;
}

/** A revision, addendum or corrigendum of a document: C17/23(Rev.1), (Add.1), (Corr.1). */
export interface Amendment {
  kind: 'revision' | 'addendum' | 'corrigendum';
  number: number;
}

/** The plenary meeting a summary record records. */
export interface RecordedMeeting {
  /** 8 for the eighth plenary meeting. */
  plenary: number;
  date: IsoDate;
  /** "10:10" */
  start: string;
  end: string;
  chairman: string;
}

export interface Meta extends Located {
  /** Where each front matter value stands, by key path ("meeting.end", "references[0]"). */
  places: Record<string, Position>;
  /** "C17/23" */
  document: string;
  date: IsoDate;
  language: Language;
  /** 'summary-record' for the record of a plenary meeting: no from-line, title or summary box. */
  kind: 'document' | 'summary-record';
  /** The author's title; '' for a summary record, whose heading is made from `record`. */
  title: string;
  meeting: Meeting;
  agendaItem?: string;
  original: Language;
  untranslated: boolean;
  /** Undefined for a summary record. */
  from?: 'report' | 'note' | 'contribution';
  /** Who a contribution is by, as printed. */
  contributors: string[];
  /** Empty for a summary record. */
  summary: Inline[];
  actionRequired: Inline[];
  references: Inline[][];
  amendment?: Amendment;
  /** Who a revision's changes are by, when the front matter names them (`changes_author`); else the locale's words. */
  changesAuthor?: string;
  record?: RecordedMeeting;
}
