import type { OtherInstruction } from '../amend/apply.js';
import type { Alignment, Position, Root, SourceFormat } from '../types.js';
import type { BilldiffErrorCode } from '../util/errors.js';

/** One input of a comparison: its bytes and the name it is known by (corpus id or `u:<hash>`). */
export interface DiffInput {
  bytes: Uint8Array;
  file: string;
}

/**
 * What a diff worker is asked to do. `versions` aligns two documents; `law` compares a bill
 * (`new`) with the statute it amends (`old`); `apply` executes the amendatory instructions of
 * `bills` (in order) against the statute `old` and compares the law before with the law as
 * amended (the Changes in Existing Law comparison).
 */
export interface DiffTask {
  mode: 'versions' | 'law' | 'apply';
  old: DiffInput;
  new: DiffInput;
  /** For `apply`: every bill, in the order applied (`new` is the first of them). */
  bills?: DiffInput[];
  /** For `apply`: the section number of a statute file that does not print its own. */
  lawSection?: string;
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

/** What an `apply` task adds to its alignment: the law as amended and the instructions not applied here. */
export interface AppliedLaw {
  /** The statute as amended by the instructions that were applied. */
  amended: Root;
  /** Instructions of the bills that amend other laws. */
  elsewhere: OtherInstruction[];
  /** Instructions whose wording or target could not be read. */
  unread: OtherInstruction[];
}

/** A worker's answer: the alignment, or the user-facing error it met. */
export type DiffReply =
  | { ok: true; alignment: Alignment; applied?: AppliedLaw }
  | { ok: true; json: string }
  | {
      ok: false;
      error: { message: string; code?: BilldiffErrorCode; file?: string; place?: Position; internal?: boolean };
    };
