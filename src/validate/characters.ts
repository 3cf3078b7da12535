// Invisible characters and direction controls are printed as the author wrote
// them, but said where they stand: pasted from a web page or an editor, they
// make words that look alike differ, and a direction control can show words in
// another order than they are stored. Identifiers are read through them (see
// model/characters.ts). Right-to-left writing needs its marks, embeddings,
// isolates and joiners: in such a document only overrides are said, which no
// text needs and which is how words are disguised.
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { warn } from '../diagnostics/report.js';
import { JOINERS, OVERRIDES, describeCharacter, invisibleCharacters, isBidiControl } from '../model/characters.js';

const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** A joiner between pictographs makes one emoji of them (a family, a flag). */
function inEmoji(text: string, index: number): boolean {
  return PICTOGRAPH.test(text.slice(Math.max(0, index - 2), index)) && PICTOGRAPH.test(text.slice(index + 1, index + 3));
}

function reason(c: string): string {
  return isBidiControl(c)
    ? `${describeCharacter(c)}, a direction control, stands here: it can show the words around it in another order than they are written; delete it unless it is meant`
    : `${describeCharacter(c)}, an invisible character, stands here: it is printed in every output and splits a word for a search; delete it unless it is meant`;
}

/** One warning a line, at its first invisible character that needs saying. */
export function warnInvisibleCharacters(file: VFile, rightToLeft: boolean): void {
  const text = typeof file.value === 'string' ? file.value : '';
  const said = (c: string, index: number) => {
    if (JOINERS.has(c) && inEmoji(text, index)) return false;
    if (!rightToLeft) return true;
    return OVERRIDES.has(c) || !(isBidiControl(c) || JOINERS.has(c));
  };
  const byLine = new Map<number, { index: number; character: string; count: number }>();
  for (const { index, character } of invisibleCharacters(text)) {
    if (!said(character, index)) continue;
    const line = text.lastIndexOf('\n', index - 1);
    const seen = byLine.get(line);
    if (seen) seen.count++;
    else byLine.set(line, { index, character, count: 1 });
  }
  if (byLine.size === 0) return;
  const points = location(text);
  for (const { index, character, count } of byLine.values()) {
    const more = count > 1 ? ` (and ${count - 1} more on this line)` : '';
    warn(file, reason(character) + more, points.toPoint(index), 'invisible-character');
  }
}
