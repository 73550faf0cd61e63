import { expect } from 'chai';
import { findReferences } from '../../src/parse/references.js';

const brief = (text: string) => findReferences(text).map(({ text: t, kind, path, act, usc }) => ({ text: t, kind, path, ...(act ? { act } : {}), ...(usc ? { usc } : {}) }));

describe('parse/references', () => {
  describe('#findReferences', () => {
    it('should read a federal citation with its act and U.S. Code place (H.R. 1058, 116th Congress)', () => {
      expect(brief('Section 399BB of the Public Health Service Act (42 U.S.C. 280i-1) is amended—')).to.deep.equal([
        { text: 'Section 399BB of the Public Health Service Act (42 U.S.C. 280i-1)', kind: 'section', path: ['399BB'], act: 'Public Health Service Act', usc: { title: '42', section: '280i-1' } },
      ]);
    });

    it('should read subdivisions inside a section and a title of the Code', () => {
      expect(brief('Section 3(u) of the Food and Nutrition Act of 2008 (7 U.S.C. 2012(u)) is amended')[0]).to.deep.equal({
        text: 'Section 3(u) of the Food and Nutrition Act of 2008 (7 U.S.C. 2012(u))',
        kind: 'section',
        path: ['3', 'u'],
        act: 'Food and Nutrition Act of 2008',
        usc: { title: '7', section: '2012(u)' },
      });
      expect(brief('Section 200304 of title 54, United States Code, is amended')[0]).to.deep.equal({
        text: 'Section 200304 of title 54, United States Code',
        kind: 'section',
        path: ['200304'],
        usc: { title: '54', section: '200304' },
      });
    });

    it('should read California citations, outer units first in the path', () => {
      expect(brief('as defined in subdivision (a) of Section 187, or in paragraph (4) of subdivision (d)')).to.deep.equal([
        { text: 'subdivision (a) of Section 187', kind: 'subdivision', path: ['187', 'a'] },
        { text: 'paragraph (4) of subdivision (d)', kind: 'paragraph', path: ['d', '4'] },
      ]);
      expect(brief('Notwithstanding Section 7282.5 or 7284.6, law enforcement officials').map((r) => r.path)).to.deep.equal([['7282.5'], ['7284.6']]);
      expect(brief('Sections 7282 and 7282.5 of the Government Code are amended to read:').map((r) => [r.path[0], r.act])).to.deep.equal([
        ['7282', 'Government Code'],
        ['7282.5', 'Government Code'],
      ]);
    });

    it('should give offsets into the text', () => {
      const text = 'The court shall apply subdivision (b) of Section 368 here.';
      const [ref] = findReferences(text);
      expect(text.slice(ref!.start, ref!.end)).to.equal('subdivision (b) of Section 368');
    });

    it('should read outer units and lists alike however many citations came before (its patterns are shared)', () => {
      const text = 'paragraphs (2), (3), and (4) of subdivision (b) of Section 12, and clause (ii) of subparagraph (A) of paragraph (1)';
      const first = brief(text);
      expect(first.map((r) => r.path)).to.deep.equal([
        ['12', 'b', '2'],
        ['12', 'b', '3'],
        ['12', 'b', '4'],
        ['1', 'A', 'ii'],
      ]);
      expect(brief(`${text}.`)).to.deep.equal(first);
    });

    it('should find nothing in a sentence that cites nothing', () => {
      expect(findReferences('The court shall hear all witnesses.')).to.deep.equal([]);
    });
  });
});
