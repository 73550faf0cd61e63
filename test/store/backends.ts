/**
 * The store's tests run against both databases: SQLite (a file in a fresh temporary folder) and
 * PostgreSQL at `BILLDIFF_TEST_DATABASE_URL` (each suite in a schema of its own, dropped after).
 * `.ci/run` starts PostgreSQL and sets the URL. Without it, the PostgreSQL suites are skipped by name
 * and counted on a bare clone; in CI (`CI` set) a missing URL fails them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import pg from 'pg';
import { importPaths, type ImportProgress } from '../../src/import/index.js';
import { openDatabase, type Database, type DatabaseOptions } from '../../src/store/index.js';
import type { Dialect } from '../../src/store/dialect.js';

export const POSTGRES_URL = process.env['BILLDIFF_TEST_DATABASE_URL'];
const mustRun = Boolean(process.env['CI']);

/**
 * The skipped tests, counted once for the whole run. Held on `globalThis`: mocha `require`s each test
 * file (tsx compiles it to CommonJS), and imports it as an ES module where that fails —
 * test/server/processes.test.ts imports a script of the bench whose top-level `await` `require` cannot
 * load — so that file has its own copy of this module, and its count was printed on a line of its own
 * ("60 … skipped", then "4 …").
 */
const skips = ((globalThis as { billdiffPostgresSkips?: { skipped: number; reported: boolean } }).billdiffPostgresSkips ??= { skipped: 0, reported: false });
function reportSkips(): void {
  if (skips.reported) return;
  skips.reported = true;
  after(() => {
    if (skips.skipped) console.log(`\n  ${skips.skipped} PostgreSQL store tests skipped: BILLDIFF_TEST_DATABASE_URL is not set (.ci/run sets it)`);
  });
}

/** A place for one database: a temporary folder, or a fresh PostgreSQL schema. */
export interface Backend {
  kind: 'sqlite' | 'postgres';
  options: DatabaseOptions;
  /** The environment a child process (the CLI) needs to use this database. */
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export async function sqliteBackend(): Promise<Backend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-store-'));
  return {
    kind: 'sqlite',
    options: { dataDir: dir },
    env: { BILLDIFF_DATA: dir },
    open: () => openDatabase({ dataDir: dir }),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresBackend(url: string): Promise<Backend> {
  const schema = `billdiff_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const scoped = u.toString();
  return {
    kind: 'postgres',
    options: { url: scoped },
    env: { DATABASE_URL: scoped },
    open: () => openDatabase({ url: scoped }),
    dispose: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/**
 * Declares `fn`'s tests once for each database. `fn` gets a getter for the suite's backend (made
 * fresh before the suite's tests, removed after).
 */
export function describeBackends(title: string, fn: (backend: () => Backend, kind: 'sqlite' | 'postgres') => void): void {
  reportSkips();
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe(`${title} (${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`, function () {
      let backend: Backend | undefined;
      if (kind === 'postgres' && !POSTGRES_URL) {
        if (mustRun) {
          it('needs PostgreSQL', () => {
            throw new Error('BILLDIFF_TEST_DATABASE_URL is not set: CI runs the store tests against PostgreSQL (.ci/run starts it)');
          });
          return;
        }
        before(function () {
          skips.skipped += countTests(this.test!.parent!);
          this.skip();
        });
      } else {
        before(async () => {
          backend = kind === 'sqlite' ? await sqliteBackend() : await postgresBackend(POSTGRES_URL!);
        });
        after(async () => {
          await backend?.dispose();
        });
      }
      fn(() => backend!, kind);
    });
  }
}

/**
 * A synthetic set of tables written at test time (`write` into `session/` of a folder of its own),
 * imported before the suite's tests into a database of its backend, with no problem reported; the
 * database closed and the folder removed after them. Getters for the database and the folder.
 */
export function importedSet(backend: () => Backend, prefix: string, write: (dir: string) => void): { db: () => Database; tmp: () => string } {
  let db: Database | undefined;
  let tmp: string | undefined;
  before(async () => {
    db = await backend().open();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    write(path.join(tmp, 'session'));
    const problems: string[] = [];
    const progress: ImportProgress = { start() {}, input() {}, advance() {}, problem: (p) => problems.push(p.reason), stop() {} };
    await importPaths(db, [path.join(tmp, 'session')], progress);
    expect(problems).to.deep.equal([]);
  });
  after(async () => {
    await db?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  return { db: () => db!, tmp: () => tmp! };
}

function countTests(suite: Mocha.Suite): number {
  return suite.tests.length + suite.suites.reduce((n, s) => n + countTests(s), 0);
}

/** The real connection `db`, each statement it runs counted (a new object: the store keeps nothing of `db`'s for it). */
export function countingStatements(db: Dialect): { db: Dialect; statements: () => number } {
  let n = 0;
  return {
    db: { ...db, all: (sql, params) => (n++, db.all(sql, params)), get: (sql, params) => (n++, db.get(sql, params)) },
    statements: () => n,
  };
}
