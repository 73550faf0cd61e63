import { expect } from 'chai';
import { parseDocument } from '../../src/index.js';
import { levels } from '../helpers/tree.js';

describe('parse/nums', () => {
  it('should give every level that prints the same designation below a section one num, and each section its own', () => {
    // Synthetic, written for this test, not real law: the same section number twice, to show that
    // even equal section designations stay each level's own (amend may reprint a section's in place).
    const found = levels(parseDocument('1001.\n(a) Alpha.\n(b) Beta.\n1001.\n(a) Gamma.\n(b) Delta.\n', 'statute.txt').tree);
    expect(found.map((l) => `${l.kind} ${l.id} ${JSON.stringify(l.num)}`)).to.deep.equal([
      'section s1001 {"text":"1001.","value":"1001"}',
      'subdivision s1001/a {"text":"(a)","value":"a"}',
      'subdivision s1001/b {"text":"(b)","value":"b"}',
      'section s1001~2 {"text":"1001.","value":"1001"}',
      'subdivision s1001~2/a {"text":"(a)","value":"a"}',
      'subdivision s1001~2/b {"text":"(b)","value":"b"}',
    ]);
    const [s1, a1, b1, s2, a2, b2] = found;
    expect([a1!.num === a2!.num, b1!.num === b2!.num, a1!.num === b1!.num, s1!.num === s2!.num]).to.deep.equal([true, true, false, false]);
  });
});
