// Recognises citations of ITU standards in running text. ITU identifiers mix
// sector prefixes, series letters, supplements and dual numbers in ways no
// library parses, so the grammar is written here.

export interface StandardMatch {
  /** Offset of the match in the searched text. */
  index: number;
  /** The words as written, e.g. "Report ITU-R SM.2153". */
  text: string;
  /** Canonical identifier, e.g. "ITU-T Y.Sup42", "ITU-T L.1603/Y.4903". */
  id: string;
  url: string;
}

// ITU writes its sector prefix with a hyphen or a non-breaking hyphen.
const HYPHEN = '[-\u2011]';
const SPACE = '[ \u00a0]';
// One number: series letters and a number, or a supplement of a series.
const NUMBER = String.raw`[A-Z]{1,3}\.(?:Supp?\.?${SPACE}?\d+|\d+(?:\.\d+)?)\b`;

const CITATION = new RegExp(
  String.raw`\b(?:(Recommendation|Report|Supplement)${SPACE}+)?ITU${HYPHEN}([TRD])${SPACE}+` +
    String.raw`(${NUMBER}(?:/${NUMBER})*)(?!${SPACE}+series)`,
  'g',
);

const SUPPLEMENT = new RegExp(String.raw`^([A-Z]{1,3})\.Supp?\.?${SPACE}?(\d+)$`);

/** "Y.Supp.42" and "Y.Sup 42" are the same supplement: ITU files it as "Y.Sup42". */
function canonicalNumber(number: string): string {
  const supplement = SUPPLEMENT.exec(number);
  return supplement ? `${supplement[1]}.Sup${supplement[2]}` : number;
}

export function standardUrl(sector: string, number: string, kind: 'rec' | 'report'): string {
  if (kind === 'report') return `https://www.itu.int/pub/${sector}-REP-${number}`;
  return `https://www.itu.int/rec/${sector}-REC-${number}`;
}

export function findStandards(text: string): StandardMatch[] {
  const matches: StandardMatch[] = [];
  for (const m of text.matchAll(CITATION)) {
    const [whole, word, sector, numbers] = m as unknown as [string, string | undefined, string, string];
    const parts = numbers.split('/').map(canonicalNumber);
    const kind = word === 'Report' ? 'report' : 'rec';
    matches.push({
      index: m.index,
      text: whole,
      id: `ITU-${sector} ${parts.join('/')}`,
      url: standardUrl(sector, parts[0]!, kind),
    });
  }
  return matches;
}
