import fs from 'node:fs';
import { expect } from 'chai';
import { analyzeVersion } from '../../src/import/analyze.js';
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
