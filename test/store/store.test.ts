import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'chai';
import { formatProblem, formatSummary, importPaths, ROW_OUTCOMES, type ImportProgress, type Problem } from '../../src/import/index.js';
import { ALL_MIGRATIONS, migrate, type Migration } from '../../src/store/migrations.js';
import { billReport, sectionReport } from '../../src/store/reports.js';
import { rankNote } from '../../src/server/database-pages.js';
import { DATABASE_FILE, type Database } from '../../src/store/index.js';
import { IMPORTED_TABLES, Writer } from '../../src/store/database.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { lawsWithTheirBills } from '../../src/store/enacted.js';
import { matchesListed, whyNothingFound } from '../../src/store/search.js';
import type { ActiveBill } from '../../src/store/queries.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { describeBackends } from './backends.js';

const SYNTHETIC = fixturePath('store-pubinfo-synthetic');

/** Runs an import and collects its problems as `file:line: reason`, paths relative to the fixture. */
async function importing(db: Database, paths: string[]) {
  const problems: string[] = [];
  const progress: ImportProgress = { start() {}, input() {}, advance() {}, problem: (p: Problem) => problems.push(formatProblem(p).replace(`${SYNTHETIC}/`, '')), stop() {} };
  const summary = await importPaths(db, paths, progress);
  return { summary, problems };
}

/** The words a snippet marks as found. */
function marked(snippet: string): string[] {
  return [...snippet.matchAll(/\u0001([^\u0002]*)\u0002/g)].map((m) => m[1]!);
}

async function table(db: Database, sql: string): Promise<unknown[]> {
  return db.dialect.all(sql);
}

