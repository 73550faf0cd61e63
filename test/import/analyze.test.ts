import fs from 'node:fs';
import { expect } from 'chai';
import { analyzeVersion, overrides } from '../../src/import/analyze.js';
import { findReferences } from '../../src/parse/references.js';
import { fixturePath } from '../helpers/paths.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

/** What a version amends, adds or repeals, as `relation CODE number`. */
function amended(file: string): string[] {
  return analyzeVersion(fs.readFileSync(file), file, { first: true })
    .sections.filter((s) => s.relation !== 'cites')
    .map((s) => `${s.relation} ${s.code} ${s.section}`);
}

describe('import/analyze: the sections a version touches', () => {
  it('should record the sections an added article prints, never the article’s number as a section (synthetic)', () => {
    expect(amended(fixturePath('store-article-synthetic', 'bill.xml'))).to.deep.equal(['adds EDC 99500', 'adds EDC 99501', 'amends EDC 99662']);
  });
});

describe('import/analyze: a part of a section cited (synthetic)', () => {
  it('should record the section a subdivision of it is cited by, and the override, but no section for a subdivision alone', () => {
    const bill = 'SECTION 1. Section 1050.9 is added to the Penal Code, to read:\n1050.9.\n(a) Notwithstanding subdivision (b) of Section 1050, a synthetic court may act as provided in paragraph (4) of subdivision (d) and subdivision (a) of Section 187.\n';
    expect(analyzeVersion(bill, 'bill.txt', { first: true }).sections).to.deep.equal([
      { code: 'PEN', section: '1050.9', relation: 'adds' },
      { code: 'PEN', section: '1050', relation: 'cites', override: 'notwithstanding' },
      { code: 'PEN', section: '187', relation: 'cites' },
    ]);
  });
  it('should keep the override of a section cited on its own and also as the first of a unit only cited, whichever comes first', () => {
    const added = 'SECTION 1. Section 97400 is added to the Government Code, to read:\n97400.\n';
    const plain = '(a) Notwithstanding Section 97200, the synthetic department may adopt guidance.\n';
    const unit = '(b) The department shall report as the Synthetic Reports Act (Chapter 97.6 (commencing with Section 97200) of Division 97 of Title 9) requires.\n';
    const cites = (text: string) => analyzeVersion(text, 'bill.txt', { first: true }).sections.filter((s) => s.relation === 'cites');
    expect(cites(added + plain + unit)).to.deep.equal([{ code: 'GOV', section: '97200', relation: 'cites', override: 'notwithstanding' }]);
    expect(cites(added + unit.replace('(b)', '(a)') + plain.replace('(a)', '(b)'))).to.deep.equal([{ code: 'GOV', section: '97200', relation: 'cites', override: 'notwithstanding' }]);
    // The unit overridden whole and the section only cited: the unit, with its override.
    const overridden = '(b) Notwithstanding the Synthetic Reports Act (Chapter 97.6 (commencing with Section 97200) of Division 97 of Title 9), the department may act.\n';
    expect(cites(added + '(a) The department shall comply with Section 97200.\n' + overridden)).to.deep.equal([
      { code: 'GOV', section: '97200', relation: 'cites', override: 'notwithstanding', unit: 'Chapter 97.6' },
    ]);
    // Neither overrides: the unit, named.
    expect(cites(added + '(a) The department shall comply with Section 97200.\n' + unit)).to.deep.equal([{ code: 'GOV', section: '97200', relation: 'cites', unit: 'Chapter 97.6' }]);
  });
  it('should record a range of sections with the section it begins with, and its last section on its own', () => {
    const bill = 'SECTION 1. Section 97500 is added to the Government Code, to read:\n97500.\n(a) Notwithstanding Sections 97100 to 97101, inclusive, a synthetic board may act, and shall report as provided in Sections 999b through 999h of the Penal Code.\n';
    expect(analyzeVersion(bill, 'bill.txt', { first: true }).sections.filter((s) => s.relation === 'cites')).to.deep.equal([
      { code: 'GOV', section: '97100', relation: 'cites', override: 'notwithstanding', through: '97101' },
      { code: 'GOV', section: '97101', relation: 'cites', override: 'notwithstanding' },
      { code: 'PEN', section: '999b', relation: 'cites', through: '999h' },
      { code: 'PEN', section: '999h', relation: 'cites' },
    ]);
    // A range repealed by its ends; a list of sections repealed is each of them.
    const repealed = (text: string) => analyzeVersion(text, 'bill.txt', { first: true }).sections;
    expect(repealed('SECTION 1. Sections 97100 to 97103, inclusive, of the Government Code are repealed.\n')).to.deep.equal([
      { code: 'GOV', section: '97100', relation: 'repeals', through: '97103' },
      { code: 'GOV', section: '97103', relation: 'repeals' },
    ]);
    expect(repealed('SECTION 1. Sections 97100 and 97103 of the Government Code are repealed.\n')).to.deep.equal([
      { code: 'GOV', section: '97100', relation: 'repeals' },
      { code: 'GOV', section: '97103', relation: 'repeals' },
    ]);
  });
  it('should file a section of the Constitution by its article, and record no section of a chapter of the statutes or of the bill itself', () => {
    const bill = 'SECTION 1. Section 54953 of the Government Code is amended to read:\n54953.\n(a) This synthetic section implements paragraph (1) of subdivision (b) of Section 3 of Article I of the California Constitution, as added by Section 3 of Chapter 285 of the Statutes of 2022. Section 2 of this act applies.\n';
    expect(analyzeVersion(bill, 'bill.txt', { first: true }).sections).to.deep.equal([
      { code: 'GOV', section: '54953', relation: 'amends' },
      { code: 'CONS', section: 'I-3', relation: 'cites' },
    ]);
  });
});

