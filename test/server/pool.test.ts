import { expect } from 'chai';
import type { CompareDocument } from '../../src/compare/index.js';
import { DiffPool } from '../../src/server/pool.js';

// Synthetic texts, written for this test, not real law.
const doc = (file: string, text: string): CompareDocument => ({ bytes: Buffer.from(text), file });
/** 30,000 one-character lines a side: a large task, seconds of work. */
const LINES = Array.from({ length: 30_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('\n');
const LARGE = { request: { documents: [doc('old.txt', LINES), doc('new.txt', LINES.replace(/^a$/m, 'b'))] } };
const SMALL = { request: { documents: [doc('old.txt', '(a) The old rule.\n'), doc('new.txt', '(a) The new rule.\n')] } };

/** Runs a large task, then a small one while it is busy; answers the order they finished in. */
async function finishOrder(pool: DiffPool): Promise<string[]> {
  const order: string[] = [];
  try {
    // Started in order: the large task takes the only general worker.
    const large = pool.run(LARGE).then(() => order.push('large'));
    const small = pool.run(SMALL).then(() => order.push('small'));
    await Promise.all([large, small]);
  } finally {
    await pool.close();
  }
  return order;
}

describe('server/pool', function () {
  this.timeout(60_000);

  it('should answer a small comparison on its own worker while a large one holds the others', async () => {
    expect(await finishOrder(new DiffPool({ size: 1 }))).to.deep.equal(['small', 'large']);
  });

  it('should queue a small comparison behind a large one without the small worker (smallTaskBytes 0)', async () => {
    expect(await finishOrder(new DiffPool({ size: 1, smallTaskBytes: 0 }))).to.deep.equal(['large', 'small']);
  });
});
