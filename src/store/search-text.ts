/**
 * Full-text search, ranked by relevance, with the number of matches. Words, every one required and
 * unfiltered, are ranked from the term index (term-rank.ts): bm25 over every match, as FTS5 computes
 * it. Anything else goes to the database's own index: SQLite FTS5 ranks every match by bm25
 * (`ORDER BY rank LIMIT n`: FTS5 scores the matches and keeps the best n); PostgreSQL ranks by
 * `ts_rank_cd` the matches its GIN index finds — every one of them up to `POSTGRES_RANKED`, else
 * the newest that many, and says so (`rankedBills`, `rankedSections`): ts_rank_cd reads each match's
 * whole tsvector (8 kB a bill in the session bench), so ranking the 5,000 bills that say "shall"
 * takes 380 ms where the newest 400 take 40 ms. Bills and sections are ranked apart (bm25 and ts_rank are not on one scale across two
 * indexes) and listed turn by turn. Each result's snippet is drawn from its best short passage
 * (snippets.ts, on a few hundred characters), never from its whole text. Snippets mark the
 * words found between `\u0001` and `\u0002`; the pages escape the text and draw the marks.
 */
import { sectionName } from './codes.js';
import { BILL_COLUMNS, billColumns } from './columns.js';
import { oneOf, type Dialect, type SqlValue } from './dialect.js';
import { lawsWithTheirBills } from './enacted.js';
import { leadsOf } from './leads.js';
import { sessionName } from './names.js';
import { firstPassage, firstPassages } from './passage-words.js';
import { ownerNumber, ownerNumberSql, passageRange, type PassageOwner } from './passages.js';
import { keptOwner, keptRows, NO_WORDS, type KeptOwner, type KeptPassage, type KeptRows, type SectionRow } from './search-rows.js';
import { MARK_END, MARK_START, markSnippet, queryPhrases } from './snippets.js';
import type { TermOwner } from './term-index.js';
import { queryTerms, rankEach, termQuery, type Ranked } from './term-rank.js';
import type { BillRow, SearchAnswer, SearchPage, SearchResult } from './types.js';

export { MARK_END, MARK_START } from './snippets.js';

/** SQL on `bills b` narrowing the bills, with its parameters. */
export interface BillFilter {
  sql: string;
  params: SqlValue[];
}

type BillHit = BillRow & { key: number; rank: number };
type SectionHit = { key: number; code: string; number: string; heading: string; rank: number };

/** A quick search (`quick`): at most this many words and results a page. */
export const QUICK = { words: 4, limit: 25 } as const;

/** The answer of a search that finds nothing (a new object each time: callers may keep it). */
export function noResults(): SearchAnswer {
  return { results: [], total: 0, bills: 0, sections: 0, rankedBills: 0, rankedSections: 0, by: 'full-text' };
}

/**
 * A result while it is ranked: its row is read once it is known to be shown. `held`: its owner's entry
 * kept (search-rows.ts), once looked up. Each entry is the search's own: filled in place.
 */
type Entry = { owner: PassageOwner; key: number; bill?: BillRow | undefined; section?: SectionRow | undefined; held?: KeptOwner | undefined };

/**
 * The page of results `page` asks for, among all matches of `match` (FTS5 phrases on SQLite, the words
 * as typed on PostgreSQL): bills (`bills` filter), and law sections unless `sections` is false (a
 * filter only bills have), narrowed to `code` when given. `quick`: only a search the term index
 * ranks, of a few words and results (a millisecond or so), else undefined. `generation`: the data's
 * generation the caller takes for the answer (termQuery).
 */