describe('import/analyze: SB 54 (2017, chaptered, the California Values Act: bills/ca)', () => {
  const file = 'bills/ca/ca-sb54-2017-chaptered-california-values-act.txt';
  const touched = () => analyzeVersion(fs.readFileSync(file), file, { first: true, context: { code: 'GOV' } }).sections;
  it('should file the citations of its lists by the code named at their end, not by the Government Code it amends', () => {
    const cited = touched().filter((s) => s.relation === 'cites');
    const at = (section: string) => cited.filter((s) => s.section === section).map((s) => s.code);
    // "Sections 270, 271, 271a, 273a, 273ab, 273d, 273.4, and 278 of the Penal Code"; "Section 664 of, or a conspiracy, as defined in Section 182 of, the Penal Code".
    for (const section of ['270', '273ab', '278', '664', '182', '187', '12022.9', '653j', '16000']) expect(at(section), section).to.deep.equal(['PEN']);
    // "Sections 1373 and 1644 of Title 8 of the United States Code"; "Section 922(d)(5) of Title 18 of the United States Code".
    expect(cited.filter((s) => s.code.startsWith('usc')).map((s) => `${s.code} ${s.section}`)).to.deep.equal(['usc8 1357', 'usc8 1326', 'usc8 1101', 'usc18 922', 'usc8 1373', 'usc8 1644']);
    expect(cited.filter((s) => s.code === 'GOV').map((s) => s.section)).to.deep.equal(['7283', '7310', '6250', '11340', '17500']);
  });
  it('should record a whole level it cites with the section it begins with, and the one it overrides', () => {
    const units = touched().filter((s) => s.unit);
    // "Notwithstanding the rulemaking provisions of the Administrative Procedure Act (Chapter 3.5 (commencing with Section 11340) of Part 1 of Division 3 of Title 2), the Department of Justice may implement …"
    expect(units.map((s) => `${s.relation} ${s.code} ${s.section} ${s.unit}${s.override ? ` ${s.override}` : ''}`)).to.deep.equal([
      'cites GOV 7283 Chapter 17.2',
      'cites PEN 16000 Part 6',
      'cites GOV 7310 Chapter 17.8',
      'cites GOV 6250 Chapter 3.5',
      'cites GOV 11340 Chapter 3.5 notwithstanding',
      'cites GOV 17500 Part 7',
    ]);
  });
});

describeShared('import/analyze: Article 4.5 (commencing with Section 44500) of the Education Code, 1999', () => {
  it('should record Sections 44500 to 44508 as added, and no Section 4.5', () => {
    expect(amended(sharedPath('corpus', 'ca-pubinfo', 'archive', '1999', 'BILL_VERSION_TBL_89.lob'))).to.deep.equal([
      'adds EDC 44498',
      ...Array.from({ length: 9 }, (_, i) => `adds EDC ${44500 + i}`),
      'amends EDC 44662',
      'amends EDC 44664',
    ]);
  });
});

