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
  const visit = (list: AlignedPair[], depth: number, only?: 'old' | 'new') => {
    for (const pair of list) {
      // Inside a moved level, each place shows one side only: the old text where it was, the new where it went.
      const side = only ?? (pair.status === 'moved' ? (pair.movedTo !== undefined ? 'old' : 'new') : undefined);
      const changes = side === 'old' || (side === 'new' && !options.movedWords) ? wholeSide(pair, side) : rowChanges(pair, options);
      if (changes.length) out.push({ pair, depth, changes });
      visit(pair.children, depth + 1, side);
    }
  };
  visit(pairs, 0);
  return out;
}

function wholeSide(pair: AlignedPair, side: 'old' | 'new'): WordChange[] {
  const text = side === 'old' ? pair.old?.text : pair.new?.text;
  return text ? [{ op: side === 'old' ? 'delete' : 'insert', value: text }] : [];
}

/** The word changes of one pair's own line. */
export function rowChanges(pair: AlignedPair, options: LinearOptions = {}): WordChange[] {
  // A move shows whole at both places: struck where it was, inserted where it went (amended there, with `movedWords`).
  if (pair.status === 'moved' && pair.movedTo !== undefined) return pair.old?.text ? [{ op: 'delete', value: pair.old.text }] : [];
  if (pair.status === 'moved' && pair.movedFrom !== undefined && !(options.movedWords && pair.words)) {
    return pair.new?.text ? [{ op: 'insert', value: pair.new.text }] : [];
  }
  if (pair.words) return pair.words;
  if (pair.status === 'deleted') return pair.old?.text ? [{ op: 'delete', value: pair.old.text }] : [];
  if (pair.status === 'inserted') return pair.new?.text ? [{ op: 'insert', value: pair.new.text }] : [];
  const text = pair.new?.text ?? pair.old?.text ?? '';
  return text ? [{ op: 'equal', value: text }] : [];
}