export async function fullText(db: Dialect, match: string, query: string, bills: BillFilter, sections: { code?: string } | false, page: SearchPage, quick = false, generation?: string): Promise<SearchAnswer | undefined> {
  const want = page.offset + page.limit;
  const text = db.kind === 'sqlite' ? SQLITE : POSTGRES;
  // Words, unfiltered: ranked from the term index (term-rank.ts); else by the database's own index.
  // The owners the term index ranks for (their postings read with the builds on PostgreSQL: termQuery).
  const owners: TermOwner[] = [];
  if (!bills.sql) owners.push('bill');
  if (sections && !sections.code) owners.push('section');
  const terms = owners.length ? await termQuery(db, match, owners, generation) : undefined;
  // PostgreSQL: stop words alone match nothing, as the full-text index would say in four round trips.
  if (terms && !terms.terms.length) return noResults();
  if (quick && (!terms || terms.terms.length > QUICK.words || page.limit > QUICK.limit)) return undefined;
  const ranked = terms && owners.length ? await rankEach(db, owners, terms, want) : [];
  const billTerms = owners[0] === 'bill' ? ranked[0] : undefined;
  const sectionTerms = owners[owners.length - 1] === 'section' ? ranked[owners.length - 1] : undefined;
  if (quick && (!billTerms || (sections && !sectionTerms))) return undefined;
  // Both at once: on PostgreSQL each runs on a connection of its own.
  const [billCount, sectionCount] = await Promise.all([
    billTerms ? billTerms.count : text.countBills(db, match, bills),
    sectionTerms ? sectionTerms.count : sections ? text.countSections(db, match, sections.code) : 0,
  ]);
  const among = (n: number, all: boolean) => (all ? n : Math.min(n, text.ranked));
  const [billList, sectionList] = await Promise.all([
    billTerms ? keysOf('bill', billTerms) : billCount ? text.bills(db, match, bills, want, billCount > text.ranked).then((hits) => hits.map(({ key, rank: _r, ...bill }): Entry => ({ owner: 'bill', key, bill, section: undefined, held: undefined }))) : [],
    sectionTerms ? keysOf('section', sectionTerms) : sections && sectionCount ? text.sections(db, match, sections.code, want, sectionCount > text.ranked).then((hits) => hits.map(({ key, rank: _r, ...section }): Entry => ({ owner: 'section', key, bill: undefined, section, held: undefined }))) : [],
  ]);
  // PostgreSQL: the passage words come with the rows (withRows). Rows the thread keeps are not read again.
  const words = terms !== undefined && db.kind !== 'sqlite';
  const kept = keptRows(db, terms?.generation);
  const shown = await withRows(db, turnByTurn(billList, sectionList).slice(page.offset, want), words, kept);
  const snippets = await passageSnippets(db, match, query, shown, terms?.terms, words ? shown.map((e) => e.words) : undefined, kept);
  return {
    results: withLawsFolded(
      shown.map((e, i) => (e.bill ? billResult(e.bill, snippets[i] ?? '', e.held) : sectionResult(e.section!.code, e.section!.number, e.section!.heading, snippets[i] ?? '', e.held))),
      shown.map((e) => e.bill),
    ),
    total: billCount + sectionCount,
    bills: billCount,
    sections: sectionCount,
    rankedBills: among(billCount, billTerms !== undefined),
    rankedSections: among(sectionCount, sectionTerms !== undefined),
    by: 'full-text',
  };
}

const keysOf = (owner: PassageOwner, ranked: Ranked): Entry[] => ranked.hits.map((h) => ({ owner, key: h.key, bill: undefined, section: undefined, held: undefined }));

/**
 * The entries with their rows, read now for those that have none, and on PostgreSQL with `words` their
 * passage words (passage-words.ts): one statement for the page, one round trip where there were three.
 * An entry whose row has gone is left out. Rows and words `kept` (search-rows.ts) are not read again,
 * and those read are kept.
 */
