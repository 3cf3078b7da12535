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
  /** The quoted title after the identifier, if the text gives one. */
  quotedTitle?: string;
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
    const quotedTitle = quotedTitleAfter(text, m.index + whole.length);
    matches.push({
      index: m.index,
      text: whole,
      id: `ITU-${sector} ${parts.join('/')}`,
      url: standardUrl(sector, parts[0]!, kind),
      ...(quotedTitle === undefined ? {} : { quotedTitle }),
    });
  }
  return matches;
}

// The title a citation quotes: “...” right after the identifier, or after "to ITU-T Y.4000 series"
// for a supplement. A title whose closing quote is missing ends where the next citation starts.
const SERIES_AFTER = String.raw`(?:${SPACE}+to${SPACE}+ITU${HYPHEN}[TRD]${SPACE}+[A-Z]{1,3}\.\d+${SPACE}+series)?`;
const CLOSED_TITLE = new RegExp(String.raw`${SERIES_AFTER}${SPACE}*“([^“”]*)”`, 'y');
const OPEN_TITLE = new RegExp(
  String.raw`${SERIES_AFTER}${SPACE}*“([^“”]*?)[;,.]?${SPACE}*(?=(?:(?:Recommendation|Report|Supplement)${SPACE}+)?ITU${HYPHEN}|$)`,
  'y',
);

/** The quoted title following a citation that ends at `end` in `text`, if any. */
export function quotedTitleAfter(text: string, end: number): string | undefined {
  for (const pattern of [CLOSED_TITLE, OPEN_TITLE]) {
    pattern.lastIndex = end;
    const m = pattern.exec(text);
    if (m && m[1]!.trim() !== '') return m[1]!.trim();
  }
  return undefined;
}

/** A parsed identifier: its sector and its numbers, supplements written the ITU way ("Y.Sup42"). */
export interface StandardId {
  sector: 'T' | 'R' | 'D';
  numbers: string[];
}

const WHOLE_ID = new RegExp(String.raw`^ITU${HYPHEN}([TRD])${SPACE}+(${NUMBER}(?:/${NUMBER})*)$`);

export function parseStandardId(id: string): StandardId | undefined {
  const m = WHOLE_ID.exec(id.trim());
  if (!m) return undefined;
  return { sector: m[1] as StandardId['sector'], numbers: m[2]!.split('/').map(canonicalNumber) };
}

/**
 * What makes two identifiers the same standard: a dual number is one standard in either order
 * (L.1603/Y.4903 is Y.4903/L.1603), and "Y.Supp.42" is "Y.Sup42".
 */
export function standardKey(id: string): string | undefined {
  const parsed = parseStandardId(id);
  return parsed && `ITU-${parsed.sector} ${[...parsed.numbers].sort().join('/')}`;
}

export interface MalformedMatch {
  index: number;
  /** The words as written: "ITU-T 4805". */
  text: string;
  sector: StandardId['sector'];
  /** The number as written, without its series: "4805". */
  number: string;
  /** The series letters when the text has them but not the dot ("Y4113"). */
  series?: string;
}

// A number without its series letter ("ITU-T 4805"), or letters and number without the dot
// ("ITU-T Y4113"). Resolutions and Questions are numbered that way on purpose.
const MALFORMED = new RegExp(
  String.raw`(?<!(?:Resolution|Question|Opinion|Decision)${SPACE}+)\bITU${HYPHEN}([TRD])${SPACE}+` +
    String.raw`(?:([A-Z]{1,3})(\d{3,5})|(\d+(?:\.\d+)?))\b(?![-\u2011./]\d)`,
  'g',
);

/** Citations that miss part of their identifier, for the validator to point at. */
export function findMalformedStandards(text: string): MalformedMatch[] {
  const found: MalformedMatch[] = [];
  for (const m of text.matchAll(MALFORMED)) {
    const [whole, sector, series, seriesNumber, bare] = m as unknown as [string, string, string?, string?, string?];
    found.push({
      index: m.index,
      text: whole,
      sector: sector as StandardId['sector'],
      number: (seriesNumber ?? bare)!,
      ...(series ? { series } : {}),
    });
  }
  return found;
}
