/**
 * A bill's page names, beside each section it amends or repeals, the other pending bills whose latest
 * versions amend or repeal it too (where one would chapter out the other unless they are
 * double-jointed), at most three, saying when there are more, with their instructions applied in turn.
 * The tables, lobs and texts are SYNTHETIC, written here at test time in the layout of the
 * Legislature's pubinfo tables: AB 9301 to AB 9308 of 2025–26 and Government Code §§ 97600 and 97700
 * do not exist, nor does any of their text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { importPaths } from '../../src/import/index.js';
import { billModel } from '../../src/server/database-pages.js';
import { loadViews } from '../../src/server/views.js';
import { Contests, type PendingTouch } from '../../src/store/contests.js';
import { billReport } from '../../src/store/reports.js';
import type { Database } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { describeBackends, importedSet } from './backends.js';

const q = (value: string) => `\`${value}\``;

/** A LAW_SECTION_TBL line (18 fields) and its lob's name. */
const LAW_SECTION = (number: string, lob: string) =>
  [
    q(`GOV${number}.2025001`), q('GOV'), q(`${number}.`), q('2025'), q('1'), q('1'), '2026-01-01 00:00:00', q(`id_synthetic_${number}`),
    q('97.'), q('9.'), 'NULL', q('97.5.'), 'NULL', q('Added by Stats. 2025, Ch. 1, Sec. 1. (synthetic)'), lob, q('Y'), q('LEG_ESI'), '2026-01-01 00:00:00',
  ].join('\t');
const BILL = (n: number, status = 'In Committee Process') =>
  `\`202520260AB${n}\`\t\`20252026\`\t\`0\`\t\`AB\`\t${n}\t\`Introduced\`\tNULL\tNULL\tNULL\tNULL\tNULL\t\`Y\`\t\`LEG_ESI\`\tNULL\tNULL\tNULL\t\`Assembly\`\t${q(status)}\tNULL`;
const VERSION = (n: number, num: number, stage: string, date: string) =>
  `\`20250AB${n}${num}${stage === 'Introduced' ? 'INT' : 'AMD'}\`\t\`202520260AB${n}\`\t${num}\t${date} 00:00:00\t${q(stage)}\tNULL\t\`Synthetic bill ${n}.\`\t\`Majority\`\t\`No\`\t\`No\`\t\`No\`\tNULL\t\`No\`\t\`No\`\tBILL_VERSION_TBL_${n}${num}.lob\t\`Y\`\t\`LEG_ESI\`\t${date} 00:00:00`;
