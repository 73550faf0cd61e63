import { expect } from 'chai';
import { parseInstructions as read, type LawContext } from '../../src/amend/instructions.js';
import { describeLocation, describePath } from '../../src/amend/location.js';
import type { Instruction } from '../../src/amend/types.js';

/**
 * An instruction with its places written in words (`subsection (b)`, `paragraph (6)(E)`), so that
 * long expectations read as the bill does. The typed steps themselves are asserted in
 * "should give places as typed steps" below.
 */
function worded(i: Instruction): Record<string, unknown> {
  const { location, units, anchor, redesignate, ...rest } = i;
  return {
    ...rest,
    location: describeLocation(location),
    ...(units ? { units: units.map(describePath) } : {}),
    ...(anchor ? ('text' in anchor ? { anchor: anchor.text, anchorKind: 'text' } : { anchor: describePath(anchor.at), anchorKind: 'unit' }) : {}),
    ...(redesignate ? { redesignate: redesignate.map((r) => ({ from: describePath(r.from), to: describePath(r.to) })) } : {}),
  };
}

/** `parseInstructions`, each instruction worded. */
type Worded = ReturnType<typeof worded> & { citation: string; text: string; action: string; target: Instruction['target']; location: string[]; reason?: string; insert?: string; units?: string[]; redesignate?: Array<{ from: string; to: string }> };
const parseInstructions = (text: string, context?: LawContext): Worded[] => read(text, context).map(worded) as Worded[];

const usc54 = (section: string) => ({ usc: { title: '54', section } });
const usc17 = (section: string) => ({ usc: { title: '17', section } });

/** One line per instruction: citation, action and location, for long lists. */
function outline(instructions: Worded[]): string[] {
  return instructions.map((i) => `${i.citation} ${i.action} [${i.location.join(', ')}]`);
}

