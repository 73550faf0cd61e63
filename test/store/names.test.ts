import { expect } from 'chai';
import { codeOf, normalizeSectionNumber, parseSectionCitation, sectionName } from '../../src/store/codes.js';
import { chapterCitation, statuteCitation } from '../../src/store/names.js';
import { chapterOf, pendingOf } from '../../src/import/pubinfo.js';
import { compareSessions, measureName, nameVersions, parseMeasure, sessionFromName, sessionName, stageLabel } from '../../src/store/names.js';
import { pickVersion, readSectionName } from '../../src/store/reports.js';
import type { VersionSummary } from '../../src/store/types.js';

describe('store/names', () => {
  describe('#parseMeasure', () => {
    it('should read a bill citation in the usual spellings', () => {
      expect(parseMeasure('AB 2641')).to.deep.equal({ type: 'AB', number: 2641, jurisdictions: ['ca'] });
      expect(parseMeasure('ab2641')).to.deep.equal({ type: 'AB', number: 2641, jurisdictions: ['ca'] });
      expect(parseMeasure('A.B. 2641 2023-24')).to.deep.equal({ type: 'AB', number: 2641, jurisdictions: ['ca'], session: '20232024-0', year: 2023, ofYears: true });
      expect(parseMeasure('A.B. 2641 2023–24')).to.deep.equal({ type: 'AB', number: 2641, jurisdictions: ['ca'], session: '20232024-0', year: 2023, ofYears: true });
      expect(parseMeasure('SB 54 (2017)')).to.deep.equal({ type: 'SB', number: 54, jurisdictions: ['ca'], session: '20172018-0', year: 2017, ofYears: true });
      expect(parseMeasure('sb54-2017')).to.deep.equal({ type: 'SB', number: 54, jurisdictions: ['ca'], session: '20172018-0', year: 2017, ofYears: true });
      expect(parseMeasure('AB 1 2024')).to.deep.equal({ type: 'AB', number: 1, jurisdictions: ['ca'], session: '20232024-0', year: 2024, ofYears: true });
      expect(parseMeasure('H.R. 1')).to.deep.equal({ type: 'HR', number: 1, jurisdictions: ['ca', 'us'] });
      expect(parseMeasure('hr1-119')).to.deep.equal({ type: 'HR', number: 1, jurisdictions: ['us'], session: '119' });
      expect(parseMeasure('S. 1000 116th Congress')).to.deep.equal({ type: 'S', number: 1000, jurisdictions: ['us'], session: '116' });
      expect(parseMeasure('H.J.Res. 37')).to.deep.equal({ type: 'HJRES', number: 37, jurisdictions: ['us'] });
    });

    it('should read a bill of an extraordinary session as the Legislature prints it, and one cited by its years whatever its session', () => {
      const x1 = { type: 'SB', number: 1, jurisdictions: ['ca'], extraordinary: 1 };
      for (const spelling of ['SBX1 1', 'SBX1-1', 'SB X1 1', 'sbx1 1', 'SB 1 X1', 'SB 1X1', 'SB 1 1st Ex. Sess.', 'SB 1 1st Extraordinary Session']) expect(parseMeasure(spelling), spelling).to.deep.equal(x1);
      // With its years: that extraordinary session of theirs.
      const of1999 = { type: 'AB', number: 1, jurisdictions: ['ca'], extraordinary: 1, session: '19992000-1', year: 1999 };
      for (const spelling of ['ABX1 1 1999', 'AB 1 X1 1999-2000', 'AB 1 1999 1st Ex. Sess.', 'AB 1 1999-2000, 1st Extraordinary Session']) {
        expect(parseMeasure(spelling), spelling).to.deep.include({ type: 'AB', number: 1, session: '19992000-1', year: 1999 });
      }
      expect(parseMeasure('ABX1 1 1999')).to.deep.equal(of1999);
      // The years alone (ofYears: their regular session's bill, else an extraordinary session's); the regular session by name.
      expect(parseMeasure('SB 1 1999')).to.deep.equal({ type: 'SB', number: 1, jurisdictions: ['ca'], session: '19992000-0', year: 1999, ofYears: true });
      expect(parseMeasure('SB 1 1999-2000 Regular Session')).to.deep.equal({ type: 'SB', number: 1, jurisdictions: ['ca'], session: '19992000-0', year: 1999 });
      // Not a bill: an X with no session's number, a type Congress alone prints.
      expect([parseMeasure('SBX 1'), parseMeasure('HJRESX1 1')]).to.deep.equal([undefined, undefined]);
    });

    it('should read a law by its Congress and number, as laws are cited', () => {
      const pl = { type: 'PL', number: 21, jurisdictions: ['us'], session: '119' };
      for (const spelling of ['Pub. L. 119-21', 'P.L. 119-21', 'PL 119-21', 'pl119-21', 'Public Law 119–21', 'Pub. L. No. 119-21', 'public law 119 - 21']) {
        expect(parseMeasure(spelling), spelling).to.deep.equal(pl);
      }
      expect(parseMeasure('Private Law 112–1')).to.deep.equal({ type: 'PVTL', number: 1, jurisdictions: ['us'], session: '112' });
      expect(parseMeasure('Priv. L. 112-1')).to.deep.equal({ type: 'PVTL', number: 1, jurisdictions: ['us'], session: '112' });
      expect(measureName('us', 'PL', 21, '119')).to.equal('Pub. L. 119-21');
      expect(measureName('us', 'PVTL', 1, '112')).to.equal('Priv. L. 112-1');
      // Bills keep their own reading: "hr1-119" is H.R. 1 of the 119th Congress, and a session after a
      // California bill is its years.
      expect(parseMeasure('hr1-119')).to.deep.equal({ type: 'HR', number: 1, jurisdictions: ['us'], session: '119' });
      expect(parseMeasure('AB 12 2023-24')).to.deep.equal({ type: 'AB', number: 12, jurisdictions: ['ca'], session: '20232024-0', year: 2023, ofYears: true });
    });

    it('should read a measure’s type in words, and "No." before its number, as the Legislature and Congress print them', () => {
      const ab = { type: 'AB', number: 1656, jurisdictions: ['ca'] };
      for (const spelling of ['Assembly Bill 1656', 'Assembly Bill No. 1656', 'assembly bill no 1656', 'A.B. No. 1656', 'AB No. 1656', 'AB No 1656']) expect(parseMeasure(spelling), spelling).to.deep.equal(ab);
      expect(parseMeasure('Senate Bill No. 54 (2017)')).to.deep.equal({ type: 'SB', number: 54, jurisdictions: ['ca'], session: '20172018-0', year: 2017, ofYears: true });
      expect(parseMeasure('Senate Constitutional Amendment 1')).to.deep.equal({ type: 'SCA', number: 1, jurisdictions: ['ca'] });
      expect(parseMeasure('Assembly Concurrent Resolution No. 12')).to.deep.equal({ type: 'ACR', number: 12, jurisdictions: ['ca'] });
      // Congress's, by the words only Congress prints.
      expect(parseMeasure('House Joint Resolution 1 116th Congress')).to.deep.equal({ type: 'HJRES', number: 1, jurisdictions: ['us'], session: '116' });
      expect(parseMeasure('House Bill 1')).to.deep.equal({ type: 'HR', number: 1, jurisdictions: ['us'] });
      // A California type with a Congress, a house alone, a resolution both print: no bill.
      for (const none of ['Senate Bill 54 118th Congress', 'Assembly 1656', 'Bill 1656', 'House Resolution 5', 'Senate Resolution 5', 'Assembly Bill 1656 amended']) expect(parseMeasure(none), none).to.equal(undefined);
    });

    it('should read nothing else as a bill', () => {
      expect(parseMeasure('7284.6')).to.equal(undefined);
      expect(parseMeasure('continuance')).to.equal(undefined);
      expect(parseMeasure('Penal Code 1050')).to.equal(undefined);
      expect(parseMeasure('AB 1656 amended')).to.equal(undefined);
    });
  });

  it('should name sessions and read them back', () => {
    expect(sessionName('ca', '20252026-0')).to.equal('2025–26 Regular Session');
    expect(sessionName('ca', '19992000-1')).to.equal('1999–2000 First Extraordinary Session');
    expect(sessionName('us', '119')).to.equal('119th Congress');
    expect(sessionName('us', '113')).to.equal('113th Congress');
    expect(sessionFromName('2025–26 Regular Session')).to.equal('20252026-0');
    expect(sessionFromName('1999–2000 First Extraordinary Session')).to.equal('19992000-1');
  });

  it('should name versions by stage, with the date where a stage repeats', () => {
    expect(
      nameVersions([
        { stage: 'Introduced', date: '2025-02-19' },
        { stage: 'Amended in Senate', date: '2025-06-23' },
        { stage: 'Amended in Senate', date: '2025-07-16' },
        { stage: 'Enrolled', date: '2025-09-16' },
      ]),
    ).to.deep.equal(['introduced', 'amended-senate-2025-06-23', 'amended-senate-2025-07-16', 'enrolled']);
    expect(stageLabel('AMENDED_ASSEMBLY')).to.equal('Amended in Assembly');
    expect(stageLabel('Amended Senate')).to.equal('Amended in Senate');
    expect(stageLabel('Introduced')).to.equal('Introduced');
  });

  it('should pick a version by name, number, date or keyword', () => {
    const v = (id: string, name: string, date: string) => ({ id, name, date }) as VersionSummary;
    const versions = [v('A99', 'introduced', '2025-02-19'), v('A98', 'amended-senate-2025-06-23', '2025-06-23'), v('A97', 'amended-senate-2025-07-16', '2025-07-16')];
    expect(pickVersion(versions, 'introduced', 'AB 831').id).to.equal('A99');
    expect(pickVersion(versions, 'latest', 'AB 831').id).to.equal('A97');
    expect(pickVersion(versions, 'previous', 'AB 831').id).to.equal('A98');
    expect(pickVersion(versions, '2', 'AB 831').id).to.equal('A98');
    expect(pickVersion(versions, '2025-07-16', 'AB 831').id).to.equal('A97');
    expect(() => pickVersion(versions, 'amended-senate', 'AB 831')).to.throw('"amended-senate" fits several versions of AB 831 (amended-senate-2025-06-23, amended-senate-2025-07-16): give one of them');
    expect(() => pickVersion(versions, 'enrolled', 'AB 831')).to.throw('AB 831 has no version "enrolled"; its versions: introduced, amended-senate-2025-06-23, amended-senate-2025-07-16, or first, latest, previous');
  });
});

