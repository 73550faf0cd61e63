import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { parseInstructions, type Prose } from '../../src/amend/instructions.js';
import { describeLocation } from '../../src/amend/location.js';
import { findLevel, sectionText } from '../../src/amend/section-text.js';
import { parseDocument } from '../../src/parse/index.js';
import { repoRoot } from '../helpers/paths.js';
import { describeShared } from '../helpers/shared.js';

/** The amend-truth ground truth, next to the repository (../shared/corpus/us/amend-truth). */
const truth = path.resolve(repoRoot, '..', 'shared', 'corpus', 'us', 'amend-truth');

/** The law text of a case, read through the federal reader; fails (never skips) when the corpus is missing. */
function amendingText(caseName: string, id: string): string {
  const file = path.join(truth, caseName, 'law-excerpt.xml');
  expect(fs.existsSync(file), `missing ground-truth file ${file}`).to.equal(true);
  const { tree } = parseDocument(fs.readFileSync(file, 'utf8'), file, { format: 'federal' });
  const level = findLevel(tree, id);
  expect(level, `no level ${id} in ${file}`).to.not.equal(undefined);
  return sectionText(level!);
}

/** `citation action` for each instruction found. */
function actions(text: string): string[] {
  return parseInstructions(text).map((i) => `${i.citation} ${i.action}`);
}

describeShared('amend/instructions on the amend-truth laws', () => {
  it('should join a level of the tree into the text the parser reads (pl116-9_54usc200304, § 3001(b))', () => {
    expect(amendingText('pl116-9_54usc200304', 's3001/b').split('\n').slice(0, 6)).to.deep.equal([
      '(b) Allocation of Funds.—',
      'Section 200304 of title 54, United States Code, is amended—',
      '(1)',
      'by striking the second sentence;',
      '(2)',
      'by striking “There” and inserting the following:',
    ]);
  });

  it('should read every instruction of Pub. L. 116-9, § 3001 (pl116-9_54usc200304)', () => {
    expect(actions(amendingText('pl116-9_54usc200304', 's3001'))).to.deep.equal([
      '(a)(1) strikeInsert',
      '(a)(2) strike',
      '(b)(1) strike',
      '(b)(2) strikeInsert',
      '(b)(3) addAtEnd',
      '(c) strike',
      '(d) addAtEnd',
      '(e) addAtEnd',
    ]);
  });

  it('should read Pub. L. 116-94, § 1102(a) and (c) (pl116-94_17usc119)', () => {
    expect(actions(amendingText('pl116-94_17usc119', 's1102/a'))).to.deep.equal([
      '(a)(1)(A)(i)(I) strikeInsert',
      '(a)(1)(A)(i)(II) insertAfter',
      '(a)(1)(A)(i)(III) addAtEnd',
      '(a)(1)(A)(ii)(I) strike',
      '(a)(1)(A)(ii)(II) addAtEnd',
      '(a)(1)(B) strike',
      '(a)(1)(C) redesignate',
      '(a)(2)(A) strike',
      '(a)(2)(B) strike',
      '(a)(2)(C) strikeInsert',
      '(a)(3)(A)(i) strikeInsert',
      '(a)(3)(A)(ii) strike',
      '(a)(3)(A)(iii) redesignate',
      '(a)(3)(A)(iv) addAtEnd',
      '(a)(3)(B) strike',
      '(a)(3)(C) redesignate',
      '(a)(3)(D) addAtEnd',
      '(a)(4) strike',
      '(a)(5) insertAfter',
      '(a)(6) redesignate',
    ]);
    const conforming = parseInstructions(amendingText('pl116-94_17usc119', 's1102/c'));
    expect(conforming.map((i) => `${i.citation} ${i.action} ${i.target.usc?.section} [${describeLocation(i.location).join(', ')}]`)).to.deep.equal([
      '(c)(1)(A)(i) strikeInsert 119 [subsection (a), paragraph (1)]',
      '(c)(1)(A)(ii) strikeInsert 119 [subsection (a), paragraph (2)]',
      '(c)(1)(B) strikeInsert 119 [subsection (f)]',
      '(c)(2) strikeInsert 501 [subsection (e)]',
    ]);
  });

  it('should read Pub. L. 116-94, § 1405(a) (pl116-94_17usc802)', () => {
    expect(actions(amendingText('pl116-94_17usc802', 's1405/a'))).to.deep.equal(['(a)(1)(A) strike', '(a)(1)(B) strikeInsert', '(a)(2) strike']);
  });

  it('should read Pub. L. 116-94, § 1404, sentence targets and "all that follows through" (pl116-94_17usc701)', () => {
    const instructions = parseInstructions(amendingText('pl116-94_17usc701', 's1404'));
    expect(instructions.map((i) => `${i.citation} ${i.action} [${describeLocation(i.location).join(', ')}]`)).to.deep.equal([
      '(a)(1) amendToRead [paragraph (2)]',
      '(a)(2) amendToRead [subsection (c), paragraph (1), second sentence]',
      '(a)(3) amendToRead [subsection (f), first sentence]',
      '(b)(1)(A) strikeInsert [subsection (c), paragraph (2), matter preceding subparagraph (A), second sentence]',
      '(b)(1)(B) strikeInsert [subsection (c), paragraph (2), subparagraph (B)]',
      '(b)(2) strikeInsert [subsection (f)]',
    ]);
    expect(instructions[3]).to.deep.include({ strike: 'subchapter III', through: 'such title.' });
    expect(instructions[4]).to.deep.include({ strike: 'may be placed in GS–16, 17, and 18', through: '' });
  });

  it('should read the section heading and table-of-sections edits of Pub. L. 116-94, div. P, § 1602(c) (pl116-94_44usc3902)', () => {
    const instructions = parseInstructions(amendingText('pl116-94_44usc3902', 'c'));
    expect(instructions.map((i) => `${i.citation} ${i.action} [${describeLocation(i.location).join(', ')}]`)).to.deep.equal([
      '(c)(1)(A) insertAfter [section heading]',
      '(c)(1)(B) strikeInsert []',
      '(c)(1)(C) addAtEnd []',
      '(c)(2) strikeInsert [table of sections]',
    ]);
    expect(instructions[3]).to.deep.include({ target: { title: '44', chapter: '39' }, units: [[{ type: 'tableItem', rung: 'section', designation: '3902' }]] });
  });

  it('should read a new section added at the end of a chapter, and the text that is no instruction (pl116-136_17usc710)', () => {
    const prose: Prose[] = [];
    const instructions = parseInstructions(amendingText('pl116-136_17usc710', 's19011'), {}, prose);
    expect(instructions.map((i) => `${i.citation} ${i.action}`)).to.deep.equal(['(a) addAtEnd', '(b) addAtEnd']);
    expect(instructions[0]?.insert?.split('\n')[0]).to.equal('§ 710. Emergency relief authority');
    // Subsection (c) says when the section takes effect: no instruction, reported apart.
    expect(prose.map((p) => `${p.citation} ${p.reason}`)).to.deep.equal(['(c) no amendatory verb']);
  });
});
