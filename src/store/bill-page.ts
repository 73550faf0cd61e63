/**
 * A bill page's rows in one statement: the bill, its versions, its history and the sections each
 * version touches (with, for those it amends or repeals, whether the database holds the section),
 * each list aggregated as JSON by the database. One round trip on PostgreSQL where the page made five
 * (four at once, then one); on SQLite one statement where it ran five, each row an object built in
 * JavaScript.
 *
 * On PostgreSQL the bill pages asked for in one turn of the event loop share that statement: one
 * round trip for all of them (see pageLoader).
 */
import DataLoader from 'dataloader';
import { compareCodeUnits, compareSections } from './codes.js';
import { BILL_COLUMNS, jointBills, overrideWords } from './columns.js';
import { oneOf, type Dialect, type DialectKind } from './dialect.js';
import type { Author, AuthorRole } from '../types.js';
import type { BillRow, SectionTouch, VersionSummary } from './types.js';

export const SUMMARY_COLUMNS = [
  'id', 'bill_id', 'corpus_id', 'version_num', 'seq', 'name', 'stage', 'date', 'title', 'format', 'content_hash', 'marks', 'words',
  'words_inserted', 'words_deleted', 'clauses_changed', 'counted_by', 'against', 'gut_and_amend',
] as const;

/** The fields of a version a bill's page and its JSON show (billReport in reports.ts): no more is read. */
export const PAGE_VERSION_COLUMNS = ['id', 'corpus_id', 'name', 'stage', 'date', 'words_inserted', 'words_deleted', 'clauses_changed', 'counted_by', 'against', 'gut_and_amend'] as const;
/** A version as a bill's page reads it: its fields, and its digest key (`version_keys`; none: null). */
export type PageVersion = Pick<VersionSummary, (typeof PAGE_VERSION_COLUMNS)[number]> & { digest_key: string | null };

export interface BillPageRows {
  bill: BillRow;
  versions: PageVersion[];
  history: Array<{ date: string | null; action: string }>;
  /** The sections each version touches, by version id, in the Legislature's order. */
  touches: Map<string, SectionTouch[]>;
  /** Of the sections the latest version amends or repeals, those the database holds (by `CODE NUMBER`), with their corpus ids. */
  held: Map<string, { corpus_id: string | null }>;
  /** Each version's authors, by version id, in its order (a version that names none is not here). */
  authors: Map<string, Author[]>;
}

/** A JSON array of one object per row of `from`, in `order`, as each database writes it. */
function rowsAsJson(kind: DialectKind, fields: Array<[string, string]>, from: string, order?: string): string {
  const object = `${kind === 'sqlite' ? 'json_object' : 'json_build_object'}(${fields.map(([name, expr]) => `'${name}', ${expr}`).join(', ')})`;
  return `(SELECT ${kind === 'sqlite' ? 'json_group_array' : 'json_agg'}(${object}${order ? ` ORDER BY ${order}` : ''}) ${from})`;
}

const statements = new Map<string, string>();

/** The statement of the pages of the bills `which` chooses (one bill's: `b.id = ?`). */
function statementFor(kind: DialectKind, which = 'b.id = ?'): string {
  const key = `${kind}|${which}`;
  let sql = statements.get(key);
  if (!sql) {
    const versions = rowsAsJson(
      kind,
      [...PAGE_VERSION_COLUMNS.map((c): [string, string] => [c, `v.${c}`]), ['digest_key', '(SELECT k.digest_key FROM version_keys k WHERE k.version_id = v.id)']],
      'FROM versions v WHERE v.bill_id = b.id',
      'v.seq, v.date, v.id',
    );
    const history = rowsAsJson(kind, [['date', 'h.date'], ['action', 'h.action']], 'FROM history h WHERE h.bill_id = b.id', 'h.date, h.seq, h.id');
    const touches = rowsAsJson(
      kind,
      [
        ['version_id', 'vs.version_id'],
        ['code', 'vs.code'],
        ['section', 'vs.section'],
        ['relation', 'vs.relation'],
        ['override', 'vs.override'],
        ['unit', 'vs.unit'],
        ['through', 'vs.through'],
        ['joint', 'vs.joint'],
        // '' when the database holds the section without a corpus id; null when it does not hold it.
        ['law', "CASE WHEN vs.relation IN ('amends', 'repeals') THEN (SELECT COALESCE(l.corpus_id, '') FROM law_sections l WHERE l.code = vs.code AND l.number = vs.section) END"],
      ],
      // In no order: touchesByVersion groups them by version and sorts each version's in full.
      'FROM version_sections vs JOIN versions tv ON tv.id = vs.version_id WHERE tv.bill_id = b.id',
    );
    const authors = rowsAsJson(
      kind,
      [
        ['version_id', 'a.version_id'],
        ['name', 'a.name'],
        ['role', 'a.role'],
        ['house', 'a.house'],
        ['committee', 'a.committee'],
      ],
      'FROM version_authors a JOIN versions av ON av.id = a.version_id WHERE av.bill_id = b.id',
      'a.version_id, a.seq',
    );
    sql = `SELECT ${BILL_COLUMNS.map((c) => `b.${c}`).join(', ')}, ${versions} AS versions, ${history} AS history, ${touches} AS touches, ${authors} AS authors FROM bills b WHERE ${which}`;
    statements.set(key, sql);
  }
  return sql;
}

