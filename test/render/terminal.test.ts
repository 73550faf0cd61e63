import { expect } from 'chai';
import { alignTrees, parseDocument, renderTerminal } from '../../src/index.js';
import { writeTerminal } from '../../src/render/terminal.js';

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

    it('should mark only the lines that changed, as the summary counts them, not a level whose child changed', () => {
      const old = 'SECTION 1. Title.\n(a) Kept.\n(b)\n(1) The old rule.\n(2) Kept too.\n';
      const neu = 'SECTION 1. Title.\n(a) Kept.\n(b)\n(1) The new rule.\n(2) Kept too.\n';
      const out = renderTerminal(alignTrees(parseDocument(old, 'o.txt').tree, parseDocument(neu, 'n.txt').tree), { color: false });
      expect(out.split('\n').slice(2)).to.deep.equal([
        'clauses: 1 amended, 0 added, 0 deleted, 0 moved, 0 redesignated, 4 unchanged; words: +1 -1',
        '',
        '@@ SEC. 1 @@ amended',
        '  SECTION 1. Title.',
        '    (a) Kept.',
        '    (b)',
        '~     (1) The [-old-] {+new+} rule.',
        '      (2) Kept too.',
        '',
      ]);
    });

    it('should fold a section with nothing to show, header and all, and head each line shown with its own section', () => {
      const old = 'SECTION 1. A.\n(a) x.\nSEC. 2. B.\n(a) y.\n(b) z.\nSEC. 3. C.\n(a) k.\n(b) old.\nSEC. 4. D.\n(a) w.\n(b) v.\n(c) u.\n';
      const out = renderTerminal(alignTrees(parseDocument(old, 'o.txt').tree, parseDocument(old.replace('old', 'new'), 'n.txt').tree), { color: false });
      expect(out.split('\n').slice(3)).to.deep.equal([
        '  … 2 unchanged clauses …',
        '',
        '@@ SEC. 2 @@ unchanged',
        '  … 2 unchanged clauses …',
        '    (b) z.',
        '',
        '@@ SEC. 3 @@ amended',
        '  SEC. 3. C.',
        '    (a) k.',
        '~   (b) [-old.-] {+new.+}',
        '',
        '@@ SEC. 4 @@ unchanged',
        '  SEC. 4. D.',
        '  … 3 unchanged clauses …',
        '',
      ]);
    });

    it('should fold long runs of unchanged levels', () => {
      const old = ['(a) Changed here.', ...'bcdefgh'.split('').map((l) => `(${l}) Same ${l}.`)].join('\n');
      const neu = ['(a) Changed there.', ...'bcdefgh'.split('').map((l) => `(${l}) Same ${l}.`)].join('\n');
      const out = renderTerminal(alignTrees(parseDocument(old, 'o.txt').tree, parseDocument(neu, 'n.txt').tree), { color: false });
      expect(out.split('\n').slice(3)).to.deep.equal(['~ (a) Changed [-here.-] {+there.+}', '  (b) Same b.', '  … 6 unchanged clauses …', '']);
    });

    it('should show each line within `context` lines of a change, folding the rest, for any context', () => {
      const letters = 'abcdefghijk'.split('');
      const old = letters.map((l) => `(${l}) Same ${l}.`).join('\n');
      const neu = old.replace('Same c.', 'Other c.').replace('Same j.', 'Other j.');
      const changed = alignTrees(parseDocument(old, 'o.txt').tree, parseDocument(neu, 'n.txt').tree);
      const lines = (context: number) => renderTerminal(changed, { color: false, context }).split('\n').slice(3, -1);
      expect(lines(0)).to.deep.equal(['  … 2 unchanged clauses …', '~ (c) [-Same-] {+Other+} c.', '  … 6 unchanged clauses …', '~ (j) [-Same-] {+Other+} j.', '  … 1 unchanged clause …']);
      expect(lines(2)).to.deep.equal([
        '  (a) Same a.',
        '  (b) Same b.',
        '~ (c) [-Same-] {+Other+} c.',
        '  (d) Same d.',
        '  (e) Same e.',
        '  … 2 unchanged clauses …',
        '  (h) Same h.',
        '  (i) Same i.',
        '~ (j) [-Same-] {+Other+} j.',
        '  (k) Same k.',
      ]);
      expect(lines(3)).to.have.length(11);
    });
  });

  describe('#writeTerminal', () => {
    it('should hand out in pieces exactly what renderTerminal writes', () => {
      const pieces: string[] = [];
      writeTerminal(alignment, (piece) => pieces.push(piece), { color: true });
      expect(pieces.join('')).to.equal(renderTerminal(alignment, { color: true }));
      expect(pieces.join('')).to.include('\u001b[31m\u001b[9m[-old-]\u001b[0m');
    });
  });
});
