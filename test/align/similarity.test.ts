import { expect } from 'chai';
import { bagOf, dice } from '../../src/align/similarity.js';

// The texts are SYNTHETIC, written for this test.

/** The words of a text as the bag reads them, by a regular expression (the reference). */
function words(text: string): string[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0].toLowerCase()).slice(0, 600);
}

describe('align/similarity', () => {
  describe('#bagOf', () => {
    const texts = [
      'The Secretary shall submit a REPORT to the Committee; the report shall be public.',
      '“Section 1050(a)(2)” of the Penal Code, as amended — by striking “90 days”.',
      'Über die Straße: STRASSE, straße, Ärger, ärger; İstanbul and ıtem, naïve café 2024.',
      'Math 𝐀𝐁 and 𝐚𝐛, 中文词语, emoji 🙂 apart; numbers ٣٤ and 34.',
      `${Array.from({ length: 700 }, (_, i) => `word${i % 50}`).join(' ')}`,
      '',
      '— … ; ,',
    ];
    it('should count the same words as a regular expression over letters and digits, letter case aside', () => {
      for (const text of texts) {
        const expected = new Map<string, number>();
        for (const w of words(text)) expected.set(w, (expected.get(w) ?? 0) + 1);
        const bag = bagOf(text);
        expect(bag.size, text).to.equal(words(text).length);
        // The same counts in the same order: each word has a hash of its own.
        expect([...bag.counts.values()], text).to.deep.equal([...expected.values()]);
      }
    });

    it('should hash a word the same wherever it is, whatever its case', () => {
      const a = bagOf('Report REPORT report');
      expect([...a.counts.values()]).to.deep.equal([3]);
      expect([...bagOf('the report').counts.keys()][1]).to.equal([...a.counts.keys()][0]);
    });
  });

  describe('#dice', () => {
    it('should be 1 for the same words, 0 for none shared, and the shared share between', () => {
      expect(dice(bagOf('a b c'), bagOf('C B A'))).to.equal(1);
      expect(dice(bagOf('a b c'), bagOf('d e f'))).to.equal(0);
      expect(dice(bagOf('a b c d'), bagOf('a b x y'))).to.equal(0.5);
    });
  });
});
