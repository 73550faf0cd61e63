/**
 * What a search thread keeps of the rows its searches show: bills' and law sections' rows, their
 * passage words (passage-words.ts) and passages' texts, each by key, for one generation of the data
 * (the meta `generation` every import bumps in its own transaction, read with the term index's builds:
 * term-rank.ts). A search of words reads only the rows it has not kept: the same bills and sections
 * come back search after search (the longest texts hold the most words), and reading their rows,
 * words and passages again was 0.2 ms of a 0.6 ms search on SQLite (2,000 of the session bench's new
 * searches, in one process), two round trips of four on PostgreSQL.
 *
 * Each kind is bounded (the least recently used go first: lru-cache, whose read of an entry moves it
 * without a Map's delete and set); a search that read another generation than the kept one starts the
 * thread's rows again.
 */
import { LRUCache } from 'lru-cache';
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

/** An owner kept without passage words (words read are never empty: each term starts with a newline). */
export const NO_WORDS = '';

export interface KeptRows {
  readonly generation: string;
  readonly bills: LRUCache<number, BillRow>;
  readonly sections: LRUCache<number, SectionRow>;
  /** By owner number (passages.ts): the owner's passage words, or NO_WORDS when it has none. */
  readonly words: LRUCache<number, string>;
  /** By passage id. */
  readonly passages: LRUCache<number, string>;
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
    bills: new LRUCache({ max: KEPT_ROWS.bills }),
    sections: new LRUCache({ max: KEPT_ROWS.sections }),
    words: new LRUCache({ max: KEPT_ROWS.words }),
    passages: new LRUCache({ max: KEPT_ROWS.passages }),
  };
  // The last generation read is taken as the newest: a search that read the one before, while an import
  // committed, has rows of its own, as if nothing were kept.
  kept.set(db, rows);
  return rows;
}
