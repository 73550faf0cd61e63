import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { applyBills } from '../../src/amend/apply.js';
import { changesInExistingLaw } from '../../src/amend/changes.js';
import { parseDocument } from '../../src/parse/index.js';
import { renderStatuteText } from '../../src/render/statute-text.js';
import type { AlignedPair, Root } from '../../src/types.js';
import { repoRoot } from '../helpers/paths.js';
import { describeShared } from '../helpers/shared.js';

/** The amend-truth ground truth (../shared/corpus/us/amend-truth; see its MANIFEST.md). */
const truth = path.resolve(repoRoot, '..', 'shared', 'corpus', 'us', 'amend-truth');

function load(caseName: string, file: string): Root {
  const full = path.join(truth, caseName, file);
  expect(fs.existsSync(full), `missing ground-truth file ${full}`).to.equal(true);
  return parseDocument(fs.readFileSync(full, 'utf8'), full, { references: false }).tree;
}

/** The law files of a case, in the order they are applied (law1 before law2). */
function laws(caseName: string): string[] {
  return fs.readdirSync(path.join(truth, caseName)).filter((f) => /^law.*\.xml$/.test(f)).sort();
}

function run(caseName: string) {
  const application = applyBills(
    laws(caseName).map((file) => ({ tree: load(caseName, file), file })),
    load(caseName, 'before.xml'),
  );
  return { application, text: renderStatuteText(application.amended), after: renderStatuteText(load(caseName, 'after.xml')) };
}

