import type { Application, OtherInstruction } from '../amend/apply.js';
import type { CompareRequest } from '../compare/index.js';
import type { Alignment, Position, Root } from '../types.js';
import type { BilldiffErrorCode } from '../util/errors.js';
import type { ComparisonRequest, DocumentInfo } from './service.js';

/**
 * What a diff worker is asked to do: run `compare(request)` (the documents' bytes travel with it)
 * and answer with the alignment, or with what is made of it in the worker so that only a string
 * crosses to the main thread: `'json'` the JSON text `renderJson` makes, a `PageTask` a page's
 * HTML, a `LocateTask` the page that shows a level.
 */
export interface DiffTask {
  request: CompareRequest;
  render?: 'json' | PageTask | LocateTask;
  /**
   * The comparison's cache key, when the server keeps results: the worker keeps its last few
   * comparisons (and their page models) by it, so that the other pages and views of a comparison
   * are not aligned again. Without one the worker keeps nothing.
   */
  key?: string;
}

/** Comparisons a worker keeps by their `key` (each with its page model): a few large ones fit its heap. */
export const KEPT_COMPARISONS = 2;

/** The documents of a comparison, as the pages name them. */
export interface ComparedDocuments {
  old: DocumentInfo;
  new: DocumentInfo;
  /** For `apply`: every bill applied, in order (`new` is the first). */
  bills?: DocumentInfo[];
}

/** A link to compare the same new text with another baseline (made on the main thread, which has the corpus). */
export interface Baseline {
  href: string;
  label: string;
  current: boolean;
}

/** The views of a comparison's page: side by side, inline redline, the law as amended (apply), print. */
export type View = 'side' | 'inline' | 'clean' | 'print';

/** Render one page of a comparison (the compare, apply or print template) in the worker. */
export interface PageTask {
  kind: 'page';
  page: 'compare' | 'print';
  view: View;
  changesOnly: boolean;
  pageNumber: number;
  comparison: ComparisonRequest;
  documents: ComparedDocuments;
  baselines: Baseline[];
}

/** Find the page of a comparison that shows the level with this anchor. */
export interface LocateTask {
  kind: 'locate';
  anchor: string;
  comparison: ComparisonRequest;
  documents: ComparedDocuments;
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

const encoder = new TextEncoder();

/** A worker's text answer as UTF-8 bytes (see `DiffReply`): encoded in the worker, not on the main thread. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The buffers a reply moves to the main thread rather than copying them. */
export function transferOf(reply: DiffReply): ArrayBuffer[] {
  const bytes = 'html' in reply ? reply.html : 'json' in reply ? reply.json : undefined;
  return bytes ? [bytes.buffer as ArrayBuffer] : [];
}

/** What the pages keep of an application: the law as amended and the instructions not applied here. */
export function appliedLawOf(application: Application): AppliedLaw {
  return { amended: application.amended, elsewhere: application.elsewhere, unread: application.unread };
}

/** A worker's answer: the alignment (or what was made of it), or the user-facing error it met. */
export type DiffReply =
  | { ok: true; alignment: Alignment; applied?: AppliedLaw }
  /** The JSON text, or a page's HTML, as UTF-8 bytes: moved to the main thread, not copied, and sent as they are. */
  | { ok: true; json: Uint8Array }
  | { ok: true; html: Uint8Array }
  /** The page (1-based) that shows the level, or null when no level has the anchor. */
  | { ok: true; page: number | null }
  | {
      ok: false;
      error: { message: string; code?: BilldiffErrorCode; file?: string; place?: Position; internal?: boolean };
    };
