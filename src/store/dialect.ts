/**
 * The little a database must do for the store: run parameterised SQL (`?` placeholders), and run
 * a function inside one transaction. Two adapters implement it: SQLite (`sqlite.ts`, embedded,
 * one file) and PostgreSQL (`postgres.ts`, shared). Everything else in the store is written once.
 */

/** Which database a connection talks to. */
export type DialectKind = 'sqlite' | 'postgres';

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | bigint | null | Uint8Array;

/** A connection (or, inside `transaction`, the transaction's connection). */
export interface Dialect {
  readonly kind: DialectKind;
  /** Every row the query returns. */
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  /** A statement that returns no rows; resolves to the number of rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** Several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. A crash
   * in between leaves the database as it was before.
   */
  transaction<T>(fn: (tx: Dialect) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL: takes `n` of the pool's connections at once (opening those not open yet; no more than
   * the pool holds) and runs `fn` on each, bound to it; resolves to how many, once every one has run,
   * each connection back in the pool. Absent on SQLite (one connection, in process).
   */
  connections?(n: number, fn: (db: Dialect) => Promise<void>): Promise<number>;
  close(): Promise<void>;
}

/**
 * "`column` is one of `ids`", as SQL and its parameters: on SQLite a placeholder each (IN), on
 * PostgreSQL one array (= ANY), whose statement text is the same whatever the number of ids, so that
 * each connection plans it once.
 */
export function oneOf(kind: DialectKind, column: string, ids: number[] | string[]): { sql: string; params: SqlValue[] } {
  if (kind === 'sqlite') return { sql: `${column} IN (${ids.map(() => '?').join(', ')})`, params: ids };
  // An array: PostgreSQL's driver binds it as one (SqlValue names what both databases take).
  return { sql: `${column} = ANY(?::${typeof ids[0] === 'string' ? 'text' : 'bigint'}[])`, params: [ids] as unknown as SqlValue[] };
}

/** Ids a statement looks up at most (`oneOf`, `allOf`). */
const IDS_A_STATEMENT = 500;

/**
 * The rows of `select` whose `column` is one of `ids` (each id once, `IDS_A_STATEMENT` a statement),
 * `tail` after the condition (`AND …`, `ORDER BY …`, with its parameters `tailParams`): rows in the
 * order of `tail` within each statement's ids.
 */
export async function allOf<T>(db: Dialect, select: string, column: string, ids: Iterable<string>, tail = '', tailParams: SqlValue[] = []): Promise<T[]> {
  const distinct = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < distinct.length; i += IDS_A_STATEMENT) {
    const { sql, params } = oneOf(db.kind, column, distinct.slice(i, i + IDS_A_STATEMENT));
    out.push(...(await db.all<T>(`${select} WHERE ${sql}${tail}`, [...params, ...tailParams])));
  }
  return out;
}

/** A column `insertRows` writes: its name and its type, as PostgreSQL's arrays of it are cast. */
export interface RowColumn {
  name: string;
  type: 'text' | 'bigint' | 'integer';
}

/** Rows a statement of `insertRows` writes at most on SQLite (two parameters a row or more: far within its bound). */
const SQLITE_ROWS = 100;
/** Rows a statement of `insertRows` writes at most on PostgreSQL. */
const POSTGRES_ROWS = 1000;

/**
 * Inserts `rows` (each its values in the order of `columns`) into `table` in as few statements as
 * fit; `tail` follows the rows (`ON CONFLICT …`). On PostgreSQL each statement is a round trip, and
 * one a row was most of an import's time: the columns are bound as arrays and unnested, so that the
 * statement's text is the same whatever the number of rows and each connection plans it once. On
 * SQLite, `VALUES (?, ?), …`, a hundred rows a statement. Rows whose key a `tail` of `ON CONFLICT DO
 * UPDATE` meets twice must not be given together (PostgreSQL refuses a statement that would change
 * a row twice).
 */
export async function insertRows(db: Dialect, table: string, columns: readonly RowColumn[], rows: readonly SqlValue[][], tail = ''): Promise<void> {
  const names = columns.map((c) => c.name).join(', ');
  const end = tail ? ` ${tail}` : '';
  if (db.kind === 'sqlite') {
    const one = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += SQLITE_ROWS) {
      const batch = rows.slice(i, i + SQLITE_ROWS);
      await db.run(`INSERT INTO ${table} (${names}) VALUES ${batch.map(() => one).join(', ')}${end}`, batch.flat());
    }
    return;
  }
  const arrays = columns.map((c) => `?::${c.type}[]`).join(', ');
  for (let i = 0; i < rows.length; i += POSTGRES_ROWS) {
    const batch = rows.slice(i, i + POSTGRES_ROWS);
    // Each column's values as one array (the driver binds a JavaScript array as one).
    const params = columns.map((_, c) => batch.map((row) => row[c] ?? null)) as unknown as SqlValue[];
    await db.run(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})${end}`, params);
  }
}
