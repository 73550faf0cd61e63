import { expect } from 'chai';
import { parseDocument, readDocument } from '../../src/index.js';
import { TextLines } from '../../src/parse/read-text.js';
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

  describe('#parseDocument with blocks: false (the lines read by offset)', () => {
    // SYNTHETIC texts, but for SB 54 (bills/ca): white space to fold, CRLF, a text with no structure, none at all.
    const texts: Array<[string, string]> = [
      ['sb54.txt', readBill(SB54)],
      ['folded.txt', '1050.  (a)\tThe  court\u00a0shall.\r\n\n\u2003(b) Then\u2003\u2003more. \n  (1) One;\u202fand\n(2) two.\n'],
      ['plain.txt', 'One line.\nAnother line.\n'],
      ['empty.txt', ''],
      ['blank.txt', ' \n\t\n'],
      ['ascii.txt', 'SEC. 2. Section 1050 of the Penal Code is amended to read:\n1050. (a) The court.\n(b) More.\n'],
    ];
    for (const [file, text] of texts) {
      it(`should give the tree and messages the blocks give (${file}, as a string and as bytes)`, () => {
        for (const input of [text, Buffer.from(text)]) {
          const kept = parseDocument(input, file);
          const read = parseDocument(input, file, { blocks: false });
          expect(read.source.blocks).to.deep.equal([]);
          expect(JSON.stringify(read.tree)).to.equal(JSON.stringify(kept.tree));
          expect(JSON.stringify(read.messages)).to.equal(JSON.stringify(kept.messages));
        }
      });
    }

    it('should count a line as its folded text is long without folding it (`lengthOf`)', () => {
      const spaces = [' ', '\t', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff'];
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      for (let t = 0; t < 300; t++) {
        let text = '';
        for (let i = random(200); i > 0; i--) text += random(3) ? String.fromCharCode(97 + random(26)) : random(5) ? spaces[random(spaces.length)] : '\n';
        const lines = new TextLines(text);
        for (let i = 0; i < lines.count; i++) expect(lines.lengthOf(i), JSON.stringify(text)).to.equal(lines.textOf(i).length);
      }
    });
  });
});