describe('amend/instructions', () => {
  it('should give places as typed steps, never as words to read again (Pub. L. 116-9, § 3001(a), pl116-9_pl116-152_54usc200302; synthetic for the rest)', () => {
    const [preceding] = read(
      'Section 200302 of title 54, United States Code, is amended in subsection (b), in the matter preceding paragraph (1), by striking “During the period ending September 30, 2018, there” and inserting “There”.',
    );
    expect(preceding!.location).to.deep.equal([
      { type: 'level', rung: 'subsection', designation: 'b' },
      { type: 'matter', side: 'preceding', rung: 'paragraph', designation: '1' },
    ]);
    const [units, mark, sentence, anchored] = read(
      'Section 5 of the Example Act is amended— (1) by striking paragraphs (3) and (6)(E); (2) in subsection (c), by striking the period at the end and inserting “; and”; ' +
        '(3) by striking the 2d sentence; and (4) by inserting after paragraph (2)(B) the following: “(C) Three.”.',
    );
    expect(units!.units).to.deep.equal([
      [{ type: 'level', rung: 'paragraph', designation: '3' }],
      [
        { type: 'level', rung: 'paragraph', designation: '6' },
        { type: 'level', rung: 'subparagraph', designation: 'E' },
      ],
    ]);
    expect(mark!.units).to.deep.equal([[{ type: 'mark', mark: '.', atEnd: true }]]);
    expect(sentence!.units).to.deep.equal([[{ type: 'sentence', ordinal: 2 }]]);
    expect(anchored!.anchor).to.deep.equal({
      at: [
        { type: 'level', rung: 'paragraph', designation: '2' },
        { type: 'level', rung: 'subparagraph', designation: 'B' },
      ],
    });
    expect(JSON.parse(JSON.stringify(anchored))).to.deep.equal(anchored);
  });

  describe('#parseInstructions (sentences quoted from amend-truth CASE.md files)', () => {
    it('should read a numbered list under a U.S. Code section (pl116-9_54usc200304)', () => {
      const text =
        '(b) Allocation of Funds.— Section 200304 of title 54, United States Code, is amended— (1) by striking the second sentence; ' +
        '(2) by striking “There” and inserting the following: “(a) In general.— There”; and (3) by adding at the end the following: ' +
        '“(b) Allocation of funds.— Of the total amount made available to the Fund— “(1) not less than 40 percent shall be used for Federal purposes; and ' +
        '“(2) not less than 40 percent shall be used to provide financial assistance to States.”.';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '(b)(1)',
          text: 'by striking the second sentence',
          target: usc54('200304'),
          location: [],
          action: 'strike',
          units: ['second sentence'],
        },
        {
          citation: '(b)(2)',
          text: 'by striking “There” and inserting the following: “(a) In general.— There”',
          target: usc54('200304'),
          location: [],
          action: 'strikeInsert',
          strike: 'There',
          insert: '(a) In general.— There',
        },
        {
          citation: '(b)(3)',
          text:
            'by adding at the end the following: “(b) Allocation of funds.— Of the total amount made available to the Fund— “(1) not less than 40 percent shall be used for Federal purposes; and ' +
            '“(2) not less than 40 percent shall be used to provide financial assistance to States.”',
          target: usc54('200304'),
          location: [],
          action: 'addAtEnd',
          insert:
            '(b) Allocation of funds.— Of the total amount made available to the Fund— (1) not less than 40 percent shall be used for Federal purposes; and ' +
            '(2) not less than 40 percent shall be used to provide financial assistance to States.',
        },
      ]);
    });

    it('should read "in the matter preceding paragraph (1)" and a compound designation (pl116-9_pl116-152_54usc200302)', () => {
      const text =
        '(a) In general.— Section 200302 of title 54, United States Code, is amended— (1) in subsection (b), in the matter preceding paragraph (1), ' +
        'by striking “During the period ending September 30, 2018, there” and inserting “There”; and (2) in subsection (c)(1), by striking “through September 30, 2018”.';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '(a)(1)',
          text: 'in subsection (b), in the matter preceding paragraph (1), by striking “During the period ending September 30, 2018, there” and inserting “There”',
          target: usc54('200302'),
          location: ['subsection (b)', 'matter preceding paragraph (1)'],
          action: 'strikeInsert',
          strike: 'During the period ending September 30, 2018, there',
          insert: 'There',
        },
        {
          citation: '(a)(2)',
          text: 'in subsection (c)(1), by striking “through September 30, 2018”',
          target: usc54('200302'),
          location: ['subsection (c)', 'paragraph (1)'],
          action: 'strike',
          strike: 'through September 30, 2018',
        },
      ]);
    });

    it('should read a subsection named with the section and a struck paragraph (pl116-9_54usc200305)', () => {
      expect(
        parseInstructions('(c) Parity for territories and the District of Columbia.— Section 200305(b) of title 54, United States Code, is amended by striking paragraph (5).'),
      ).to.deep.equal([
        {
          citation: '(c)',
          text: 'Section 200305(b) of title 54, United States Code, is amended by striking paragraph (5)',
          target: usc54('200305'),
          location: ['subsection (b)'],
          action: 'strike',
          units: ['paragraph (5)'],
        },
      ]);
    });

    it('should read "the first sentence of section 701(f) … is amended to read as follows" (pl116-94_17usc701)', () => {
      const text =
        '(3) Register of Copyrights.— The first sentence of section 701(f) of title 17, United States Code, is amended to read as follows: ' +
        '“The Register of Copyrights shall be compensated at the greater of the rate of pay in effect for level III of the Executive Schedule.”.';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '(3)',
          text:
            'The first sentence of section 701(f) of title 17, United States Code, is amended to read as follows: ' +
            '“The Register of Copyrights shall be compensated at the greater of the rate of pay in effect for level III of the Executive Schedule.”',
          target: usc17('701'),
          location: ['subsection (f)', 'first sentence'],
          action: 'amendToRead',
          insert: 'The Register of Copyrights shall be compensated at the greater of the rate of pay in effect for level III of the Executive Schedule.',
        },
      ]);
    });

    it('should read "by striking the last sentence and inserting" (pl116-94_17usc701)', () => {
      const text =
        '(2) U.s. copyright office.— Section 701(f) of title 17, United States Code, is amended by striking the last sentence and inserting ' +
        '“The rate of basic pay for each Associate Register of Copyrights shall be fixed in accordance with section 5376 of title 5.”.';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '(2)',
          text:
            'Section 701(f) of title 17, United States Code, is amended by striking the last sentence and inserting ' +
            '“The rate of basic pay for each Associate Register of Copyrights shall be fixed in accordance with section 5376 of title 5.”',
          target: usc17('701'),
          location: ['subsection (f)'],
          action: 'strikeInsert',
          units: ['last sentence'],
          insert: 'The rate of basic pay for each Associate Register of Copyrights shall be fixed in accordance with section 5376 of title 5.',
        },
      ]);
    });

    it('should read an Act with its U.S.C. parenthetical, "in the fifth paragraph" and "inserting after “X” the following" (pl116-9_30usc181)', () => {
      const text =
        'Sec. 1109. Maintenance of Federal mineral leases based on extraction of helium. The first section of the Mineral Leasing Act (30 U.S.C. 181) ' +
        'is amended in the fifth paragraph by inserting after “purchaser thereof” the following: “, and that extraction of helium from gas produced from such lands shall maintain the lease as if the extracted helium were oil and gas”.';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '',
          text:
            'The first section of the Mineral Leasing Act (30 U.S.C. 181) is amended in the fifth paragraph by inserting after “purchaser thereof” the following: ' +
            '“, and that extraction of helium from gas produced from such lands shall maintain the lease as if the extracted helium were oil and gas”',
          target: { act: 'Mineral Leasing Act', section: '1', usc: { title: '30', section: '181' } },
          location: ['fifth paragraph'],
          action: 'insertAfter',
          anchor: 'purchaser thereof',
          anchorKind: 'text',
          insert: ', and that extraction of helium from gas produced from such lands shall maintain the lease as if the extracted helium were oil and gas',
        },
      ]);
    });

    it('should read "each place it appears" across a chapter, and the printer\'s parenthetical (pl116-9_54usc308402)', () => {
      const text =
        '(a) Chapter amendments.— Chapter 3084 of title 54, United States Code, is amended by striking “U.S. Civil Rights Network” each place it appears ' +
        'and inserting “African American Civil Rights Network” (using identical font as used in the text being replaced).';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '(a)',
          text:
            'Chapter 3084 of title 54, United States Code, is amended by striking “U.S. Civil Rights Network” each place it appears ' +
            'and inserting “African American Civil Rights Network” (using identical font as used in the text being replaced)',
          target: { title: '54', chapter: '3084' },
          location: [],
          action: 'strikeInsert',
          strike: 'U.S. Civil Rights Network',
          occurrence: 'each',
          insert: 'African American Civil Rights Network',
        },
      ]);
    });

    it('should read "striking … and substituting" and a Public Law named "known as" (pl113-287_48usc1905)', () => {
      const text =
        '(1) Section 105(l) of Public Law 99–239 (known as the Compact of Free Association Amendments Act of 2003) (48 U.S.C. 1905(l)) is amended by striking ' +
        '“the National Historic Preservation Act (80 Stat. 915; 16 U.S.C. 470–470t)” and substituting “division A of subtitle III of title 54, United States Code”.';
      const [instruction] = parseInstructions(text);
      expect(instruction).to.deep.include({
        citation: '(1)',
        target: { act: 'Public Law 99–239', section: '105', usc: { title: '48', section: '1905' } },
        location: ['subsection (l)'],
        action: 'strikeInsert',
        strike: 'the National Historic Preservation Act (80 Stat. 915; 16 U.S.C. 470–470t)',
        insert: 'division A of subtitle III of title 54, United States Code',
      });
    });

    it('should read an Act section with a subsection and a nested U.S.C. designation (pl113-287_45usc1116)', () => {
      const text =
        '(1) Section 1168(a) of the Omnibus Budget Reconciliation Act of 1981 (45 U.S.C. 1111(a)) is amended by striking “the National Historic Preservation Act” ' +
        'and substituting “division A of subtitle III of title 54, United States Code”.';
      const [instruction] = parseInstructions(text);
      expect(instruction?.target).to.deep.equal({ act: 'Omnibus Budget Reconciliation Act of 1981', section: '1168', usc: { title: '45', section: '1111' } });
      expect(instruction?.location).to.deep.equal(['subsection (a)']);
    });

    it('should read past a line number printed inside a U.S.C. citation (113 H.J. Res. 59 ENR: "(42 U.S.C. 10 1395w–4(d))")', () => {
      const text = 'Section 1848(d) of the Social Security Act (42 U.S.C. 10 1395w–4(d)) is amended by adding at the end the following new paragraph: “(15) A placeholder.”.';
      const [instruction] = parseInstructions(text);
      expect(instruction?.target).to.deep.equal({ act: 'Social Security Act', section: '1848', usc: { title: '42', section: '1395w–4' } });
      // 114 H.R. 2029 ENR prints it without its dash: "(42 U.S.C. 1395w 4(c)(2)(B)(v))".
      const [lost] = parseInstructions('Section 1848(c)(2)(B)(v) of the Social Security Act (42 U.S.C. 1395w 4(c)(2)(B)(v)) is amended by adding at the end the following: “(XI) A placeholder.”.');
      expect(lost?.target).to.deep.equal({ act: 'Social Security Act', section: '1848', usc: { title: '42', section: '1395w–4' } });
      // The appendix of title 5 (114 H.R. 2029 ENR) names no section of the title: the Act's section only.
      const [appendix] = parseInstructions('Section 8G(a)(2) of the Inspector General Act of 1978 (5 U.S.C. App.) is amended by striking “placeholder” and inserting “example”.');
      expect(appendix?.target).to.deep.equal({ act: 'Inspector General Act of 1978', section: '8G' });
    });

    it('should carry a chapter target into "in section 802—" (pl116-94_17usc802)', () => {
      const text =
        '(a) Removal of cap on personnel.— Chapter 8 of title 17, United States Code, is amended— (1) in section 802— (A) in subsection (b), by striking “3”; and ' +
        '(B) in subsection (e), by striking paragraph (2) and inserting the following: “(2) Staff members.— Staff members appointed under subsection (b) shall be compensated.”; and ' +
        '(2) in section 803(e)(1)(A), by striking “3”.';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '(a)(1)(A)',
          text: 'in subsection (b), by striking “3”',
          target: { chapter: '8', usc: { title: '17', section: '802' } },
          location: ['subsection (b)'],
          action: 'strike',
          strike: '3',
        },
        {
          citation: '(a)(1)(B)',
          text: 'in subsection (e), by striking paragraph (2) and inserting the following: “(2) Staff members.— Staff members appointed under subsection (b) shall be compensated.”',
          target: { chapter: '8', usc: { title: '17', section: '802' } },
          location: ['subsection (e)'],
          action: 'strikeInsert',
          units: ['paragraph (2)'],
          insert: '(2) Staff members.— Staff members appointed under subsection (b) shall be compensated.',
        },
        {
          citation: '(a)(2)',
          text: 'in section 803(e)(1)(A), by striking “3”',
          target: { chapter: '8', usc: { title: '17', section: '803' } },
          location: ['subsection (e)', 'paragraph (1)', 'subparagraph (A)'],
          action: 'strike',
          strike: '3',
        },
      ]);
    });

    it('should keep the scope of nested items: "as amended by", "as so redesignated" (pl116-94_17usc119, § 1102(c))', () => {
      const text =
        '(c) Conforming amendments.— Title 17, United States Code, is further amended— (1) in section 119, as amended by subsection (a)— (A) in subsection (a)— ' +
        '(i) in paragraph (1), by striking “paragraphs (4), (5), and (7)” and inserting “paragraphs (3), (4), and (6)”; and ' +
        '(ii) in paragraph (2), by striking “paragraphs (4), (5), (6), and (7)” and inserting “paragraphs (3), (4), (5), and (6)”; and ' +
        '(B) in subsection (f), as so redesignated, by striking “subsection (a)(7)(B)” each place it appears and inserting “subsection (a)(5)(B)”; and ' +
        '(2) in section 501(e), by striking “section 119(a)(5)” and inserting “section 119(a)(3)”.';
      const instructions = parseInstructions(text);
      expect(outline(instructions)).to.deep.equal([
        '(c)(1)(A)(i) strikeInsert [subsection (a), paragraph (1)]',
        '(c)(1)(A)(ii) strikeInsert [subsection (a), paragraph (2)]',
        '(c)(1)(B) strikeInsert [subsection (f)]',
        '(c)(2) strikeInsert [subsection (e)]',
      ]);
      expect(instructions[2]).to.deep.equal({
        citation: '(c)(1)(B)',
        text: 'in subsection (f), as so redesignated, by striking “subsection (a)(7)(B)” each place it appears and inserting “subsection (a)(5)(B)”',
        target: usc17('119'),
        location: ['subsection (f)'],
        action: 'strikeInsert',
        strike: 'subsection (a)(7)(B)',
        occurrence: 'each',
        insert: 'subsection (a)(5)(B)',
      });
      expect(instructions[3]?.target).to.deep.equal(usc17('501'));
    });

    it('should read four levels of nesting, unit lists and redesignations with "respectively" (pl116-94_17usc119, § 1102(a), items quoted in part)', () => {
      const text =
        '(a) In general.— Section 119 of title 17, United States Code, is amended— (1) in subsection (a)— (A) in paragraph (2)— (i) in subparagraph (A)— ' +
        '(I) by striking “signals, and” and inserting “signals,”; (II) by inserting “, and the carrier provides local-into-local service to all DMAs” after “receiving the secondary transmission”; and ' +
        '(ii) in subparagraph (B)— (I) by striking clauses (ii) and (iii); (B) by striking paragraphs (3), (6)(E), (9), (10), and (13); and ' +
        '(C) by redesignating paragraphs (4), (5), (6), (7), (8), (11), (12), and (14) as paragraphs (3) through (10), respectively; ' +
        '(2) in subsection (c)(1)(E)— (A) by striking the comma after “in the agreement”; (3) in subsection (d)— (A) in paragraph (10)— ' +
        '(iii) by redesignating subparagraph (D) as subparagraph (A); and (4) by striking subsections (e) and (h); ' +
        '(5) in subsection (g)(7), by inserting “, except for designated market areas” after “section 122”; and (6) by redesignating subsections (f) and (g) as subsections (e) and (f).';
      const instructions = parseInstructions(text);
      expect(outline(instructions)).to.deep.equal([
        '(a)(1)(A)(i)(I) strikeInsert [subsection (a), paragraph (2), subparagraph (A)]',
        '(a)(1)(A)(i)(II) insertAfter [subsection (a), paragraph (2), subparagraph (A)]',
        '(a)(1)(A)(ii)(I) strike [subsection (a), paragraph (2), subparagraph (B)]',
        '(a)(1)(B) strike [subsection (a)]',
        '(a)(1)(C) redesignate [subsection (a)]',
        '(a)(2)(A) strike [subsection (c), paragraph (1), subparagraph (E)]',
        '(a)(3)(A)(iii) redesignate [subsection (d), paragraph (10)]',
        '(a)(4) strike []',
        '(a)(5) insertAfter [subsection (g), paragraph (7)]',
        '(a)(6) redesignate []',
      ]);
      expect(instructions[2]?.units).to.deep.equal(['clause (ii)', 'clause (iii)']);
      expect(instructions[3]?.units).to.deep.equal(['paragraph (3)', 'paragraph (6)(E)', 'paragraph (9)', 'paragraph (10)', 'paragraph (13)']);
      expect(instructions[4]?.redesignate).to.deep.equal([
        { from: 'paragraph (4)', to: 'paragraph (3)' },
        { from: 'paragraph (5)', to: 'paragraph (4)' },
        { from: 'paragraph (6)', to: 'paragraph (5)' },
        { from: 'paragraph (7)', to: 'paragraph (6)' },
        { from: 'paragraph (8)', to: 'paragraph (7)' },
        { from: 'paragraph (11)', to: 'paragraph (8)' },
        { from: 'paragraph (12)', to: 'paragraph (9)' },
        { from: 'paragraph (14)', to: 'paragraph (10)' },
      ]);
      expect(instructions[5]).to.deep.include({ strike: ',', where: 'after', anchor: 'in the agreement', anchorKind: 'text' });
      expect(instructions[9]?.redesignate).to.deep.equal([
        { from: 'subsection (f)', to: 'subsection (e)' },
        { from: 'subsection (g)', to: 'subsection (f)' },
      ]);
    });

    it('should read "in the section heading, by inserting “Y” after “X”" (pl116-94_44usc3902)', () => {
      const text =
        '(1) In general.— Section 3902 of title 44, United States Code, is amended— (A) in the section heading, by inserting “; pay; limits on bonuses; counsel” after “removal”;';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '(1)(A)',
          text: 'in the section heading, by inserting “; pay; limits on bonuses; counsel” after “removal”',
          target: { usc: { title: '44', section: '3902' } },
          location: ['section heading'],
          action: 'insertAfter',
          insert: '; pay; limits on bonuses; counsel',
          anchor: 'removal',
          anchorKind: 'text',
        },
      ]);
    });

    it('should refuse an item whose law is named only by an enclosing item that is not given (pl116-94_17usc501)', () => {
      expect(parseInstructions('(2) in section 501(e), by striking “section 119(a)(5)” and inserting “section 119(a)(3)”.')).to.deep.equal([
        {
          citation: '(2)',
          text: 'in section 501(e), by striking “section 119(a)(5)” and inserting “section 119(a)(3)”',
          target: {},
          location: [],
          action: 'unknown',
          reason: 'section 501 named without a law',
        },
      ]);
    });
  });

  describe('#parseInstructions (California instruction lines from ca-pubinfo)', () => {
    it('should read "is amended to read:" with the new text unquoted', () => {
      expect(parseInstructions('SECTION 1.\nSection 37252 of the Education Code is amended to read:\n37252. (a) Text— (1) one; and\n(2) two.')).to.deep.equal([
        {
          citation: '',
          text: 'Section 37252 of the Education Code is amended to read: 37252. (a) Text— (1) one; and (2) two.',
          target: { code: 'Education Code', section: '37252' },
          location: [],
          action: 'amendToRead',
          insert: '37252. (a) Text— (1) one; and\n(2) two.',
        },
      ]);
    });

    it('should read "is added to the … Code, to read:"', () => {
      expect(parseInstructions('SEC. 2.\nSection 44498 is added to the Education Code, to read:\n44498. New text.')).to.deep.equal([
        {
          citation: '',
          text: 'Section 44498 is added to the Education Code, to read: 44498. New text.',
          target: { section: '44498', code: 'Education Code' },
          location: [],
          action: 'add',
          insert: '44498. New text.',
        },
      ]);
    });
  });

  describe('#parseInstructions (synthetic sentences, not real law, for forms the cases lack)', () => {
    it('should read an Act target, "the second place it appears" and "and all that follows through"', () => {
      const text =
        'Section 399BB of the Public Health Service Act (42 U.S.C. 280i-1) is amended— (1) in subsection (a), by striking “X” the second place it appears; and ' +
        '(2) in subsection (b)(2)(A), by striking “foo” and all that follows through “bar” and inserting “baz”.';
      expect(parseInstructions(text)).to.deep.equal([
        {
          citation: '(1)',
          text: 'in subsection (a), by striking “X” the second place it appears',
          target: { act: 'Public Health Service Act', section: '399BB', usc: { title: '42', section: '280i-1' } },
          location: ['subsection (a)'],
          action: 'strike',
          strike: 'X',
          occurrence: 2,
        },
        {
          citation: '(2)',
          text: 'in subsection (b)(2)(A), by striking “foo” and all that follows through “bar” and inserting “baz”',
          target: { act: 'Public Health Service Act', section: '399BB', usc: { title: '42', section: '280i-1' } },
          location: ['subsection (b)', 'paragraph (2)', 'subparagraph (A)'],
          action: 'strikeInsert',
          strike: 'foo',
          through: 'bar',
          insert: 'baz',
        },
      ]);
    });

    it('should read insert before, insert after a unit, redesignation, "each place" and a compound strike', () => {
      const text =
        'Section 5 of the Example Act is amended— (1) in paragraph (3), by inserting “new” before “old”; (2) by inserting after paragraph (2) the following: “(3) Three.”; ' +
        '(3) by redesignating paragraphs (3) and (4) as paragraphs (4) and (5), respectively; (4) in the first sentence, by striking “a” each place it appears and inserting “b”; and ' +
        '(5) by striking paragraph (3) and redesignating paragraph (4) as paragraph (3).';
      const target = { act: 'Example Act', section: '5' };
      expect(parseInstructions(text).map(({ text: _text, ...rest }) => rest)).to.deep.equal([
        { citation: '(1)', target, location: ['paragraph (3)'], action: 'insertBefore', insert: 'new', anchor: 'old', anchorKind: 'text' },
        { citation: '(2)', target, location: [], action: 'insertAfter', anchor: 'paragraph (2)', anchorKind: 'unit', insert: '(3) Three.' },
        {
          citation: '(3)',
          target,
          location: [],
          action: 'redesignate',
          redesignate: [
            { from: 'paragraph (3)', to: 'paragraph (4)' },
            { from: 'paragraph (4)', to: 'paragraph (5)' },
          ],
        },
        { citation: '(4)', target, location: ['first sentence'], action: 'strikeInsert', strike: 'a', occurrence: 'each', insert: 'b' },
        { citation: '(5)', target, location: [], action: 'strike', units: ['paragraph (3)'] },
        { citation: '(5)', target, location: [], action: 'redesignate', redesignate: [{ from: 'paragraph (4)', to: 'paragraph (3)' }] },
      ]);
    });

    it('should read repeals, federal and Californian', () => {
      const actions = [
        'Section 7 of the Example Act is repealed.',
        'Section 8 of title 10, United States Code, is repealed and reserved.',
        'SEC. 3.\nSection 11369 of the Health and Safety Code is repealed.',
      ].map((text) => parseInstructions(text).map((i) => [i.action, i.target]));
      expect(actions).to.deep.equal([
        [['repeal', { act: 'Example Act', section: '7' }]],
        [['repealReserve', { usc: { title: '10', section: '8' } }]],
        [['repeal', { code: 'Health and Safety Code', section: '11369' }]],
      ]);
    });

    it('should read "is amended and renumbered"', () => {
      expect(parseInstructions('SEC. 4.\nSection 1050 of the Penal Code is amended and renumbered to read:\n1050.5. Text.')[0]).to.deep.include({
        action: 'amendRenumber',
        target: { code: 'Penal Code', section: '1050' },
        insert: '1050.5. Text.',
      });
    });

    it('should keep nested quotation marks and apostrophes inside quoted text', () => {
      const [instruction] = parseInstructions('Section 9 of the Example Act is amended by adding at the end the following: “(c) The term ‘carrier’s agent’ means “(1) one.”.');
      expect(instruction?.insert).to.equal('(c) The term ‘carrier’s agent’ means (1) one.');
    });

    it('should return an action it cannot read as unknown, with the reason', () => {
      expect(parseInstructions('Section 9 of the Example Act is amended by frobbing “x”.')).to.deep.equal([
        {
          citation: '',
          text: 'Section 9 of the Example Act is amended by frobbing “x”',
          target: { act: 'Example Act', section: '9' },
          location: [],
          action: 'unknown',
          reason: 'action not understood: "frobbing “x”"',
        },
      ]);
    });

    it('should mark the items under an unreadable item as unknown instead of guessing their place', () => {
      const instructions = parseInstructions('The Example Law is amended— (1) by striking “x”; and (2) by striking “y”.');
      expect(instructions.map((i) => [i.citation, i.action, i.reason])).to.deep.equal([
        ['', 'unknown', 'target not understood: "The Example Law"'],
        ['(1)', 'unknown', 'enclosing item (unnumbered) not understood: target not understood: "The Example Law"'],
        ['(2)', 'unknown', 'enclosing item (unnumbered) not understood: target not understood: "The Example Law"'],
      ]);
    });
  });
});

