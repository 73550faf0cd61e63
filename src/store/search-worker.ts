/**
 * A search worker thread (search-pool.ts): a read-only connection to the SQLite file it is given, and
 * `searchStore` run on it for each message, at a lower priority than the server's thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { searchStore } from './search.js';
import { openSqlite } from './sqlite.js';

// A search yields the processor to the server's own thread, which answers the pages: on Linux a thread
// has a nice value of its own, set through its id (/proc/thread-self names it). Elsewhere it stays as is.
try {
  os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // Not Linux, or not allowed: the search runs at the server's priority.
}

const db = openSqlite((workerData as { file: string }).file, { readonly: true });

parentPort!.on('message', async ({ id, args }: { id: number; args: Parameters<typeof searchStore> extends [unknown, ...infer R] ? R : never }) => {
  try {
    parentPort!.postMessage({ id, ok: true, answer: await searchStore(db, ...args) });
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, message: (error as Error).message });
  }
});
