/**
 * Clauses moved and amended on the way: a clause deleted in one place and one inserted in another
 * whose words mostly survive are one clause, moved ((b) "… within 30 days." struck where it was
 * and (d) "… within 45 days." inserted where it went, while (c) and (d) move up). The aligner
 * reports the pair `moved` at both places, with the words that changed.
 */

/**
 * Least word similarity (Dice over the words of the two clauses) for a deleted and an inserted
 * clause to be read as one clause moved: most of the words survive.
 */
export const MOVED_SIMILARITY = 0.6;

/** Most deleted × inserted clauses compared (each pair's similarity is computed). */
const MAX_CELLS = 250_000;

/**
 * Deleted and inserted clauses that are one clause moved, best matches first, each clause once.
 * `similarity` scores a deleted and an inserted clause (1: the same words).
 */
export function pairMovedClauses<T>(deleted: T[], inserted: T[], similarity: (from: T, to: T) => number, threshold = MOVED_SIMILARITY): Array<[T, T]> {
  if (!deleted.length || !inserted.length || deleted.length * inserted.length > MAX_CELLS) return [];
  const candidates: Array<{ from: T; to: T; score: number; order: number }> = [];
  deleted.forEach((from, i) =>
    inserted.forEach((to, j) => {
      const score = similarity(from, to);
      if (score >= threshold) candidates.push({ from, to, score, order: i * inserted.length + j });
    }),
  );
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