/** What the judge compares: whitespace, quotation-mark and dash style, and the letter case of headings aside. */
function folded(text: string): string {
  return text
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** Case, instructions applied, instructions refused. */
const EXACT: Array<[string, number]> = [
  ['pl113-287_45usc1212', 1],
  ['pl116-136_17usc710', 1],
  ['pl116-152_54usc200303', 1],
  ['pl116-94_17usc119', 23],
  ['pl116-94_17usc501', 1],
  ['pl116-94_17usc701', 2],
  ['pl116-94_17usc802', 2],
  ['pl116-94_44usc3902', 3],
  ['pl116-9_30usc181', 1],
  ['pl116-9_54usc200304', 3],
  ['pl116-9_54usc200305', 1],
  ['pl116-9_54usc308402', 1],
  ['pl116-9_pl116-152_54usc200302', 3],
  ['pl116-9_pl116-152_54usc200306', 3],
];

describeShared('amend/applyBills on the amend-truth cases', () => {
  for (const [caseName, applied] of EXACT) {
    it(`should give the official text after the law exactly, ${applied} instruction${applied === 1 ? '' : 's'} applied and none refused (${caseName})`, () => {
      const { application, text, after } = run(caseName);
      expect(application.instructions.map((i) => i.status)).to.deep.equal(Array(applied).fill('applied'));
      expect(folded(text)).to.equal(folded(after));
    });
  }

  it('should apply nothing when the law names another section than the one given (pl113-287_45usc1116: the law cites 45 U.S.C. 1111(a))', () => {
    // CASE.md: OLRC executed the amendment in 45 U.S.C. 1116 by "probable intent"; a literal
    // executor must not guess that.
    const { application } = run('pl113-287_45usc1116');
    expect(application.instructions).to.deep.equal([]);
    expect(application.elsewhere.map((e) => `${e.citation} ${e.target}`)).to.deep.equal(['(m)(1) 45 U.S.C. 1111', '(m)(2) 45 U.S.C. 1212']);
  });

  it("should apply the one substitution; the rest of the difference is the OLRC's own editing (pl113-287_48usc1905, NOT CLEAN)", () => {
    const { application, text, after } = run('pl113-287_48usc1905');
    expect(application.instructions.map((i) => `${i.citation} ${i.status}`)).to.deep.equal(['(o)(1) applied']);
    expect(text).to.include('division A of subtitle III of title 54, shall be');
    // CASE.md: the after text also gains a bracketed editorial citation the law does not make.
    expect(folded(text)).to.not.equal(folded(after));
    expect(after).to.include('[20 U.S.C. 1070 et seq.]');
    expect(text).to.include('[20 U.S.C. 1070 et seq.; 42 U.S.C. 2751 et seq.]');
  });

  it('should record each change and link it from the Changes in Existing Law redline (pl116-9_54usc200304)', () => {
    const { application } = run('pl116-9_54usc200304');
    expect(application.instructions.map((i) => [i.id, i.citation, i.action, i.target])).to.deep.equal([
      ['i1', 'sec. 3001(b)(1)', 'strike', '54 U.S.C. 200304'],
      ['i2', 'sec. 3001(b)(2)', 'strikeInsert', '54 U.S.C. 200304'],
      ['i3', 'sec. 3001(b)(3)', 'addAtEnd', '54 U.S.C. 200304'],
    ]);
    expect(application.instructions[0]!.changes).to.have.length(1);
    expect(application.instructions[0]!.changes[0]).to.deep.include({ kind: 'struck', clause: 's200304' });
    expect(application.instructions[0]!.changes[0]!.struck).to.match(/^Not less than 40 percent of such appropriations/);
    expect(application.instructions[2]!.changes.map((c) => [c.kind, c.clause, c.inserted])).to.deep.equal([['inserted', 's200304/b', '(b)']]);
    const alignment = changesInExistingLaw(application);
    const linked: string[] = [];
    const walk = (pair: AlignedPair): void => {
      if (pair.amendedBy) linked.push(`${pair.new?.id ?? pair.old?.id} ${pair.status} ${pair.amendedBy.join(',')}`);
      pair.children.forEach(walk);
    };
    alignment.pairs.forEach(walk);
    expect(linked).to.include('s200304/b inserted i3');
    // The Ramseyer form: the undivided text becomes (a) with its heading inserted, the words kept,
    // the second sentence struck — not the whole text struck and inserted again.
    const a = alignment.pairs[0]!.children.find((p) => p.new?.id === 's200304/a')!;
    expect(a.status).to.equal('modified');
    expect(a.words!.filter((w) => w.op === 'insert').map((w) => w.value.trim())).to.deep.equal(['(a) In general.—']);
    expect(a.words!.filter((w) => w.op === 'delete').map((w) => w.value.trim().slice(0, 40))).to.deep.equal(['Not less than 40 percent of such appropr']);
    expect(a.words!.find((w) => w.op === 'equal')!.value).to.match(/^\s*There shall be submitted with the annual budget/);
    expect(alignment.instructions?.map((i) => i.id)).to.deep.equal(['i1', 'i2', 'i3']);
    expect(alignment.instructions?.[0]).to.not.have.property('instruction');
  });

  it('should say how a chapter-wide instruction was taken to reach the one section given (pl116-9_54usc308402)', () => {
    const { application } = run('pl116-9_54usc308402');
    expect(application.instructions.map((i) => [i.target, i.status, i.notes])).to.deep.equal([
      ['chapter 3084 of title 54', 'applied', ['§ 308402 is in chapter 3084 by its number; other sections of the chapter were not given']],
    ]);
    // "each place it appears", the section heading included.
    expect(renderStatuteText(application.amended).split('\n')[0]).to.equal('§ 308402. African American Civil Rights Network');
  });

  it('should say which instructions are refused and why, and change nothing for them', () => {
    const law = load('pl116-9_54usc200305', 'law-excerpt.xml');
    // The same law against § 200304 as it already amended it: there is no undivided text left to
    // take a second sentence from, “There” now opens subsection (a), and (b) is there already.
    const once = applyBills([{ tree: law, file: 'pl116-9' }], load('pl116-9_54usc200304', 'before.xml'));
    const twice = applyBills([{ tree: law, file: 'pl116-9' }], once.amended);
    expect(twice.instructions.map((i) => i.reason)).to.deep.equal([
      'second sentence: 54 U.S.C. 200304 has 0 texts of its own, not one',
      'the new text opens a clause (“(a) In general.—There”) that cannot be placed in § 200304(a)',
      '(b) is already a clause of 54 U.S.C. 200304',
    ]);
    expect(twice.instructions.map((i) => i.status)).to.deep.equal(['refused', 'refused', 'refused']);
    expect(renderStatuteText(twice.amended)).to.equal(renderStatuteText(once.amended));
  });
});
