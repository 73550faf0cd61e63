/**
 * Opening the database and writing to it. `openDatabase` picks the backend (PostgreSQL when
 * given a `postgres://` URL, else one SQLite file in the data folder), brings the schema up to
 * date and returns a `Database`: the queries of `queries.ts` and `search.ts` bound to it.
 *
 * Writes go through `Writer` inside one transaction per imported file (`importer` in
 * src/import): a crash leaves the database as it was before that file or after it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import { billColumns, JOINT_SEPARATOR, overrideColumn } from './columns.js';
import { allOf, insertRows, type Dialect, type RowColumn, type SqlValue } from './dialect.js';
import { bumpGeneration, migrate, REFRESH_SESSIONS } from './migrations.js';
import { writeOwnerWords } from './passage-words.js';
import { sectionPassageText, writePassages, type PassageOwner } from './passages.js';
import { AuthorIndex, type AuthorMatch } from './authors.js';
import { codeName } from './codes.js';
import { codeNamed, NameIndex, type Named } from './named.js';
import { becameStatus } from './enacted.js';
import { Contests } from './contests.js';
import { PerGeneration } from './per-generation.js';
import { createQueries, heldBills, type Queries } from './queries.js';
import { mayBeQuick, quickSearch } from './search.js';
import { SearchBusyError, SearchPool } from './search-pool.js';
import { rebuildTermIndex } from './term-index.js';
import { openSqlite } from './sqlite.js';
import type { Author, DigestKey } from '../types.js';
import type { BillRow, HistoryRow, SearchAnswer, SearchFilters, SearchPage, SectionTouch } from './types.js';

/** Where the data live. */
export interface DatabaseOptions {
  /**
   * The data folder of the embedded database (`billdiff.sqlite` inside it).
   * @default `./data`
   */
  dataDir?: string;
  /** A `postgres://` URL: use that PostgreSQL database instead. */
  url?: string;
  /**
   * Searches run at once, off the calling thread (search-pool.ts): a server sets it so that a slow
   * search never holds the pages up. 0 (the CLI's default) runs each search in the caller.
   * @default 0
   */
  searchThreads?: number;
  /**
   * PostgreSQL: connections the pool keeps open however long they sit idle, opened and made ready
   * by `openConnections` (a server's serving processes, before they listen). Nothing on SQLite.
   * @default 0
   */
  connectionsKept?: number;
}

/** The embedded database's file name inside the data folder. */
export const DATABASE_FILE = 'billdiff.sqlite';

