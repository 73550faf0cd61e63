import { expect } from 'chai';
import { diffClauseWords } from '../../src/index.js';
import type { WordChange } from '../../src/types.js';

/** jsdiff convertChangesToXML-style one-liner: `The [-old-]{+new+} text`. */
function line(changes: WordChange[]): string {
  return changes.map((c) => (c.op === 'equal' ? c.value : c.op === 'delete' ? `[-${c.value}-]` : `{+${c.value}+}`)).join('');
}

describe('align/words', () => {
  describe('#diffClauseWords', () => {
    it('should replace one word', () => {
      expect(line(diffClauseWords('(a) The old text here.', '(a) The new text here.').changes)).to.equal('(a) The [-old-] {+new+} text here.');
    });

    it('should treat "witnesses" → "witnesses," as one replaced word', () => {
      const { changes, coarse } = diffClauseWords('(a) The witnesses shall appear.', '(a) The witnesses, shall appear.');
      expect(coarse).to.equal(false);
      expect(changes).to.deep.equal([
        { op: 'equal', value: '(a) The ' },
        { op: 'delete', value: 'witnesses' },
        { op: 'equal', value: ' ' },
        { op: 'insert', value: 'witnesses,' },
        { op: 'equal', value: ' shall appear.' },
      ]);
    });

    it('should not keep glue words on their own between two changes', () => {
      expect(line(diffClauseWords('The clerk shall file the motion in the court records promptly.', 'The judge shall review the motion in the court records promptly.').changes)).to.equal(
        'The [-clerk shall file-] {+judge shall review+} the motion in the court records promptly.',
      );
      expect(line(diffClauseWords('(a) The court of the state shall grant the motion.', '(a) The judge of the county shall grant the motion.').changes)).to.equal(
        '(a) The [-court of the state-] {+judge of the county+} shall grant the motion.',
      );
    });

    it('should keep a long kept run between two changes', () => {
      expect(line(diffClauseWords('The clerk shall promptly file the notice with the court.', 'The registrar shall promptly file the notice with the board.').changes)).to.equal(
        'The [-clerk-] {+registrar+} shall promptly file the notice with the [-court.-] {+board.+}',
      );
    });

    it('should show a rewritten clause as one deletion and one insertion', () => {
      expect(diffClauseWords('the court of the county', 'a judge of a district').changes).to.deep.equal([
        { op: 'delete', value: 'the court of the county' },
        { op: 'equal', value: ' ' },
        { op: 'insert', value: 'a judge of a district' },
      ]);
    });

    it('should return one equal change for identical texts and nothing for two empty ones', () => {
      expect(diffClauseWords('(a) Same.', '(a) Same.')).to.deep.equal({ changes: [{ op: 'equal', value: '(a) Same.' }], coarse: false });
      expect(diffClauseWords('', '')).to.deep.equal({ changes: [], coarse: false });
    });

    it('should insert a whole text into an empty one', () => {
      expect(diffClauseWords('', '(a) New.').changes).to.deep.equal([{ op: 'insert', value: '(a) New.' }]);
    });
  });
});
