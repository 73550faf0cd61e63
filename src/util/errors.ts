import type { Diagnostic, Position } from '../types.js';
import { stringifyPosition } from './position.js';

/** The kinds of user-facing failure, each with the HTTP status a server gives it. */
export type BilldiffErrorCode = 'input' | 'not-found' | 'too-large' | 'budget' | 'usage';

/**
 * What marks a BilldiffError made by another copy of this module: the command line's database side
 * is a bundle of its own (scripts/bundle.mjs), with its own BilldiffError class, and its failures
 * (a document not in the database) reach the comparison's `main`.
 */
const BRAND = Symbol.for('billdiff.BilldiffError');

/**
 * A failure the user can act on: it names the file and the place, and never needs a stack trace.
 */
export class BilldiffError extends Error {
  readonly file: string;
  readonly place?: Position;
  readonly code: BilldiffErrorCode;

  constructor(message: string, options: { file?: string; place?: Position; code?: BilldiffErrorCode } = {}) {
    super(message);
    this.name = 'BilldiffError';
    this.file = options.file ?? '';
    this.place = options.place;
    this.code = options.code ?? 'input';
  }

  /** `file:line:col: message`, as the CLI prints it. */
  override toString(): string {
    return `${this.file ? `${this.file}:${stringifyPosition(this.place)}: ` : ''}${this.message}`;
  }

  /** The mark `isBilldiffError` knows, whichever copy of the class made the error. */
  get [BRAND](): true {
    return true;
  }
}

/** A BilldiffError, from this module or another copy of it (see `BRAND`). */
export function isBilldiffError(value: unknown): value is BilldiffError {
  return value instanceof BilldiffError || (value instanceof Error && (value as Error & { [BRAND]?: unknown })[BRAND] === true);
}

/** A diagnostic with a place, as data. */
export function diagnostic(
  reason: string,
  file: string,
  place: Position | undefined,
  ruleId: string,
  fatal = false,
  source = 'billdiff:parse',
): Diagnostic {
  return { reason, file, place, ruleId, source, fatal };
}

/** `file:line:col: warning: reason` */
export function formatDiagnostic(message: Diagnostic): string {
  return `${message.file}:${stringifyPosition(message.place)}: ${message.fatal ? 'error' : 'warning'}: ${message.reason}`;
}
