// What writers start once and share for a whole build, such as the browser
// that prints every PDF. Whoever runs the build owns the object and calls
// close() when the build is over, also after an error; nothing is started
// until a writer asks for it, so a build that needs no browser starts none.
export interface Closable {
  close(): Promise<void>;
}

export class BuildResources {
  readonly #started = new Map<string, Closable>();
  #closed = false;

  /** The resource named `key`, made by `make` on first use and shared by every later caller. */
  get<T extends Closable>(key: string, make: () => T): T {
    // A browser asked for early, by a build that has ended since, would be left running.
    if (this.#closed) throw new Error(`"${key}" asked for after the build ended`);
    let resource = this.#started.get(key) as T | undefined;
    if (!resource) {
      resource = make();
      this.#started.set(key, resource);
    }
    return resource;
  }

  /** Closes everything started, all of it even when one close fails; the first failure is rethrown. */
  async close(): Promise<void> {
    this.#closed = true;
    const resources = [...this.#started.values()];
    this.#started.clear();
    const results = await Promise.allSettled(resources.map((r) => r.close()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
