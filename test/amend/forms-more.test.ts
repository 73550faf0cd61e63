import { expect } from 'chai';
import { parseInstructions, type Prose } from '../../src/amend/instructions.js';
import { describeLocation } from '../../src/amend/location.js';
import type { Instruction } from '../../src/amend/types.js';
import { typeset } from '../../src/amend/words.js';

// More forms of issue 14, each read from a sentence quoted from a real bill (the bill and section
// are named in the test; quoted law shortened where marked) or, where marked synthetic, written for
// the test in that form.

const where = (i: Instruction) => describeLocation(i.location).join(', ');

describe('amend/instructions — more forms Congress writes (issue 14)', () => {
  it('should read a level named again with "such" as the one named before it (115th H.R. 1 EAS, sec. 13520(c)(1)(A), (B); new text shortened)', () => {
    const a = parseInstructions(
      'Section 6724(d) of the Internal Revenue Code of 1986 is amended by striking “or” at the end of clause (xxiv) of paragraph (1)(B), by striking “and” at the end of clause (xxv) of such paragraph and inserting “or”, and by inserting after such clause (xxv) the following new clause: “(xxvi) section 6050Y, and”.',
    );
    expect(a.map((i) => `${i.action} [${where(i)}]${i.anchor && 'at' in i.anchor ? ` after ${describeLocation(i.anchor.at).join(', ')}` : ''}`)).to.deep.equal([
      'strike [subsection (d), paragraph (1), subparagraph (B), clause (xxiv)]',
      'strikeInsert [subsection (d), paragraph (1), subparagraph (B), clause (xxv)]',
      'insertAfter [subsection (d)] after paragraph (1), subparagraph (B), clause (xxv)',
    ]);
    expect(a[1]).to.deep.include({ strike: 'and', insert: 'or', where: 'end' });
    expect(a[1]!.notes).to.deep.equal(['a level named again with “such” (“such paragraph”, “such clause (xxv)”) read as the one named before it']);
    const b = parseInstructions(
      'Section 6724(d) of the Internal Revenue Code of 1986 is amended by striking “or” at the end of subparagraph (HH) of paragraph (2), by striking the period at the end of subparagraph (II) of such paragraph and inserting “, or”, and by inserting after such subparagraph (II) the following new subparagraph: “(JJ) subsection (a)(2).”.',
    );
    expect(b[1]).to.deep.include({ action: 'strikeInsert', insert: ', or', units: [[{ type: 'mark', mark: '.', atEnd: true }]] });
    expect(where(b[1]!)).to.equal('subsection (d), paragraph (2), subparagraph (II)');
  });

  it('should leave "such paragraph" unread when the words named no paragraph before it (synthetic)', () => {
    const [i] = parseInstructions('Section 5 of the Example Act is amended by striking “and” at the end of clause (ii) of such paragraph.');
    expect(i).to.deep.include({ action: 'unknown' });
  });

  it('should read the period at the end of a unit of a unit (synthetic, in the form of 115th H.R. 1 EAS, sec. 13520(c)(1)(B))', () => {
    const [i] = parseInstructions('Section 5(d) of the Example Act is amended by striking the period at the end of subparagraph (B) of paragraph (2).');
    expect(i).to.deep.include({ action: 'strike', units: [[{ type: 'mark', mark: '.', atEnd: true }]] });
    expect(where(i!)).to.equal('subsection (d), paragraph (2), subparagraph (B)');
  });

  it('should take the items of words that say how other law is applied as part of those words, not as instructions (119 H.R. 1 EH, sec. 111102(e)(6))', () => {
    const prose: Prose[] = [];
    const text = [
      '(6) Rural reports.—The Secretary shall make publicly available, with respect to qualified rural opportunity funds, separate reports as required under this subsection, applied—',
      '(A) by substituting “qualified rural opportunity” for “qualified opportunity” each place it appears,',
      '(B) by substituting a reference to this Act for “Public Law 115–97”, and',
      '(C) by treating any reference to qualified rural opportunity zone stock as stock described in section 1400Z–2(b)(2)(B)(vii) of the Internal Revenue Code of 1986.',
    ].join('\n');
    expect(parseInstructions(text, { standing: { act: 'Internal Revenue Code of 1986' } }, prose)).to.deep.equal([]);
    expect(prose.map((p) => p.citation)).to.deep.equal(['(6)', '(6)(A)', '(6)(B)', '(6)(C)']);
    expect(prose[1]!.reason).to.equal(
      'goes on with words that are no instruction: “The Secretary shall make publicly available, with respect to qualified rural opportunity funds, separate reports as required under this subsection, applied—”',
    );
  });

  it('should still read instructions under words that are no instruction when they name what they amend (synthetic)', () => {
    const text = ['(b) Conforming amendments.—The Secretary shall be treated as follows—', '(1) Section 5 of the Example Act is amended by striking “old” and inserting “new”.'].join('\n');
    expect(parseInstructions(text).map((i) => `${i.citation} ${i.action}`)).to.deep.equal(['(b)(1) strikeInsert']);
  });

  it("should read words after the instruction's closing period that quote nothing and amend nothing as no part of it (116th H.R. 1865 EAH, div. E, sec. 120; 119 H.R. 1 enrolled, sec. 10607(f))", () => {
    const [a] = parseInstructions(
      'Section 908(c) of the Emergency Supplemental Act, 2002 (2 U.S.C. 1926(c)), is amended by striking “$40,000” and inserting “$60,000”. OFFICE OF CONGRESSIONAL WORKPLACE RIGHTS Salaries and Expenses For salaries and expenses necessary for the operation of the Office of Congressional Workplace Rights, $6,333,000.',
    );
    expect(a).to.deep.include({ action: 'strikeInsert', strike: '$40,000', insert: '$60,000' });
    expect(a!.notes).to.deep.equal([
      'the words printed after the instruction\'s closing period are no part of it: “OFFICE OF CONGRESSIONAL WORKPLACE RIGHTS Salaries and Expenses For salaries and expenses necessary for the operation of the Office of Congressional Workplace …”',
    ]);
    const [b] = parseInstructions('Section 12605(d) of the Agriculture Improvement Act of 2018 is amended by striking “2024” and inserting “2031”. TITLE II—COMMITTEE ON ARMED SERVICES');
    expect(b).to.deep.include({ action: 'strikeInsert', insert: '2031' });
    // A second instruction after the period is not swallowed (synthetic).
    const [c] = parseInstructions('Section 5 of the Example Act is amended by striking “a” and inserting “b”. Section 6 is amended by striking “c”.');
    expect(c).to.deep.include({ action: 'unknown' });
  });

  it('should read a doubled "is amended" and "by adding at the end by the following" for their intent, with a note (116th H.R. 1865 EAH, div. P, sec. 1603(c); 114th H.R. 2029, div. O, sec. 502(a)(2)(B); new text shortened)', () => {
    const [a] = parseInstructions('Section 3903 of title 44, United States Code, is amended is amended by adding at the end the following: “(c) Arrest authority.”.');
    expect(a).to.deep.include({ action: 'addAtEnd', insert: '(c) Arrest authority.', notes: ['“is amended is amended” read as “is amended”'] });
    const [b] = parseInstructions(
      'Section 1848(c)(2)(B)(v) of the Social Security Act (42 U.S.C. 1395w–4(c)(2)(B)(v)), as amended by paragraph (1), is amended by adding at the end by the following new subclause: “(XI) Discount in payment for professional component of imaging services.”.',
    );
    expect(b).to.deep.include({ action: 'addAtEnd', insert: '(XI) Discount in payment for professional component of imaging services.', notes: ['“by the following” read as “the following”'] });
  });
});

