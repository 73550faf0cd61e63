import type { Alignment, Position, SourceFormat } from '../types.js';
import type { BilldiffErrorCode } from '../util/errors.js';

/** One input of a comparison: its bytes and the name it is known by (corpus id or `u:<hash>`). */
export interface DiffInput {
  bytes: Uint8Array;
  file: string;
}

/**
 * What a diff worker is asked to do. `versions` aligns two documents; `law` compares a bill
 * (`new`) with the statute it amends (`old`).
 */
export interface DiffTask {
  mode: 'versions' | 'law';
  old: DiffInput;
  new: DiffInput;
  /** Milliseconds the alignment may take before it turns coarse. */
  budget: number;
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** The inputs' format, when the user chose one; detected otherwise. */
  format?: SourceFormat;
  /**
   * `json`: answer with the rendered JSON text instead of the alignment, so that a large result
   * is serialised in the worker and crosses to the main thread as one string.
   */
  render?: 'json';
}

/** A worker's answer: the alignment, or the user-facing error it met. */
export type DiffReply =
  | { ok: true; alignment: Alignment }
  | { ok: true; json: string }
  | {
      ok: false;
      error: { message: string; code?: BilldiffErrorCode; file?: string; place?: Position; internal?: boolean };
    };
