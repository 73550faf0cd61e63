/**
 * A search given the data's generation (the server's pages: the answer is kept only if the server's own
 * read finds that generation) answers from the thread's caches of that generation without a statement,
 * reads a new generation's data, and never keeps one generation's rows under another's.
 */
import { expect } from 'chai';
import { importPaths, type ImportProgress } from '../../src/import/index.js';
import { openDatabase, Writer, type Database } from '../../src/store/database.js';
import type { Dialect } from '../../src/store/dialect.js';
import { ALL_MIGRATIONS, migrate, SCHEMA_VERSION, type Migration } from '../../src/store/migrations.js';
import { ownerNumber } from '../../src/store/passages.js';
import { keptRows } from '../../src/store/search-rows.js';
import { searchStore } from '../../src/store/search.js';
import { termQuery } from '../../src/store/term-rank.js';
import type { SearchAnswer } from '../../src/store/types.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { describeBackends } from './backends.js';

const quiet: ImportProgress = { start() {}, input() {}, advance() {}, problem() {}, stop() {} };
const PAGE = { limit: 20, offset: 0 };
/** Words the term index ranks: bills and sections, one word and several. */
const WORDS = ['court', 'synthetic court motion', 'penal', 'electronic register'];

describeBackends('store/search: a search given the data’s generation', (backend) => {
  // The bundled bills and the synthetic session, imported once for the suite.
  let db: Database;
  before(async () => void (await importPaths((db = await backend().open()), [billsPath(), fixturePath('store-pubinfo-synthetic', 'session')], quiet)));
  after(() => db?.close());

  /** A connection's caches of their own (they are kept per connection), each statement counted. */
  const spied = () => {
    const sent: string[] = [];
    const inner = db.dialect;
    const spy: Dialect = {
      ...inner,
      all: (sql, params) => (sent.push(sql), inner.all(sql, params)),
      get: (sql, params) => (sent.push(sql), inner.get(sql, params)),
      run: (sql, params) => (sent.push(sql), inner.run(sql, params)),
      exec: (sql) => (sent.push(sql), inner.exec(sql)),
    };
    return { spy, sent };
  };

  /** An import's writes: a bill's title and text changed, the term index made again, a new generation; the bill's id. */
  const changeABill = async (word: string): Promise<string> => {
    const bill = (await db.search('court')).results.find((r) => r.kind === 'bill')!;
    const row = (await db.dialect.get<{ id: string; title: string; jurisdiction: string; session: string; measure: string; measure_type: string; measure_num: number; search_text: string }>(
      'SELECT id, title, jurisdiction, session, measure, measure_type, measure_num, search_text FROM bills WHERE id = ?',
      [bill.id],
    ))!;
    await db.dialect.transaction(async (tx) => {
      const writer = new Writer(tx);
      const { search_text: text, ...fields } = row;
      await writer.upsertBill({ ...fields, title: `A title changed: ${word}` });
      await writer.setSearchText(row.id, `${text} ${word} court`);
      await writer.optimizeIndexes();
      await writer.bumpGeneration();
    });
    return row.id;
  };

  it('should answer from the thread’s caches of the generation given, without a statement, exactly as after reading it', async () => {
    const { spy, sent } = spied();
    const generation = await db.generation();
    for (const words of WORDS) {
      const page = (words: string) => searchStore(spy, words, {}, PAGE, generation);
      const first = await page(words);
      sent.length = 0;
      expect(await page(words), words).to.deep.equal(first);
      expect(sent, words).to.deep.equal([]);
      // Without the generation: the statement that reads it (with the builds), and the same answer.
      expect(await searchStore(spy, words, {}, PAGE), words).to.deep.equal(first);
      expect(sent.length, words).to.equal(1);
      expect(first, words).to.deep.equal(await searchStore(db.dialect, words, {}, PAGE));
    }
    // Another generation than the one read: read again (the builds, and the generation with them).
    const court = db.dialect.kind === 'sqlite' ? '"court"' : 'court';
    sent.length = 0;
    expect((await termQuery(spy, court, ['bill', 'section'], 'another'))?.generation).to.equal(generation);
    expect(sent.length).to.equal(1);
    expect(await searchStore(spy, 'court', {}, PAGE, 'another')).to.deep.equal(await searchStore(db.dialect, 'court', {}, PAGE));
    // A search of words the thread has not met reads them (their postings), given the generation or not.
    sent.length = 0;
    expect(await searchStore(spy, 'hearing', {}, PAGE, generation)).to.deep.equal(await searchStore(db.dialect, 'hearing', {}, PAGE));
    expect(sent.length).to.be.above(0);
  });

  it('should read a new generation’s data, and keep no generation’s rows under another’s', async () => {
    const { spy } = spied();
    const old = await db.generation();
    const search = (generation: string) => searchStore(spy, 'court', {}, { limit: 100, offset: 0 }, generation);
    const before = await search(old);
    const id = await changeABill('zyxnewword');
    const now = await db.generation();
    expect(now).to.not.equal(old);
    // A guess of the old generation before the new one is read: the old generation's answer (the server drops it, as its read finds the new one).
    expect(await search(old)).to.deep.equal(before);
    const fresh = await searchStore(db.dialect, 'court', {}, { limit: 100, offset: 0 });
    // The new generation's builds of the term index (the bill's text changed), read.
    const court = db.dialect.kind === 'sqlite' ? '"court"' : 'court';
    const builds = (await termQuery(spy, court, ['bill', 'section'], now))!;
    expect(builds.generation).to.equal(now);
    expect(builds.builds).to.deep.equal((await termQuery(db.dialect, court))!.builds);
    const after = await search(now);
    expect(after).to.deep.equal(fresh);
    expect(after.results.find((r) => r.id === id)?.title).to.contain('A title changed: zyxnewword');
    expect((await searchStore(spy, 'zyxnewword', {}, PAGE, now)).results.map((r) => r.id)).to.deep.equal([id]);
    // The new generation's rows kept under its key alone; the old generation, once the new one is read, is read again.
    const key = Number((await db.dialect.get<{ key: number }>('SELECT key FROM bills WHERE id = ?', [id]))!.key);
    expect(keptRows(spy, now)!.owners.get(ownerNumber('bill', key))?.bill?.title).to.equal('A title changed: zyxnewword');
    expect(await search(old)).to.deep.equal(fresh);
    expect(await search(now)).to.deep.equal(fresh);
  });

  it('should pass the generation to a search thread, which answers as the calling thread for the old and the new', async () => {
    const threaded = await openDatabase({ ...backend().options, searchThreads: 1 });
    try {
      // Pages of 20 are quick (PostgreSQL's in its quick threads, SQLite's on the calling thread); of 30, the slow threads' on both.
      for (const page of [PAGE, { limit: 30, offset: 0 }]) {
        const ask = (words: string, generation: string) => threaded.search(words, {}, page, undefined, generation);
        const old = await db.generation();
        const answers = new Map<string, SearchAnswer>();
        for (const words of WORDS) {
          answers.set(words, await ask(words, old));
          expect(await ask(words, old), words).to.deep.equal(answers.get(words));
          expect(answers.get(words), words).to.deep.equal(await db.search(words, {}, page));
        }
        await changeABill(`qqxotherword${page.limit}`);
        const now = await db.generation();
        for (const words of [...WORDS, `qqxotherword${page.limit}`]) {
          const fresh = await db.search(words, {}, page);
          expect(await ask(words, now), words).to.deep.equal(fresh);
          expect(await ask(words, old), words).to.deep.equal(fresh);
        }
      }
    } finally {
      await threaded.close();
    }
  });

  // Last: it leaves the database a schema newer than this billdiff's.
  it('should write a new generation with a migration that writes rows again (its backfill), in its transaction', async () => {
    const before = await db.generation();
    const rewrite: Migration = { version: SCHEMA_VERSION + 1, name: 'rows written again', common: '', sqlite: '', postgres: '', backfill: async (tx) => void (await tx.run("UPDATE bills SET title = title || '.'")) };
    expect(await migrate(db.dialect, [...ALL_MIGRATIONS, rewrite])).to.equal(SCHEMA_VERSION + 1);
    expect(await db.generation()).to.not.equal(before);
  });
});
