import { expect } from 'chai';
import { importPaths, type ImportProgress } from '../../src/import/index.js';
import { Writer, type Database } from '../../src/store/database.js';
import type { Dialect } from '../../src/store/dialect.js';
import { ftsQuery } from '../../src/store/search.js';
import { decodePairs, encodePairs } from '../../src/store/term-index.js';
import { rankByTerms, termQuery } from '../../src/store/term-rank.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { describeBackends } from './backends.js';

const quiet: ImportProgress = { start() {}, input() {}, advance() {}, problem() {}, stop() {} };
/** Words of the bundled bills and the synthetic session: common, rare, stemmed, several at once. */
const QUERIES = ['shall', 'court', 'continuance', 'good cause', 'providing provided', 'synthetic motion', 'section person county', 'electronic register', 'trial'];

describe('store/term-index', () => {
  it('should write pairs of whole numbers as varints, each key as its step from the one before, and read them back', () => {
    const keys = [0, 1, 127, 128, 16_383, 16_384, 2 ** 31, 2 ** 40];
    const values = [1, 300, 0, 2 ** 21, 5, 127, 128, 1];
    const data = encodePairs(keys, values);
    expect([...data.subarray(0, 6)]).to.deep.equal([0, 1, 1, 172, 2, 126]);
    const back = decodePairs(data);
    expect([...back.keys]).to.deep.equal(keys);
    expect([...back.values]).to.deep.equal(values);
  });
});

