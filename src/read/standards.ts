// Recognises citations of ITU standards in running text. ITU identifiers mix
// sector prefixes, series letters, supplements and dual numbers in ways no
// library parses, so the grammar is written here.
import type { StandardKind } from '../model/standards.js';
import { visibleText, withoutInvisible } from '../model/characters.js';

export interface StandardMatch {
  /** Offset of the match in the searched text. */
  index: number;
  /** The words as written, e.g. "Report ITU-R SM.2153", "Supplement 42 to ITU-T Y-series". */
  text: string;
  /** Canonical identifier, e.g. "ITU-T Y.Sup42", "ITU-T L.1603/Y.4903", "ITU-T X.1303bis". */
  id: string;
  /** What the words make it: "Report" before it a report, a supplement number a supplement. The catalogue overrides. */
  kind: StandardKind;
  /** Its page at ITU as the words alone tell it; undefined for a revision in preparation ("Y.4805rev"). */
  url?: string;
  /** The quoted title after the identifier, if the text gives one. */
  quotedTitle?: string;
}

// ITU writes its sector prefix with a hyphen or a non-breaking hyphen.
const HYPHEN = '[-\u2011]';
const SPACE = '[ \u00a0]';
// ITU is UIT in French and Spanish and МСЭ in Russian, whose documents write the sector letter in
// Cyrillic (МСЭ-Т) or Latin (МСЭ-R): a translation cites the same standards in its own letters.
// `\b` knows only ASCII letters, so МСЭ gets a Cyrillic look-behind of its own.
const ITU = String.raw`(?:\bITU|\bUIT|(?<![\u0400-\u04ff])МСЭ)`;
const SECTOR = '([TRDТ])';
const LATIN_SECTOR: Record<string, StandardId['sector']> = { T: 'T', R: 'R', D: 'D', Т: 'T' };
// ITU-T names a new text next to an existing number with a suffix: "X.1303bis", "V.42bis" and
// "V.27ter" are Recommendations of their own, with their own pages once approved (a document says
// `draft` of one that is not yet); "Y.4805rev" is the working name of a revision of Y.4805 in
// preparation, never published under that name, so it has no page whatever its status.
const SUFFIX = '(?:bis|ter|rev)';
const IN_PREPARATION = /rev$/;
// One number: series letters and a number (with its suffix), or a supplement of a series, written
// "Y.Sup42", "Y.Supp.42", "Y.Sup 42" or, as ITU's own lists do, "Y Suppl. 42".
const NUMBER = String.raw`[A-Z]{1,3}(?:\.Supp?\.?${SPACE}?\d+|${SPACE}Suppl\.${SPACE}?\d+|\.\d+(?:\.\d+)?${SUFFIX}?)\b`;

// A series is not a standard: "ITU-T Y.4100 series", "ITU-T E.100-series". Neither is "a Supplement
// to ITU-T E.100-series" without a number: no identifier can be derived from it, and taking it for
// E.100 (the Recommendation) would list and link a different text. It stays words, neither linked
// nor in the annex; an author who means one supplement gives its number (below).
const CITATION = new RegExp(
  String.raw`(?:\b(Recommendation|Report|Supplement)${SPACE}+)?${ITU}${HYPHEN}${SECTOR}${SPACE}+` +
    String.raw`(${NUMBER}(?:/${NUMBER})*)(?!(?:${SPACE}+|${HYPHEN})series)`,
  'g',
);

// A series named by its letters, or by its first number: "ITU-T Y-series", "ITU-T Y.4100 series".
const SERIES = String.raw`ITU${HYPHEN}([TRD])${SPACE}+([A-Z]{1,3})(?:\.\d+)?(?:${SPACE}+|${HYPHEN})series`;
// "Supplement 42 to ITU-T Y-series (Recommendations)": supplements are numbered within the series
// letter, so this is ITU-T Y.Sup42 whatever first number the series is named by.
const SERIES_SUPPLEMENT = new RegExp(
  String.raw`\bSupplement${SPACE}+(\d+)${SPACE}+to${SPACE}+(?:the${SPACE}+)?${SERIES}(?:${SPACE}+Recommendations)?\b`,
  'g',
);

const SUPPLEMENT = new RegExp(String.raw`^([A-Z]{1,3})(?:\.Supp?\.?|${SPACE}Suppl\.)${SPACE}?(\d+)$`);

/** "Y.Supp.42" and "Y Suppl. 42" are the same supplement: ITU files it as "Y.Sup42". */
function canonicalNumber(number: string): string {
  const supplement = SUPPLEMENT.exec(number);
  return supplement ? `${supplement[1]}.Sup${supplement[2]}` : number;
}

function standardUrl(sector: string, number: string, kind: StandardKind): string {
  if (kind === 'report') return `https://www.itu.int/pub/${sector}-REP-${number}`;
  return `https://www.itu.int/rec/${sector}-REC-${number}`;
}

