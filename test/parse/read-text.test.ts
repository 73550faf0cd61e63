import { expect } from 'chai';
import { parseDocument, readDocument } from '../../src/index.js';
import { readBill } from '../helpers/paths.js';
import { levels } from '../helpers/tree.js';

const SB54 = 'ca/ca-sb54-2017-chaptered-california-values-act.txt';

describe('parse/read-text', () => {
  describe('#readDocument (text)', () => {
    it('should make every non-blank line a block, trimmed, with its place', () => {
      const doc = readDocument('  (a) One.  \n\n\t(b)   Two.\r\n', 'x.txt');
      expect(doc.blocks).to.deep.equal([
        { text: '(a) One.', role: 'body', position: { start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: 11, offset: 10 } } },
        { text: '(b) Two.', role: 'body', position: { start: { line: 3, column: 2, offset: 15 }, end: { line: 3, column: 12, offset: 25 } } },
      ]);
    });
  });

  describe('#parseDocument (flattened SB 54 text)', () => {
    // bills/ca: a browser save of leginfo with its line breaks flattened (see bills/SOURCES.md).
    const parsed = parseDocument(readBill(SB54), SB54);
    const sections = levels(parsed.tree).filter((l) => l.kind === 'section').map((l) => l.num?.value);

    it('should read the sections the bill amends: 7282 and 7282.5', () => {
      expect(sections.slice(0, 2)).to.deep.equal(['7282', '7282.5']);
    });

    it('should read the sections of the added Chapter 17.25 (7284.2 … 7284.12)', () => {
      expect(sections).to.include.members(['7284.2', '7284.4', '7284.6', '7284.8', '7284.10', '7284.12']);
    });

    it('should read SEC. 1 to SEC. 5 as the bill sections at the top of the tree', () => {
      const top = parsed.tree.children.filter((c) => c.type === 'level' && c.kind === 'billSection').map((c) => (c as { id: string }).id);
      expect(top).to.deep.equal(['sec1', 'sec2', 'sec3', 'sec4', 'sec5']);
    });

    it('should split the flattened subdivisions of 7282', () => {
      const ids = levels(parsed.tree).map((l) => l.id);
      expect(ids).to.include.members(['sec1/s7282/a', 'sec1/s7282/b/5', 'sec1/s7282/g']);
    });
  });
});
