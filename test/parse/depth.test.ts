import { expect } from 'chai';
import { alignTrees, parseDocument, renderWdiff } from '../../src/index.js';
import type { Level } from '../../src/types.js';
import { MAX_XML_DEPTH } from '../../src/parse/xml.js';
import { failure } from '../helpers/errors.js';

// Regression tests for issue 9.2.3: no input overflows the stack. Nesting past a sane depth is a
// clear `file:line:col` error; anything shallower is read, aligned and rendered. All texts SYNTHETIC.


const USLM = '<?xml version="1.0"?>\n<bill xmlns="http://schemas.gpo.gov/xml/uslm">\n<main>';

/** USLM with `depth` elements nested: the document, main, then sections down to the text. */
function nestedSections(depth: number, words: string): string {
  const n = depth - 3; // bill, main and content
  return `${USLM}${'<section>'.repeat(n)}<content>${words}</content>${'</section>'.repeat(n)}</main></bill>\n`;
}

describe('parse: nesting', () => {
  it('should refuse federal XML nested 50,000 deep with the place of the element past the limit', () => {
    expect(failure(() => parseDocument(nestedSections(50_000, 'x'), 'deep.xml'))).to.equal(`deep.xml:3:${7 + 9 * (MAX_XML_DEPTH - 2)}: XML nested deeper than ${MAX_XML_DEPTH} elements`);
  });

  it(`should read, align and render federal XML nested ${MAX_XML_DEPTH} deep`, () => {
    const a = parseDocument(nestedSections(MAX_XML_DEPTH, 'Synthetic words of the deepest clause.'), 'old.xml');
    const b = parseDocument(nestedSections(MAX_XML_DEPTH, 'Synthetic words of the deepest changed clause.'), 'new.xml');
    let depth = 0;
    for (let node = a.tree.children[0] as Level | undefined; node; node = node.children.find((c): c is Level => c.type === 'level')) depth++;
    expect(depth).to.equal(MAX_XML_DEPTH - 3);
    const alignment = alignTrees(a.tree, b.tree);
    expect(alignment.summary).to.deep.include({ modified: 1, wordsInserted: 1, wordsDeleted: 0 });
    expect(renderWdiff(alignment)).to.equal('Synthetic words of the deepest {+changed+} clause.\n');
  });

  it('should refuse CAML nested 50,000 deep', () => {
    const xml = `<?xml version="1.0"?>\n<caml:MeasureDoc xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#">${'<div>'.repeat(50_000)}<p>x</p>${'</div>'.repeat(50_000)}</caml:MeasureDoc>\n`;
    expect(failure(() => parseDocument(xml, 'deep.xml'))).to.equal(`deep.xml:2:${78 + 5 * (MAX_XML_DEPTH - 1)}: XML nested deeper than ${MAX_XML_DEPTH} elements`);
  });

  it('should refuse Markdown block quotes nested 50,000 deep before parsing them', () => {
    expect(failure(() => parseDocument(`(a) Synthetic.\n${'>'.repeat(50_000)} x\n`, 'deep.md'))).to.equal('deep.md:2:1: Markdown nested deeper than 100 block quotes or lists');
  });

  it('should refuse Markdown lists nested 2,000 deep before parsing them', () => {
    const md = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n');
    expect(failure(() => parseDocument(md, 'lists.md'))).to.equal('lists.md:202:1: Markdown nested deeper than 100 block quotes or lists');
  });

  it('should read 100,000 nested emphasis marks as plain characters, with a warning', () => {
    const md = `${'*'.repeat(50_000)}x${'*'.repeat(50_000)}\n`;
    const { tree, messages } = parseDocument(md, 'stars.md');
    expect(tree.children).to.deep.equal([{ type: 'text', value: md.trim(), position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 100_002, offset: 100_001 } } }]);
    expect(messages.map((m) => m.reason)).to.deep.equal([
      'more than 2000 emphasis marks (* and _) in one paragraph; all read as plain characters',
      'no clause structure found (no section or subdivision designations); compared as plain text blocks',
    ]);
  });
});

describe('align: long sequences', () => {
  // A clock that never moves: what these assert must not hang on how busy the machine is (the
  // 5 s budget ran out at load 15, and the output, rightly, became coarse).
  const still = { now: () => 0 };

  it('should align 200,000 lines against a text that keeps none of them: all deleted', () => {
    const old = Array.from({ length: 200_000 }, (_, i) => `Line ${i} of the synthetic text.`).join('\n');
    const alignment = alignTrees(parseDocument(old, 'old.txt').tree, parseDocument('(a) A new synthetic text.\n', 'new.txt').tree, still);
    expect(alignment.pairs).to.have.length(200_001);
    expect(alignment.summary).to.deep.include({ deleted: 200_000, inserted: 1, unchanged: 0, wordsDeleted: 1_200_000, wordsInserted: 5 });
    expect(alignment.pairs[199_999]).to.deep.include({ status: 'deleted' });
    expect(alignment.pairs[199_999]!.old).to.deep.include({ text: 'Line 199999 of the synthetic text.' });
  });

  it('should diff a level into which 200,000 words were inserted', () => {
    // Enough kept words around it (100,000) that the level is not read as rewritten.
    const before = Array.from({ length: 50_000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(' ');
    const inserted = Array.from({ length: 200_000 }, (_, i) => `b${i}`).join(' ');
    const alignment = alignTrees(parseDocument(`(a) ${before} X ${after}\n`, 'old.txt').tree, parseDocument(`(a) ${before} Y ${inserted} ${after}\n`, 'new.txt').tree, still);
    expect(alignment.summary).to.deep.include({ modified: 1, wordsDeleted: 1, wordsInserted: 200_001 });
    expect(alignment.pairs[0]!.words!.map((w) => [w.op, w.value.length])).to.deep.equal([
      ['equal', `(a) ${before} `.length],
      ['delete', 1],
      ['equal', 1],
      ['insert', `Y ${inserted}`.length],
      ['equal', ` ${after}`.length],
    ]);
  });
});