async function withRows(db: Dialect, entries: Entry[], words: boolean, kept?: KeptRows): Promise<Array<Entry & { words?: string }>> {
  if (db.kind === 'sqlite') return rowsApart(db, entries, kept);
  if (kept) for (let i = 0; i < entries.length; i++) withKept(entries[i]!, kept);
  // An entry with its row, and its words kept, is not read.
  const held = (e: Entry) => (e.bill || e.section) && (!words || e.held?.words !== undefined);
  const keys = (owner: PassageOwner) => entries.filter((e) => e.owner === owner && (words ? !held(e) : !e.bill && !e.section)).map((e) => e.key);
  const wordsOf = (owner: PassageOwner, column: string) => (words ? ` LEFT JOIN passage_words pw ON pw.owner = ${ownerNumberSql(owner, column)}` : '');
  const wordsColumn = words ? 'pw.words' : 'NULL';
  const [bills, sections] = [oneOf(db.kind, 'b.key', keys('bill')), oneOf(db.kind, 's.key', keys('section'))];
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (keys('bill').length) {
    parts.push(`SELECT 0 AS kind, b.key, ${wordsColumn} AS words, ${billColumns('b')}, NULL AS code, NULL AS number, NULL AS heading FROM bills b${wordsOf('bill', 'b.key')} WHERE ${bills.sql}`);
    params.push(...bills.params);
  }
  if (keys('section').length) {
    parts.push(`SELECT 1 AS kind, s.key, ${wordsColumn} AS words, ${BILL_COLUMNS.map((c) => `NULL AS ${c}`).join(', ')}, s.code, s.number, s.heading FROM law_sections s${wordsOf('section', 's.key')} WHERE ${sections.sql}`);
    params.push(...sections.params);
  }
  type Row = BillRow & { kind: number; key: number; words: string | null; code: string; number: string; heading: string };
  const rows = parts.length ? await db.all<Row>(parts.join(' UNION ALL '), params) : [];
  const read = [new Map<number, Row>(), new Map<number, Row>()];
  for (const r of rows) read[Number(r.kind)]!.set(Number(r.key), r);
  const out: Array<Entry & { words?: string }> = [];
  for (const e of entries) {
    const row = read[e.owner === 'bill' ? 0 : 1]!.get(e.key);
    if (!e.bill && !e.section && !row) continue;
    const entry: Entry & { words?: string } = e;
    if (!e.bill && !e.section) {
      if (e.owner === 'bill') entry.bill = row!;
      else entry.section = { code: row!.code, number: row!.number, heading: row!.heading };
    }
    if (kept && row) keep(kept, entry);
    if (words && kept) {
      if (row) entry.held!.words = row.words ?? NO_WORDS;
      const w = row ? row.words : entry.held?.words;
      if (w != null && w !== NO_WORDS) entry.words = w;
    } else if (row?.words != null) entry.words = row.words;
    out.push(entry);
  }
  return out;
}

/** Gives the entry its owner's entry kept, if any, and its row from there when it has none. */
function withKept(e: Entry, kept: KeptRows): void {
  if (e.bill || e.section) return;
  const held = kept.owners.get(ownerNumber(e.owner, e.key));
  if (!held) return;
  e.held = held;
  if (e.owner === 'bill') e.bill = held.bill;
  else e.section = held.section;
}

/** Keeps the entry's row (in its owner's entry kept, made if there is none). */
function keep(kept: KeptRows, e: Entry): void {
  const held = (e.held ??= keptOwner(kept, ownerNumber(e.owner, e.key)));
  if (e.bill) held.bill = e.bill;
  else if (e.section) held.section = e.section;
}

/**
 * SQLite: the same without the words, a statement a table: a call in the thread, not a round trip, where
 * the two tables' rows in one statement cost 0.1 ms more a search (in process, 2,000 new searches).
 */
async function rowsApart(db: Dialect, entries: Entry[], kept?: KeptRows): Promise<Entry[]> {
  if (kept) for (let i = 0; i < entries.length; i++) withKept(entries[i]!, kept);
  const missing = (owner: PassageOwner) => entries.filter((e) => e.owner === owner && !e.bill && !e.section).map((e) => e.key);
  const read = async <T extends { key: number }>(keys: number[], select: string) =>
    new Map(keys.length ? (await db.all<T>(`${select} (${keys.map(() => '?').join(', ')})`, keys)).map((r) => [r.key, r]) : []);
  const [bills, sections] = await Promise.all([
    read<BillRow & { key: number }>(missing('bill'), `SELECT ${billColumns()}, key FROM bills WHERE key IN`),
    read<SectionHit>(missing('section'), 'SELECT key, code, number, heading FROM law_sections WHERE key IN'),
  ]);
  const out: Entry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.bill || e.section) {
      out.push(e);
      continue;
    }
    if (e.owner === 'bill') e.bill = bills.get(e.key);
    else e.section = sections.get(e.key);
    if (!e.bill && !e.section) continue;
    if (kept) keep(kept, e);
    out.push(e);
  }
  return out;
}

