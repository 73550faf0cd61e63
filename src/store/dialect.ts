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