describeBackends('store: importing and reading', (backend, kind) => {
  let db: Database;
  before(async () => {
    db = await backend().open();
  });
  after(async () => {
    await db?.close();
  });

  it('should import the bundled bills/ with their corpus ids, and say so once', async () => {
    const first = await importing(db, [billsPath()]);
    expect(first.problems).to.deep.equal([]);
    expect(first.summary).to.include({ imported: 1, alreadyImported: 0, failed: 0, rows: 9, inserted: 9, updated: 0, unchanged: 0, contents: 0, inactive: 0, skipped: 0, problems: 0 });
    const again = await importing(db, [billsPath()]);
    expect(again.summary).to.include({ imported: 0, alreadyImported: 1, rows: 0, inserted: 0, skipped: 0 });
    expect(await table(db, 'SELECT id, corpus_id, name, stage, date FROM versions WHERE bill_id = \'ca-20252026-0-ab1656\' ORDER BY seq')).to.deep.equal([
      { id: '20250AB165699INT', corpus_id: 'ca-ab1656-2025-introduced', name: 'introduced', stage: 'Introduced', date: '2026-01-29' },
      { id: '20250AB165698AMD', corpus_id: 'ca-ab1656-2025-amended-assembly', name: 'amended-assembly', stage: 'Amended in Assembly', date: '2026-03-05' },
      { id: '20250AB165697AMD', corpus_id: 'ca-ab1656-2025-amended-senate', name: 'amended-senate', stage: 'Amended in Senate', date: '2026-06-11' },
    ]);
  });

  it('should leave the term index made and, on PostgreSQL, the planner’s statistics of every table the import filled', async () => {
    const builds = await table(db, "SELECT key, value FROM meta WHERE key LIKE 'terms:%' ORDER BY key");
    expect(builds.map((r) => (r as { key: string }).key)).to.deep.equal(['terms:bill', 'terms:section']);
    for (const r of builds) expect((r as { value: string }).value).to.match(/^\d+-[a-z0-9]+$/);
    if (db.dialect.kind !== 'postgres') return;
    const filled: string[] = [];
    const analyzed: string[] = [];
    for (const name of IMPORTED_TABLES) {
      if (!(await db.dialect.get(`SELECT 1 AS found FROM ${name} LIMIT 1`))) continue;
      filled.push(name);
      if (await db.dialect.get('SELECT 1 AS found FROM pg_stats WHERE schemaname = current_schema() AND tablename = ? LIMIT 1', [name])) analyzed.push(name);
    }
    expect(filled).to.include.members(['bills', 'versions', 'passages', 'term_postings']);
    expect(analyzed).to.deep.equal(filled);
  });

  it('should count changes from the Legislative Counsel’s marks, and know what each version amends and cites', async () => {
    const report = (await billReport(db, 'ca-20252026-0-ab1656'))!;
    expect(report.versions.map((v) => [v.name, v.changes?.wordsInserted, v.changes?.wordsDeleted, v.changes?.countedBy, v.changes?.against])).to.deep.equal([
      ['introduced', 36, 5, 'marks', 'law'],
      ['amended-assembly', 31, 40, 'marks', '20250AB165699INT'],
      ['amended-senate', 198, 94, 'marks', '20250AB165698AMD'],
    ]);
    expect(report.sections.filter((s) => s.relation !== 'cites')).to.deep.equal([
      { code: 'PEN', section: '1050', relation: 'amends', name: 'Penal Code § 1050', url: '/sections/PEN/1050', inDatabase: true, lawUrl: '/compare?bill=ca-ab1656-2025-amended-senate&law=ca-penal-code-1050' },
    ]);
    expect(report.sections.filter((s) => s.relation === 'cites').map((s) => s.section)).to.include.members(['1050.5', '13700', '646.9']);
  });

  it('should answer which bills would change, add, or cite Government Code § 7284.6, though its text is not in the database', async () => {
    const report = (await sectionReport(db, 'GOV', '7284.6'))!;
    expect(report).to.include({ code: 'GOV', number: '7284.6', name: 'Government Code § 7284.6', inDatabase: false, text: '' });
    expect(report.bills.map((b) => [b.measure, b.relation, b.version, b.url])).to.deep.equal([
      ['AB 2641', 'cites', 'amended-assembly', '/bills/ca-20232024-0-ab2641'],
      ['SB 54', 'adds', 'chaptered', '/bills/ca-20172018-0-sb54'],
    ]);
  });

  it('should call a bundled bill whose version is chaptered Chaptered, and no other bundled bill anything', async () => {
    expect(await table(db, "SELECT measure, status, pending FROM bills WHERE id IN ('ca-20172018-0-sb54', 'ca-20232024-0-ab2641', 'us-114-hr766') ORDER BY id")).to.deep.equal([
      { measure: 'SB 54', status: 'Chaptered', pending: 0 },
      { measure: 'AB 2641', status: null, pending: 0 },
      { measure: 'H.R. 766', status: null, pending: 0 },
    ]);
  });

  it('should import a pubinfo zip, reporting each bad row as file:line: reason and going on', async () => {
    const { summary, problems } = await importing(db, [path.join(SYNTHETIC, 'session.zip'), path.join(SYNTHETIC, 'truncated.zip')]);
    expect(problems.sort()).to.deep.equal([
      'session.zip/BILL_HISTORY_TBL.dat:3: no bill AB 9999 (202520260AB9999) in the database or in this set\'s BILL_TBL',
      'session.zip/BILL_VERSION_TBL.dat:3: unterminated quoted text in field 2',
      'session.zip/BILL_VERSION_TBL.dat:7: missing lob BILL_VERSION_TBL_404.lob',
      'session.zip/BILL_VERSION_TBL.dat:9: BILL_VERSION_TBL has 18 fields a line; this line has 3',
      'session.zip/LAW_SECTION_TBL.dat:3: LAW_SECTION_TBL_13.lob:1:131: XML is not well-formed: unexpected close tag.',
      'truncated.zip: not a complete zip file (truncated, or not a zip): its table of contents is missing',
    ]);
    // 22 lines read, each under one outcome (the two codes are rows too); the truncated zip is an input not imported.
    expect(summary).to.include({ imported: 1, failed: 1, rows: 22, inserted: 17, updated: 0, unchanged: 0, contents: 0, inactive: 0, skipped: 5, problems: 6 });
    expect(await table(db, "SELECT id, measure, status, pending, latest_version, title FROM bills WHERE measure_num > 9000 ORDER BY id")).to.deep.equal([
      { id: 'ca-20252026-0-ab9001', measure: 'AB 9001', status: 'In Committee Process', pending: 1, latest_version: '20250AB900198AMD', title: 'Synthetic motions.' },
      { id: 'ca-20252026-0-ab9002', measure: 'AB 9002', status: 'In Floor Process', pending: 1, latest_version: '20250AB900298AMD', title: 'Synthetic widgets.' },
      { id: 'ca-20252026-0-ab9005', measure: 'AB 9005', status: 'In Committee Process', pending: 1, latest_version: '20250AB900599INT', title: 'Synthetic filings.' },
      { id: 'ca-20252026-0-sb9003', measure: 'SB 9003', status: 'Chaptered', pending: 0, latest_version: '20250SB900396CHP', title: 'Synthetic registers.' },
    ]);
    expect(await table(db, "SELECT code, number, history FROM law_sections WHERE number LIKE '990%' ORDER BY code, number")).to.deep.equal([
      { code: 'GOV', number: '99010', history: 'Added by Stats. 2020, Ch. 1, Sec. 2. (synthetic) Second line of a history note.' },
      { code: 'PEN', number: '99001', history: 'Added by Stats. 2020, Ch. 1, Sec. 1. (synthetic)' },
    ]);
  });

  it('should count changes by marks, by the aligner where there are none, and flag the gut and amend', async () => {
    const rows = await table(
      db,
      "SELECT id, name, words_inserted, words_deleted, counted_by, against, gut_and_amend FROM versions WHERE bill_id IN ('ca-20252026-0-ab9001', 'ca-20252026-0-ab9002', 'ca-20252026-0-sb9003') ORDER BY bill_id, seq",
    );
    expect(rows).to.deep.equal([
      { id: '20250AB900199INT', name: 'introduced', words_inserted: 2, words_deleted: 1, counted_by: 'marks', against: 'law', gut_and_amend: 0 },
      { id: '20250AB900198AMD', name: 'amended-assembly', words_inserted: 6, words_deleted: 1, counted_by: 'marks', against: '20250AB900199INT', gut_and_amend: 0 },
      { id: '20250AB900299INT', name: 'introduced', words_inserted: 6, words_deleted: 0, counted_by: 'marks', against: 'law', gut_and_amend: 0 },
      { id: '20250AB900298AMD', name: 'amended-senate', words_inserted: 72, words_deleted: 40, counted_by: 'aligner', against: '20250AB900299INT', gut_and_amend: 1 },
      { id: '20250SB900399INT', name: 'introduced', words_inserted: null, words_deleted: null, counted_by: null, against: null, gut_and_amend: 0 },
      { id: '20250SB900396CHP', name: 'chaptered', words_inserted: 0, words_deleted: 0, counted_by: 'same', against: '20250SB900399INT', gut_and_amend: 0 },
    ]);
  });

  it('should find sections two pending bills amend, the gut and amends, and the most-amended sections of a session', async () => {
    const report = await db.sessionReport('ca', '20252026-0');
    expect(report.contested.map((s) => [s.code, s.section, s.bills.map((b) => `${b.measure} ${b.relation} ${b.version_name}`)])).to.deep.equal([
      ['PEN', '99001', ['AB 9001 amends amended-assembly', 'AB 9005 amends introduced']],
    ]);
    expect(report.gutAndAmends.map((v) => [v.measure, v.name, v.title, v.previous_title])).to.deep.equal([['AB 9002', 'amended-senate', 'Synthetic widgets.', 'Synthetic hearings.']]);
    expect(report.mostAmended.slice(0, 4).map((s) => [s.code, s.section, s.bills.length])).to.deep.equal([
      ['PEN', '99001', 2],
      ['GOV', '99010', 1],
      ['GOV', '99011', 1],
      ['PEN', '1050', 1],
    ]);
    // AB 9001, AB 9002 and AB 9005 (SB 9003 is chaptered), with the session's bills of the bundle still pending.
    // AB 1656 (the bundle's), AB 9001, AB 9002 and AB 9005; SB 9003 is chaptered. 2023–24's AB 2641 is no longer pending, a later session being in the database.
    expect(report.pending).to.equal(4);
    expect((await db.sessionReport('ca', '20232024-0')).pending).to.equal(0);
  });

  it('should change nothing when the same file comes again, and only the rows a daily file carries', async () => {
    const before = await table(db, 'SELECT id, content_hash, words_inserted FROM versions ORDER BY id');
    const generation = await db.generation();
    const again = await importing(db, [path.join(SYNTHETIC, 'session.zip')]);
    expect(again.summary).to.include({ imported: 0, alreadyImported: 1, rows: 0 });
    expect(await db.generation()).to.equal(generation);
    // The same rows in a folder (another file, the same bytes per row) write nothing.
    const folder = await importing(db, [path.join(SYNTHETIC, 'session')]);
    expect(folder.summary).to.include({ imported: 1, rows: 22, inserted: 0, updated: 0, unchanged: 17, skipped: 5, problems: 5 });
    expect(await table(db, 'SELECT id, content_hash, words_inserted FROM versions ORDER BY id')).to.deep.equal(before);

    const daily = await importing(db, [path.join(SYNTHETIC, 'daily')]);
    expect(daily.problems).to.deep.equal([]);
    expect(daily.summary).to.include({ imported: 1, rows: 3, inserted: 1, updated: 2, unchanged: 0, skipped: 0 });
    const ab9001 = (await billReport(db, 'ca-20252026-0-ab9001'))!;
    expect(ab9001).to.include({ status: 'In Floor Process' });
    expect(ab9001.versions.map((v) => v.name)).to.deep.equal(['introduced', 'amended-assembly', 'amended-senate']);
    expect(ab9001.sections.filter((s) => s.relation !== 'cites').map((s) => `${s.relation} ${s.code} ${s.section}`)).to.deep.equal(['amends PEN 99001', 'repeals PEN 99003']);
    const law = (await sectionReport(db, 'PEN', '99001'))!;
    expect(law.text).to.equal('(a) A synthetic court shall hear a synthetic motion within seven days after it is filed.\n(b) This subdivision applies notwithstanding Section 99002.');
    expect(law.history).to.equal('Amended by Stats. 2026, Ch. 2, Sec. 2. (synthetic)');
    expect(law.bills.map((b) => `${b.measure} ${b.relation} ${b.version}`)).to.deep.equal(['AB 9001 amends amended-senate', 'AB 9005 amends introduced', 'AB 9002 amends introduced']);
    // Nothing else moved.
    const after = (await table(db, 'SELECT id, content_hash, words_inserted FROM versions ORDER BY id')) as Array<{ id: string }>;
    expect(after.filter((v) => v.id !== '20250AB900197AMD')).to.deep.equal(before);
  });

  it('should account for every row read: new, updated, unchanged, table of contents, inactive and skipped add up to the rows', async () => {
    const { summary, problems } = await importing(db, [path.join(SYNTHETIC, 'accounting')]);
    expect(problems).to.deep.equal(['accounting/LAW_TOC_TBL.dat:3: a table-of-contents row needs its code and heading']);
    expect(summary).to.include({ imported: 1, failed: 0, rows: 7, inserted: 1, updated: 0, unchanged: 2, contents: 2, inactive: 1, skipped: 1, problems: 1 });
    expect(ROW_OUTCOMES.reduce((n, o) => n + summary[o], 0)).to.equal(summary.rows);
    expect(formatSummary({ ...summary, seconds: 0.04 })).to.equal(
      'Imported 1 input: 7 rows = 1 new + 0 updated + 2 unchanged + 2 table-of-contents rows (section headings) + 1 inactive (not imported) + 1 skipped (bad rows); 0.0 s',
    );
    expect(await table(db, "SELECT code, title FROM codes WHERE code = 'BPC'")).to.deep.equal([{ code: 'BPC', title: 'Business and Professions Code' }]);
    expect(await db.lawSection('PEN', '99020')).to.equal(undefined);
    // The table of contents' units, by their places as their sections' rows give them: Penal Code § 99001 is in both.
    expect(((await table(db, "SELECT place, heading FROM law_units WHERE code = 'PEN'")) as Array<{ place: string }>).sort((a, b) => (a.place < b.place ? -1 : 1))).to.deep.equal([
      { place: '{"division":"1","chapter":"2"}', heading: 'Synthetic Motions' },
      { place: '{"division":"1"}', heading: 'SYNTHETIC DIVISION' },
    ]);
    expect((await sectionReport(db, 'PEN', '99001'))!.units).to.deep.equal([
      { heading: 'SYNTHETIC DIVISION', url: '/codes/PEN?division=1' },
      { heading: 'Synthetic Motions', url: '/codes/PEN?division=1&chapter=2' },
    ]);
    // A unit no longer active is removed; the same row twice changes nothing.
    const writer = new Writer(db.dialect);
    expect(await writer.upsertUnit('PEN', '{"division":"1","chapter":"2"}', 'Synthetic Motions')).to.equal('unchanged');
    expect(await writer.upsertUnit('PEN', '{"division":"1","chapter":"2"}', undefined)).to.equal('updated');
    expect(await writer.upsertUnit('PEN', '{"division":"1","chapter":"2"}', undefined)).to.equal('unchanged');
    expect((await sectionReport(db, 'PEN', '99001'))!.units.map((u) => u.heading)).to.deep.equal(['SYNTHETIC DIVISION']);
    expect(await writer.upsertUnit('PEN', '{"division":"1","chapter":"2"}', 'Synthetic Motions')).to.equal('inserted');
  });

  it('should search bills by citation in any spelling, sections by number, and full text ranked with snippets', async () => {
    const ids = async (q: string, filters = {}) => (await db.search(q, filters)).results.map((r) => `${r.kind} ${r.id}`);
    expect(await ids('AB 1656')).to.deep.equal(['bill ca-20252026-0-ab1656']);
    expect(await ids('ab1656')).to.deep.equal(['bill ca-20252026-0-ab1656']);
    expect(await ids('A.B. 2641 2023-24')).to.deep.equal(['bill ca-20232024-0-ab2641']);
    expect(await ids('hr766-114')).to.deep.equal(['bill us-114-hr766']);
    // As the Legislature prints it.
    for (const typed of ['Assembly Bill No. 1656', 'A.B. No. 1656', 'assembly bill 1656']) expect(await ids(typed), typed).to.deep.equal(['bill ca-20252026-0-ab1656']);
    expect(await ids('Senate Bill No. 54 (2017)')).to.deep.equal(['bill ca-20172018-0-sb54']);
    // The section first; then the two bills, in the order each database ranks them.
    const cited = await ids('7284.6');
    expect(cited[0]).to.equal('section GOV/7284.6');
    expect(cited.slice(1, 3)).to.have.members(['bill ca-20232024-0-ab2641', 'bill ca-20172018-0-sb54']);
    expect((await ids('Penal Code 1050'))[0]).to.equal('section PEN/1050');
    // As courts, the Bluebook and practitioners cite it: the same results as the code's name.
    const byName = await ids('Penal Code 1050');
    for (const typed of ['Pen. Code, § 1050', 'Cal. Penal Code § 1050', 'PC 1050', '1050 PC', 'Cal. Penal Code § 1050(a)(1)']) expect(await ids(typed), typed).to.deep.equal(byName);
    expect(await ids('Cal. Gov. Code § 7284.6')).to.deep.equal(await ids('Government Code 7284.6'));
    expect(await ids('synthetic', { code: 'Gov. Code' })).to.deep.equal(await ids('synthetic', { code: 'GOV' }));
    // A section the database lacks, which bills touch: its result says so, and how many.
    const first = async (q: string) => (await db.search(q)).results.map((r) => `${r.kind} ${r.id}: ${r.snippet}`)[0];
    expect(await first('99002')).to.equal('section PEN/99002: Not in the database; 3 bills touch it, all would override it.');
    expect(await first('Penal Code 1050.5')).to.equal('section PEN/1050.5: Not in the database; 1 bill touches it.');
    const widgets = (await db.search('electronic register')).results;
    expect(widgets[0]).to.include({ kind: 'bill', id: 'ca-20252026-0-sb9003', url: '/bills/ca-20252026-0-sb9003' });
    expect(widgets[0]!.snippet).to.match(/\u0001register\u0002 may be kept in \u0001electronic\u0002 form/);
    expect(await ids('synthetic motion', { status: 'chaptered' })).to.deep.equal([]);
    expect(await ids('synthetic', { house: 'senate' })).to.deep.equal(['bill ca-20252026-0-sb9003']);
    expect(await ids('synthetic', { code: 'GOV' })).to.include.members(['bill ca-20252026-0-ab9002', 'bill ca-20252026-0-sb9003']);
    // An author: the bills any version of which names them, as the database files the name (no law section has one).
    expect(await ids('continuance')).to.include.members(['section PEN/1050', 'bill ca-20252026-0-ab1656']);
    expect(await ids('continuance', { author: 'Davies' })).to.deep.equal(['bill ca-20252026-0-ab1656']);
    expect(await ids('continuance', { author: 'Assembly Member Davies', authorNames: ['Davies'] })).to.deep.equal(['bill ca-20252026-0-ab1656']);
    expect(await ids('continuance', { author: 'Assembly Member Davies' })).to.deep.equal([]);
    expect(await ids('AB 1656', { author: 'Davies' })).to.deep.equal(['bill ca-20252026-0-ab1656']);
    expect(await ids('AB 1656', { author: 'Limón' })).to.deep.equal([]);
    // No words but an author: their bills the filters keep.
    expect(await ids('', { author: 'Davies' })).to.deep.equal(['bill ca-20252026-0-ab1656']);
    expect(await ids('', { author: 'Davies', house: 'senate' })).to.deep.equal([]);
    expect(await ids('', {})).to.deep.equal([]);
    expect(await ids('"; DROP TABLE bills; --')).to.deep.equal([]);
    expect(await ids('NEAR( OR * "unbalanced')).to.be.an('array');
  });

  it('should answer a section number by index lookups: the section, then the bills touching it, newest first, each with its passage', async () => {
    const found = (await db.search('99001')).results;
    expect(found.map((r) => `${r.kind} ${r.id}`)).to.deep.equal(['section PEN/99001', 'bill ca-20252026-0-ab9001', 'bill ca-20252026-0-ab9005', 'bill ca-20252026-0-ab9002']);
    for (const bill of found.slice(1)) {
      expect(marked(bill.snippet)).to.include('99001');
      expect(bill.snippet.length).to.be.below(300);
    }
    // A filter narrows the bills; a session filter leaves out the sections.
    expect((await db.search('99001', { session: '2025-26', status: 'chaptered' })).results.map((r) => r.id)).to.deep.equal([]);
    // Each bill counted once however many of its versions touch the section, unfiltered (each version's
    // bill) as filtered (the bills joined).
    expect(await db.search('99001')).to.deep.include({ total: 4, bills: 3, sections: 1, by: 'citation' });
    expect(await db.search('99001', { code: 'PEN' })).to.deep.include({ total: 4, bills: 3, sections: 1, by: 'citation' });
  });

  // PostgreSQL's alone: SQLite's index has no stop words.
  if (kind === 'postgres') it('should find nothing for stop words alone on PostgreSQL (its tsquery is empty), as its full-text index says', async () => {
    const none = { results: [], total: 0, bills: 0, sections: 0, rankedBills: 0, rankedSections: 0, by: 'full-text' };
    // Ranked from the term index (no filter), met for the first time and again; and by the full-text index (a filter).
    expect(await db.search('which have')).to.deep.equal(none);
    expect(await db.search('which have')).to.deep.equal(none);
    expect(await db.search('which have', { house: 'assembly' })).to.deep.equal(none);
  });

  it('should draw each snippet from a short passage, with the words found marked', async () => {
    const found = (await db.search('synthetic court motion', { session: '2025-26' })).results;
    expect(found.map((r) => r.id)).to.have.members(['ca-20252026-0-ab9001', 'ca-20252026-0-ab9002', 'ca-20252026-0-ab9005']);
    for (const r of found) {
      expect(r.snippet.length).to.be.below(300);
      expect([...new Set(marked(r.snippet).map((w) => w.toLowerCase()))].sort()).to.deep.equal(['court', 'motion', 'synthetic']);
      expect(r.snippet.replace(/[\u0001\u0002]/g, '')).to.contain('A synthetic court shall hear a synthetic motion within ten court');
    }
  });

  it('should list sections in their natural order (12 < 100 < 100.5; 99001.5 < 99001.9 < 99001.10) on the bill and session reports', async () => {
    // Synthetic sections touched by AB 9005's version, written straight into the table (none of them exists).
    for (const [code, section, relation] of [['PEN', '99001.10', 'amends'], ['GOV', '100.5', 'adds'], ['PEN', '99001.9', 'amends'], ['GOV', '12', 'cites'], ['PEN', '99001a', 'amends'], ['GOV', '100', 'cites'], ['PEN', '99001.5', 'repeals']]) {
      await db.dialect.run('INSERT INTO version_sections (version_id, code, section, relation) VALUES (?, ?, ?, ?)', ['20250AB900599INT', code!, section!, relation!]);
    }
    const report = (await billReport(db, 'ca-20252026-0-ab9005'))!;
    expect(report.sections.map((s) => `${s.code} ${s.section} ${s.relation}`)).to.deep.equal([
      'GOV 12 cites', 'GOV 100 cites', 'GOV 100.5 adds', 'PEN 99001 amends', 'PEN 99001a amends', 'PEN 99001.5 repeals', 'PEN 99001.9 amends', 'PEN 99001.10 amends', 'PEN 99002 cites',
    ]);
    expect(report.versions[0]!.sections.map((s) => s.section)).to.deep.equal(['12', '100', '100.5', '99001', '99001a', '99001.5', '99001.9', '99001.10', '99002']);
    const session = await db.sessionReport('ca', '20252026-0');
    expect(session.mostAmended.filter((s) => s.bills.length === 1 && s.code === 'PEN').map((s) => s.section)).to.deep.equal(['1050', '99001a', '99001.5', '99001.9', '99001.10', '99003']);
    await db.dialect.run("DELETE FROM version_sections WHERE version_id = '20250AB900599INT' AND section NOT IN ('99001', '99002')");
  });

  it('should rank every full-text match from the term index on both; while it is stale, every match on SQLite and the newest 400 of more on PostgreSQL, saying how many it ranked', async () => {
    // 401 synthetic sections that all hold the word "gadgetry", written straight into the table.
    const text = 'A synthetic gadgetry provision, written for this test.';
    for (let i = 0; i < 401; i++) {
      await db.dialect.run('INSERT INTO law_sections (code, number, heading, format, content, content_hash, text) VALUES (?, ?, ?, ?, ?, ?, ?)', ['WAT', `${80000 + i}`, '', 'text', zlib.deflateSync(Buffer.from(text)), `h${i}`, i === 7 ? `${text} Gadgetry, gadgetry and more gadgetry.` : text]);
    }
    const answer = await db.search('gadgetry', {}, { limit: 3 });
    const ranked = db.dialect.kind === 'sqlite' ? 401 : 400;
    expect(answer).to.deep.include({ total: 401, bills: 0, sections: 401, rankedBills: 0, rankedSections: ranked, by: 'full-text' });
    // SQLite ranks them all: the section saying it four times first, wherever it stands.
    if (db.dialect.kind === 'sqlite') expect(answer.results[0]!.id).to.equal('WAT/80007');
    else expect(answer.results.map((r) => r.id)).not.to.include('WAT/80000');
    expect(rankNote(answer)).to.equal(
      db.dialect.kind === 'sqlite'
        ? 'the best first: every match ranked by relevance (0 bills and 401 law sections, listed in turn)'
        : 'the best first, ranked by relevance among the newest 400 of 401 matching law sections',
    );
    // The term index made again (as an import does): every match ranked on both, by bm25.
    await db.dialect.transaction((tx) => new Writer(tx).optimizeIndexes());
    const all = await db.search('gadgetry', {}, { limit: 3 });
    expect(all).to.deep.include({ total: 401, bills: 0, sections: 401, rankedBills: 0, rankedSections: 401, by: 'full-text' });
    expect(all.results[0]!.id).to.equal('WAT/80007');
    expect(rankNote(all)).to.equal('the best first: every match ranked by relevance (0 bills and 401 law sections, listed in turn)');
    await db.dialect.run("DELETE FROM law_sections WHERE code = 'WAT'");
    await db.dialect.transaction((tx) => new Writer(tx).optimizeIndexes());
  });

  it('should keep each session’s counts as the import left them', async () => {
    expect(await db.sessions()).to.deep.equal([
      { jurisdiction: 'ca', session: '20252026-0', bills: 5, versions: 11 },
      { jurisdiction: 'ca', session: '20232024-0', bills: 1, versions: 1 },
      { jurisdiction: 'ca', session: '20172018-0', bills: 1, versions: 1 },
      { jurisdiction: 'us', session: '116', bills: 1, versions: 1 },
      { jurisdiction: 'us', session: '114', bills: 1, versions: 2 },
    ]);
  });
});

