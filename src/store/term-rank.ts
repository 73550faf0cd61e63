/**
 * Full-text searches ranked from the term index (term-index.ts): the query's words as each database
 * indexes them, their postings (kept in memory per connection and build of the index), and bm25 over
 * the rows holding every word — the formula, inputs and ties of FTS5's `ORDER BY rank`, on SQLite to
 * the last bit; on PostgreSQL over its own words and counts. A fraction of a millisecond for the
 * 5,000 bills of the session bench that say "shall", where FTS5 takes 10 ms and ts_rank_cd 380 ms.
 */
import { LRUCache } from 'lru-cache';
import type { Dialect, SqlValue } from './dialect.js';
import { stemOf } from './snippets.js';
import { decodePairs, OWNERS, type Pairs, type TermOwner } from './term-index.js';

/** One owner's index as a search reads it: kept per connection and build. */
interface Loaded {
  build: string;
  rows: number;
  avgdl: number;
  /** Each row's share of bm25's denominator, by key: k1·(1 − b + b·D / avgdl), as bm25 computes it. */
  norms: Float64Array;
  /** Words' postings read, NONE for a word the owner's rows do not hold. */
  postings: LRUCache<string, Postings>;
}

type Postings = Pairs & { idf: number };

/** The postings of a word no row holds: none, as rankIn reads an empty list (lru-cache holds no null). */
const NONE: Postings = { keys: new Float64Array(0), values: new Float64Array(0), idf: 0 };

const loaded = new WeakMap<Dialect, Map<TermOwner, Loaded>>();
/** Phrases' FTS5 words kept a connection; beyond it the least recently used go first. */
const KEPT_PHRASES = 10000;
const tokenized = new WeakMap<Dialect, LRUCache<string, string[]>>();
/** Words' postings kept per owner; beyond it the least recently used go first. */
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
  const index: Loaded = { build, rows: keys.length, avgdl, norms, postings: new LRUCache({ max: KEPT_TERMS }) };
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
  // Held here, not read back from the cache after the read: another search of the thread may drop them meanwhile.
  const held = indexes.map((index) => index && terms.map((t) => index.postings.get(t)));
  // The words not kept, from the reads above (not read again by `has`).
  const wanted: Wanted[] = [];
  for (let i = 0; i < indexes.length; i++) {
    const list = held[i];
    if (!list) continue;
    let missing: string[] | undefined;
    for (let t = 0; t < terms.length; t++) if (list[t] === undefined && !(missing ??= []).includes(terms[t]!)) missing.push(terms[t]!);
    if (missing) wanted.push({ owner: owners[i]!, index: indexes[i]!, missing });
  }
  if (wanted.length) {
    const read = postingsRead(wanted);
    keepPostings(wanted, await db.all<PostingsRow>(read.sql, read.params));
    for (let i = 0; i < indexes.length; i++) for (let t = 0; t < terms.length; t++) if (indexes[i]) held[i]![t] ??= indexes[i]!.postings.get(terms[t]!);
  }
  return held.map((list) => list && list.map((p) => (p === undefined || p === NONE ? null : p)));
}

/** Each owner's words not kept, for the owners whose index is loaded. */
type Wanted = { owner: TermOwner; index: Loaded; missing: string[] };

function missingPostings(owners: TermOwner[], indexes: Array<Loaded | undefined>, terms: string[]): Wanted[] {
  const wanted: Wanted[] = [];
  for (const [i, index] of indexes.entries()) {
    if (!index) continue;
    const missing = [...new Set(terms.filter((t) => !index.postings.has(t)))];
    if (missing.length) wanted.push({ owner: owners[i]!, index, missing });
  }
  return wanted;
}

type PostingsRow = { owner: number; term: string; data: Uint8Array; idf: number };

/** The statement reading the words `wanted`, each owner's N in its idf: one statement text per shape of query. */
function postingsRead(wanted: Wanted[]): { sql: string; params: SqlValue[] } {
  return {
    sql: `SELECT owner, term, data, ln((CAST(CASE owner ${wanted.map(() => 'WHEN ? THEN ?').join(' ')} END AS DOUBLE PRECISION) - docs + 0.5) / (docs + 0.5)) AS idf
         FROM term_postings WHERE ${wanted.map((w) => `(owner = ? AND term IN (${w.missing.map(() => '?').join(', ')}))`).join(' OR ')}`,
    params: [...wanted.flatMap((w) => [OWNERS[w.owner].code, w.index.rows]), ...wanted.flatMap((w) => [OWNERS[w.owner].code, ...w.missing])],
  };
}