/** A bill that amends or repeals the sections given, each in a section of its own. */
const MEASURE = (touches: Array<[string, 'amended' | 'repealed']>) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<caml:MeasureDoc xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#"><caml:Bill id="bill" xmlns="http://www.w3.org/1999/xhtml"><caml:Preamble>The people of the State of California do enact as follows:</caml:Preamble>${touches
    .map(([number, how], i) =>
      how === 'repealed'
        ? `<caml:BillSection id="s${i + 1}"><caml:Num>SEC. ${i + 1}.</caml:Num><caml:ActionLine>Section ${number} of the <caml:DocName>Government Code</caml:DocName> is repealed.</caml:ActionLine></caml:BillSection>`
        : `<caml:BillSection id="s${i + 1}"><caml:Num>SEC. ${i + 1}.</caml:Num><caml:ActionLine>Section ${number} of the <caml:DocName>Government Code</caml:DocName> is amended to read:</caml:ActionLine><caml:Fragment><caml:LawSection id="l${i + 1}"><caml:Num>${number}.</caml:Num><caml:LawSectionVersion id="v${i + 1}"><caml:Content><p>Synthetic text of section ${number}, as amended by a synthetic bill.</p></caml:Content></caml:LawSectionVersion></caml:LawSection></caml:Fragment></caml:BillSection>`,
    )
    .join('')}</caml:Bill></caml:MeasureDoc>`;

/**
 * AB 9301 amends 97600 and 97700. 97600: AB 9303 amends it, AB 9302 repeals it; AB 9304 amended it
 * when introduced but no longer does; AB 9305, chaptered, amends it. 97700: AB 9305 to AB 9308 amend
 * it, AB 9305 chaptered: three pending others, and AB 9303 in its latest version makes four.
 */
function writeSet(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const lines = ['97600', '97700'].map((number, i) => {
    fs.writeFileSync(path.join(dir, `LAW_SECTION_TBL_${i + 1}.lob`), `<caml:Content xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#"><p>Synthetic text of section ${number}.</p></caml:Content>`);
    return LAW_SECTION(number, `LAW_SECTION_TBL_${i + 1}.lob`);
  });
  fs.writeFileSync(path.join(dir, 'LAW_SECTION_TBL.dat'), `${lines.join('\n')}\n`);
  const bills: Array<[number, string | undefined, Array<[string, 'amended' | 'repealed']>, Array<[string, 'amended' | 'repealed']>?]> = [
    [9301, undefined, [['97600', 'amended'], ['97700', 'amended']]],
    [9302, undefined, [['97600', 'repealed']]],
    [9303, undefined, [['97600', 'amended']], [['97600', 'amended'], ['97700', 'amended']]],
    [9304, undefined, [['97600', 'amended']], [['97800', 'amended']]],
    [9305, 'Chaptered', [['97600', 'amended'], ['97700', 'amended']]],
    [9306, undefined, [['97700', 'amended']]],
    [9307, undefined, [['97700', 'amended']]],
    [9308, undefined, [['97700', 'amended']]],
  ];
  const versions: string[] = [];
  for (const [n, , introduced, amended] of bills) {
    versions.push(VERSION(n, 99, 'Introduced', '2026-01-05'));
    fs.writeFileSync(path.join(dir, `BILL_VERSION_TBL_${n}99.lob`), MEASURE(introduced));
    if (amended) {
      versions.push(VERSION(n, 98, 'Amended Assembly', '2026-03-05'));
      fs.writeFileSync(path.join(dir, `BILL_VERSION_TBL_${n}98.lob`), MEASURE(amended));
    }
  }
  fs.writeFileSync(path.join(dir, 'BILL_TBL.dat'), `${bills.map(([n, status]) => BILL(n, status)).join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL.dat'), `${versions.join('\n')}\n`);
}

describe('store/contests', () => {
  const touch = (measure: string, section: string, relation: PendingTouch['relation'] = 'amends'): PendingTouch => {
    const [type, number] = measure.split(' ') as [string, string];
    return { code: 'GOV', section, relation, bill_id: `ca-20252026-0-${type.toLowerCase()}${number}`, measure, measure_type: type, measure_num: Number(number), version_id: `v-${number}`, corpus_id: null };
  };
  it('should keep each bill once (as amending where it also repeals), by type and number, and only sections two or more bills touch', () => {
    const contests = new Contests([touch('AB 10', '1'), touch('SB 2', '1'), touch('AB 2', '1', 'repeals'), touch('AB 2', '1'), touch('AB 3', '2')]);
    expect(contests.othersOf('GOV', '1', 'ca-20252026-0-sb2')).to.deep.equal({ bills: [touch('AB 2', '1'), touch('AB 10', '1')], more: false });
    expect(contests.othersOf('GOV', '1', 'ca-20252026-0-ab99')!.bills.map((b) => b.measure)).to.deep.equal(['AB 2', 'AB 10', 'SB 2']);
    expect(contests.othersOf('GOV', '2', 'ca-20252026-0-ab3')).to.equal(undefined);
    expect(contests.othersOf('PEN', '1', 'ca-20252026-0-ab3')).to.equal(undefined);
    const many = new Contests(['AB 1', 'AB 2', 'AB 3', 'AB 4', 'AB 5'].map((m) => touch(m, '1')));
    expect(many.othersOf('GOV', '1', 'ca-20252026-0-ab1')).to.deep.include({ more: true });
    expect(many.othersOf('GOV', '1', 'ca-20252026-0-ab1')!.bills.map((b) => b.measure)).to.deep.equal(['AB 2', 'AB 3', 'AB 4']);
    expect(many.othersOf('GOV', '1', 'ca-20252026-0-ab9')).to.deep.include({ more: true });
  });
});

describeBackends('store: the other pending bills that would change a section a bill amends', (backend) => {
  let db: Database;
  let tmp: string;
  const set = importedSet(backend, 'billdiff-others-', writeSet);
  before(() => {
    db = set.db();
    tmp = set.tmp();
  });

  const othersOf = async (id: string) =>
    Object.fromEntries(
      (await billReport(db, id))!.sections.map((s) => [
        `${s.relation} ${s.code} ${s.section}`,
        { others: s.otherPending?.map((b) => `${b.measure} ${b.relation} ${b.url}`), more: s.otherPendingMore, inTurn: s.inTurnUrl },
      ]),
    );

  it('should name, by type and number, the pending bills whose latest versions amend or repeal it too, with this bill’s and theirs applied in turn', async () => {
    const others = await othersOf('ca-20252026-0-ab9301');
    // AB 9304 no longer touches 97600; AB 9305 is chaptered. The repeal is named but not applied.
    expect(others['amends GOV 97600']).to.deep.equal({
      others: ['AB 9302 repeals /bills/ca-20252026-0-ab9302', 'AB 9303 amends /bills/ca-20252026-0-ab9303'],
      more: undefined,
      inTurn: '/compare?mode=apply&old=law%3AGOV%3A97600&new=ver%3A20250AB930199INT%2Cver%3A20250AB930398AMD',
    });
    // Four others: the first three by number, and the page says there are more.
    expect(others['amends GOV 97700']).to.deep.equal({
      others: ['AB 9303 amends /bills/ca-20252026-0-ab9303', 'AB 9306 amends /bills/ca-20252026-0-ab9306', 'AB 9307 amends /bills/ca-20252026-0-ab9307'],
      more: true,
      inTurn: '/compare?mode=apply&old=law%3AGOV%3A97700&new=ver%3A20250AB930199INT%2Cver%3A20250AB930398AMD%2Cver%3A20250AB930699INT%2Cver%3A20250AB930799INT',
    });
    // A repeal has the others too; a bill no longer pending names them, with nothing applied in turn.
    expect((await othersOf('ca-20252026-0-ab9302'))['repeals GOV 97600']).to.deep.equal({
      others: ['AB 9301 amends /bills/ca-20252026-0-ab9301', 'AB 9303 amends /bills/ca-20252026-0-ab9303'],
      more: undefined,
      inTurn: undefined,
    });
    expect((await othersOf('ca-20252026-0-ab9305'))['amends GOV 97600']!.inTurn).to.equal(undefined);
    expect((await othersOf('ca-20252026-0-ab9305'))['amends GOV 97600']!.others).to.have.length(3);
    // A section no other pending bill touches: nothing named.
    expect((await othersOf('ca-20252026-0-ab9304'))['amends GOV 97800']).to.deep.equal({ others: undefined, more: undefined, inTurn: undefined });
  });

  it('should show them on the bill’s page under the section, linked, escaped, with “and more” pointing to the section’s page', async () => {
    const views = loadViews();
    const html = views.render('bill', billModel((await billReport(db, 'ca-20252026-0-ab9301'))!));
    expect(html).to.include(
      '<span class="rivals">Other pending bills that would change it: <a href="/bills/ca-20252026-0-ab9302">AB 9302</a> and <a href="/bills/ca-20252026-0-ab9303">AB 9303</a> · <a href="/compare?mode&#x3D;apply&amp;old&#x3D;law%3AGOV%3A97600&amp;new&#x3D;ver%3A20250AB930199INT%2Cver%3A20250AB930398AMD">apply both in turn</a></span>',
    );
    expect(html).to.include(
      '<span class="rivals">Other pending bills that would change it: <a href="/bills/ca-20252026-0-ab9303">AB 9303</a>, <a href="/bills/ca-20252026-0-ab9306">AB 9306</a>, <a href="/bills/ca-20252026-0-ab9307">AB 9307</a> and more (<a href="/sections/GOV/97700">all on its page</a>) · <a href="/compare?mode&#x3D;apply&amp;old&#x3D;law%3AGOV%3A97700&amp;new&#x3D;ver%3A20250AB930199INT%2Cver%3A20250AB930398AMD%2Cver%3A20250AB930699INT%2Cver%3A20250AB930799INT">apply them in turn</a></span>',
    );
  });

  it('should name them under the section in billdiff bill, with where to find them all', async () => {
    const { code, stdout } = await runCli(['bill', 'AB 9301'], { env: backend().env });
    expect(code).to.equal(0);
    const lines = stdout.split('\n');
    const at = lines.indexOf('Sections its latest version touches:');
    expect(lines.slice(at + 1, at + 3)).to.deep.equal(['  amends  Government Code § 97600', '          other pending bills that would change it: AB 9302, AB 9303']);
    expect(lines[at + 3]).to.equal('  amends  Government Code § 97700');
    expect(lines[at + 4]).to.equal('          other pending bills that would change it: AB 9303, AB 9306, AB 9307 and more (all: billdiff section "Government Code § 97700")');
  });

  it('should read them again after an import: a bill chaptered since is no longer named', async () => {
    // Read for this generation first, then AB 9302 chaptered by a daily file.
    expect((await othersOf('ca-20252026-0-ab9301'))['amends GOV 97600']!.others).to.have.length(2);
    const daily = path.join(tmp, 'daily');
    fs.mkdirSync(daily);
    fs.writeFileSync(path.join(daily, 'BILL_TBL.dat'), `${BILL(9302, 'Chaptered')}\n`);
    await importPaths(db, [daily], { start() {}, input() {}, advance() {}, problem() {}, stop() {} });
    expect(await othersOf('ca-20252026-0-ab9301')).to.deep.include({
      'amends GOV 97600': { others: ['AB 9303 amends /bills/ca-20252026-0-ab9303'], more: undefined, inTurn: '/compare?mode=apply&old=law%3AGOV%3A97600&new=ver%3A20250AB930199INT%2Cver%3A20250AB930398AMD' },
    });
  });
});
