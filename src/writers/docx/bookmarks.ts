// Word's bookmark names: a letter first, then letters, digits and underscores,
// at most 40 characters; a name starting with "_" is hidden from the user.
// The model's anchors ("para-2.3.1", "annex-1-para-3", "table-1", "fn-2") are
// made by numbering from words, digits, "-" and "." in fixed places, so
// putting "_" for both keeps them apart; a name too long for Word keeps its
// start and ends with a hash of the whole anchor, so it stays unique and the
// same from build to build.
import { createHash } from 'node:crypto';

const MAX = 40;

export function bookmarkName(anchor: string): string {
  let name = anchor.replace(/[^A-Za-z0-9]/g, '_');
  if (!/^[A-Za-z]/.test(name)) name = `b${name}`;
  if (name.length <= MAX) return name;
  const hash = createHash('sha1').update(anchor).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX - hash.length - 1)}_${hash}`;
}
