/**
 * The term index: for each word of the full-text index, the bills (or law sections) holding it and
 * how often each does, and the length of every bill and section in words, kept at import (a few bytes
 * a pair; 8 MB for the session bench). A search of words ranks its matches from these by bm25
 * (term-rank.ts) in a fraction of a millisecond, where FTS5 reads every match's position lists
 * (about 2 µs a match: 10 ms for the 5,000 bills of the session bench that say "shall") and
 * PostgreSQL's ts_rank_cd every match's tsvector.
 *
 * The index is made again after an import that changed the texts: triggers mark it stale whenever a
 * bill's search text or a law section changes (any writer, an import or a hand-written statement),
 * and a stale index is never read.
 */
import type { Dialect } from './dialect.js';

export type TermOwner = 'bill' | 'section';

export const OWNERS: Record<TermOwner, { code: number; fts: string; table: string; meta: string }> = {
  bill: { code: 0, fts: 'bills_fts', table: 'bills', meta: 'terms:bill' },
  section: { code: 1, fts: 'sections_fts', table: 'law_sections', meta: 'terms:section' },
};

/** The meta keys whose value is the build of each owner's index, or `stale`. */
export const TERM_INDEX_META = Object.values(OWNERS).map((o) => o.meta);

/** Whether an owner's index is stale (to be made again: `rebuildTermIndex`). */
export async function termIndexStale(db: Dialect): Promise<boolean> {
  const state = await db.all<{ value: string }>(`SELECT value FROM meta WHERE key IN (${TERM_INDEX_META.map(() => '?').join(', ')})`, TERM_INDEX_META);
  return state.some((s) => s.value === 'stale');
}

/** Pairs of whole numbers (a key, ascending, then a count) as varints, each key as its step from the one before. */
export function encodePairs(keys: ArrayLike<number>, values: ArrayLike<number>): Buffer {
  const out: number[] = [];
  const put = (n: number) => {
    while (n >= 128) {
      out.push((n % 128) | 128);
      n = Math.floor(n / 128);
    }
    out.push(n);
  };
  let last = 0;
  for (let i = 0; i < keys.length; i++) {
    put(keys[i]! - last);
    put(values[i]!);
    last = keys[i]!;
  }
  return Buffer.from(out);
}

export interface Pairs {
  keys: Float64Array;
  values: Float64Array;
}

export function decodePairs(data: Uint8Array): Pairs {
  // Each number ends at a byte below 128: counted first, so that each array is made once, at its size
  // (a common word's postings are tens of thousands of pairs). Each loop in a function of its own, with
  // nothing after it: V8 compiled the long loops on stack replacement before the function had ever
  // returned, and the code, with no feedback for the object returned, left for the interpreter at its
  // end — 274 times in 3,000 of the session bench's new searches, the same code entered again each time.
  const pairs = endingBytes(data) >> 1;
  const keys = new Float64Array(pairs);
  const values = new Float64Array(pairs);
  decodeInto(data, keys, values);
  return { keys, values };
}

/** How many bytes of `data` are below 128 (each ends a number). */
function endingBytes(data: Uint8Array): number {
  let numbers = 0;
  for (let i = 0; i < data.length; i++) if (data[i]! < 128) numbers++;
  return numbers;
}

/** The pairs of `data` into `keys` and `values` (of its pairs' number). */
function decodeInto(data: Uint8Array, keys: Float64Array, values: Float64Array): void {
  let i = 0;
  let key = 0;
  // The numbers in turn: a key's step, then its count.
  for (let k = 0; k < 2 * keys.length; k++) {
    let n = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = data[i++]!;
      n += (byte & 127) * scale;
      if (byte < 128) break;
    }
    if (k & 1) values[k >> 1] = n;
    else keys[k >> 1] = key += n;
  }
}

/** A row's length in words: the sum of its FTS5 docsize blob, one SQLite varint (most significant 7 bits first) a column. */
function docsize(blob: Uint8Array): number {
  let total = 0;
  let n = 0;
  for (const byte of blob) {
    n = n * 128 + (byte & 127);
    if (byte < 128) {
      total += n;
      n = 0;
    }
  }
  return total;
}

