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

/**
 * Ids for a tree built from the top down, each its parent's id, "/" and a part (`s1050/a/2`),
 * exactly as `UniqueIds` gives them: a part not yet given under the same parent keeps it, its
 * repeats are `part~2`, `part~3` …. While no part holds "/" or "~", two ids can only meet under
 * the same parent (the parents' ids being unique), so each parent counts its own parts (`scope`:
 * a small map a parent, keyed by strings whose hashes are known) and no id string is hashed. The
 * first part that holds one hands over to a `UniqueIds` of every id given so far (`given`),
 * which gives from then on what it would have given all along.
 */
export class ScopedIds {
  #whole: UniqueIds | undefined;

  constructor(private readonly given: () => Iterable<string>) {}

  /** The id of a level with `part` under the parent whose sublevels' parts `scope` counts (`prefix`: its id and "/"). */
  take(scope: Map<string, number>, prefix: string, part: string): string {
    if (!this.#whole && (part.includes('/') || part.includes('~'))) {
      this.#whole = new UniqueIds();
      for (const id of this.given()) this.#whole.take(id);
    }
    if (this.#whole) return this.#whole.take(prefix + part);
    const repeats = scope.get(part);
    if (repeats === undefined) {
      scope.set(part, 1);
      return prefix + part;
    }
    scope.set(part, repeats + 1);
    return `${prefix}${part}~${repeats + 1}`;
  }
}
