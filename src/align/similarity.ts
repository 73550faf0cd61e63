/** A multiset of words, for the similarity of two clauses. */
export interface Bag {
  counts: Map<string, number>;
  size: number;
}

/** Most words read from one clause for its bag; enough to tell clauses apart, and bounded. */
const MAX_WORDS = 600;

export function bagOf(text: string): Bag {
  const counts = new Map<string, number>();
  let size = 0;
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && size < MAX_WORDS) {
    const w = m[0].toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + 1);
    size++;
  }
  return { counts, size };
}

/** Dice's coefficient of two word multisets: 1 for the same words, 0 for none shared. */
export function dice(a: Bag, b: Bag): number {
  if (!a.size && !b.size) return 1;
  if (!a.size || !b.size) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [w, n] of small.counts) {
    const other = large.counts.get(w);
    if (other) shared += Math.min(n, other);
  }
  return (2 * shared) / (a.size + b.size);
}
