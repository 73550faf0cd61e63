import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import type { Diagnostic, SourceFormat } from '../types.js';
import { BilldiffError, diagnostic } from '../util/errors.js';
import { LineIndex } from '../util/position.js';
import { isFederalXml } from './read-federal.js';
import { isOlrcXhtml } from './read-olrc-xhtml.js';

/** Limits on what a reader accepts. */
export interface InputOptions {
  /**
   * Largest input, in bytes.
   * @default 33554432 (32 MiB)
   */
  maxBytes?: number;
}

export const defaultInputOptions: Required<InputOptions> = { maxBytes: 32 * 1024 * 1024 };

/**
 * Turns the bytes of an input into text, or says plainly why it cannot:
 * too large, binary, or not UTF-8 (with the line and column of the first bad byte).
 * UTF-16 that opens with a byte order mark is read too (see `decodeInputNoting`).
 */
export function decodeInput(bytes: Uint8Array, file: string, options: InputOptions = {}): string {
  return decodeInputNoting(bytes, file, options).text;
}

/**
 * From this many bytes Node makes a Latin-1 (or ASCII) string outside V8's heap, in memory V8 counts
 * as external and frees only in a full collection: a server's diff worker, reading the 1 MB pair's
 * two texts a page, collected its whole heap every ~32 pages for that count alone, dropping its
 * optimised code each time. Node's UTF-8 decoding makes a string in the heap at any size (the same
 * string for ASCII, ~0.1 ms a MB slower). Node's `EXTERN_APEX`, 0xFBEE9.
 */
const EXTERNAL_FROM = 0xfbee9;

/** An input's text as `decodeInputNoting` decoded it from its bytes. */
export interface DecodedInput {
  text: string;
  /** A note when the text was not UTF-8. */
  messages: Diagnostic[];
  /** The bytes were ASCII. */
  ascii?: boolean;
}

/** `decodeInput`, with a note (a warning diagnostic) when the text was not UTF-8. */
export function decodeInputNoting(bytes: Uint8Array, file: string, options: InputOptions = {}): DecodedInput {
  const maxBytes = options.maxBytes ?? defaultInputOptions.maxBytes;
  if (bytes.length > maxBytes) throw inputTooLarge(file, maxBytes, bytes.length);
  const utf16 = utf16Of(bytes, file);
  if (utf16) {
    const text = decodeUtf16(bytes, utf16, file);
    const note = diagnostic(`read as UTF-16 ${utf16 === 'utf-16le' ? 'LE' : 'BE'}: the input opens with its byte order mark`, file, undefined, 'encoding', false, 'billdiff:input');
    return { text, messages: [note] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const place = placeOfByte(bytes, nul);
    throw new BilldiffError('input looks binary (it holds a NUL byte); give a text, Markdown or XML file', {
      file,
      place: { start: place, end: place },
    });
  }
  // Checked by simdutf, then decoded (plain ASCII as Latin-1, the quickest, up to `EXTERNAL_FROM`),
  // as a strict UTF-8 decoder reads it: a leading byte order mark is dropped, and a second one after it too.
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(view)) return { text: view.toString(view.length < EXTERNAL_FROM ? 'latin1' : 'utf8'), messages: [], ascii: true };
  if (!isUtf8(view)) {
    const bad = firstInvalidUtf8(bytes);
    const place = placeOfByte(bytes, bad);
    throw new BilldiffError(`input is not valid UTF-8 (bad byte 0x${bytes[bad]?.toString(16).padStart(2, '0')})`, {
      file,
      place: { start: place, end: place },
    });
  }
  let text = view.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, messages: [] };
}

/**
 * The UTF-16 byte order a byte order mark gives, or none. UTF-32 and UTF-16 without a mark are
 * named in an error rather than called binary.
 */
function utf16Of(bytes: Uint8Array, file: string): 'utf-16le' | 'utf-16be' | undefined {
  const [a, b, c, d] = bytes;
  const encodingError = (what: string) => new BilldiffError(`input is ${what}; billdiff reads UTF-8 and UTF-16 with a byte order mark: save it as UTF-8`, { file });
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) throw encodingError('UTF-32');
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  // Text in UTF-16 without a mark: every other byte of the first characters is NUL.
  const head = bytes.subarray(0, 64);
  if (head.length >= 8) {
    const zeros = (parity: number) => head.filter((byte, i) => i % 2 === parity && byte === 0).length;
    const half = Math.floor(head.length / 2);
    if (zeros(1) === half && zeros(0) === 0) throw encodingError('UTF-16 LE without a byte order mark');
    if (zeros(0) === half && zeros(1) === 0) throw encodingError('UTF-16 BE without a byte order mark');
  }
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new BilldiffError(`input is not valid ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (an odd number of bytes, or a lone surrogate)`, { file });
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const point = new LineIndex(text).point(nul);
    throw new BilldiffError('input looks binary (it holds a NUL character); give a text, Markdown or XML file', { file, place: { start: point, end: point } });
  }
  return text;
}

/** The error for an input over the limit; `size` when it is known (a reader that stopped at the limit does not know it). */
export function inputTooLarge(file: string, maxBytes: number, size?: number): BilldiffError {
  return new BilldiffError(
    `input too large: ${size === undefined ? '' : `${formatBytes(size)}, `}more than the ${formatBytes(maxBytes)} billdiff reads (raise it with --max-size)`,
    { file, code: 'too-large' },
  );
}

/** Picks a reader by the name's extension, then by a look at the text. */
export function detectFormat(file: string, text: string): SourceFormat {
  const lower = file.toLowerCase();
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  const head = text.slice(0, 4096).trimStart();
  // The Law Revision Counsel's annual-edition XHTML of the U.S. Code (a title file or a section cut from one).
  if ((/\.x?html?$/.test(lower) || head.startsWith('<')) && isOlrcXhtml(text.slice(0, 16384))) return 'federal';
  if (/\.(xml|lob|caml)$/.test(lower) || head.startsWith('<')) return isFederalXml(head) ? 'federal' : 'caml';
  return 'text';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function placeOfByte(bytes: Uint8Array, index: number) {
  // Decode what comes before leniently; columns count characters, as an editor does.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, index));
  return new LineIndex(before).point(before.length);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}
