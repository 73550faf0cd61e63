import { expect } from 'chai';
import { interpretations, readParenDesignation, readSectionDesignation } from '../../src/parse/index.js';
import { parenAt } from '../../src/parse/designation.js';

describe('parse/designation', () => {
  describe('#readParenDesignation', () => {
    it('should read (a) as printed and normalised, with the space after it', () => {
      expect(readParenDesignation('(a) The welfare')).to.deep.equal({ text: '(a)', value: 'a', length: 4 });
    });

    it('should read an inserted designation such as (1.5)', () => {
      expect(readParenDesignation('(1.5) Added text')).to.deep.equal({ text: '(1.5)', value: '1.5', length: 6 });
    });

    it('should read the first of two run-together designations', () => {
      expect(readParenDesignation('(a)(1) text')).to.deep.equal({ text: '(a)', value: 'a', length: 3 });
    });

    it('should not read a parenthesis that is not a designation', () => {
      expect(readParenDesignation('(see below) text')).to.equal(undefined);
      expect(readParenDesignation('The court (a) text')).to.equal(undefined);
    });
  });

  describe('#parenAt', () => {
    // The designations the level parser reads, as a regular expression (parenAt reads them by character code).
    const PAREN = /^\(([a-z]{1,4}|[A-Z]{1,4}|\d{1,4}[a-z]?(?:\.\d{1,3})?|[a-z]{1,2}\.\d{1,3}|[A-Z]\.\d{1,3})\)(?=\s|\(|$|[A-Z“"])/;

    it('should read at an offset what the pattern reads at the start, for every string of up to five characters after "(" over letters, digits, dots, parentheses, spaces and quotes', () => {
      const alphabet = ['a', 'i', 'z', 'A', 'I', 'Z', '1', '9', '.', ')', '(', ' ', '\u2003', '“', '"', '-', 'é'];
      const differences: string[] = [];
      let checked = 0;
      const check = (text: string) => {
        checked++;
        const m = PAREN.exec(text);
        const expected = m ? { text: m[0], value: m[1] } : undefined;
        const found = parenAt(`x ${text}`, 2);
        if (JSON.stringify(found && { text: found.text, value: found.value }) !== JSON.stringify(expected)) differences.push(text);
      };
      const grow = (text: string, depth: number) => {
        check(text);
        if (depth) for (const c of alphabet) grow(text + c, depth - 1);
      };
      grow('(', 5);
      for (const text of ['(1234a.123)', '(1234a.1234)', '(12345)', '(aaaa)', '(aaaaa)', '(ab.123) x', '(abc.1) x', '(A.1)A', '(AB.1) x', '(1a.5)', '(a)“', '(1.5)(a)']) check(text);
      expect(checked).to.equal(1508610);
      expect(differences).to.deep.equal([]);
    });

    it('should give one shared pair of strings for a short designation however often it is printed', () => {
      const first = parenAt('(b) one', 0);
      expect(first).to.deep.equal({ text: '(b)', value: 'b' });
      expect(parenAt('text (b) two', 5)).to.equal(first);
    });
  });

  describe('#interpretations', () => {
    it('should make (a) a subdivision in California style and a subsection in federal style', () => {
      expect(interpretations('a', 'ca')).to.deep.equal(['subdivision']);
      expect(interpretations('a', 'us')).to.deep.equal(['subsection']);
    });

    it('should offer both readings of an ambiguous roman letter, subdivision first', () => {
      expect(interpretations('i', 'ca')).to.deep.equal(['subdivision', 'clause']);
      expect(interpretations('iv', 'ca')).to.deep.equal(['clause']);
    });

    it('should read digits as a paragraph and capitals as a subparagraph', () => {
      expect(interpretations('12', 'ca')).to.deep.equal(['paragraph']);
      expect(interpretations('B', 'ca')).to.deep.equal(['subparagraph']);
      expect(interpretations('I', 'ca')).to.deep.equal(['subparagraph', 'subclause']);
    });
  });

  describe('#readSectionDesignation', () => {
    it('should read a bill section designation', () => {
      expect(readSectionDesignation('SEC. 2. Section 7282 of', false)).to.deep.equal({ text: 'SEC. 2.', value: '2', length: 8, kind: 'billSection' });
    });

    it('should not read "Section 1050 of the Penal Code" as a designation', () => {
      expect(readSectionDesignation('Section 1050 of the Penal Code is amended to read:', true)).to.equal(undefined);
    });

    it('should read a bare section number only when the caller allows it', () => {
      expect(readSectionDesignation('7284.6. (a) California', true)).to.deep.equal({ text: '7284.6.', value: '7284.6', length: 8, kind: 'section' });
      expect(readSectionDesignation('7284.6. (a) California', false)).to.equal(undefined);
    });

    it('should read a chapter heading', () => {
      expect(readSectionDesignation('CHAPTER 17.25. Cooperation', false)).to.deep.equal({ text: 'CHAPTER 17.25.', value: '17.25', length: 15, kind: 'chapter' });
    });
  });
});
