/**
 * What a search thread keeps of the rows its searches show: bills' and law sections' rows, their
 * passage words (passage-words.ts) and passages' texts, each by key, for one generation of the data
 * (the meta `generation` every import bumps in its own transaction, read with the term index's builds:
 * term-rank.ts). A search of words reads only the rows it has not kept: the same bills and sections
 * come back search after search (the longest texts hold the most words), and reading their rows,
 * words and passages again was 0.2 ms of a 0.6 ms search on SQLite (2,000 of the session bench's new
 * searches, in one process), two round trips of four on PostgreSQL.
 *
 * Each kind is bounded (the least recently used go first: `Recent`); a search that read another
 * generation than the kept one starts the thread's rows again.
 */
import type { Dialect } from './dialect.js';
import type { BillRow } from './types.js';

/** A law section's row as a search shows it. */
export interface SectionRow {
  code: string;
  number: string;
  heading: string;
}

/** Rows kept, at most, of each kind: a bill's or section's row is a few hundred bytes, its words ~2 kB, a passage ~0.6 kB. */
export const KEPT_ROWS = { bills: 8192, sections: 8192, words: 4096, passages: 8192 } as const;

export interface KeptRows {
  readonly generation: string;
  readonly bills: Recent<number, BillRow>;
  readonly sections: Recent<number, SectionRow>;
  /** By owner number (passages.ts): the owner's passage words, or null when it has none. */
  readonly words: Recent<number, string | null>;
  /** By passage id. */
  readonly passages: Recent<number, string>;
}

/**
 * At most `max` entries, the least recently used dropped first, in two maps: those used since the
 * recent map was started, and those of the one before it; an entry read from the older moves to the
 * recent one, and when the recent one holds half of `max`, it becomes the older (the older's entries
 * not read since are dropped). A read of a recent entry is one Map.get: a least-recently-used list that
 * moves each entry read to its end (a Map's delete and set) was 9% of a search thread's time. A value
 * may be null, never undefined: undefined says none is kept.
 */
export class Recent<K, V extends NonNullable<unknown> | null> {
  #recent = new Map<K, V>();
  #older = new Map<K, V>();
  readonly #half: number;

  constructor(max: number) {
    this.#half = Math.max(1, Math.ceil(max / 2));
  }

  get size(): number {
    return this.#recent.size + this.#older.size;
  }

  get(key: K): V | undefined {
    const value = this.#recent.get(key);
    if (value !== undefined) return value;
    const older = this.#older.get(key);
    if (older !== undefined) {
      this.#older.delete(key);
      this.#add(key, older);
    }
    return older;
  }

  /** The value without moving it. */
  peek(key: K): V | undefined {
    const value = this.#recent.get(key);
    return value !== undefined ? value : this.#older.get(key);
  }

  set(key: K, value: V): void {
    if (this.#recent.has(key)) {
      this.#recent.set(key, value);
      return;
    }
    this.#older.delete(key);
    this.#add(key, value);
  }

  #add(key: K, value: V): void {
    this.#recent.set(key, value);
    if (this.#recent.size >= this.#half) {
      this.#older = this.#recent;
      this.#recent = new Map();
    }
  }
}

const kept = new WeakMap<Dialect, KeptRows>();

/**
 * The rows kept on `db` for `generation` (the data's generation a search read), started again when it
 * is newer than the kept one's; undefined when it is unknown.
 */
export function keptRows(db: Dialect, generation: string | null | undefined): KeptRows | undefined {
  if (generation == null) return undefined;
  const held = kept.get(db);
  if (held?.generation === generation) return held;
  const rows: KeptRows = {
    generation,
    bills: new Recent(KEPT_ROWS.bills),
    sections: new Recent(KEPT_ROWS.sections),
    words: new Recent(KEPT_ROWS.words),
    passages: new Recent(KEPT_ROWS.passages),
  };
  // The last generation read is taken as the newest: a search that read the one before, while an import
  // committed, has rows of its own, as if nothing were kept.
  kept.set(db, rows);
  return rows;
}
