// Messages are collected on the source's VFile (as unified does) and printed
// the way compilers print them, so editors and terminals can jump to the place.
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import { printable } from '../model/characters.js';

export const SOURCE = 'council-docs';

export type Place = Point | Position | undefined;

export function error(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = true;
}

export function warn(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = false;
}

/** An error found in another file the source depends on (the standards catalogue), at its place there. */
export function errorIn(file: VFile, path: string, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = true;
  message.file = path;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}

/**
 * `source/C17-23.md:12:3: error: reason [rule-id]`, sorted by place, errors and warnings alike.
 * Reasons quote the source, and file names are anyone's: both are printed without their control characters.
 */
export function formatMessages(file: VFile): string[] {
  const sorted = [...file.messages].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return sorted.map((m) => {
    const severity = m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info';
    const where = `${m.file || file.path}:${m.line ?? 1}:${m.column ?? 1}`;
    return printable(`${where}: ${severity}: ${m.reason}${m.ruleId ? ` [${m.ruleId}]` : ''}`);
  });
}

/** The messages of many sources, each line once: a catalogue shared by a folder's sources reports its problems on each. */
export function uniqueMessages(files: VFile[]): string[] {
  return [...new Set(files.flatMap(formatMessages))];
}