describe('amend/instructions (forms found in 119 H.R. 1 and the 116th-Congress laws, synthetic sentences)', () => {
  const read = (instruction: string) =>
    parseInstructions(`Section 3 of the Example Act is amended ${instruction}.`).map(({ citation: _c, text: _t, target: _g, location: _l, ...rest }) => rest);

  it('should read marks and words at the end of a unit', () => {
    expect(read('by striking “and” at the end')).to.deep.equal([{ action: 'strike', strike: 'and', where: 'end' }]);
    expect(read('by striking the period and inserting “; and”')).to.deep.equal([{ action: 'strikeInsert', units: ['period'], insert: '; and' }]);
    expect(read('by striking “; and” and inserting a semicolon')).to.deep.equal([{ action: 'strikeInsert', strike: '; and', insert: ';' }]);
    expect(read('by inserting before the period at the end the following: “, or X”')).to.deep.equal([
      { action: 'insertBefore', anchor: 'period at the end', anchorKind: 'unit', insert: ', or X' },
    ]);
  });

  it('should read unit ranges in the series the unit names, and directions to the printer', () => {
    const [letters] = read('by redesignating subparagraphs (H) through (J) as subparagraphs (I) through (K), respectively');
    expect(letters?.redesignate?.map((r) => `${r.from}→${r.to}`)).to.deep.equal([
      'subparagraph (H)→subparagraph (I)',
      'subparagraph (I)→subparagraph (J)',
      'subparagraph (J)→subparagraph (K)',
    ]);
    const [romans] = read('by redesignating clauses (i) through (iii) as subclauses (I) through (III), respectively, and indenting appropriately');
    expect(romans?.redesignate?.map((r) => r.to)).to.deep.equal(['subclause (I)', 'subclause (II)', 'subclause (III)']);
    expect(read('by repealing paragraph (6)')).to.deep.equal([{ action: 'repeal', units: ['paragraph (6)'] }]);
  });

  it('should read an Act named without a section and a unit "of" a unit', () => {
    const [instruction] = parseInstructions(
      'Subsection (h) of the Example Heritage Area Act of 2000 (Public Law 106–291; 114 Stat. 967) is amended— (1) in subparagraph (A) of paragraph (2) (as so redesignated), by striking “X” each place it occurs and inserting “Y”.',
    );
    expect(instruction).to.deep.include({
      target: { act: 'Example Heritage Area Act of 2000' },
      location: ['subsection (h)', 'paragraph (2)', 'subparagraph (A)'],
      action: 'strikeInsert',
      occurrence: 'each',
    });
  });
});

