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
  close(): Promise<void>;
}
