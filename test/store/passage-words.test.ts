import path from 'node:path';
import { expect } from 'chai';
import { importPaths, type ImportProgress } from '../../src/import/index.js';
import { DATABASE_FILE, Writer, type Database } from '../../src/store/database.js';
import type { Dialect } from '../../src/store/dialect.js';
import { ALL_MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { passageRange, writePassages, type PassageOwner } from '../../src/store/passages.js';
import { ftsQuery } from '../../src/store/search.js';
import { passagesByIndex, passagesByWords } from '../../src/store/search-text.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { queryTerms } from '../../src/store/term-rank.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { describeBackends } from './backends.js';

const quiet: ImportProgress = { start() {}, input() {}, advance() {}, problem() {}, stop() {} };

/** Words of the bundled bills and the synthetic session: common, rare, stemmed, several at once, absent. */
const QUERIES = ['shall', 'court', 'continuance', 'good cause', 'providing provided', 'synthetic motion', 'section person county', 'electronic register', 'trial', 'notwithstanding 7284', 'motion zzyzx', 'zzyzx'];

/** A line of a synthetic text, long enough to close a passage (480 characters) on its own. */
const line = (word: string) => `Synthetic line about the ${word}, written for this test and not real law. `.repeat(8).trim();
/** Three passages: the gizmo in the second, the sprocket and the gizmo in the third. */
const THREE = [line('widget'), line('gizmo'), `${line('sprocket')} And a gizmo.`].join('\n');

const owners = async (db: Dialect) => [
  ...(await db.all<{ key: number }>('SELECT key FROM bills ORDER BY key')).map((r) => ({ owner: 'bill' as PassageOwner, key: Number(r.key) })),
  ...(await db.all<{ key: number }>('SELECT key FROM law_sections ORDER BY key')).map((r) => ({ owner: 'section' as PassageOwner, key: Number(r.key) })),
];

describeBackends('store: passage words', (backend) => {
  let db: Database;
  before(async () => {
    db = await backend().open();
    await importPaths(db, [billsPath(), fixturePath('store-pubinfo-synthetic', 'session')], quiet);
  });
  after(async () => {
    await db?.close();
  });

  it('should find for every bill and section the same passage as a full-text query of its passages does', async () => {
    const all = await owners(db.dialect);
    expect(all.length).to.equal(12);
    let found = 0;
    let later = 0;
    const firsts = new Set((await db.dialect.all<{ text: string }>('SELECT text FROM passages WHERE id % 65536 = 0')).map((r) => r.text));
    for (const query of QUERIES) {
      const match = db.dialect.kind === 'sqlite' ? ftsQuery(query) : query;
      const terms = (await queryTerms(db.dialect, match))!;
      expect(terms, query).to.be.an('array');
      const byWords = await passagesByWords(db.dialect, all, terms);
      expect(byWords, query).to.deep.equal(await passagesByIndex(db.dialect, all, match, query));
      found += byWords.filter(Boolean).length;
      later += byWords.filter((t) => t && !firsts.has(t)).length;
    }
    // Passages found; of them, past their owner's first: 28 on SQLite, 27 on PostgreSQL (its stop words).
    expect(found).to.equal(71);
    expect(later).to.be.within(27, 28);
  });

  it('should take the first passage holding every word, else the first holding any, and follow a changed text', async () => {
    const writer = new Writer(db.dialect);
    await db.dialect.run("INSERT INTO bills (id, jurisdiction, session, measure, measure_type, measure_num, title) VALUES ('ca-20252026-0-ab9990', 'ca', '20252026-0', 'AB 9990', 'AB', 9990, 'Synthetic gizmos.')");
    await writer.setSearchText('ca-20252026-0-ab9990', THREE);
    const key = Number((await db.dialect.get<{ key: number }>("SELECT key FROM bills WHERE id = 'ca-20252026-0-ab9990'"))!.key);
    const bill = [{ owner: 'bill' as PassageOwner, key }];
    const first = passageRange('bill', key)[0];
    const passage = async (words: string[]) => (await db.dialect.get<{ id: number }>('SELECT id FROM passages WHERE text = ?', [(await passagesByWords(db.dialect, bill, words))[0]!]))?.id;
    const stem = async (word: string) => (await queryTerms(db.dialect, db.dialect.kind === 'sqlite' ? ftsQuery(word) : word))![0]!;
    const [gizmo, sprocket, widget, absent] = [await stem('gizmo'), await stem('sprocket'), await stem('widget'), await stem('zzyzx')];
    expect(await passage([gizmo])).to.equal(first + 1);
    expect(await passage([sprocket, gizmo])).to.equal(first + 2);
    expect(await passage([widget, sprocket])).to.equal(first);
    expect(await passage([absent, sprocket])).to.equal(first + 2);
    expect((await passagesByWords(db.dialect, bill, [absent]))[0]).to.equal(undefined);
    // A new text: its passages' words made again.
    await writer.setSearchText('ca-20252026-0-ab9990', [line('sprocket'), line('gizmo')].join('\n'));
    expect(await passage([gizmo])).to.equal(first + 1);
    expect(await passage([sprocket, gizmo])).to.equal(first);
    expect(await passage([widget])).to.equal(undefined);
  });
});

describeBackends('store: a database of schema 3 (before passage words), with its rows', (backend) => {
  it('should be brought up to date: each bill’s and section’s passage words made from its passages', async () => {
    const options = backend().options;
    const dialect = options.url ? (await import('../../src/store/postgres.js')).openPostgres(options.url) : openSqlite(path.join(options.dataDir!, DATABASE_FILE));
    try {
      expect(await migrate(dialect, ALL_MIGRATIONS.slice(0, 3))).to.equal(3);
      // As the billdiff of schema 3 wrote them: the rows, then their passages.
      await dialect.run("INSERT INTO bills (id, jurisdiction, session, measure, measure_type, measure_num, title, search_text) VALUES ('ca-20252026-0-ab9991', 'ca', '20252026-0', 'AB 9991', 'AB', 9991, 'Synthetic gizmos.', ?)", [THREE]);
      const key = Number((await dialect.get<{ key: number }>("SELECT key FROM bills WHERE id = 'ca-20252026-0-ab9991'"))!.key);
      expect(await writePassages(dialect, 'bill', key, THREE)).to.equal(true);
    } finally {
      await dialect.close();
    }
    const db = await backend().open();
    try {
      expect(db.schema).to.equal(ALL_MIGRATIONS.length);
      const words = (await db.dialect.get<{ words: string }>('SELECT words FROM passage_words'))!.words;
      const listed = Object.fromEntries(words.slice(1).split('\n').map((w) => w.split('\t')));
      expect(Object.keys(listed)).to.include.members(['line', 'test', 'real', 'law', 'widget']);
      expect(listed['gizmo']).to.equal('1,2');
      expect(listed['sprocket']).to.equal('2');
      expect(listed['synthet']).to.equal('0,1,2');
      const found = (await db.search('sprocket gizmo')).results;
      expect(found.map((r) => `${r.kind} ${r.id}`)).to.deep.equal(['bill ca-20252026-0-ab9991']);
      expect(found[0]!.snippet).to.equal('…written for this test and not real law. Synthetic line about the \u0001sprocket\u0002, written for this test and not real law. And a \u0001gizmo\u0002.');
    } finally {
      await db.close();
    }
  });
});