/**
 * Makes the stale owners' indexes again, inside the caller's transaction: from FTS5's own index on
 * SQLite (its words and their places, its row lengths), from the tsvectors on PostgreSQL (a word's
 * count in a row is the number of its positions, which PostgreSQL keeps up to 256; a row's length,
 * the sum of them).
 */
export async function rebuildTermIndex(db: Dialect): Promise<void> {
  const state = await db.all<{ key: string; value: string }>(`SELECT key, value FROM meta WHERE key IN (${TERM_INDEX_META.map(() => '?').join(', ')})`, TERM_INDEX_META);
  const build = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  for (const owner of Object.values(OWNERS)) {
    if (state.find((s) => s.key === owner.meta)?.value !== 'stale') continue;
    await db.run('DELETE FROM term_postings WHERE owner = ?', [owner.code]);
    const rows: Array<[string, number, Buffer]> = [];
    const add = (term: string, keys: ArrayLike<number>, values: ArrayLike<number>) => rows.push([term, keys.length, encodePairs(keys, values)]);
    if (db.kind === 'sqlite') await fromFts5(db, owner, add);
    else await fromTsvectors(db, owner, add);
    for (let i = 0; i < rows.length; i += 100) {
      const batch = rows.slice(i, i + 100);
      await db.run(`INSERT INTO term_postings (owner, term, docs, data) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}`, batch.flatMap((r) => [owner.code, ...r]));
    }
    await db.run('UPDATE meta SET value = ? WHERE key = ?', [build, owner.meta]);
  }
}

type Add = (term: string, keys: ArrayLike<number>, values: ArrayLike<number>) => void;

/** The lengths (as the term '') and every word's postings of an FTS5 index, through fts5vocab tables on the connection's temp schema. */
async function fromFts5(db: Dialect, owner: (typeof OWNERS)[TermOwner], add: Add): Promise<void> {
  const sizes = await db.all<{ id: number; sz: Uint8Array }>(`SELECT id, sz FROM ${owner.fts}_docsize ORDER BY id`);
  add('', sizes.map((s) => s.id), sizes.map((s) => docsize(s.sz)));
  await db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.billdiff_${owner.fts}_rows USING fts5vocab(main, ${owner.fts}, row);
CREATE VIRTUAL TABLE IF NOT EXISTS temp.billdiff_${owner.fts}_instances USING fts5vocab(main, ${owner.fts}, instance);`);
  for (const { term } of await db.all<{ term: string }>(`SELECT term FROM temp.billdiff_${owner.fts}_rows`)) {
    const rows = await db.all<{ doc: number; n: number }>(`SELECT doc, COUNT(*) AS n FROM temp.billdiff_${owner.fts}_instances WHERE term = ? GROUP BY doc ORDER BY doc`, [term]);
    add(term, rows.map((r) => r.doc), rows.map((r) => r.n));
  }
}

/** The same from the rows' tsvectors. */
async function fromTsvectors(db: Dialect, owner: (typeof OWNERS)[TermOwner], add: Add): Promise<void> {
  const keys = (await db.all<{ key: number }>(`SELECT key FROM ${owner.table} ORDER BY key`)).map((r) => r.key);
  const lengths = new Map<number, number>(keys.map((k) => [k, 0]));
  const terms = await db.all<{ term: string; keys: number[]; counts: number[] }>(
    `SELECT u.lexeme AS term, array_agg(t.key::int ORDER BY t.key) AS keys, array_agg(COALESCE(array_length(u.positions, 1), 1) ORDER BY t.key) AS counts
       FROM ${owner.table} t, unnest(t.tsv) u GROUP BY u.lexeme`,
  );
  for (const t of terms) for (let i = 0; i < t.keys.length; i++) lengths.set(t.keys[i]!, (lengths.get(t.keys[i]!) ?? 0) + t.counts[i]!);
  add('', keys, keys.map((k) => lengths.get(k)!));
  for (const t of terms) add(t.term, t.keys, t.counts);
}
