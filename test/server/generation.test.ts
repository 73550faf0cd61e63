import { expect } from 'chai';
import { generationReader } from '../../src/server/generation.js';

describe('server/generation', () => {
  it('should answer each request from a read that began after it, sharing one read among those waiting', async () => {
    let value = 'g1';
    const reads: Array<(v: string) => void> = [];
    const reader = generationReader(() => new Promise<string>((resolve) => reads.push(() => resolve(value))));
    const first = reader();
    expect(reads.length).to.equal(1);
    // An import commits while the first read runs: these requests must not take its answer.
    value = 'g2';
    const second = reader();
    const third = reader();
    expect(reads.length).to.equal(1);
    reads[0]!('');
    expect(await first).to.equal('g2');
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads.length).to.equal(2);
    value = 'g3';
    reads[1]!('');
    expect([await second, await third]).to.deep.equal(['g3', 'g3']);
    expect(reads.length).to.equal(2);
  });

  it('should read again after a failed read', async () => {
    let fail = true;
    const reader = generationReader(async () => {
      if (fail) throw new Error('connection lost');
      return 'g1';
    });
    let error: unknown;
    await reader().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('connection lost');
    fail = false;
    expect(await reader()).to.equal('g1');
  });
});
