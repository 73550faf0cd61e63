import fs from 'node:fs';
import { expect } from 'chai';
import { congressOf, enactedBill, federalDate, federalFacts } from '../../src/import/documents.js';
import { formatProblem, importPaths, type ImportProgress } from '../../src/import/index.js';
import { describeShared, sharedPath } from '../helpers/shared.js';
import { sqliteBackend } from '../store/backends.js';

/**
 * The metadata a govinfo file opens with, cut to the elements `federalFacts` reads. SYNTHETIC: made
 * here in the shape of the real files below; the titles are placeholders, not real bills' titles.
 */
function head({ title, citable = [], congress, stage }: { title?: string; citable?: string[]; congress?: string; stage?: string }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?><bill xmlns:dc="http://purl.org/dc/elements/1.1/"><meta>',
    title ? `<dc:title>${title}</dc:title>` : '',
    ...citable.map((c) => `<citableAs>${c}</citableAs>`),
    congress ? `<congress>${congress}</congress>` : '',
    stage ? `<docStage>${stage}</docStage>` : '',
    '</meta></bill>',
  ].join('\n');
}

/** The facts as one line: id, bill, stage, title. */
function facts(h: string, file: string): string {
  const f = federalFacts(h, file);
  if (typeof f === 'string') return f;
  return `${f.id} | ${f.bill.jurisdiction}-${f.bill.session}-${f.bill.type}${f.bill.number} | ${f.stage} | ${f.title ?? '-'}`;
}

