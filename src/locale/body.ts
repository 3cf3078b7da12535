// The words the tool adds inside the body (captions, annex labels, the words of
// a reference), from locale data. A caption holds the author's words with their
// markup, so it is given as the text before and after them, for each writer to
// put its own rendering of the author's words between.
import type { Annex, Target } from '../model/document.js';
import { fill, type LocaleData } from './locale.js';
import { plainWords } from '../model/plain-text.js';

/** Locale text around a slot for the author's words: "Table 1 – " and "". */
export interface Around {
  before: string;
  after: string;
}

const SLOT = '\u0000';

function around(phrase: string, values: Record<string, unknown>, slot: string): Around {
  const [before, after = ''] = fill(phrase, { ...values, [slot]: SLOT }).split(SLOT) as [string, string?];
  return { before, after };
}

export function tableCaption(number: number, locale: LocaleData): Around {
  return around(locale.body.table_caption, { number }, 'title');
}

/** "Figure 1 – " around the caption, or the whole "Figure 1" of a figure without one. */
export function figureCaption(number: number, hasCaption: boolean, locale: LocaleData): Around {
  return hasCaption ? around(locale.body.figure_caption, { number }, 'caption') : { before: fill(locale.body.figure_label, { number }), after: '' };
}

/** "ANNEX 2", or "ANNEX" for the one annex of a document. */
export function annexLabel(number: string, locale: LocaleData): string {
  return number === '' ? locale.body.annex_label_single : fill(locale.body.annex_label, { number });
}

/** The label of the standards annex, which comes after the author's annexes. */
export function standardsAnnexLabel(authorAnnexes: readonly Annex[], locale: LocaleData): string {
  return authorAnnexes.length === 0 ? locale.annex.label : annexLabel(String(authorAnnexes.length + 1), locale);
}

/** What `[](#label)` prints: "2.3.1", "Table 1", "Annex 2", "note 3". */
export function referenceText(target: Target, locale: LocaleData): string {
  const r = locale.references;
  const { number } = target;
  switch (target.kind) {
    case 'paragraph':
      if (target.annex === undefined) return fill(r.paragraph, { number });
      return target.annex === '' ? fill(r.annex_paragraph_single, { number }) : fill(r.annex_paragraph, { number, annex: target.annex });
    case 'section':
      return fill(r.section, { number });
    case 'heading':
      return fill(r.heading, { words: plainWords(target.words ?? []) });
    case 'table':
      return fill(r.table, { number });
    case 'figure':
      return fill(r.figure, { number });
    case 'annex':
      return number === '' ? r.annex_single : fill(r.annex, { number });
    case 'footnote':
      return fill(r.footnote, { number });
  }
}

/** The notes' heading and each note's way back, for the HTML. */
export function noteBack(number: number, locale: LocaleData): string {
  return fill(locale.body.note_back, { number });
}