describe('amend/instructions — a place named as redesignated (issue 14)', () => {
  it('should read "in the redesignated section 4(e)(3)" as where the level now is, and "replacing it with" (116th H.R. 1865 EAH, div. P, sec. 501(d)(2)(B))', () => {
    const [i] = parseInstructions('Section 4 of the Pittman-Robertson Wildlife Restoration Act is amended by striking “subsection (c)” in the redesignated section 4(e)(3) and replacing it with “subsection (d), as redesignated”.');
    expect(i).to.deep.include({ action: 'strikeInsert', strike: 'subsection (c)', insert: 'subsection (d), as redesignated' });
    expect(where(i!)).to.equal('section 4, subsection (e), paragraph (3)');
  });
});

describe('amend/instructions — forms refused with the form named (issue 14)', () => {
  it('should refuse words to strike named only by the amendment that made them (114th H.R. 2029, div. H, sec. 313(2))', () => {
    const [i] = parseInstructions('Subsection (b) of section 401 of the HEA is amended by striking the addition to (b)(2)(A)(ii) made by subsection 309(b) of division G of Public Law 113–235.');
    expect(i).to.deep.include({
      action: 'unknown',
      reason: 'the words to strike are named by the amendment that made them, not quoted: "the addition to (b)(2)(A)(ii) made by subsection 309(b) of division G of Public Law 113–235"',
    });
  });

  it('should refuse a replacement said to go in lieu of another place than the one struck (116th H.R. 3401 RDS, sec. 401(b); new text shortened)', () => {
    const [i] = parseInstructions(
      'Section 7045(a) of the Department of State, Foreign Operations, and Related Programs Appropriations Act, 2018 (division K of Public Law 115–141) is amended by striking paragraph (4)(D) and inserting in lieu of paragraph (1) the following paragraph: “(1) Funding.—Subject to the requirements of this subsection.”.',
    );
    expect(i!.action).to.equal('unknown');
    expect(i!.reason).to.match(/^the words struck and the place “in lieu of” which the new text goes differ: "in lieu of paragraph \(1\) the following paragraph: /);
  });

  it('should read "in subsection (a) of the first section" as section 1, subsection (a) (116th H.R. 1865 EAH, div. E, sec. 212(a)(3)(F))', () => {
    const [i] = parseInstructions(
      'Senate Resolution 89, 100th Congress, agreed to January 28, 1987, as enacted into law by section 9 of the Legislative Branch Appropriations Act, 1990 (2 U.S.C. 6133), is amended in subsection (a) of the first section by striking “by the appropriate Leader” and all that follows and inserting “by the appropriate Leader.”.',
    );
    expect(i).to.deep.include({ action: 'strikeInsert', strike: 'by the appropriate Leader', through: '', insert: 'by the appropriate Leader.' });
    expect(where(i!)).to.equal('section 1, subsection (a)');
  });
});

describe('amend/words#typeset (GPO plain text)', () => {
  it("should read ``…'', `…' and -- as “…”, ‘…’ and —, apostrophes kept (119 H.R. 1 enrolled, secs. 71108(a)(1)(B)(i), 10101(a))", () => {
    expect(typeset("by striking ```$500,000''' and inserting ``the amount specified in subparagraph (A)''")).to.equal(
      'by striking “‘$500,000’” and inserting “the amount specified in subparagraph (A)”',
    );
    expect(typeset("``(1) In general.--The term `thrifty food plan' means the Secretary's diet.''")).to.equal(
      '“(1) In general.—The term ‘thrifty food plan’ means the Secretary\'s diet.”',
    );
    expect(typeset("the States' share--")).to.equal("the States' share—");
  });
});
