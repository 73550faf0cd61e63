import type { AlignedPair, Content } from '../types.js';
import { childClauses, rowBody } from './clause-text.js';
import type { AlignOptions } from './options.js';
import type { Bag } from './similarity.js';

/** What the steps of one alignment share: settings, the clock, caches, and the candidates for moves. */
export interface Context {
  options: Required<Omit<AlignOptions, 'now' | 'deadline'>> & { now: () => number };
  /** When the budget runs out, on `options.now`'s clock; past it, pairs are whole replacements. */
  deadline: number;
  overBudget: boolean;
  /** Content keys by clause (see `keyOf`), and the interned key texts. */
  keys: Map<Content, number>;
  interned: Map<string, number>;
  /** Word bags of whole subtrees and of own lines, by clause. */
  bags: Map<Content, Bag>;
  rowBags: Map<Content, Bag>;
  /** Clauses found only in the old or only in the new tree: candidates for moves (`moves.ts`). */
  deleted: AlignedPair[];
  inserted: AlignedPair[];
  /** The clause each candidate pair stands for. */
  sources: Map<AlignedPair, Content>;
  /** Moved-candidates that stand for a clause's own line only (their subclauses are rows of their own). */
  lineOnly: Set<AlignedPair>;
}

/** A fresh context for one alignment. */
export function createContext(options: Context['options'], deadline: number): Context {
  return {
    options,
    deadline,
    overBudget: false,
    keys: new Map(),
    interned: new Map(),
    bags: new Map(),
    rowBags: new Map(),
    deleted: [],
    inserted: [],
    sources: new Map(),
    lineOnly: new Set(),
  };
}

/**
 * A clause's content key: its own words and its subclauses' keys, designations left out, so a
 * renumbered clause keeps its key. Interned to a small number, bottom-up, once per node: no
 * subtree text is ever concatenated, and keys compare as integers.
 */
export function keyOf(node: Content, ctx: Context): number {
  let key = ctx.keys.get(node);
  if (key === undefined) {
    const children = childClauses(node);
    key = internKey(rowBody(node), children.map((c) => keyOf(c, ctx)), ctx);
    ctx.keys.set(node, key);
  }
  return key;
}

/** The key a clause with these words and these subclause keys has. */
export function internKey(body: string, childKeys: number[], ctx: Context): number {
  const text = childKeys.length ? `${body}\u0000${childKeys.join(',')}` : body;
  let id = ctx.interned.get(text);
  if (id === undefined) {
    id = ctx.interned.size;
    ctx.interned.set(text, id);
  }
  return id;
}
