import type { AlignedPair, Alignment } from '../types.js';

/** Version of the JSON shape; bumped when a field changes meaning. */
export const JSON_FORMAT_VERSION = 1;

/** Options for the JSON rendering. */
export interface JsonOptions {
  /**
   * Spaces of indentation; 0 writes one compact line (a large bill's JSON is half the size).
   * @default 0
   */
  indent?: number;
}

/** The alignment as stable JSON (the shape is documented in the README). */
export function renderJson(alignment: Alignment, options: JsonOptions = {}): string {
  return JSON.stringify({ billdiff: JSON_FORMAT_VERSION, ...alignment }, null, options.indent ?? 0) + '\n';
}

/** Characters gathered before a piece of `renderJsonChunks` is handed out. */
const CHUNK_CHARS = 1 << 16;

/**
 * The same text as `renderJson`, in pieces of about 64 K characters, so that a large alignment is
 * written out as it is serialised and never held as one string (nor as one buffer of bytes). The
 * clauses of the top two levels are serialised one by one; each below them in one piece.
 */
export function* renderJsonChunks(alignment: Alignment, options: JsonOptions = {}): Generator<string> {
  if (options.indent) {
    yield renderJson(alignment, options);
    return;
  }
  let buffer = '';
  const out = function* (text: string): Generator<string> {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  };
  const pairs = function* (list: AlignedPair[], depth: number): Generator<string> {
    yield* out('[');
    for (let i = 0; i < list.length; i++) {
      if (i) yield* out(',');
      yield* pair(list[i]!, depth);
    }
    yield* out(']');
  };
  const pair = function* (value: AlignedPair, depth: number): Generator<string> {
    if (depth >= 2 || !value.children.length) {
      yield* out(JSON.stringify(value));
      return;
    }
    yield* fields(value as unknown as Record<string, unknown>, (key) => (key === 'children' ? pairs(value.children, depth + 1) : undefined));
  };
  /** An object's fields in order, as JSON.stringify writes them (undefined ones left out); `special` may stream one. */
  const fields = function* (value: Record<string, unknown>, special: (key: string) => Generator<string> | undefined): Generator<string> {
    let first = true;
    yield* out('{');
    for (const key of Object.keys(value)) {
      const field = value[key];
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      yield* out(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      const streamed = special(key);
      if (streamed) yield* streamed;
      else yield* out(JSON.stringify(field));
    }
    yield* out('}');
  };
  const document = { billdiff: JSON_FORMAT_VERSION, ...alignment } as Record<string, unknown>;
  yield* fields(document, (key) => (key === 'pairs' ? pairs(alignment.pairs, 0) : undefined));
  yield `${buffer}\n`;
}
