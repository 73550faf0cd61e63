import { expect } from 'chai';
import { ftsQuery, notHeld } from '../../src/store/search.js';

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

  describe('#notHeld', () => {
    it('should say of a section the database lacks how many bills touch it, and how many of them would override it', () => {
      expect([notHeld(1, 0), notHeld(1, 1), notHeld(3, 0), notHeld(3, 1), notHeld(2, 2), notHeld(3, 3)]).to.deep.equal([
        'Not in the database; 1 bill touches it.',
        'Not in the database; 1 bill touches it, and would override it.',
        'Not in the database; 3 bills touch it.',
        'Not in the database; 3 bills touch it, 1 of them would override it.',
        'Not in the database; 2 bills touch it, both would override it.',
        'Not in the database; 3 bills touch it, all would override it.',
      ]);
    });
  });
});