describeBackends('store: the term index', (backend, kind) => {
  let db: Database;
  before(async () => {
    db = await backend().open();
    await importPaths(db, [billsPath(), fixturePath('store-pubinfo-synthetic', 'session')], quiet);
  });
  after(async () => {
    await db?.close();
  });

  const own = {
    sqlite: {
      bill: "SELECT rowid AS key, rank FROM bills_fts WHERE bills_fts MATCH ? ORDER BY rank, rowid DESC",
      section: "SELECT rowid AS key, rank FROM sections_fts WHERE sections_fts MATCH ? ORDER BY rank, rowid DESC",
    },
    postgres: {
      bill: "SELECT m.key FROM billdiff_bills_matching(websearch_to_tsquery('english', ?)) m ORDER BY m.key DESC",
      section: "SELECT m.key FROM billdiff_sections_matching(websearch_to_tsquery('english', ?)) m ORDER BY m.key DESC",
    },
  };

  it('should find the rows the database’s own index finds, and on SQLite rank them as FTS5’s bm25 does, to the last bit', async () => {
    const kind = db.dialect.kind;
    let ranked = 0;
    for (const words of QUERIES) {
      const match = kind === 'sqlite' ? ftsQuery(words) : words;
      const query = (await termQuery(db.dialect, match))!;
      expect(query, words).to.not.equal(undefined);
      for (const owner of ['bill', 'section'] as const) {
        const found = (await rankByTerms(db.dialect, owner, query, 1000))!;
        const expected = await db.dialect.all<{ key: number; rank?: number }>(own[kind][owner], [match]);
        expect(found.count, `${words}: ${owner}s`).to.equal(expected.length);
        if (kind === 'sqlite') expect(found.hits, `${words}: ${owner}s`).to.deep.equal(expected);
        else expect(found.hits.map((h) => h.key).sort((a, b) => b - a), `${words}: ${owner}s`).to.deep.equal(expected.map((e) => e.key));
        ranked += found.count;
      }
    }
    expect(ranked).to.be.above(20);
  });

  if (kind === 'sqlite') it('should read a plain word as FTS5’s porter tokenizer does, without asking it, and leave it the words the stemmer reads otherwise', async () => {
    // FTS5's own words for each: a table of this test's, with the indexes' tokenizer.
    const words = ['providing', 'Providing', 'shall', 'as', 'a', 'eyed', 'yyed', 'yying', 'yyyed', 'relational', 'hopefulness', 'sensibilities', 'x'.repeat(40), 'x'.repeat(41) + 'ing', 'café', 'h2o', 'co-op'];
    await db.dialect.exec("CREATE VIRTUAL TABLE temp.test_tokens USING fts5 (text, tokenize='porter unicode61'); CREATE VIRTUAL TABLE temp.test_token_list USING fts5vocab(temp, test_tokens, instance);");
    for (const [i, word] of words.entries()) await db.dialect.run('INSERT INTO temp.test_tokens (rowid, text) VALUES (?, ?)', [i + 1, word]);
    const rows = await db.dialect.all<{ doc: number; term: string }>('SELECT doc, term FROM temp.test_token_list ORDER BY doc, "offset"');
    await db.dialect.exec('DROP TABLE temp.test_token_list; DROP TABLE temp.test_tokens;');
    for (const [i, word] of words.entries()) {
      const own = rows.filter((r) => r.doc === i + 1).map((r) => r.term);
      const query = await termQuery(db.dialect, ftsQuery(word));
      if (own.length === 1) expect(query?.terms, word).to.deep.equal(own);
      else expect(query, word).to.equal(undefined);
    }
  });

  it('should leave to the database’s own index what it cannot answer exactly: a phrase of several words, OR', async () => {
    const kind = db.dialect.kind;
    expect(await termQuery(db.dialect, kind === 'sqlite' ? '"good cause"' : '"good cause"')).to.equal(undefined);
    expect(await termQuery(db.dialect, kind === 'sqlite' ? '"7284.6"' : 'court or trial')).to.equal(undefined);
    // The same search either way: found by the term index, and by the database's own.
    const answer = await db.search('good cause');
    const phrase = await db.search('"good cause"');
    expect(answer.total).to.be.at.least(phrase.total).and.above(0);
  });

  // PostgreSQL's alone: SQLite asks FTS5 for no tsquery.
  if (kind === 'postgres') it('should make the tsquery of plain words it has met from their own, and read the postings with the builds: the same words and ranks, in one statement', async () => {
    // A connection of its own (the caches are a connection's), each statement seen.
    const sent: string[] = [];
    const inner = db.dialect;
    const spy: Dialect = { ...inner, all: (sql, params) => (sent.push(sql), inner.all(sql, params)), get: (sql, params) => (sent.push(sql), inner.get(sql, params)) };
    const server = async (q: string) => (await inner.get<{ q: string }>("SELECT websearch_to_tsquery('english', ?)::text AS q", [q]))!.q;
    for (const words of ['court', 'trial', 'the', 'Hearing', 'of', 'AGENCY', 'local', '2024']) await termQuery(spy, words, ['bill', 'section']);
    for (const words of ['trial court', 'court of the Hearing trial', 'the of', 'local AGENCY Hearing court', 'court court 2024']) {
      sent.length = 0;
      const query = await termQuery(spy, words, ['bill', 'section']);
      const q = await server(words);
      // Stop words alone: no word, and nothing read (search-text.ts answers none).
      if (!q) {
        expect(sent.length, words).to.equal(0);
        expect(query?.terms, words).to.deep.equal([]);
        continue;
      }
      expect(sent.length, words).to.equal(1);
      expect(sent[0], words).to.not.include('websearch_to_tsquery');
      expect(query!.terms.join(' & '), words).to.equal(q.replace(/'/g, ''));
      const apart = (await termQuery(inner, words))!;
      for (const owner of ['bill', 'section'] as const) expect(await rankByTerms(spy, owner, query!, 100), `${words}: ${owner}s`).to.deep.equal(await rankByTerms(inner, owner, apart, 100));
    }
    // Words not met: their tsqueries and postings read with the query's, in one statement.
    sent.length = 0;
    const query = (await termQuery(spy, 'appropriation witness', ['bill', 'section']))!;
    expect(sent.length).to.equal(1);
    expect(query.terms.join(' & ')).to.equal((await server('appropriation witness')).replace(/'/g, ''));
    sent.length = 0;
    for (const owner of ['bill', 'section'] as const) await rankByTerms(spy, owner, query, 100);
    expect(sent).to.deep.equal([]);
    // OR, a phrase, a word in quotes: never made from their words.
    for (const words of ['court or trial', '"trial court"', 'court -trial']) {
      sent.length = 0;
      await termQuery(spy, words, ['bill', 'section']);
      expect(sent.join(' '), words).to.include('websearch_to_tsquery');
    }
  });

  it('should be marked stale by any write to the texts, never read stale, and be made again by the next import', async () => {
    const state = async () => (await db.dialect.all<{ value: string }>("SELECT value FROM meta WHERE key IN ('terms:bill', 'terms:section') ORDER BY key")).map((r) => r.value === 'stale');
    expect(await state()).to.deep.equal([false, false]);
    const before = await db.search('court');
    await db.dialect.run("UPDATE law_sections SET heading = heading || ' (synthetic court)' WHERE code = 'PEN' AND number = '99001'");
    expect(await state()).to.deep.equal([false, true]);
    const query = (await termQuery(db.dialect, db.dialect.kind === 'sqlite' ? '"court"' : 'court'))!;
    expect(await rankByTerms(db.dialect, 'section', query, 10)).to.equal(undefined);
    await db.dialect.transaction((tx) => new Writer(tx).optimizeIndexes());
    expect(await state()).to.deep.equal([false, false]);
    const after = await db.search('court');
    expect(after.sections).to.equal(before.sections + (before.results.some((r) => r.id === 'PEN/99001') ? 0 : 1));
  });
});
