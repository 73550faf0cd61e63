/**
 * Double-jointing: two pending bills that amend one section would chapter each other out, unless one
 * incorporates the other's amendments ("Section 1.5 of this bill incorporates amendments to Section
 * 97100 of the Government Code proposed by both this bill and Assembly Bill 9301."). The import reads
 * that sentence (src/import/double-joints.ts); the session, bill and section pages, the API and the CLI
 * say so. The tables, lobs and texts of the store suite are SYNTHETIC, written here at test time in the
 * layout of the Legislature's pubinfo tables: AB 9301 to AB 9303 and SB 9309 of 2025–26 and Government
 * Code § 97100 do not exist, nor does any of their text. The last test reads a real chaptered bill, AB
 * 557 of 2023 (Stats. 2023, ch. 534), from ../shared/corpus/ca-pubinfo/sec54953.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { doubleJoints } from '../../src/import/double-joints.js';
import { analyzeVersion } from '../../src/import/analyze.js';
import { importPaths } from '../../src/import/index.js';
import { billModel, sectionFeedModel, sectionModel, sessionModel } from '../../src/server/database-pages.js';
import { loadViews } from '../../src/server/views.js';
import { billReport, sectionReport } from '../../src/store/reports.js';
import type { Database } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { describeBackends, importedSet, sqliteBackend } from './backends.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const q = (value: string) => `\`${value}\``;
const BILL = (n: number) =>
  `\`202520260AB${n}\`\t\`20252026\`\t\`0\`\t\`AB\`\t${n}\t\`Introduced\`\tNULL\tNULL\tNULL\tNULL\tNULL\t\`Y\`\t\`LEG_ESI\`\tNULL\tNULL\tNULL\t\`Assembly\`\t\`In Committee Process\`\tNULL`;
const VERSION = (n: number, lob: number) =>
  `\`20250AB${n}99INT\`\t\`202520260AB${n}\`\t99\t2026-01-05 00:00:00\t\`Introduced\`\tNULL\t\`Synthetic bill ${n}.\`\t\`Majority\`\t\`No\`\t\`No\`\t\`No\`\tNULL\t\`No\`\t\`No\`\tBILL_VERSION_TBL_${lob}.lob\t\`Y\`\t\`LEG_ESI\`\t2026-01-05 00:00:00`;
const LAW_SECTION = [
  q('GOV97100.2025001'), q('GOV'), q('97100.'), q('2025'), q('1'), q('1'), '2026-01-01 00:00:00', q('id_synthetic_97100'),
  q('97.'), q('9.'), 'NULL', q('97.5.'), 'NULL', q('Added by Stats. 2025, Ch. 1, Sec. 1. (synthetic)'), 'LAW_SECTION_TBL_1.lob', q('Y'), q('LEG_ESI'), '2026-01-01 00:00:00',
].join('\t');
const MEASURE = (sections: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<caml:MeasureDoc xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#"><caml:Bill id="bill" xmlns="http://www.w3.org/1999/xhtml"><caml:Preamble>The people of the State of California do enact as follows:</caml:Preamble>${sections}</caml:Bill></caml:MeasureDoc>`;
const AMEND = (num: string, words: string) =>
  `<caml:BillSection id="s${num}"><caml:Num>${num}</caml:Num><caml:ActionLine>Section 97100 of the <caml:DocName>Government Code</caml:DocName> is amended to read:</caml:ActionLine><caml:Fragment><caml:LawSection id="l${num}"><caml:Num>97100.</caml:Num><caml:LawSectionVersion id="v${num}"><caml:Content><p>${words}</p></caml:Content></caml:LawSectionVersion></caml:LawSection></caml:Fragment></caml:BillSection>`;
/** AB 9301 amends § 97100. */
const FIRST = MEASURE(AMEND('SECTION 1.', 'The synthetic department shall report each year.'));
/**
 * AB 9302 amends it too, and double-joints itself with AB 9301 and SB 9309 (not in the database): its
 * Section 1.5 carries their amendments as well.
 */
const SECOND = MEASURE(
  `${AMEND('SECTION 1.', 'The synthetic department shall report each quarter.')}${AMEND('SEC. 1.5.', 'The synthetic department shall report each quarter and each year.')}` +
    '<caml:BillSection id="s2"><caml:Num>SEC. 2.</caml:Num><caml:Content><p>Section 1.5 of this bill incorporates amendments to Section 97100 of the Government Code proposed by this bill, Assembly Bill 9301, and Senate Bill No. 9309. That section of this bill shall only become operative if (1) all three bills are enacted, (2) each bill amends Section 97100 of the Government Code, and (3) this bill is enacted last, in which case Section 1 of this bill shall not become operative.</p></caml:Content></caml:BillSection>',
);
/** AB 9303 amends § 97100 and joints with nobody. */
const THIRD = MEASURE(AMEND('SECTION 1.', 'The synthetic department shall report each month.'));