/** The database options the CLI and the server read from the environment (`DATABASE_URL`, `BILLDIFF_DATA`). */
export function databaseOptionsFrom(env: Record<string, string | undefined>, cwd: string, dataFlag?: string): DatabaseOptions {
  if (dataFlag) return { dataDir: path.resolve(cwd, dataFlag) };
  const url = env['DATABASE_URL'];
  if (url && /^postgres(?:ql)?:\/\//.test(url)) return { url };
  return { dataDir: path.resolve(cwd, env['BILLDIFF_DATA'] || 'data') };
}

/** "the database in data/billdiff.sqlite" or "PostgreSQL at host/db" (no password). */
export function describeDatabase(options: DatabaseOptions): string {
  if (options.url) {
    try {
      const u = new URL(options.url);
      return `PostgreSQL at ${u.host}${u.pathname}`;
    } catch {
      return 'PostgreSQL';
    }
  }
  return path.join(options.dataDir ?? 'data', DATABASE_FILE);
}

export interface Database extends Queries {
  /**
   * Queries' search; with searchThreads, `generation` is the data's generation the caller keeps the answer
   * for only if its own read finds it: the search thread trusts its caches of it (searchStore).
   */
  search(query: string, filters?: SearchFilters, page?: Partial<SearchPage>, signal?: AbortSignal, generation?: string): Promise<SearchAnswer>;
  readonly dialect: Dialect;
  readonly schema: number;
  /**
   * PostgreSQL: opens the `connectionsKept` connections at once and on each reads what a bill's, a law
   * section's and a search's page read, each statement prepared there; resolves to how many it opened
   * (0 on SQLite). See openConnections below.
   */
  openConnections(): Promise<number>;
  /** The authors a search's words name (authors.ts), of the data of `generation` (read once a generation). */
  authorsNamed(query: string, generation: string): Promise<AuthorMatch[]>;
  /**
   * The code a search's words name, where the database holds sections of it, then the law sections and
   * bills that give their unit or act the name the words are (named.ts), of the data of `generation`
   * (each read once a generation).
   */
  named(query: string, generation: string): Promise<Named[]>;
  /** The short titles bill `id`'s versions give (named.ts), of the data of `generation` (read once a generation). */
  shortTitles(id: string, generation: string): Promise<readonly string[]>;
  /** Every author of a session, by surname, of the data of `generation` (read once a generation). */
  sessionAuthors(jurisdiction: string, session: string, generation: string): Promise<AuthorMatch[]>;
  /** The pending bills that would change each section (contests.ts), of the data of `generation` (read once a generation). */
  contests(generation: string): Promise<Contests>;
  close(): Promise<void>;
}

/** Opens the database and migrates it to the newest schema. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  // pg is loaded only for PostgreSQL: it probes its runtime when loaded, which costs the CLI's start.
  const kept = options.connectionsKept ?? 0;
  const dialect = options.url ? (await import('./postgres.js')).openPostgres(options.url, { min: kept }) : openSqlite(sqliteFile(options));
  let schema: number;
  try {
    schema = await migrate(dialect);
  } catch (error) {
    await dialect.close();
    throw error;
  }
  const queries = createQueries(dialect);
  const threads = options.searchThreads ?? 0;
  // Searches that may be quick (mayBeQuick): on SQLite on the calling thread (the server's), on
  // PostgreSQL in threads at the server's priority, beside its thread; the others in threads below it,
  // where they hold up nothing. The slow ones' threads start at the first slow search, as each thread
  // holds its own connection and caches (~17 MB idle), and a slow search is slow warm or cold.
  // PostgreSQL's quick threads start with the server and warm up: there the queries wait off the
  // thread, but a search's JavaScript and its ~4 queries' traffic would hold it. SQLite's quick search
  // is the term index's ranking and a few index lookups in process, 0.22 ms at the median, 1.4 ms at
  // p99 and 0.8 ms for "shall" (in process, the session bench's 13,000 new searches; its "slow"
  // searches, two and three common words on their first three pages, 0.34 / 5 ms): less than handing
  // it to a thread and back cost the server's thread on 2 cores (waking the thread forced the server's
  // thread off its processor about once a search). The session bench's new searches, 5 interleaved
  // pairs against the quick threads: 1,560 / 2,277 / 1,929 / 2,112 / 1,983 requests a second against
  // 957 / 1,320 / 1,094 / 1,128 / 1,612, p99 104 / 64 / 89 / 70 / 77 ms against 114 / 80 / 95 / 103 /
  // 88; small requests beside slow searches as before (p99 34 against 32 ms). The cost: 50 connections
  // opened at once wait longer for their first answers (README). A search the term index cannot answer
  // quickly (quickSearch: undefined) goes to the slow threads.
  const source = options.url ?? sqliteFile(options);
  const inline = dialect.kind === 'sqlite';
  const quick = threads > 0 && !inline ? new SearchPool(source, { threads, nice: 0, perThread: QUICK_PER_THREAD }) : undefined;
  const slow = threads > 0 ? new SearchPool(source, { threads, warm: false }) : undefined;
  const pools = [quick, slow].filter((pool) => pool !== undefined);
  let closing: Promise<void> | undefined;
  let search: Database['search'] = queries.search;
  if (slow) {
    search = async (query, filters = {}, page = {}, signal, generation) => {
      // Once the database closes, refused as the pools refuse those they hold (a quick one under way on this thread finishes first).
      if (closing) throw new SearchBusyError('the database is closing');
      const bounded = { limit: page.limit ?? 20, offset: page.offset ?? 0 };
      if (!mayBeQuick(query, filters, bounded)) return slow.search(query, filters, bounded, signal, generation);
      if (quick) return quick.search(query, filters, bounded, signal, generation);
      return (await quickSearch(dialect, query, filters, bounded, generation)) ?? slow.search(query, filters, bounded, signal, generation);
    };
  }
  const authors = new AuthorIndex(() => queries.authorNames());
  const names = new NameIndex(async () => [...(await queries.sectionNames()), ...(await queries.billNames())]);
  const contests = new PerGeneration(async () => new Contests(await queries.pendingTouches()));
  // How many sections of each code the database holds: a search that names a code links its page.
  const codeCounts = new PerGeneration(async () => new Map((await queries.codes()).map((c) => [c.code, c.sections])));
  return {
    dialect,
    schema,
    ...queries,
    search,
    openConnections: () => openConnections(dialect, queries, kept),
    authorsNamed: (query, generation) => authors.find(query, generation),
    named: async (query, generation) => {
      const code = codeNamed(query);
      const sections = code ? (await codeCounts.of(generation)).get(code) : undefined;
      const titled = await names.find(query, generation);
      return code && sections ? [{ kind: 'code', name: codeName(code), code, sections }, ...titled] : titled;
    },
    shortTitles: (id, generation) => names.of(id, generation),
    sessionAuthors: (jurisdiction, session, generation) => authors.ofSession(jurisdiction, session, generation),
    contests: (generation) => contests.of(generation),
    close: () =>
      (closing ??= (async () => {
        // Every pool refuses its searches at once, then waits for its threads.
        await Promise.all(pools.map((pool) => pool.close()));
        await dialect.close();
      })()),
  };
}

/**
 * A server's connections opened before its first visitor: pg-pool opens one only when a query finds
 * none idle, so a burst of new visitors met a pool of the one or two its warm-up had used, each new
 * connection costing the serving thread its authentication (SCRAM) and PostgreSQL a new backend whose
 * catalog caches were empty (6 ms to plan a bill page's statement, against 0.1 ms warm). Measured on 2
 * cores at 50 connections, new bill pages after the bench's repeated pages (each read alone then): the
 * slowest answer on a connection already open 64–69 ms in place of 192–217. Each connection runs one
 * page of each kind's reads (a sample bill and section): its statements prepared, its backend's caches
 * filled. Never throws: a database that cannot be read now says so at the first request.
 */
async function openConnections(dialect: Dialect, queries: Queries, n: number): Promise<number> {
  if (!dialect.connections || n <= 0) return 0;
  try {
    const { bills, sections } = await queries.samples(1);
    const [bill, section] = [bills[0], sections[0]];
    return await dialect.connections(n, async (db) => {
      const on = createQueries(db);
      await on.generation();
      await on.sessions();
      if (bill !== undefined) await Promise.all([on.billPage(bill), on.leadAuthors([bill])]);
      if (section !== undefined) await Promise.all([on.lawSection(section.code, section.number), on.sectionBills(section.code, section.number)]);
    });
  } catch {
    return 0;
  }
}

/**
 * PostgreSQL: quick searches a thread runs at once (each on a connection of the thread's own; SQLite runs
 * one). A quick search is a few index lookups, mostly waiting on the database; the slow ones, one a thread.
 */
const QUICK_PER_THREAD = 4;

function sqliteFile(options: DatabaseOptions): string {
  return path.join(options.dataDir ?? 'data', DATABASE_FILE);
}

/** sha256 of bytes, hex. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Texts are stored deflated: bill XML shrinks five to ten times. */
export function packContent(bytes: Uint8Array): Buffer {
  return zlib.deflateSync(bytes, { level: 6 });
}

export function unpackContent(stored: Uint8Array): Buffer {
  return zlib.inflateSync(stored);
}

/** A bill version as the importer hands it over, with what `analyzeVersion` found in it. */
export interface VersionInput {
  id: string;
  billId: string;
  corpusId?: string;
  versionNum?: number;
  stage: string;
  date?: string;
  title?: string;
  format: string;
  bytes: Uint8Array;
  hash: string;
  text: string;
  words: number;
  marks: number;
  /** Counts from the change marks, when the version carries them. */
  marked?: { inserted: number; deleted: number; gutAndAmend: boolean; against: string };
  sections: SectionTouch[];
  /** Who brought it, as it names them (`DocumentMeta.authors`). */
  authors?: Author[];
  /** The names it gives its act or a unit of it, its short titles (`VersionAnalysis.names`). */
  names?: string[];
  /** A California version's digest key (`DocumentMeta.digestKey`, its table row's over it). */
  digestKey?: DigestKey;
}

export interface LawSectionInput {
  code: string;
  number: string;
  sourceId?: string;
  heading?: string;
  history?: string;
  format: string;
  bytes: Uint8Array;
  hash: string;
  text: string;
  corpusId?: string;
  /**
   * Where the Legislature's code places the section (`placeOf`): its division, title, part, chapter and
   * article, by which a bill that repeals a whole unit is found on the pages of all the unit's sections.
   */
  place?: string;
  /** The names it gives its unit or the act it is part of ("This chapter shall be known as the …": `shortTitles`). */
  names?: string[];
}

/** What one write did. */
export type WriteResult = 'inserted' | 'updated' | 'unchanged';

/** A version's sections, as `upsertVersion` writes them. */
const VERSION_SECTION_COLUMNS: readonly RowColumn[] = [
  { name: 'version_id', type: 'text' },
  { name: 'code', type: 'text' },
  { name: 'section', type: 'text' },
  { name: 'relation', type: 'text' },
  { name: 'override', type: 'integer' },
  { name: 'unit', type: 'text' },
  { name: 'through', type: 'text' },
  { name: 'joint', type: 'text' },
];

/** The ranges of sections versions cite (`section_ranges`), as `upsertVersion` writes them. */
const SECTION_RANGE_COLUMNS: readonly RowColumn[] = [
  { name: 'code', type: 'text' },
  { name: 'section', type: 'text' },
  { name: 'through', type: 'text' },
];

/** A version's authors (`version_authors`), as `upsertVersion` writes them. */
const VERSION_AUTHOR_COLUMNS: readonly RowColumn[] = [
  { name: 'version_id', type: 'text' },
  { name: 'seq', type: 'integer' },
  { name: 'name', type: 'text' },
  { name: 'role', type: 'text' },
  { name: 'house', type: 'text' },
  { name: 'committee', type: 'integer' },
];

/** A version's short titles (`version_names`), as `upsertVersion` writes them. */
const VERSION_NAME_COLUMNS: readonly RowColumn[] = [
  { name: 'version_id', type: 'text' },
  { name: 'seq', type: 'integer' },
  { name: 'name', type: 'text' },
];

/** History rows, as `upsertHistory` writes them. */
const HISTORY_COLUMNS: readonly RowColumn[] = [
  { name: 'bill_id', type: 'text' },
  { name: 'id', type: 'text' },
  { name: 'date', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'seq', type: 'integer' },
];

/** The tables an import writes, whose planner statistics it gathers on PostgreSQL (`optimizeIndexes`). */
export const IMPORTED_TABLES = ['codes', 'bills', 'versions', 'version_sections', 'version_authors', 'version_keys', 'version_names', 'history', 'law_sections', 'law_units', 'passages', 'passage_words', 'term_postings'];

/** The importer's writes, on one transaction's connection. */
export class Writer {
  constructor(readonly db: Dialect) {}

  async hasImport(hash: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS found FROM imports WHERE hash = ?', [hash])) !== undefined;
  }

  async recordImport(hash: string, name: string, kind: string, rows: number, skipped: number): Promise<void> {
    await this.db.run(
      'INSERT INTO imports (hash, name, kind, rows_read, rows_skipped, finished) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO UPDATE SET name = excluded.name, finished = excluded.finished',
      [hash, name, kind, rows, skipped, new Date().toISOString()],
    );
  }

  /**
   * Bills of a session older than the newest one in the database can no longer become law: they
   * are not pending, whatever their last status said.
   */
  async closeOldSessions(): Promise<void> {
    await this.db.run(
      "UPDATE bills SET pending = 0 WHERE pending = 1 AND jurisdiction = 'ca' AND substr(session, 1, 8) < (SELECT MAX(substr(b.session, 1, 8)) FROM bills b WHERE b.jurisdiction = 'ca')",
    );
    await this.db.run(
      "UPDATE bills SET pending = 0 WHERE pending = 1 AND jurisdiction = 'us' AND CAST(session AS INTEGER) < (SELECT MAX(CAST(b.session AS INTEGER)) FROM bills b WHERE b.jurisdiction = 'us')",
    );
  }

  /** The session list's counts, computed again from the bills and versions. */
  async refreshSessions(): Promise<void> {
    for (const statement of REFRESH_SESSIONS) await this.db.run(statement);
  }

  /**
   * Merges each full-text index into one segment (SQLite FTS5 'optimize'; PostgreSQL's GIN indexes
   * need nothing): after an import the indexes are in many pieces, and every search reads each piece.
   * Then makes the term index again where the texts changed (term-index.ts). On PostgreSQL, last,
   * gathers the planner's statistics of the tables an import writes, with the import: tables filled
   * from empty have none until autovacuum comes round, and meanwhile searches and pages were planned
   * blind (the session bench's new searches just after a full import: p99 2.9 s, and 0.25 s three
   * minutes later, once autovacuum had analyzed them).
   */
  async optimizeIndexes(): Promise<void> {
    if (this.db.kind === 'sqlite') {
      for (const table of ['bills_fts', 'sections_fts', 'passages_fts']) await this.db.run(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
    }
    await rebuildTermIndex(this.db);
    if (this.db.kind === 'postgres') await this.db.run(`ANALYZE ${IMPORTED_TABLES.join(', ')}`);
  }

  /** Marks the data as changed, so that servers drop what they cached. */
  async bumpGeneration(): Promise<void> {
    await bumpGeneration(this.db);
  }

  async upsertCode(code: string, title: string): Promise<WriteResult> {
    const existing = await this.db.get<{ title: string }>('SELECT title FROM codes WHERE code = ?', [code]);
    if (existing?.title === title) return 'unchanged';
    await this.db.run('INSERT INTO codes (code, title) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET title = excluded.title', [code, title]);
    return existing ? 'updated' : 'inserted';
  }

  /** Inserts or updates a bill; fields given as undefined keep what the database has. */
  async upsertBill(bill: Partial<BillRow> & Pick<BillRow, 'id' | 'jurisdiction' | 'session' | 'measure' | 'measure_type' | 'measure_num'>): Promise<WriteResult> {
    const existing = await this.db.get<BillRow>(`SELECT ${billColumns()} FROM bills WHERE id = ?`, [bill.id]);
    if (!existing) {
      await this.db.run(
        'INSERT INTO bills (id, jurisdiction, session, measure, measure_type, measure_num, title, house, status, pending, latest_version, updated, enacted_as, enacts, statute) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          bill.id,
          bill.jurisdiction,
          bill.session,
          bill.measure,
          bill.measure_type,
          bill.measure_num,
          bill.title ?? '',
          bill.house ?? null,
          bill.status ?? null,
          bill.pending ?? 1,
          bill.latest_version ?? null,
          bill.updated ?? null,
          bill.enacted_as ?? null,
          bill.enacts ?? null,
          bill.statute ?? null,
        ],
      );
      return 'inserted';
    }
    const merged = { ...existing, ...Object.fromEntries(Object.entries(bill).filter(([, v]) => v !== undefined)) } as BillRow;
    const fields = ['title', 'house', 'status', 'pending', 'latest_version', 'updated', 'enacted_as', 'enacts', 'statute'] as const;
    if (fields.every((f) => merged[f] === existing[f])) return 'unchanged';
    await this.db.run('UPDATE bills SET title = ?, house = ?, status = ?, pending = ?, latest_version = ?, updated = ?, enacted_as = ?, enacts = ?, statute = ? WHERE id = ?', [
      merged.title,
      merged.house,
      merged.status,
      merged.pending,
      merged.latest_version,
      merged.updated,
      merged.enacted_as,
      merged.enacts,
      merged.statute,
      bill.id,
    ]);
    return 'updated';
  }

  /**
   * A federal bill and the law that enacted it, whichever was imported first: given a law (a bill row
   * that `enacts` another), its bill, and given a bill, the law that names it. The bill, where the
   * database holds it, names its law (`enacted_as`), is no longer pending, and its status says so
   * ("Became Pub. L. 119-21"). Returns whether it wrote anything.
   */
  async settleEnactment(billId: string): Promise<boolean> {
    const row = await this.db.get<{ enacts: string | null; measure: string }>('SELECT enacts, measure FROM bills WHERE id = ?', [billId]);
    if (!row) return false;
    const pair = row.enacts
      ? { law: billId, bill: row.enacts, measure: row.measure }
      : await this.db.get<{ law: string; bill: string; measure: string }>('SELECT id AS law, enacts AS bill, measure FROM bills WHERE enacts = ? ORDER BY id LIMIT 1', [billId]);
    if (!pair) return false;
    const status = becameStatus(pair.measure);
    const changed = await this.db.run("UPDATE bills SET enacted_as = ?, pending = 0, status = ? WHERE id = ? AND (enacted_as IS NULL OR enacted_as <> ? OR pending <> 0 OR status IS NULL OR status <> ?)", [
      pair.law,
      status,
      pair.bill,
      pair.law,
      status,
    ]);
    return changed > 0;
  }

  /** A bill version and the sections it touches; unchanged bytes and facts write nothing. */
  async upsertVersion(v: VersionInput): Promise<WriteResult> {
    const existing = await this.db.get<{ content_hash: string; bill_id: string; stage: string; date: string | null; corpus_id: string | null; version_num: number | null; title: string }>(
      'SELECT content_hash, bill_id, stage, date, corpus_id, version_num, title FROM versions WHERE id = ?',
      [v.id],
    );
    const corpusId = v.corpusId ?? existing?.corpus_id ?? null;
    const versionNum = v.versionNum ?? existing?.version_num ?? null;
    const title = v.title ?? existing?.title ?? '';
    if (
      existing &&
      existing.content_hash === v.hash &&
      existing.bill_id === v.billId &&
      existing.stage === v.stage &&
      existing.date === (v.date ?? null) &&
      existing.corpus_id === corpusId &&
      existing.version_num === versionNum &&
      existing.title === title
    ) {
      return 'unchanged';
    }
    const marked = v.marked;
    const counts: SqlValue[] = marked ? [marked.inserted, marked.deleted, null, 'marks', marked.against, marked.gutAndAmend ? 1 : 0, `marks:${v.hash}`] : [null, null, null, null, null, 0, null];
    if (existing && existing.content_hash === v.hash) {
      await this.db.run('UPDATE versions SET bill_id = ?, stage = ?, date = ?, corpus_id = ?, version_num = ?, title = ? WHERE id = ?', [v.billId, v.stage, v.date ?? null, corpusId, versionNum, title, v.id]);
      return 'updated';
    }
    const columns = [v.billId, corpusId, versionNum, v.stage, v.date ?? null, title, v.format, packContent(v.bytes), v.hash, v.text, v.marks, v.words, ...counts];
    if (existing) {
      await this.db.run(
        'UPDATE versions SET bill_id = ?, corpus_id = ?, version_num = ?, stage = ?, date = ?, title = ?, format = ?, content = ?, content_hash = ?, text = ?, marks = ?, words = ?, words_inserted = ?, words_deleted = ?, clauses_changed = ?, counted_by = ?, against = ?, gut_and_amend = ?, analyzed_key = ? WHERE id = ?',
        [...columns, v.id],
      );
    } else {
      await this.db.run(
        'INSERT INTO versions (bill_id, corpus_id, version_num, stage, date, title, format, content, content_hash, text, marks, words, words_inserted, words_deleted, clauses_changed, counted_by, against, gut_and_amend, analyzed_key, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [...columns, v.id],
      );
    }
    await this.db.run('DELETE FROM version_sections WHERE version_id = ?', [v.id]);
    const rows = new Map<string, SqlValue[]>();
    for (const s of v.sections) {
      const key = `${s.code}\u0000${s.section}\u0000${s.relation}`;
      // `override` only on a citation (the readers trust the column).
      if (!rows.has(key)) rows.set(key, [v.id, s.code, s.section, s.relation, s.relation === 'cites' ? overrideColumn(s.override) : 0, s.unit ?? null, s.through ?? null, s.jointWith?.length ? s.jointWith.join(JOINT_SEPARATOR) : null]);
    }
    await insertRows(this.db, 'version_sections', VERSION_SECTION_COLUMNS, [...rows.values()]);
    // Each range once: a range no version cites any more stays, and finds no bill.
    const ranges = v.sections.filter((s) => s.through).map((s) => [s.code, s.section, s.through!]);
    if (ranges.length) await insertRows(this.db, 'section_ranges', SECTION_RANGE_COLUMNS, ranges, 'ON CONFLICT DO NOTHING');
    // Its digest key in a table of its own: a column of versions would follow its content, which
    // SQLite reads through to reach it.
    if (existing) await this.db.run('DELETE FROM version_keys WHERE version_id = ?', [v.id]);
    if (v.digestKey && Object.keys(v.digestKey).length) await this.db.run('INSERT INTO version_keys (version_id, digest_key) VALUES (?, ?)', [v.id, JSON.stringify(v.digestKey)]);
    if (existing) await this.db.run('DELETE FROM version_authors WHERE version_id = ?', [v.id]);
    const authors = v.authors ?? [];
    if (authors.length) await insertRows(this.db, 'version_authors', VERSION_AUTHOR_COLUMNS, authors.map((a, i) => [v.id, i, a.name, a.role, a.house ?? null, a.committee ? 1 : 0]));
    if (existing) await this.db.run('DELETE FROM version_names WHERE version_id = ?', [v.id]);
    const names = v.names ?? [];
    if (names.length) await insertRows(this.db, 'version_names', VERSION_NAME_COLUMNS, names.map((name, i) => [v.id, i, name]));
    return existing ? 'updated' : 'inserted';
  }

  /** Change counts found by the aligner (or by seeing the text unchanged). */
  async setCounts(id: string, counts: { inserted: number | null; deleted: number | null; clauses: number | null; by: string | null; against: string | null; gutAndAmend: boolean; key: string }): Promise<void> {
    await this.db.run('UPDATE versions SET words_inserted = ?, words_deleted = ?, clauses_changed = ?, counted_by = ?, against = ?, gut_and_amend = ?, analyzed_key = ? WHERE id = ?', [
      counts.inserted,
      counts.deleted,
      counts.clauses,
      counts.by,
      counts.against,
      counts.gutAndAmend ? 1 : 0,
      counts.key,
      id,
    ]);
  }

  async setVersionOrder(id: string, seq: number, name: string): Promise<void> {
    await this.db.run('UPDATE versions SET seq = ?, name = ? WHERE id = ? AND (seq <> ? OR name <> ?)', [seq, name, id, seq, name]);
  }

  /** Which of the bills `ids` the database holds. */
  async heldBills(ids: Iterable<string>): Promise<Set<string>> {
    return heldBills(this.db, ids);
  }

  /**
   * History rows, each written where it is new or differs from the row of its bill and id; what each
   * was, in order. A row given twice is counted as it comes (new, then unchanged or updated).
   */
  async upsertHistory(rows: readonly HistoryRow[]): Promise<WriteResult[]> {
    const key = (r: HistoryRow) => `${r.bill_id}\u0000${r.id}`;
    const stored = new Map<string, HistoryRow>();
    for (const r of await allOf<HistoryRow>(this.db, 'SELECT bill_id, id, date, action, seq FROM history', 'bill_id', rows.map((r) => r.bill_id))) stored.set(key(r), r);
    const write = new Map<string, HistoryRow>();
    const results = rows.map((row): WriteResult => {
      const existing = stored.get(key(row));
      if (existing && existing.date === row.date && existing.action === row.action && existing.seq === row.seq) return 'unchanged';
      stored.set(key(row), row);
      write.set(key(row), row);
      return existing ? 'updated' : 'inserted';
    });
    await insertRows(
      this.db,
      'history',
      HISTORY_COLUMNS,
      [...write.values()].map((r) => [r.bill_id, r.id, r.date, r.action, r.seq]),
      'ON CONFLICT (bill_id, id) DO UPDATE SET date = excluded.date, action = excluded.action, seq = excluded.seq',
    );
    return results;
  }


  /**
   * A unit of a code as its table of contents heads it (`law_units`), by its place (`placeOf`: the
   * numbers of its division, title, part, chapter and article); a heading of undefined removes it.
   */
  async upsertUnit(code: string, place: string, heading: string | undefined): Promise<WriteResult> {
    const existing = await this.db.get<{ heading: string }>('SELECT heading FROM law_units WHERE code = ? AND place = ?', [code, place]);
    if (heading === undefined) {
      if (existing) await this.db.run('DELETE FROM law_units WHERE code = ? AND place = ?', [code, place]);
      return existing ? 'updated' : 'unchanged';
    }
    if (existing?.heading === heading) return 'unchanged';
    await this.db.run('INSERT INTO law_units (code, place, heading) VALUES (?, ?, ?) ON CONFLICT (code, place) DO UPDATE SET heading = excluded.heading', [code, place, heading]);
    return existing ? 'updated' : 'inserted';
  }

  async upsertLawSection(s: LawSectionInput): Promise<WriteResult> {
    const existing = await this.db.get<{ content_hash: string; heading: string; history: string; source_id: string | null; corpus_id: string | null; text: string; place: string | null; names: string | null }>(
      'SELECT content_hash, heading, history, source_id, corpus_id, text, place, names FROM law_sections WHERE code = ? AND number = ?',
      [s.code, s.number],
    );
    const heading = s.heading ?? existing?.heading ?? '';
    const history = s.history ?? existing?.history ?? '';
    const sourceId = s.sourceId ?? existing?.source_id ?? null;
    const corpusId = s.corpusId ?? existing?.corpus_id ?? null;
    const place = s.place ?? existing?.place ?? null;
    // One a line; none: NULL (only the named sections are in the index on it). A section an earlier analysis read has none, and is written again.
    const names = s.names?.length ? s.names.join('\n') : null;
    if (
      existing &&
      existing.content_hash === s.hash &&
      existing.heading === heading &&
      existing.history === history &&
      existing.source_id === sourceId &&
      existing.corpus_id === corpusId &&
      existing.place === place &&
      existing.names === names
    ) {
      return 'unchanged';
    }
    const values: SqlValue[] = [sourceId, heading, history, s.format, packContent(s.bytes), s.hash, s.text, corpusId, place, names, s.code, s.number];
    if (existing) {
      await this.db.run('UPDATE law_sections SET source_id = ?, heading = ?, history = ?, format = ?, content = ?, content_hash = ?, text = ?, corpus_id = ?, place = ?, names = ? WHERE code = ? AND number = ?', values);
    } else {
      await this.db.run('INSERT INTO law_sections (source_id, heading, history, format, content, content_hash, text, corpus_id, place, names, code, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', values);
    }
    if (!existing || existing.heading !== heading || existing.text !== s.text) {
      const key = (await this.db.get<{ key: number }>('SELECT key FROM law_sections WHERE code = ? AND number = ?', [s.code, s.number]))!.key;
      await this.writePassages('section', key, sectionPassageText(heading, s.text));
    }
    return existing ? 'updated' : 'inserted';
  }

  /** The text a bill is found by (every line of its versions, once) and its passages. */
  async setSearchText(billId: string, searchText: string): Promise<void> {
    const row = await this.db.get<{ key: number; search_text: string }>('SELECT key, search_text FROM bills WHERE id = ?', [billId]);
    if (!row || row.search_text === searchText) return;
    await this.db.run('UPDATE bills SET search_text = ? WHERE key = ?', [searchText, row.key]);
    await this.writePassages('bill', row.key, searchText);
  }

  /** An owner's passages and, when they changed, their words (passage-words.ts). */
  private async writePassages(owner: PassageOwner, key: number, text: string): Promise<void> {
    if (await writePassages(this.db, owner, key, text)) await writeOwnerWords(this.db, owner, key);
  }
}
