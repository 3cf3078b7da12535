// The seed text of C17/23-E (a copy of the extraction the source was written
// from) as the list of what a reader must find in every output, in order.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SeedPiece {
  kind: 'heading' | 'paragraph' | 'continuation' | 'item';
  /** "1" for a heading, "1.3" for a numbered paragraph. */
  number?: string;
  text: string;
}

const SEED = fileURLToPath(new URL('../fixtures/C17-23-seed.txt', import.meta.url));

export function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function seedPieces(): SeedPiece[] {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^_+$/.test(l.trim())) + 1;
  const pieces: SeedPiece[] = [];
  for (const raw of lines.slice(start)) {
    const line = raw.replace(/\[bookmark: [^\]]*\]/g, '').trim();
    if (line === '' || /^_+$/.test(line)) continue;
    let m: RegExpExecArray | null;
    if ((m = /^(\d+)\.\s+(.*)$/.exec(line))) pieces.push({ kind: 'heading', number: m[1], text: normalize(m[2]!) });
    else if ((m = /^(\d+\.\d+)\s+(.*)$/.exec(line))) pieces.push({ kind: 'paragraph', number: m[1], text: normalize(m[2]!) });
    else if ((m = /^·\s*(.*)$/.exec(line))) {
      pieces.push({ kind: 'item', text: normalize(m[1]!) });
    }
    else pieces.push({ kind: 'continuation', text: normalize(line) });
  }
  return pieces;
}

/**
 * The seed as the outputs print it: a no-break hyphen (U+2011, "ITU‑R") as a plain hyphen kept
 * on its line (Word's own no-break hyphen in the DOCX), since Carlito has no U+2011.
 */
export function printedSeedPieces(): SeedPiece[] {
  return seedPieces().map((piece) => ({ ...piece, text: piece.text.replace(/\u2011/g, '-') }));
}