/**
 * PostgreSQL: the same read with the builds, before the build is known to be the loaded index's: each
 * owner's words as an array (one statement text for any number), with `words` also those of the words
 * of `w` (buildsRead); each owner's N its number of rows as the table holds it now (the docs of its
 * lengths, the term ''), which is the loaded index's when the build is the same (another build's
 * postings are dropped). With the loaded index's N, a word of a newer build in more rows than the
 * index had gave a negative logarithm. Each owner apart, so that PostgreSQL reads its words by the
 * primary key (an OR of both owners with words from `w` was a sequential scan of the table).
 */
function postingsReadAnyBuild(wanted: Wanted[], words: boolean): { sql: string; params: SqlValue[] } {
  const more = words ? " || ARRAY(SELECT substr(q, 2, length(q) - 2) FROM w WHERE q <> '' AND strpos(q, ' ') = 0)" : '';
  return {
    sql: wanted
      .map(
        () => `SELECT owner, term, data, ln((CAST((SELECT n.docs FROM term_postings n WHERE n.owner = ? AND n.term = '') AS DOUBLE PRECISION) - docs + 0.5) / (docs + 0.5)) AS idf
         FROM term_postings WHERE owner = ? AND term = ANY(?::text[]${more})`,
      )
      .join(' UNION ALL '),
    params: wanted.flatMap((w) => [OWNERS[w.owner].code, OWNERS[w.owner].code, w.missing as unknown as SqlValue]),
  };
}

/** Keeps the postings read for the words `wanted` (NONE for a word not read: no row holds it). */
function keepPostings(wanted: Wanted[], rows: PostingsRow[]): void {
  const read = new Map<string, PostingsRow>();
  for (const row of rows) read.set(`${Number(row.owner)}\t${row.term}`, row);
  // Only the words wanted decoded: a read with the builds may bring words kept already (buildsRead).
  for (const w of wanted) {
    for (const term of w.missing) {
      const row = read.get(`${OWNERS[w.owner].code}\t${term}`);
      w.index.postings.set(term, row ? { ...decodePairs(row.data), idf: row.idf <= 0 ? 1e-6 : row.idf } : NONE);
    }
  }
}

/** Connections whose temp schema holds the tokenizer's tables (tokensOf). */
const tokenTables = new WeakSet<Dialect>();

/**
 * A phrase of one plain word (ASCII letters, as ftsQuery writes them: folded to lower case) as FTS5's
 * `porter unicode61` indexes it, by the `stemmer` package (snippets.ts's stemOf): the same stem for each
 * of 545,504 words (every word of the shared corpus, and each with 19 common endings) but four, all
 * with `yy` (`yyed`: FTS5 `y`, stemmer `yy`), which are left to FTS5, as are words past 40 letters
 * (FTS5's porter passes a word past 64 bytes through unstemmed). Else undefined.
 */
function plainStem(phrase: string): string[] | undefined {
  return /^[a-z]{1,40}$/.test(phrase) && !phrase.includes('yy') ? [stemOf(phrase)] : undefined;
}

/**
 * The words FTS5 indexes for each phrase: a plain word's by plainStem, without a statement (three a new
 * word's search on SQLite); others by FTS5's own tokenizer (a table of the connection's temp schema,
 * the same tokenizer as the indexes): `"Providing"` → `provid`. The table is contentless and
 * emptied by FTS5's `delete-all` before each use (a DELETE from a table with content reads each row
 * back and tokenizes it again), its phrases inserted in one statement, and created once a connection.
 */
