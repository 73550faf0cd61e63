import { expect } from 'chai';
import pg from 'pg';
import { importPaths, type ImportProgress } from '../../src/import/index.js';
import { MOST_PAGES_AT_ONCE, readBillPage } from '../../src/store/bill-page.js';
import { openDatabase, type Database } from '../../src/store/index.js';
import type { Dialect } from '../../src/store/dialect.js';
import { billsPath } from '../helpers/paths.js';
import { countingStatements, describeBackends, type Backend } from './backends.js';

const quiet: ImportProgress = { start() {}, input() {}, advance() {}, problem() {}, stop() {} };

describeBackends('store: bill pages read together', (backend, kind) => {
  let db: Database;
  let ids: string[];
  before(async () => {
    db = await backend().open();
    await importPaths(db, [billsPath()], quiet);
    ids = (await db.dialect.all<{ id: string }>('SELECT id FROM bills ORDER BY id')).map((r) => r.id);
  });
  after(async () => {
    await db?.close();
  });

  it('should answer pages asked for at once as each asked for alone, an unknown bill with nothing', async () => {
    // The bundled bills, one twice, and two the database does not hold.
    const asked = [...ids, ids[0]!, 'ca-20252026-0-ab99999', 'no such bill'];
    const alone = countingStatements(db.dialect);
    const one = [];
    for (const id of asked) one.push(await readBillPage(alone.db, id));
    const together = countingStatements(db.dialect);
    const all = await Promise.all(asked.map((id) => readBillPage(together.db, id)));
    expect(all).to.deep.equal(one);
    expect(all.slice(0, ids.length).map((page) => page?.bill.id)).to.deep.equal(ids);
    expect(all.slice(-2)).to.deep.equal([undefined, undefined]);
    expect(all.find((page) => page?.bill.id === 'ca-20252026-0-ab1656')?.versions.map((v) => v.name)).to.deep.equal(['introduced', 'amended-assembly', 'amended-senate']);
    // PostgreSQL: one statement for the pages asked for in one turn; SQLite: one a page, in process.
    expect({ alone: alone.statements(), together: together.statements() }).to.deep.equal(
      kind === 'postgres' ? { alone: asked.length, together: 1 } : { alone: asked.length, together: asked.length },
    );
  });

  it(`should read at most ${MOST_PAGES_AT_ONCE} pages in one statement, and pages asked for in another turn in another`, async () => {
    const asked = Array.from({ length: 2 * MOST_PAGES_AT_ONCE + 1 }, (_, i) => ids[i % ids.length]!);
    const read = countingStatements(db.dialect);
    const pages = await Promise.all(asked.map((id) => readBillPage(read.db, id)));
    expect(pages.map((page) => page?.bill.id)).to.deep.equal(asked);
    const later = await readBillPage(read.db, ids[1]!);
    expect(later?.bill.id).to.equal(ids[1]);
    expect(read.statements()).to.equal(kind === 'postgres' ? 3 + 1 : asked.length + 1);
  });

  it('should fail every page of a statement that fails, and read the next ones again', async () => {
    const read = countingStatements(db.dialect);
    let fail = true;
    const failing: Dialect = { ...read.db, all: (sql, params) => (fail ? Promise.reject(new Error('connection lost')) : read.db.all(sql, params)), get: (sql, params) => (fail ? Promise.reject(new Error('connection lost')) : read.db.get(sql, params)) };
    const failed = await Promise.allSettled(ids.slice(0, 3).map((id) => readBillPage(failing, id)));
    expect(failed.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'read'))).to.deep.equal(['connection lost', 'connection lost', 'connection lost']);
    fail = false;
    expect((await readBillPage(failing, ids[2]!))?.bill.id).to.equal(ids[2]);
  });
});

describeBackends('store: the connections a server keeps', (backend, kind) => {
  /** The backend's database opened as a serving process opens it, its connections named. */
  const open = (b: Backend, name: string, connectionsKept: number): Promise<Database> => {
    if (kind === 'sqlite') return openDatabase({ ...b.options, connectionsKept });
    const url = new URL(b.options.url!);
    url.searchParams.set('application_name', name);
    return openDatabase({ url: url.toString(), connectionsKept });
  };
  const opened = async (name: string): Promise<number> => {
    const client = new pg.Client({ connectionString: backend().options.url! });
    await client.connect();
    try {
      return Number((await client.query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [name])).rows[0].n);
    } finally {
      await client.end();
    }
  };

  /** `read()` once it gives `value`, or its last answer after 5 s. */
  const settled = async (read: () => Promise<number>, value: number): Promise<number> => {
    const end = Date.now() + 5000;
    for (;;) {
      const n = await read();
      if (n === value || Date.now() > end) return n;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it(kind === 'postgres' ? 'should open them all before the first page, each one ready, and keep them' : 'should have none to open on SQLite', async () => {
    const seed = await backend().open();
    await importPaths(seed, [billsPath()], quiet);
    await seed.close();
    const name = `billdiff-kept-${process.pid}`;
    const db = await open(backend(), name, 3);
    try {
      expect(await db.openConnections()).to.equal(kind === 'postgres' ? 3 : 0);
      if (kind === 'postgres') {
        expect(await opened(name)).to.equal(3);
        // Pages read at once now take connections already open: none is added.
        await Promise.all(['ca-20252026-0-ab1656', 'ca-20232024-0-ab2641'].map((id) => db.billPage(id)));
        expect(await opened(name)).to.equal(3);
      }
    } finally {
      await db.close();
    }
    // Closed with the database (a backend leaves pg_stat_activity a moment after its connection closes).
    if (kind === 'postgres') expect(await settled(() => opened(name), 0)).to.equal(0);
  });

  it('should open no more than the pool holds, and none when asked for none', async () => {
    const name = `billdiff-none-${process.pid}`;
    const none = await open(backend(), name, 0);
    try {
      expect(await none.openConnections()).to.equal(0);
    } finally {
      await none.close();
    }
    if (kind !== 'postgres') return;
    const most = await open(backend(), `billdiff-most-${process.pid}`, 25);
    try {
      expect(await most.openConnections()).to.equal(20);
      expect(await opened(`billdiff-most-${process.pid}`)).to.equal(20);
    } finally {
      await most.close();
    }
  });
});
