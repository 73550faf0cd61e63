/**
 * A search worker thread (search-pool.ts): a read-only connection to the SQLite file it is given, and
 * each message's search run on it (a quick one first, else the whole), at the nice value it is given:
 * a lower priority than the server's thread for the pool of slow searches.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { quickSearch, searchStore } from './search.js';
import { warmUp } from './search-warm.js';
import { openSqlite } from './sqlite.js';

// A search yields the processor to the server's own thread, which answers the pages: on Linux a thread
// has a nice value of its own, set through its id (/proc/thread-self names it). Elsewhere it stays as is.
const { file, nice, warm } = workerData as { file: string; nice: number; warm: boolean };
try {
  if (nice) os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), nice);
} catch {
  // Not Linux, or not allowed: the search runs at the server's priority.
}

const db = openSqlite(file, { readonly: true });
// A user's search stops the warm-up (search-warm.ts), which tells the pool how many it ran.
let asked = false;
if (warm) {
  void warmUp(db, () => asked).then(
    (ran) => parentPort!.postMessage({ warmed: ran }),
    () => parentPort!.postMessage({ warmed: 0 }),
  );
}

parentPort!.on('message', async ({ id, args }: { id: number; args: Parameters<typeof searchStore> extends [unknown, ...infer R] ? R : never }) => {
  asked = true;
  try {
    parentPort!.postMessage({ id, ok: true, answer: (await quickSearch(db, ...args)) ?? (await searchStore(db, ...args)) });
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, message: (error as Error).message });
  }
});
