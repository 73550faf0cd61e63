/**
 * Levels moved and amended on the way: a level deleted in one place and one inserted in another
 * place of the same list of levels whose words mostly survive are one level, moved ((b) "…
 * within 30 days." struck where it was and (d) "… within 45 days." inserted where it went, while
 * (c) and (d) move up). The aligner reports the pair `moved` at both places, with the words that
 * changed. A level that moves to another parent is found only when its words did not change
 * (by its content key): across parents, alike levels are too often only alike boilerplate
 * ("(B) by adding at the end the following:").
 */
import type { AlignedPair } from '../types.js';

/**
 * Least word similarity (Dice over the words of the two levels) for a deleted and an inserted
 * level to be read as one level moved: most of the words survive.
 */
export const MOVED_SIMILARITY = 0.6;

/** Most deleted × inserted levels of one parent compared (each pair's similarity is computed). */
const MAX_CELLS = 250_000;

/**
 * Deleted and inserted levels that are one level moved, best matches first, each level once:
 * only levels of the same group (`groupOf`: their parent) are compared. `similarity` scores a
 * deleted and an inserted level (1: the same words).
 */
export function pairMovedLevels<T, G>(
  deleted: T[],
  inserted: T[],
  similarity: (from: T, to: T) => number,
  groupOf: (level: T) => G,
  threshold = MOVED_SIMILARITY,
): Array<[T, T]> {
  const candidates: Array<{ from: T; to: T; score: number; order: number }> = [];
  const insertedBy = new Map<G, Array<{ level: T; index: number }>>();
  inserted.forEach((level, index) => {
    const group = groupOf(level);
    const list = insertedBy.get(group) ?? [];
    list.push({ level, index });
    insertedBy.set(group, list);
  });
  const deletedBy = new Map<G, number>();
  for (const level of deleted) deletedBy.set(groupOf(level), (deletedBy.get(groupOf(level)) ?? 0) + 1);
  deleted.forEach((from, i) => {
    const group = insertedBy.get(groupOf(from)) ?? [];
    if (group.length * deletedBy.get(groupOf(from))! > MAX_CELLS) return;
    for (const { level: to, index: j } of group) {
      const score = similarity(from, to);
      if (score >= threshold) candidates.push({ from, to, score, order: i * inserted.length + j });
    }
  });
  // Best first; among equals, in reading order, so that the result does not depend on the sort.
  candidates.sort((x, y) => y.score - x.score || x.order - y.order);
  const used = new Set<T>();
  const out: Array<[T, T]> = [];
  for (const { from, to } of candidates) {
    if (used.has(from) || used.has(to)) continue;
    used.add(from);
    used.add(to);
    out.push([from, to]);
  }
  return out;
}

/**
 * The parent of each changed pair of an alignment (`null` at the top). An unchanged pair has only
 * unchanged pairs below it, none of them deleted or inserted: it is left out, and not walked.
 */
export function parentsOf(pairs: AlignedPair[]): Map<AlignedPair, AlignedPair | null> {
  const parents = new Map<AlignedPair, AlignedPair | null>();
  const visit = (list: AlignedPair[], parent: AlignedPair | null) => {
    for (const pair of list) {
      if (pair.status === 'unchanged') continue;
      parents.set(pair, parent);
      visit(pair.children, pair);
    }
  };
  visit(pairs, null);
  return parents;
}
