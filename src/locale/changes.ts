// The words of a revision's marked version about its changes: the heading, the legend and the
// list of places changed ("Changed: 1.2, 2.1 (new), 2.3 (deleted)"), from the locale's `changes:`.
import type { ChangedPlace, RevisionChanges } from '../model/document.js';
import { fill, type LocaleData } from './locale.js';

function placeName(place: ChangedPlace, locale: LocaleData): string {
  const r = locale.references;
  switch (place.kind) {
    case 'paragraph':
      return fill(r.paragraph, { number: place.number });
    case 'section':
      return fill(r.section, { number: place.number });
    case 'annex':
      return place.number === '' ? r.annex_single : fill(r.annex, { number: place.number });
    case 'note':
      return fill(r.footnote, { number: place.number });
  }
}

export interface ChangesWords {
  heading: string;
  legend: string;
  /** Undefined when nothing numbered changed (only the first page did). */
  places?: string;
  region: string;
}

export function changesWords(changes: RevisionChanges, locale: LocaleData): ChangesWords {
  const c = locale.changes;
  const names = changes.pieces.map((place) => {
    const name = placeName(place, locale);
    return place.change === 'changed' ? name : fill(place.change === 'inserted' ? c.inserted : c.deleted, { place: name });
  });
  // The language's own way of joining a list ("1.2, 1.3 and 2.1", "1.2、1.3和2.1"); a list of units
  // joins Chinese numbers with nothing between them, and English ones with spaces only.
  const list = new Intl.ListFormat(locale.intl, { type: 'conjunction', style: 'long' }).format(names);
  return {
    heading: fill(c.heading, { base: changes.base }),
    legend: fill(c.legend, { base: changes.base }),
    ...(names.length > 0 ? { places: fill(c.places, { list }) } : {}),
    region: c.region,
  };
}
