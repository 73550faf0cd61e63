import type { AlignedPair, Content } from '../types.js';
import type { AlignOptions } from './options.js';
import type { Bag } from './similarity.js';

/** What the steps of one alignment share: settings, the clock, caches, and the candidates for moves. */
export interface Context {
  options: Required<Omit<AlignOptions, 'now' | 'deadline' | 'texts'>> & { now: () => number };
  /** When the budget runs out, on `options.now`'s clock; past it, pairs are whole replacements. */
  deadline: number;
  overBudget: boolean;
  /** A line pair had more words than a word diff reads (`MAX_DIFF_WORDS`): it is shown whole. */
  tooLong: boolean;
  /** The texts the trees were read from, when the caller gave them (`AlignOptions.texts`). */
  texts: NonNullable<AlignOptions['texts']>;
  /** Sides left as the nodes they stand for, made when written (`alignTreesToWrite`). */
  lazySides: boolean;
  /** Content keys by level (see `keys.ts`). */
  keys: Map<Content, number>;
  /** Word bags of whole subtrees and of own lines, by level. */
  bags: Map<Content, Bag>;
  rowBags: Map<Content, Bag>;
  /** Levels found only in the old or only in the new tree: candidates for moves (`moves.ts`). */
  deleted: AlignedPair[];
  inserted: AlignedPair[];
  /** The level each candidate pair stands for. */
  sources: Map<AlignedPair, Content>;
  /** Moved-candidates that stand for a level's own line only (their sublevels are rows of their own). */
  lineOnly: Set<AlignedPair>;
}

/** A fresh context for one alignment. */
export function createContext(options: Context['options'], deadline: number, texts: Context['texts'] = {}, lazySides = false): Context {
  return {
    options,
    deadline,
    texts,
    lazySides,
    overBudget: false,
    tooLong: false,
    keys: new Map(),
    bags: new Map(),
    rowBags: new Map(),
    deleted: [],
    inserted: [],
    sources: new Map(),
    lineOnly: new Set(),
  };
}
