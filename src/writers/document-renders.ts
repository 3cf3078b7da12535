// What a document's outputs have in common, made once per render of them:
// the PDF is the HTML printed, so a build of both sets the HTML once. It lives
// for one renderEach call (one document's outputs, in a batch), so no page is
// kept in memory after its document's outputs are written; in the watch, for
// one rebuild, whose PDF is printed as its source is read (makeAhead).
export class DocumentRenders {
  readonly #made = new Map<string, WeakMap<object, unknown>>();

  /** The `kind` of render of `document`, made by `make` the first time it is asked for. */
  once<T>(kind: string, document: object, make: () => T): T {
    let byDocument = this.#made.get(kind);
    if (!byDocument) this.#made.set(kind, (byDocument = new WeakMap()));
    if (!byDocument.has(document)) byDocument.set(document, make());
    return byDocument.get(document) as T;
  }
}
