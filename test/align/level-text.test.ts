import { expect } from 'chai';
import { alignTrees } from '../../src/align/index.js';
import { rowText, rowTextIn } from '../../src/align/level-text.js';
import { compare } from '../../src/compare/index.js';
import { parseDocument } from '../../src/parse/index.js';
import type { Content, Level } from '../../src/types.js';

// Synthetic statute text, written for this test (not real law): one line printed with two spaces
// after its designation, one with a tab inside it, one with a heading.
const OLD = '100.\n(a) The board shall adopt rules.\n(b)  The clerk shall keep records.\n(c) Each\tfee is due yearly.\nSEC. 2. Fees.\n(a) A fee is due.\n';
const NEW = '100.\n(a) The board shall adopt new rules.\n(b)  The clerk shall keep records.\n(c) Each\tfee is due yearly.\nSEC. 2. Fees.\n(a) A fee is due.\n(b) A second fee is due.\n';

function levels(nodes: Content[], out: Level[] = []): Level[] {
  for (const node of nodes) {
    if (node.type !== 'level') continue;
    out.push(node);
    levels(node.children, out);
  }
  return out;
}

describe('align: a level’s own line taken from its source', () => {
  it('should give the same line as rowText for every level, whether or not it reads so in the source', () => {
    const tree = parseDocument(OLD, 'old.txt').tree;
    const all = levels(tree.children);
    expect(all.map((l) => rowTextIn(l, OLD))).to.deep.equal(all.map((l) => rowText(l)));
    expect(all.map((l) => rowText(l))).to.deep.equal(['100.', '(a) The board shall adopt rules.', '(b) The clerk shall keep records.', '(c) Each fee is due yearly.', 'SEC. 2. Fees.', '(a) A fee is due.']);
    // A source that does not read so (another text, or none) gives rowText too.
    const other = OLD.replace('board', 'BOARD');
    expect(rowTextIn(all[1]!, other)).to.equal('(a) The board shall adopt rules.');
    expect(rowTextIn(all[1]!, undefined)).to.equal('(a) The board shall adopt rules.');
  });

  it('should read the line from the level’s own start, whether or not its text has a position', () => {
    // A reader may leave out the position of a text on its level's own line (the alignment never
    // writes it out): the line and the whole alignment are the same without it.
    const withoutTextPositions = (text: string, file: string) => {
      const tree = parseDocument(text, file).tree;
      for (const level of levels(tree.children)) {
        const first = level.children[0];
        if (first && first.type !== 'level' && first.position?.start.line === level.position?.start.line) delete first.position;
      }
      return tree;
    };
    const tree = withoutTextPositions(OLD, 'old.txt');
    const all = levels(tree.children);
    expect(all.filter((l) => l.children[0] && !l.children[0].position)).to.have.length(5);
    expect(all.map((l) => rowTextIn(l, OLD))).to.deep.equal(all.map((l) => rowText(l)));
    const [a, b] = [parseDocument(OLD, 'old.txt').tree, parseDocument(NEW, 'new.txt').tree];
    const lean = alignTrees(tree, withoutTextPositions(NEW, 'new.txt'), { texts: { old: OLD, new: NEW } });
    expect(JSON.stringify(lean)).to.equal(JSON.stringify(alignTrees(a, b, { texts: { old: OLD, new: NEW } })));
  });

  it('should align two texts given their sources exactly as without them', () => {
    const [a, b] = [parseDocument(OLD, 'old.txt').tree, parseDocument(NEW, 'new.txt').tree];
    const given = alignTrees(a, b, { texts: { old: OLD, new: NEW } });
    expect(JSON.stringify(given)).to.equal(JSON.stringify(alignTrees(a, b)));
    expect(given.summary).to.deep.include({ modified: 1, inserted: 1, unchanged: 5 });
    const fromBytes = compare({ documents: [{ bytes: new TextEncoder().encode(OLD), file: 'old.txt' }, { bytes: new TextEncoder().encode(NEW), file: 'new.txt' }] });
    expect(JSON.stringify(fromBytes.alignment)).to.equal(JSON.stringify(given));
  });
});