function writeSet(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'LAW_SECTION_TBL.dat'), `${LAW_SECTION}\n`);
  fs.writeFileSync(path.join(dir, 'LAW_SECTION_TBL_1.lob'), '<caml:Content xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#"><p>The synthetic department shall report.</p></caml:Content>');
  fs.writeFileSync(path.join(dir, 'BILL_TBL.dat'), `${BILL(9301)}\n${BILL(9302)}\n${BILL(9303)}\n`);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL.dat'), `${VERSION(9301, 1)}\n${VERSION(9302, 2)}\n${VERSION(9303, 3)}\n`);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL_1.lob'), FIRST);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL_2.lob'), SECOND);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL_3.lob'), THIRD);
}

describe('import/double-joints: the bills a version says it is double-jointed with (synthetic sentences)', () => {
  const read = (text: string) => Object.fromEntries([...doubleJoints(text)].map(([k, v]) => [k.replace('\u0000', ' '), v]));
  it('should read the body’s sentence: the sections, their code, and the other bills that propose amendments', () => {
    expect(read('Section 1.5 of this bill incorporates amendments to Section 97100 of the Government Code proposed by both this bill and Senate Bill 9309. That section …')).to.deep.equal({ 'GOV 97100': ['SB 9309'] });
    // Several sections; several bills, "No." among them (its period does not end the sentence).
    expect(read('Section 2.5 of this bill incorporates amendments to Sections 97100 and 97100.5 of the Penal Code proposed by this bill, Senate Bill No. 9309, and Assembly Bill 9301. It shall …')).to.deep.equal({
      'PEN 97100': ['AB 9301', 'SB 9309'],
      'PEN 97100.5': ['AB 9301', 'SB 9309'],
    });
  });
  it('should read the digest’s sentence, which names the bills as "SB 9309"', () => {
    expect(read('This bill would incorporate additional changes to Section 97100 of the Welfare and Institutions Code proposed by SB 9309 to be operative only if this bill and SB 9309 are enacted and this bill is enacted last.')).to.deep.equal({
      'WIC 97100': ['SB 9309'],
    });
  });
  it('should read nothing where no code section or no other bill is named', () => {
    // A section of the statutes, not of a code; no bill but this one; words that only cite amendments.
    expect(read('Section 1.5 of this bill incorporates amendments to Section 5 of Chapter 10 of the Statutes of 2020 proposed by this bill and Assembly Bill 9301.')).to.deep.equal({});
    expect(read('Section 1.5 of this bill incorporates amendments to Section 97100 of the Government Code proposed by this bill.')).to.deep.equal({});
    expect(read('The amendments to Section 97100 of the Government Code made by Assembly Bill 9301 are declaratory of existing law.')).to.deep.equal({});
  });
});

describeShared('import/double-joints: a real chaptered bill double-jointed with another (AB 557, Stats. 2023, ch. 534)', () => {
  it('should read that its Section 1.5 incorporates SB 537’s amendments of Government Code § 54953, on the section it amends', () => {
    const bytes = fs.readFileSync(sharedPath('corpus', 'ca-pubinfo', 'sec54953', '20230AB55795CHP.lob'));
    const sections = analyzeVersion(bytes, '20230AB55795CHP.lob', { first: true }).sections.filter((s) => s.code === 'GOV' && s.section === '54953');
    // Its Section 3 repeals another version of the section (as added by Stats. 2022, ch. 285): not double-jointed.
    expect(sections).to.deep.equal([
      { code: 'GOV', section: '54953', relation: 'amends', jointWith: ['SB 537'] },
      { code: 'GOV', section: '54953', relation: 'repeals' },
    ]);
  });
  it('should list it on the section’s page as amending it (it repeals only the version added by Stats. 2022, ch. 285), double-jointed with SB 537', async () => {
    const backend = await sqliteBackend();
    const db = await backend.open();
    try {
      await importPaths(db, [sharedPath('corpus', 'ca-pubinfo', 'sec54953')], { start() {}, input() {}, advance() {}, problem() {}, stop() {} });
      const bills = (await sectionReport(db, 'GOV', '54953'))!.bills.map((b) => [b.measure, b.relation, b.jointWith?.map((j) => j.measure) ?? []]);
      expect(bills).to.deep.equal([
        ['AB 2302', 'amends', []],
        ['AB 1754', 'amends', []],
        ['AB 557', 'amends', ['SB 537']],
      ]);
    } finally {
      await db.close();
      await backend.dispose();
    }
  });
});

