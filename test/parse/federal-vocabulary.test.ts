import { expect } from 'chai';
import { fold, normaliseValue } from '../../src/parse/federal-vocabulary.js';

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

  describe('#normaliseValue', () => {
    it('should give a plain value back as it is, and normalise every other', () => {
      const cases: Array<[string, string, string]> = [
        // Given as they are: digits, lower-case letters, up to three capitals, roman numerals.
        ['101', '', '101'],
        ['aa', '', 'aa'],
        ['A', '', 'A'],
        ['IV', '', 'IV'],
        ['XLVIII', '', 'XLVIII'],
        // Normalised: a rung word, punctuation, spaces, a printed designation when none is given.
        ['PART', '', ''],
        ['TITLE', 'TITLE II—', ''],
        ['', 'TITLE II—', 'II'],
        ['', '“(D)', 'D'],
        [' 5 ', '', '5'],
        ['Sec. 5', '', '5'],
        ['2/3', '', '2-3'],
        ['101a.', '', '101a'],
      ];
      for (const [value, printed, expected] of cases) expect(normaliseValue(value, printed), JSON.stringify([value, printed])).to.equal(expected);
    });
  });
});