describe('store/codes', () => {
  it('should know the codes by abbreviation and by name', () => {
    expect(codeOf('PEN')).to.equal('PEN');
    expect(codeOf('pen')).to.equal('PEN');
    expect(codeOf('Penal Code')).to.equal('PEN');
    expect(codeOf('Government Code')).to.equal('GOV');
    expect(codeOf('Business and Professions Code')).to.equal('BPC');
    expect(codeOf('usc54')).to.equal('usc54');
    expect(codeOf('54 U.S.C.')).to.equal('usc54');
    expect(codeOf('Public Health Service Act')).to.equal(undefined);
    // The Internal Revenue Code is title 26, section for section.
    expect(codeOf('Internal Revenue Code of 1986')).to.equal('usc26');
    expect(codeOf('Internal Revenue Code of 1954')).to.equal('usc26');
    expect(codeOf('IRC')).to.equal('usc26');
    expect(parseSectionCitation('Internal Revenue Code 4960')).to.deep.equal({ code: 'usc26', number: '4960' });
    expect(sectionName('GOV', '7284.6')).to.equal('Government Code § 7284.6');
    expect(sectionName('usc54', '200304')).to.equal('54 U.S.C. § 200304');
  });

  it('should read a law’s citation in the statutes: a page of the Statutes at Large, a California chapter', () => {
    const read = (spellings: string[]) => spellings.map((t) => statuteCitation(t));
    expect(read(['130 Stat. 615', '130 STAT. 615', '130 stat 615'])).to.deep.equal(['130 Stat. 615', '130 Stat. 615', '130 Stat. 615']);
    const stats = ['Stats. 2025, ch. 623', 'Stats 2025 ch 623', '(Stats. 2025, ch. 623)', 'ch. 623, Stats. 2025', 'Chapter 623, Statutes of 2025', 'Statutes of 2025, Chapter 623'];
    expect(read(stats)).to.deep.equal(stats.map(() => 'Stats. 2025, ch. 623'));
    expect(read(['Res. Ch. 90, Stats. 1989', 'Resolution Chapter 90, Statutes of 1989', 'Stats. 1989, res. ch. 90'])).to.deep.equal(['Stats. 1989, res. ch. 90', 'Stats. 1989, res. ch. 90', 'Stats. 1989, res. ch. 90']);
    expect(read(['Stats. 1999, 1st Ex. Sess., ch. 4', 'Chapter 4, Statutes of 1999, 1st Extraordinary Session', 'Stats. 1999, 2nd Ex. Sess., res. ch. 1'])).to.deep.equal([
      'Stats. 1999, 1st Ex. Sess., ch. 4',
      'Stats. 1999, 1st Ex. Sess., ch. 4',
      'Stats. 1999, 2nd Ex. Sess., res. ch. 1',
    ]);
    // Not citations in the statutes: a year or a chapter alone, a bill, a section.
    expect(read(['stats. 2025', 'chapter 5', 'AB 1656', 'Penal Code 1050', '130 Stat.'])).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
    expect(chapterCitation({ year: '2025', extraordinary: 0, resolution: false, number: 623 })).to.equal('Stats. 2025, ch. 623');
    expect(chapterCitation({ year: '2011', extraordinary: 3, resolution: true, number: 2 })).to.equal('Stats. 2011, 3rd Ex. Sess., res. ch. 2');
    // BILL_TBL's chapter fields (chapter_year, chapter_type, chapter_session_num, chapter_num), as ../shared/corpus/ca-pubinfo's rows give them.
    const row = (chapter_year: string | null, chapter_type: string | null, chapter_session_num: string | null, chapter_num: string | null) => chapterOf({ chapter_year, chapter_type, chapter_session_num, chapter_num });
    expect([row('2025', 'CHP', '0', '623'), row('1989', 'CHR', '0', '90'), row('1999', 'CHP', '1', '4'), row(null, null, null, null), row('2025', 'CHP', '0', 'x')]).to.deep.equal([
      { statute: 'Stats. 2025, ch. 623' },
      { statute: 'Stats. 1989, res. ch. 90' },
      { statute: 'Stats. 1999, 1st Ex. Sess., ch. 4' },
      {},
      {},
    ]);
  });

  it('should know when a California bill is no longer pending from its BILL_TBL status and state', () => {
    // current_status, measure_state as BILL_TBL gives them (the first three as ../shared/corpus/ca-pubinfo's rows do).
    expect([pendingOf('AB', 'Chaptered', 'Chaptered'), pendingOf('SB', 'Vetoed', 'Enrolled'), pendingOf('AB', 'In Floor Process', 'Amended Senate')]).to.deep.equal([0, 0, 1]);
    // A simple resolution (HR, SR) adopted by its house is final; a bill or a joint or concurrent resolution is not, until chaptered.
    expect([pendingOf('HR', 'Adopted', 'Adopted'), pendingOf('SR', null, 'Adopted'), pendingOf('HR', 'In Committee Process', 'Introduced')]).to.deep.equal([0, 0, 1]);
    expect([pendingOf('ACR', 'Adopted', 'Adopted'), pendingOf('AB', 'Adopted', null), pendingOf('ACR', 'Chaptered', 'Chaptered')]).to.deep.equal([1, 1, 0]);
  });

  it('should read a section as people write it', () => {
    expect(parseSectionCitation('Penal Code 1050')).to.deep.equal({ code: 'PEN', number: '1050' });
    expect(parseSectionCitation('Government Code § 7284.6')).to.deep.equal({ code: 'GOV', number: '7284.6' });
    expect(parseSectionCitation('GOV 7284.6')).to.deep.equal({ code: 'GOV', number: '7284.6' });
    expect(parseSectionCitation('Section 7284.6 of the Government Code')).to.deep.equal({ code: 'GOV', number: '7284.6' });
    expect(parseSectionCitation('54 U.S.C. 200304')).to.deep.equal({ code: 'usc54', number: '200304' });
    expect(parseSectionCitation('AB 1656')).to.equal(undefined);
    // The number first, its code after it in capitals or named with "Code"; a subdivision cited after the number, the section's.
    const pen = { code: 'PEN', number: '1050' };
    for (const spelling of ['1050 PC', '1050 PEN', '1050 Penal Code', '§ 1050, Pen. Code', 'Cal. Penal Code § 1050(a)', 'Penal Code section 1050(a)(1)(A)', 'Pen. Code, § 1050, subd. (a)', 'section 1050(b) of the Penal Code'])
      expect(parseSectionCitation(spelling), spelling).to.deep.equal(pen);
    // A U.S. Code section as the annotated codes cite it, and as the bills do.
    const usc49 = { code: 'usc49', number: '106' };
    for (const spelling of ['49 U.S.C.A. § 106', '49 USCA 106', '49 U.S.C.S. § 106(k)', 'sec. 106 of title 49, United States Code', 'section 106 of title 49 of the United States Code', 'title 49, U.S. Code, § 106'])
      expect(parseSectionCitation(spelling), spelling).to.deep.equal(usc49);
    expect(parseSectionCitation('Penal Code sections 1050')).to.deep.equal(pen);
    expect(['5150 W&I', '42 U.S.C. 1395w-4(a)', '16 USC 1a(b)'].map(parseSectionCitation)).to.deep.equal([{ code: 'WIC', number: '5150' }, { code: 'usc42', number: '1395w-4' }, { code: 'usc16', number: '1a' }]);
    // A year and a word ("2024 water"), an abbreviation in small letters, a U.S. Code title after the number: words.
    for (const none of ['2024 water', '1050 pen', '1 16 USC', '1656 AB', 'Penal Code (a)']) expect(parseSectionCitation(none), none).to.equal(undefined);
    // Sessions, the older first: Congresses by number, California's by their years and number.
    expect(['119', '20252026-0', '99', '20232024-0', '116', '20232024-1'].sort(compareSessions)).to.deep.equal(['99', '116', '119', '20232024-0', '20232024-1', '20252026-0']);
    // The U.S. Code's numbers with a hyphen, as typed or as printed with an en dash: stored with the hyphen.
    expect(['42 U.S.C. 1395w-4', '42 U.S.C. § 1395w–4', '16 U.S.C. 460hhh-5', '42 USC 1320a-7b'].map(parseSectionCitation)).to.deep.equal([
      { code: 'usc42', number: '1395w-4' },
      { code: 'usc42', number: '1395w-4' },
      { code: 'usc16', number: '460hhh-5' },
      { code: 'usc42', number: '1320a-7b' },
    ]);
    expect(['§ 1395w–4.', '1050.', 'Section 7284.6'].map(normalizeSectionNumber)).to.deep.equal(['1395w-4', '1050', '7284.6']);
    expect(readSectionName('PEN/1050')).to.deep.equal({ code: 'PEN', number: '1050' });
    expect(readSectionName('Penal Code 1050.')).to.deep.equal({ code: 'PEN', number: '1050' });
  });
});
