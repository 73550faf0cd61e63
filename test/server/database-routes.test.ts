import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express from 'express';
import { createDatabaseRoutes } from '../../src/server/database-routes.js';
import { loadViews } from '../../src/server/views.js';
import type { Database } from '../../src/store/database.js';

/**
 * The sessions page of a database that is only its counts, whose imports the test makes: `bills` is
 * what a read finds now, `generation` the data's generation, and `importDuringRead` an import that
 * commits while the next read of the generation runs (after the page's own read began).
 */
function stub() {
  const state = { bills: 1, generation: 'g1', builds: 0, importDuringRead: false };
  const database = {
    sessions: async () => [],
    counts: async () => {
      state.builds++;
      return { bills: state.bills, versions: 0, sections: 0, imports: 0 };
    },
  } as unknown as Database;
  const generation = () =>
    new Promise<string>((resolve) =>
      setImmediate(() => {
        if (state.importDuringRead) {
          state.importDuringRead = false;
          state.bills++;
          state.generation = `g${state.bills}`;
        }
        resolve(state.generation);
      }),
    );
  return { state, database, generation };
}

async function listen(s: ReturnType<typeof stub>) {
  const app = express();
  app.use(createDatabaseRoutes({ database: s.database, views: loadViews(), generation: s.generation, cache: true }));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bills = async (url: string) => /(\d+) bills/.exec(await (await fetch(base + url)).text())?.[1];
  return { bills, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('server: a new page read beside the generation', () => {
  it('should build a page not in the cache once, beside the read of the generation, and keep it', async () => {
    const s = stub();
    const server = await listen(s);
    try {
      expect(await server.bills('/sessions')).to.equal('1');
      expect(await server.bills('/sessions?a')).to.equal('1');
      expect(await server.bills('/sessions?a')).to.equal('1');
      expect(s.state.builds).to.equal(2);
    } finally {
      await server.close();
    }
  });

  it('should build it again after the read when an import committed meanwhile, never keeping what was read before', async () => {
    const s = stub();
    const server = await listen(s);
    try {
      expect(await server.bills('/sessions')).to.equal('1');
      // The page's read finds 1 bill; the generation's read, after the import, g2: that page is of g1.
      s.state.importDuringRead = true;
      expect(await server.bills('/sessions?b')).to.equal('2');
      expect(await server.bills('/sessions?b')).to.equal('2');
      expect(s.state.builds).to.equal(3);
    } finally {
      await server.close();
    }
  });
});
