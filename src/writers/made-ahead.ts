// Outputs made ahead: the watch starts the outputs another process makes (the
// PDF Chromium prints) as soon as a saved source is read, while the rest of its
// check runs, since the print is the longest part of a rebuild. Nothing made
// ahead is written unless the check passes: the rebuild then takes what was
// made instead of making it again, and drops what it did not take.
import { DocumentRenders } from './document-renders.js';
import type { Output } from './registry.js';

/** At most this many are made at once: Chromium prints two at a time faster than one, and no faster three. */
const AT_ONCE = 2;

interface Made {
  output: Promise<Output>;
  warnings: string[];
}

interface Entry {
  document: object;
  make: (warn: (message: string) => void) => Promise<Output>;
  made?: Made;
}

export class MadeAhead {
  /** What the outputs made ahead and those made after share (the HTML the PDF is printed from). */
  readonly renders = new DocumentRenders();
  /** By output path, in the order they were asked for. */
  readonly #entries = new Map<string, Entry>();
  #running = 0;
  #stopped = false;

  /** Makes `document`'s output at `path` with `make` as soon as fewer than AT_ONCE are being made. */
  start(path: string, document: object, make: (warn: (message: string) => void) => Promise<Output>): void {
    // Two sources that would write one file are an error of the second (planOutputs): the first read keeps the path.
    if (this.#stopped || this.#entries.has(path)) return;
    this.#entries.set(path, { document, make });
    this.#next();
  }

  /**
   * What was made, or is being made, of `document` for `path`, with the warnings it gave; nothing
   * when it was not started, or was made of another source's document that claimed the same file.
   */
  take(path: string, document: object): Made | undefined {
    const entry = this.#entries.get(path);
    if (entry?.document !== document) return undefined;
    this.#entries.delete(path);
    return entry.made;
  }

  /** The check is over: nothing more is started, and what was not started is left to the rebuild. */
  stop(): void {
    this.#stopped = true;
    for (const [path, entry] of this.#entries) if (!entry.made) this.#entries.delete(path);
  }

  #next(): void {
    if (this.#stopped) return;
    for (const entry of this.#entries.values()) {
      if (this.#running >= AT_ONCE) return;
      if (entry.made) continue;
      const warnings: string[] = [];
      const output = entry.make((message) => warnings.push(message));
      entry.made = { output, warnings };
      this.#running++;
      // A failure is the rebuild's to report, when it takes this output; until then it is only noted.
      output.catch(() => undefined).finally(() => {
        this.#running--;
        this.#next();
      });
    }
  }
}
