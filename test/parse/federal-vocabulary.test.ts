import { expect } from 'chai';
import { fold } from '../../src/parse/federal-vocabulary.js';

// All texts are SYNTHETIC, written for these tests.

describe('parse/federal-vocabulary', () => {
  describe('#fold', () => {
    it('should fold every run of white space to one space and trim the ends, as /\\s+/g and trim() do', () => {
      const cases = [
        'Short title.',
        ' Short title.',
        'Short title. ',
        'Short  title.',
        'Short\ttitle.',
        'Short\ntitle.',
        'Short\u00a0title.',
        'Short \u2003 title.',
        '\u3000Short title.\ufeff',
        ' ',
        '  ',
        '\n',
        'x',
        '',
        '(a) In general.—The Secretary shall—',
      ];
      for (const text of cases) expect(fold(text), JSON.stringify(text)).to.equal(text.replace(/\s+/g, ' ').trim());
    });

    it('should give back text with nothing to fold as it is', () => {
      const text = ['(1) the term “State” means each of the several States;', 'and'].join(' ');
      expect(fold(text)).to.equal(text);
    });
  });
});