describeShared('import/analyze: 115 H.R. 1 EAS 2 (the Tax Cuts and Jobs Act, Senate amendment), 2017', () => {
  it('should file its instructions to the Internal Revenue Code of 1986, which name no U.S.C. title, under 26 U.S.C.', () => {
    const touched = amended(sharedPath('corpus', 'us', 'bills', '115-hr1', 'BILLS-115hr1eas2.xml'));
    // "Section 1 is amended by adding at the end …" under its title's "reference shall be considered
    // to be made to a section … of the Internal Revenue Code of 1986".
    expect(touched.slice(0, 8)).to.deep.equal(['amends usc26 1', 'amends usc26 6695', 'amends usc26 23', 'amends usc26 25A', 'amends usc26 25B', 'amends usc26 32', 'amends usc26 36B', 'amends usc26 41']);
    expect(touched).to.have.length(231);
    expect(touched.every((t) => t.startsWith('amends usc26 '))).to.equal(true);
  });
});

describe('import/analyze: a section the bill would override, by the words that say so (synthetic sentences)', () => {
  const at = (text: string, cited: string) => {
    const start = text.indexOf(cited);
    return overrides(text, { start, end: start + cited.length });
  };
  it('should take the citations a "notwithstanding" governs, alone or in a list, with their units and their codes or Acts', () => {
    expect(at('Notwithstanding Section 7282.5 or 7284.6, a synthetic officer shall report.', '7282.5')).to.equal('notwithstanding');
    expect(at('Notwithstanding Section 7282.5 or 7284.6, a synthetic officer shall report.', '7284.6')).to.equal('notwithstanding');
    expect(at('The clerk shall, notwithstanding subdivision (b) of Section 1050 of the Penal Code, hear it.', 'Section 1050')).to.equal('notwithstanding');
    expect(at('Provided, That notwithstanding 31 U.S.C. 3302, section 5 of the Synthetic Act of 1944 (16 U.S.C. 825s), and section 1 of the Other Act.', 'section 1 of')).to.equal('notwithstanding');
    expect(at('notwithstanding the provisions of the Anti-Synthetic Act (31 U.S.C. 1511)', '31 U.S.C. 1511')).to.equal('notwithstanding');
  });
  it('should take a whole level cited by its first section, notwithstanding it, exempt from it, or which shall not apply, read from its kind to its code', () => {
    const unit = (text: string) => {
      const ref = findReferences(text).find((r) => r.unit);
      return ref && overrides(text, ref);
    };
    expect(unit('Notwithstanding the rulemaking provisions of the Synthetic Procedure Act (Chapter 3.5 (commencing with Section 11340) of Part 1 of Division 3 of Title 2), the department may act.')).to.equal('notwithstanding');
    expect(unit('A synthetic project is exempt from the Synthetic Environmental Quality Act (Division 13 (commencing with Section 21000) of the Public Resources Code).')).to.equal('exempt from');
    expect(unit('Chapter 3.5 (commencing with Section 11340) of Part 1 of Division 3 of Title 2 of the Government Code does not apply to synthetic guidelines.')).to.equal('shall not apply');
    expect(unit('The Synthetic Procedure Act (Chapter 3.5 (commencing with Section 11340) of Part 1 of Division 3 of Title 2 of the Government Code) shall not apply to synthetic guidelines.')).to.equal('shall not apply');
    // Cited for its meaning, not set aside.
    expect(unit('A synthetic project for purposes of the Synthetic Environmental Quality Act (Division 13 (commencing with Section 21000) of the Public Resources Code).')).to.equal(undefined);
    expect(unit('Notwithstanding any other law, the department shall comply with the Synthetic Records Act (Chapter 3.5 (commencing with Section 6250)).')).to.equal(undefined);
  });
  it('should take the citations a "without regard to" governs, as a "notwithstanding"', () => {
    expect(at('The synthetic Librarian, without regard to section 6101 of title 41, United States Code, shall give preference to synthetic agencies.', 'section 6101 of title 41')).to.equal('without regard to');
    expect(at('may enter into synthetic contracts without regard to 41 U.S.C. 6101, for synthetic services', '41 U.S.C. 6101')).to.equal('without regard to');
    expect(at('shall be available without regard to fiscal year limitations as provided by section 9104 of title 31', 'section 9104')).to.equal(undefined);
  });
  it('should take a citation that is the subject of its clause and "shall not apply"', () => {
    expect(at('Section 72(t) of the Synthetic Revenue Code of 1986 shall not apply to any synthetic distribution.', 'Section 72(t) of the Synthetic Revenue Code of 1986')).to.equal('shall not apply');
    expect(at('Provided, That section 22905(f) of title 49, United States Code, shall not apply to synthetic projects', 'section 22905(f) of title 49, United States Code')).to.equal('shall not apply');
    expect(at('(c) Synthetic exemption.—The provisions of Section 2314 do not apply to a synthetic permit.', 'Section 2314')).to.equal('shall not apply');
    // A clause of its own after a full stop; the stops of "U.S.C." end none.
    expect(at('A synthetic fee is due. Section 1 of the Synthetic Act (16 U.S.C. 3143) shall not apply to the synthetic plain.', 'Section 1 of the Synthetic Act (16 U.S.C. 3143)')).to.equal('shall not apply');
  });
  it('should take the citations a thing is made "exempt from", as a "notwithstanding"', () => {
    expect(at('Implementation of the synthetic amendments shall be exempt from the requirements of section 553 of title 5, United States Code.', 'section 553 of title 5')).to.equal('exempt from');
    expect(at('A synthetic agency is exempted from section 10 of the Synthetic Act.', 'section 10 of the Synthetic Act')).to.equal('exempt from');
    // An organization "exempt from tax under section 501(a)" is exempt from a tax, not from that section.
    expect(at('an organization exempt from tax under section 501(a) of the Synthetic Code', 'section 501(a)')).to.equal(undefined);
    expect(at('records exempted from the synthetic declassification requirement of section 404', 'section 404')).to.equal(undefined);
    expect(at('A synthetic exemption from ineligibility under section 1212 of the Synthetic Act', 'section 1212')).to.equal(undefined);
  });
  it('should not take a citation the words do not govern', () => {
    expect(at('Notwithstanding any other law, a person described in Section 7284.6 shall register.', 'Section 7284.6')).to.equal(undefined);
    expect(at('Notwithstanding subdivision (a), the department shall comply with Section 7284.6.', 'Section 7284.6')).to.equal(undefined);
    expect(at('A synthetic officer shall comply with Section 7284.6.', 'Section 7284.6')).to.equal(undefined);
    // The last "notwithstanding" before the citation is the one read.
    expect(at('Notwithstanding Section 1, and notwithstanding any other law, the fees under Section 2 are kept.', 'Section 2')).to.equal(undefined);
    // The bill's own section, not one it overrides; a citation that is not the clause's subject.
    expect(at('The amendments made by section 101 shall not apply to synthetic taxable years.', 'section 101')).to.equal(undefined);
    expect(at('A person described in Section 7284.6 shall not apply for a synthetic permit.', 'Section 7284.6')).to.equal(undefined);
    expect(at('Section 5 of the Synthetic Act shall be read with section 6 of that Act, and does not apply to synthetic ships.', 'section 6 of that Act')).to.equal(undefined);
    // A note the U.S. Code prints under a section is another law's, not the section.
    expect(at('Provided further, That section 2(d) of the Synthetic Act, 2017 (Public Law 115–31; 38 U.S.C. 4100 note) shall not apply.', '38 U.S.C. 4100')).to.equal(undefined);
    expect(at('notwithstanding section 9 of the Synthetic Act (22 U.S.C. 5812 note)', 'section 9 of the Synthetic Act (22 U.S.C. 5812 note)')).to.equal(undefined);
  });
});

