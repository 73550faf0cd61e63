import { expect } from 'chai';
import { parseDocument } from '../../src/index.js';
import type { Level, Root } from '../../src/types.js';

// Regression tests for issue 9.2.1: parsing was quadratic in the number of lines. Each input is
// large enough that the quadratic code ran for minutes (past the mocha timeout); linear parsing
// reads it in well under a second. All texts here are SYNTHETIC.

/** `n` lines, each built by `line(i)`. */
function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(line(i));
  return `${out.join('\n')}\n`;
}

describe('parse: linear in the number of lines', () => {
  it('should read 200,000 one-character lines as 200,000 text nodes with their places', () => {
    const { tree } = parseDocument(lines(200_000, (i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]!), 'one-character-lines.txt');
    expect(tree.kind).to.equal('text');
    expect(tree.children).to.have.length(200_000);
    expect(tree.children.every((c) => c.type === 'text')).to.equal(true);
    const last = tree.children[199_999]!;
    expect(last).to.deep.include({ type: 'text', value: 'h' });
    expect(last.position).to.deep.equal({ start: { line: 200_000, column: 1, offset: 399_998 }, end: { line: 200_000, column: 2, offset: 399_999 } });
  });

  it('should read a chapter of 100,000 sections: its opening lines a chapeau, then the sections in order', () => {
    const text = `CHAPTER 1. Synthetic chapter\nThe sections of this chapter follow:\n${lines(100_000, (i) => `§ ${i + 1}. Section ${i + 1}.`)}`;
    const { tree } = parseDocument(text, 'many-sections.txt');
    const chapter = tree.children[0] as Level;
    expect(chapter.children).to.have.length(100_002);
    expect(chapter.children.slice(0, 2)).to.deep.equal([
      { type: 'chapeau', value: 'Synthetic chapter', position: { start: { line: 1, column: 12, offset: 11 }, end: { line: 1, column: 29, offset: 28 } } },
      { type: 'chapeau', value: 'The sections of this chapter follow:', position: { start: { line: 2, column: 1, offset: 29 }, end: { line: 2, column: 37, offset: 65 } } },
    ]);
    const sections = chapter.children.slice(2) as Level[];
    expect(sections.every((s, i) => s.kind === 'section' && s.id === `ch1/s${i + 1}` && s.children.length === 1)).to.equal(true);
  });

  it('should give 100,000 levels with the same designation distinct ids a, a~2 … a~100000', () => {
    const { tree } = parseDocument(lines(100_000, (i) => `(a) Clause ${i}.`), 'same-designation.txt');
    const ids = (tree as Root).children.map((c) => (c as Level).id);
    expect(ids).to.have.length(100_000);
    expect(ids.slice(0, 3)).to.deep.equal(['a', 'a~2', 'a~3']);
    expect(ids[99_999]).to.equal('a~100000');
    expect(new Set(ids).size).to.equal(100_000);
  });
});
