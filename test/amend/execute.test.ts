import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { executeInstructions } from '../../src/amend/execute.js';
import { parseInstructions } from '../../src/amend/instructions.js';
import { levelStep } from '../../src/amend/location.js';
import { findLevel, sectionText } from '../../src/amend/section-text.js';
import type { Instruction, LocationStep } from '../../src/amend/types.js';
import { parseDocument } from '../../src/parse/index.js';
import type { Level } from '../../src/types.js';
import { repoRoot } from '../helpers/paths.js';
import { describeShared } from '../helpers/shared.js';

/** The amend-truth ground truth, next to the repository (../shared/corpus/us/amend-truth). */
const truth = path.resolve(repoRoot, '..', 'shared', 'corpus', 'us', 'amend-truth');

function read(caseName: string, file: string): { file: string; text: string } {
  const full = path.join(truth, caseName, file);
  expect(fs.existsSync(full), `missing ground-truth file ${full}`).to.equal(true);
  return { file: full, text: fs.readFileSync(full, 'utf8') };
}

/** The U.S. Code section of before.xml / after.xml: the first level of the tree. */
function codeSection(caseName: string, file: 'before.xml' | 'after.xml'): Level {
  const input = read(caseName, file);
  const { tree } = parseDocument(input.text, input.file, { format: 'federal' });
  const section = tree.children.find((c): c is Level => c.type === 'level');
  expect(section, `no section in ${input.file}`).to.not.equal(undefined);
  return section!;
}

/** The instructions of one level of the case's law, read as test/amend/corpus.test.ts reads them. */
function lawInstructions(caseName: string, id: string): Instruction[] {
  const input = read(caseName, 'law-excerpt.xml');
  const { tree } = parseDocument(input.text, input.file, { format: 'federal' });
  const level = findLevel(tree, id);
  expect(level, `no level ${id} in ${input.file}`).to.not.equal(undefined);
  return parseInstructions(sectionText(level!));
}

/** A section's text with whitespace, quotation-mark and dash style folded. */
function plain(section: Level): string {
  return sectionText(section)
    .replace(/\s+/g, ' ')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .trim();
}