describeBackends('store: bills double-jointed on a section two pending bills amend', (backend) => {
  let db: Database;
  const set = importedSet(backend, 'billdiff-joints-', writeSet);
  before(() => {
    db = set.db();
  });

  it('should keep the bills with the section the version amends', async () => {
    expect(await db.dialect.all("SELECT v.bill_id, vs.relation, vs.joint FROM version_sections vs JOIN versions v ON v.id = vs.version_id WHERE vs.code = 'GOV' AND vs.section = '97100' ORDER BY v.bill_id")).to.deep.equal([
      { bill_id: 'ca-20252026-0-ab9301', relation: 'amends', joint: null },
      { bill_id: 'ca-20252026-0-ab9302', relation: 'amends', joint: 'AB 9301, SB 9309' },
      { bill_id: 'ca-20252026-0-ab9303', relation: 'amends', joint: null },
    ]);
  });
  it('should give them in the bill’s and the section’s JSON, each linked where the database holds it', async () => {
    const joint = [{ measure: 'AB 9301', id: 'ca-20252026-0-ab9301', url: '/bills/ca-20252026-0-ab9301' }, { measure: 'SB 9309', id: 'ca-20252026-0-sb9309' }];
    const bill = await billReport(db, 'ca-20252026-0-ab9302');
    expect(bill?.sections.map((s) => ({ section: s.section, relation: s.relation, jointWith: s.jointWith }))).to.deep.equal([{ section: '97100', relation: 'amends', jointWith: joint }]);
    expect((await billReport(db, 'ca-20252026-0-ab9301'))?.sections[0]).to.not.have.property('jointWith');
    const section = await sectionReport(db, 'GOV', '97100');
    expect(section?.bills.map((b) => [b.measure, b.jointWith ?? null])).to.deep.equal([
      ['AB 9301', null],
      ['AB 9302', joint],
      ['AB 9303', null],
    ]);
  });
  it('should say so on the bill’s page, the section’s page and the session’s contested sections', async () => {
    const views = loadViews();
    const said =
      '<span class="joint" title="It incorporates their amendments of the section too: whichever is enacted last carries both, and neither chapters out the other">double-jointed with <a href="/bills/ca-20252026-0-ab9301">AB 9301</a> and SB 9309</span>';
    const bill = views.render('bill', billModel((await billReport(db, 'ca-20252026-0-ab9302'))!));
    expect(/<li><span class="relation r-amends">amends<\/span> .*?<\/li>/s.exec(bill)?.[0]).to.match(new RegExp(`compare with current law</a> · ${said.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n<span class="rivals">`));
    const section = views.render('section', sectionModel((await sectionReport(db, 'GOV', '97100'))!));
    expect(section).to.include(`<td><span class="relation r-amends">amends</span> ${said}</td>`);
    expect(section.split(said).length).to.equal(2);
    const session = views.render('session', await sessionModel(db, 'ca', '20252026-0'));
    const card = (measure: string) => new RegExp(`<div class="bill-card"><p><a href="[^"]*" class="measure">${measure}</a>.*?</p>`).exec(session)?.[0];
    expect(card('AB 9302')).to.equal(`<div class="bill-card"><p><a href="/bills/ca-20252026-0-ab9302" class="measure">AB 9302</a> amends ${said}</p>`);
    expect(card('AB 9301')).to.equal('<div class="bill-card"><p><a href="/bills/ca-20252026-0-ab9301" class="measure">AB 9301</a> amends</p>');
    // The section's feed, in its entry's summary.
    const feed = sectionFeedModel((await sectionReport(db, 'GOV', '97100'))!);
    expect(feed.entries.map((e) => e.summary.split(' · ')[0])).to.deep.equal(['amends', 'amends, double-jointed with AB 9301 and SB 9309', 'amends']);
  });
  it('should say so in billdiff bill and billdiff section', async () => {
    const bill = await runCli(['bill', 'AB 9302'], { env: backend().env });
    expect(bill.code).to.equal(0);
    const lines = bill.stdout.split('\n');
    const at = lines.indexOf('Sections its latest version touches:');
    expect(lines.slice(at + 1, at + 4)).to.deep.equal([
      '  amends  Government Code § 97100',
      '          double-jointed with AB 9301 and SB 9309',
      '          other pending bills that would change it: AB 9301, AB 9303',
    ]);
    const section = await runCli(['section', 'GOV 97100'], { env: backend().env });
    expect(section.stdout).to.include('\n  amends  AB 9302 (2025–26 Regular Session), double-jointed with AB 9301 and SB 9309, Introduced 2026-01-05 [introduced] — Synthetic bill 9302.\n');
  });
});