/** Two ranked lists as one, a result of each in turn, then what is left of the longer. */
function turnByTurn<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}

/** The most matches PostgreSQL ranks (the newest, when there are more): see above. */
export const POSTGRES_RANKED = 400;

interface TextQueries {
  /** Matches ranked at most; past it, the newest that many (`newest` true). */
  ranked: number;
  bills(db: Dialect, match: string, where: BillFilter, limit: number, newest: boolean): Promise<BillHit[]>;
  countBills(db: Dialect, match: string, where: BillFilter): Promise<number>;
  sections(db: Dialect, match: string, code: string | undefined, limit: number, newest: boolean): Promise<SectionHit[]>;
  countSections(db: Dialect, match: string, code: string | undefined): Promise<number>;
}

const count = async (db: Dialect, sql: string, params: SqlValue[]) => Number((await db.get<{ n: number }>(sql, params))?.n ?? 0);

/**
 * FTS5: `ORDER BY rank LIMIT n` on the full-text table alone lets FTS5 keep only the best n while it
 * scores the matches; a filter on the bills joins them first. Ties go to the newest.
 */
const SQLITE: TextQueries = {
  ranked: Number.POSITIVE_INFINITY,
  bills: (db, match, where, limit) =>
    db.all<BillHit>(
      where.sql
        ? `SELECT ${billColumns('b')}, b.key, f.rank AS rank FROM bills_fts f JOIN bills b ON b.key = f.rowid WHERE bills_fts MATCH ?${where.sql} ORDER BY f.rank, b.key DESC LIMIT ?`
        : `SELECT ${billColumns('b')}, b.key, f.rank AS rank FROM (SELECT rowid AS key, rank FROM bills_fts WHERE bills_fts MATCH ? ORDER BY rank LIMIT ?) f JOIN bills b ON b.key = f.key ORDER BY f.rank, b.key DESC`,
      where.sql ? [match, ...where.params, limit] : [match, limit],
    ),
  countBills: (db, match, where) =>
    count(db, where.sql ? `SELECT COUNT(*) AS n FROM bills_fts f JOIN bills b ON b.key = f.rowid WHERE bills_fts MATCH ?${where.sql}` : 'SELECT COUNT(*) AS n FROM bills_fts WHERE bills_fts MATCH ?', [match, ...where.params]),
  sections: (db, match, code, limit) =>
    db.all<SectionHit>(
      code
        ? 'SELECT s.key, s.code, s.number, s.heading, f.rank AS rank FROM sections_fts f JOIN law_sections s ON s.key = f.rowid WHERE sections_fts MATCH ? AND s.code = ? ORDER BY f.rank, s.key DESC LIMIT ?'
        : 'SELECT s.key, s.code, s.number, s.heading, f.rank AS rank FROM (SELECT rowid AS key, rank FROM sections_fts WHERE sections_fts MATCH ? ORDER BY rank LIMIT ?) f JOIN law_sections s ON s.key = f.key ORDER BY f.rank, s.key DESC',
      code ? [match, code, limit] : [match, limit],
    ),
  countSections: (db, match, code) =>
    count(db, code ? 'SELECT COUNT(*) AS n FROM sections_fts f JOIN law_sections s ON s.key = f.rowid WHERE sections_fts MATCH ? AND s.code = ?' : 'SELECT COUNT(*) AS n FROM sections_fts WHERE sections_fts MATCH ?', code ? [match, code] : [match]),
};

/**
 * PostgreSQL: the matches from the GIN index alone (`billdiff_*_matching`), each ranked by
 * ts_rank_cd (cover density, divided by 1 + the log of the document's length) on its tsvector.
 */
