import { expect } from 'chai';
import { alignTrees, parseDocument, renderTerminal } from '../../src/index.js';
import { buildPageModel } from '../../src/render/page/index.js';
import type { AlignedPair, Alignment } from '../../src/types.js';
import { AB1656_VERSIONS, readBill } from '../helpers/paths.js';

// Regression test for the QA round: the summary left out the levels changed only in their
// children (AB 1656: 9 + 1 + 11 = 21 counted, 24 levels shown). Each level counts once, by its
// own line, so the counts add up to the levels every rendering shows.

function align(oldFile: string, newFile: string): Alignment {
  return alignTrees(parseDocument(readBill(oldFile), oldFile).tree, parseDocument(readBill(newFile), newFile).tree);
}

function countPairs(pairs: AlignedPair[]): number {
  return pairs.reduce((n, p) => n + 1 + countPairs(p.children), 0);
}

describe('align/summary', () => {
  const a = align(AB1656_VERSIONS[0]!, AB1656_VERSIONS[2]!);
  const s = a.summary;

  it('should count the levels changed only below their own line as unchanged, so AB 1656 adds up to its 24 levels', () => {
    expect(s).to.deep.equal({ unchanged: 14, modified: 9, inserted: 1, deleted: 0, moved: 0, redesignated: 0, conforming: 0, wordsInserted: 201, wordsDeleted: 106 });
    expect(countPairs(a.pairs)).to.equal(24);
  });

  it('should agree with the terminal: its summary line, and a change mark on 10 of its 24 lines', () => {
    const lines = renderTerminal(a, { context: 100 }).split('\n');
    expect(lines[2]).to.equal('clauses: 9 amended, 1 added, 0 deleted, 0 moved, 0 redesignated, 14 unchanged; words: +201 -106');
    // With context to spare nothing folds: after the header, every line is a level or a section's `@@` line.
    const levelLines = lines.slice(3).filter((l) => l !== '' && !l.startsWith('@@'));
    expect(levelLines).to.have.length(24);
    expect(levelLines.filter((l) => l[0] !== ' ').map((l) => l[0]).join('')).to.equal('~~~~~~+~~~');
  });

  it('should agree with the HTML page: 24 rows, 10 of them changes, and the same counts', () => {
    const model = buildPageModel(a);
    expect(model.total).to.equal(24);
    expect(model.changes).to.have.length(10);
    expect(model.counts).to.deep.equal([
      { label: 'amended', value: 9 },
      { label: 'added', value: 1 },
      { label: 'deleted', value: 0 },
      { label: 'moved', value: 0 },
      { label: 'redesignated', value: 0 },
      { label: 'unchanged', value: 14 },
    ]);
  });
});
