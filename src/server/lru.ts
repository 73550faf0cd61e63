/** A small least-recently-used cache over a `Map` (insertion order is recency order). */
export class LruCache<K, V> {
  readonly #max: number;
  readonly #map = new Map<K, V>();

  /** @param max Most entries kept; the least recently used one is dropped past it (0: nothing is kept). */
  constructor(max: number) {
    if (!Number.isInteger(max) || max < 0) throw new TypeError(`LruCache needs a size of 0 or more, got ${max}`);
    this.#max = max;
  }

  get size(): number {
    return this.#map.size;
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value === undefined) return undefined;
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (!this.#max) return;
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value as K);
  }

  delete(key: K): boolean {
    return this.#map.delete(key);
  }

  /** The value without refreshing its recency. */
  peek(key: K): V | undefined {
    return this.#map.get(key);
  }

  clear(): void {
    this.#map.clear();
  }
}