const POSTGRES: TextQueries = {
  ranked: POSTGRES_RANKED,
  bills: (db, match, where, limit, newest) =>
    db.all<BillHit>(
      `SELECT ${billColumns('b')}, b.key, ts_rank_cd(b.tsv, q, 1) AS rank FROM bills b, websearch_to_tsquery('english', ?) q
        WHERE b.key IN (SELECT b.key FROM billdiff_bills_matching(websearch_to_tsquery('english', ?)) m JOIN bills b ON b.key = m.key WHERE 1 = 1${where.sql}${newest ? ` ORDER BY b.key DESC LIMIT ${POSTGRES_RANKED}` : ''})
        ORDER BY rank DESC, b.key DESC LIMIT ?`,
      [match, match, ...where.params, limit],
    ),
  countBills: (db, match, where) =>
    count(db, `SELECT COUNT(*) AS n FROM billdiff_bills_matching(websearch_to_tsquery('english', ?)) m JOIN bills b ON b.key = m.key WHERE 1 = 1${where.sql}`, [match, ...where.params]),
  sections: (db, match, code, limit, newest) =>
    db.all<SectionHit>(
      `SELECT s.key, s.code, s.number, s.heading, ts_rank_cd(s.tsv, q, 1) AS rank FROM law_sections s, websearch_to_tsquery('english', ?) q
        WHERE s.key IN (SELECT s.key FROM billdiff_sections_matching(websearch_to_tsquery('english', ?)) m JOIN law_sections s ON s.key = m.key${code ? ' WHERE s.code = ?' : ''}${newest ? ` ORDER BY s.key DESC LIMIT ${POSTGRES_RANKED}` : ''})
        ORDER BY rank DESC, s.key DESC LIMIT ?`,
      [match, match, ...(code ? [code] : []), limit],
    ),
  countSections: (db, match, code) =>
    count(db, `SELECT COUNT(*) AS n FROM billdiff_sections_matching(websearch_to_tsquery('english', ?)) m${code ? ' JOIN law_sections s ON s.key = m.key WHERE s.code = ?' : ''}`, code ? [match, code] : [match]),
};

/**
 * A bill's result. `held`: its owner's entry kept (search-rows.ts), where its title and address are
 * kept once made: the same bills come back search after search, and making them was a twelfth of a
 * search's allocation.
 */
export function billResult(b: Pick<BillRow, 'id' | 'measure' | 'jurisdiction' | 'session' | 'title' | 'status' | 'leads'>, snippet: string, held?: KeptOwner): SearchResult {
  const result: SearchResult = {
    kind: 'bill',
    id: b.id,
    title: held ? (held.title ??= billTitle(b)) : billTitle(b),
    snippet,
    url: held ? (held.url ??= `/bills/${encodeURIComponent(b.id)}`) : `/bills/${encodeURIComponent(b.id)}`,
    measure: b.measure,
    session: b.session,
  };
  if (b.status) result.status = b.status;
  if (b.leads) result.authors = held ? (held.authors ??= leadsOf(b.leads)) : leadsOf(b.leads);
  return result;
}

/**
 * A page's results with each public law whose bill the page lists too folded into the bill's result
 * (`law`: enacted.ts), in the place of the first of the two. `rows`: the bills' rows, any order (a
 * section's: undefined). A bill's result is a new object: kept results (billResult's `held`) are not changed.
 */
export function withLawsFolded(results: SearchResult[], rows: ReadonlyArray<Pick<BillRow, 'id' | 'enacts'> | undefined>): SearchResult[] {
  // (Most pages list no law whose bill they list: nothing made for them.)
  if (!rows.some((row) => row?.enacts)) return results;
  const enacts = new Map(rows.flatMap((row) => (row?.enacts ? [[row.id, row.enacts] as const] : [])));
  return lawsWithTheirBills(results, (r) => (r.kind === 'bill' ? r.id : undefined), (r) => enacts.get(r.id), (bill, law) => ({ ...bill, law: { id: law.id, measure: law.measure ?? law.id, url: law.url } }));
}

/** How many matches a page of results lists: each result, and each law folded into its bill's (`law`). */
export function matchesListed(results: readonly SearchResult[]): number {
  let n = results.length;
  for (const r of results) if (r.law) n++;
  return n;
}

const billTitle = (b: Pick<BillRow, 'measure' | 'jurisdiction' | 'session' | 'title'>) => `${b.measure} (${sessionName(b.jurisdiction, b.session)})${b.title ? ` — ${b.title}` : ''}`;

/** A law section's result (`held`: as billResult's). */
export function sectionResult(code: string, number: string, heading: string, snippet: string, held?: KeptOwner): SearchResult {
  return {
    kind: 'section',
    id: held ? (held.id ??= `${code}/${number}`) : `${code}/${number}`,
    title: held ? (held.title ??= sectionTitle(code, number, heading)) : sectionTitle(code, number, heading),
    snippet,
    url: held ? (held.url ??= sectionUrl(code, number)) : sectionUrl(code, number),
  };
}

