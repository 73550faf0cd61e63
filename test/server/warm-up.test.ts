import { expect } from 'chai';
import { compare } from '../../src/compare/index.js';
import { runPageTask } from '../../src/server/page-task.js';
import { syntheticStatute, warmUpTask } from '../../src/server/warm-up.js';

describe('server/warm-up', () => {
  // The pool drops the warm-up's answer (and would drop its error): check here that it compares and renders.
  it('should compare the synthetic statute with its edited copy and render its compare page', () => {
    const task = warmUpTask();
    const { alignment } = compare(task.request);
    expect(alignment.messages).to.deep.equal([]);
    expect(alignment.summary).to.deep.equal({ unchanged: 1203, modified: 23, inserted: 26, deleted: 22, moved: 1, redesignated: 51, conforming: 0, wordsInserted: 478, wordsDeleted: 548 });
    const reply = runPageTask(task, task.render);
    expect(reply.ok).to.equal(true);
    const html = Buffer.from((reply as { html: Uint8Array }).html).toString('utf8');
    expect(html).to.include('<title>Synthetic statute: synthetic-new compared with synthetic-old');
  });

  it('should make the same text every time, about 120 KB a side', () => {
    expect(syntheticStatute(false)).to.equal(syntheticStatute(false));
    expect([syntheticStatute(false).length, syntheticStatute(true).length]).to.deep.equal([124782, 124274]);
    expect(syntheticStatute(true).split('\n').slice(0, 3)).to.deep.equal([
      '1000.',
      '(a) The shall each of permit 30 after receives from applicant this and adopt fee.',
      '(1) Record of within after report applicant chapter adopt county agency each a 30 board from under and rules.',
    ]);
  });
});
