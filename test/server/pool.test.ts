import { expect } from 'chai';
import type { CompareDocument } from '../../src/compare/index.js';
import { HttpError } from '../../src/server/errors.js';
import { DiffPool } from '../../src/server/pool.js';
import { BilldiffError } from '../../src/util/errors.js';

// Synthetic texts, written for this test, not real law.
const doc = (file: string, text: string): CompareDocument => ({ bytes: Buffer.from(text), file });
/** 30,000 one-character lines a side: a large task, seconds of work. */
const LINES = Array.from({ length: 30_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('\n');
const LARGE = { request: { documents: [doc('old.txt', LINES), doc('new.txt', LINES.replace(/^a$/m, 'b'))] } };
const HUGE_LINES = Array.from({ length: 150_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('\n');
const HUGE = { request: { documents: [doc('old.txt', HUGE_LINES), doc('new.txt', HUGE_LINES.replace(/^a$/m, 'b'))] } };
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
    // 150,000 lines a side: seconds of work, however fast the machine, so the small one cannot come
    // second by chance; the pool is closed once the small one is answered, which stops the large one.
    const pool = new DiffPool({ size: 1 });
    const order: string[] = [];
    try {
      const large = pool.run(HUGE).then(
        () => order.push('large'),
        (error: unknown) => order.push(error instanceof HttpError && error.status === 503 ? 'large stopped by close' : `large failed: ${String(error)}`),
      );
      await pool.run(SMALL).then(() => order.push('small'));
      await pool.close();
      await large;
    } finally {
      await pool.close();
    }
    expect(order).to.deep.equal(['small', 'large stopped by close']);
  });

  it('should queue a small comparison behind a large one without the small worker (smallTaskBytes 0)', async () => {
    expect(await finishOrder(new DiffPool({ size: 1, smallTaskBytes: 0 }))).to.deep.equal(['large', 'small']);
  });

  it('should refuse a comparison at once, as busy, when as many as it keeps are waiting for a worker', async () => {
    const pool = new DiffPool({ size: 1, smallTaskBytes: 0, maxQueued: 1 });
    try {
      const running = pool.run(LARGE);
      const waiting = pool.run(LARGE);
      const error = await pool.run(SMALL).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(HttpError);
      expect({ status: (error as HttpError).status, message: (error as HttpError).message }).to.deep.equal({
        status: 503,
        message: 'the server is busy with other comparisons (1 waiting for a worker); try again in a minute',
      });
      await Promise.all([running, waiting]);
    } finally {
      await pool.close();
    }
  });

  it('should stop a comparison that needs more memory than a worker has, with a too-large error, and go on', async () => {
    // A million lines a side (4 MB): their trees hold hundreds of megabytes. (Not one line of a
    // million words: a line that long is shown whole, without a word diff, in bounded memory.)
    const lines = 'line\n'.repeat(1_000_000);
    const huge = { request: { documents: [doc('old.txt', lines), doc('new.txt', `${lines}x\n`)] } };
    const pool = new DiffPool({ size: 1, smallTaskBytes: 0, workerMemoryMb: 64 });
    try {
      const error = await pool.run(huge).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(BilldiffError);
      expect({ code: (error as BilldiffError).code, message: (error as BilldiffError).message }).to.deep.equal({
        code: 'too-large',
        message: 'the comparison needed more than the 64 MB of memory this server gives one comparison, and was stopped; try shorter texts, or compare one section at a time',
      });
      // A fresh worker takes the next comparison.
      expect((await pool.run(SMALL)).alignment.summary.modified).to.equal(1);
    } finally {
      await pool.close();
    }
  });

  it('should close quietly: an idle pool at once, and comparisons running or waiting answered as the server shutting down', async () => {
    const idle = new DiffPool({ size: 1 });
    idle.warm();
    await idle.close();
    await idle.close();
    const pool = new DiffPool({ size: 1, smallTaskBytes: 0 });
    const running = pool.run(LARGE).then(() => undefined, (e: unknown) => e);
    const waiting = pool.run(LARGE).then(() => undefined, (e: unknown) => e);
    await pool.close();
    const after = await pool.run(SMALL).then(() => undefined, (e: unknown) => e);
    for (const error of [await running, await waiting, after]) {
      expect(error).to.be.instanceOf(HttpError);
      const { status, message, title } = error as HttpError;
      expect({ status, message, title }).to.deep.equal({ status: 503, message: 'the server is shutting down; try again in a minute', title: 'The server is shutting down' });
    }
  });
});
