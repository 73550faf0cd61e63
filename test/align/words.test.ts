import { expect } from 'chai';
import { diffLevelWords } from '../../src/index.js';
import { countWords } from '../../src/align/word-sides.js';
import { isWhiteSpace } from '../../src/util/white-space.js';
import type { WordChange } from '../../src/types.js';

/** jsdiff convertChangesToXML-style one-liner: `The [-old-]{+new+} text`. */
function line(changes: WordChange[]): string {
  return changes.map((c) => (c.op === 'equal' ? c.value : c.op === 'delete' ? `[-${c.value}-]` : `{+${c.value}+}`)).join('');
}

describe('align/words', () => {
  describe('#diffLevelWords', () => {
    it('should replace one word', () => {
      expect(line(diffLevelWords('(a) The old text here.', '(a) The new text here.').changes)).to.equal('(a) The [-old-] {+new+} text here.');
    });

    it('should treat "witnesses" → "witnesses," as one replaced word', () => {
      const { changes, coarse } = diffLevelWords('(a) The witnesses shall appear.', '(a) The witnesses, shall appear.');
      expect(coarse).to.equal(false);
      expect(changes).to.deep.equal([
        { op: 'equal', value: '(a) The ' },
        { op: 'delete', value: 'witnesses' },
        { op: 'equal', value: ' ' },
        { op: 'insert', value: 'witnesses,' },
        { op: 'equal', value: ' shall appear.' },
      ]);
    });

    it('should absorb a few kept words between two changes when they are no longer than the changes', () => {
      expect(line(diffLevelWords('The clerk shall file the motion in the court records promptly.', 'The judge shall review the motion in the court records promptly.').changes)).to.equal(
        'The [-clerk shall file-] {+judge shall review+} the motion in the court records promptly.',
      );
      expect(line(diffLevelWords('(a) The court of the state shall grant the motion.', '(a) The judge of the county shall grant the motion.').changes)).to.equal(
        '(a) The [-court of the state-] {+judge of the county+} shall grant the motion.',
      );
    });

    it('should keep a long kept run between two changes', () => {
      expect(line(diffLevelWords('The clerk shall promptly file the notice with the court.', 'The registrar shall promptly file the notice with the board.').changes)).to.equal(
        'The [-clerk-] {+registrar+} shall promptly file the notice with the [-court.-] {+board.+}',
      );
    });

    it('should show a rewritten level as one deletion and one insertion', () => {
      expect(diffLevelWords('the court of the county', 'a judge of a district').changes).to.deep.equal([
        { op: 'delete', value: 'the court of the county' },
        { op: 'equal', value: ' ' },
        { op: 'insert', value: 'a judge of a district' },
      ]);
    });

    it('should strike and insert whole a line with fewer kept words than rewriteThreshold, designation and all', () => {
      const oldText = '(a) The court may grant the motion for good cause.';
      const newText = '(a) A judge shall deny every request made late.';
      expect(line(diffLevelWords(oldText, newText).changes)).to.equal(`[-${oldText}-] {+${newText}+}`);
      expect(line(diffLevelWords(oldText, newText, { rewriteThreshold: 0 }).changes)).to.equal(
        '(a) [-The court may grant the motion for good cause.-] {+A judge shall deny every request made late.+}',
      );
    });

    it('should keep a kept run longer than the changes around it, unless absorbShorter is off', () => {
      const oldText = '(a) The clerk shall immediately file the motion.';
      const newText = '(a) The judge shall immediately file a motion.';
      expect(line(diffLevelWords(oldText, newText).changes)).to.equal('(a) The [-clerk-] {+judge+} shall immediately file [-the-] {+a+} motion.');
      expect(line(diffLevelWords(oldText, newText, { absorbShorter: false }).changes)).to.equal(
        '(a) The [-clerk shall immediately file the-] {+judge shall immediately file a+} motion.',
      );
    });

    it('should weigh a kept run against the change next to it, not the phrase absorbed so far, unless absorbCascade is on', () => {
      // Synthetic: "x" is absorbed between the changes around it; "members then" is longer than "all" → "each" before it.
      const oldText = 'Within ten days the board shall notify x all members then promptly publish notice of the hearing in the county.';
      const newText = 'Within ten days the commission must inform x each members then quietly withdraw notice of the hearing in the county.';
      expect(line(diffLevelWords(oldText, newText).changes)).to.equal(
        'Within ten days the [-board shall notify x all-] {+commission must inform x each+} members then [-promptly publish-] {+quietly withdraw+} notice of the hearing in the county.',
      );
      expect(line(diffLevelWords(oldText, newText, { absorbCascade: true }).changes)).to.equal(
        'Within ten days the [-board shall notify x all members then promptly publish-] {+commission must inform x each members then quietly withdraw+} notice of the hearing in the county.',
      );
    });

    it('should absorb no kept run with absorbWords 0, and runs of up to absorbWords words otherwise', () => {
      const oldText = 'The clerk shall file the motion in the court records promptly.';
      const newText = 'The judge shall review the motion in the court records promptly.';
      expect(line(diffLevelWords(oldText, newText, { absorbWords: 0 }).changes)).to.equal(
        'The [-clerk-] {+judge+} shall [-file-] {+review+} the motion in the court records promptly.',
      );
      expect(line(diffLevelWords(oldText, newText, { absorbWords: 1 }).changes)).to.equal(
        'The [-clerk shall file-] {+judge shall review+} the motion in the court records promptly.',
      );
    });

    it('should keep the longest run of kept words, where a minimal diff keeps scattered ones (longestRuns)', () => {
      const oldText = 'notice of the hearing shall be given to the party';
      const newText = 'the party shall be given notice of the hearing';
      expect(line(diffLevelWords(oldText, newText, { absorbWords: 0, rewriteThreshold: 0 }).changes)).to.equal(
        '{+the party shall be given+} notice of the hearing [-shall be given to the party-]',
      );
      expect(line(diffLevelWords(oldText, newText, { absorbWords: 0, rewriteThreshold: 0, longestRuns: false }).changes)).to.equal(
        '[-notice of-] the [-hearing-] {+party+} shall be given [-to-] {+notice of+} the [-party-] {+hearing+}',
      );
    });

    it('should mark a long insertion into a short level as an insertion, not strike the level whole', () => {
      const oldText = '(a) Notice shall be given to the party.';
      const newText = '(a) Notice in writing and in the form that the Judicial Council prescribes for every court of this state shall be given to the party.';
      expect(line(diffLevelWords(oldText, newText).changes)).to.equal(
        '(a) Notice {+in writing and in the form that the Judicial Council prescribes for every court of this state+} shall be given to the party.',
      );
    });

    it('should keep a space between the kept words and a change at the end of a text', () => {
      expect(line(diffLevelWords('4100. Notice of hearings', '4100.').changes)).to.equal('4100. [-Notice of hearings-]');
    });

    it('should return one equal change for identical texts and nothing for two empty ones', () => {
      expect(diffLevelWords('(a) Same.', '(a) Same.')).to.deep.equal({ changes: [{ op: 'equal', value: '(a) Same.' }], coarse: false });
      expect(diffLevelWords('', '')).to.deep.equal({ changes: [], coarse: false });
    });

    it('should insert a whole text into an empty one', () => {
      expect(diffLevelWords('', '(a) New.').changes).to.deep.equal([{ op: 'insert', value: '(a) New.' }]);
    });
  });

  describe('isWhiteSpace (util/white-space), as the word diff reads white space', () => {
    it('should call white space every UTF-16 code unit that \\s matches, and no other', () => {
      const differ: number[] = [];
      for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
      expect(differ).to.deep.equal([]);
    });

    it('should split words at any white space, as the word diff reads them', () => {
      // U+2003 EM SPACE and U+3000 IDEOGRAPHIC SPACE separate words; U+200B ZERO WIDTH SPACE does not.
      expect(diffLevelWords('(a) one\u2003two\u3000three four\u200bfive', '(a) one\u2003two\u3000three six\u200bfive').changes).to.deep.equal([
        { op: 'equal', value: '(a) one\u2003two\u3000three ' },
        { op: 'delete', value: 'four\u200bfive' },
        { op: 'equal', value: ' ' },
        { op: 'insert', value: 'six\u200bfive' },
      ]);
    });
  });

  describe('#countWords', () => {
    it('should count runs of characters other than space, tab, line ends, form feed, vertical tab and no-break space', () => {
      const separators: number[] = [];
      for (let c = 0; c < 0x10000; c++) if (countWords(`a${String.fromCharCode(c)}b`) === 2) separators.push(c);
      expect(separators).to.deep.equal([9, 10, 11, 12, 13, 32, 0xa0]);
      expect(countWords('  (a) The  Secretary\u00a0shall\treport. ')).to.equal(5);
      expect(countWords('one two three four', 2)).to.equal(2);
      expect(countWords('')).to.equal(0);
    });
  });
});
