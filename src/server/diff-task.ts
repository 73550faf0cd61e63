import type { OtherInstruction } from '../amend/apply.js';
import type { CompareRequest } from '../compare/index.js';
import type { Alignment, Position, Root } from '../types.js';
import type { BilldiffErrorCode } from '../util/errors.js';

/**
 * What a diff worker is asked to do: run `compare(request)` (the documents' bytes travel with it).
 * `render: 'json'` answers with the rendered JSON text instead of the alignment, so that a large
 * result is serialised in the worker and crosses to the main thread as one string.
 */
export interface DiffTask {
  request: CompareRequest;
  render?: 'json';
}

/** What an `apply` comparison adds to its alignment: the law as amended and the instructions not applied here. */
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