async function tokensOf(db: Dialect, phrases: string[]): Promise<string[][]> {
  let cache = tokenized.get(db);
  if (!cache) tokenized.set(db, (cache = new LRUCache({ max: KEPT_PHRASES })));
  // Held here, not read back from the cache: another search of the thread may drop them meanwhile.
  const words = phrases.map((p) => plainStem(p) ?? cache!.get(p));
  const missing = phrases.filter((_, i) => words[i] === undefined);
  if (missing.length) {
    if (!tokenTables.has(db)) {
      await db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.billdiff_tokens USING fts5 (text, content='', tokenize='porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS temp.billdiff_token_list USING fts5vocab(temp, billdiff_tokens, instance);`);
      tokenTables.add(db);
    }
    // Emptied first: a search that failed between its insert and its read leaves nothing for the next.
    await db.run("INSERT INTO temp.billdiff_tokens (billdiff_tokens) VALUES ('delete-all')");
    await db.run(`INSERT INTO temp.billdiff_tokens (rowid, text) VALUES ${missing.map(() => '(?, ?)').join(', ')}`, missing.flatMap((phrase, i) => [i + 1, phrase]));
    const rows = await db.all<{ doc: number; term: string }>('SELECT doc, term FROM temp.billdiff_token_list ORDER BY doc, "offset"');
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
 * than that: a phrase of several words, OR, a word left out. None on PostgreSQL for a query of stop
 * words alone (its tsquery is empty: it matches nothing).
 *
 * PostgreSQL: a query whose tsquery the thread knows (kept, or made of its plain words' own:
 * `knownTsquery`) reads the builds with the postings of `owners` it has not kept (rankEach), in one
 * round trip where there were two; one it does not know reads its tsquery, and its plain words' own.
 */
export async function termQuery(db: Dialect, match: string, owners: TermOwner[] = [], generation?: string): Promise<TermQuery | undefined> {
  const trusted = generation === undefined ? undefined : await termsOfGeneration(db, match, owners, generation);
  if (trusted) return trusted;
  let terms: string[] | undefined;
  let builds: Builds | undefined;
  if (db.kind === 'sqlite') {
    builds = await db.get(BUILDS);
    terms = await ftsTerms(db, match);
  } else {
    const known = knownTsquery(db, match);
    // Stop words alone: nothing to read.
    if (known === '') return { terms: [], builds: { bill: null, section: null }, generation: null };
    if (known !== undefined) {
      terms = tsqueryTerms(known);
      builds = await buildsRead(db, owners, terms);
    } else {
      // Plain words the thread has not met: their tsqueries asked too, and their words' postings.
      const kept = wordTsqueries.get(db);
      const plain = plainWords(match);
      const row = await buildsRead(db, owners, plain?.flatMap((w) => lexemeOf(kept?.get(w)) ?? []), match, plain?.filter((w) => kept?.get(w) === undefined));
      builds = row;
      if (row?.q != null) keepTsquery(db, match, row.q);
      terms = row?.q == null ? undefined : row.q === '' ? [] : tsqueryTerms(row.q);
    }
  }
  if (builds?.generation != null) buildsKept.set(db, { bill: builds.bill, section: builds.section, generation: builds.generation });
  return terms && builds ? { terms, builds: { bill: builds.bill, section: builds.section }, generation: builds.generation ?? null } : undefined;
}

type Builds = { bill: string | null; section: string | null; generation: string | null };

/** The builds read last on each connection (pool), with the generation read in the same statement. */
const buildsKept = new WeakMap<Dialect, Builds>();

/**
 * termQuery without a statement, for the data's `generation` as the caller (the server, which keeps the
 * answer only if its own read finds that generation) takes it: when the builds read last were read with
 * that generation, the query's words are known (PostgreSQL: its tsquery kept, or its plain words'), and
 * each owner's index is loaded at that build. A generation's builds never change: each import writes
 * its term index's builds and then a new generation in one transaction (import/index.ts), and a
 * migration's too (migrations.ts). The words' postings not kept are read by rankEach, as they would be
 * with the builds (on SQLite a statement of their own: reading the builds again cost a statement at 29%
 * of the session bench's new searches). Read while an import commits, postings of a newer build may be
 * kept in the loaded index: only for answers of the generation given, which the caller drops, as its
 * read finds the newer one, and whose builds (another index) the next search reads.
 * Else undefined: the caller reads the builds as before.
 */
async function termsOfGeneration(db: Dialect, match: string, owners: TermOwner[], generation: string): Promise<TermQuery | undefined> {
  const builds = buildsKept.get(db);
  if (builds?.generation !== generation) return undefined;
  let terms: string[] | undefined;
  if (db.kind === 'sqlite') terms = await ftsTerms(db, match);
  else {
    const known = knownTsquery(db, match);
    terms = known ? tsqueryTerms(known) : undefined;
  }
  if (!terms) return undefined;
  const byOwner = loaded.get(db);
  for (const owner of owners) {
    const build = owner === 'bill' ? builds.bill : builds.section;
    // A stale index is not read (indexOf): the search goes to the full-text index, whose statements read the data as it is.
    if (!build || build === 'stale') continue;
    const index = byOwner?.get(owner);
    if (index?.build !== build) return undefined;
  }
  return { terms, builds: { bill: builds.bill, section: builds.section }, generation };
}

/**
 * PostgreSQL, in one round trip: the builds; with `match`, its tsquery, and with `words` (plain words'
 * not kept), theirs, kept; and the postings the indexes of `owners` loaded have not kept, of `lexemes`
 * and of `words`' own, kept when read for the build the index holds.
 */
async function buildsRead(db: Dialect, owners: TermOwner[], lexemes: string[] | undefined, match?: string, words?: string[]): Promise<(Builds & { q?: string }) | undefined> {
  const byOwner = loaded.get(db);
  const indexes = owners.map((o) => byOwner?.get(o));
  const withWords = words !== undefined && words.length > 0;
  const wanted = lexemes ? missingPostings(owners, indexes, lexemes) : [];
  if (withWords) for (const [i, index] of indexes.entries()) if (index && !wanted.some((w) => w.index === index)) wanted.push({ owner: owners[i]!, index, missing: [] });
  const params: SqlValue[] = [];
  // The words' tsqueries, and their lexemes: those of one word (`'provid'`).
  const head = withWords ? "WITH w AS (SELECT u.n, websearch_to_tsquery('english', u.w)::text AS q FROM unnest(?::text[]) WITH ORDINALITY AS u (w, n)) " : '';
  if (withWords) params.push(words as unknown as SqlValue);
  const more: string[] = [];
  if (match !== undefined) {
    more.push("websearch_to_tsquery('english', ?)::text AS q");
    params.push(match);
  }
  if (withWords) more.push('ARRAY(SELECT q FROM w ORDER BY n) AS words');
  const columns = ['b.bill, b.section, b.generation', ...more].join(', ');
  type Row = Builds & { q?: string; words?: string[] } & Partial<PostingsRow>;
  let rows: Row[];
  if (!wanted.length) rows = await db.all<Row>(`${head}SELECT ${columns} FROM (${BUILDS}) b`, params);
  else {
    const read = postingsReadAnyBuild(wanted, withWords);
    rows = await db.all<Row>(
      `${head}SELECT NULL AS owner, NULL AS term, NULL AS data, NULL AS idf, ${columns} FROM (${BUILDS}) b
        UNION ALL SELECT p.owner, p.term, p.data, p.idf, NULL, NULL, NULL${more.map(() => ', NULL').join('')} FROM (${read.sql}) p`,
      [...params, ...read.params],
    );
  }
  const builds = wanted.length ? rows.find((r) => r.owner === null) : rows[0];
  if (!builds) return undefined;
  const found = withWords && builds.words ? keepWords(db, words, builds.words) : [];
  const current = wanted.filter((w) => w.index.build === (w.owner === 'bill' ? builds.bill : builds.section));
  // The words' own read for every owner: those an index has kept already (another word of the same stem) are not decoded again.
  for (const w of current) w.missing = [...new Set([...w.missing, ...found.filter((t) => !w.index.postings.has(t))])];
  if (wanted.length) keepPostings(current, rows.filter((r): r is Row & PostingsRow => r.owner !== null));
  return builds;
}

/** The words of a full-text query as termQuery reads them, without the builds. */
export async function queryTerms(db: Dialect, match: string): Promise<string[] | undefined> {
  if (db.kind === 'sqlite') return ftsTerms(db, match);
  let q = knownTsquery(db, match);
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

/**
 * PostgreSQL: plain words' own tsqueries (`plainWords`), each one word (`'provid'`) or none (`''`, a
 * stop word), kept per connection pool. websearch_to_tsquery reads text outside quotes as plainto_tsquery
 * does: each run of characters between spaces (none of `"`, `-`, `or`) is parsed alone, and the words
 * found are joined by `&`, stop words left out. So a query of plain words, each of one word or none,
 * has for its tsquery their words joined by ` & `: a new search of words the thread has met needs
 * no round trip for its tsquery (in the session bench, a thread has met every word of most new searches
 * once it has run a few thousand).
 */
const wordTsqueries = new WeakMap<Dialect, LRUCache<string, string>>();
/** Plain words' tsqueries kept; beyond it the least recently used go first. */
const KEPT_WORDS = 16384;

/** A query's words when it is plain words (ASCII letters and digits, a space between, none `or`), else undefined. */
function plainWords(match: string): string[] | undefined {
  if (!/^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/.test(match)) return undefined;
  const words = match.split(' ');
  return words.some((w) => w.length === 2 && w.toLowerCase() === 'or') ? undefined : words;
}

/** Keeps the tsqueries of plain words that are one word or none; returns the words' lexemes (of those of one word). */
function keepWords(db: Dialect, words: string[], qs: string[]): string[] {
  let kept = wordTsqueries.get(db);
  if (!kept) wordTsqueries.set(db, (kept = new LRUCache({ max: KEPT_WORDS })));
  const lexemes: string[] = [];
  for (const [i, word] of words.entries()) {
    const q = qs[i];
    const lexeme = lexemeOf(q);
    if (q === undefined || lexeme === undefined) continue;
    kept.set(word, q);
    lexemes.push(...lexeme);
  }
  return lexemes;
}

/**
 * A plain word's lexeme from its tsquery (`'provid'` → `provid`), [] for none (`''`, a stop word), else
 * undefined: a tsquery that is not one lexeme, or a word not kept.
 */
function lexemeOf(q: string | undefined): string[] | undefined {
  if (q === '') return [];
  return q !== undefined && /^'[^'\\ ]+'$/.test(q) ? [q.slice(1, -1)] : undefined;
}

/** The tsquery of `match` when the thread knows it: kept, or made of its plain words' own. */
function knownTsquery(db: Dialect, match: string): string | undefined {
  const kept = tsqueries.get(db)?.get(match);
  if (kept !== undefined) return kept;
  const words = wordTsqueries.get(db);
  const plain = words && plainWords(match);
  if (!plain) return undefined;
  const parts: string[] = [];
  for (const word of plain) {
    const q = words.get(word);
    if (q === undefined) return undefined;
    if (q) parts.push(q);
  }
  return parts.join(' & ');
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
  for (let i = 0; i < indexes.length; i++) out.push(indexes[i] && rankIn(indexes[i]!, postings[i]!, limit));
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
  // The heap's worst rank once it is full (Infinity before): a row ranked no better is dropped here,
  // the keys falling (of equal ranks the one offered first stays), without the call to `offer`, which
  // V8 does not inline and whose rank argument it boxed, a heap number for every matching row.
  let worst = Number.POSITIVE_INFINITY;
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
    const rank = -1.0 * score;
    if (rank >= worst) continue;
    worst = top.offer(key, rank);
  }
  return { count, hits: top.sorted() };
}

/** TopRanks' arrays, grown to the largest limit asked for. */
let SCRATCH_KEYS = new Float64Array(128);
let SCRATCH_RANKS = new Float64Array(128);

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

  /**
   * The heap in the module's scratch arrays (bm25 ranks one list at a time, and `sorted` copies the
   * heap out before it returns): two arrays of a few hundred bytes each, made for each owner of each
   * search, were each a buffer outside V8's heap, allocated and then swept.
   */
  constructor(private readonly limit: number) {
    if (limit > SCRATCH_KEYS.length) {
      SCRATCH_KEYS = new Float64Array(limit);
      SCRATCH_RANKS = new Float64Array(limit);
    }
    this.#keys = SCRATCH_KEYS;
    this.#ranks = SCRATCH_RANKS;
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

  /** Offers a row; returns the worst rank kept once `limit` are kept, else Infinity (see bm25). */
  offer(key: number, rank: number): number {
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
      return this.#n < this.limit ? Number.POSITIVE_INFINITY : this.#ranks[0]!;
    }
    if (!n) return Number.POSITIVE_INFINITY;
    const root = this.#ranks[0]!;
    if (rank > root || (rank === root && key < this.#keys[0]!)) return root;
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
    return this.#ranks[0]!;
  }

  sorted(): Array<{ key: number; rank: number }> {
    const out: Array<{ key: number; rank: number }> = [];
    for (let i = 0; i < this.#n; i++) out.push({ key: this.#keys[i]!, rank: this.#ranks[i]! });
    return out.sort((a, b) => a.rank - b.rank || b.key - a.key);
  }
}
