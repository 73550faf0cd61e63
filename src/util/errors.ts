import type { Diagnostic, Position } from '../types.js';
import { stringifyPosition } from './position.js';

/** The kinds of user-facing failure, each with the HTTP status a server gives it. */
export type BilldiffErrorCode = 'input' | 'not-found' | 'too-large' | 'budget' | 'usage';

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
}

export function isBilldiffError(value: unknown): value is BilldiffError {
  return value instanceof BilldiffError;
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
