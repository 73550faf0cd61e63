import fs from 'node:fs';
import { expect } from 'chai';
import { alignTrees } from '../../src/align/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { renderWdiff } from '../../src/render/wdiff.js';
import type { AlignedPair, Alignment } from '../../src/types.js';
import { wdiffSides } from '../helpers/wdiff.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

// Real federal bill versions, read through ../shared/corpus/us/bills (not committed; see its MANIFEST.md).
function compare(bill: string, oldFile: string, newFile: string): Alignment {
  const read = (name: string) => {
    const file = sharedPath('corpus', 'us', 'bills', bill, name);
    return parseDocument(fs.readFileSync(file), name).tree;
  };
  return alignTrees(read(oldFile), read(newFile));
}

/** `status old-id->new-id` for every changed section. */
function changedSections(alignment: Alignment): string[] {
  const out: string[] = [];
  const walk = (pair: AlignedPair) => {
    const side = pair.new ?? pair.old;
    if (side?.kind === 'section' && pair.status !== 'unchanged') out.push(`${pair.status} ${pair.old?.id ?? '-'}->${pair.new?.id ?? '-'}`);
    pair.children.forEach(walk);
  };
  alignment.pairs.forEach(walk);
  return out;
}

describeShared('align: federal bill versions (114th Congress)', () => {
  it('should find H.R. 50 reported without amendment: no change, whatever the XML layout', () => {
    const alignment = compare('114-hr50', 'BILLS-114hr50ih.xml', 'BILLS-114hr50rh.xml');
    expect(changedSections(alignment)).to.deep.equal([]);
    expect(alignment.summary.unchanged).to.be.greaterThan(80);
  });

  it('should find the one amount S. 1523 changed between introduction and passage', () => {
    const alignment = compare('114-s1523', 'BILLS-114s1523is.xml', 'BILLS-114s1523es.xml');
    expect(renderWdiff(alignment)).to.include('the Administrator [-$27,000,000-] {+$26,000,000+} for each of fiscal years 2016 through 2020');
    expect(alignment.summary.wordsInserted).to.equal(1);
    expect(alignment.summary.wordsDeleted).to.equal(1);
  });

  it('should show the sections H.R. 2289 gained in committee as inserted, at the end of their titles', () => {
    const alignment = compare('114-hr2289', 'BILLS-114hr2289ih.xml', 'BILLS-114hr2289rh.xml');
    const changed = changedSections(alignment);
    expect(changed.filter((c) => c.startsWith('inserted'))).to.deep.equal([
      'inserted -->tII/s212',
      'inserted -->tII/s213',
      'inserted -->tIII/s315',
      'inserted -->tIII/s316',
      'inserted -->tIII/s317',
      'inserted -->tIII/s318',
      'inserted -->tIII/s319',
    ]);
    expect(changed.filter((c) => c.startsWith('deleted'))).to.deep.equal([]);
    // Section 204's new paragraph of the Commodity Exchange Act is numbered (16), not (17), as reported.
    expect(renderWdiff(alignment)).to.include('[-“(17)-] {+“(16)+} Office of the chief economist.—');
  });

  it('should give back both versions exactly from its wdiff', () => {
    for (const [bill, a, b] of [
      ['114-hr2289', 'BILLS-114hr2289ih.xml', 'BILLS-114hr2289rh.xml'],
      ['114-hr766', 'BILLS-114hr766ih.xml', 'BILLS-114hr766eh.xml'],
    ] as const) {
      const read = (name: string) => parseDocument(fs.readFileSync(sharedPath('corpus', 'us', 'bills', bill, name)), name).tree;
      const oldTree = read(a);
      const newTree = read(b);
      const sides = wdiffSides(renderWdiff(alignTrees(oldTree, newTree)));
      const same = (x: string, y: string) => x.replace(/\s+/g, '') === y.replace(/\s+/g, '');
      expect(same(sides.old, renderWdiff(alignTrees(oldTree, oldTree))), `${bill} old side`).to.equal(true);
      expect(same(sides.new, renderWdiff(alignTrees(newTree, newTree))), `${bill} new side`).to.equal(true);
    }
  });
});
