#!/usr/bin/env node
/**
 * `npm start`: serves the bundled corpus and the database on $PORT (default 3000) of $HOST (default
 * 127.0.0.1, this machine only; `HOST=0.0.0.0` serves a network), from $BILLDIFF_PROCESSES processes
 * (default: one per processor, at most 2; ./processes.ts), each searching in $BILLDIFF_SEARCH_THREADS
 * threads (default: its share of the processors; 0 searches on the serving thread). The database is
 * `DATABASE_URL=postgres://…`, else `$BILLDIFF_DATA`, else `./data`; on the first start the bundled
 * `bills/` are imported into it, quietly and once, before any process serves (later starts find them
 * imported and skip them). Each process warms up for at most ~1 s before it listens (warmApp). When it
 * cannot start (a bad PORT, HOST, BILLDIFF_PROCESSES or BILLDIFF_SEARCH_THREADS, a port in use, a
 * database it cannot open), it says why in one line on stderr and exits with status 2. SIGTERM or
 * SIGINT stops it, letting the requests under way finish.
 */
import cluster from 'node:cluster';
import type { Server, ServerResponse } from 'node:http';
import { importPaths } from '../import/index.js';
import { formatProblem } from '../import/report.js';
import { tuneV8 } from '../util/v8-tuning.js';
import { databaseOptionsFrom, describeDatabase, openDatabase, type Database, type DatabaseOptions } from '../store/database.js';
import { closeApp, createApp, defaultAppOptions, warmApp, warmAppWhileIdle } from './app.js';
import { listenOn, parseHost, parsePort, urlHost } from './listen.js';
import { parseProcesses, parseSearchThreads, runPrimary, tellPrimary, threadsPerProcess } from './processes.js';

/** How long requests under way may run on after SIGTERM (a search stops at 10 s: search-pool.ts). */
const GRACE_MS = 12_000;
/** The warm-up after listening goes on once no request has come for this long (warmAppWhileIdle). */
const IDLE_MS = 100;

/**
 * SQLite: how long a turn of a serving process's event loop starts requests (turns.ts), so that its
 * turns are short and it takes new connections sooner. The session bench on 2 loaded cores, 3 pairs
 * interleaved with all started at once: new bill pages p99 46, 43 and 77 ms against 69, 51 and 75,
 * 3,047-3,676 a second against 2,068-2,798, the serving thread's CPU a page 0.36-0.42 ms against
 * 0.50-0.69, first answers p99 148-187 ms against 293-393. New searches paid a little: 2-6% fewer a
 * second, p99 49, 55 and 53 against 57, 48 and 47. Two requests a turn, whatever their cost, served the
 * bill pages as well but held the searches back more (p99 56 and 56 against 48 and 50).
 */
const SQLITE_MS_A_TURN = 1;

function fail(message: string): void {
  process.stderr.write(`billdiff: ${message}\n`);
  process.exitCode = 2;
}

/**
 * PostgreSQL: the connections a serving process opens before it listens and keeps however long idle
 * (openConnections in src/store/database.ts). On 2 cores at 50 connections, with the bill pages read
 * together a turn at a time (src/store/bill-page.ts), a process's pool grew to 5 connections at most.
 */
const SERVING_CONNECTIONS = 6;

async function open(options: DatabaseOptions, searchThreads: number, connectionsKept = 0): Promise<Database> {
  return openDatabase({ ...options, searchThreads, connectionsKept }).catch((error: Error) => {
    throw new Error(`cannot open the database (${describeDatabase(options)}): ${error.message}`);
  });
}

/** The bundled bills/ into the database, quietly, unless a row cannot be read. */
async function importBundled(database: Database): Promise<void> {
  await importPaths(database, [defaultAppOptions.corpusDir], {
    start() {},
    input() {},
    advance() {},
    problem: (p) => console.error(`billdiff: ${formatProblem(p)}`),
    stop() {},
  });
}

/**
 * Serves from this process until SIGTERM or SIGINT: then it stops taking connections, lets the
 * requests under way finish (at most GRACE_MS), stops its threads, closes the database and exits.
 */
async function serve(database: Database, port: number, host: string, workers: number): Promise<number> {
  const app = createApp({ database, workers });
  // Before it listens (at most ~1 s): no visitor's request pays for compiling the pages' code.
  await warmApp(app);
  let server: Server;
  try {
    ({ server, port } = await listenOn(app, port, host, database.dialect.kind === 'sqlite' ? SQLITE_MS_A_TURN : undefined));
  } catch (error) {
    await closeApp(app);
    throw error;
  }
  // Then, while no request is under way (nor came in the last IDLE_MS), more pages, thrown away.
  const warming = new AbortController();
  let underWay = 0;
  let lastRequest = 0;
  server.on('request', (_req, res: ServerResponse) => {
    underWay++;
    lastRequest = performance.now();
    res.once('close', () => underWay--);
  });
  const warmed = warmAppWhileIdle(app, { busy: () => underWay > 0 || performance.now() - lastRequest < IDLE_MS, signal: warming.signal }).catch(() => undefined);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      warming.abort();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), GRACE_MS).unref();
      await closed;
      // Its pages under way (two at most) end, and its socket closes, before the database closes.
      await warmed;
      await closeApp(app);
      await database.close();
      process.exit(process.exitCode ?? 0);
    })());
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return port;
}

async function main(): Promise<void> {
  tuneV8();
  const parsed = parsePort(process.env['PORT']);
  const address = parseHost(process.env['HOST']);
  const count = parseProcesses(process.env['BILLDIFF_PROCESSES']);
  if ('error' in parsed) return fail(parsed.error);
  if ('error' in address) return fail(address.error);
  if ('error' in count) return fail(count.error);
  const options = databaseOptionsFrom(process.env, process.cwd());
  const sized = threadsPerProcess(count.processes);
  const threads = parseSearchThreads(process.env['BILLDIFF_SEARCH_THREADS'], sized.searchThreads);
  if ('error' in threads) return fail(threads.error);
  const { workers } = sized;
  const { searchThreads } = threads;
  const listening = (port: number) => console.log(`billdiff is listening on http://${urlHost(address.host)}:${port}/`);

  if (cluster.isWorker) {
    // A serving process of several: the primary has imported bills/ and prints where they listen.
    let database: Database | undefined;
    try {
      database = await open(options, searchThreads, SERVING_CONNECTIONS);
      await tellPrimary({ type: 'listening', port: await serve(database, parsed.port, address.host, workers) });
    } catch (error) {
      await database?.close();
      await tellPrimary({ type: 'failed', message: (error as Error).message });
      process.exit(2);
    }
    return;
  }

  let database: Database | undefined;
  try {
    // One process: searches in threads of its own beside it (src/store/search-pool.ts). Several: the
    // primary imports, closes, and leaves the serving to them.
    const alone = count.processes === 1;
    database = await open(options, alone ? searchThreads : 0, alone ? SERVING_CONNECTIONS : 0);
    await importBundled(database);
    if (alone) {
      listening(await serve(database, parsed.port, address.host, workers));
      return;
    }
    await database.close();
  } catch (error) {
    await database?.close();
    return fail((error as Error).message);
  }
  await runPrimary({
    processes: count.processes,
    listening,
    failed: fail,
    replaced: (pid, why) => console.error(`billdiff: server process ${pid ?? '?'} stopped (${why}); starting another`),
  });
}

await main();
