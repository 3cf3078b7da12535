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

/**
 * Section 4's items are rendered from the event data (front matter `events:`) with one word order
 * for all (templates/locale/en.yaml, `events.item`): three of the seed's items had their own order.
 * Seed wording → wording every output prints.
 */
export const REWORDED_ITEMS: Record<string, string> = {
  'World Smart City Forum, jointly organized with IEC and ISO, Barcelona, November 2017.':
    'World Smart City Forum; November 2017, Barcelona, jointly organized with IEC and ISO',
  'ITU Telecom 25-28 September 2017, Busan, Korea (Republic of), “Smart ABC” (Artificial intelligence, Banking, Cities)':
    'ITU Telecom; 25-28 September 2017, Busan, Korea (Republic of), “Smart ABC” (Artificial intelligence, Banking, Cities)',
  'ITU-D Forum on IoT: Smarter Living in the Caribbean, Port of Spain, Trinidad and Tobago, 24-26 April 2017.':
    'ITU-D Forum on IoT: Smarter Living in the Caribbean; 24-26 April 2017, Port of Spain, Trinidad and Tobago',
};

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
      const text = normalize(m[1]!);
      pieces.push({ kind: 'item', text: REWORDED_ITEMS[text] ?? text });
    }
    else pieces.push({ kind: 'continuation', text: normalize(line) });
  }
  return pieces;
}
