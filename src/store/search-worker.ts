/**
 * A search worker thread (search-pool.ts): a connection to the database it is given (a SQLite file,
 * read-only, or a `postgres://` URL, a small pool of its own, its statements planned once: postgres.ts's
 * `genericPlans`) and each message's search run on it (a
 * quick one first, else the whole), at the nice value it is given: a lower priority than the server's
 * thread for the pool of slow searches. `{ close: true }` ends the connection once the search under
 * way is answered, and the thread with it.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Dialect } from './dialect.js';
import { quickSearch, searchStore } from './search.js';
import { threadBusy, WARM_UP, warmUp } from './search-warm.js';
import { openSqlite } from './sqlite.js';

// A search yields the processor to the server's own thread, which answers the pages: on Linux a thread
// has a nice value of its own, set through its id (/proc/thread-self names it). Elsewhere it stays as is.
const { source, connections, nice, warm } = workerData as { source: string; connections: number; nice: number; warm: boolean };
try {
  if (nice) os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), nice);
} catch {
  // Not Linux, or not allowed: the search runs at the server's priority.
}

const db: Dialect = /^postgres(?:ql)?:\/\//.test(source)
  ? (await import('./postgres.js')).openPostgres(source, { max: connections, genericPlans: true })
  : openSqlite(source, { readonly: true });
// The searches under way (several at once on PostgreSQL), which `close` lets finish.
const running = new Set<Promise<void>>();
// The warm-up (search-warm.ts) waits while a user's search is under way or came within WARM_UP.idleMs,
// or while the process's own thread (its id the process's), which answers the pages, is busy; it stops
// when the thread closes, and tells the pool how many it ran.
let closing = false;
let lastAsked = Number.NEGATIVE_INFINITY;
const serving = threadBusy(process.pid);
const busy = () => running.size > 0 || performance.now() - lastAsked < WARM_UP.idleMs || serving();
if (warm) {
  void warmUp(db, () => closing, WARM_UP, busy, connections).then(
    (ran) => parentPort!.postMessage({ warmed: ran }),
    () => parentPort!.postMessage({ warmed: 0 }),
  );
}

parentPort!.on('message', (message: { close: true } | { id: number; args: Parameters<typeof searchStore> extends [unknown, ...infer R] ? R : never }) => {
  if ('close' in message) {
    closing = true;
    void Promise.all(running).then(() => db.close()).finally(() => parentPort!.close());
    return;
  }
  lastAsked = performance.now();
  const { id, args } = message;
  const search = (async () => {
    try {
      parentPort!.postMessage({ id, ok: true, answer: (await quickSearch(db, ...args)) ?? (await searchStore(db, ...args)) });
    } catch (error) {
      parentPort!.postMessage({ id, ok: false, message: (error as Error).message });
    }
  })();
  running.add(search);
  void search.finally(() => {
    running.delete(search);
    lastAsked = performance.now();
  });
});