const sectionTitle = (code: string, number: string, heading: string) => `${sectionName(code, number)}${heading ? ` — ${heading}` : ''}`;
const sectionUrl = (code: string, number: string) => `/sections/${encodeURIComponent(code)}/${encodeURIComponent(number)}`;

const FIRST_HOLDING = 'SELECT id, text FROM passages WHERE id = (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT 1)';
/**
 * Each result's snippet (snippets.ts), from the first passage of its text holding every word, else
 * the first holding any (bm25 would count each word's matches across the whole index: no ranking
 * here) — a few hundred characters, never the whole text. `match` is the FTS5 query (SQLite), `query`
 * the words as typed (their stems mark the snippet; PostgreSQL's query); `terms`, its words as the
 * index holds them when the caller has read them (termQuery). A query of words alone finds its
 * passages from the passage words kept at import (passage-words.ts: two reads for the page); one
 * with more (a phrase of several words, `or`, a word left out) by a full-text query for each result.
 * Passage words and texts `kept` (search-rows.ts) are not read again.
 */
export async function passageSnippets(
  db: Dialect,
  match: string,
  query: string,
  owners: Array<{ owner: PassageOwner; key: number; held?: KeptOwner | undefined }>,
  terms?: string[],
  words?: Array<string | undefined>,
  kept?: KeptRows,
): Promise<string[]> {
  if (!owners.length) return [];
  const phrases = queryPhrases(query, db.kind !== 'sqlite');
  if (!phrases.length) return owners.map(() => '');
  const wanted = terms ?? (await queryTerms(db, match));
  if (!wanted) {
    const texts = await passagesByIndex(db, owners, match, query);
    return owners.map((_, i) => (texts[i] ? markSnippet(texts[i]!, phrases) : ''));
  }
  const passages = words
    ? await passageTexts(db, owners.map((o, i) => firstPassage(words[i], wanted, o.owner, o.key, o.held)), kept)
    : await heldPassages(db, owners, wanted, kept);
  return owners.map((_, i) => (passages[i]?.text ? markSnippet(passages[i]!, phrases) : ''));
}

/** A mark around "Section 24" as markSnippet makes it: the word, the space, the number. */
const CITED_MARK = new RegExp(`${MARK_START}(\\S+\\s+)([^${MARK_END}]*)${MARK_END}`, 'g');

/**
 * Each result's snippet for a section cited by number (`match` the number's full-text query, as
 * passageSnippets takes it): from the first passage that says "Section 24", the window around it
 * ("Section 24(h) is amended", not "24.00 cents per pound" earlier in the bill), by the full-text
 * index's phrase query (one a result: a citation's page lists at most a page of bills); where none
 * says so, as passageSnippets draws them.
 */
export async function citationSnippets(db: Dialect, match: string, number: string, owners: Array<{ owner: PassageOwner; key: number }>): Promise<string[]> {
  if (!owners.length) return [];
  const inner = /^"([^"]+)"$/.exec(match)?.[1];
  if (inner === undefined) return passageSnippets(db, match, number, owners);
  const phrase = `"section ${inner}"`;
  const cited = queryPhrases(phrase, db.kind !== 'sqlite');
  const texts = await passagesByIndex(db, owners, phrase, phrase);
  // The window around "Section 24", the number marked as the search asked for it (not the word "Section").
  const out = texts.map((text) => (text ? markSnippet(text, cited).replace(CITED_MARK, `$1${MARK_START}$2${MARK_END}`) : ''));
  const rest = owners.filter((_, i) => !out[i]);
  if (rest.length) {
    const drawn = await passageSnippets(db, match, number, rest);
    let r = 0;
    for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = drawn[r++] ?? '';
  }
  return out;
}

/** The texts of the owners' first passages holding every word, else any: from the passage words (passage-words.ts). */
export async function passagesByWords(db: Dialect, owners: Array<{ owner: PassageOwner; key: number }>, words: string[], kept?: KeptRows): Promise<Array<string | undefined>> {
  return (await heldPassages(db, owners, words, kept)).map((p) => p?.text);
}

