import { expect } from 'chai';
import { parseDocument } from '../../src/parse/index.js';
import { isEnumerated } from '../../src/parse/ladder.js';
import type { Content, Root } from '../../src/types.js';
import { readBill } from '../helpers/paths.js';

// Synthetic statute text, written for this test (not real law): a section whose text stands on its
// line and one with a heading, levels whose text stands on their line, one whose text is on the line
// after it, chapeaux, a text on a later line, and text before any level.
const TEXT = [
  'A note before any section.',
  '100. The board shall adopt rules.',
  '(a) The board shall meet:',
  '(1) Monthly.',
  '(2) On call.',
  'Unless the chair decides otherwise.',
  '(b)',
  'The clerk shall keep records.',
  'SEC. 2. Fees.',
  '(a) A fee is due.',
  '(b) A second fee is due.',
  '',
].join('\n');

/** Every node of a tree with the level it is the first child of, if any. */
function nodes(root: Root): Array<{ node: Content; firstOf?: Content }> {
  const out: Array<{ node: Content; firstOf?: Content }> = [];
  const walk = (children: Content[], parent?: Content) => {
    children.forEach((node, i) => {
      out.push(i === 0 && parent ? { node, firstOf: parent } : { node });
      if (node.type === 'level') walk(node.children, node);
    });
  };
  walk(root.children);
  return out;
}

/** Whether a node is the text on its enumerated level's own line (as its position says, in a full tree). */
function onOwnLine(node: Content, level: Content | undefined): boolean {
  return (
    level !== undefined &&
    level.type === 'level' &&
    isEnumerated(level.kind) &&
    (node.type === 'text' || node.type === 'chapeau') &&
    node.position!.start.line === level.position!.start.line
  );
}

/** The tree with the positions the option leaves out taken away by hand. */
function withoutOwnLinePositions(root: Root): Root {
  const copy = structuredClone(root);
  for (const { node, firstOf } of nodes(copy)) if (onOwnLine(node, firstOf)) delete node.position;
  return copy;
}

describe('parse: inlineTextPositions', () => {
  for (const [name, text, file] of [
    ['plain text', TEXT, 'law.txt'],
    ['a CAML bill', readBill('ca', 'ca-ab1656-2025-amended-senate-2026-06-11.xml'), 'ab1656.xml'],
  ] as const) {
    it(`should leave out the positions of the texts on their enumerated levels' own lines, and only those (${name})`, () => {
      const full = parseDocument(text, file).tree;
      const lean = parseDocument(text, file, { inlineTextPositions: false }).tree;
      const dropped = nodes(full).filter(({ node, firstOf }) => onOwnLine(node, firstOf));
      expect(dropped).to.not.be.empty;
      // The same tree, those positions left out; every other node keeps its own.
      expect(lean).to.deep.equal(withoutOwnLinePositions(full));
      const placeless = nodes(lean).filter(({ node }) => !node.position);
      expect(placeless).to.have.length(dropped.length);
      // Without the option, or with it true, the tree is as it was.
      expect(parseDocument(text, file, { inlineTextPositions: true }).tree).to.deep.equal(full);
    });
  }

  it('should keep the positions of a section’s text, of text on a later line and of text outside levels', () => {
    const lean = parseDocument(TEXT, 'law.txt', { inlineTextPositions: false }).tree;
    const placeless = nodes(lean)
      .filter(({ node }) => !node.position)
      .map(({ node }) => (node.type === 'level' ? node.id : `${node.type}: ${node.value}`));
    expect(placeless).to.deep.equal(['chapeau: The board shall meet:', 'text: Monthly.', 'text: On call.', 'text: A fee is due.', 'text: A second fee is due.']);
    const kept = nodes(lean)
      .filter(({ node }) => node.type !== 'level' && node.position)
      .map(({ node }) => (node.type === 'level' ? node.id : `${node.type}: ${node.value}`));
    expect(kept).to.deep.equal([
      'text: A note before any section.',
      'chapeau: The board shall adopt rules.',
      'text: Unless the chair decides otherwise.',
      'text: The clerk shall keep records.',
      'chapeau: Fees.',
    ]);
  });
});
