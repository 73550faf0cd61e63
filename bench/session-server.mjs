/**
 * The server of the session benchmark, in a process of its own: the app over the database named by
 * the environment (DATABASE_URL or BILLDIFF_DATA), on an ephemeral port of 127.0.0.1. Prints
 * `{"port": N}` once listening; stops on SIGTERM. It serves from as many processes as `npm start`
 * does (BILLDIFF_PROCESSES, read by src/server/processes.ts: by default one per processor, at most
 * two): node:cluster, one port; each process with its own connection to the SQLite file in WAL mode,
 * or its own PostgreSQL pool, and its threads sized as `npm start` sizes them. BILLDIFF_PROCESSES=1
 * measures what a second process is worth on this machine.
 */
import cluster from 'node:cluster';
import { closeApp, createApp } from '../dist/server/app.js';
import { databaseOptionsFrom, openDatabase } from '../dist/store/database.js';
import { parseProcesses, threadsPerProcess } from '../dist/server/processes.js';

const parsed = parseProcesses(process.env.BILLDIFF_PROCESSES);
if ('error' in parsed) {
  console.error(parsed.error);
  process.exit(2);
}
const { processes } = parsed;

if (processes > 1 && cluster.isPrimary) {
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === processes) console.log(JSON.stringify({ port: address.port }));
  });
  cluster.on('exit', () => {
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
  });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
  for (let i = 0; i < processes; i++) cluster.fork();
} else {
  // Searches off the server's thread, as `npm start` runs them; BILLDIFF_SEARCH_THREADS=0 runs them on it (for comparison).
  const sized = threadsPerProcess(processes);
  const searchThreads = Number(process.env.BILLDIFF_SEARCH_THREADS ?? sized.searchThreads);
  const database = await openDatabase({ ...databaseOptionsFrom(process.env, process.cwd()), searchThreads });
  const app = createApp({ database, workers: sized.workers, storeDir: process.env.BILLDIFF_STORE });
  const server = app.listen(0, '127.0.0.1', () => {
    if (cluster.isPrimary) console.log(JSON.stringify({ port: server.address().port }));
  });
  process.on('SIGTERM', async () => {
    // Requests still running (a slow search) finish before the database closes.
    server.close();
    server.closeAllConnections();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await closeApp(app);
    await database.close();
    process.exit(0);
  });
}