describeShared('amend/execute on the amend-truth cases', () => {
  it('should strike paragraph (5) of subsection (b) exactly as the Code reads after (pl116-9_54usc200305)', () => {
    const instructions = lawInstructions('pl116-9_54usc200305', 's3001/c');
    expect(instructions.map((i) => i.action)).to.deep.equal(['strike']);
    const before = codeSection('pl116-9_54usc200305', 'before.xml');
    const { section, results } = executeInstructions(instructions, before);
    expect(results.map((r) => r.status)).to.deep.equal(['applied']);
    expect(plain(section)).to.equal(plain(codeSection('pl116-9_54usc200305', 'after.xml')));
    expect(findLevel(before, 's200305/b/5'), 'the input is not changed').to.not.equal(undefined);
  });

  it('should strike a token and replace paragraph (2) of § 802 exactly (pl116-94_17usc802)', () => {
    const instructions = lawInstructions('pl116-94_17usc802', 's1405/a').filter((i) => i.citation.startsWith('(a)(1)'));
    expect(instructions.map((i) => i.action)).to.deep.equal(['strike', 'strikeInsert']);
    const { section, results } = executeInstructions(instructions, codeSection('pl116-94_17usc802', 'before.xml'));
    expect(results.map((r) => r.status)).to.deep.equal(['applied', 'applied']);
    expect(plain(section)).to.equal(plain(codeSection('pl116-94_17usc802', 'after.xml')));
  });

  it('should strike and insert in § 501(e) exactly; the OLRC footnote marker is a note, not read (pl116-94_17usc501)', () => {
    const instructions = lawInstructions('pl116-94_17usc501', 'c').filter((i) => i.target.usc?.section === '501');
    expect(instructions).to.have.length(1);
    const { section, results } = executeInstructions(instructions, codeSection('pl116-94_17usc501', 'before.xml'));
    expect(results.map((r) => r.status)).to.deep.equal(['applied']);
    // CASE.md: the before text carries an editorial footnote marker "1" after "119(a)(5),"; the
    // reader leaves footnote markers out, so the result equals the after text.
    expect(plain(section)).to.include('section 119(a)(3), a network station');
    expect(plain(section)).to.equal(plain(codeSection('pl116-94_17usc501', 'after.xml')));
    expect(results[0]!.changes).to.deep.equal([{ kind: 'replaced', clause: 's501/e', struck: 'section 119(a)(5)', inserted: 'section 119(a)(3)' }]);
  });

  it('should refuse, and change nothing for, a strike of words that are not there', () => {
    const real = lawInstructions('pl116-94_17usc501', 'c').find((i) => i.target.usc?.section === '501')!;
    const wrong: Instruction = { ...real, citation: '(x)', strike: 'section 119(a)(99)', text: 'by striking “section 119(a)(99)” and inserting “section 119(a)(3)”' };
    const before = codeSection('pl116-94_17usc501', 'before.xml');
    const { section, results } = executeInstructions([wrong, real], before);
    expect(results[0]).to.deep.include({ status: 'refused' });
    expect(results[0]!.reason).to.match(/not found/);
    expect(results[1]).to.deep.include({ status: 'applied' });
    expect(plain(section)).to.include('section 119(a)(3)');
    expect(plain(before)).to.include('section 119(a)(5)');
  });

  it('should refuse a strike found more often than the instruction says, a missing level and an unknown action', () => {
    const before = codeSection('pl116-9_54usc200305', 'before.xml');
    const base: Instruction = { citation: '', text: '', target: {}, location: [levelStep('subsection', 'b')], action: 'strike' };
    const { section, results } = executeInstructions(
      [
        { ...base, strike: 'the States' },
        { ...base, location: [levelStep('subsection', 'z')], strike: 'the States' },
        { ...base, action: 'unknown', reason: 'no amendatory action found' },
        { ...base, strike: 'Forty percent', occurrence: 2 },
      ],
      before,
    );
    expect(results.map((r) => r.status)).to.deep.equal(['refused', 'refused', 'refused', 'refused']);
    expect(results[0]!.reason).to.match(/appears \d+ times/);
    expect(results[1]!.reason).to.match(/subsection \(z\) not found/);
    expect(results[2]!.reason).to.match(/not understood/);
    expect(plain(section)).to.equal(plain(before));
  });

  it('should apply "each place it appears" and an occurrence, and insert after quoted words', () => {
    const before = codeSection('pl116-9_54usc200305', 'before.xml');
    const base: Instruction = { citation: '', text: '', target: {}, location: [levelStep('subsection', 'b'), levelStep('paragraph', '2')], action: 'strikeInsert' };
    const { section, results } = executeInstructions(
      [
        { ...base, strike: 'State', insert: 'Commonwealth', occurrence: 'each' },
        { ...base, action: 'insertAfter', anchor: { text: 'At any time' }, insert: ', but not earlier than 2020' },
        { ...base, location: [levelStep('subsection', 'b'), { type: 'matter', side: 'preceding', rung: 'paragraph', designation: '1' }], strike: 'the', insert: 'THE', occurrence: 2 },
      ],
      before,
    );
    expect(results.map((r) => r.status)).to.deep.equal(['applied', 'applied', 'applied']);
    const text = sectionText(findLevel(section, 's200305/b')!);
    expect(text).to.include('At any time, but not earlier than 2020, the remaining appropriation');
    expect(text).to.include('population of each Commonwealth bears');
    expect(text).to.include('shall be apportioned among the States by THE Secretary');
    expect(sectionText(findLevel(before, 's200305/b')!)).to.include('population of each State bears');
  });
});

