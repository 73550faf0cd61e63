import { expect } from 'chai';
import { ftsQuery } from '../../src/store/search.js';

describe('store/search', () => {
  describe('#ftsQuery', () => {
    it('should quote every word, so that no user text is read as FTS5 syntax', () => {
      expect(ftsQuery('good cause NEAR(a b) OR * "7284.6"')).to.equal('"good" "cause" "near a" "b" "or" "7284.6"');
    });

    it('should keep each word once whatever its case or accents, and 16 at most: a word repeated adds nothing, and FTS5 snippets grow combinatorially with repeats', () => {
      // `/api/search?q=a a a …` (99 times) held the server's one thread for 30 s making snippets.
      expect(ftsQuery(Array(99).fill('a').join(' '))).to.equal('"a"');
      expect(ftsQuery('a "a" b A á a')).to.equal('"a" "b"');
      expect(ftsQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).to.equal(Array.from({ length: 16 }, (_, i) => `"w${i}"`).join(' '));
    });
  });
});
