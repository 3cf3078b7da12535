// Paths in messages, as the user would type them.
import { relative, resolve } from 'node:path';

/** Relative inside the working folder, absolute outside it. */
export function shownPath(path: string): string {
  const inside = relative('.', path);
  return inside.startsWith('..') ? resolve(path) : inside;
}
