import { expect } from 'chai';
import { parseInstructions, type Prose } from '../../src/amend/instructions.js';
import { describeLocation, describePath } from '../../src/amend/location.js';
import type { Instruction } from '../../src/amend/types.js';

// The forms of issue 14, each read from a sentence quoted from a real bill (the bill and section
// are named in the test) or, where marked synthetic, written for the test in that form.

/** Reads one item of a bill section (the law named as the bill's section does). */
function read(text: string, context = {}): Instruction[] {
  return parseInstructions(text, context);
}

const where = (i: Instruction) => describeLocation(i.location).join(', ');

describe('amend/instructions — the forms Congress writes (issue 14)', () => {
  it('should read a margin moved as a direction to the printer (119 H.R. 1 EH, sec. 44124(b)(1)(C); 114th H.R. 2029 form)', () => {
    const [alone] = read('Section 1927 of the Social Security Act (42 U.S.C. 1396r–8) is amended— (1) by moving the left margin 2 ems to the left.');
    expect(alone).to.deep.include({ action: 'reformat', citation: '(1)' });
    const [joined] = read(
      'Section 5 of the Example Act is amended by redesignating clauses (i) and (ii) as items (aa) and (bb), respectively, and moving the margin of each such redesignated item 2 ems to the right.',
    );
    expect(joined!.redesignate!.map((r) => `${describePath(r.from)} → ${describePath(r.to)}`)).to.deep.equal(['clause (i) → item (aa)', 'clause (ii) → item (bb)']);
  });

  it('should read a table of sections and "the item relating to section N" (119 H.R. 1 EH, sec. 111102(d)(4)(A); 110th S. 2062, sec. 501(b))', () => {
    const [items] = read(
      'The table of sections for subpart A of part III of subchapter A of chapter 61 is amended by inserting after the item relating to section 6039J the following new items: “Sec. 6039K. Returns with respect to qualified opportunity funds. “Sec. 6039L. Information required from qualified opportunity funds.”.',
      { standing: { act: 'Internal Revenue Code of 1986' } },
    );
    expect(items).to.deep.include({ action: 'insertAfter', target: { act: 'Internal Revenue Code of 1986', within: 'subpart A of part III of subchapter A of chapter 61' } });
    expect(items!.location).to.deep.equal([{ type: 'table', of: 'table of sections' }]);
    expect(items!.anchor).to.deep.equal({ at: [{ type: 'tableItem', rung: 'section', designation: '6039J' }] });
    const [contents] = read(
      'The table of contents in section 1(b) of the Native American Housing Assistance and Self-Determination Act of 1996 (25 U.S.C. 4101 note) is amended by inserting after the item relating to section 508 the following: “Sec. 509. Effect on HOME Investment Partnerships Act.”.',
    );
    expect(contents).to.deep.include({ action: 'insertAfter', target: { act: 'Native American Housing Assistance and Self-Determination Act of 1996', section: '1' } });
    expect(where(contents!)).to.equal('subsection (b), table of contents');
  });

  it('should read "in the matter preceding", "in the matter before" and "the flush text" (119 H.R. 1 EH, sec. 44125(a)(4); 116th H.R. 3 form)', () => {
    const [flush] = read('Section 1905 of the Social Security Act is amended— (1) in the flush left matter at the end, by striking “and (18),” and inserting “(18), and (28)”.');
    expect(flush).to.deep.include({ action: 'strikeInsert', strike: 'and (18),', insert: '(18), and (28)' });
    expect(flush!.location).to.deep.equal([{ type: 'flush' }]);
    const [before] = read('Section 5 of the Example Act is amended— (1) in the matter before clause (i), by inserting “and before 2013” after “after 2006”.');
    expect(before!.location).to.deep.equal([{ type: 'matter', side: 'preceding', rung: 'clause', designation: 'i' }]);
    const [following] = read('Section 5 of the Example Act is amended— (1) in the flush text following clause (ii), by striking the second sentence.');
    expect(following!.location).to.deep.equal([{ type: 'matter', side: 'following', rung: 'clause', designation: 'ii' }]);
  });

  it('should read "the section designation and all that follows through the end of subsection (a)" (119 H.R. 1 EH, sec. 80101(c)(1))', () => {
    const [i] = read(
      'Section 17 of the Mineral Leasing Act (30 U.S.C. 226) is amended— (1) by striking the section designation and all that follows through the end of subsection (a) and inserting the following: “SEC. 17. Leasing of oil and gas.”.',
    );
    expect(i).to.deep.include({ action: 'strikeInsert', units: [[{ type: 'designation', rung: 'section', heading: false }]], throughEnd: [{ type: 'level', rung: 'subsection', designation: 'a' }] });
  });

  it('should read "all the follows" as "all that follows", with a note (119 H.R. 1 EH, sec. 30021(f)(1)(B)(ii)(I)(aa)(BB))', () => {
    const [i] = read('Section 455 of the Higher Education Act of 1965 is amended by striking “the borrower” and all the follows through “ends” and inserting “the borrower ends”.');
    expect(i).to.deep.include({ action: 'strikeInsert', strike: 'the borrower', through: 'ends', insert: 'the borrower ends', notes: ['“all the follows” read as “all that follows”'] });
  });

  it('should read lists announced by "is amended:", "is amended as follows:" and "is amended—" (114th H.R. 2029, div. L, sec. 136; 114th H.R. 240, sec. 559 form)', () => {
    const colon = read('Section 13506(a) of title 49, United States Code, is amended: (1) by striking “or” at the end of paragraph (14); and (2) by striking the period at the end of paragraph (15) and inserting “; or”.');
    expect(colon.map((i) => `${i.citation} ${i.action} [${where(i)}]`)).to.deep.equal(['(1) strike [subsection (a), paragraph (14)]', '(2) strikeInsert [subsection (a), paragraph (15)]']);
    const follows = read('Section 559 of division F of Public Law 113–76 is amended as follows: (1) by striking “2014” and inserting “2015”.');
    expect(follows[0]).to.deep.include({ action: 'strikeInsert', target: { act: 'Public Law 113–76', within: 'division F', section: '559' } });
  });

  it('should read "The following … are amended …:" with the targets listed below, and "The following … are repealed:" (116th S. 2731, sec. 611 and 119 H.R. 1 EH, sec. 30051(c) forms; synthetic sections)', () => {
    const amended = read('The following sections of title 37, United States Code, are amended by striking “December 31, 2019” and inserting “December 31, 2020”: (1) Section 301b(a). (2) Section 403(b)(7)(E).');
    expect(amended.map((i) => `${i.citation} ${i.target.usc?.section} [${where(i)}] ${i.strike} → ${i.insert}`)).to.deep.equal([
      '(1) 301b [subsection (a)] December 31, 2019 → December 31, 2020',
      '(2) 403 [subsection (b), paragraph (7), subparagraph (E)] December 31, 2019 → December 31, 2020',
    ]);
    const repealed = read('The following provisions of law are repealed: (1) Section 5 of the Example Act. (2) Section 6 of the Example Act.');
    expect(repealed.map((i) => `${i.citation} ${i.action} ${i.target.section}`)).to.deep.equal(['(1) repeal 5', '(2) repeal 6']);
  });

  it('should read "as so redesignated" and "(as amended by section …)" as where the unit now is (116th H.R. 1865, div. P; 119 H.R. 1 EH forms)', () => {
    const [so] = read('Section 5 of the Example Act is amended— (1) in paragraph (7), as so redesignated, by striking “X” and inserting “Y”.');
    expect(where(so!)).to.equal('paragraph (7)');
    const [by] = read('Section 1848(c)(2)(B)(v) of the Social Security Act (42 U.S.C. 1395w–4(c)(2)(B)(v)), as amended by section 202 of this Act, is amended by striking “and” at the end.');
    expect(by).to.deep.include({ action: 'strike', strike: 'and', where: 'end', target: { act: 'Social Security Act', section: '1848', usc: { title: '42', section: '1395w–4' } } });
  });

  it('should read "each place it appears" with an ordinal, "both places it appears" and "the 1st place it appears" (119 H.R. 1 EH, sec. 111107(g)(1)(B); sec. 10004 form)', () => {
    const both = read('Section 45Q of the Internal Revenue Code of 1986 is amended— (1) in subclauses (IV) and (V) (as so amended) by striking “without regard to subsections (a)(2) and (g)” both places it appears and inserting “without regard to subsections (a)(2) and (h)”.');
    expect(both.map((i) => `${where(i)} ${i.occurrence} ${i.count}`)).to.deep.equal(['subclause (IV) each 2', 'subclause (V) each 2']);
    const [first] = read('Section 5 of the Food and Nutrition Act of 2008 (7 U.S.C. 2014) is amended in subparagraph (A) by inserting “without an elderly or disabled member” after “household” the 1st place it appears.');
    expect(first).to.deep.include({ occurrence: 1, anchor: { text: 'household' } });
  });

  it('should read a section moved and a section transferred (114th H.R. 2029, div. O, sec. 701; synthetic for "is transferred … and inserted after")', () => {
    const [moved] = read('Chapter 97 of title 31, United States Code, is amended— (1) by moving the second section 9703 (relating to the Department of the Treasury Forfeiture Fund) so as to appear after section 9702.');
    expect(moved).to.deep.include({ action: 'transfer', where: 'after', units: [[{ type: 'level', rung: 'section', designation: '9703', nth: 2 }]], anchor: { at: [{ type: 'level', rung: 'section', designation: '9702' }] } });
    const [transferred] = read('Section 5 of the Example Act is transferred to chapter 3 and inserted after section 301.');
    expect(transferred).to.deep.include({ action: 'transfer', where: 'after', anchor: { at: [{ type: 'level', rung: 'section', designation: '301' }] } });
  });

  it('should read plain slips for their intent, with a note (113th H.R. 1068, sec. 5(l)(4); 119 H.R. 1 EH, secs. 10004(a)(1), 30021(c)(1), 112206(a)(1)(B))', () => {
    const [omitted] = read(
      'The paragraph under the heading “natural resource damage assessment and restoration fund” under the heading “United States Fish and Wildlife Service” in Public Law 103–138 (43 U.S.C. 1474b–1) is omitted by striking “the Act of July 27, 1990 (Public Law 101–337)” and substituting “subchapter II of chapter 1007 of title 54, United States Code,”.',
    );
    expect(omitted).to.deep.include({ action: 'strikeInsert', target: { act: 'Public Law 103–138', within: 'paragraph under the heading “natural resource damage assessment and restoration fund” under the heading “United States Fish and Wildlife Service”' } });
    expect(omitted!.notes).to.deep.equal(['“is omitted by” read as “is amended by”']);
    const [ofThe] = read('Section 5(e)(6)(C)(iv)(I) of the of the Food and Nutrition Act of 2008 (7 U.S.C. 2014(e)(6)(C)(iv)(I)) is amended by inserting “with an elderly or disabled member” after “households”.');
    expect(ofThe).to.deep.include({ action: 'insertAfter', notes: ['“of the of the” read as “of the”'] });
    const [the] = read('Subsection (e) of section 455 the Higher Education Act of 1965 (20 U.S.C. 1087e(e)) is repealed.');
    expect(the).to.deep.include({ action: 'repeal', target: { act: 'Higher Education Act of 1965', section: '455', usc: { title: '20', section: '1087e' } }, notes: ['“section 455 the” read as “section 455 of the”'] });
    const [is] = read('Section 32 amended by adding at the end the following new subsection: “(o) EITC certificate.—For rules, see section 7531.”.', { standing: { act: 'Internal Revenue Code of 1986' } });
    expect(is).to.deep.include({ action: 'addAtEnd', notes: ['“Section 32 amended” read as “Section 32 is amended”'] });
  });

  it('should report words that are no instruction apart, and not count them (119 H.R. 1 EH form; synthetic appropriation)', () => {
    const prose: Prose[] = [];
    const instructions = parseInstructions(
      'SEC. 9. (a) Appropriation.—For the Secretary, $5,000,000, to remain available until expended. (b) Amendment.—Section 5 of the Example Act is amended by striking “2025” and inserting “2029”. (c) Effective date.—The amendment made by subsection (b) shall take effect on January 1, 2026.',
      {},
      prose,
    );
    expect(instructions.map((i) => `${i.citation} ${i.action}`)).to.deep.equal(['(b) strikeInsert']);
    expect(prose.map((p) => `${p.citation} ${p.reason}`)).to.deep.equal(['(a) no amendatory verb', '(c) no amendatory verb']);
  });

  it('should read "the proviso", a unit redesignated and moved under another, and "indenting … appropriately" (116th S. 47, secs. 2105(1)(B) and 2109(b)(3)(A), (C)(ii); 114th H.R. 2029, div. N, sec. 223(a)(2); 113th H.J. Res. 59, sec. 121(8))', () => {
    const [proviso] = read('Section 2 of Public Law 95–484 is amended by striking the proviso.');
    expect(proviso!.units).to.deep.equal([[{ type: 'provision', name: 'the proviso' }]]);
    const [moved] = read(
      'Section 1 of Public Law 98–32 is amended by redesignating subsection (e) as paragraph (2), indenting the paragraph appropriately, and moving the paragraph so as to appear at the end of subsection (c).',
    );
    expect(moved!.redesignate).to.deep.equal([
      { from: [{ type: 'level', rung: 'subsection', designation: 'e' }], to: [{ type: 'level', rung: 'subsection', designation: 'c' }, { type: 'level', rung: 'paragraph', designation: '2' }], place: { where: 'end' } },
    ]);
    const [indent] = read('Section 1 of Public Law 98–32 is amended in subsection (b), in paragraph (1), by indenting subparagraphs (A) and (B) appropriately.');
    expect(indent).to.deep.include({ action: 'reformat' });
    const [under] = read('Section 223 of the Example Act is amended by redesignating section 227 as subsection (c) of section 228, as added by paragraph (4), and adjusting the margins accordingly.');
    expect(under!.redesignate!.map((r) => `${describePath(r.from)} → ${describePath(r.to)}`)).to.deep.equal(['section 227 → section 228, subsection (c)']);
    const [second] = read('Redesignate the second subsection (j) of section 255 (relating to Identification of Programs) as subsection (k).', { standing: { act: 'Example Act' } });
    expect(where(second!)).to.equal('section 255');
    expect(second!.redesignate!.map((r) => `${describePath(r.from)} → ${describePath(r.to)}`)).to.deep.equal(['second subsection (j) → subsection (k)']);
  });

  it('should read items of a list named by their words or by subparagraph, units named each with its rung, "the end period", and new text printed before words that are no part of it (114th H.R. 2029, div. O, sec. 403(a)(1); 115th H.R. 1 EAS, sec. 13204(a)(3)(B); 114th H.R. 2289, sec. 414(aa); 114th H.R. 644, sec. 906(b)(5); 116th H.R. 1865 EAH, div. H, sec. 129A)', () => {
    const [account] = read(
      'Section 5 of the Example Act is amended by inserting after the item relating to Retirement Pay and Medical Benefits for Commissioned Officers, Public Health Service the following: “September 11th Victim Compensation Fund (15–0340–0–1–754).”.',
    );
    expect(account!.anchor).to.deep.equal({ at: [{ type: 'provision', name: 'the item relating to Retirement Pay and Medical Benefits for Commissioned Officers, Public Health Service' }] });
    const [rate] = read('Section 5 of the Example Act is amended by inserting after the item relating to subparagraph (D)(ii) the following new item: “(D)(v) 20”.');
    expect(rate!.anchor).to.deep.equal({ at: [{ type: 'tableItem', rung: 'subparagraph', designation: '(D)(ii)' }] });
    const [rates] = read(
      'Section 5 of the Example Act is amended by striking the item relating to subparagraph (E)(iv) and all that follows through the item relating to subparagraph (E)(ix) and inserting the following: “(E)(iv) 20 (E)(v) 30”.',
    );
    expect(rates!.units).to.deep.equal([[{ type: 'provision', name: 'the items relating to subparagraph (E)(iv) through (E)(ix)' }]]);
    const [both] = read('Section 17 of the Example Act (7 U.S.C. 21) is amended by redesignating subsection (q), as added by section 233(5) of Public Law 97–444, and subsection (r) as subsections (r) and (s), respectively.');
    expect(both!.redesignate!.map((r) => `${describePath(r.from)} → ${describePath(r.to)}`)).to.deep.equal(['subsection (q) → subsection (r)', 'subsection (r) → subsection (s)']);
    const [end] = read('Section 5 of the Example Act is amended by striking “an amount of drawback equal to” and all that follows through the end period and inserting “an amount calculated”.');
    expect(end).to.deep.include({ strike: 'an amount of drawback equal to', through: '', insert: 'an amount calculated' });
    const prose: Prose[] = [];
    const read129A = parseInstructions(
      'Section 119(e)(5) of title 23, United States Code, is amended to read as follows: “(5) Requirement for plan.— “(A) In general.—Notwithstanding section 120, the Federal share shall be 65 percent.”. Federal Motor Carrier Safety Administration For payment of obligations, $288,000,000: Provided further, That of the sums appropriated under this heading: (1) $308,700,000 shall be available for the motor carrier safety assistance program; and (2) $33,200,000 shall be available for the commercial driver’s license program.',
      {},
      prose,
    );
    expect(read129A.map((i) => i.action)).to.deep.equal(['amendToRead']);
    expect(read129A[0]!.insert).to.equal('(5) Requirement for plan.— (A) In general.—Notwithstanding section 120, the Federal share shall be 65 percent.');
    expect(read129A[0]!.notes![0]).to.match(/^the words printed after the new text are no part of the instruction: “Federal Motor Carrier Safety Administration/);
    expect(prose.map((p) => p.citation)).to.deep.equal(['(1)', '(2)']);
  });
});
