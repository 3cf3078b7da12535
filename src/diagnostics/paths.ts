// Paths in messages, as the user would type them.
import { relative, resolve } from 'node:path';
import { printable } from '../model/characters.js';

/** Relative inside the working folder, absolute outside it; a control character in a name is not sent to the terminal. */
export function shownPath(path: string): string {
  const inside = relative('.', path);
  return printable(inside.startsWith('..') ? resolve(path) : inside);
}