/** The same as kept (search-rows.ts), with their words once read. */
async function heldPassages(db: Dialect, owners: Array<{ owner: PassageOwner; key: number; held?: KeptOwner | undefined }>, words: string[], kept?: KeptRows): Promise<Array<KeptPassage | undefined>> {
  return passageTexts(db, await firstPassages(db, owners, words, kept), kept);
}

/** Passages by id (undefined: none), those `kept` not read again (those read kept). */
async function passageTexts(db: Dialect, ids: Array<number | undefined>, kept?: KeptRows): Promise<Array<KeptPassage | undefined>> {
  const out: Array<KeptPassage | undefined> = [];
  const wanted: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const passage = id === undefined ? undefined : kept?.passages.get(id);
    out.push(passage);
    if (id !== undefined && passage === undefined) wanted.push(id);
  }
  if (wanted.length) {
    const chosen = oneOf(db.kind, 'id', wanted);
    const rows = await db.all<{ id: number; text: string }>(`SELECT id, text FROM passages WHERE ${chosen.sql}`, chosen.params);
    const read = new Map<number, KeptPassage>();
    for (const r of rows) {
      const passage: KeptPassage = { text: r.text, words: undefined };
      read.set(Number(r.id), passage);
      kept?.passages.set(Number(r.id), passage);
    }
    for (let i = 0; i < ids.length; i++) if (ids[i] !== undefined && out[i] === undefined) out[i] = read.get(ids[i]!);
  }
  return out;
}

/** The same by the full-text index of the passages, for any query: FTS5's `match` on SQLite, `query` on PostgreSQL. */
export function passagesByIndex(db: Dialect, owners: Array<{ owner: PassageOwner; key: number }>, match: string, query: string): Promise<Array<string | undefined>> {
  return db.kind === 'sqlite' ? sqlitePassages(db, owners, match) : postgresPassages(db, owners, query);
}

/** SQLite, by FTS5: each owner's first passage holding every phrase, else any. */
async function sqlitePassages(db: Dialect, owners: Array<{ owner: PassageOwner; key: number }>, match: string): Promise<Array<string | undefined>> {
  const out: Array<string | undefined> = [];
  for (const o of owners) out.push(await firstHolding(db, passageRange(o.owner, o.key), match));
  return out;
}

/** PostgreSQL, by the passages' tsvectors: the same, in one statement. */
async function postgresPassages(db: Dialect, owners: Array<{ owner: PassageOwner; key: number }>, query: string): Promise<Array<string | undefined>> {
  // One statement text whatever the number of results (the ranges as arrays), so that each
  // connection plans it once.
  const ranges = owners.map((o) => passageRange(o.owner, o.key));
  const rows = await db.all<{ n: number; text: string | null }>(
    `SELECT o.n, (SELECT p.text FROM passages p WHERE p.id BETWEEN o.first AND o.last AND p.tsv @@ w.some
                   ORDER BY p.tsv @@ w.every DESC, p.id LIMIT 1) AS text
       FROM unnest(?::int[], ?::bigint[], ?::bigint[]) AS o (n, first, last),
            (SELECT q AS every, replace(q::text, ' & ', ' | ')::tsquery AS some FROM websearch_to_tsquery('english', ?) q) w
      ORDER BY o.n`,
    // Arrays: PostgreSQL's driver binds them as such (SqlValue names what both databases take).
    [ranges.map((_, n) => n), ranges.map(([first]) => first), ranges.map(([, last]) => last), query] as unknown as SqlValue[],
  );
  return rows.map((r) => r.text ?? undefined);
}

/** SQLite: the text of the first passage of the range holding every word (FTS5's AND), else the first holding any (OR). */
async function firstHolding(db: Dialect, [first, last]: [number, number], match: string): Promise<string | undefined> {
  const words = match.split(/(?<=")\s+(?=")/);
  return (
    (await db.get<{ text: string }>(FIRST_HOLDING, [match, first, last]))?.text ??
    (words.length > 1 ? (await db.get<{ text: string }>(FIRST_HOLDING, [words.join(' OR '), first, last]))?.text : undefined)
  );
}
