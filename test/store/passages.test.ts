import { expect } from 'chai';
import { MAX_PASSAGES, passageRange, passagesOf } from '../../src/store/passages.js';

describe('store/passages', () => {
  it('should gather whole lines into passages of about 480 characters, and cut only a line longer than two', () => {
    const line = (n: number, words: number) => Array.from({ length: words }, (_, i) => `w${n}x${i}`).join(' ');
    const text = [line(1, 30), '', line(2, 30), line(3, 80), line(4, 10), 'x'.repeat(1200)].join('\n');
    const passages = passagesOf(text);
    // A line longer than two passages is cut at 480 characters until what is left fits in two.
    expect(passages.map((p) => p.length)).to.deep.equal([line(1, 30).length + 1 + line(2, 30).length + 1 + line(3, 80).length, line(4, 10).length, 480, 720]);
    expect(passages[0]!.split('\n')).to.deep.equal([line(1, 30), line(2, 30), line(3, 80)]);
    expect(passages.join('').replace(/\s+/g, '')).to.equal(text.replace(/\s+/g, ''));
  });

  it('should give each owner its own range of ids', () => {
    expect(passageRange('bill', 3)).to.deep.equal([6 * MAX_PASSAGES, 7 * MAX_PASSAGES - 1]);
    expect(passageRange('section', 3)).to.deep.equal([7 * MAX_PASSAGES, 8 * MAX_PASSAGES - 1]);
    expect(passagesOf('\n  \n')).to.deep.equal([]);
  });
});
