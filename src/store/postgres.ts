/**
 * PostgreSQL for a shared deployment (`DATABASE_URL=postgres://…`), through `pg`'s pool: several
 * server processes may share one database. The store writes `?` placeholders; they are numbered
 * here (`$1`, `$2`, …), and each statement is prepared once per connection, by name. No SQL the
 * store writes holds a `?` inside a literal.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Dialect, SqlValue } from './dialect.js';

// BIGINT counts come back as numbers, not strings (they are far below 2^53 here).
pg.types.setTypeParser(20, (value: string) => Number(value));

const numbered = new Map<string, { text: string; name: string }>();

/** `?` → `$n`, remembered per statement text. */
export function numberPlaceholders(sql: string): string {
  return statementOf(sql).text;
}

/**
 * The statement as PostgreSQL takes it, with a name: each connection parses and plans a named
 * statement once and reuses it (the store's statements are a few dozen fixed texts).
 */
function statementOf(sql: string): { text: string; name: string } {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    out = { text, name: `billdiff_${createHash('sha1').update(text).digest('hex').slice(0, 20)}` };
    if (numbered.size > 1000) numbered.clear();
    numbered.set(sql, out);
  }
  return out;
}

type Queryable = { query: (config: string | pg.QueryConfig) => Promise<pg.QueryResult> };

function adapter(client: Queryable, transaction: Dialect['transaction'], close: () => Promise<void>): Dialect {
  const query = (sql: string, params: SqlValue[] = []) => {
    const { text, name } = statementOf(sql);
    const values = params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
    // A full-text match's best plan depends on the words: sent unnamed, planned anew each time (a pool of
    // `genericPlans` plans even these once: see openPostgres). A snippet's, reading a few passages by id,
    // and the term index's are the same for any words.
    return client.query(/_matching\(/.test(text) ? { text, values } : { name, text, values });
  };
  return {
    kind: 'postgres',
    async all<T>(sql: string, params?: SqlValue[]) {
      return (await query(sql, params)).rows as T[];
    },
    async get<T>(sql: string, params?: SqlValue[]) {
      return (await query(sql, params)).rows[0] as T | undefined;
    },
    async run(sql, params) {
      return (await query(sql, params)).rowCount ?? 0;
    },
    async exec(script) {
      await client.query(script);
    },
    transaction,
    close,
  };
}

/**
 * How long a connection may sit idle before the pool closes it: minutes, not pg-pool's 10 s, so that a
 * server's connections (and their backends' prepared statements and caches) outlast a lull. With
 * 10 s, a server left alone for 10 s met its next burst with no connection open: each process opened
 * its 20 again (authentication, a new backend, every statement prepared and planned anew), and the
 * first 2,000 new bill pages after 11 s idle cost 0.085 ms more of the serving thread's CPU each.
 */
const IDLE_MS = 5 * 60_000;

/**
 * Connects a pool to the database at `url`. `genericPlans`: every statement with parameters planned
 * once per connection (`plan_cache_mode = force_generic_plan`, PostgreSQL 12+, as the generated
 * columns need), never again for its values: for the search threads (search-worker.ts), whose
 * statements have one good plan whatever the words or number (the full-text matches go through the
 * `billdiff_*_matching` functions, whose rows PostgreSQL estimates alike for any words). Left to
 * PostgreSQL, a section number's statement (search.ts) was planned anew at every search, its generic
 * plan costed for the most common sections: 0.15 ms of the backend's CPU of 0.3 a number search
 * (in process, 1,500 of the session bench's new number searches). A URL's own `options` win.
 */
export function openPostgres(url: string, options: { max?: number; min?: number; genericPlans?: boolean } = {}): Dialect {
  const max = options.max ?? 20;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Connections the pool keeps however long they sit idle (pg-pool opens none ahead: `connections` does).
    min: options.min ?? 0,
    idleTimeoutMillis: IDLE_MS,
    ...(options.genericPlans ? { options: '-c plan_cache_mode=force_generic_plan' } : {}),
  });
  // An idle client that loses its connection must not bring the process down.
  pool.on('error', () => undefined);
  /** `fn` in one transaction on `client`: committed when it resolves, rolled back when it throws. */
  const transactionOn = async <T>(client: pg.PoolClient, fn: (tx: Dialect) => Promise<T>): Promise<T> => {
    let inner: Dialect | undefined;
    try {
      await client.query('BEGIN');
      inner = adapter(client, (f) => f(inner!), async () => undefined);
      const result = await fn(inner);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  const transaction: Dialect['transaction'] = async (fn) => {
    const client = await pool.connect();
    try {
      return await transactionOn(client, fn);
    } finally {
      client.release();
    }
  };
  const connections: Dialect['connections'] = async (n, fn) => {
    // No more than the pool holds: the one past it would wait for a connection none of these gives back.
    const taken = await Promise.allSettled(Array.from({ length: Math.min(n, max) }, () => pool.connect()));
    const clients = taken.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
    try {
      const failed = taken.find((t): t is PromiseRejectedResult => t.status === 'rejected');
      if (failed) throw failed.reason;
      await Promise.all(clients.map((client) => fn(adapter(client, (f) => transactionOn(client, f), async () => undefined))));
      return clients.length;
    } finally {
      for (const client of clients) client.release();
    }
  };
  return { ...adapter(pool, transaction, () => pool.end()), connections };
}