describeBackends('store: migrations', (backend) => {
  it('should open a database an older billdiff wrote, and refuse one a newer billdiff wrote', async () => {
    const db = await backend().open();
    await db.dialect.run("INSERT INTO codes (code, title) VALUES ('PEN', 'Penal Code')");
    const next: Migration = { version: ALL_MIGRATIONS.length + 1, name: 'test: a later column', common: 'ALTER TABLE codes ADD COLUMN note TEXT', sqlite: '', postgres: '' };
    expect(await migrate(db.dialect, [...ALL_MIGRATIONS, next])).to.equal(ALL_MIGRATIONS.length + 1);
    expect(await db.dialect.all('SELECT code, title, note FROM codes')).to.deep.equal([{ code: 'PEN', title: 'Penal Code', note: null }]);
    try {
      await migrate(db.dialect);
      expect.fail('opened a newer schema');
    } catch (error) {
      expect((error as Error).message).to.equal(`this database was written by a newer billdiff (schema ${ALL_MIGRATIONS.length + 1}; this one knows up to ${ALL_MIGRATIONS.length}): upgrade billdiff to open it`);
    } finally {
      await db.close();
    }
  });
});

describeBackends('store: a database of schema 1, with its rows', (backend) => {
  it('should be brought up to date: rows kept, passages and session counts made from them', async () => {
    const options = backend().options;
    const dialect = options.url ? (await import('../../src/store/postgres.js')).openPostgres(options.url) : openSqlite(path.join(options.dataDir!, DATABASE_FILE));
    try {
      expect(await migrate(dialect, [ALL_MIGRATIONS[0]!])).to.equal(1);
      const text = 'Synthetic text, written for this test, not real law.\nA synthetic gizmo shall be registered with the synthetic clerk.';
      await dialect.run("INSERT INTO bills (id, jurisdiction, session, measure, measure_type, measure_num, title, search_text) VALUES ('ca-20252026-0-ab9900', 'ca', '20252026-0', 'AB 9900', 'AB', 9900, 'Synthetic gizmos.', ?)", [text]);
      await dialect.run(
        "INSERT INTO versions (id, bill_id, stage, format, content, content_hash, text, seq, name) VALUES ('20250AB990099INT', 'ca-20252026-0-ab9900', 'Introduced', 'text', ?, 'h1', ?, 1, 'introduced')",
        [zlib.deflateSync(Buffer.from(text)), text],
      );
      await dialect.run("INSERT INTO law_sections (code, number, heading, format, content, content_hash, text) VALUES ('PEN', '99900', 'Synthetic gizmos', 'text', ?, 'h2', 'A synthetic gizmo is a synthetic device.')", [
        zlib.deflateSync(Buffer.from('A synthetic gizmo is a synthetic device.')),
      ]);
    } finally {
      await dialect.close();
    }
    const db = await backend().open();
    try {
      expect(db.schema).to.equal(ALL_MIGRATIONS.length);
      expect(await db.sessions()).to.deep.equal([{ jurisdiction: 'ca', session: '20252026-0', bills: 1, versions: 1 }]);
      expect((await db.lawSection('PEN', '99900'))?.text).to.equal('A synthetic gizmo is a synthetic device.');
      expect((await db.version('20250AB990099INT'))?.content.toString()).to.contain('synthetic gizmo shall be registered');
      const found = (await db.search('gizmo synthetic')).results;
      expect(found.map((r) => `${r.kind} ${r.id}`)).to.deep.equal(['bill ca-20252026-0-ab9900', 'section PEN/99900']);
      for (const r of found) expect([...new Set(marked(r.snippet).map((w) => w.toLowerCase()))].sort()).to.deep.equal(r.kind === 'bill' ? ['gizmo', 'synthetic'] : ['gizmo', 'gizmos', 'synthetic']);
    } finally {
      await db.close();
    }
  });
});