// The wordings below are quoted from real bills (114th Congress H.R. 2289 and H.R. 50; 119th
// Congress H.R. 1 as engrossed) or, where marked, written for the test in their form.
describe('amend/parseInstructions — forms found across real bills', () => {
  const brief = (i: Worded) => `${i.citation} ${i.action} [${i.location.join(', ')}]`;

  it('should resolve "such Act" to the Act named last, carried across sections by a context', () => {
    const context = {};
    parseInstructions('Section 2(a) of the Commodity Exchange Act (7 U.S.C. 2(a)) is amended by striking “A” and inserting “B”.', context);
    const [next] = parseInstructions('Section 5c(f) of such Act (7 U.S.C. 7a-2(f)) is amended by striking “and registered derivatives transaction execution facility”.', context);
    expect(next).to.deep.include({ action: 'strike', target: { act: 'Commodity Exchange Act', section: '5c', usc: { title: '7', section: '7a-2' } }, location: ['subsection (f)'] });
    const [alone] = parseInstructions('Section 220(d)(2)(A) of such Code is amended by striking the last sentence.');
    expect(alone).to.deep.include({ action: 'unknown', reason: 'law not understood: "such Code" (no code is named before it)' });
  });

  it('should read the law an amendment-references clause names as the standing law of a bare "Section 5"', async () => {
    const { standingLaw } = await import('../../src/amend/instructions.js');
    const law = standingLaw(
      'Except as otherwise expressly provided, whenever in this title an amendment or repeal is expressed in terms of an amendment to, or repeal of, a section or other provision, the reference shall be considered to be made to a section or other provision of the Commodity Exchange Act (7 U.S.C. 1 et seq.).',
    );
    expect(law).to.deep.equal({ act: 'Commodity Exchange Act' });
    const [i] = parseInstructions('Section 4a(e) is amended by striking “X”.', { standing: law! });
    expect(i).to.deep.include({ target: { act: 'Commodity Exchange Act', section: '4a' }, location: ['subsection (e)'], strike: 'X' });
  });

  it('should split items run into one sentence ("…, and (2) by striking …")', () => {
    const instructions = parseInstructions(
      'Section 151(d)(5) of such Code is amended— (1) in paragraph (1), by striking “, and before January 1, 2026”, and (2) by striking “2018 through 2025” in the heading and inserting “beginning after 2017”.',
      { last: { act: 'Internal Revenue Code of 1986' } },
    );
    expect(instructions.map(brief)).to.deep.equal(['(1) strike [subsection (d), paragraph (5), paragraph (1)]', '(2) strikeInsert [subsection (d), paragraph (5), heading]']);
  });

  it('should give one instruction per place for "in subsections (e), (g)(5), and (i)(5)"', () => {
    const instructions = parseInstructions('Section 1201 of the Agricultural Act of 2014 (7 U.S.C. 9031) is amended, in subsections (e), (g)(5), and (i)(5), by striking “2023” each place it appears and inserting “2031”.');
    expect(instructions.map(brief)).to.deep.equal([' strikeInsert [subsection (e)]', ' strikeInsert [subsection (g), paragraph (5)]', ' strikeInsert [subsection (i), paragraph (5)]']);
    expect(instructions.every((i) => i.occurrence === 'each')).to.equal(true);
  });

  it('should read ordinals in figures, marks named as anchors and ends of named units', () => {
    const [first] = parseInstructions('Section 5 of the Food and Nutrition Act of 2008 (7 U.S.C. 2014) is amended in subparagraph (A) by inserting “without an elderly or disabled member” after “household” the 1st place it appears.');
    expect(first).to.deep.include({ action: 'insertAfter', anchor: 'household', occurrence: 1, location: ['subparagraph (A)'] });
    // The "Example Act" wordings are written for this test in the form of H.R. 1, §§ 30031, 70301.
    const [after] = parseInstructions('Section 7 of the Example Act is amended in paragraph (5) by striking “and” after the semicolon.');
    expect(after).to.deep.include({ action: 'strike', strike: 'and', where: 'after', anchor: ';' });
    const [end] = parseInstructions('Section 7 of the Example Act is amended by striking “and” at the end of paragraph (4).');
    expect(end).to.deep.include({ action: 'strike', strike: 'and', where: 'end', location: ['paragraph (4)'] });
    const [heading] = parseInstructions('Section 7 of the Example Act is amended in subsection (c)(4)(A) by striking the heading and inserting “In general”.');
    expect(heading).to.deep.include({ action: 'strikeInsert', units: ['heading'], insert: 'In general' });
  });
});

