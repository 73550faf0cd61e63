import fs from 'node:fs';
import { expect } from 'chai';
import { analyzeVersion, overrides } from '../../src/import/analyze.js';
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

describe('import/analyze: a section cited "notwithstanding" it, one the bill would override (synthetic sentences)', () => {
  const at = (text: string, cited: string) => overrides(text, text.indexOf(cited));
  it('should take the citations a "notwithstanding" governs, alone or in a list, with their units and their codes or Acts', () => {
    expect(at('Notwithstanding Section 7282.5 or 7284.6, a synthetic officer shall report.', '7282.5')).to.equal(true);
    expect(at('Notwithstanding Section 7282.5 or 7284.6, a synthetic officer shall report.', '7284.6')).to.equal(true);
    expect(at('The clerk shall, notwithstanding subdivision (b) of Section 1050 of the Penal Code, hear it.', 'Section 1050')).to.equal(true);
    expect(at('Provided, That notwithstanding 31 U.S.C. 3302, section 5 of the Synthetic Act of 1944 (16 U.S.C. 825s), and section 1 of the Other Act.', 'section 1 of')).to.equal(true);
    expect(at('notwithstanding the provisions of the Anti-Synthetic Act (31 U.S.C. 1511)', '31 U.S.C. 1511')).to.equal(true);
  });
  it('should not take a citation the "notwithstanding" does not govern', () => {
    expect(at('Notwithstanding any other law, a person described in Section 7284.6 shall register.', 'Section 7284.6')).to.equal(false);
    expect(at('Notwithstanding subdivision (a), the department shall comply with Section 7284.6.', 'Section 7284.6')).to.equal(false);
    expect(at('A synthetic officer shall comply with Section 7284.6.', 'Section 7284.6')).to.equal(false);
    // The last "notwithstanding" before the citation is the one read.
    expect(at('Notwithstanding Section 1, and notwithstanding any other law, the fees under Section 2 are kept.', 'Section 2')).to.equal(false);
  });
});