describeBackends('store: a database of schema 12, whose bills’ authors are only in version_authors (synthetic)', (backend) => {
  it('should keep on each bill’s row who brings it, once brought up to date: the lead authors of its latest version naming any', async () => {
    const options = backend().options;
    const dialect = options.url ? (await import('../../src/store/postgres.js')).openPostgres(options.url) : openSqlite(path.join(options.dataDir!, DATABASE_FILE));
    try {
      expect(await migrate(dialect, ALL_MIGRATIONS.slice(0, 12))).to.equal(12);
      const text = 'Synthetic text, written for this test, not real law.\nA synthetic widget shall be registered.';
      for (const n of [9911, 9912]) {
        await dialect.run("INSERT INTO bills (id, jurisdiction, session, measure, measure_type, measure_num, title, search_text) VALUES (?, 'ca', '20252026-0', ?, 'AB', ?, 'Synthetic widgets.', ?)", [`ca-20252026-0-ab${n}`, `AB ${n}`, n, text]);
      }
      // AB 9911: introduced by Alpha; amended to Beta and Gamma with Delta as coauthor; amended again naming no one.
      for (const [seq, id] of ['20250AB991199INT', '20250AB991198AMD', '20250AB991197AMD'].entries()) {
        await dialect.run("INSERT INTO versions (id, bill_id, stage, format, content, content_hash, text, seq, name) VALUES (?, 'ca-20252026-0-ab9911', 'Introduced', 'text', ?, ?, ?, ?, ?)", [
          id,
          zlib.deflateSync(Buffer.from(text)),
          `h${seq}`,
          text,
          seq + 1,
          `v${seq + 1}`,
        ]);
      }
      await dialect.run(
        `INSERT INTO version_authors (version_id, seq, name, role, house, committee) VALUES
           ('20250AB991199INT', 0, 'Alpha', 'lead author', 'Assembly', 0),
           ('20250AB991198AMD', 0, 'Delta', 'coauthor', 'Senate', 0),
           ('20250AB991198AMD', 1, 'Gamma', 'lead author', 'Assembly', 0),
           ('20250AB991198AMD', 2, 'Beta', 'lead author', 'Assembly', 0)`,
      );
    } finally {
      await dialect.close();
    }
    const db = await backend().open();
    try {
      expect(db.schema).to.equal(ALL_MIGRATIONS.length);
      expect(await db.dialect.all('SELECT id, leads FROM bills ORDER BY id')).to.deep.equal([
        { id: 'ca-20252026-0-ab9911', leads: '[{"name":"Gamma","role":"lead author","house":"Assembly"},{"name":"Beta","role":"lead author","house":"Assembly"}]' },
        { id: 'ca-20252026-0-ab9912', leads: null },
      ]);
      expect((await db.search('AB 9911')).results.map((r) => r.authors)).to.deep.equal([
        [
          { name: 'Gamma', role: 'lead author', house: 'Assembly' },
          { name: 'Beta', role: 'lead author', house: 'Assembly' },
        ],
      ]);
      expect((await db.search('AB 9912')).results.map((r) => r.authors)).to.deep.equal([undefined]);
    } finally {
      await db.close();
    }
  });
});

