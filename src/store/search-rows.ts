/**
 * What a search thread keeps of the rows its searches show: bills' and law sections' rows, their
 * passage words (passage-words.ts) and passages' texts, each by key, for one generation of the data
 * (the meta `generation` every import bumps in its own transaction, read with the term index's builds:
 * term-rank.ts). A search of words reads only the rows it has not kept: the same bills and sections
 * come back search after search (the longest texts hold the most words), and reading their rows,
 * words and passages again was 0.2 ms of a 0.6 ms search on SQLite (2,000 of the session bench's new
 * searches, in one process), two round trips of four on PostgreSQL.
 *
 * Each kind is bounded (least recently used first out); a search that read another generation than
 * the kept one starts the thread's rows again.
 */
import { LruCache } from '../server/lru.js';
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
  readonly bills: LruCache<number, BillRow>;
  readonly sections: LruCache<number, SectionRow>;
  /** By owner number (passages.ts): the owner's passage words, or null when it has none. */
  readonly words: LruCache<number, string | null>;
  /** By passage id. */
  readonly passages: LruCache<number, string>;
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
    bills: new LruCache(KEPT_ROWS.bills),
    sections: new LruCache(KEPT_ROWS.sections),
    words: new LruCache(KEPT_ROWS.words),
    passages: new LruCache(KEPT_ROWS.passages),
  };
  // The last generation read is taken as the newest: a search that read the one before, while an import
  // committed, has rows of its own, as if nothing were kept.
  kept.set(db, rows);
  return rows;
}
