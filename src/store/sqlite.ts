/**
 * The embedded database: one SQLite file through better-sqlite3, in WAL mode so that a server
 * keeps reading while an import writes. better-sqlite3 is synchronous; the store's interface is
 * asynchronous so that the same code runs on PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Dialect, SqlValue } from './dialect.js';

type Statement = Database.Statement<unknown[], unknown>;

/** Opens (creating when needed) the database file. */
export function openSqlite(file: string, options: { readonly?: boolean } = {}): Dialect {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, timeout: 15000 });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL is durable against a crash of the process (kill -9) and never
    // corrupts; a power failure may lose the last transactions, never half of one.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size > 500) statements.clear();
      statements.set(sql, statement);
    }
    return statement;
  };
  // better-sqlite3 binds every JavaScript number as a REAL; a whole number goes as an INTEGER, which
  // FTS5 needs to use a rowid range (given a REAL, it reads the whole match list).
  const bind = (params: SqlValue[] = []) =>
    params.map((p) => (typeof p === 'number' && Number.isSafeInteger(p) ? BigInt(p) : p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));
  let depth = 0;
  const dialect: Dialect = {
    kind: 'sqlite',
    async all<T>(sql: string, params?: SqlValue[]) {
      return prepare(sql).all(...bind(params)) as T[];
    },
    async get<T>(sql: string, params?: SqlValue[]) {
      return prepare(sql).get(...bind(params)) as T | undefined;
    },
    async run(sql, params) {
      return prepare(sql).run(...bind(params)).changes;
    },
    async exec(script) {
      db.exec(script);
    },
    async transaction(fn) {
      if (depth > 0) return fn(dialect);
      db.exec('BEGIN IMMEDIATE');
      depth++;
      try {
        const result = await fn(dialect);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        depth--;
      }
    },
    async close() {
      statements.clear();
      if (db.open) {
        if (!options.readonly) db.pragma('optimize');
        db.close();
      }
    },
  };
  return dialect;
}