describeBackends('store: a database of schema 6, whose citations say only "notwithstanding" (synthetic)', (backend) => {
  it('should read its citations "notwithstanding" a section as overrides by those words, once brought up to date', async () => {
    const options = backend().options;
    const dialect = options.url ? (await import('../../src/store/postgres.js')).openPostgres(options.url) : openSqlite(path.join(options.dataDir!, DATABASE_FILE));
    try {
      expect(await migrate(dialect, ALL_MIGRATIONS.slice(0, 6))).to.equal(6);
      const text = 'Synthetic text, written for this test, not real law.\nNotwithstanding Section 99901 of the Penal Code, a synthetic clerk shall cite Section 99902.';
      await dialect.run("INSERT INTO bills (id, jurisdiction, session, measure, measure_type, measure_num, title, search_text) VALUES ('ca-20252026-0-ab9901', 'ca', '20252026-0', 'AB 9901', 'AB', 9901, 'Synthetic clerks.', ?)", [text]);
      await dialect.run(
        "INSERT INTO versions (id, bill_id, stage, format, content, content_hash, text, seq, name) VALUES ('20250AB990199INT', 'ca-20252026-0-ab9901', 'Introduced', 'text', ?, 'h1', ?, 1, 'introduced')",
        [zlib.deflateSync(Buffer.from(text)), text],
      );
      await dialect.run("UPDATE bills SET latest_version = '20250AB990199INT'");
      await dialect.run("INSERT INTO version_sections (version_id, code, section, relation, notwithstanding) VALUES ('20250AB990199INT', 'PEN', '99901', 'cites', 1), ('20250AB990199INT', 'PEN', '99902', 'cites', 0)");
    } finally {
      await dialect.close();
    }
    const db = await backend().open();
    try {
      expect(db.schema).to.equal(ALL_MIGRATIONS.length);
      expect((await billReport(db, 'ca-20252026-0-ab9901'))!.sections.map((s) => `${s.section} ${s.override ?? '-'}`)).to.deep.equal(['99901 notwithstanding', '99902 -']);
      expect((await sectionReport(db, 'PEN', '99901'))!.bills.map((b) => `${b.measure} ${b.relation} ${b.override}`)).to.deep.equal(['AB 9901 cites notwithstanding']);
    } finally {
      await db.close();
    }
  });
});

