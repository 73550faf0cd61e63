import { expect } from 'chai';
import { diffLevelWords } from '../../src/index.js';
import { renumberedLine } from '../../src/align/pairs.js';
import { defaultWordDiffOptions, type WordDiffOptions } from '../../src/align/words.js';
import type { Level } from '../../src/types.js';

// All texts are SYNTHETIC, written for these tests.

function level(num: string, body: string, heading?: string): Level {
  const children: Level['children'] = body ? [{ type: 'text', value: body }] : [];
  return { type: 'level', kind: 'paragraph', id: num, num: { text: num, value: num.replace(/\W/g, '') }, ...(heading ? { heading } : {}), children };
}

/** `(a) body` as the row text the word diff reads. */
function row(num: string, body: string, heading?: string): string {
  const own = heading ? (body ? `${heading} ${body}` : heading) : body;
  return own ? `${num} ${own}` : num;
}

describe('align/pairs #renumberedLine', () => {
  it('should give what the word diff gives for two lines that differ only in their designations', () => {
    const cases: Array<[string, string, string, string?]> = [
      ['(a)', '(b)', 'The board shall adopt a plan, as follows:'],
      ['(2)', '(3)', 'Each.'],
      ['(A)', '(B)', 'Two  spaces\tand a tab inside.'],
      ['SEC.2.', 'SEC.3.', 'Short title.', 'HEADING'],
      ['1050.', '1051.', 'x'],
    ];
    for (const options of [defaultWordDiffOptions, { ...defaultWordDiffOptions, longestRuns: false }, { ...defaultWordDiffOptions, rewriteThreshold: 0.5 }]) {
      for (const [a, b, body, heading] of cases) {
        const expected = diffLevelWords(row(a, body, heading), row(b, body, heading), options).changes;
        expect(renumberedLine(level(a, body, heading), level(b, body, heading), options), `${a} → ${b}: ${body}`).to.deep.equal(expected);
      }
    }
  });

  it('should leave to the word diff what it does not know to be a pure renumbering', () => {
    const options: Required<WordDiffOptions> = defaultWordDiffOptions;
    // A designation of two words, no words after it, white space at an end, different words, the same designation.
    expect(renumberedLine(level('SEC. 2.', 'Short title.'), level('SEC. 3.', 'Short title.'), options)).to.equal(undefined);
    expect(renumberedLine(level('(a)', ''), level('(b)', ''), options)).to.equal(undefined);
    expect(renumberedLine(level('(a)', 'Text. '), level('(b)', 'Text. '), options)).to.equal(undefined);
    expect(renumberedLine(level('(a)', 'Text.'), level('(b)', 'Other text.'), options)).to.equal(undefined);
    expect(renumberedLine(level('(a)', 'Text.'), level('(a)', 'Text.'), options)).to.equal(undefined);
    // A threshold above which one kept word of two is a rewrite: the word diff says so.
    const strict = { ...options, rewriteThreshold: 0.6 };
    expect(renumberedLine(level('(a)', 'Text.'), level('(b)', 'Text.'), strict)).to.equal(undefined);
    expect(diffLevelWords('(a) Text.', '(b) Text.', strict).changes).to.deep.equal([
      { op: 'delete', value: '(a) Text.' },
      { op: 'equal', value: ' ' },
      { op: 'insert', value: '(b) Text.' },
    ]);
    expect(renumberedLine(level('(a)', 'Two words.'), level('(b)', 'Two words.'), strict)).to.deep.equal(diffLevelWords('(a) Two words.', '(b) Two words.', strict).changes);
  });
});
