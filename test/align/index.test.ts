import { expect } from 'chai';
import { alignTrees, parseDocument, renderWdiff } from '../../src/index.js';
import type { AlignedPair, Alignment } from '../../src/types.js';
import { INSERTED_PARAGRAPH, PARAGRAPHS, statute } from '../helpers/statutes.js';

function align(oldText: string, newText: string, options = {}): Alignment {
  return alignTrees(parseDocument(oldText, 'old.txt').tree, parseDocument(newText, 'new.txt').tree, options);
}

function allPairs(pairs: AlignedPair[], out: AlignedPair[] = []): AlignedPair[] {
  for (const pair of pairs) {
    out.push(pair);
    allPairs(pair.children, out);
  }
  return out;
}

// All texts in this file are synthetic, written for these tests, not real law.
describe('align/index', () => {
  describe('#alignTrees', () => {
    it('should report an inserted paragraph (2) as 1 inserted and the old (2)–(9) as 8 redesignated, 0 modified', () => {
      const a = align(statute(PARAGRAPHS), statute([PARAGRAPHS[0]!, INSERTED_PARAGRAPH, ...PARAGRAPHS.slice(1)]));
      expect(a.summary).to.deep.include({ inserted: 1, redesignated: 8, modified: 0, deleted: 0, moved: 0 });
      const renumbered = allPairs(a.pairs).filter((p) => p.status === 'redesignated');
      expect(renumbered.map((p) => `${p.old?.id}→${p.new?.id}`)).to.deep.equal([
        's1050/a/2→s1050/a/3',
        's1050/a/3→s1050/a/4',
        's1050/a/4→s1050/a/5',
        's1050/a/5→s1050/a/6',
        's1050/a/6→s1050/a/7',
        's1050/a/7→s1050/a/8',
        's1050/a/8→s1050/a/9',
        's1050/a/9→s1050/a/10',
      ]);
      const lines = renderWdiff(a).split('\n');
      expect(lines[3]).to.equal(`{+(2) ${INSERTED_PARAGRAPH}+}`);
      expect(lines[4]).to.equal(`[-(2)-] {+(3)+} ${PARAGRAPHS[1]}`);
    });

    it('should report an identical text as all unchanged', () => {
      const a = align(statute(PARAGRAPHS), statute(PARAGRAPHS));
      expect(a.summary).to.deep.equal({ unchanged: 12, modified: 0, inserted: 0, deleted: 0, moved: 0, redesignated: 0, conforming: 0, wordsInserted: 0, wordsDeleted: 0 });
      expect(allPairs(a.pairs).every((p) => p.status === 'unchanged')).to.equal(true);
    });

    it('should report a paragraph moved to the end as moved, with movedFrom and movedTo', () => {
      const oldText =
        '(a) Alpha clause talks about the welfare of children in court.\n(b) Beta clause covers written motions and notice periods for hearings.\n(c) Gamma clause lists victims who receive notice of every hearing.\n(d) Delta clause is short and plain.\n';
      const newText =
        '(a) Alpha clause talks about the welfare of children in court.\n(b) Gamma clause lists victims who receive notice of every hearing.\n(c) Delta clause is short and plain.\n(d) Beta clause covers written motions and notice periods for hearings.\n';
      const a = align(oldText, newText);
      expect(a.summary).to.deep.include({ moved: 1, redesignated: 2, inserted: 0, deleted: 0, modified: 0 });
      const moved = a.pairs.filter((p) => p.status === 'moved');
      expect(moved.map((p) => ({ old: p.old?.id, new: p.new?.id, movedFrom: p.movedFrom, movedTo: p.movedTo }))).to.deep.equal([
        { old: 'b', new: undefined, movedFrom: undefined, movedTo: 'd' },
        { old: 'b', new: 'd', movedFrom: 'b', movedTo: undefined },
      ]);
      expect(renderWdiff(a)).to.equal(
        '(a) Alpha clause talks about the welfare of children in court.\n' +
          '[-(b) Beta clause covers written motions and notice periods for hearings.-]\n' +
          '[-(c)-] {+(b)+} Gamma clause lists victims who receive notice of every hearing.\n' +
          '[-(d)-] {+(c)+} Delta clause is short and plain.\n' +
          '{+(d) Beta clause covers written motions and notice periods for hearings.+}\n',
      );
    });

    it('should report a deleted subdivision as deleted, the rest unchanged', () => {
      const a = align(
        '(a) Alpha clause talks about the welfare of children.\n(b) Beta clause covers written motions and notice.\n(c) Gamma clause lists victims who receive notice.\n',
        '(a) Alpha clause talks about the welfare of children.\n(c) Gamma clause lists victims who receive notice.\n',
      );
      expect(a.pairs.map((p) => [p.status, p.old?.id, p.new?.id])).to.deep.equal([
        ['unchanged', 'a', 'a'],
        ['deleted', 'b', undefined],
        ['unchanged', 'c', 'c'],
      ]);
      expect(a.summary).to.deep.include({ deleted: 1, unchanged: 2, wordsDeleted: 8, wordsInserted: 0 });
      expect(renderWdiff(a)).to.equal(
        '(a) Alpha clause talks about the welfare of children.\n[-(b) Beta clause covers written motions and notice.-]\n(c) Gamma clause lists victims who receive notice.\n',
      );
    });

    it('should show only the new designations as inserted when a paragraph is split into (A) and (B)', () => {
      const a = align(
        '(a) The court shall consider:\n(1) The welfare of the minor child and the interests of the victim named in the complaint.\n(2) The convenience of the parties.\n',
        '(a) The court shall consider:\n(1) (A) The welfare of the minor child and\n(B) the interests of the victim named in the complaint.\n(2) The convenience of the parties.\n',
      );
      expect(renderWdiff(a)).to.equal(
        '(a) The court shall consider:\n' +
          '(1)\n' +
          '{+(A)+} The welfare of the minor child and\n' +
          '{+(B)+} the interests of the victim named in the complaint.\n' +
          '(2) The convenience of the parties.\n',
      );
      expect(a.summary).to.deep.include({ wordsInserted: 2, wordsDeleted: 0, deleted: 0 });
    });

    it('should give every unchanged pair the same text on both sides (split paragraph)', () => {
      const a = align(
        '(a) The court shall consider:\n(1) The welfare of the minor child and the interests of the victim named in the complaint.\n(2) The convenience of the parties.\n',
        '(a) The court shall consider:\n(1) (A) The welfare of the minor child and\n(B) the interests of the victim named in the complaint.\n(2) The convenience of the parties.\n',
      );
      const contradictions = allPairs(a.pairs)
        .filter((p) => p.status === 'unchanged' && p.old?.text !== p.new?.text)
        .map((p) => `${p.old?.text} → ${p.new?.text}`);
      expect(contradictions).to.deep.equal([]);
    });

    it('should set a gut-and-amend notice when two unrelated long texts are compared', () => {
      const a = align(
        'SECTION 1. Section 100 of the Fish and Game Code is amended to read:\n100.\n(a) Every hunting license issued by the department shall be valid from July first through June thirtieth of the following year, and the fee shall be set by the commission each year.\n(b) A person who hunts waterfowl shall also obtain a state duck stamp validation and carry it while hunting in any marsh, lake, or river of the state.\n(c) The department shall publish the seasons and bag limits for deer, elk, bear, and wild pig before the first of May.\n',
        'SECTION 1. Section 200 of the Vehicle Code is amended to read:\n200.\n(a) A driver approaching a school bus that displays flashing red signal lamps shall stop immediately before passing it and remain stopped while the lamps flash.\n(b) Motorized scooters may not be operated on sidewalks except to enter or leave adjacent property, and riders under eighteen must wear helmets.\n(c) Parking in a space marked for persons with disabilities without a placard is punishable by a fine of not less than two hundred fifty dollars.\n',
      );
      expect(a.replaced).to.equal(true);
      expect(a.notice).to.match(/^Most of the text was replaced: only \d+% of the old words remain \("gut and amend"\)/);
      // The two sections share no level: each is struck and inserted whole; the bill section's instruction line is marked word by word
      // (and its heading, changed only below its own line, counts as unchanged).
      expect(a.summary).to.deep.include({ modified: 1, unchanged: 1, inserted: 4, deleted: 4 });
      expect(renderWdiff(a).split('\n').slice(0, 3)).to.deep.equal(['SECTION 1.', 'Section [-100-] {+200+} of the [-Fish and Game-] {+Vehicle+} Code is amended to read:', '[-100.-]']);
    });

    it('should not set a notice for an ordinary amendment', () => {
      const changed = [...PARAGRAPHS];
      changed[3] = 'A continuance shall be granted only upon a showing of good cause by the party.';
      const a = align(statute(PARAGRAPHS), statute(changed));
      expect(a.notice).to.equal(undefined);
      expect(a.replaced).to.equal(undefined);
      expect(renderWdiff(a).split('\n')[5]).to.equal('(4) A continuance shall be granted only upon a showing of good cause by the [-moving-] party.');
    });

    it('should show a whole replacement with a budget warning when the budget is spent', () => {
      let t = 0;
      const changed = PARAGRAPHS.map((p) => p.replace('the', 'a'));
      const a = align(statute(PARAGRAPHS), statute(changed), { budget: 10, now: () => (t += 100) });
      expect(a.messages.map((m) => m.ruleId)).to.deep.equal(['budget']);
      expect(allPairs(a.pairs).some((p) => p.coarse)).to.equal(true);
    });
  });
});
