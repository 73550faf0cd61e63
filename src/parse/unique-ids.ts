/**
 * Ids for a document's levels, each given once: a second `a` under the same parent is `a~2`,
 * a third `a~3`. The next suffix of each base is remembered, so 100,000 levels with the same
 * designation cost no more than 100,000 with different ones.
 */
export class UniqueIds {
  readonly #taken = new Set<string>();
  readonly #next = new Map<string, number>();

  /** `base`, or `base~N` with the least N not yet given. */
  take(base: string): string {
    // One look-up for an id not taken yet (the usual case): add it, and see whether the set grew.
    const taken = this.#taken;
    const size = taken.size;
    taken.add(base);
    if (taken.size !== size) return base;
    let id = base;
    // Ids only grow, so the suffixes below the one remembered are all taken.
    let n = this.#next.get(base) ?? 2;
    while (this.#taken.has(id)) id = `${base}~${n++}`;
    if (id !== base) this.#next.set(base, n);
    this.#taken.add(id);
    return id;
  }
}
