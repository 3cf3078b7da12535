// Straight quotes typed on a keyboard become the curly quotes Council documents
// print (as in “Requirements of the network ...”); curly quotes pasted from
// Word pass unchanged. Opening vs closing is decided by the character before.
const OPENS_AFTER = /[\s([{\u2014\u2013-]/;

export function smartQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '"' && ch !== "'") {
      out += ch;
      continue;
    }
    const before = i === 0 ? ' ' : text[i - 1]!;
    const opening = OPENS_AFTER.test(before);
    if (ch === '"') out += opening ? '\u201c' : '\u201d';
    else out += opening ? '\u2018' : '\u2019';
  }
  return out;
}
