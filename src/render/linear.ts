import { plainSides, type SideOf } from '../align/pairs.js';
import type { AlignedPair, WordChange } from '../types.js';

/** One line of a linear rendering: a level's own line, as word changes, with its depth. */
export interface LinearRow {
  pair: AlignedPair;
  depth: number;
  changes: WordChange[];
}

/** Options for `linearRows` and `rowChanges`. */
export interface LinearOptions {
  /**
   * A level moved and amended shows its word changes at its new place (its struck and inserted
   * words), as legal redliners show a move; else it is inserted whole there. Not for wdiff, where
   * each place gives back one side only.
   * @default false
   */
  movedWords?: boolean;
}

/**
 * The rows of an alignment in reading order: each level's own line once, with the old text
 * (kept + deleted) and the new text (kept + inserted) both complete. A moved level shows as
 * deleted at its old place and inserted at its new one (with `movedWords`, amended there).
 */
export function linearRows(pairs: AlignedPair[], options: LinearOptions = {}): LinearRow[] {
  const out: LinearRow[] = [];
  const walk = new RowWalk(pairs, options);
  while (walk.next()) out.push({ pair: walk.pair, depth: walk.depth, changes: walk.changes() });
  return out;
}

/** The side a moved level shows at one of its places. */
type Side = 'old' | 'new';

/**
 * The rows of `linearRows` one at a time, without a row object: `next()` moves to the next row
 * and says whether there is one; the row is then `pair`, `depth` and either `words` (the pair's
 * own word changes) or, when `words` is undefined, one change `op` of the whole `value`.
 * Iterative (no call per level, none into a leaf's empty children), so a writer can stream it.
 */
export class RowWalk {
  pair!: AlignedPair;
  depth = 0;
  words: WordChange[] | undefined;
  op: WordChange['op'] = 'equal';
  value = '';
  private readonly movedWords: boolean;
  private readonly sideOf: SideOf;
  /** The lists being walked, outermost first, with the next index and the side shown in each. */
  private readonly lists: AlignedPair[][] = [];
  private readonly next_: number[] = [];
  private readonly sides: (Side | undefined)[] = [];

  /** `sideOf`: how the pairs' sides are read (see `WriteOptions`). */
  constructor(pairs: AlignedPair[], options: LinearOptions = {}, sideOf: SideOf = plainSides) {
    this.movedWords = options.movedWords ?? false;
    this.sideOf = sideOf;
    if (pairs.length) this.enter(pairs, undefined);
  }

  next(): boolean {
    const lists = this.lists;
    while (lists.length) {
      const top = lists.length - 1;
      const list = lists[top]!;
      const i = this.next_[top]!;
      if (i === list.length) {
        lists.pop();
        this.next_.pop();
        this.sides.pop();
        continue;
      }
      this.next_[top] = i + 1;
      const pair = list[i]!;
      // Inside a moved level, each place shows one side only: the old text where it was, the new where it went.
      const side = this.sides[top] ?? (pair.status === 'moved' ? (pair.movedTo !== undefined ? 'old' : 'new') : undefined);
      // Its children come next, after its own line.
      if (pair.children.length) this.enter(pair.children, side);
      if (this.own(pair, side)) {
        this.pair = pair;
        this.depth = top;
        return true;
      }
    }
    return false;
  }

  /** The row's changes as an array (a new one when the row is one whole change). */
  changes(): WordChange[] {
    return this.words ?? [{ op: this.op, value: this.value }];
  }

  private enter(list: AlignedPair[], side: Side | undefined): void {
    this.lists.push(list);
    this.next_.push(0);
    this.sides.push(side);
  }

  /** Sets the pair's own line (as `rowChanges`, or one side whole) and says whether it has one. */
  private own(pair: AlignedPair, side: Side | undefined): boolean {
    this.words = undefined;
    const kind = side === 'old' ? 'delete' : side === 'new' && !this.movedWords ? 'insert' : ownLine(pair, this.movedWords);
    if (kind === 'words') {
      this.words = pair.words;
      return pair.words!.length > 0;
    }
    this.op = kind;
    this.value = wholeText(pair, kind, this.sideOf) ?? '';
    return this.value !== '';
  }
}

/** What a pair's own line is: its word changes, or one side of it whole (struck, inserted or kept). */
function ownLine(pair: AlignedPair, movedWords: boolean): 'words' | WordChange['op'] {
  // A move shows whole at both places: struck where it was, inserted where it went (amended there, with `movedWords`).
  if (pair.status === 'moved' && pair.movedTo !== undefined) return 'delete';
  if (pair.status === 'moved' && pair.movedFrom !== undefined && !(movedWords && pair.words)) return 'insert';
  if (pair.words) return 'words';
  if (pair.status === 'deleted') return 'delete';
  if (pair.status === 'inserted') return 'insert';
  return 'equal';
}

/** The word changes of one pair's own line. */
export function rowChanges(pair: AlignedPair, options: LinearOptions = {}): WordChange[] {
  return changesOf(pair, options.movedWords ?? false, plainSides);
}

/** `rowChanges`, the pair's sides read with `sideOf` (see `WriteOptions`). */
export function changesOf(pair: AlignedPair, movedWords: boolean, sideOf: SideOf): WordChange[] {
  const kind = ownLine(pair, movedWords);
  if (kind === 'words') return pair.words!;
  const text = wholeText(pair, kind, sideOf);
  return text ? [{ op: kind, value: text }] : [];
}

/** The text a pair's own line shows whole: the old (struck), the new (inserted) or the kept one. */
function wholeText(pair: AlignedPair, op: WordChange['op'], sideOf: SideOf): string | undefined {
  return op === 'delete' ? sideOf(pair, 'old')?.text : op === 'insert' ? sideOf(pair, 'new')?.text : (sideOf(pair, 'new')?.text ?? sideOf(pair, 'old')?.text);
}
