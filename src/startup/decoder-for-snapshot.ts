// A startup snapshot cannot hold a TextDecoder: it is backed by native memory,
// and V8 refuses to save the heap while one is alive ("global handle not
// serialized"). docx, fflate and fontkit each make one when they are loaded.
// While the snapshot is made (snapshot.ts, which imports this first), a
// TextDecoder is this stand-in: it makes a real decoder for each decode and
// keeps one only through a streamed decode. The real class is put back before
// the heap is saved, and streams left open are ended (fflate opens one when
// loaded, to learn whether decoders stream); the stand-ins keep working.
const Real = globalThis.TextDecoder;

/** Stand-ins in the middle of a streamed decode, holding a real decoder. */
const streaming = new Set<DecoderForSnapshot>();

class DecoderForSnapshot {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  readonly #label: string | undefined;
  readonly #options: TextDecoderOptions | undefined;
  #streaming: TextDecoder | undefined;

  constructor(label?: string, options?: TextDecoderOptions) {
    const probe = new Real(label, options);
    this.encoding = probe.encoding;
    this.fatal = probe.fatal;
    this.ignoreBOM = probe.ignoreBOM;
    this.#label = label;
    this.#options = options;
  }

  decode(input?: Parameters<TextDecoder['decode']>[0], options?: TextDecodeOptions): string {
    const decoder = this.#streaming ?? new Real(this.#label, this.#options);
    this.#streaming = options?.stream ? decoder : undefined;
    if (this.#streaming) streaming.add(this);
    else streaming.delete(this);
    return decoder.decode(input, options);
  }

  static endStreams(): void {
    for (const decoder of streaming) decoder.#streaming = undefined;
    streaming.clear();
  }
}

globalThis.TextDecoder = DecoderForSnapshot as unknown as typeof TextDecoder;

/** Puts the real TextDecoder back, for the program the snapshot starts. */
export function restoreTextDecoder(): void {
  DecoderForSnapshot.endStreams();
  globalThis.TextDecoder = Real;
}
