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
type Fold = Extract<Block, { fold: unknown }>['fold'];

/** What a fold of `count` unchanged rows says of itself. */
const unchangedSummary = (count: number): string => `${count} unchanged clauses`;

/** A fold of unchanged rows already made. */
export function rowsFold(rows: LevelRow[]): Fold {
  return { kind: 'unchanged', summary: unchangedSummary(rows.length), rows };
}

/** A fold of the unchanged rows of a span, its rows made when first read. */
export function unchangedFold(span: Span): Fold {
  let rows: LevelRow[] | undefined;
  return {
    kind: 'unchanged',
    summary: unchangedSummary(span.end - span.start),
    get rows() {
      return (rows ??= span.list.slice(span.start, span.end));
    },
    [SPAN]: span,
  } as Fold;
}

/** The span of a fold made by `unchangedFold` (undefined for a fold of rows). */
export function spanOf(fold: Fold): Span | undefined {
  return (fold as { [SPAN]?: Span })[SPAN];
}
