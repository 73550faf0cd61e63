/**
 * Bills found by their short titles ("This Act may be cited as the “CARES Act”"): read from each
 * version at import, looked up by a search's words, and named on the bill's page.
 *
 * The bundled bills carry three real short titles: SB 54 (2017) "This chapter shall be known, and may
 * be cited, as the California Values Act"; H.R. 1058 (116th Congress) "the “Autism Collaboration,
 * Accountability, Research, Education, and Support Act of 2019” or the “Autism CARES Act of 2019”";
 * H.R. 766 (114th Congress), in two versions, "the ''Financial Institution Customer Protection Act of
 * 2015''" (bills/SOURCES.md). AB 9401 of 2025–26 and its Synthetic Widget Act, written here at test
 * time, are SYNTHETIC: no such bill or act exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { importPaths } from '../../src/import/index.js';
import { initialisms, initialsQuery, nameKeys } from '../../src/store/named.js';
import { billReport, namedJson, namedNote, sectionReport } from '../../src/store/reports.js';
import { sectionModel } from '../../src/server/database-pages.js';
import { loadViews } from '../../src/server/views.js';
import type { Database } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { billsPath } from '../helpers/paths.js';
import { describeBackends } from './backends.js';

describe('store/named', () => {
  it('should find a name by its spellings: without “the”, without its year, without “Act” where two words are left, and by a person’s or its sponsors’ surnames', () => {
    expect(nameKeys('Autism CARES Act of 2019')).to.deep.equal(['autism cares act of 2019', 'autism cares act', 'autism cares']);
    expect(nameKeys('Further Consolidated Appropriations Act, 2020')).to.deep.equal(['further consolidated appropriations act 2020', 'further consolidated appropriations act', 'further consolidated appropriations']);
    expect(nameKeys('CARES Act')).to.deep.equal(['cares act']);
    // An act named for a person, by the surname alone, as it is called ("the Brown Act"); not a name that only begins with one.
    expect(nameKeys('Ralph M. Brown Act')).to.deep.equal(['ralph m brown act', 'ralph m brown', 'brown act']);
    expect(nameKeys('Elijah E. Cummings Lower Drug Costs Now Act')).to.deep.equal(['elijah e cummings lower drug costs now act', 'elijah e cummings lower drug costs now']);
    // An act named for its sponsors, by their surnames ("the Dodd-Frank Act"); not one named by them alone.
    expect(nameKeys('Dodd-Frank Wall Street Reform and Consumer Protection Act')).to.deep.equal(['dodd frank wall street reform and consumer protection act', 'dodd frank wall street reform and consumer protection', 'dodd frank act']);
    expect(nameKeys('the Bagley-Keene Open Meeting Act')).to.deep.equal(['bagley keene open meeting act', 'bagley keene open meeting', 'bagley keene act']);
    expect(nameKeys('Gramm-Leach-Bliley Act')).to.deep.equal(['gramm leach bliley act', 'gramm leach bliley']);
    expect(nameKeys('Self-determination Reauthorization Act of 2007')).to.deep.equal(['self determination reauthorization act of 2007', 'self determination reauthorization act', 'self determination reauthorization']);
    expect(nameKeys('America’s Small Business Tax Relief Act of 2015')).to.deep.equal(['america s small business tax relief act of 2015', 'america s small business tax relief act', 'america s small business tax relief']);
  });

  it('should call an act by its initials, with its small words or without, with its year or without, three letters in capitals only', () => {
    // Real short titles of the federal sample (../shared/corpus/us/bills: H.R. 3080 and S. 2062 of the 113th and 110th Congresses, H.R. 1927 and H.R. 2029 of the 114th).
    expect(initialisms('Water Resources Reform and Development Act of 2014')).to.deep.equal(['WRRDA', 'WRRDA 2014']);
    expect(initialisms('Native American Housing Assistance and Self-Determination Reauthorization Act of 2007')).to.deep.equal(['NAHASDRA', 'NAHASDRA 2007']);
    expect(initialisms('Fairness in Class Action Litigation Act of 2015')).to.deep.equal(['FCALA', 'FCALA 2015', 'FICALA', 'FICALA 2015']);
    expect(initialisms('Consolidated Appropriations Act, 2016')).to.deep.equal(['CAA', 'CAA 2016']);
    expect(initialisms('the California Values Act')).to.deep.equal(['CVA']);
    // A name with a word in capitals, one named for a person, one of two words, one not ending in "Act": none.
    for (const none of ['Autism CARES Act of 2019', 'Ralph M. Brown Act', 'Tax Act', 'Act of 2015', 'Pathway for SGR Reform Act of 2013', 'Water Resources Reform and Development'])
      expect(initialisms(none), none).to.deep.equal([]);
    expect(['WRRDA', 'the WRRDA', '“WRRDA”', 'WRRDA of 2014', 'WRRDA, 2014', 'wrrda', 'Wrrda 2014', 'the SPACE Act', 'CAA 2016', 'ADA'].map(initialsQuery)).to.deep.equal([
      'WRRDA',
      'WRRDA',
      'WRRDA',
      'WRRDA 2014',
      'WRRDA 2014',
      'WRRDA',
      'WRRDA 2014',
      'SPACEA',
      'CAA 2016',
      'ADA',
    ]);
    // Three letters in small letters, two letters, or other words: not initials.
    for (const none of ['ada', 'tax', 'PC', 'AB 1656', 'WRRDA amendments', 'WRRDA 14']) expect(initialsQuery(none), none).to.equal(undefined);
  });
});

describeBackends('store: bills found by their short titles', (backend) => {
  let db: Database;
  let tmp = '';
  before(async () => {
    db = await backend().open();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-names-'));
    await importPaths(db, [billsPath()]);
  });
  after(async () => {
    await db?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const named = async (query: string) =>
    (await db.named(query, await db.generation())).map((n) => (n.kind === 'bill' ? `${n.measure} (${n.session}): ${n.name}` : n.kind === 'code' ? `code ${n.code}: ${n.name}, ${n.sections}` : `${n.code} ${n.number}: ${n.name}`));

  it('should find a bill by any of its names, however typed, each bill once', async () => {
    expect(await named('California Values Act')).to.deep.equal(['SB 54 (20172018-0): California Values Act']);
    expect(await named('  the CALIFORNIA values act ')).to.deep.equal(['SB 54 (20172018-0): California Values Act']);
    expect(await named('“Autism CARES Act”')).to.deep.equal(['H.R. 1058 (116): Autism CARES Act of 2019']);
    expect(await named('autism collaboration, accountability, research, education, and support act of 2019')).to.deep.equal([
      'H.R. 1058 (116): Autism Collaboration, Accountability, Research, Education, and Support Act of 2019',
    ]);
    // Two versions give it: one bill.
    expect(await named('Financial Institution Customer Protection Act')).to.deep.equal(['H.R. 766 (114): Financial Institution Customer Protection Act of 2015']);
    for (const none of ['cares', 'act', 'California', 'AB 1656', 'x'.repeat(201)]) expect(await named(none), none).to.deep.equal([]);
  });

  it('should find a bill by its act’s initials, three letters in capitals only, with its year or without', async () => {
    for (const query of ['FICPA', 'the FICPA', 'FICPA 2015', 'FICPA of 2015', 'ficpa']) expect(await named(query), query).to.deep.equal(['H.R. 766 (114): Financial Institution Customer Protection Act of 2015']);
    expect(await named('CVA')).to.deep.equal(['SB 54 (20172018-0): California Values Act']);
    for (const none of ['cva', 'FICPA 2016', 'FICP', 'ACARES']) expect(await named(none), none).to.deep.equal([]);
    // From billdiff search, as a name is.
    expect((await runCli(['search', 'FICPA'], { env: backend().env })).stdout.split('\n')[0]).to.equal('named\tus-114-hr766\tH.R. 766 (114th Congress): Financial Institution Customer Protection Act of 2015');
  });

  it('should give a bill’s short titles on its report, in the order its versions give them', async () => {
    expect((await billReport(db, 'us-116-hr1058'))!.shortTitles).to.deep.equal(['Autism Collaboration, Accountability, Research, Education, and Support Act of 2019', 'Autism CARES Act of 2019']);
    expect((await billReport(db, 'ca-20172018-0-sb54'))!.shortTitles).to.deep.equal(['California Values Act']);
    expect((await billReport(db, 'ca-20252026-0-ab1656'))!.shortTitles).to.deep.equal([]);
  });

  it('should read a version’s and a law section’s names again when their texts change, and keep no name they no longer give', async () => {
    const write = (bill: string, law: string) => {
      fs.writeFileSync(path.join(tmp, 'ab9401.txt'), bill);
      fs.writeFileSync(path.join(tmp, 'gov99950.txt'), law);
      const entries = [
        { id: 'synthetic-ab9401-introduced', file: 'ab9401.txt', kind: 'bill', jurisdiction: 'California', session: '2025–26 Regular Session', measure: 'AB 9401', title: 'AB 9401 — Synthetic widgets', stage: 'Introduced', date: '2026-02-01' },
        { id: 'synthetic-gov-99950', file: 'gov99950.txt', kind: 'statute', jurisdiction: 'California', code: 'Government Code', section: '99950', title: 'Government Code § 99950 (current law)', stage: 'Current law' },
      ];
      fs.writeFileSync(path.join(tmp, 'index.json'), JSON.stringify({ documents: entries }));
    };
    write('SECTION 1. This act shall be known and may be cited as the Synthetic Widget Act.\nSEC. 2. Widgets shall be synthetic.\n', '99950. This chapter shall be known as the Synthetic Open Meeting Act.\n');
    await importPaths(db, [tmp]);
    expect(await named('Synthetic Widget Act')).to.deep.equal(['AB 9401 (20252026-0): Synthetic Widget Act']);
    expect(await named('the synthetic open meeting act')).to.deep.equal(['GOV 99950: Synthetic Open Meeting Act']);
    expect((await sectionReport(db, 'GOV', '99950'))!.shortTitles).to.deep.equal(['Synthetic Open Meeting Act']);
    expect(loadViews().render('section', sectionModel((await sectionReport(db, 'GOV', '99950'))!)!)).to.contain('<p class="short-titles">Short title: “Synthetic Open Meeting Act”.</p>');
    expect((await runCli(['section', 'GOV 99950'], { env: backend().env })).stdout.split('\n').slice(0, 2)).to.deep.equal(['Government Code § 99950', 'Short title: “Synthetic Open Meeting Act”']);
    write('SECTION 1. This act shall be known and may be cited as the Synthetic Widget Safety Act.\nSEC. 2. Widgets shall be synthetic and safe.\n', '99950. This chapter shall be known as the Synthetic Open Meetings Act.\n');
    await importPaths(db, [tmp]);
    expect(await named('Synthetic Widget Safety Act')).to.deep.equal(['AB 9401 (20252026-0): Synthetic Widget Safety Act']);
    expect(await named('Synthetic Widget Act')).to.deep.equal([]);
    expect(await named('Synthetic Open Meetings Act')).to.deep.equal(['GOV 99950: Synthetic Open Meetings Act']);
    expect(await named('Synthetic Open Meeting Act')).to.deep.equal([]);
    expect((await billReport(db, 'ca-20252026-0-ab9401'))!.shortTitles).to.deep.equal(['Synthetic Widget Safety Act']);
    // A section that gives no name any more is out of the index on the named sections.
    write('SECTION 1. Widgets shall be synthetic.\n', '99950. Meetings shall be open.\n');
    await importPaths(db, [tmp]);
    expect([await named('Synthetic Widget Safety Act'), await named('Synthetic Open Meetings Act')]).to.deep.equal([[], []]);
    expect(await db.dialect.all("SELECT names FROM law_sections WHERE code = 'GOV' AND number = '99950'")).to.deep.equal([{ names: null }]);
    expect((await sectionReport(db, 'GOV', '99950'))!.shortTitles).to.deep.equal([]);
  });

  it('should name a code the database holds sections of, by its name, a U.S. Code title or its abbreviation in capitals, before the rest', async () => {
    // The bundle holds Penal Code § 1050; GOV 99950 and 99951 come in the tests before this one.
    for (const query of ['Penal Code', 'penal code', 'Cal. Penal Code', 'Pen. Code', 'PEN', 'PC']) expect(await named(query), query).to.deep.equal(['code PEN: Penal Code, 1']);
    // A code's name without "Code", its abbreviation in small letters: the words only. A code of no section held: none.
    for (const query of ['penal', 'pen', 'pc', 'Education Code', '54 U.S.C.', 'title 54', 'GOV 7284.6']) expect(await named(query), query).to.deep.equal([]);
    expect(await named('Government Code')).to.deep.equal(['code GOV: Government Code, 1']);
    // Its link and its words on the search page, in the API and from billdiff search.
    const [pen] = await db.named('PEN', await db.generation());
    expect([namedJson(pen!), namedNote(pen!)]).to.deep.equal([{ kind: 'code', name: 'Penal Code', id: 'PEN', sections: 1, title: 'Penal Code', url: '/codes/PEN' }, ' (1 section in the database)']);
    expect((await runCli(['search', 'Penal Code'], { env: backend().env })).stdout.split('\n')[0]).to.equal('code\tPEN\tPenal Code (1 section in the database)');
  });

  it('should name a law section before the bills, each under the name it gives', async () => {
    // Synthetic: a section and a bill that give the same name.
    fs.writeFileSync(path.join(tmp, 'gov99951.txt'), '99951. This chapter shall be known as the Synthetic Twin Act.\n');
    fs.writeFileSync(path.join(tmp, 'ab9402.txt'), 'SECTION 1. This act shall be known as the Synthetic Twin Act of 2026.\n');
    fs.writeFileSync(
      path.join(tmp, 'index.json'),
      JSON.stringify({
        documents: [
          { id: 'synthetic-ab9402-introduced', file: 'ab9402.txt', kind: 'bill', jurisdiction: 'California', session: '2025–26 Regular Session', measure: 'AB 9402', title: 'AB 9402 — Synthetic twins', stage: 'Introduced', date: '2026-02-02' },
          { id: 'synthetic-gov-99951', file: 'gov99951.txt', kind: 'statute', jurisdiction: 'California', code: 'Government Code', section: '99951', title: 'Government Code § 99951 (current law)', stage: 'Current law' },
        ],
      }),
    );
    await importPaths(db, [tmp]);
    expect(await named('Synthetic Twin Act')).to.deep.equal(['GOV 99951: Synthetic Twin Act', 'AB 9402 (20252026-0): Synthetic Twin Act of 2026']);
  });
});
