// A DOCX as LibreOffice reads it after accepting or rejecting every tracked change (through its UNO
// bridge, python3-uno, in tracked-changes.py): the way a delegate's word processor decides a
// revision's changes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, scratch } from './cli.js';

const READER = join(ROOT, 'test', 'helpers', 'tracked-changes.py');

export type Decision = 'as-is' | 'accept' | 'reject';

/** A paragraph's text (a list's number and what follows it first), or a table's rows of cell texts. */
export type Block = string | { table: string[][] };

export interface OfficeReading {
  path: string;
  mode: Decision;
  /** Why LibreOffice could not open the file, if it could not. */
  error?: string;
  /** How many tracked changes the file holds. */
  changes: number;
  /** How many are left after deciding them (0 once all are accepted or rejected). */
  left: number;
  body: Block[];
  notes: string[];
}

/** Opens each DOCX, decides every tracked change as its mode says, and reads it: all in one LibreOffice, which takes seconds to start. */
export function readWithOffice(readings: [path: string, mode: Decision][]): OfficeReading[] {
  // A profile of its own per run, so readings in parallel do not share one LibreOffice.
  const profile = join(scratch('council-docs-lo-'), 'profile');
  const out = execFileSync('/usr/bin/python3', [READER, profile, ...readings.map(([path, mode]) => `${mode}:${path}`)], {
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out) as OfficeReading[];
}

/** The body as lines: a paragraph's text, and a table as one line a row, its cells joined by " | ". */
export function bodyLines(reading: OfficeReading): string[] {
  return reading.body.flatMap((block) => (typeof block === 'string' ? [block] : block.table.map((row) => row.join(' | '))));
}