/** The kind an identifier has by itself: a supplement number is a supplement, the rest Recommendations. */
export function kindOfId(id: StandardId): StandardKind {
  return id.numbers[0]!.includes('.Sup') ? 'supplement' : 'recommendation';
}

/** True when any of its numbers names a revision in preparation ("Y.4805rev"). */
export function inPreparation(id: StandardId): boolean {
  return id.numbers.some((n) => IN_PREPARATION.test(n));
}

/**
 * The standard's page at ITU, or undefined when it has none: a draft (the document says so, or its
 * name is a revision in preparation) has no page until it is approved. Linking the series' page
 * instead would send the reader to a list that does not hold it; no link is better than that.
 */
export function standardPage(id: StandardId, kind: StandardKind, draft = false): string | undefined {
  if (draft || inPreparation(id)) return undefined;
  return standardUrl(id.sector, id.numbers[0]!, kind);
}

/**
 * Citations in running text. An invisible character pasted inside one ("Y.41\u200b13") is seen
 * through, as a reader sees it: the citation is read whole, and keeps its words as written.
 */
export function findStandards(written: string): StandardMatch[] {
  const { text, original } = visibleText(written);
  const matches: StandardMatch[] = [];
  const add = (index: number, whole: string, parsed: StandardId, kind: StandardKind) => {
    const quotedTitle = quotedTitleAfter(text, index + whole.length);
    const url = standardPage(parsed, kind);
    const start = original(index);
    matches.push({
      index: start,
      text: written.slice(start, original(index + whole.length - 1) + 1),
      id: `ITU-${parsed.sector} ${parsed.numbers.join('/')}`,
      kind,
      ...(url === undefined ? {} : { url }),
      ...(quotedTitle === undefined ? {} : { quotedTitle }),
    });
  };
  for (const m of text.matchAll(CITATION)) {
    const [whole, word, letter, numbers] = m as unknown as [string, string | undefined, string, string];
    const parsed: StandardId = { sector: LATIN_SECTOR[letter]!, numbers: numbers.split('/').map(canonicalNumber) };
    add(m.index, whole, parsed, word === 'Report' ? 'report' : kindOfId(parsed));
  }
  for (const m of text.matchAll(SERIES_SUPPLEMENT)) {
    const [whole, number, sector, series] = m as unknown as [string, string, StandardId['sector'], string];
    add(m.index, whole, { sector, numbers: [`${series}.Sup${number}`] }, 'supplement');
  }
  // In the text's order; the two forms cannot overlap (a series is not a citation), and were they
  // to, the first would win.
  const kept: StandardMatch[] = [];
  for (const m of matches.sort((a, b) => a.index - b.index)) {
    const last = kept.at(-1);
    if (!last || m.index >= last.index + last.text.length) kept.push(m);
  }
  return kept;
}

// The title a citation quotes: “...” right after the identifier, or after "to ITU-T Y.4000 series"
// for a supplement. A title whose closing quote is missing ends where the next citation starts.
const SERIES_AFTER = String.raw`(?:${SPACE}+to${SPACE}+(?:the${SPACE}+)?ITU${HYPHEN}[TRD]${SPACE}+[A-Z]{1,3}(?:\.\d+)?(?:${SPACE}+|${HYPHEN})series(?:${SPACE}+Recommendations)?)?`;
const CLOSED_TITLE = new RegExp(String.raw`${SERIES_AFTER}${SPACE}*“([^“”]*)”`, 'y');
const OPEN_TITLE = new RegExp(
  String.raw`${SERIES_AFTER}${SPACE}*“([^“”]*?)[;,.]?${SPACE}*(?=(?:(?:Recommendation|Report|Supplement)${SPACE}+)?ITU${HYPHEN}|Supplement${SPACE}+\d+${SPACE}+to${SPACE}|$)`,
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
  const m = WHOLE_ID.exec(withoutInvisible(id).trim());
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
    String.raw`(?:([A-Z]{1,3})(\d{3,5}${SUFFIX}?)|(\d+(?:\.\d+)?${SUFFIX}?))\b(?![-\u2011./]\d)`,
  'g',
);

/** Citations that miss part of their identifier, for the validator to point at. */
export function findMalformedStandards(written: string): MalformedMatch[] {
  const { text, original } = visibleText(written);
  const found: MalformedMatch[] = [];
  for (const m of text.matchAll(MALFORMED)) {
    const [whole, sector, series, seriesNumber, bare] = m as unknown as [string, string, string?, string?, string?];
    const start = original(m.index);
    found.push({
      index: start,
      text: written.slice(start, original(m.index + whole.length - 1) + 1),
      sector: sector as StandardId['sector'],
      number: (seriesNumber ?? bare)!,
      ...(series ? { series } : {}),
    });
  }
  return found;
}
