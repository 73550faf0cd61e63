/**
 * What a search thread keeps of the rows its searches show: bills' and law sections' rows with their
 * passage words (passage-words.ts), by owner, and passages' texts, by id, for one generation of the data
 * (the meta `generation` every import bumps in its own transaction, read with the term index's builds:
 * term-rank.ts). A search of words reads only the rows it has not kept: the same bills and sections
 * come back search after search (the longest texts hold the most words), and reading their rows,
 * words and passages again was 0.2 ms of a 0.6 ms search on SQLite (2,000 of the session bench's new
 * searches, in one process), two round trips of four on PostgreSQL.
 *
 * Owners and passages are bounded apart (the least recently used go first: lru-cache, whose read of an entry moves it
 * without a Map's delete and set); a search that read another generation than the kept one starts the
 * thread's rows again.
 */
import { LRUCache } from 'lru-cache';
import type { Dialect } from './dialect.js';
import type { HeldPassage } from './snippets.js';
import type { Author } from '../types.js';
import type { BillRow } from './types.js';

/** A law section's row as a search shows it. */
export interface SectionRow {
  code: string;
  number: string;
  heading: string;
}

/**
 * Owners (bills and sections) and passages kept, at most. An owner's row is a few hundred bytes, its
 * words ~2 kB; a passage ~0.6 kB.
 */
export const KEPT_ROWS = { owners: 8192, passages: 8192 } as const;

/** An owner kept without passage words (words read are never empty: each term starts with a newline). */
export const NO_WORDS = '';

/**
 * What is kept of an owner (a bill or a law section), by its owner number (passages.ts): its row, its
 * passage words (NO_WORDS when it has none), and the passages' lists of the words searched for, as
 * passage-words.ts reads them from its words. One entry an owner, read once a search: its row, words
 * and lists in caches of their own were three reads of lru-cache a result, whose `get` (options
 * destructured with defaults at each call) was a tenth of a search's processor time.
 */
export interface KeptOwner {
  bill?: BillRow;
  section?: SectionRow;
  words?: string;
  lists?: Map<string, number[] | null>;
  /** Its result's id (a section's), title, address and authors (a bill's), once made (search-text.ts). */
  id?: string;
  title?: string;
  url?: string;
  authors?: Author[];
}

/** A passage kept, by id: its text, and its words once a snippet has read them (snippets.ts). */
export type KeptPassage = HeldPassage;

export interface KeptRows {
  readonly generation: string;
  /** By owner number (passages.ts). */
  readonly owners: LRUCache<number, KeptOwner>;
  /** By passage id. */
  readonly passages: LRUCache<number, KeptPassage>;
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
    owners: new LRUCache({ max: KEPT_ROWS.owners }),
    passages: new LRUCache({ max: KEPT_ROWS.passages }),
  };
  // The last generation read is taken as the newest: a search that read the one before, while an import
  // committed, has rows of its own, as if nothing were kept.
  kept.set(db, rows);
  return rows;
}

/** The entry kept of an owner, made (empty) when there is none. */
export function keptOwner(kept: KeptRows, owner: number): KeptOwner {
  let entry = kept.owners.get(owner);
  if (entry === undefined) kept.owners.set(owner, (entry = {}));
  return entry;
}
