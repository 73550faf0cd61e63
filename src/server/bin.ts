#!/usr/bin/env node
/**
 * `npm start`: serves the bundled corpus and the database on $PORT (default 3000) of $HOST (default
 * 127.0.0.1, this machine only; `HOST=0.0.0.0` serves a network). The database is
 * `DATABASE_URL=postgres://…`, else `$BILLDIFF_DATA`, else `./data`; on the first start the bundled
 * `bills/` are imported into it, quietly (later starts find them imported and skip them). When it cannot start
 * (a bad PORT or HOST, a port in use, a database it cannot open), it says why in one line on stderr and exits
 * with status 2.
 */
import { importPaths } from '../import/index.js';
import { formatProblem } from '../import/report.js';
import { databaseOptionsFrom, describeDatabase, openDatabase, type Database } from '../store/database.js';
import { closeApp, createApp, defaultAppOptions, warmApp } from './app.js';
import { listenOn, parseHost, parsePort, urlHost } from './listen.js';

function fail(message: string): void {
  process.stderr.write(`billdiff: ${message}\n`);
  process.exitCode = 2;
}

const parsed = parsePort(process.env['PORT']);
const address = parseHost(process.env['HOST']);
if ('error' in parsed) {
  fail(parsed.error);
} else if ('error' in address) {
  fail(address.error);
} else {
  const options = databaseOptionsFrom(process.env, process.cwd());
  let app: ReturnType<typeof createApp> | undefined;
  let database: Database | undefined;
  try {
    // Searches in two threads of their own: a slow one never holds up the pages (src/store/search-pool.ts).
    database = await openDatabase({ ...options, searchThreads: 2 }).catch((error: Error) => {
      throw new Error(`cannot open the database (${describeDatabase(options)}): ${error.message}`);
    });
    // Quietly, unless a row cannot be read: the one line on stdout says where the server listens.
    await importPaths(database, [defaultAppOptions.corpusDir], {
      start() {},
      input() {},
      advance() {},
      problem: (p) => console.error(`billdiff: ${formatProblem(p)}`),
      stop() {},
    });
    app = createApp({ database });
    const { port } = await listenOn(app, parsed.port, address.host);
    warmApp(app);
    console.log(`billdiff is listening on http://${urlHost(address.host)}:${port}/`);
  } catch (error) {
    if (app) await closeApp(app);
    await database?.close();
    fail((error as Error).message);
  }
}
