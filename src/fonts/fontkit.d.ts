// The parts of fontkit 3 the coverage check loads: its core and the two formats of
// Debian's fonts (TrueType/OpenType files and collections). The package ships no types.
declare module 'fontkit/core' {
  export interface FontkitFont {
    /** Code points the font's cmap lists. */
    readonly characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontkitCollection {
    readonly fonts: FontkitFont[];
  }
  export function create(buffer: Uint8Array): FontkitFont | FontkitCollection;
  export function registerFormat(format: unknown): void;
}
declare module 'fontkit/formats/TTFFont' {
  export const TTFFont: unknown;
}
declare module 'fontkit/formats/TrueTypeCollection' {
  export const TrueTypeCollection: unknown;
}