describe('amend/execute — placing new levels', () => {
  // Synthetic section, written for this test, not real law.
  const section = (): Level => ({
    type: 'level',
    kind: 'section',
    num: { text: '§ 9.', value: '9' },
    id: 's9',
    children: [
      { type: 'level', kind: 'subsection', num: { text: '(a)', value: 'a' }, id: 's9/a', children: [{ type: 'text', value: 'First rule.' }] },
      { type: 'level', kind: 'subsection', num: { text: '(c)', value: 'c' }, id: 's9/c', children: [{ type: 'text', value: 'Third rule.' }] },
    ],
  });
  const add = (insert: string): Instruction => ({ citation: '(1)', text: '', target: {}, location: [], action: 'addAtEnd', insert });

  it('should refuse to add at the end a level that is there already or would come before the last', () => {
    const { section: result, results } = executeInstructions([add('(c) Again.'), add('(b) Misplaced.'), add('(d) Fourth rule.')], section());
    expect(results.map((r) => r.reason ?? r.status)).to.deep.equal([
      '(c) is already a clause of § 9',
      '(b) added at the end would come after (c), the last subsection of § 9',
      'applied',
    ]);
    expect(result.children.map((c) => (c.type === 'level' ? c.num?.text : c.type))).to.deep.equal(['(a)', '(c)', '(d)']);
    expect(results[2]!.changes).to.deep.equal([{ kind: 'inserted', clause: 's9/d', inserted: '(d)' }]);
  });

  it('should read a designation printed on a line of its own, its heading and text on the next, and a text broken over lines', () => {
    const { section: result, results } = executeInstructions([add('(d)\nFourth rule.—The text of the\nfourth rule.')], section());
    expect(results[0]!.status).to.equal('applied');
    const d = result.children[2] as Level;
    expect([d.num?.text, d.heading, d.children.map((c) => (c.type === 'level' ? c.kind : `${c.type}: ${c.value}`))]).to.deep.equal(['(d)', 'Fourth rule.—', ['text: The text of the fourth rule.']]);
  });

  it('should open a level and its first sublevel from one line: “(e)(1) …”', () => {
    const { section: result, results } = executeInstructions([add('(e)(1) The first paragraph.\n(2) The second.')], section());
    expect(results[0]!.status).to.equal('applied');
    const e = result.children[2] as Level;
    expect(e.num?.text).to.equal('(e)');
    expect(e.children.map((c) => (c.type === 'level' ? `${c.kind} ${c.num?.text}` : c.type))).to.deep.equal(['paragraph (1)', 'paragraph (2)']);
  });
});

describe('amend/execute — typing', () => {
  it('should find words whatever their quotation marks and apostrophes are typed with', () => {
    // Synthetic section, written for this test, not real law.
    const section: Level = { type: 'level', kind: 'section', num: { text: '§ 9.', value: '9' }, id: 's9', children: [{ type: 'text', value: 'The Register’s “annual report” is due.' }] };
    const base: Instruction = { citation: '', text: '', target: {}, location: [], action: 'strikeInsert' };
    const { section: result, results } = executeInstructions([{ ...base, strike: 'Register\'s "annual report"', insert: 'Register’s yearly report' }], section);
    expect(results[0]!.status).to.equal('applied');
    expect((result.children[0] as { value: string }).value).to.equal('The Register’s yearly report is due.');
  });
});

describe('amend/execute — headings', () => {
  // Synthetic section, written for this test, not real law.
  const section = (): Level => ({
    type: 'level',
    kind: 'section',
    num: { text: '§ 9.', value: '9' },
    id: 's9',
    heading: 'Annual reports',
    children: [{ type: 'level', kind: 'subsection', num: { text: '(a)', value: 'a' }, heading: 'Annual reports.—', id: 's9/a', children: [{ type: 'text', value: 'Annual reports are due in May.' }] }],
  });
  const strike = (occurrence?: 'each'): Instruction => ({ citation: '', text: '', target: {}, location: [], action: 'strikeInsert', strike: 'Annual reports', insert: 'Yearly statements', ...(occurrence ? { occurrence } : {}) });

  it('should amend the text, not the headings, unless the instruction says "each place it appears" or names a heading', () => {
    const once = executeInstructions([strike()], section());
    expect(once.results[0]!.status).to.equal('applied');
    expect(once.section.heading).to.equal('Annual reports');
    expect((once.section.children[0] as Level).heading).to.equal('Annual reports.—');
    expect(((once.section.children[0] as Level).children[0] as { value: string }).value).to.equal('Yearly statements are due in May.');
    const each = executeInstructions([strike('each')], section());
    expect(each.section.heading).to.equal('Yearly statements');
    expect((each.section.children[0] as Level).heading).to.equal('Yearly statements.—');
    const named = executeInstructions([{ ...strike(), location: [{ type: 'heading', rung: 'section' }] }], section());
    expect(named.section.heading).to.equal('Yearly statements');
    expect(((named.section.children[0] as Level).children[0] as { value: string }).value).to.equal('Annual reports are due in May.');
  });
});

