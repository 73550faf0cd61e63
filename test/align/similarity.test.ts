import { expect } from 'chai';
import { parseDocument } from '../../src/index.js';
import { createContext } from '../../src/align/context.js';
import { subtreeBody } from '../../src/align/level-text.js';
import { defaultAlignOptions } from '../../src/align/options.js';
import { bag, bagOf, dice, distinctWords, type Bag } from '../../src/align/similarity.js';
import { defaultWordDiffOptions } from '../../src/align/words.js';
import type { Content } from '../../src/types.js';

// The texts are SYNTHETIC, written for this test.

/** The words of a text as the bag reads them, by a regular expression (the reference). */
function words(text: string): string[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0].toLowerCase()).slice(0, 600);
}

/** Each word's hash with the times it occurs, in the order first read. */
function counts(bag: Bag): Map<number, number> {
  const out = new Map<number, number>();
  for (const w of bag.words) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
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
        expect([...counts(bag).values()], text).to.deep.equal([...expected.values()]);
        expect(distinctWords(bag), text).to.deep.equal([...counts(bag).keys()]);
        expect([...bag.sorted], text).to.deep.equal([...bag.words].sort((x, y) => x - y));
      }
    });

    it('should hash a word the same wherever it is, whatever its case', () => {
      const a = bagOf('Report REPORT report');
      expect([...counts(a).values()]).to.deep.equal([3]);
      expect([...counts(bagOf('the report')).keys()][1]).to.equal(a.words[0]);
    });
  });

  describe('#bag', () => {
    /** A level's bag as it is defined: the words of its sampled lines joined by line breaks. */
    function reference(node: Content): Bag {
      const lines = subtreeBody(node, [], 64_000);
      const total = lines.reduce((n, l) => n + l.length, 0);
      if (total <= 8000) return bagOf(lines.join('\n'));
      const step = total / 8000;
      const out: string[] = [];
      let next = 0;
      let at = 0;
      for (const line of lines) {
        if (at >= next) {
          out.push(line);
          next += step * line.length;
        }
        at += line.length;
      }
      return bagOf(out.join('\n'));
    }

    it("should read a level's lines (headings, texts, sublevels) as one text, sampled evenly across a large level", () => {
      const paragraph = (i: number) => `(${i}) The Secretary shall report on item ${i} and on the plan numbered ${i * 7} to the Committee.\n`;
      const texts = [
        'SEC. 2. SHORT TITLE.\nThis Act may be cited as the Example Act.\n',
        'SEC. 3. DEFINITIONS.\n(a) In general.—In this section:\n(1) Board.—The term board means the board.\n(2) Plan.—A plan.\n',
        // Large enough to be sampled (past 8,000 characters), and past the 64,000 looked at.
        `SEC. 4. REPORTS.\n(a) Reports.—The Secretary shall report:\n${Array.from({ length: 120 }, (_, i) => paragraph(i + 1)).join('')}`,
        `SEC. 5. MANY REPORTS.\n(a) Reports.—The Secretary shall report:\n${Array.from({ length: 900 }, (_, i) => paragraph(i + 1)).join('')}`,
      ];
      const ctx = createContext({ ...defaultAlignOptions, ...defaultWordDiffOptions, now: () => 0 }, Infinity);
      for (const text of texts) {
        const levels = parseDocument(text, 'synthetic.txt').tree.children;
        const visit = (node: Content): void => {
          const expected = reference(node);
          const got = bag(node, ctx);
          expect([...got.words], text.slice(0, 40)).to.deep.equal([...expected.words]);
          expect([...got.sorted]).to.deep.equal([...expected.sorted]);
          if (node.type === 'level') node.children.forEach(visit);
        };
        levels.forEach(visit);
      }
    });
  });

  describe('#dice', () => {
    it('should be 1 for the same words, 0 for none shared, and the shared share between', () => {
      expect(dice(bagOf('a b c'), bagOf('C B A'))).to.equal(1);
      expect(dice(bagOf('a b c'), bagOf('d e f'))).to.equal(0);
      expect(dice(bagOf('a b c d'), bagOf('a b x y'))).to.equal(0.5);
      // A word shared as often as the bag that has it fewer times: 2 × 2 / (3 + 4).
      expect(dice(bagOf('a a b'), bagOf('a b b c'))).to.equal(4 / 7);
      expect(dice(bagOf(''), bagOf(''))).to.equal(1);
      expect(dice(bagOf('a'), bagOf(''))).to.equal(0);
    });
  });
});
