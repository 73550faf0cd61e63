/**
 * A bill that repeals a whole unit of a code ("Chapter 97.5 (commencing with Section 97100) of
 * Division 97 of Title 9 of the Government Code is repealed.") would repeal every section of it, and one
 * that would prevail over a whole unit ("Notwithstanding … (Chapter 97.5 (commencing with Section
 * 97100) …)") would override every section of it: each of their pages lists the bill, by the place the
 * Legislature's law section table gives each section (src/store/places.ts). The tables, lobs and texts
 * are SYNTHETIC, written here at test time in the layout of the Legislature's pubinfo tables: AB 9201
 * to AB 9205 of 2025–26 and Government Code Division 97 do not exist, nor does any of their text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { importPaths, type ImportProgress } from '../../src/import/index.js';
import { billModel, sectionModel, sessionModel } from '../../src/server/database-pages.js';
import { loadViews } from '../../src/server/views.js';
import { placeOf, placesAbove, unitHolds, unitOfQuery, unitQuery, unitsHolding, readPlace } from '../../src/store/places.js';
import { billReport, relationWord, sectionReport } from '../../src/store/reports.js';
import type { Database } from '../../src/store/index.js';
import { describeBackends } from './backends.js';

const q = (value: string | null) => (value === null ? 'NULL' : `\`${value}\``);

/** A LAW_SECTION_TBL line (18 fields) and its lob's name. */
function lawSection(number: string, place: { division: string; title: string | null; chapter: string; article: string | null }, lob: string): string {
  return [
    q(`GOV${number}.2025001`), q('GOV'), q(`${number}.`), q('2025'), q('1'), q('1'), '2026-01-01 00:00:00', q(`id_synthetic_${number}`),
    q(place.division), q(place.title), 'NULL', q(place.chapter), q(place.article), q('Added by Stats. 2025, Ch. 1, Sec. 1. (synthetic)'), lob, q('Y'), q('LEG_ESI'), '2026-01-01 00:00:00',
  ].join('\t');
}

const SECTION_LOB = (words: string) => `<caml:Content xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#"><p>${words}</p></caml:Content>`;

const BILL = (n: number) =>
  `\`202520260AB${n}\`\t\`20252026\`\t\`0\`\t\`AB\`\t${n}\t\`Introduced\`\tNULL\tNULL\tNULL\tNULL\tNULL\t\`Y\`\t\`LEG_ESI\`\tNULL\tNULL\tNULL\t\`Assembly\`\t\`In Committee Process\`\tNULL`;
const VERSION = (n: number, lob: number) =>
  `\`20250AB${n}99INT\`\t\`202520260AB${n}\`\t99\t2026-01-05 00:00:00\t\`Introduced\`\tNULL\t\`Synthetic bill ${n}.\`\t\`Majority\`\t\`No\`\t\`No\`\t\`No\`\tNULL\t\`No\`\t\`No\`\tBILL_VERSION_TBL_${lob}.lob\t\`Y\`\t\`LEG_ESI\`\t2026-01-05 00:00:00`;
