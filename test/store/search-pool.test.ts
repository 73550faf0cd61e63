import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { importPaths } from '../../src/import/index.js';
import { openDatabase, type Database } from '../../src/store/index.js';
import { SearchBusyError, SearchPool } from '../../src/store/search-pool.js';
import { DATABASE_FILE } from '../../src/store/database.js';
import { threadBusy, WARM_UP, warmUp, warmUpQueries } from '../../src/store/search-warm.js';
import type { SearchFilters } from '../../src/store/types.js';
import { fixturePath } from '../helpers/paths.js';
import { countingStatements, describeBackends, sqliteBackend, type Backend } from './backends.js';

describe('store/search-pool', () => {
  let backend: Backend;
  let db: Database;
  before(async () => {
    backend = await sqliteBackend();
    db = await backend.open();
    await importPaths(db, [fixturePath('store-pubinfo-synthetic', 'session')]);
  });
  after(async () => {
    await db?.close();
    await backend?.dispose();
  });

  it('should answer searches in worker threads exactly as on the calling thread', async () => {
    const pool = new SearchPool(path.join(backend.options.dataDir!, DATABASE_FILE), { threads: 2 });
    try {
      const page = { limit: 20, offset: 0 };
      for (const q of ['synthetic court motion', '99001', 'AB 9001', 'electronic register']) {
        expect(await pool.search(q, {}, page), q).to.deep.equal(await db.search(q, {}, page));
      }
    } finally {
      await pool.close();
    }
  });

  it('should warm each thread up on searches of its own database, then answer exactly as a cold thread', async () => {
    const file = path.join(backend.options.dataDir!, DATABASE_FILE);
    const warm = new SearchPool(file, { threads: 2 });
    const cold = new SearchPool(file, { threads: 2, warm: false });
    try {
      const queries = await warmUpQueries(db.dialect);
      // The fixture's bills' citations, sections' numbers and words of their text (one and two at a time),
      // each once, run again and again by each thread (a small database).
      expect(queries.length).to.be.within(8, WARM_UP.searches);
      expect(new Set(queries).size).to.equal(queries.length);
      const bills = await db.dialect.all<{ measure: string }>('SELECT measure FROM bills');
      expect(queries.filter((q) => bills.some((b) => b.measure === q))).to.have.length(bills.length);
      expect(queries.some((q) => /^[\p{L}]+$/u.test(q))).to.equal(true);
      expect(queries.some((q) => /^[\p{L}]+ [\p{L}]+$/u.test(q))).to.equal(true);
      expect(await warm.warmedUp).to.deep.equal([WARM_UP.searches, WARM_UP.searches]);
      expect(await cold.warmedUp).to.deep.equal([]);
      const page = { limit: 25, offset: 0 };
      for (const q of [...queries, 'synthetic court motion', '99001', 'AB 9001', 'electronic register']) {
        expect(await warm.search(q, {}, page), q).to.deep.equal(await cold.search(q, {}, page));
      }
    } finally {
      await warm.close();
      await cold.close();
    }
  });

  it('should stop warming up when the thread closes, and wait while a search is under way', async () => {
    let closing = false;
    const started = warmUp(db.dialect, () => closing);
    closing = true;
    expect(await started).to.equal(0);
    expect(await warmUp(db.dialect, () => false, { ms: 60_000, wallMs: 60_000, searches: 3 })).to.equal(3);
    // Several at a time (PostgreSQL's connections), never past the bound.
    expect(await warmUp(db.dialect, () => false, { ms: 60_000, wallMs: 60_000, searches: 5 }, () => false, 4)).to.equal(5);
    // Busy: none of its searches until the thread is idle; then all.
    let busy = true;
    const counted = countingStatements(db.dialect);
    const waiting = warmUp(counted.db, () => false, { ms: 60_000, wallMs: 60_000, searches: 3, idleMs: 5 }, () => busy);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Its queries (the largest keys, then the sampled bills, sections and passages) and the generation read (five statements), no search yet.
    expect(counted.statements()).to.equal(5);
    busy = false;
    expect(await waiting).to.equal(3);
    expect(counted.statements()).to.be.above(4);
  });

  it("should tell whether a thread of the process is busy, from its run time over the last moment (Linux)", async function () {
    if (process.platform !== 'linux') this.skip();
    const busy = threadBusy(process.pid, 0.5, 20);
    const spin = performance.now();
    while (performance.now() - spin < 60);
    expect(busy()).to.equal(true);
    // Within the window the last verdict stands; idle past it, not busy.
    expect(busy()).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(busy()).to.equal(false);
    expect(threadBusy(-1)()).to.equal(false);
  });

  it('should refuse a search it has no room for at once, and one past its time, with a plain message', async () => {
    const pool = new SearchPool(path.join(backend.options.dataDir!, DATABASE_FILE), { threads: 1, maxQueued: 0, timeoutMs: 60_000 });
    try {
      const page = { limit: 20, offset: 0 };
      const first = pool.search('synthetic', {}, page);
      const refused = await pool.search('court', {}, page).then(() => undefined, (error: Error) => error);
      expect(refused).to.be.instanceOf(SearchBusyError);
      expect(refused!.message).to.equal('the server is busy with 1 other search: try again in a moment');
      expect((await first).total).to.equal(6);
    } finally {
      await pool.close();
    }
    // A search whose client went away while it waited in the queue is dropped, never run; one already
    // sent to a thread (SQLite: the second, which waits in the thread) is answered, for nobody.
    const queued = new SearchPool(path.join(backend.options.dataDir!, DATABASE_FILE), { threads: 1, timeoutMs: 60_000 });
    try {
      const gone = new AbortController();
      const running = queued.search('synthetic', {}, { limit: 20, offset: 0 });
      const sent = queued.search('synthetic', {}, { limit: 20, offset: 0 }, gone.signal);
      const waiting = queued.search('court', {}, { limit: 20, offset: 0 }, gone.signal).then(() => undefined, (error: Error) => error);
      gone.abort();
      expect((await waiting)?.message).to.equal('the request was closed before its search began');
      expect((await running).total).to.equal(6);
      expect((await sent).total).to.equal(6);
    } finally {
      await queued.close();
    }
    const hasty = new SearchPool(path.join(backend.options.dataDir!, DATABASE_FILE), { threads: 1, timeoutMs: 0 });
    try {
      const late = await hasty.search('synthetic', {}, { limit: 20, offset: 0 }).then(() => undefined, (error: Error) => error);
      expect(late?.message).to.equal('the search took longer than 0 s: narrow it with more words or a filter');
    } finally {
      await hasty.close();
    }
  });

  it('should answer two searches sent to one SQLite thread at once, in the order asked', async () => {
    const pool = new SearchPool(path.join(backend.options.dataDir!, DATABASE_FILE), { threads: 1, warm: false, timeoutMs: 60_000 });
    try {
      const page = { limit: 20, offset: 0 };
      const answered: string[] = [];
      const asked = ['synthetic court motion', 'electronic register', 'AB 9001', '99001'];
      const answers = await Promise.all(asked.map((q) => pool.search(q, {}, page).then((answer) => (answered.push(q), answer))));
      expect(answered).to.deep.equal(asked);
      for (const [i, q] of asked.entries()) expect(answers[i], q).to.deep.equal(await db.search(q, {}, page));
    } finally {
      await pool.close();
    }
  });

  it('should admit as many searches at once as threads and queue allow, the ones sent to a thread counted as waiting', async () => {
    const file = path.join(backend.options.dataDir!, DATABASE_FILE);
    const page = { limit: 20, offset: 0 };
    for (const [threads, maxQueued, message] of [
      [1, 1, 'the server is busy with 2 other searches: try again in a moment'],
      [2, 0, 'the server is busy with 2 other searches: try again in a moment'],
      [2, 1, 'the server is busy with 3 other searches: try again in a moment'],
    ] as const) {
      const pool = new SearchPool(file, { threads, maxQueued, warm: false, timeoutMs: 60_000 });
      try {
        const admitted = Array.from({ length: threads + maxQueued }, () => pool.search('synthetic', {}, page));
        const refused = await pool.search('court', {}, page).then(() => undefined, (error: Error) => error);
        expect(refused, `${threads} + ${maxQueued}`).to.be.instanceOf(SearchBusyError);
        expect(refused!.message).to.equal(message);
        expect((await Promise.all(admitted)).map((answer) => answer.total)).to.deep.equal(admitted.map(() => 6));
      } finally {
        await pool.close();
      }
    }
  });

  it('should send a search that waited in a thread whose other search ran past its time to a fresh thread, not leave it to its own time', async function () {
    // The other search waits on a lock another connection holds on a copy of the database (real SQLite, in
    // its busy handler, which no message interrupts) until it runs past its time; its thread is stopped.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-pool-'));
    const copy = path.join(dir, DATABASE_FILE);
    const source = new Database(path.join(backend.options.dataDir!, DATABASE_FILE), { readonly: true });
    source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    source.close();
    const lock = new Database(copy);
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    const timeoutMs = 4000;
    const pool = new SearchPool(copy, { threads: 1, warm: false, timeoutMs });
    try {
      const page = { limit: 20, offset: 0 };
      const stuck = pool.search('synthetic', {}, page).then(
        () => undefined,
        (error: Error) => (lock.close(), error),
      );
      await new Promise((resolve) => setTimeout(resolve, timeoutMs - 1000));
      const asked = Date.now();
      const companion = await pool.search('court motion', {}, page);
      const waited = Date.now() - asked;
      expect((await stuck)?.message).to.equal('the search took longer than 4 s: narrow it with more words or a filter');
      expect(companion).to.deep.equal(await db.search('court motion', {}, page));
      expect(waited).to.be.below(timeoutMs);
    } finally {
      if (lock.open) lock.close();
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should fail every search sent to a thread that dies, at once, not at its time', async () => {
    // A database that cannot be opened: the thread fails as it starts, with both searches sent to it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-pool-'));
    const pool = new SearchPool(path.join(dir, 'none', DATABASE_FILE), { threads: 1, warm: false, timeoutMs: 60_000 });
    try {
      const page = { limit: 20, offset: 0 };
      const asked = Date.now();
      const failed = await Promise.all(['synthetic', 'court'].map((q) => pool.search(q, {}, page).then(() => undefined, (error: Error) => error)));
      expect(failed.map((error) => error instanceof Error && !(error instanceof SearchBusyError))).to.deep.equal([true, true]);
      expect(Date.now() - asked).to.be.below(30_000);
    } finally {
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should run searches beside the server when opened with searchThreads, and stop them on close', async () => {
    const threaded = await openDatabase({ ...backend.options, searchThreads: 1 });
    const answer = await threaded.search('synthetic court motion');
    await threaded.close();
    expect(answer.results.map((r) => r.id)).to.deep.equal((await db.search('synthetic court motion')).results.map((r) => r.id));
  });
});

describeBackends('store/search-pool: a server’s searches in threads', (backend) => {
  let db: Database;
  before(async () => {
    db = await backend().open();
    await importPaths(db, [fixturePath('store-pubinfo-synthetic', 'session')]);
  });
  after(async () => {
    await db?.close();
  });

  // Quick searches (a citation, a section's number, a few words) and slow ones (a filter, a long page).
  const searches: Array<[string, SearchFilters, { limit: number; offset: number }]> = [
    ['AB 9001', {}, { limit: 20, offset: 0 }],
    ['99001', {}, { limit: 20, offset: 0 }],
    ['synthetic court motion', {}, { limit: 20, offset: 0 }],
    ['electronic register', { status: 'pending' }, { limit: 20, offset: 0 }],
    ['synthetic', {}, { limit: 100, offset: 0 }],
    ['court', { house: 'assembly' }, { limit: 20, offset: 0 }],
  ];

  it('should answer quick and slow searches in threads exactly as on the calling thread', async () => {
    const threaded = await openDatabase({ ...backend().options, searchThreads: 2 });
    try {
      for (const [q, filters, page] of searches) expect(await threaded.search(q, filters, page), q).to.deep.equal(await db.search(q, filters, page));
    } finally {
      await threaded.close();
    }
  });

  it('should refuse the searches under way in threads when closed, and every search after, with a plain message, and end no connection under them', async () => {
    const threaded = await openDatabase({ ...backend().options, searchThreads: 1 });
    const under = searches.map(([q, filters, page]) => threaded.search(q, filters, page).then(() => undefined, (error: Error) => error));
    await threaded.close();
    const refused = await Promise.all(under);
    // On SQLite the quick ones (the first three) run on the calling thread: under way, they are answered; PostgreSQL's are in threads too.
    const closingSays = (i: number) => (backend().options.url || i >= 3 ? 'the database is closing' : undefined);
    expect(refused.map((e) => (e === undefined ? undefined : e instanceof SearchBusyError && e.message))).to.deep.equal(searches.map((_, i) => closingSays(i)));
    // Once closed, every search is refused so.
    const after = await Promise.all(searches.map(([q, filters, page]) => threaded.search(q, filters, page).then(() => undefined, (error: Error) => error)));
    expect(after.map((e) => e instanceof SearchBusyError && e.message)).to.deep.equal(searches.map(() => 'the database is closing'));
    // Its threads let their searches finish before their connections close: the database is as it was.
    expect((await db.search('AB 9001')).results.map((r) => r.id)).to.deep.equal(['ca-20252026-0-ab9001']);
  });
});
