/**
 * Full-text searches ranked from the term index (term-index.ts): the query's words as each database
 * indexes them, their postings (kept in memory per connection and build of the index), and bm25 over
 * the rows holding every word — the formula, inputs and ties of FTS5's `ORDER BY rank`, on SQLite to
 * the last bit; on PostgreSQL over its own words and counts. A fraction of a millisecond for the
 * 5,000 bills of the session bench that say "shall", where FTS5 takes 10 ms and ts_rank_cd 380 ms.
 */
import { LRUCache } from 'lru-cache';
import type { Dialect } from './dialect.js';
import { decodePairs, OWNERS, type Pairs, type TermOwner } from './term-index.js';

/** One owner's index as a search reads it: kept per connection and build. */
interface Loaded {
  build: string;
  rows: number;
  avgdl: number;
  /** Each row's share of bm25's denominator, by key: k1·(1 − b + b·D / avgdl), as bm25 computes it. */
  norms: Float64Array;
  postings: Map<string, Postings | null>;
}

type Postings = Pairs & { idf: number };

const loaded = new WeakMap<Dialect, Map<TermOwner, Loaded>>();
/** Phrases' FTS5 words kept a connection; beyond it the least recently used go first. */
const KEPT_PHRASES = 10000;
const tokenized = new WeakMap<Dialect, LRUCache<string, string[]>>();
/** Words' postings kept per owner; beyond it the cache starts again. */
const KEPT_TERMS = 4096;

/** The owner's index at its current build (`build`, from the meta table), or undefined when it is stale (or absent). */
async function indexOf(db: Dialect, owner: TermOwner, build: string | null): Promise<Loaded | undefined> {
  if (!build || build === 'stale') return undefined;
  let byOwner = loaded.get(db);
  if (!byOwner) loaded.set(db, (byOwner = new Map()));
  const held = byOwner.get(owner);
  if (held?.build === build) return held;
  const row = await db.get<{ data: Uint8Array }>("SELECT data FROM term_postings WHERE owner = ? AND term = ''", [OWNERS[owner].code]);
  if (!row) return undefined;
  const { keys, values } = decodePairs(row.data);
  // Keys are the tables' row numbers, given in turn: an array by key is a few hundred kilobytes. Each
  // row's length in words, by key, then its share of bm25's denominator.
  const largest = keys.length ? keys[keys.length - 1]! : 0;
  if (largest > 64 * (keys.length + 65536)) return undefined;
  const lengths = new Float64Array(largest + 1);
  let total = 0;
  for (let i = 0; i < keys.length; i++) {
    lengths[keys[i]!] = values[i]!;
    total += values[i]!;
  }
  const avgdl = total / keys.length;
  const norms = new Float64Array(lengths.length);
  for (let key = 0; key < lengths.length; key++) norms[key] = norm(lengths[key]!, avgdl);
  const index: Loaded = { build, rows: keys.length, avgdl, norms, postings: new Map() };
  byOwner.set(owner, index);
  return index;
}

/**
 * Words' postings and their idf, ln((N − n + 0.5) / (n + 0.5)): the logarithm the database's, as
 * FTS5's is (JavaScript's Math.log differs from the C library's in the last bit for 2% of numbers).
 * The words not kept are read in one query for every owner: on PostgreSQL each query is a round trip,
 * whose socket writes were a third of the server thread's time a search. Undefined for an owner whose
 * index is stale.
 */
async function postingsOf(db: Dialect, owners: TermOwner[], indexes: Array<Loaded | undefined>, terms: string[]): Promise<Array<Array<Postings | null> | undefined>> {
  const wanted: Array<{ owner: TermOwner; index: Loaded; missing: string[] }> = [];
  for (const [i, index] of indexes.entries()) {
    if (!index) continue;
    if (index.postings.size + terms.length > KEPT_TERMS) index.postings.clear();
    const missing = [...new Set(terms.filter((t) => !index.postings.has(t)))];
    if (missing.length) wanted.push({ owner: owners[i]!, index, missing });
  }
  if (wanted.length) {
    // Each owner's N in its idf, and only its missing words: one statement text per shape of query.
    const rows = await db.all<{ owner: number; term: string; data: Uint8Array; idf: number }>(
      `SELECT owner, term, data, ln((CAST(CASE owner ${wanted.map(() => 'WHEN ? THEN ?').join(' ')} END AS DOUBLE PRECISION) - docs + 0.5) / (docs + 0.5)) AS idf
         FROM term_postings WHERE ${wanted.map((w) => `(owner = ? AND term IN (${w.missing.map(() => '?').join(', ')}))`).join(' OR ')}`,
      [...wanted.flatMap((w) => [OWNERS[w.owner].code, w.index.rows]), ...wanted.flatMap((w) => [OWNERS[w.owner].code, ...w.missing])],
    );
    for (const w of wanted) for (const term of w.missing) w.index.postings.set(term, null);
    for (const row of rows) {
      const index = wanted.find((w) => OWNERS[w.owner].code === Number(row.owner))!.index;
      index.postings.set(row.term, { ...decodePairs(row.data), idf: row.idf <= 0 ? 1e-6 : row.idf });
    }
  }
  return indexes.map((index) => index && terms.map((t) => index.postings.get(t) ?? null));
}