describeBackends('store: a federal bill and the law that enacted it (synthetic, 999th Congress)', (backend) => {
  it('should link them whichever comes first: the bill no longer pending, "Became Pub. L. 999-1", each page naming the other', async () => {
    const db = await backend().open();
    const file = (name: string) => fixturePath('enacted-synthetic', name);
    try {
      // H.R. 9001: its law first, then the bill. H.R. 9002: the bill first (pending), then its law.
      await importPaths(db, [file('PLAW-999publ1.xml'), file('BILLS-999hr9002ih.xml')]);
      expect((await db.bill('us-999-hr9002'))?.pending).to.equal(1);
      // A law whose bill the database does not hold names it, unlinked.
      expect((await billReport(db, 'us-999-pl1'))!.enacts).to.deep.equal({ id: 'us-999-hr9001', measure: 'H.R. 9001' });
      await importPaths(db, [file('BILLS-999hr9001ih.xml'), file('PLAW-999publ2.xml')]);
      const rows = await db.dialect.all<{ id: string; status: string; pending: number; enacted_as: string | null; enacts: string | null }>(
        "SELECT id, status, pending, enacted_as, enacts FROM bills WHERE session = '999' ORDER BY id",
      );
      expect(rows).to.deep.equal([
        { id: 'us-999-hr9001', status: 'Became Pub. L. 999-1', pending: 0, enacted_as: 'us-999-pl1', enacts: null },
        { id: 'us-999-hr9002', status: 'Became Pub. L. 999-2', pending: 0, enacted_as: 'us-999-pl2', enacts: null },
        { id: 'us-999-pl1', status: 'Public law', pending: 0, enacted_as: null, enacts: 'us-999-hr9001' },
        { id: 'us-999-pl2', status: 'Public law', pending: 0, enacted_as: null, enacts: 'us-999-hr9002' },
      ]);
      const bill = (await billReport(db, 'us-999-hr9002'))!;
      // Each names the other's versions, to compare the bill's last against the law.
      const lawText = { name: 'public-law', stage: 'Public Law', date: '2031-02-15', docId: 'ver:PLAW-999publ2' };
      expect([bill.status, bill.pending, bill.enactedAs, bill.enacts]).to.deep.equal(['Became Pub. L. 999-2', false, { id: 'us-999-pl2', measure: 'Pub. L. 999-2', url: '/bills/us-999-pl2', versions: [lawText] }, undefined]);
      const law = (await billReport(db, 'us-999-pl2'))!;
      expect([law.enactedAs, law.enacts]).to.deep.equal([undefined, { id: 'us-999-hr9002', measure: 'H.R. 9002', url: '/bills/us-999-hr9002', versions: bill.versions.map((v) => ({ name: v.name, stage: v.stage, date: v.date, docId: v.docId })) }]);
      expect(bill.versions.map((v) => v.docId)).to.deep.equal(['ver:BILLS-999hr9002ih']);
      // Neither is a pending bill any more.
      expect((await db.search('synthetic gadget', { status: 'pending' })).results).to.deep.equal([]);
      // Found by the same words on the same page, a law and its bill are one result: the bill, with its law, in the place of the first.
      // (Ranked: the two bills, the shorter texts, the later imported first; then the laws, the same.)
      const found = await db.search('synthetic gadget');
      expect([found.total, found.bills, matchesListed(found.results)]).to.deep.equal([4, 4, 4]);
      expect(found.results.map((r) => [r.id, r.status, r.law])).to.deep.equal([
        ['us-999-hr9001', 'Became Pub. L. 999-1', { id: 'us-999-pl1', measure: 'Pub. L. 999-1', url: '/bills/us-999-pl1' }],
        ['us-999-hr9002', 'Became Pub. L. 999-2', { id: 'us-999-pl2', measure: 'Pub. L. 999-2', url: '/bills/us-999-pl2' }],
      ]);
      // A law by its citation in the Statutes at Large, however spelled; one the database lacks says so.
      for (const cited of ['999 Stat. 1', '999 STAT. 1', '999 stat 1']) expect((await db.search(cited)).results.map((r) => r.id), cited).to.deep.equal(['us-999-pl1']);
      expect((await billReport(db, 'us-999-pl1'))!.statute).to.equal('999 Stat. 1');
      expect((await billReport(db, 'us-999-pl2'))!.statute).to.equal(undefined);
      expect((await db.search('999 Stat. 7')).total).to.equal(0);
      expect(whyNothingFound('999 Stat. 7', {}, 1).note).to.equal('no law cited 999 Stat. 7 is in the database (billdiff import brings in others)');
      // A page that holds only one of the two lists it alone.
      expect((await db.search('synthetic gadget', {}, { limit: 1, offset: 0 })).results.map((r) => [r.id, r.law?.id])).to.deep.equal([['us-999-hr9001', undefined]]);
      expect((await db.search('synthetic gadget', {}, { limit: 3, offset: 1 })).results.map((r) => [r.id, r.law?.id])).to.deep.equal([
        ['us-999-hr9002', 'us-999-pl2'],
        ['us-999-pl1', undefined],
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('store/enacted: a law folded into the bill it enacted (lawsWithTheirBills; synthetic rows)', () => {
  const row = (bill_id: string, measure: string): ActiveBill =>
    ({ bill_id, measure, jurisdiction: 'us', session: '999', title: 'Synthetic.', status: null, pending: 0, version_id: `v-${bill_id}`, version_name: 'x', version_stage: 'X', version_date: null, corpus_id: null, relation: 'amends', override: 0, unit: null, range_from: null, through: null });
  const shown = (bills: ActiveBill[]) => bills.map((b) => `${b.measure}${b.law ? ` (${b.law.measure})` : ''}`);
  const folded = (bills: ActiveBill[], enacts: Map<string, string>) => lawsWithTheirBills(bills, (b) => b.bill_id, (b) => enacts.get(b.bill_id), (bill, law) => ({ ...bill, law: { bill_id: law.bill_id, measure: law.measure } }));

  it('should put the bill in the place of the first of the two, keep a law whose bill is not there, and fold a bill with one law only', () => {
    const enacts = new Map([
      ['us-999-pl1', 'us-999-hr1'],
      ['us-999-pl2', 'us-999-hr2'],
      ['us-999-pl3', 'us-999-hr1'],
    ]);
    const bills = [row('us-999-pl1', 'Pub. L. 999-1'), row('us-999-hr5', 'H.R. 5'), row('us-999-hr1', 'H.R. 1'), row('us-999-pl2', 'Pub. L. 999-2'), row('us-999-pl3', 'Pub. L. 999-3')];
    expect(shown(folded(bills, enacts))).to.deep.equal(['H.R. 1 (Pub. L. 999-1)', 'H.R. 5', 'Pub. L. 999-2', 'Pub. L. 999-3']);
    // The bill first: in its place.
    expect(shown(folded([row('us-999-hr1', 'H.R. 1'), row('us-999-hr5', 'H.R. 5'), row('us-999-pl1', 'Pub. L. 999-1')], enacts))).to.deep.equal(['H.R. 1 (Pub. L. 999-1)', 'H.R. 5']);
    expect(shown(folded([row('us-999-hr5', 'H.R. 5')], enacts))).to.deep.equal(['H.R. 5']);
  });
});
