import { expect } from 'chai';
import { parseDocument, readDocument } from '../../src/index.js';
import { withoutPositions } from '../helpers/tree.js';

// Synthetic, written for this test, not real law.
const BILL_MD = `# Penal Code

## Section 1050

Section 1050 of the Penal Code is amended to read:

> 1050.
> (a) The welfare of the people.
> (b) Continuances.
`;

describe('parse/read-markdown', () => {
  describe('#readDocument (Markdown)', () => {
    it('should mark blockquote blocks as quoted and headings by role', () => {
      const doc = readDocument(BILL_MD, 'bill.md');
      expect(doc.format).to.equal('markdown');
      expect(doc.title).to.equal('Penal Code');
      expect(doc.blocks.map((b) => [b.text, b.role, b.quoted])).to.deep.equal([
        ['Penal Code', 'title', false],
        ['Section 1050', 'heading', false],
        ['Section 1050 of the Penal Code is amended to read:', 'body', false],
        ['1050.', 'body', true],
        ['(a) The welfare of the people.', 'body', true],
        ['(b) Continuances.', 'body', true],
      ]);
    });

    it('should place each line of a blockquote on its own source line', () => {
      const doc = readDocument(BILL_MD, 'bill.md');
      expect(doc.blocks[4]!.position.start).to.deep.include({ line: 8 });
      expect(doc.blocks[5]!.position.start).to.deep.include({ line: 9 });
    });
  });

  describe('#parseDocument (Markdown)', () => {
    it('should read the quoted section of a Markdown bill under its instruction', () => {
      const { tree } = parseDocument(BILL_MD, 'bill.md');
      expect(tree.kind).to.equal('bill');
      expect(withoutPositions(tree.children.slice(2))).to.deep.equal([
        { type: 'action', value: 'Section 1050 of the Penal Code is amended to read:' },
        {
          type: 'level',
          kind: 'section',
          num: { text: '1050.', value: '1050' },
          id: 's1050',
          children: [
            { type: 'level', kind: 'subdivision', num: { text: '(a)', value: 'a' }, id: 's1050/a', children: [{ type: 'text', value: 'The welfare of the people.' }] },
            { type: 'level', kind: 'subdivision', num: { text: '(b)', value: 'b' }, id: 's1050/b', children: [{ type: 'text', value: 'Continuances.' }] },
          ],
        },
      ]);
    });

    it('should make a heading with a section number a section with that heading', () => {
      const { tree } = parseDocument('## 1050. Continuances\n\n(a) The welfare.\n', 'law.md');
      expect(withoutPositions(tree.children)).to.deep.equal([
        {
          type: 'level',
          kind: 'section',
          num: { text: '1050.', value: '1050' },
          id: 's1050',
          heading: 'Continuances',
          children: [{ type: 'level', kind: 'subdivision', num: { text: '(a)', value: 'a' }, id: 's1050/a', children: [{ type: 'text', value: 'The welfare.' }] }],
        },
      ]);
    });

    it('should make a heading with a bill section designation a bill section with that heading', () => {
      const { tree } = parseDocument('## SEC. 2. Short title\n\nThis act may be cited.\n', 'bill.md');
      expect(withoutPositions(tree.children)).to.deep.equal([
        {
          type: 'level',
          kind: 'billSection',
          num: { text: 'SEC. 2.', value: '2' },
          id: 'sec2',
          heading: 'Short title',
          children: [{ type: 'text', value: 'This act may be cited.' }],
        },
      ]);
    });

    it('should keep an ordered-list marker such as 1050. as the section number', () => {
      const { tree } = parseDocument('1050. The welfare of the people.\n', 'law.md');
      expect(tree.children[0]).to.deep.include({ type: 'level', kind: 'section', id: 's1050' });
    });
  });
});