/**
 * The words FTS5 indexes for each phrase, by FTS5's own tokenizer (a table of the connection's temp
 * schema, the same tokenizer as the indexes): `"Providing"` → `provid`.
 */
async function tokensOf(db: Dialect, phrases: string[]): Promise<string[][]> {
  let cache = tokenized.get(db);
  if (!cache) tokenized.set(db, (cache = new LRUCache({ max: KEPT_PHRASES })));
  // Held here, not read back from the cache: another search of the thread may drop them meanwhile.
  const words = phrases.map((p) => cache!.get(p));
  const missing = phrases.filter((_, i) => words[i] === undefined);
  if (missing.length) {
    await db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.billdiff_tokens USING fts5 (text, tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS temp.billdiff_token_list USING fts5vocab(temp, billdiff_tokens, instance);`);
    for (const [i, phrase] of missing.entries()) await db.run('INSERT INTO temp.billdiff_tokens (rowid, text) VALUES (?, ?)', [i + 1, phrase]);
    const rows = await db.all<{ doc: number; term: string }>('SELECT doc, term FROM temp.billdiff_token_list ORDER BY doc, "offset"');
    await db.run('DELETE FROM temp.billdiff_tokens');
    const read = new Map(missing.map((phrase, i) => [phrase, rows.filter((r) => r.doc === i + 1).map((r) => r.term)]));
    for (const [phrase, terms] of read) cache.set(phrase, terms);
    for (let i = 0; i < phrases.length; i++) words[i] ??= read.get(phrases[i]!);
  }
  return words as string[][];
}

/** What `rankByTerms` found: how many match, and the best `limit` keys with their FTS5 rank (lower is better). */
export interface Ranked {
  count: number;
  hits: Array<{ key: number; rank: number }>;
}

/** A full-text query's words as the index holds them, and the build of each owner's index. */
export interface TermQuery {
  terms: string[];
  builds: { bill: string | null; section: string | null };
  /** The data's generation, read with the builds (search-rows.ts). */
  generation: string | null;
}

/** The builds of both owners' indexes, and the data's generation. */
const BUILDS = `SELECT (SELECT value FROM meta WHERE key = '${OWNERS.bill.meta}') AS bill, (SELECT value FROM meta WHERE key = '${OWNERS.section.meta}') AS section, (SELECT value FROM meta WHERE key = 'generation') AS generation`;

/**
 * The words of a full-text query as the index holds them, every one required (SQLite: FTS5 phrases
 * `"word" "word"`, each of one word; PostgreSQL: the query as typed, read by websearch_to_tsquery), with
 * the builds of the indexes (one round trip on PostgreSQL). Undefined when the query asks for more
 * than that: a phrase of several words, OR, a word left out.
 */
export async function termQuery(db: Dialect, match: string): Promise<TermQuery | undefined> {
  let terms: string[] | undefined;
  let builds: { bill: string | null; section: string | null; generation: string | null } | undefined;
  if (db.kind === 'sqlite') {
    builds = await db.get(BUILDS);
    terms = await ftsTerms(db, match);
  } else {
    const kept = tsqueries.get(db)?.get(match);
    const row = await db.get<{ bill: string | null; section: string | null; generation: string | null; q: string }>(
      kept === undefined
        ? `${BUILDS}, websearch_to_tsquery('english', ?)::text AS q`
        : BUILDS,
      kept === undefined ? [match] : [],
    );
    builds = row;
    if (row && kept === undefined) keepTsquery(db, match, row.q);
    terms = row && tsqueryTerms(kept ?? row.q);
  }
  return terms && builds ? { terms, builds: { bill: builds.bill, section: builds.section }, generation: builds.generation ?? null } : undefined;
}

/** The words of a full-text query as termQuery reads them, without the builds. */
export async function queryTerms(db: Dialect, match: string): Promise<string[] | undefined> {
  if (db.kind === 'sqlite') return ftsTerms(db, match);
  let q = tsqueries.get(db)?.get(match);
  if (q === undefined) {
    const row = await db.get<{ q: string }>("SELECT websearch_to_tsquery('english', ?)::text AS q", [match]);
    if (!row) return undefined;
    keepTsquery(db, match, (q = row.q));
  }
  return tsqueryTerms(q);
}

/**
 * PostgreSQL: each query string's tsquery as text (websearch_to_tsquery's), kept per connection pool: a
 * page of the same search, or its snippets after a citation, reads it without a round trip.
 */
const tsqueries = new WeakMap<Dialect, LRUCache<string, string>>();
/** Query strings' tsqueries kept; beyond it the least recently used go first. */
const KEPT_TSQUERIES = 4096;

function keepTsquery(db: Dialect, match: string, q: string): void {
  let kept = tsqueries.get(db);
  if (!kept) tsqueries.set(db, (kept = new LRUCache({ max: KEPT_TSQUERIES })));
  kept.set(match, q);
}

/** FTS5 phrases' words, when each phrase is one word. */
async function ftsTerms(db: Dialect, match: string): Promise<string[] | undefined> {
  const phrases = [...match.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  const tokens = phrases.length ? await tokensOf(db, phrases) : [];
  return tokens.length && tokens.every((t) => t.length === 1) ? tokens.map((t) => t[0]!) : undefined;
}

/** A tsquery's words, when it is words joined by `&` and nothing else. */
function tsqueryTerms(q: string): string[] | undefined {
  return /^'(?:[^'\\]|'')+'(?: & '(?:[^'\\]|'')+')*$/.test(q) ? [...q.matchAll(/'((?:[^']|'')+)'/g)].map((m) => m[1]!.replace(/''/g, "'")) : undefined;
}

/**
 * The rows holding every word of `query` ranked by bm25 as FTS5 computes it: for each word,
 * idf = ln((N − n + 0.5) / (n + 0.5)) (1e-6 when not positive), times f·(k1 + 1) / (f + k1·(1 − b +
 * b·D / avgdl)) with k1 = 1.2, b = 0.75, f the word's occurrences in the row (every column), D the
 * row's length in words; summed in the query's order and negated (lower is better). Ties go to the
 * higher key (the newest). Undefined when the owner's index is stale.
 */
export async function rankByTerms(db: Dialect, owner: TermOwner, query: TermQuery, limit: number): Promise<Ranked | undefined> {
  return (await rankEach(db, [owner], query, limit))[0];
}

/** rankByTerms for each of `owners`, their words' postings not kept read in one query. */
export async function rankEach(db: Dialect, owners: TermOwner[], query: TermQuery, limit: number): Promise<Array<Ranked | undefined>> {
  const indexes: Array<Loaded | undefined> = [];
  // Each build read by its own name: a keyed read (builds[owner]) sent the optimised code back to the
  // interpreter at nearly every search ('wrong map'), and V8 compiled it again each time.
  for (const owner of owners) indexes.push(await indexOf(db, owner, owner === 'bill' ? query.builds.bill : query.builds.section));
  const postings = await postingsOf(db, owners, indexes, query.terms);
  const out: Array<Ranked | undefined> = [];
  for (const [i, index] of indexes.entries()) out.push(index && rankIn(index, postings[i]!, limit));
  return out;
}

/** One owner's ranking from its words' postings (see rankByTerms). */
function rankIn(index: Loaded, postings: Array<Postings | null>, limit: number): Ranked {
  // Arrays made by push, never by map(): map() made them with one elements kind where rankByTerms was
  // optimised and another where it was not, and bm25's optimised code took the other for a wrong map.
  const keys: Float64Array[] = [];
  const values: Float64Array[] = [];
  const idf: number[] = [];
  for (const pairs of postings) {
    if (!pairs || !pairs.keys.length) return { count: 0, hits: [] };
    keys.push(pairs.keys);
    values.push(pairs.values);
    idf.push(pairs.idf);
  }
  return bm25(keys, values, idf, index.norms, index.avgdl, limit);
}

/** A row's share of bm25's denominator, of its length in words D: k1·(1 − b + b·D / avgdl). */
function norm(D: number, avgdl: number): number {
  return 1.2 * (1 - 0.75 + (0.75 * D) / avgdl);
}

/**
 * rankByTerms's ranking of the rows in every list, in a function of its own: inside the async
 * function, V8 compiled its hot loop on stack replacement, with all the function around it, at 40-300
 * ms of compiler time a time, and again after each deoptimisation (13 times in 3,000 searches).
 * Every list's key in step with the shortest's, from the highest key down: of equal ranks the first
 * offered (the higher key) is kept, so ties cost nothing.
 */
function bm25(keys: Float64Array[], values: Float64Array[], idf: number[], norms: Float64Array, avgdl: number, limit: number): Ranked {
  let shortest = 0;
  for (let l = 1; l < keys.length; l++) if (keys[l]!.length < keys[shortest]!.length) shortest = l;
  const short = keys[shortest]!;
  const at: number[] = [];
  for (const list of keys) at.push(list.length - 1);
  const top = new TopRanks(limit);
  let count = 0;
  next: for (let s = short.length - 1; s >= 0; s--) {
    const key = short[s]!;
    for (let l = 0; l < keys.length; l++) {
      const list = keys[l]!;
      let i = at[l]!;
      while (i >= 0 && list[i]! > key) i--;
      at[l] = i;
      if (i < 0 || list[i] !== key) continue next;
    }
    count++;
    // Computed once a row, when the index is read (a key past the lengths: a row of no words).
    const k = key < norms.length ? norms[key]! : norm(0, avgdl);
    let score = 0;
    for (let l = 0; l < keys.length; l++) {
      const f = values[l]![at[l]!]!;
      score += idf[l]! * ((f * (1.2 + 1.0)) / (f + k));
    }
    top.offer(key, -1.0 * score);
  }
  return { count, hits: top.sorted() };
}

/**
 * The `limit` best (rank, then higher key) of the ranks offered: a bounded heap, its worst at the root.
 * Kept in typed arrays: in plain arrays the elements' kind (small integers, doubles, none) changed from
 * one search to the next, and the optimised code of rankByTerms, which inlines `sorted`, was sent back
 * to the interpreter and compiled again at most searches.
 */
class TopRanks {
  readonly #keys: Float64Array;
  readonly #ranks: Float64Array;
  #n = 0;

  constructor(private readonly limit: number) {
    this.#keys = new Float64Array(Math.max(0, limit));
    this.#ranks = new Float64Array(Math.max(0, limit));
  }

  /** Whether a is worse than b. */
  #worse(a: number, b: number): boolean {
    const ra = this.#ranks[a]!;
    const rb = this.#ranks[b]!;
    return ra > rb || (ra === rb && this.#keys[a]! < this.#keys[b]!);
  }

  #swap(a: number, b: number): void {
    const key = this.#keys[a]!;
    const rank = this.#ranks[a]!;
    this.#keys[a] = this.#keys[b]!;
    this.#ranks[a] = this.#ranks[b]!;
    this.#keys[b] = key;
    this.#ranks[b] = rank;
  }

  offer(key: number, rank: number): void {
    const n = this.#n;
    if (n < this.limit) {
      this.#keys[n] = key;
      this.#ranks[n] = rank;
      this.#n = n + 1;
      for (let i = n; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.#worse(i, parent)) break;
        this.#swap(i, parent);
        i = parent;
      }
      return;
    }
    if (!n) return;
    const root = this.#ranks[0]!;
    if (rank > root || (rank === root && key < this.#keys[0]!)) return;
    this.#keys[0] = key;
    this.#ranks[0] = rank;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.#worse(l, worst)) worst = l;
      if (r < n && this.#worse(r, worst)) worst = r;
      if (worst === i) break;
      this.#swap(i, worst);
      i = worst;
    }
  }

  sorted(): Array<{ key: number; rank: number }> {
    const out: Array<{ key: number; rank: number }> = [];
    for (let i = 0; i < this.#n; i++) out.push({ key: this.#keys[i]!, rank: this.#ranks[i]! });
    return out.sort((a, b) => a.rank - b.rank || b.key - a.key);
  }
}
