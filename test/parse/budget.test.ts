import { expect } from 'chai';
import { alignTrees, parseDocument } from '../../src/index.js';
import { deadlineIn } from '../../src/util/deadline.js';
import { BilldiffError } from '../../src/util/errors.js';
import { runCli } from '../helpers/cli.js';

// Issue 9.2.1: the time budget covers reading the inputs as well as aligning them. The clocks
// here are fake, so nothing depends on how fast the machine is. All texts are SYNTHETIC.

/** A clock that reads `times` in turn, then stays at the last. */
function clock(...times: number[]): () => number {
  let i = 0;
  return () => times[Math.min(i++, times.length - 1)]!;
}

const STATUTE = Array.from({ length: 3000 }, (_, i) => `(${i + 1}) Paragraph number ${i + 1} of the synthetic text.`).join('\n');

describe('budget: one deadline for reading and aligning', () => {
  it('should stop reading with a budget error naming the file once the deadline has passed', () => {
    const deadline = deadlineIn(100, clock(0, 50, 500));
    let error: unknown;
    try {
      parseDocument(STATUTE, 'slow.txt', { deadline });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(BilldiffError);
    expect((error as BilldiffError).code).to.equal('budget');
    expect((error as BilldiffError).toString()).to.equal(
      "slow.txt:1:1: reading the input took longer than the comparison's 100 ms budget; give more time (--budget) or a shorter text",
    );
  });

  it('should read the whole text while the deadline holds', () => {
    const { tree } = parseDocument(STATUTE, 'quick.txt', { deadline: deadlineIn(100, clock(0)) });
    expect(tree.children).to.have.length(3000);
  });

  it('should give the alignment only what reading left of the budget', () => {
    const old = parseDocument('(a) The first clause of the synthetic text.\n(b) The second clause.\n', 'old.txt').tree;
    const next = parseDocument('(a) The first clause of the changed synthetic text.\n(b) The second clause.\n', 'new.txt').tree;
    // Reading took the whole budget: the clock is already past the deadline when aligning starts.
    const alignment = alignTrees(old, next, { deadline: deadlineIn(100, clock(0, 150)) });
    expect(alignment.pairs[0]).to.deep.include({ status: 'modified', coarse: true });
    expect(alignment.pairs[0]!.words).to.deep.equal([
      { op: 'delete', value: '(a) The first clause of the synthetic text.' },
      { op: 'insert', value: '(a) The first clause of the changed synthetic text.' },
    ]);
    expect(alignment.messages.map((m) => [m.ruleId, m.reason])).to.deep.equal([
      ['budget', 'the comparison took longer than its 100 ms budget; the remaining clauses are shown as whole replacements'],
    ]);
  });

  it('should stop the command line with exit status 2 when reading outlasts --budget', async () => {
    const result = await runCli(['-', 'test/fixtures/renumbered-paragraphs/old.txt', '--budget', '0.001'], { stdin: `${STATUTE}\n`.repeat(4) });
    expect(result.code).to.equal(2);
    expect(result.stdout).to.equal('');
    expect(result.stderr).to.equal("<stdin>:1:1: reading the input took longer than the comparison's 0.001 ms budget; give more time (--budget) or a shorter text\n");
  });
});
