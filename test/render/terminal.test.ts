import { expect } from 'chai';
import { alignTrees, parseDocument, renderTerminal } from '../../src/index.js';

// Synthetic, written for this test, not real law.
const alignment = alignTrees(parseDocument('(a) The old text.\n(b) Same.\n', 'old.txt').tree, parseDocument('(a) The new text.\n(b) Same.\n', 'new.txt').tree);

describe('render/terminal', () => {
  describe('#renderTerminal', () => {
    it('should write headers, a summary and [- -]/{+ +} cues with no ANSI when color is false', () => {
      expect(renderTerminal(alignment, { color: false })).to.equal(
        '--- old.txt\n' +
          '+++ new.txt\n' +
          'clauses: 1 amended, 0 added, 0 deleted, 0 moved, 0 redesignated, 1 unchanged; words: +1 -1\n' +
          '~ (a) The [-old-] {+new+} text.\n' +
          '  (b) Same.\n',
      );
    });

    it('should keep the cues and add ANSI colour when color is true', () => {
      const out = renderTerminal(alignment, { color: true });
      expect(out).to.include('\u001b[31m\u001b[9m[-old-]\u001b[0m');
      expect(out).to.include('\u001b[32m\u001b[4m{+new+}\u001b[0m');
    });

    it('should fold long runs of unchanged clauses', () => {
      const old = ['(a) Changed here.', ...'bcdefgh'.split('').map((l) => `(${l}) Same ${l}.`)].join('\n');
      const neu = ['(a) Changed there.', ...'bcdefgh'.split('').map((l) => `(${l}) Same ${l}.`)].join('\n');
      const out = renderTerminal(alignTrees(parseDocument(old, 'o.txt').tree, parseDocument(neu, 'n.txt').tree), { color: false });
      expect(out.split('\n').slice(3)).to.deep.equal(['~ (a) Changed [-here.-] {+there.+}', '  (b) Same b.', '  … 6 unchanged clauses …', '']);
    });
  });
});