describeShared('import/analyze: 116 H.R. 1865 EAH (Further Consolidated Appropriations Act, 2020), 2019', () => {
  it('should record the sections it would override "without regard to" them, or which "shall not apply", beside those "notwithstanding" them', () => {
    const file = sharedPath('corpus', 'us', 'bills', '116-hr1865', 'BILLS-116hr1865eah.xml');
    const overridden = analyzeVersion(fs.readFileSync(file), file, { first: true }).sections.filter((s) => s.override);
    expect(overridden.filter((s) => s.override !== 'notwithstanding').map((s) => `${s.override} ${s.code} ${s.section}`)).to.deep.equal(['without regard to usc41 6101', 'shall not apply usc49 22905']);
    expect(overridden.filter((s) => s.override === 'notwithstanding')).to.have.length(44);
    // "(Public Law 115–31; 38 U.S.C. 4100 note) shall not apply": a note under 38 U.S.C. 4100, cited, not overridden.
    expect(overridden.some((s) => s.code === 'usc38' && s.section === '4100')).to.equal(false);
  });
});

describeShared('import/analyze: 119 H.R. 1 EH (One Big Beautiful Bill Act, as engrossed), 2025', () => {
  it('should record 5 U.S.C. 553 as a section it would override: its implementation "shall be exempt from the requirements of section 553 of title 5"', () => {
    const file = sharedPath('corpus', 'us', 'large', 'BILLS-119hr1eh.xml');
    const exempt = analyzeVersion(fs.readFileSync(file), file, { first: true }).sections.filter((s) => s.override === 'exempt from');
    expect(exempt.map((s) => `${s.relation} ${s.code} ${s.section}`)).to.deep.equal(['cites usc5 553']);
  });
});
