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

export interface Meta extends Located {
  /** Where each front matter value stands, by key path ("meeting.end", "references[0]"). */
  places: Record<string, Position>;
  /** "C17/23" */
  document: string;
  date: IsoDate;
  language: Language;
  title: string;
  meeting: Meeting;
  agendaItem?: string;
  original: Language;
  untranslated: boolean;
  from: 'report' | 'note';
  summary: Inline[];
  actionRequired: Inline[];
  references: Inline[][];
  revision?: number;
}
