import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { MAX_DIFF_WORDS } from '../../src/align/word-sides.js';
import { alignTrees, diffLevelWords, parseDocument, renderWdiff } from '../../src/index.js';
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

  // Issue 13: a word diff is covered by the budget too. It stops near the deadline (checked every
  // few thousand steps) and a line pair too long to diff in bounded memory is shown whole; either
  // way the comparison says so, as when the budget runs out between pairs.
  describe('the word diff of one pair', () => {
    // One long line each, the old one repeating a word, the new one shorter and ending otherwise.
    const longOld = 'word '.repeat(60_000).trimEnd();
    const longNew = `${'word '.repeat(40_000)}x`;

    it('should stop when the deadline passes while it runs, and show the pair as a whole replacement', () => {
      let t = 0;
      const result = diffLevelWords(longOld, longNew, {}, { at: 100, now: () => (t += 10) });
      expect(result).to.deep.equal({
        changes: [
          { op: 'delete', value: longOld },
          { op: 'equal', value: ' ' },
          { op: 'insert', value: longNew },
        ],
        coarse: true,
        stopped: 'time',
      });
    });

    it('should diff the same pair word by word while the deadline holds', () => {
      const { changes, coarse } = diffLevelWords(longOld, longNew, {}, { at: 100, now: () => 0 });
      expect(coarse).to.equal(false);
      expect(changes.map((c) => [c.op, c.value.length])).to.deep.equal([
        ['equal', 'word '.repeat(40_000).length],
        ['delete', 'word '.repeat(20_000).length - 1],
        ['equal', 1],
        ['insert', 1],
      ]);
    });

    it('should show a pair of more than MAX_DIFF_WORDS words whole without diffing it', () => {
      const many = 'w '.repeat(MAX_DIFF_WORDS / 2 + 1);
      const result = diffLevelWords(many, `${many}x`, {}, { at: 100, now: () => 0 });
      expect(result).to.deep.equal({ changes: [{ op: 'delete', value: many }, { op: 'equal', value: ' ' }, { op: 'insert', value: `${many}x` }], coarse: true, stopped: 'size' });
    });

    it('should warn in the alignment that the deadline cut a word diff short, and stay lossless', () => {
      const old = parseDocument(`${longOld}\n`, 'old.txt').tree;
      const next = parseDocument(`${longNew}\n`, 'new.txt').tree;
      // The clock moves on 100 ms with every look: the deadline passes inside the word diff, which
      // looks every few thousand words.
      let t = 0;
      const alignment = alignTrees(old, next, { deadline: deadlineIn(1000, () => (t += 100)) });
      expect(alignment.pairs[0]).to.deep.include({ status: 'modified', coarse: true });
      expect(alignment.messages.filter((m) => m.ruleId === 'budget').map((m) => m.reason)).to.deep.equal([
        'the comparison took longer than its 1000 ms budget; the remaining clauses are shown as whole replacements',
      ]);
      expect(renderWdiff(alignment)).to.equal(`[-${longOld}-] {+${longNew}+}\n`);
    });

    it('should say so on the command line when a line is too long to diff word by word, and stay lossless', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-long-line-'));
      try {
        const many = 'word '.repeat(MAX_DIFF_WORDS / 2 + 1).trimEnd();
        fs.writeFileSync(path.join(dir, 'old.txt'), `${many}\n`);
        fs.writeFileSync(path.join(dir, 'new.txt'), `${many} x\n`);
        const json = await runCli(['old.txt', 'new.txt', '--format', 'json', '--budget', '60000'], { cwd: dir });
        const out = JSON.parse(json.stdout) as { messages: Array<{ ruleId: string; reason: string }>; pairs: Array<{ coarse?: boolean }>; notice?: string };
        expect({ code: json.code, coarse: out.pairs[0]!.coarse, notice: out.notice, budget: out.messages.filter((m) => m.ruleId === 'budget').map((m) => m.reason) }).to.deep.equal({
          code: 1,
          coarse: true,
          notice: undefined,
          budget: ["a line holds more words than billdiff diffs word by word (1,000,000 in both versions together); it is shown as a whole replacement"],
        });
        const wdiff = await runCli(['old.txt', 'new.txt', '--budget', '60000'], { cwd: dir });
        expect(wdiff.stdout).to.equal(`[-${many}-] {+${many} x+}\n`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