describe('amend/execute — the matter following a level', () => {
  it('should amend the text after paragraph (2), and refuse when there is none', () => {
    // Synthetic section, written for this test, not real law.
    const section: Level = {
      type: 'level',
      kind: 'section',
      num: { text: '§ 9.', value: '9' },
      id: 's9',
      children: [
        { type: 'chapeau', value: 'A person shall—' },
        { type: 'level', kind: 'paragraph', num: { text: '(1)', value: '1' }, id: 's9/1', children: [{ type: 'text', value: 'file; and' }] },
        { type: 'level', kind: 'paragraph', num: { text: '(2)', value: '2' }, id: 's9/2', children: [{ type: 'text', value: 'pay,' }] },
        { type: 'continuation', value: 'within 30 days.' },
      ],
    };
    const following = (designation: string): LocationStep => ({ type: 'matter', side: 'following', rung: 'paragraph', designation });
    const base: Instruction = { citation: '', text: '', target: {}, location: [following('2')], action: 'strikeInsert', strike: '30', insert: '60' };
    const { section: result, results } = executeInstructions([base, { ...base, location: [following('1')] }], section);
    expect(results.map((r) => r.reason ?? r.status)).to.deep.equal(['applied', 'matter following paragraph (1): expected one text after it in § 9, found 0']);
    expect((result.children[3] as { value: string }).value).to.equal('within 60 days.');
  });
});

describe('amend/execute — marks at the end, and sentences as anchors', () => {
  // Synthetic section, written for this test, not real law.
  const section = (): Level => ({
    type: 'level',
    kind: 'section',
    num: { text: '§ 9.', value: '9' },
    id: 's9',
    children: [
      { type: 'chapeau', value: 'A person shall—' },
      { type: 'level', kind: 'paragraph', num: { text: '(1)', value: '1' }, id: 's9/1', children: [{ type: 'text', value: 'file a return; and' }] },
      { type: 'level', kind: 'paragraph', num: { text: '(2)', value: '2' }, id: 's9/2', children: [{ type: 'text', value: 'pay the tax. Payment is due in May.' }] },
    ],
  });
  const at = (n: string): LocationStep[] => [levelStep('paragraph', n)];
  const periodAtEnd: LocationStep = { type: 'mark', mark: '.', atEnd: true };
  const base: Instruction = { citation: '', text: '', target: {}, location: [], action: 'strikeInsert' };
  const text = (level: Level, n: number) => ((level.children[n] as Level).children[0] as { value: string }).value;

  it('should strike the period at the end and insert, insert before it, and refuse a mark that is not there', () => {
    const { section: result, results } = executeInstructions(
      [
        { ...base, location: at('2'), units: [[periodAtEnd]], insert: '; and' },
        { ...base, action: 'insertBefore', location: at('2'), anchor: { at: [{ type: 'mark', mark: ';', atEnd: true }] }, insert: ', if any' },
        { ...base, location: at('1'), units: [[periodAtEnd]], insert: ';' },
      ],
      section(),
    );
    expect(results.map((r) => r.reason ?? r.status)).to.deep.equal([
      'applied',
      // After the first instruction the text ends “; and”: the semicolon is no longer at the end.
      'the semicolon at the end is not there: the text of § 9(2) ends “t is due in May; and”',
      'the period at the end is not there: the text of § 9(1) ends “file a return; and”',
    ]);
    expect(text(result, 2)).to.equal('pay the tax. Payment is due in May; and');
  });

  it('should insert words before the period at the end', () => {
    const { section: result } = executeInstructions([{ ...base, action: 'insertBefore', location: at('2'), anchor: { at: [periodAtEnd] }, insert: ', unless waived' }], section());
    expect(text(result, 2)).to.equal('pay the tax. Payment is due in May, unless waived.');
  });

  it('should insert a sentence after the first sentence', () => {
    const { section: result, results } = executeInstructions([{ ...base, action: 'insertAfter', location: at('2'), anchor: { at: [{ type: 'sentence', ordinal: 1 }] }, insert: 'Interest accrues.' }], section());
    expect(results[0]!.status).to.equal('applied');
    expect(text(result, 2)).to.equal('pay the tax. Interest accrues. Payment is due in May.');
  });
});
