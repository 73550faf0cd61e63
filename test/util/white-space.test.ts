import { expect } from 'chai';
import { foldWhiteSpace, isWhiteSpace } from '../../src/util/white-space.js';

// Texts SYNTHETIC.
describe('util: white space', () => {
  /** Every character `\s` matches, a few more that it does not, and letters. */
  const SPACES = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
  const OTHERS = ['a', 'b', '.', '\u200b', '\u180e', '\u0085'];

  it('should fold each run of white space to one space, as /\\s+/g replaced with a space does', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = [...SPACES, ...SPACES, ...OTHERS];
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let k = random(14); k > 0; k--) text += alphabet[random(alphabet.length)];
      expect(foldWhiteSpace(text), JSON.stringify(text)).to.equal(text.replace(/\s+/g, ' '));
    }
    expect(foldWhiteSpace('a b  c\n\t d \u00a0e ')).to.equal('a b c d e ');
  });

  it('should read as white space exactly what \\s matches', () => {
    for (let code = 0; code <= 0xffff; code++) expect(isWhiteSpace(code), code.toString(16)).to.equal(/\s/.test(String.fromCharCode(code)));
  });
});
