import { expect } from 'chai';
import { alignTrees } from '../../src/align/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { renderWdiff } from '../../src/render/wdiff.js';
import type { AlignedPair } from '../../src/types.js';

// Synthetic statute text, written for this test (not real law).
const OLD = '100.\n(a) The following apply:\n(1) Alpha rule applies to every party here.\n(2) Beta rule applies to every court here.\n(b) A party relying on paragraph (2) of subdivision (a) shall give notice.\n';
const NEW = '100.\n(a) The following apply:\n(1) A new gamma rule for witnesses.\n(2) Alpha rule applies to every party here.\n(3) Beta rule applies to every court here.\n(b) A party relying on paragraph (3) of subdivision (a) shall give notice.\n';

function find(pairs: AlignedPair[], id: string): AlignedPair | undefined {
  for (const pair of pairs) {
    if (pair.new?.id === id) return pair;
    const inner = find(pair.children, id);
    if (inner) return inner;
  }
  return undefined;
}

describe('align: cross-references that follow a renumbering', () => {
  it('should flag "paragraph (2)" → "paragraph (3)" as conforming when paragraph (2) became (3)', () => {
    const alignment = alignTrees(parseDocument(OLD, 'old.txt').tree, parseDocument(NEW, 'new.txt').tree);
    const b = find(alignment.pairs, 's100/b')!;
    expect(b.conforming).to.equal(true);
    expect(alignment.summary).to.deep.include({ modified: 0, inserted: 1, redesignated: 2, conforming: 1 });
    expect(renderWdiff(alignment)).to.include('(b) A party relying on paragraph [-(2)-] {+(3)+} of subdivision (a) shall give notice.');
  });

  it('should not flag a reference changed to a level that was not renumbered that way', () => {
    const other = NEW.replace('paragraph (3) of subdivision (a)', 'paragraph (1) of subdivision (a)');
    const alignment = alignTrees(parseDocument(OLD, 'old.txt').tree, parseDocument(other, 'new.txt').tree);
    expect(find(alignment.pairs, 's100/b')!.conforming).to.equal(undefined);
    expect(alignment.summary).to.deep.include({ modified: 1, conforming: 0 });
  });
});
