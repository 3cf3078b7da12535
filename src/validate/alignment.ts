// A translation holds the same pieces as its original, in the same order, each citing the same
// events, standards, notes and labels. Its words differ, so pieces are paired by what does not:
// kind and depth first, then citations, then the numbers in the text and relative length, which
// tell apart a run of look-alike paragraphs; a piece left unpaired is missing or extra.
import { basename } from 'node:path';
import type { VFile } from 'vfile';
import type { CouncilDocument } from '../model/document.js';
import { error } from '../diagnostics/report.js';
import { citationDifferences, units, type Unit } from './units.js';

/** Past this many, one more message says how many were left out: a translation of another document would say hundreds. */
const MAX_MESSAGES = 12;

const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/g;

function numbersOf(words: string): Set<string> {
  const ascii = words.replace(ARABIC_INDIC, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90 % 10));
  return new Set(ascii.match(/\d{2,}/g) ?? []);
}

interface Paired {
  original?: Unit;
  translation?: Unit;
}

/** Pairs the pieces the way that keeps the most alike in order (a sequence alignment over both lists). */
export function pairUnits(original: Unit[], translation: Unit[]): Paired[] {
  const scale = Math.max(1, translation.reduce((n, u) => n + u.words.length, 0)) / Math.max(1, original.reduce((n, u) => n + u.words.length, 0));
  const numbers = new Map<Unit, Set<string>>([...original, ...translation].map((u) => [u, numbersOf(u.words)]));
  const score = (a: Unit, b: Unit): number => {
    if (a.kind !== b.kind) return -1;
    const sameCites = citationDifferences(a, b).length === 0;
    const length = Math.min(a.words.length * scale, b.words.length) / Math.max(1, a.words.length * scale, b.words.length);
    const na = numbers.get(a)!;
    const nb = numbers.get(b)!;
    const shared = [...na].filter((n) => nb.has(n)).length;
    const digits = na.size + nb.size === 0 ? 0.5 : (2 * shared) / (na.size + nb.size);
    return (sameCites ? 4 : 1) + length + digits;
  };
  const n = original.length;
  const m = translation.length;
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(original[i]!, translation[j]!);
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s < 0 ? -Infinity : s + best[i + 1]![j + 1]!);
    }
  }
  const pairs: Paired[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = score(original[i]!, translation[j]!);
      if (s >= 0 && best[i]![j] === s + best[i + 1]![j + 1]!) {
        pairs.push({ original: original[i++]!, translation: translation[j++]! });
        continue;
      }
    }
    if (i < n && (j === m || best[i]![j] === best[i + 1]![j])) pairs.push({ original: original[i++]! });
    else pairs.push({ translation: translation[j++]! });
  }
  return pairs;
}

function line(u: Unit): string {
  return u.position ? `:${u.position.start.line}` : '';
}

/** Reports every piece of the translation that does not answer to its original's, at the translation's place. */
export function checkAlignment(translation: CouncilDocument, original: CouncilDocument, partial: boolean, file: VFile): Unit[][] {
  const name = basename(original.path);
  if (partial && translation.sections.length > original.sections.length) {
    error(file, `this translation has ${translation.sections.length} sections, its original (${name}) ${original.sections.length}`, translation.sections[original.sections.length]!.position, 'translation-alignment');
    return [];
  }
  const theirs = units(original, partial ? translation.sections.length : undefined);
  const ours = units(translation, partial ? translation.sections.length : undefined);
  const pairs = pairUnits(theirs, ours);
  const messages: [string, Unit['position']][] = [];
  pairs.forEach((pair, k) => {
    const { original: o, translation: t } = pair;
    if (o && t) {
      const differences = citationDifferences(o, t);
      if (differences.length > 0) messages.push([`this should be the original's ${o.name} (${name}${line(o)}), but ${differences.join('; ')}`, t.position]);
    } else if (o) {
      // Said where its translation should stand: before the next piece that has a counterpart.
      const next = pairs.slice(k + 1).find((p) => p.translation)?.translation;
      const before = pairs.slice(0, k).reverse().find((p) => p.translation)?.translation;
      const at = next?.position ?? (before?.position ? { start: before.position.end, end: before.position.end } : translation.meta.position);
      messages.push([`the original's ${o.name} (${name}${line(o)}) is missing from this translation: translate it ${next ? 'before this' : 'here'}`, at]);
    } else if (t) {
      messages.push([`this ${t.kind.split(' ')[0]} has no counterpart in the original (${name}): the translation holds the original's pieces, no more`, t.position]);
    }
  });
  for (const [reason, place] of messages.slice(0, MAX_MESSAGES)) error(file, reason, place, 'translation-alignment');
  if (messages.length > MAX_MESSAGES) {
    error(file, `${messages.length - MAX_MESSAGES} more pieces of this translation do not answer to the original (${name})`, translation.meta.position, 'translation-alignment');
  }
  return pairs.filter((p) => p.original && p.translation).map((p) => [p.original!, p.translation!]);
}
