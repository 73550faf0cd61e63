#!/usr/bin/env node
/**
 * `npm start`: serves the bundled corpus and the database on $PORT (default 3000). The database is
 * `DATABASE_URL=postgres://…`, else `$BILLDIFF_DATA`, else `./data`; on the first start the bundled
 * `bills/` are imported into it (later starts find them imported and skip them).
 */
import { databaseOptionsFrom, describeDatabase, openDatabase } from '../store/database.js';
import { importPaths } from '../import/index.js';
import { formatProblem, formatSummary } from '../import/report.js';
import { createApp, defaultAppOptions, warmApp } from './app.js';

const port = Number(process.env['PORT'] ?? 3000);
const options = databaseOptionsFrom(process.env, process.cwd());
const database = await openDatabase(options);
const summary = await importPaths(database, [defaultAppOptions.corpusDir], {
  start() {},
  input() {},
  advance() {},
  problem: (p) => console.error(formatProblem(p)),
  stop() {},
});
if (summary.imported) console.log(`${formatSummary(summary)} into ${describeDatabase(options)}`);
const app = createApp({ database });
warmApp(app);
app.listen(port, () => {
  console.log(`billdiff is listening on http://localhost:${port}/ (database: ${describeDatabase(options)})`);
});
