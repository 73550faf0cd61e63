/**
 * A search worker thread (search-pool.ts): a read-only connection to the SQLite file it is given, and
 * `searchStore` run on it for each message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { searchStore } from './search.js';
import { openSqlite } from './sqlite.js';

const db = openSqlite((workerData as { file: string }).file, { readonly: true });

parentPort!.on('message', async ({ id, args }: { id: number; args: Parameters<typeof searchStore> extends [unknown, ...infer R] ? R : never }) => {
  try {
    parentPort!.postMessage({ id, ok: true, answer: await searchStore(db, ...args) });
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, message: (error as Error).message });
  }
});