describe('amend/parseInstructions — divisions of a law named as the target', () => {
  it('should read a subchapter of a Code chapter and a part of an Act as targets, keeping what they are within', () => {
    // Wordings from 119th Congress H.R. 1 as engrossed, §§ 90002 and 30002.
    const [code] = parseInstructions('Subchapter I of chapter 33 of title 5, United States Code, is amended by adding at the end the following: “§ 3330g. Election.”.');
    expect(code).to.deep.include({ action: 'addAtEnd', target: { title: '5', chapter: '33', within: 'subchapter I' } });
    const [act] = parseInstructions('Part F of title IV of the Higher Education Act of 1965 (20 U.S.C. 1087kk) is amended by inserting after section 472 the following: “SEC. 472A. Median cost.”.');
    expect(act).to.deep.include({ action: 'insertAfter', target: { act: 'Higher Education Act of 1965', within: 'part F of title IV' }, anchor: 'section 472', anchorKind: 'unit' });
  });

  it('should name an Act cited by its Statutes at Large page', () => {
    // Written for this test in the form surface transportation extension Acts use.
    const [i] = parseInstructions('Section 1101(a)(1) of SAFETEA-LU (119 Stat. 1153) is amended by striking “2009” and inserting “2010”.');
    expect(i).to.deep.include({ target: { act: 'SAFETEA-LU', section: '1101' }, location: ['subsection (a)', 'paragraph (1)'] });
  });

  it('should cut the quoted law short in a reason', () => {
    const [i] = parseInstructions(`Section 5 of the Example Act is amended by inserting after the fourth chapter the following: “${'Words of the new chapter. '.repeat(20)}”.`);
    expect(i!.action).to.equal('unknown');
    expect(i!.reason!.length).to.be.lessThan(260);
    expect(i!.reason).to.match(/^expected what to insert after, found "the fourth chapter the following: “Words of the new chapter\. .* …"$/);
  });
});

