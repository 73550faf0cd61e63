/**
 * The database pages' warm-up at start (src/server/database-warm-up.ts, run by warmApp): it renders
 * bill, section and search pages and keeps none of them. A visitor after it gets what a visitor of a
 * cold server gets, byte for byte, and a page it rendered is read again from the database (the
 * database is changed behind the server's back, without a new generation: a kept page would show
 * the old text).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { importPaths } from '../../src/import/index.js';
import { closeApp, createApp, warmApp, warmAppWhileIdle } from '../../src/server/app.js';
import { openDatabase, type Database } from '../../src/store/index.js';
import { listen } from '../helpers/browser.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { describeBackends } from '../store/backends.js';

describeBackends('server: the database pages’ warm-up', (backend) => {
  let db: Database;
  let uploads: string | undefined;
  const apps: Array<{ app: ReturnType<typeof createApp>; server: Server; base: string }> = [];
  const serve = async () => {
    const app = createApp({ database: db, storeDir: uploads!, workers: 1 });
    const { server, base } = await listen(app);
    apps.push({ app, server, base });
    return { app, base };
  };
  const get = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  };

  before(async function () {
    this.timeout(60000);
    // Searches in a thread, as the server runs them.
    db = await openDatabase({ ...backend().options, searchThreads: 1 });
    await importPaths(db, [billsPath(), fixturePath('store-pubinfo-synthetic', 'session')]);
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-uploads-'));
  });
  after(async () => {
    for (const { app, server } of apps) {
      await new Promise((resolve) => server.close(resolve));
      await closeApp(app);
    }
    await db?.close();
    if (uploads) fs.rmSync(uploads, { recursive: true, force: true });
  });

  it('should render bill, section and search pages, within its budget in bill pages', async function () {
    this.timeout(60000);
    const { app } = await serve();
    const done = await warmApp(app, { budgetMs: 60000, billPages: 6 });
    expect(done).to.include({ bills: 6, sections: 2, searches: 1 });
    // An app without a database warms its compare workers only; it is closed, or its workers would keep the process alive.
    const bare = createApp({ storeDir: uploads!, workers: 1 });
    try {
      expect(await warmApp(bare)).to.equal(undefined);
    } finally {
      await closeApp(bare);
    }
  });

  it('should leave the pages a visitor gets as a cold server gives them, and keep none of the pages it rendered', async function () {
    this.timeout(60000);
    const warm = await serve();
    const cold = await serve();
    const samples = await db.samples(3);
    await warmApp(warm.app, { budgetMs: 60000, billPages: 3 });
    const sessions = await db.sessions();
    const urls = [
      ...samples.bills.map((id) => `/bills/${encodeURIComponent(id)}`),
      ...samples.sections.map((s) => `/sections/${s.code}/${s.number}`),
      `/search?q=${encodeURIComponent('AB 1656')}`,
      '/search?q=',
    ];
    for (const url of urls) {
      const [a, b] = [await get(warm.base + url), await get(cold.base + url)];
      expect(a.status, url).to.equal(200);
      expect(a.body, url).to.equal(b.body);
    }
    // Changed behind the servers' backs (no new generation): the warmed server's pages it never
    // served still come from the database, so the change shows, as on a cold server.
    const [id] = samples.bills;
    const fresh = await serve();
    await warmApp(fresh.app, { budgetMs: 60000, billPages: 3 });
    await db.dialect.run('UPDATE bills SET title = ? WHERE id = ?', ['A title changed behind the server (synthetic)', id!]);
    await db.dialect.run('UPDATE session_counts SET bills = ? WHERE jurisdiction = ? AND session = ?', [987654, sessions[0]!.jurisdiction, sessions[0]!.session]);
    expect((await get(`${fresh.base}/bills/${encodeURIComponent(id!)}`)).body).to.contain('A title changed behind the server (synthetic)');
    expect((await get(`${fresh.base}/search?q=${encodeURIComponent('AB 1656')}`)).body).to.contain('(987654)');
  });

  it('should ask for search and bill pages once listening, within its counts, only while no one is served, and keep none of them', async function () {
    this.timeout(60000);
    const warm = await serve();
    const samples = await db.samples(4);
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('billdiff-warm-')).length;
    // Users served all the while: it waits, then stops at the end of its time.
    expect(await warmAppWhileIdle(warm.app, { busy: () => true, wallMs: 200 })).to.include({ bills: 0, searches: 0 });
    // Stopped (the server closing): nothing asked.
    expect(await warmAppWhileIdle(warm.app, { busy: () => false, signal: AbortSignal.abort() })).to.include({ bills: 0, searches: 0 });
    const done = await warmAppWhileIdle(warm.app, { busy: () => false, billPages: 4, searches: 6 });
    expect(done).to.include({ bills: 4, searches: 6 });
    // Out of bills and queries before its count of searches: it ends once every page it asked for is answered.
    const all = await warmAppWhileIdle(warm.app, { busy: () => false, billPages: 2, searches: 100000 });
    expect(all).to.include({ bills: 2 });
    expect(all!.searches).to.be.within(1, 8);
    // Its socket's folder is gone.
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('billdiff-warm-')).length).to.equal(before);
    // None of its pages was kept: a change behind the server's back (no new generation) shows.
    const id = samples.bills[0]!;
    await db.dialect.run('UPDATE bills SET title = ? WHERE id = ?', ['Another title changed behind the server (synthetic)', id]);
    expect((await get(`${warm.base}/bills/${encodeURIComponent(id)}`)).body).to.contain('Another title changed behind the server (synthetic)');
    const bare = createApp({ storeDir: uploads!, workers: 1 });
    try {
      expect(await warmAppWhileIdle(bare, { busy: () => false })).to.equal(undefined);
    } finally {
      await closeApp(bare);
    }
  });
});
