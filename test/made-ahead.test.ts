// The watch prints a saved source's PDF as soon as it is read, while the rest
// of its check runs (src/writers/made-ahead.ts); the rebuild takes the print.
import { describe, expect, it } from 'vitest';
import { MadeAhead } from '../src/writers/made-ahead.js';

describe('what is made ahead', () => {
  const made = (text: string) => () => Promise.resolve(text);

  it('is taken by the document it was made of, not by another that claims its file', async () => {
    const ahead = new MadeAhead();
    const first = {};
    const second = {};
    ahead.start('out/C17-24-E.pdf', second, made('second'));
    expect(ahead.take('out/C17-24-E.pdf', first)).toBeUndefined();
    expect(await ahead.take('out/C17-24-E.pdf', second)?.output).toBe('second');
  });

  it('is left to the rebuild once the check is over, unless it was started', () => {
    const ahead = new MadeAhead();
    const never = () => new Promise<string>(() => undefined);
    const documents = [{}, {}, {}];
    documents.forEach((d, i) => ahead.start(`out/${i}.pdf`, d, never));
    ahead.stop();
    // Two are made at once: the third was waiting, and the rebuild makes it itself.
    expect(ahead.take('out/0.pdf', documents[0]!)).toBeDefined();
    expect(ahead.take('out/1.pdf', documents[1]!)).toBeDefined();
    expect(ahead.take('out/2.pdf', documents[2]!)).toBeUndefined();
    // Nor is anything started after it.
    const late = {};
    ahead.start('out/3.pdf', late, made('late'));
    expect(ahead.take('out/3.pdf', late)).toBeUndefined();
  });

  it('keeps the warnings of what it made for the rebuild to say', async () => {
    const ahead = new MadeAhead();
    const document = {};
    ahead.start('out/x.pdf', document, async (warn) => {
      warn('printed without https://example.org/font.css');
      return 'pdf';
    });
    const taken = ahead.take('out/x.pdf', document)!;
    expect(await taken.output).toBe('pdf');
    expect(taken.warnings).toEqual(['printed without https://example.org/font.css']);
  });
});