describe('import/documents: a federal file’s bill, version and stage (synthetic metadata)', () => {
  it('should read the bill and version from the dc:title, with or without the version code', () => {
    expect(facts(head({ title: '116 HR 1058 RDS: A placeholder title.' }), 'x.xml')).to.equal('BILLS-116hr1058rds | us-116-HR1058 | Received in Senate | A placeholder title.');
    // A dc:title that gives the citation alone gives no title (not the citation as one: '', the bill keeps its own).
    expect(facts(head({ title: '114 S1523 EAH: ' }), 'x.xml')).to.equal('BILLS-114s1523eah | us-114-S1523 | Engrossed Amendment House | ');
    expect(facts(head({ title: '114 HRES 99 EH: ' }), 'x.xml')).to.equal('BILLS-114hres99eh | us-114-HRES99 | Engrossed in House | ');
    // The Senate's files: "116 S 2245 : …" gives no version; the file name S2245_IS.XML does.
    expect(facts(head({ title: '116 S 2245 : A placeholder title.', congress: '116' }), 'S2245_IS.XML')).to.equal('BILLS-116s2245is | us-116-S2245 | Introduced in Senate | A placeholder title.');
  });

  it('should settle a bill enrolled, and a simple resolution agreed to by its one house, as no longer pending', () => {
    const settled = (title: string, file = 'x.xml') => {
      const f = federalFacts(head({ title }), file);
      return typeof f === 'string' ? f : `${f.bill.type} ${f.stage}: ${f.bill.status ?? '-'}, ${f.bill.pending ?? '-'}`;
    };
    expect([
      settled('116 HR 9999 ENR: A placeholder title.'),
      settled('116 HCONRES 9999 ENR: A placeholder title.'),
      settled('114 HRES 99 EH: '),
      settled('116 SRES 9999 ATS: A placeholder title.'),
      // Not settled: a simple resolution introduced or reported, a bill or joint resolution engrossed in one house.
      settled('116 HRES 9999 RH: A placeholder title.'),
      settled('116 SRES 9999 IS: A placeholder title.'),
      settled('116 HR 9999 EH: A placeholder title.'),
      settled('116 HJRES 9999 EH: A placeholder title.'),
    ]).to.deep.equal([
      'HR Enrolled Bill: Enrolled, 0',
      'HCONRES Enrolled Bill: Enrolled, 0',
      'HRES Engrossed in House: Agreed to in House, 0',
      'SRES Agreed to Senate: Agreed to in Senate, 0',
      'HRES Reported in House: -, -',
      'SRES Introduced in Senate: -, -',
      'HR Engrossed in House: -, -',
      'HJRES Engrossed in House: -, -',
    ]);
  });

  it('should read an engrossed amendment’s ordinal from its citableAs or its file name, and keep it', () => {
    const amendments = head({ title: 'AMENDMENTS to 115 HR 1', citable: ['115 HR 1 EAS 2', '115hr1eas2', '115 H. R. 1 EAS 2'], stage: 'Engrossed Amendment Senate' });
    // Its title, "AMENDMENTS to 115 HR 1", is no title of the bill's: none given (the bill keeps its own).
    expect(facts(amendments, 'any-name.xml')).to.equal('BILLS-115hr1eas2 | us-115-HR1 | Engrossed Amendment Senate 2 | ');
    expect(facts(head({}), 'BILLS-115hr1eas2.xml')).to.equal('BILLS-115hr1eas2 | us-115-HR1 | Engrossed Amendment Senate 2 | -');
    // Its words name the bill's title: "to the bill (H.R. 1) entitled “An Act to …”" (USLM) or `<quote>` (bill.dtd).
    const entitled = (words: string) => amendments.replace('</meta>', `</meta><section><content>That the Senate recede from its amendment to the bill ${words}, with an amendment.</content></section>`);
    expect(facts(entitled('(H.R. 1) entitled “An Act to provide for a placeholder purpose.”'), 'x.xml')).to.equal('BILLS-115hr1eas2 | us-115-HR1 | Engrossed Amendment Senate 2 | To provide for a placeholder purpose.');
    expect(facts(head({ title: '114 S1523 EAH: ' }).replace('</meta>', '</meta><p>Resolved, That the bill from the Senate (S. 1523) entitled <quote>An Act to amend a placeholder Act, and for other purposes</quote>, do pass.</p>'), 'x.xml')).to.equal('BILLS-114s1523eah | us-114-S1523 | Engrossed Amendment House | To amend a placeholder Act, and for other purposes.');
    // Another bill's title is not taken: the parenthesis names a number of its own.
    expect(facts(entitled('(H.R. 2) entitled “An Act to provide for another placeholder.”'), 'x.xml')).to.equal('BILLS-115hr1eas2 | us-115-HR1 | Engrossed Amendment Senate 2 | ');
    expect(facts(head({}), 'BILLS-115hr1eas.xml')).to.equal('BILLS-115hr1eas | us-115-HR1 | Engrossed Amendment Senate | -');
  });

  it('should read the bill a law enacted from under its title ("[H.R. 1]"), and no other bill it cites', () => {
    const law = (title: string, text = '') => `<pLaw><meta><dc:title>Public Law 999–1: A placeholder.</dc:title></meta><main><longTitle><docTitle>An Act</docTitle><officialTitle>A placeholder.${title}</officialTitle></longTitle><section>${text}</section></main></pLaw>`;
    expect(enactedBill(law('<sidenote><p>[<ref href="/us/bill/119/hr/1">H.R. 1</ref>]</p></sidenote>'))).to.equal('us-119-hr1');
    expect(enactedBill(law('<sidenote><p>[<ref href="/us/bill/115/sjres/1">S.J. Res. 1</ref>]</p></sidenote>'))).to.equal('us-115-sjres1');
    // The text's own citations of bills are not its bill; nor is a reference of a kind that is no bill.
    expect(enactedBill(law('', '<ref href="/us/bill/119/hr/2">H.R. 2</ref>'))).to.equal(undefined);
    expect(enactedBill(law('<sidenote><p>[<ref href="/us/bill/119/xyz/1">X 1</ref>]</p></sidenote>'))).to.equal(undefined);
    const facts = federalFacts(law('<sidenote><p>[<ref href="/us/bill/119/hr/1">H.R. 1</ref>]</p></sidenote>'), 'PLAW-999publ1.xml');
    expect(typeof facts !== 'string' && facts.bill).to.deep.equal({ jurisdiction: 'us', session: '999', type: 'PL', number: 1, pending: 0, status: 'Public law', enacts: 'us-119-hr1' });
    // Its citation in the Statutes at Large, where a citableAs gives it.
    const cited = federalFacts(law('').replace('</dc:title>', '</dc:title><citableAs>Public Law 999–1</citableAs><citableAs>999 Stat. 12</citableAs>'), 'PLAW-999publ1.xml');
    expect(typeof cited !== 'string' && cited.bill.statute).to.equal('999 Stat. 12');
  });

  it('should date a version by its latest action, in its preface or at its end, else a law by its approval', () => {
    const bill = (preface: string, end = '') => [`<bill><form>${preface}</form><legis-body><section>On June 1, 2001, a placeholder.</section></legis-body>`, `${end}</bill>`];
    // bill.dtd: a reported bill's introduction, then its report; the text's own dates are not read.
    expect(federalDate(...bill('<action><action-date date="20150304">March 4, 2015</action-date></action><action><action-date date="20151023">October 23, 2015</action-date></action>'))).to.equal('2015-10-23');
    // An engrossed bill: passed, at its end.
    expect(federalDate(...bill('', '<attestation><attestation-group><attestation-date date="20160204" chamber="House">Passed the House of Representatives February 4, 2016.</attestation-date></attestation-group></attestation>'))).to.equal('2016-02-04');
    // USLM: a date attribute, or the date written out (with its small capitals), or a passage at the end.
    const uslm = (preface: string, end = '') => [`<bill><preface>${preface}</preface><main><section>Placeholder, dated <date date="2030-01-01">January 1, 2030</date>.</section></main>`, `${end}</bill>`];
    expect(federalDate(...uslm('<action><date date="2019-12-17">December 17, 2019.</date></action>'))).to.equal('2019-12-17');
    expect(federalDate(...uslm('<action><date>November 12, 2019.</date></action>'))).to.equal('2019-11-12');
    expect(federalDate(...uslm('<action><date><inline class="smallCaps">July </inline>25, 2019</date><actionDescription>Received</actionDescription></action>', '<attestation><action><actionDescription>Passed the House of Representatives </actionDescription><date date="2019-07-24">July 24, 2019</date>.</action></attestation>'))).to.equal('2019-07-25');
    // A law: approved, at its end, else its running head.
    expect(federalDate('<pLaw><meta></meta><main>Placeholder.</main>', '<action><actionDescription>Approved December 26, 2013.</actionDescription></action></pLaw>')).to.equal('2013-12-26');
    expect(federalDate('<bill><preface><action><date>February 30, 2019.</date></action></preface>')).to.equal(undefined);
    // Not a date the text quotes at its end.
    expect(federalDate('<pLaw><meta></meta><main>Placeholder.</main>', '<section>Approved March 3, 1933, a placeholder.</section></pLaw>')).to.equal(undefined);
    expect(federalDate('<?I50 PUBLIC LAW 113–67—DEC. 26, 2013?><pLaw><meta></meta>')).to.equal('2013-12-26');
    // The metadata's own date first; none where nothing is dated (an enrolled bill prints none).
    expect(federalDate('<bill><meta><dc:date>2020-02-02</dc:date></meta><preface><action><date date="2019-01-01">x</date></action></preface>')).to.equal('2020-02-02');
    expect(federalDate(...uslm(''))).to.equal(undefined);
  });

  it('should file public and private laws as laws of their Congress', () => {
    expect(facts(head({ title: 'Public Law 113-287: A placeholder title.' }), 'x.xml')).to.equal('PLAW-113publ287 | us-113-PL287 | Public Law | A placeholder title.');
    expect(facts(head({}), 'PLAW-113publ287.xml')).to.equal('PLAW-113publ287 | us-113-PL287 | Public Law | -');
    expect(facts(head({ title: 'Private Law 112–1: A placeholder title.', citable: ['Private Law 112–1'] }), 'x.xml')).to.equal('PLAW-112pvtl1 | us-112-PVTL1 | Private Law | A placeholder title.');
    expect(facts(head({}), '112pvtl001-uslm.xml')).to.equal('PLAW-112pvtl1 | us-112-PVTL1 | Private Law | -');
  });

  it('should read the House’s USLM: a dc:title with attributes and no Congress, the Congress in words', () => {
    const house = [
      '<bill xmlns:dc="http://purl.org/dc/elements/1.1/"><meta><dc:title pagenum="1"> HR 9999 ENR: A placeholder title.</dc:title>',
      '<property role="congress">One Hundred Sixteenth Congress of the United States of America</property></meta></bill>',
    ].join('');
    expect(facts(house, 'law.xml')).to.equal('BILLS-116hr9999enr | us-116-HR9999 | Enrolled Bill | A placeholder title.');
    const words = (w: string) => congressOf(`<property role="congress">${w} Congress of the United States of America</property>`);
    expect(['One Hundred Sixteenth', 'One Hundred Nineteenth', 'One Hundredth', 'Ninety-Ninth', 'Eighty-First', 'One Hundred Tenth'].map(words)).to.deep.equal(['116', '119', '100', '99', '81', '110']);
    expect(words('Sixteenth Annual')).to.equal(undefined);
    expect(congressOf('<congress>116th CONGRESS</congress>')).to.equal('116');
  });

  it('should refuse, saying what it looked for, a file that names no bill', () => {
    const reason = 'not a federal bill this import can name (no dc:title such as "116 HR 1058 RDS: …", no citableAs such as "115 HR 1 EAS 2", and no file name such as BILLS-116hr1058rds.xml)';
    expect(facts(head({ title: 'Rules Committee Print 114-4' }), 'CPRT-114-HPRT-RU00-HR50.xml')).to.equal(reason);
    // A bill named without its Congress: S2245_IS.XML with no <congress>.
    expect(facts(head({ title: 'A placeholder title.' }), 'S2245_IS.XML')).to.equal(reason);
  });
});

