import { expect } from 'chai';
import { interpretations, readParenDesignation, readSectionDesignation } from '../../src/parse/index.js';

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
