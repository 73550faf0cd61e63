/**
 * Folds of unchanged rows whose rows are made only when a page shows them: a long comparison shown
 * a page at a time folds thousands of unchanged levels, and its pages and counts need only how many.
 */
import type { RowList } from './rows.js';
import type { Block, LevelRow } from './types.js';

/** The rows a lazy fold stands for: `list`'s rows from `start` to `end` (not included). */
export interface Span {
  list: RowList;
  start: number;
  end: number;
}

const SPAN = Symbol('span');
const ROWS = Symbol('rows');
type Fold = Extract<Block, { fold: unknown }>['fold'];
type LazyFold = Fold & { [SPAN]: Span; [ROWS]: LevelRow[] | undefined };

/** What a fold of `count` unchanged rows says of itself. */
const unchangedSummary = (count: number): string => `${count} unchanged clauses`;

/** A fold of unchanged rows already made. */
export function rowsFold(rows: LevelRow[]): Fold {
  return { kind: 'unchanged', summary: unchangedSummary(rows.length), rows };
}

/** A lazy fold's `rows`: its span's rows, made when first read. */
function spanRows(this: LazyFold): LevelRow[] {
  const span = this[SPAN];
  return (this[ROWS] ??= span.list.slice(span.start, span.end));
}

/**
 * The `rows` of every lazy fold: one getter, a function of the module. A getter written in the
 * fold's object literal was a new function for each fold, kept in a hidden class of its own, and
 * V8 makes hidden classes in its old generation: every young-generation collection then kept each
 * fold's getter alive from there, and through it the fold's span, the comparison's rows, pairs and
 * trees, which it copied and promoted for a full collection to free (1 MB pair, in process, the
 * young-generation collection after each page model, pretenuring off as in the diff workers: 7.9 MB
 * kept → 0.1-0.3 MB).
 */
const ROWS_PROPERTY: PropertyDescriptor = { get: spanRows, enumerable: true, configurable: true };

/** A fold of the unchanged rows of a span, its rows made when first read. */
export function unchangedFold(span: Span): Fold {
  const fold = { kind: 'unchanged', summary: unchangedSummary(span.end - span.start), [SPAN]: span, [ROWS]: undefined };
  return Object.defineProperty(fold, 'rows', ROWS_PROPERTY) as LazyFold;
}

/** The span of a fold made by `unchangedFold` (undefined for a fold of rows). */
export function spanOf(fold: Fold): Span | undefined {
  return (fold as { [SPAN]?: Span })[SPAN];
}