describe('amend/parseInstructions — actions joined by commas', () => {
  it('should read "by striking …, by striking … and inserting …, and by adding …" as three operations', () => {
    // The form of 119th Congress H.R. 1 as engrossed (its Medicaid amendments).
    const instructions = parseInstructions(
      'Section 1902(a) of the Social Security Act (42 U.S.C. 1396a(a)) is amended by striking “and” at the end of paragraph (86), by striking the period at the end of paragraph (87) and inserting “; and”, and by adding at the end the following: “(88) provide for verification.”.',
    );
    expect(instructions.map((i) => `${i.action} [${i.location.join(', ')}] ${i.units ?? ''}`)).to.deep.equal([
      'strike [subsection (a), paragraph (86)] ',
      'strikeInsert [subsection (a), paragraph (87)] period at the end',
      'addAtEnd [subsection (a)] ',
    ]);
  });
});

describe('amend/parseInstructions — several units amended alike', () => {
  it('should give one instruction per unit for "Subsections (b)(2)(B) and (c)(1) of section 5 … are each amended"', () => {
    // Written for this test in the form of 119th Congress H.R. 1 as engrossed.
    const instructions = parseInstructions('Subsections (b)(2)(B) and (c)(1) of section 5 of the Example Act (10 U.S.C. 99) are each amended by striking “2025” and inserting “2029”.');
    expect(instructions.map((i) => `${i.action} [${i.location.join(', ')}]`)).to.deep.equal([
      'strikeInsert [subsection (b), paragraph (2), subparagraph (B)]',
      'strikeInsert [subsection (c), paragraph (1)]',
    ]);
    expect(instructions[0]!.target).to.deep.equal({ act: 'Example Act', section: '5', usc: { title: '10', section: '99' } });
  });
});

describe('amend/parseInstructions — headings and tables named as targets', () => {
  it('should read "The heading for section 36B(e)" and "The table of sections for part VI of subchapter B of chapter 1" against the law the title amends', () => {
    // Wordings from 119th Congress H.R. 1 as engrossed, whose title amends the Internal Revenue Code of 1986.
    const context = { standing: { act: 'Internal Revenue Code of 1986' } };
    const [heading] = parseInstructions('The heading for section 36B(e) is amended by striking “illegal aliens” and inserting “individuals”.', context);
    expect(heading).to.deep.include({ action: 'strikeInsert', target: { act: 'Internal Revenue Code of 1986', section: '36B' }, location: ['subsection (e)', 'heading'] });
    const [table] = parseInstructions('The table of sections for part VI of subchapter B of chapter 1 is amended by adding at the end the following new item: “Sec. 70A. Example.”.', context);
    expect(table).to.deep.include({ action: 'addAtEnd', target: { act: 'Internal Revenue Code of 1986', within: 'part VI of subchapter B of chapter 1' }, location: ['table of sections'] });
  });
});
