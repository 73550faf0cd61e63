import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { closeApp, createApp } from '../../src/server/app.js';

// Issue 13: the server's result cache can be turned off (the benchmark measures the work itself).
// The corpus here is SYNTHETIC, written for this test.

async function serve(cache: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-cache-'));
  fs.mkdirSync(path.join(dir, 'corpus'));
  fs.writeFileSync(path.join(dir, 'corpus', 'old.txt'), '(a) The synthetic agency shall adopt a plan.\n');
  fs.writeFileSync(path.join(dir, 'corpus', 'new.txt'), '(a) The synthetic agency shall publish a plan.\n');
  const entry = (id: string) => ({ id, file: `${id}.txt`, kind: 'bill', jurisdiction: 'Synthetic', session: 'Test', measure: 'X 1', title: `Synthetic ${id}`, stage: id, date: '2026-01-01' });
  fs.writeFileSync(path.join(dir, 'corpus', 'index.json'), JSON.stringify({ documents: [entry('old'), entry('new')] }));
  const app = createApp({ corpusDir: path.join(dir, 'corpus'), storeDir: path.join(dir, 'store'), cache, workers: 1 });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** The word the new text inserts, as the compare page (in a view: `&view=inline`) and the JSON API show it. */
    async inserted(view = ''): Promise<string[]> {
      const page = await (await fetch(`${base}/compare?old=old&new=new${view}`)).text();
      const json = (await (await fetch(`${base}/api/compare?old=old&new=new`)).json()) as { pairs: Array<{ words: Array<{ op: string; value: string }> }> };
      const fromPage = /<ins[^>]*>(?:<span[^>]*>[^<]*<\/span>)?([^<]*)<\/ins>/.exec(page)?.[1] ?? '';
      return [fromPage.trim(), json.pairs[0]!.words.find((w) => w.op === 'insert')!.value];
    },
    rewrite(word: string) {
      fs.writeFileSync(path.join(dir, 'corpus', 'new.txt'), `(a) The synthetic agency shall ${word} a plan.\n`);
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await closeApp(app);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('server: the result cache', () => {
  it('should answer a comparison again from its cache by default', async () => {
    const s = await serve(true);
    try {
      expect(await s.inserted()).to.deep.equal(['publish', 'publish']);
      s.rewrite('review');
      expect(await s.inserted()).to.deep.equal(['publish', 'publish']);
      // Another view of the same comparison is made from the comparison its worker keeps.
      expect(await s.inserted('&view=inline')).to.deep.equal(['publish', 'publish']);
    } finally {
      await s.close();
    }
  });

  it('should parse, align and render every request again with the cache off', async () => {
    const s = await serve(false);
    try {
      expect(await s.inserted()).to.deep.equal(['publish', 'publish']);
      s.rewrite('review');
      expect(await s.inserted()).to.deep.equal(['review', 'review']);
      s.rewrite('amend');
      expect(await s.inserted('&view=inline')).to.deep.equal(['amend', 'amend']);
    } finally {
      await s.close();
    }
  });
});
