import { expect } from 'chai';
import { formatProblem, importPaths, ROW_OUTCOMES, type ImportProgress } from '../../src/import/index.js';
import { billReport, findBill, digestChanged, digestSaid, latestDigestKey, namedJson, ownHeading, sectionReport } from '../../src/store/reports.js';
import { matchesListed } from '../../src/store/search.js';
import type { Database } from '../../src/store/index.js';
import { searchModel, sectionModel, sessionModel } from '../../src/server/database-pages.js';
import { loadViews } from '../../src/server/views.js';
import { billsPath } from '../helpers/paths.js';
import { describeShared, sharedPath } from '../helpers/shared.js';
import { sqliteBackend, type Backend } from './backends.js';

/** A SQLite database of `paths` (of ../shared), imported once before the suite's tests and closed after them: its getter. */
function importedOnce(paths: () => string[]): () => Database {
  let backend: Backend | undefined;
  let db: Database | undefined;
  before(async function () {
    this.timeout(120000);
    backend = await sqliteBackend();
    db = await backend.open();
    await importPaths(db, paths());
  });
  after(async () => {
    await db?.close();
    await backend?.dispose();
  });
  return () => db!;
}

describeShared('store: the samples of ../shared/corpus as a new user imports them', () => {
  let backend: Backend;
  let db: Database;
  const problems: string[] = [];
  let summary: Awaited<ReturnType<typeof importPaths>>;

  before(async function () {
    this.timeout(120000);
    backend = await sqliteBackend();
    db = await backend.open();
    const progress: ImportProgress = { start() {}, input() {}, advance() {}, problem: (p) => problems.push(formatProblem(p)), stop() {} };
    summary = await importPaths(db, [billsPath(), sharedPath('corpus', 'ca-pubinfo'), sharedPath('corpus', 'us', 'bills', '114-hr766'), sharedPath('corpus', 'us', 'bills', '116-hr1058'), sharedPath('corpus', 'us', 'uscode', 'usc01.xml')], progress);
  });
  after(async () => {
    await db?.close();
    await backend?.dispose();
  });

  it('should import every sample it can read, and report each one it cannot by file and line', () => {
    expect(summary).to.include({ imported: 17, alreadyImported: 0, failed: 3, rows: 1548, inserted: 337, updated: 9, unchanged: 0, contents: 1136, inactive: 0, skipped: 66, problems: 69, ignored: 6 });
    expect(ROW_OUTCOMES.reduce((n, o) => n + summary[o], 0)).to.equal(summary.rows);
    expect(problems).to.have.length(69);
    // Rows whose lobs the samples leave out are reported, one line each, and nothing else fails.
    const kinds = new Set(problems.map((p) => p.replace(/^.*?: /, '').replace(/\s.*$/, '')));
    expect([...kinds].sort()).to.deep.equal(['a', 'missing']);
    expect(problems.filter((p) => / a law section on its own /.test(p)).map((p) => p.replace(/^.*\//, ''))).to.deep.equal([
      'law_cons_art1_sec1.lob: a law section on its own (a LAW_SECTION_TBL lob without its table row): its code and number are not known',
      'law_edc_44955.lob: a law section on its own (a LAW_SECTION_TBL lob without its table row): its code and number are not known',
      'law_pen_187.lob: a law section on its own (a LAW_SECTION_TBL lob without its table row): its code and number are not known',
    ]);
    expect(problems.every((p) => /^\/.+\.(?:dat:\d+|lob): /.test(p))).to.equal(true);
  });

  it('should answer /api/sections/PEN/1050 with AB 2052 beside the bundled AB 1656', async () => {
    const report = (await sectionReport(db, 'PEN', '1050'))!;
    expect(report.inDatabase).to.equal(true);
    expect(report.history).to.equal('Amended by Stats. 2003, Ch. 133, Sec. 1. Effective January 1, 2004.');
    expect(report.bills.filter((b) => b.relation === 'amends').map((b) => [b.measure, b.version, b.status])).to.deep.equal([
      ['AB 1656', 'amended-senate', 'In Floor Process'],
      ['AB 2052', 'amended-senate', 'In Floor Process'],
    ]);
    // Who brings each; read only for the bills a page shows where it says which (a busy section's page of 200).
    expect(report.bills.map((b) => [b.measure, b.authors?.map((a) => a.name)])).to.deep.equal([
      ['AB 1656', ['Davies']],
      ['AB 2052', ['Stefani']],
    ]);
    expect((await sectionReport(db, 'PEN', '1050', { offset: 1, limit: 200 }))!.bills.map((b) => [b.measure, b.authors?.map((a) => a.name)])).to.deep.equal([
      ['AB 1656', undefined],
      ['AB 2052', ['Stefani']],
    ]);
    expect((await sectionReport(db, 'PEN', '1050', { offset: 200, limit: 200 }))!.bills.every((b) => b.authors === undefined)).to.equal(true);
    const session = await db.sessionReport('ca', '20252026-0');
    expect(session.contested.map((s) => `${s.code} ${s.section}: ${s.bills.map((b) => b.measure).join(', ')}`)).to.deep.equal(['PEN 1050: AB 1656, AB 2052']);
    expect(session.gutAndAmends.map((v) => `${v.measure} ${v.name}`)).to.deep.equal(['AB 831 amended-senate-2025-06-23']);
  });

  it('should read AB 831’s history, versions and the sections it touches from the pubinfo tables', async () => {
    const report = (await billReport(db, 'ca-20252026-0-ab831'))!;
    expect(report).to.include({ measure: 'AB 831', status: 'Chaptered', pending: false, title: 'Gambling: operation of a contest or sweepstakes.' });
    expect(report.versions.map((v) => `${v.name} ${v.changes?.countedBy ?? '-'} ${v.gutAndAmend ? 'gut' : ''}`.trim())).to.deep.equal([
      'introduced marks',
      'amended-senate-2025-06-23 marks gut',
      'amended-senate-2025-07-16 marks',
      'amended-senate-2025-09-03 marks',
      'enrolled same',
      'chaptered same',
    ]);
    expect(report.sections.filter((s) => s.relation !== 'cites').map((s) => `${s.relation} ${s.code} ${s.section}`)).to.deep.equal(['amends BPC 17539.1', 'adds PEN 337o']);
    expect(report.history.length).to.be.greaterThan(20);
  });

  it('should find a bill of an extraordinary session as the Legislature prints it, and by its years where their regular session has none', async () => {
    const ids = async (q: string) => (await db.search(q)).results.map((r) => r.id);
    // The archive's 1999–2000 sessions: AB 1 of each, SB 1 of the First Extraordinary Session only.
    for (const q of ['SBX1 1', 'SB X1 1', 'SB 1 X1', 'SB 1 1st Ex. Sess.', 'SB 1 1999', 'SB 1 1999-2000']) expect(await ids(q), q).to.deep.equal(['ca-19992000-1-sb1']);
    expect(await ids('AB 1 1999')).to.deep.equal(['ca-19992000-0-ab1']);
    expect(await ids('ABX1 1 1999')).to.deep.equal(['ca-19992000-1-ab1']);
    expect(await ids('SB 1 1999-2000 Regular Session')).to.deep.equal([]);
    expect((await findBill(db, 'ABX1 1')).id).to.equal('ca-19992000-1-ab1');
  });

  it('should keep each version’s digest key, and say what the gut and amend changed in it: AB 831 went to a fiscal committee', async () => {
    const report = (await billReport(db, 'ca-20252026-0-ab831'))!;
    // As BILL_VERSION_TBL's rows give them (vote_required, appropriation, fiscal_committee, local_program, urgency, taxlevy).
    const no = { vote: 'majority', appropriation: false, urgency: false, taxLevy: false };
    expect(report.versions.map((v) => v.digestKey)).to.deep.equal([
      { ...no, fiscalCommittee: false, localProgram: false },
      ...Array.from({ length: 5 }, () => ({ ...no, fiscalCommittee: true, localProgram: true })),
    ]);
    expect(digestChanged(report.versions[0]!.digestKey, report.versions[1]!.digestKey)).to.equal('Fiscal committee: now yes (was no); Local program: now yes (was no).');
    expect(digestSaid(report.versions[5]!.digestKey!)).to.equal('Vote: majority · Appropriation: no · Fiscal committee: yes · Local program: yes · Urgency: no · Tax levy: no');
    // An urgency statute, which needs two-thirds: AB 1 of 1999 (its rows: "Two Thirds", urgency "Yes").
    const urgent = (await billReport(db, 'ca-19992000-0-ab1'))!;
    expect(digestSaid(latestDigestKey(urgent.versions)!)).to.equal('Vote: two-thirds · Appropriation: no · Fiscal committee: yes · Local program: no · Urgency: yes · Tax levy: no');
    // A chaptered print that gives only some of the keys (AB 1 of the 1999 First Extraordinary Session): the rest as its versions last gave them.
    const partial = (await billReport(db, 'ca-19992000-1-ab1'))!;
    expect(partial.versions.at(-1)!.digestKey).to.deep.equal({ appropriation: true, urgency: false, taxLevy: false });
    expect(digestSaid(latestDigestKey(partial.versions)!)).to.equal('Vote: majority · Appropriation: yes · Fiscal committee: yes · Local program: yes · Urgency: no · Tax levy: no');
  });

  it('should name the units holding a section as LAW_TOC_TBL heads them: Business and Professions Code § 17539.1', async () => {
    const report = (await sectionReport(db, 'BPC', '17539.1'))!;
    expect(report.units).to.deep.equal([
      { heading: 'DIVISION 7. GENERAL BUSINESS REGULATIONS', url: '/codes/BPC?division=7' },
      { heading: 'PART 3. REPRESENTATIONS TO THE PUBLIC', url: '/codes/BPC?division=7&part=3' },
      { heading: 'CHAPTER 1. Advertising', url: '/codes/BPC?division=7&part=3&chapter=1' },
      { heading: 'ARTICLE 2. Particular Offenses', url: '/codes/BPC?division=7&part=3&chapter=1&article=2' },
    ]);
    // Its heading is its article's, named with the others.
    expect([report.heading, ownHeading(report)]).to.deep.equal(['ARTICLE 2. Particular Offenses', '']);
    // The Constitution's articles, by their row's article column.
    expect((await sectionReport(db, 'CONS', 'I-1'))!.units).to.deep.equal([{ heading: 'ARTICLE I DECLARATION OF RIGHTS', url: '/codes/CONS?article=I' }]);
    // The Penal Code's table of contents is not in the sample.
    expect((await sectionReport(db, 'PEN', '1050'))!.units).to.deep.equal([]);
  });

  it('should import a folder of federal bills and a U.S. Code title', async () => {
    const hr766 = (await billReport(db, 'us-114-hr766'))!;
    expect(hr766.versions.map((v) => [v.id, v.stage])).to.deep.include.members([
      ['BILLS-114hr766ih', 'Introduced in House'],
      ['BILLS-114hr766rh', 'Reported in House'],
    ]);
    const usc = await db.lawSection('usc1', '1');
    expect(usc?.heading).to.equal('Words denoting number, gender, and so forth');
    // Its source credit, the laws that enacted and amended it, as the Law Revision Counsel prints it under the section.
    expect(usc?.history).to.match(/^\(July 30, 1947, ch\. 388, 61 Stat\. 633; June 25, 1948, ch\. 645, § 6, 62 Stat\. 859; .* Pub\. L\. 112–231, § 2\(a\), Dec\. 28, 2012, 126 Stat\. 1619\.\)$/);
    expect((await db.lawSection('usc1', '2'))?.history).to.equal('(July 30, 1947, ch. 388, 61 Stat. 633.)');
    expect((await db.search('hr1058-116')).results.map((r) => r.id)).to.deep.equal(['us-116-hr1058']);
    // A chaptered bill by its chapter, as BILL_TBL gives it (and the bundled SB 54 by the one its title gives).
    for (const [cited, id] of [['Chapter 623, Statutes of 2025', 'ca-20252026-0-ab831'], ['Stats. 1999, 1st Ex. Sess., ch. 4', 'ca-19992000-1-ab1'], ['Res. Ch. 90, Stats. 1989', 'ca-19891990-0-acr65'], ['Stats. 2017, ch. 495', 'ca-20172018-0-sb54']]) {
      expect((await db.search(cited)).results.map((r) => r.id), cited).to.deep.equal([id]);
    }
    expect((await billReport(db, 'ca-20252026-0-ab831'))!.statute).to.equal('Stats. 2025, ch. 623');
    // A section's history note links the chapter it cites to its bill, where the database holds it.
    const section = (await sectionReport(db, 'BPC', '17539.1'))!;
    expect([section.history, section.historyActs]).to.deep.equal([
      'Amended by Stats. 2025, Ch. 623, Sec. 2. (AB 831) Effective January 1, 2026.',
      [{ cited: 'Stats. 2025, Ch. 623', measure: 'AB 831', url: '/bills/ca-20252026-0-ab831' }],
    ]);
    expect(loadViews().render('section', sectionModel(section)!)).to.contain(
      '<p class="history">Amended by <a href="/bills/ca-20252026-0-ab831" title="AB 831">Stats. 2025, Ch. 623</a>, Sec. 2. (AB 831) Effective January 1, 2026.</p>',
    );
    // A chapter whose bill the database lacks stays text.
    expect((await sectionReport(db, 'EDC', '48859'))!.historyActs).to.deep.equal([]);
  });
});

describeShared('store: a public law and the bill it enacted, one measure on their session’s page (../shared/corpus/us/bills: 114-hr636, 114-hr240)', () => {
  const opened = importedOnce(() => [sharedPath('corpus', 'us', 'bills', '114-hr636'), sharedPath('corpus', 'us', 'bills', '114-hr240')]);

  it('should count Pub. L. 114-190 and H.R. 636, which it enacted, once on each section both amend, the law named beside its bill', async () => {
    const db = opened();
    const report = await db.sessionReport('us', '114', 1000);
    const line = (code: string, section: string) => {
      const s = report.mostAmended.find((a) => a.code === code && a.section === section)!;
      return s.bills.map((b) => `${b.measure} ${b.relation}${b.law ? ` (${b.law.measure})` : ''}`);
    };
    expect(line('usc49', '106')).to.deep.equal(['H.R. 636 amends (Pub. L. 114-190)']);
    expect(line('usc6', '1404')).to.deep.equal(['H.R. 240 repeals (Pub. L. 114-4)']);
    // H.R. 629 and H.R. 630, introduced, are other bills: each counts.
    expect(report.mostAmended.every((s) => s.bills.every((b) => !b.measure.startsWith('Pub. L.')))).to.equal(true);
    // The section's own page lists each record.
    expect((await sectionReport(db, 'usc49', '106'))!.bills.map((b) => b.measure)).to.deep.equal(['Pub. L. 114-190', 'H.R. 636']);
    const html = loadViews().render('session', await sessionModel(db, 'us', '114'));
    expect(html).to.contain('<a href="/bills/us-114-hr240">H.R. 240</a> (repeals; enacted as <a href="/bills/us-114-pl4">Pub. L. 114-4</a>)');
  });

  it('should list Pub. L. 114-190 with H.R. 636 as one result of a search, by words, by name and by a section both amend', async () => {
    const db = opened();
    const found = await db.search('aviation security');
    expect(found.results.map((r) => `${r.measure}${r.law ? ` (${r.law.measure})` : ''}`)).to.deep.equal(['H.R. 636 (Pub. L. 114-190)', 'H.R. 240 (Pub. L. 114-4)']);
    expect([found.total, matchesListed(found.results)]).to.deep.equal([4, 4]);
    // The bill's own snippet and status, and its law's address.
    expect(found.results[0]).to.deep.include({ id: 'us-114-hr636', status: 'Became Pub. L. 114-190', law: { id: 'us-114-pl190', measure: 'Pub. L. 114-190', url: '/bills/us-114-pl190' } });
    const named = await db.named('Aviation Security Act', await db.generation());
    expect(named.map((n) => namedJson(n))).to.deep.equal([
      { kind: 'bill', name: 'Aviation Security Act of 2016', id: 'us-114-hr636', measure: 'H.R. 636', session: '114', title: 'H.R. 636 (114th Congress)', url: '/bills/us-114-hr636', law: { id: 'us-114-pl190', measure: 'Pub. L. 114-190', url: '/bills/us-114-pl190' } },
    ]);
    const html = loadViews().render('search', searchModel([], 'aviation security', {}, { limit: 20, offset: 0 }, found, [], named));
    expect(html).to.contain(
      'By that name: <a href="/bills/us-114-hr636">H.R. 636 (114th Congress)</a> (“Aviation Security Act of 2016”), enacted as <a href="/bills/us-114-pl190">Pub. L. 114-190</a>.',
    );
    expect(html).to.contain('Results 1–4 of 4 for “aviation security”, the best first: every match ranked by relevance (4 bills and 0 law sections, listed in turn). Pub. L. 114-190 and Pub. L. 114-4 are listed with the bills they enacted.</p>');
    expect(html).to.contain('<span class="status">· Became <a href="/bills/us-114-pl190">Pub. L. 114-190</a></span>');
    // The law by its citation in the Statutes at Large, as its file gives it.
    expect((await db.search('130 Stat. 615')).results.map((r) => r.id)).to.deep.equal(['us-114-pl190']);
    expect((await billReport(db, 'us-114-pl190'))!.statute).to.equal('130 Stat. 615');
    // A section both amend: the section, then the two as one.
    const cited = await db.search('49 U.S.C. 106');
    expect(cited.results.map((r) => `${r.id}${r.law ? ` (${r.law.id})` : ''}`)).to.deep.equal(['usc49/106', 'us-114-hr636 (us-114-pl190)']);
    expect([cited.total, matchesListed(cited.results)]).to.deep.equal([3, 3]);
  });
});

describeShared('store: a U.S. Code section’s source credit, each public law it cites that the database holds linked (../shared/corpus/us: usc16 slice, 113-hr1068)', () => {
  const opened = importedOnce(() => [sharedPath('corpus', 'us', 'uscode', 'usc16-slice-119-102.xml'), sharedPath('corpus', 'us', 'bills', '113-hr1068')]);

  it('should link Pub. L. 113–287 in 16 U.S.C. § 17j-2’s source credit to the law, and leave the laws the database lacks as text', async () => {
    const db = opened();
    const section = (await sectionReport(db, 'usc16', '17j-2'))!;
    expect(section.history).to.equal(
      '(Aug. 7, 1946, ch. 788, 60 Stat. 885; Pub. L. 86–689, § 3, Sept. 2, 1960, 74 Stat. 737; Pub. L. 102–201, title I, § 101, Dec. 10, 1991, 105 Stat. 1631; Pub. L. 104–333, div. I, title VIII, § 802, Nov. 12, 1996, 110 Stat. 4186; Pub. L. 113–287, § 7, Dec. 19, 2014, 128 Stat. 3272.)',
    );
    expect(section.historyActs).to.deep.equal([{ cited: 'Pub. L. 113–287', measure: 'Pub. L. 113-287', url: '/bills/us-113-pl287' }]);
    expect(loadViews().render('section', sectionModel(section)!)).to.contain(
      '104–333, div. I, title VIII, § 802, Nov. 12, 1996, 110 Stat. 4186; <a href="/bills/us-113-pl287" title="Pub. L. 113-287">Pub. L. 113–287</a>, § 7, Dec. 19, 2014, 128 Stat. 3272.)</p>',
    );
  });
});
