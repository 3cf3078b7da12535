// Bytes → text. Sources arrive from Word, e-mail and other machines: a UTF-8
// byte-order mark is accepted, anything that is not UTF-8 text is refused at
// the place where it stops being text.
import type { VFile } from 'vfile';
import { error } from '../diagnostics/report.js';

function pointAt(bytes: Uint8Array, end: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, end)).length + 1;
  return { line, column };
}

/** Byte offset of the first sequence that is not UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  for (let i = lenient.indexOf('\ufffd'); i !== -1; i = lenient.indexOf('\ufffd', i + 1)) {
    const offset = encoder.encode(lenient.slice(0, i)).length;
    // A replacement character the author really wrote is valid UTF-8 (EF BF BD).
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return 0;
}

export function decodeSource(file: VFile, bytes: Uint8Array): string | undefined {
  // Notepad's and Word's "Unicode" is UTF-16: its byte-order mark says so before its NUL bytes look binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    error(file, 'the file is UTF-16 ("Unicode"), not UTF-8: save it as UTF-8 (in Word: "Plain Text", encoding "Unicode (UTF-8)")', { line: 1, column: 1 }, 'not-utf8');
    return undefined;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    error(file, 'this is a binary file, not a Markdown source (it contains NUL bytes)', pointAt(bytes, nul), 'not-text');
    return undefined;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.trim() === '') {
      error(file, 'the file is empty: a source needs front matter and at least one section', { line: 1, column: 1 }, 'empty-file');
      return undefined;
    }
    return text;
  } catch {
    const good = firstInvalidByte(bytes);
    error(
      file,
      'the file is not UTF-8 text: save it as UTF-8 (in Word: "Plain Text", encoding "Unicode (UTF-8)")',
      pointAt(bytes, good),
      'not-utf8',
    );
    return undefined;
  }
}
