// Everything read or compiled from templates/ is kept here, once per process,
// so a build reads each template once however many documents it writes. After
// checkTemplatesAgain(), what is kept is checked against the files it was made
// from before it is used, and made again only from a file that changed: on
// watch mode's build after a template is saved, and on the first build of a
// process started from the startup snapshot, which holds what the snapshot's
// warm-up build compiled (src/startup/snapshot.ts).
import { readFileSync } from 'node:fs';

/** Reads a template file (UTF-8), for the cache to check it later. */
export type ReadTemplate = (path: string) => string;

interface Entry {
  value: unknown;
  /** Each file the value was made from, with its text then. */
  texts: Map<string, string>;
  checked: boolean;
}

const entries = new Map<string, Entry>();

export function fromTemplates<T>(key: string, load: (read: ReadTemplate) => T): T {
  const kept = entries.get(key);
  if (kept && (kept.checked || unchanged(kept.texts))) {
    kept.checked = true;
    return kept.value as T;
  }
  const texts = new Map<string, string>();
  const value = load((path) => {
    const text = readFileSync(path, 'utf8');
    texts.set(path, text);
    return text;
  });
  entries.set(key, { value, texts, checked: true });
  return value;
}

function unchanged(texts: Map<string, string>): boolean {
  for (const [path, text] of texts) {
    try {
      if (readFileSync(path, 'utf8') !== text) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Has everything kept checked against its files before it is used again. */
export function checkTemplatesAgain(): void {
  for (const entry of entries.values()) entry.checked = false;
}