describeShared('import/documents: govinfo files the earlier import could not name (../shared/corpus/us/bills)', () => {
  const real = (file: string) => facts(fs.readFileSync(sharedPath('corpus', 'us', 'bills', file)).subarray(0, 16384).toString('utf8'), file.replace(/^.*\//, ''));

  it('should date the versions that print a date: 116 of the 136 bill and law versions (the 20 enrolled bills print none)', () => {
    const dated = (file: string) => {
      const bytes = fs.readFileSync(sharedPath('corpus', 'us', 'bills', file));
      return federalDate(bytes.subarray(0, 16384).toString('utf8'), bytes.subarray(-8192).toString('utf8'));
    };
    expect(
      ['116-hr1865/BILLS-116hr1865eas.xml', '116-hr1865/BILLS-116hr1865eah.xml', '114-hr1270/BILLS-114hr1270rh.xml', '116-hr1079/H1079_RS.XML', '116-hr1058/H1058_RDS.XML', '114-hr766/BILLS-114hr766eh.xml', '113-hjres59/113publ67-uslm.xml', '113-hjres59/113hjres59enr_good.xml'].map(dated),
    ).to.deep.equal(['2019-11-12', '2019-12-17', '2015-10-23', '2019-06-25', '2019-07-25', '2016-02-04', '2013-12-26', undefined]);
    // Every version of the folder: those left undated are the enrolled bills.
    const undated: string[] = [];
    let versions = 0;
    for (const dir of fs.readdirSync(sharedPath('corpus', 'us', 'bills'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of fs.readdirSync(sharedPath('corpus', 'us', 'bills', dir.name)).filter((f) => /\.xml$/i.test(f))) {
        const bytes = fs.readFileSync(sharedPath('corpus', 'us', 'bills', dir.name, file));
        const f = federalFacts(bytes.subarray(0, 16384).toString('utf8'), file, bytes.subarray(-8192).toString('utf8'));
        if (typeof f === 'string') continue;
        versions++;
        if (!f.date) undated.push(f.stage);
      }
    }
    expect({ versions, undated: undated.length, stages: [...new Set(undated)] }).to.deep.equal({ versions: 136, undated: 20, stages: ['Enrolled Bill'] });
  });

  it('should name 115 H.R. 1 EAS 2, 116 S. 2245 IS and Private Law 112-1', () => {
    // Its title from the words that cite the bill: "(H.R. 1) entitled “An Act to provide for reconciliation …”".
    expect(real('115-hr1/BILLS-115hr1eas2.xml')).to.equal(
      'BILLS-115hr1eas2 | us-115-HR1 | Engrossed Amendment Senate 2 | To provide for reconciliation pursuant to titles II and V of the concurrent resolution on the budget for fiscal year 2018.',
    );
    expect(real('116-hr1865/BILLS-116hr1865eas.xml')).to.equal(
      'BILLS-116hr1865eas | us-116-HR1865 | Engrossed Amendment Senate | To require the Secretary of the Treasury to mint a coin in commemoration of the opening of the National Law Enforcement Museum in the District of Columbia, and for other purposes.',
    );
    // Its version code is "indefinitely postponed", not "introduced".
    expect(real('116-s2731/S2731_IPS.XML')).to.match(/^BILLS-116s2731ips \| us-116-S2731 \| Indefinitely Postponed Senate \| /);
    expect(real('116-s2245/S2245_IS.XML')).to.equal(
      'BILLS-116s2245is | us-116-S2245 | Introduced in Senate | To cap noninterest Federal spending as a percentage of potential GDP to right-size the Government, grow the economy, and balance the budget.',
    );
    expect(real('112-pvtl1/112pvtl001-uslm.xml')).to.equal('PLAW-112pvtl1 | us-112-PVTL1 | Private Law | For the relief of Sopuruchi Chukwueke.');
  });

  it('should name the House’s USLM of the Great American Outdoors Act (H.R. 1957 ENR, 116th Congress)', () => {
    const file = sharedPath('corpus', 'us', 'amend-truth', 'pl116-152_54usc200303', 'law.xml');
    expect(facts(fs.readFileSync(file).subarray(0, 16384).toString('utf8'), 'law.xml')).to.equal('BILLS-116hr1957enr | us-116-HR1957 | Enrolled Bill | Great American Outdoors Act');
  });

  it('should still refuse the Rules Committee prints, which are no bill’s version', () => {
    // Each says what it is: a proposed amendment (amend.dtd), printed by the Rules Committee.
    expect(real('114-hr50/CPRT-114-HPRT-RU00-HR50.xml')).to.equal('a proposed House amendment (a Rules Committee print, CPRT-114-HPRT-RU00-HR50), not a version of a bill; not imported');
    expect(real('114-hr636/RCP-114-6-hr636.xml')).to.equal('a proposed House amendment (a Rules Committee print, CPRT-114-HPRT-RU00-HR636), not a version of a bill; not imported');
  });
});

describeShared('import/documents: a chapter or a section cut from a U.S. Code title, and a statute compilation', () => {
  it('should import the sections of a chapter or a section by the title their identifiers name, and say why a compilation is not imported', async () => {
    const backend = await sqliteBackend();
    const db = await backend.open();
    try {
      const problems: string[] = [];
      const totals: number[] = [];
      const progress: ImportProgress = { start: (_inputs, rows) => void totals.push(rows), input() {}, advance() {}, problem: (p) => problems.push(formatProblem(p).replace(/^.*\/corpus\/us\//, '')), stop() {} };
      const summary = await importPaths(
        db,
        [
          sharedPath('corpus', 'us', 'amend-truth', 'pl116-9_54usc200304', 'before.xml'),
          sharedPath('corpus', 'us', 'uscode', 'usc44-ch3-after-PL113-235.xml'),
          // One without a citableAs, one cited as the law it compiles ("Public Law 91–596"), which is not that law's text.
          sharedPath('corpus', 'us', 'comps', 'COMPS-1649.xml'),
          sharedPath('corpus', 'us', 'comps', 'COMPS-1523.xml'),
        ],
        progress,
      );
      expect(summary).to.include({ imported: 2, failed: 2, inserted: 14 });
      // The bar's total counts a chapter's sections (13) where it counted the file as one row: with the
      // section (1) and the compilations (1 each), 16 rows ahead, 14 written and 2 reported.
      expect(totals).to.deep.equal([16]);
      const compilation = 'a statute compilation (govinfo COMPS: an Act as amended, not a bill, law or U.S. Code title); not imported';
      expect(problems).to.deep.equal([`comps/COMPS-1649.xml: ${compilation}`, `comps/COMPS-1523.xml: ${compilation}`]);
      expect(await db.dialect.all('SELECT id FROM versions')).to.deep.equal([]);
      expect((await db.lawSection('usc54', '200304'))?.heading).to.equal('Statement of estimated requirements');
      expect((await db.lawSection('usc44', '301'))?.heading).to.equal('Director of the Government Publishing Office: appointment');
    } finally {
      await db.close();
      await backend.dispose();
    }
  });
});
