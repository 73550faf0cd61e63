import { expect } from 'chai';
import { alignTrees, parseDocument, renderJson } from '../../src/index.js';

// Synthetic, written for this test, not real law.
const OLD = '(a) The old text.\n(b) Same.\n';
const NEW = '(a) The new text.\n(b) Same.\n(c) Added clause.\n';

describe('render/json', () => {
  describe('#renderJson', () => {
    const alignment = alignTrees(parseDocument(OLD, 'old.txt').tree, parseDocument(NEW, 'new.txt').tree);
    const json = JSON.parse(renderJson(alignment));

    it('should write one compact line by default, and indent on request', () => {
      const out = renderJson(alignment);
      expect(out.endsWith('\n')).to.equal(true);
      expect(out.trimEnd()).to.not.include('\n');
      expect(renderJson(alignment, { indent: 2 })).to.include('\n  "old": {');
    });

    it('should carry the format version, both documents and the summary counts', () => {
      expect(json.billdiff).to.equal(1);
      expect(json.old).to.deep.equal({ file: 'old.txt', format: 'text' });
      expect(json.new).to.deep.equal({ file: 'new.txt', format: 'text' });
      expect(json.summary).to.deep.equal({ unchanged: 1, modified: 1, inserted: 1, deleted: 0, moved: 0, redesignated: 0, conforming: 0, wordsInserted: 4, wordsDeleted: 1 });
      expect(json.messages).to.deep.equal([]);
    });

    it('should give each pair both sides with positions and word changes', () => {
      expect(json.pairs[0]).to.deep.equal({
        status: 'modified',
        old: {
          type: 'level',
          kind: 'subdivision',
          id: 'a',
          num: { text: '(a)', value: 'a' },
          text: '(a) The old text.',
          position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 18, offset: 17 } },
        },
        new: {
          type: 'level',
          kind: 'subdivision',
          id: 'a',
          num: { text: '(a)', value: 'a' },
          text: '(a) The new text.',
          position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 18, offset: 17 } },
        },
        words: [
          { op: 'equal', value: '(a) The ' },
          { op: 'delete', value: 'old' },
          { op: 'equal', value: ' ' },
          { op: 'insert', value: 'new' },
          { op: 'equal', value: ' text.' },
        ],
        children: [],
      });
      expect(json.pairs[2]).to.deep.include({ status: 'inserted' });
      expect(json.pairs[2].new.position).to.deep.equal({ start: { line: 3, column: 1, offset: 28 }, end: { line: 3, column: 18, offset: 45 } });
    });

    it('should equal the alignment itself, read back', () => {
      const { billdiff, ...rest } = json;
      expect(billdiff).to.equal(1);
      expect(rest).to.deep.equal(JSON.parse(JSON.stringify(alignment)));
    });
  });
});