type PageRow = BillRow & { versions: unknown; history: unknown; touches: unknown; authors: unknown };

/**
 * Most bill pages one statement reads: bounds its rows (~5 kB of JSON a bill) and the pages rendered
 * at once on its answer.
 */
export const MOST_PAGES_AT_ONCE = 32;

const loaders = new WeakMap<Dialect, DataLoader<string, PageRow | undefined>>();

/**
 * PostgreSQL: the bill pages asked for in one turn of the event loop, read in one statement (the
 * same as one page's, `b.id = ANY(?)`), dispatched once the turn's I/O is done (setImmediate), not
 * one statement a page. Each statement is a round trip: the connection's write, a backend woken (and,
 * on a loaded machine, the serving thread put off its processor for it) and the backend's fixed cost
 * of a statement. Measured on 2 cores at 50 connections, new bill pages (2 interleaved runs each): a
 * page cost the serving thread 0.29–0.30 ms in place of 0.44–0.45 and PostgreSQL's backends 0.19–0.20
 * in place of 0.27–0.32, for 1.5 times the pages a second. Nothing is kept between turns (`cache:
 * false`): each page reads the data as they are.
 */
function pageLoader(db: Dialect): DataLoader<string, PageRow | undefined> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader<string, PageRow | undefined>(
      async (ids) => {
        const among = oneOf(db.kind, 'b.id', [...ids]);
        const rows = await db.all<PageRow>(statementFor(db.kind, among.sql), among.params);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id));
      },
      { cache: false, maxBatchSize: MOST_PAGES_AT_ONCE, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
    );
    loaders.set(db, loader);
  }
  return loader;
}

/** A JSON column as rows: PostgreSQL's driver has parsed it; SQLite gives its text; no rows, null. */
function parsed<T>(value: unknown): T[] {
  return value === null || value === undefined ? [] : typeof value === 'string' ? (JSON.parse(value) as T[]) : (value as T[]);
}

/** A row of version_sections as the store reads it (`override`: `overrideColumn`'s number). */
export type TouchRow = Omit<SectionTouch, 'override' | 'unit' | 'through' | 'jointWith'> & { version_id: string; override: number; unit?: string | null; through?: string | null; joint?: string | null };

/** The sections touched, grouped by version, each version's in the Legislature's order. */
export function touchesByVersion(rows: Array<TouchRow>): Map<string, SectionTouch[]> {
  const out = new Map<string, SectionTouch[]>();
  for (const row of rows) {
    // A touch of its own shape (code, section, relation, and the words by which it would override the section), the row's other fields left behind.
    const touch: SectionTouch = { code: row.code, section: row.section, relation: row.relation };
    const override = overrideWords(row.override);
    if (override) touch.override = override;
    if (row.unit) touch.unit = row.unit;
    if (row.through) touch.through = row.through;
    if (row.joint) touch.jointWith = jointBills(row.joint);
    const list = out.get(row.version_id);
    if (list) list.push(touch);
    else out.set(row.version_id, [touch]);
  }
  for (const list of out.values()) if (list.length > 1) list.sort(compareTouches);
  return out;
}

/**
 * Sections in the Legislature's order, then by relation; last, two numbers that order alike (a
 * collator's tie) by their code units, as the rows came when the database sorted them (its collation
 * is bytewise or C, or SQLite's binary): a total order, whatever order the rows come in.
 */
function compareTouches(a: SectionTouch, b: SectionTouch): number {
  return compareSections(a, b) || compareCodeUnits(a.relation, b.relation) || compareCodeUnits(a.section, b.section);
}

export async function readBillPage(db: Dialect, id: string): Promise<BillPageRows | undefined> {
  // SQLite answers in process, at once: nothing to share.
  const row = db.kind === 'postgres' ? await pageLoader(db).load(id) : await db.get<PageRow>(statementFor(db.kind), [id]);
  if (!row) return undefined;
  const { versions, history, touches, authors, ...bill } = row;
  const touched = parsed<TouchRow & { law: string | null }>(touches);
  const list = parsed<PageVersion>(versions);
  // As the pages ask: of the latest version's sections.
  const latest = list[list.length - 1]?.id;
  const held = new Map<string, { corpus_id: string | null }>();
  for (const t of touched) if (t.version_id === latest && t.law !== null && t.law !== undefined) held.set(`${t.code} ${t.section}`, { corpus_id: t.law || null });
  return {
    bill,
    versions: list,
    history: parsed(history),
    touches: touchesByVersion(touched),
    held,
    authors: authorsBy(parsed<AuthorRow & { version_id: string }>(authors), (r) => r.version_id),
  };
}

/** A row of version_authors as a statement reads it (with what its authors are grouped by). */
export type AuthorRow = { name: string; role: AuthorRole; house: string | null; committee: number };

/** Authors grouped by `key` of their rows, each group in the rows' order, each of the shape the readers gave (`Author`). */
export function authorsBy<R extends AuthorRow>(rows: readonly R[], key: (row: R) => string): Map<string, Author[]> {
  const out = new Map<string, Author[]>();
  for (const row of rows) {
    const author: Author = { name: row.name, role: row.role };
    if (row.house) author.house = row.house;
    if (row.committee) author.committee = true;
    const list = out.get(key(row));
    if (list) list.push(author);
    else out.set(key(row), [author]);
  }
  return out;
}