const MEASURE = (sections: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<caml:MeasureDoc xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#"><caml:Bill id="bill" xmlns="http://www.w3.org/1999/xhtml"><caml:Preamble>The people of the State of California do enact as follows:</caml:Preamble>${sections}</caml:Bill></caml:MeasureDoc>`;
/** AB 9201 repeals Chapter 97.5 whole, and Section 97300. */
const REPEALS = MEASURE(
  '<caml:BillSection id="s1"><caml:Num>SECTION 1.</caml:Num><caml:ActionLine>Chapter 97.5 (commencing with Section 97100) of Division 97 of Title 9 of the <caml:DocName>Government Code</caml:DocName> is repealed.</caml:ActionLine></caml:BillSection><caml:BillSection id="s2"><caml:Num>SEC. 2.</caml:Num><caml:ActionLine>Section 97300 of the <caml:DocName>Government Code</caml:DocName> is repealed.</caml:ActionLine></caml:BillSection>',
);
/** AB 9202 adds Section 97400, which would prevail over Chapter 97.5 whole, and only cites Chapter 97.6. */
const OVERRIDES = MEASURE(
  '<caml:BillSection id="s1"><caml:Num>SECTION 1.</caml:Num><caml:ActionLine>Section 97400 is added to the <caml:DocName>Government Code</caml:DocName>, to read:</caml:ActionLine><caml:Fragment><caml:LawSection id="l1"><caml:Num>97400.</caml:Num><caml:LawSectionVersion id="v1"><caml:Content><p>Notwithstanding the rulemaking provisions of the Synthetic Procedure Act (Chapter 97.5 (commencing with Section 97100) of Division 97 of Title 9), the synthetic department may adopt guidance. The department shall report as the Synthetic Reports Act (Chapter 97.6 (commencing with Section 97200) of Division 97 of Title 9) requires.</p></caml:Content></caml:LawSectionVersion></caml:LawSection></caml:Fragment></caml:BillSection>',
);

/**
 * AB 9204 adds Section 97500, which would prevail over a range of sections, and cites another: the
 * sections between their ends list it.
 */
const RANGES = MEASURE(
  '<caml:BillSection id="s1"><caml:Num>SECTION 1.</caml:Num><caml:ActionLine>Section 97500 is added to the <caml:DocName>Government Code</caml:DocName>, to read:</caml:ActionLine><caml:Fragment><caml:LawSection id="l1"><caml:Num>97500.</caml:Num><caml:LawSectionVersion id="v1"><caml:Content><p>Notwithstanding Sections 97100 to 97101, inclusive, the synthetic department may adopt guidance, and shall report as provided in Sections 97200 through 97300, inclusive.</p></caml:Content></caml:LawSectionVersion></caml:LawSection></caml:Fragment></caml:BillSection>',
);

/** AB 9205 repeals a range of sections by its ends. */
const RANGE_REPEAL = MEASURE(
  '<caml:BillSection id="s1"><caml:Num>SECTION 1.</caml:Num><caml:ActionLine>Sections 97100 to 97101, inclusive, of the <caml:DocName>Government Code</caml:DocName> are repealed.</caml:ActionLine></caml:BillSection>',
);

/** AB 9203 amends Section 97100.5, in the chapter AB 9201 repeals. */
const AMENDS = MEASURE(
  '<caml:BillSection id="s1"><caml:Num>SECTION 1.</caml:Num><caml:ActionLine>Section 97100.5 of the <caml:DocName>Government Code</caml:DocName> is amended to read:</caml:ActionLine><caml:Fragment><caml:LawSection id="l1"><caml:Num>97100.5.</caml:Num><caml:LawSectionVersion id="v1"><caml:Content><p>Synthetic text of section 97100.5, amended.</p></caml:Content></caml:LawSectionVersion></caml:LawSection></caml:Fragment></caml:BillSection>',
);

/**
 * Chapter 97.5 of Division 97 holds 97100, 97100.5 and, in an article of it, 97101; 97200 and 97201 are
 * in the division's next chapter; 98100 is in a Chapter 97.5 of another division; 97300 is repealed alone.
 */
function writeSet(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const sections: Array<[string, Parameters<typeof lawSection>[1]]> = [
    ['97100', { division: '97.', title: '9.', chapter: '97.5.', article: null }],
    ['97100.5', { division: '97.', title: '9.', chapter: '97.5.', article: null }],
    ['97101', { division: '97.', title: '9.', chapter: '97.5.', article: '1.' }],
    ['97200', { division: '97.', title: '9.', chapter: '97.6.', article: null }],
    ['97201', { division: '97.', title: '9.', chapter: '97.6.', article: null }],
    ['98100', { division: '98.', title: '9.', chapter: '97.5.', article: null }],
    ['97300', { division: '97.', title: '9.', chapter: '97.7.', article: null }],
  ];
  const lines = sections.map(([number, place], i) => {
    fs.writeFileSync(path.join(dir, `LAW_SECTION_TBL_${i + 1}.lob`), SECTION_LOB(`Synthetic text of section ${number}.`));
    return lawSection(number, place, `LAW_SECTION_TBL_${i + 1}.lob`);
  });
  fs.writeFileSync(path.join(dir, 'LAW_SECTION_TBL.dat'), `${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'BILL_TBL.dat'), `${BILL(9201)}\n${BILL(9202)}\n${BILL(9203)}\n${BILL(9204)}\n${BILL(9205)}\n`);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL.dat'), `${VERSION(9201, 1)}\n${VERSION(9202, 2)}\n${VERSION(9203, 3)}\n${VERSION(9204, 4)}\n${VERSION(9205, 5)}\n`);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL_4.lob'), RANGES);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL_5.lob'), RANGE_REPEAL);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL_3.lob'), AMENDS);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL_1.lob'), REPEALS);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL_2.lob'), OVERRIDES);
}

describe('store/places: a section’s place in its code, and the units that hold it', () => {
  it('should keep the levels a law section row names, without their stops', () => {
    expect(placeOf({ division: '7.', title: '1.', part: null, chapter: '17.25.', article: '' })).to.equal('{"division":"7","title":"1","chapter":"17.25"}');
    expect(placeOf({ division: null, title: null, part: null, chapter: null, article: null })).to.equal(undefined);
  });
  it('should hold a section in a unit only where the levels above the unit are the same as its first section’s', () => {
    const first = readPlace('{"division":"7","title":"1","chapter":"17.25"}');
    expect(unitHolds('Chapter 17.25', first, readPlace('{"division":"7","title":"1","chapter":"17.25","article":"2"}'))).to.equal(true);
    // The same chapter number in another division; another chapter; the unit named is not the first section's.
    expect(unitHolds('Chapter 17.25', first, readPlace('{"division":"8","title":"1","chapter":"17.25"}'))).to.equal(false);
    expect(unitHolds('Chapter 17.25', first, readPlace('{"division":"7","title":"1","chapter":"17.3"}'))).to.equal(false);
    expect(unitHolds('Chapter 17.3', first, readPlace('{"division":"7","title":"1","chapter":"17.3"}'))).to.equal(false);
    // An article: its chapter too. A kind no law section row names; an unreadable place.
    const inArticle = readPlace('{"division":"7","chapter":"3","article":"2"}');
    expect(unitHolds('Article 2', inArticle, readPlace('{"division":"7","chapter":"3","article":"2"}'))).to.equal(true);
    expect(unitHolds('Article 2', inArticle, readPlace('{"division":"7","chapter":"4","article":"2"}'))).to.equal(false);
    expect(unitHolds('Subchapter 2', inArticle, inArticle)).to.equal(false);
    expect(readPlace('not json')).to.equal(undefined);
  });
  it('should name the units holding a section outermost first, however its code nests its levels (synthetic headings)', () => {
    // As the Penal Code nests them: a part holds titles, a title chapters.
    const headings = new Map([
      ['{"part":"2"}', 'PART 2. SYNTHETIC PROCEDURE'],
      ['{"title":"6","part":"2"}', 'TITLE 6. SYNTHETIC PLEADINGS'],
      ['{"title":"6","part":"2","chapter":"8"}', 'CHAPTER 8. Synthetic Continuances'],
      ['{"title":"6","part":"3"}', 'TITLE 6. ANOTHER PART’S TITLE'],
    ]);
    const place = readPlace('{"title":"6","part":"2","chapter":"8"}');
    expect(placesAbove(place)).to.deep.equal(['{"title":"6"}', '{"part":"2"}', '{"chapter":"8"}', '{"title":"6","part":"2"}', '{"title":"6","chapter":"8"}', '{"part":"2","chapter":"8"}', '{"title":"6","part":"2","chapter":"8"}']);
    expect(unitsHolding(place, headings).map((u) => u.heading)).to.deep.equal(['PART 2. SYNTHETIC PROCEDURE', 'TITLE 6. SYNTHETIC PLEADINGS', 'CHAPTER 8. Synthetic Continuances']);
    // No place, or no table of contents: none.
    expect(unitsHolding(undefined, headings)).to.deep.equal([]);
    expect(unitsHolding(place, new Map())).to.deep.equal([]);
  });
  it('should give a unit’s address as a query and read it back, and say what is wrong with one that cannot be a unit', () => {
    expect(unitQuery('{"title":"6","part":"2","chapter":"8"}')).to.equal('?title=6&part=2&chapter=8');
    expect(unitQuery('{"chapter":"1","subchapter":"III-A"}')).to.equal('?chapter=1&subchapter=III-A');
    expect(unitOfQuery({ chapter: '8', part: '2', title: '6', page: '1' })).to.equal('{"title":"6","part":"2","chapter":"8"}');
    expect(unitOfQuery({ page: '2' })).to.equal(undefined);
    expect(() => unitOfQuery({ chapter: ['1', '2'] })).to.throw(RangeError, 'the chapter parameter must be a unit’s number, 1 to 20 characters, given once'.replace('’', "'"));
    expect(() => unitOfQuery({ part: 'x'.repeat(21) })).to.throw(RangeError);
  });
});

describeBackends('store: a bill that repeals or overrides a whole unit of a code', (backend) => {
  let db: Database;
  let tmp: string;
  before(async () => {
    db = await backend().open();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-units-'));
    writeSet(path.join(tmp, 'session'));
    const problems: string[] = [];
    const progress: ImportProgress = { start() {}, input() {}, advance() {}, problem: (p) => problems.push(p.reason), stop() {} };
    const summary = await importPaths(db, [path.join(tmp, 'session')], progress);
    expect(problems).to.deep.equal([]);
    expect(summary).to.include({ inserted: 17, problems: 0 });
  });
  after(async () => {
    await db?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const billsOf = async (number: string) =>
    (await sectionReport(db, 'GOV', number))?.bills
      .filter((b) => b.measure === 'AB 9201')
      .map((b) => ({ measure: b.measure, relation: b.relation, unit: b.unit, url: b.url }));
  const repeal = { measure: 'AB 9201', relation: 'repeals', unit: 'Chapter 97.5', url: '/bills/ca-20252026-0-ab9201' };
  const overrideOf = async (number: string) =>
    (await sectionReport(db, 'GOV', number))?.bills.filter((b) => b.measure === 'AB 9202').map((b) => `${b.relation} ${b.override ?? '-'} ${b.unit ?? '-'} ${b.url}`);

  it('should keep each law section’s place', async () => {
    expect(await db.dialect.all("SELECT number, place FROM law_sections WHERE code = 'GOV' AND number IN ('97101', '98100') ORDER BY number")).to.deep.equal([
      { number: '97101', place: '{"division":"97","title":"9","chapter":"97.5","article":"1"}' },
      { number: '98100', place: '{"division":"98","title":"9","chapter":"97.5"}' },
    ]);
  });
  it('should record the unit with the section it begins with', async () => {
    expect(await db.dialect.all("SELECT code, section, relation, unit FROM version_sections WHERE version_id IN (SELECT id FROM versions WHERE bill_id = 'ca-20252026-0-ab9201') ORDER BY section")).to.deep.equal([
      { code: 'GOV', section: '97100', relation: 'repeals', unit: 'Chapter 97.5' },
      { code: 'GOV', section: '97300', relation: 'repeals', unit: null },
    ]);
    const report = await billReport(db, 'ca-20252026-0-ab9201');
    expect(report?.sections.map((s) => ({ section: s.section, relation: s.relation, unit: s.unit }))).to.deep.equal([
      { section: '97100', relation: 'repeals', unit: 'Chapter 97.5' },
      { section: '97300', relation: 'repeals', unit: undefined },
    ]);
  });
  it('should list the bill on the page of every section of the unit, linked to the bill', async () => {
    expect(await billsOf('97100')).to.deep.equal([repeal]);
    expect(await billsOf('97100.5')).to.deep.equal([repeal]);
    expect(await billsOf('97101')).to.deep.equal([repeal]);
  });
  it('should not list it on sections outside the unit', async () => {
    // The division's next chapter; a chapter of the same number in another division.
    expect(await billsOf('97200')).to.deep.equal([]);
    expect(await billsOf('98100')).to.deep.equal([]);
    // A section repealed on its own: compared with current law, no unit.
    expect(await billsOf('97300')).to.deep.equal([{ measure: 'AB 9201', relation: 'repeals', unit: undefined, url: (await sectionReport(db, 'GOV', '97300'))!.bills[0]!.url }]);
    expect((await sectionReport(db, 'GOV', '97300'))!.bills[0]!.url).to.match(/^\/compare\?/);
  });
  it('should list a bill that would override a whole unit on the page of every section of it, and one that only cites a unit on its first section’s page', async () => {
    const overrides = 'cites notwithstanding Chapter 97.5 /bills/ca-20252026-0-ab9202';
    expect(await overrideOf('97100')).to.deep.equal([overrides]);
    expect(await overrideOf('97100.5')).to.deep.equal([overrides]);
    expect(await overrideOf('97101')).to.deep.equal([overrides]);
    expect(await overrideOf('98100')).to.deep.equal([]);
    // Chapter 97.6 only cited: on the page of the section it begins with, not on its others'.
    expect(await overrideOf('97200')).to.deep.equal(['cites - Chapter 97.6 /bills/ca-20252026-0-ab9202']);
    expect(await overrideOf('97201')).to.deep.equal([]);
    const report = await billReport(db, 'ca-20252026-0-ab9202');
    expect(report?.sections.map((s) => `${s.relation} ${s.name}${s.override ? ` ${s.override}` : ''}`)).to.deep.equal([
      'cites Chapter 97.5 (commencing with Government Code § 97100) notwithstanding',
      'cites Chapter 97.6 (commencing with Government Code § 97200)',
      'adds Government Code § 97400',
    ]);
  });
  it('should find, by the number of a section of the unit, the bills that repeal or override the unit, each saying so where its text does not name the section', async () => {
    const found = async (query: string, filters = {}) => (await db.search(query, filters)).results.map((r) => `${r.kind} ${r.kind === 'bill' ? r.measure : r.id}: ${r.snippet}`);
    // 97100.5: AB 9203 names it; AB 9201 repeals and AB 9202 overrides the chapter that holds it (same date: by measure).
    expect(await found('97100.5')).to.deep.equal([
      'section GOV/97100.5: Synthetic text of section 97100.5.',
      'bill AB 9201: Repeals the whole of Chapter 97.5, which holds it.',
      'bill AB 9202: Would override it: notwithstanding Chapter 97.5, which holds it.',
      // Marked where it names the section (MARK_START, MARK_END).
      'bill AB 9203: …as follows:\nSECTION 1. Section \u000197100.5\u0002 of the Government Code is amended to read:\n97100.5. Synthetic text of section \u000197100.5\u0002, amended.',
      // Between the ends of a range AB 9204 overrides, and of one AB 9205 repeals.
      'bill AB 9204: Would override it: notwithstanding Sections 97100 through 97101, which include it.',
      'bill AB 9205: Repeals Sections 97100 through 97101, which include it.',
    ]);
    expect((await db.search('GOV 97101')).total).to.equal(5);
    // Filtered by session: the same bills, no section.
    expect((await found('97101', { session: '2025-26' })).map((r) => r.slice(0, 12))).to.deep.equal(['bill AB 9201', 'bill AB 9202', 'bill AB 9204', 'bill AB 9205']);
    // Chapter 97.6 only cited, on its first section only; a range cited holds it; a Chapter 97.5 of another division holds none of them.
    expect(await found('97201')).to.deep.equal(['section GOV/97201: Synthetic text of section 97201.', 'bill AB 9204: Cites Sections 97200 through 97300, which include it.']);
    expect(await found('97201', { session: '2025-26' })).to.deep.equal(['bill AB 9204: Cites Sections 97200 through 97300, which include it.']);
    expect(await found('98100')).to.deep.equal(['section GOV/98100: Synthetic text of section 98100.']);
    expect((await found('97200')).map((r) => r.slice(0, 12))).to.deep.equal(['section GOV/', 'bill AB 9202', 'bill AB 9204']);
    // A section the database lacks that only a range holds: found by its code and number, with the bill.
    expect(await found('GOV 97250')).to.deep.equal(['section GOV/97250: Not in the database; 1 bill touches it.', 'bill AB 9204: Cites Sections 97200 through 97300, which include it.']);
    // By its bare number too: no code holds it, so every code's ranges are read.
    expect(await found('97250')).to.deep.equal(['section GOV/97250: Not in the database; 1 bill touches it.', 'bill AB 9204: Cites Sections 97200 through 97300, which include it.']);
    expect((await sectionReport(db, 'GOV', '97250'))?.bills.map((b) => `${b.measure} ${b.relation} ${JSON.stringify(b.range)}`)).to.deep.equal(['AB 9204 cites {"from":"97200","through":"97300"}']);
  });
  it('should list a bill that cites a range of sections on the page of each section between its ends, and one that overrides them as overriding it', async () => {
    const rangeOf = async (number: string) =>
      (await sectionReport(db, 'GOV', number))?.bills.filter((b) => b.measure === 'AB 9204').map((b) => `${relationWord(b)} ${b.override ?? '-'} ${JSON.stringify(b.range ?? null)} ${b.url}`);
    const overrides = 'overrides notwithstanding {"from":"97100","through":"97101"} /bills/ca-20252026-0-ab9204';
    // 97100.5 between the ends; each end a citation of its own (the first keeps the range).
    expect(await rangeOf('97100.5')).to.deep.equal([overrides]);
    expect(await rangeOf('97100')).to.deep.equal([overrides]);
    expect(await rangeOf('97101')).to.deep.equal(['overrides notwithstanding null /bills/ca-20252026-0-ab9204']);
    expect(await rangeOf('97201')).to.deep.equal(['cites - {"from":"97200","through":"97300"} /bills/ca-20252026-0-ab9204']);
    // Outside them: another division's section; a section after the last.
    expect(await rangeOf('98100')).to.deep.equal([]);
    expect(await rangeOf('97300.5')).to.deep.equal(undefined);
    // On the bill's page, each range by its ends.
    const report = await billReport(db, 'ca-20252026-0-ab9204');
    expect(report?.sections.map((s) => `${s.relation} ${s.name}${s.override ? ` ${s.override}` : ''}`)).to.deep.equal([
      'cites Government Code §§ 97100 through 97101 notwithstanding',
      'cites Government Code § 97101 notwithstanding',
      'cites Government Code §§ 97200 through 97300',
      'cites Government Code § 97300',
      'adds Government Code § 97500',
    ]);
    // The section's page says what holds it, in the notes of an override and of a citation.
    const html = loadViews().render('section', sectionModel((await sectionReport(db, 'GOV', '97201'))!));
    expect(html).to.include('Sections 97200 through 97300, which include it');
    const overridden = loadViews().render('section', sectionModel((await sectionReport(db, 'GOV', '97100.5'))!));
    expect(overridden).to.include('notwithstanding Sections 97100 through 97101, which include it');
    expect(overridden).to.include('notwithstanding Chapter 97.5, which holds it');
    // A range repealed: on each section between its ends, linked to the bill (it prints none of them); on
    // the section it begins with, which the bill names, to the comparison with current law.
    const repeal = async (number: string) => (await sectionReport(db, 'GOV', number))?.bills.filter((b) => b.measure === 'AB 9205').map((b) => `${b.relation} ${JSON.stringify(b.range ?? null)} ${b.url.replace(/\?.*/, '?…')}`);
    expect(await repeal('97100.5')).to.deep.equal(['repeals {"from":"97100","through":"97101"} /bills/ca-20252026-0-ab9205']);
    expect(await repeal('97100')).to.deep.equal(['repeals {"from":"97100","through":"97101"} /compare?…']);
    expect(await repeal('97101')).to.deep.equal(['repeals null /compare?…']);
    expect(loadViews().render('section', sectionModel((await sectionReport(db, 'GOV', '97100.5'))!))).to.include('Sections 97100 through 97101, which include it');
    // The bill's page names each range once, for both its ends.
    const page = loadViews().render('bill', billModel(report!));
    const text = page.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).to.include('overrides Government Code §§ 97100 through 97101 · notwithstanding them');
    expect(text).to.include('Also cites Government Code §§ 97200 through 97300.');
    expect(text).not.to.include('§ 97101,');
  });
  it('should count a bill that repeals a whole unit among the bills on each section of it that the session’s bills touch', async () => {
    const report = await db.sessionReport('ca', '20252026-0');
    const contested = report.contested.map(
      (s) => `${s.section}: ${s.bills.map((b) => `${b.measure} ${b.relation}${b.unit ? ` ${b.unit}` : ''}${b.through ? ` ${b.range_from} through ${b.through}` : ''}`).join(', ')}`,
    );
    // 97100.5: amended by AB 9203, in the chapter AB 9201 repeals, and between the ends of the range AB 9205
    // repeals; 97100 and 97101, the range's ends, in the chapter.
    expect(contested).to.deep.equal([
      '97100.5: AB 9203 amends, AB 9201 repeals Chapter 97.5, AB 9205 repeals 97100 through 97101',
      '97100: AB 9201 repeals Chapter 97.5, AB 9205 repeals 97100 through 97101',
      '97101: AB 9205 repeals, AB 9201 repeals Chapter 97.5',
    ]);
    expect(report.mostAmended.map((s) => `${s.section} ${s.bills.length}`)).to.deep.equal(['97100.5 3', '97100 2', '97101 2', '97300 1', '97400 1', '97500 1']);
    // On the session's page: the unit named, and no comparison of the section with a bill that prints none of it.
    const html = loadViews().render('session', await sessionModel(db, 'ca', '20252026-0'));
    const card = (measure: string) => new RegExp(`<div class="bill-card"><p><a href="[^"]*" class="measure">${measure}</a>.*?</div>`).exec(html)?.[0];
    expect(card('AB 9201')).to.equal(
      '<div class="bill-card"><p><a href="/bills/ca-20252026-0-ab9201" class="measure">AB 9201</a> repeals <span class="muted">the whole of Chapter 97.5, which holds it</span></p><p class="btitle">Synthetic bill 9201.</p><p class="muted">Introduced, January 5, 2026 · In Committee Process</p></div>',
    );
    expect(card('AB 9203')).to.include('compare with current law');
    // A range repealed: named, and no comparison of a section between its ends.
    expect(card('AB 9205')).to.equal(
      '<div class="bill-card"><p><a href="/bills/ca-20252026-0-ab9205" class="measure">AB 9205</a> repeals <span class="muted">Sections 97100 through 97101, which include it</span></p><p class="btitle">Synthetic bill 9205.</p><p class="muted">Introduced, January 5, 2026 · In Committee Process</p></div>',
    );
  });
});
