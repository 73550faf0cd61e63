#!/usr/bin/env node
/**
 * The session benchmark (`npm run bench`, after `npm run build`): a SYNTHETIC session generated now
 * from ../shared/corpus/ca-pubinfo/mini by renumbering (bench/session-data.mjs; 5,000 bills, 15,000
 * versions, 20,000 law sections, in a temporary folder, removed after) is imported and served.
 *
 *   1. Full import with the embedded database (`billdiff import`, a child process): wall time and
 *      peak memory. Targets: <= 10 min, <= 1 GB.
 *   2. Re-importing an unchanged daily file (rows already in the database, in a new file): <= 30 s.
 *   3. Database size against the raw text imported (.dat and .lob bytes): <= 3x.
 *   4. Search and bill pages under load (bench/session-load.mjs): autocannon, 50 connections, 10 s
 *      each, on 127.0.0.1 only, the server in a process of its own; each kind of page repeated (from
 *      the server's page cache, keyed on the data's generation) and with every request new (distinct
 *      searches of the session's own words, every bill in turn: each runs its queries and renders).
 *      Targets: p99 <= 50 ms, 0 errors. Each line gives the machine's load when its run began.
 *   5. The same with PostgreSQL, when BILLDIFF_BENCH_DATABASE_URL (or BILLDIFF_TEST_DATABASE_URL) names
 *      one: the session imported into a fresh schema (dropped after), the daily file again, the size of
 *      the schema's tables, then the load tests. Give the bench a database of its own: an import takes
 *      the store's advisory lock of that database for its whole length (imports take turns), which
 *      would hold up every test importing into the same database meanwhile.
 *
 * Exit status 0 when it ran (a missed target is reported, not an error); 2 when it could not run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { folderBytes, generateSession, generateUnchangedDaily } from './session-data.mjs';
import { besideSlowSearches, billIds, loadPages, startServer } from './session-load.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mini = path.resolve(root, '..', 'shared', 'corpus', 'ca-pubinfo', 'mini');
const BIN = path.join(root, 'bin', 'billdiff.js');
const results = [];
const report = (name, value, target, ok) => {
  results.push({ name, value, target, ok });
  console.log(`${ok ? 'ok  ' : 'MISS'}  ${name}: ${value} (target ${target})`);
};

if (!fs.existsSync(mini)) {
  console.log(`session bench: ${mini} not found; skipped`);
  process.exit(0);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-session-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const watchdog = setTimeout(() => {
  console.log('session bench: watchdog (40 min); stopping');
  process.exit(3);
}, 40 * 60 * 1000);
watchdog.unref();

console.log('Session benchmark (SYNTHETIC session renumbered from ../shared/corpus/ca-pubinfo/mini)');
let t = performance.now();
const session = path.join(work, 'pubinfo_2025');
const counts = generateSession(mini, session);
console.log(`generated ${counts.bills} bills, ${counts.versions} versions, ${counts.sections} law sections: ${(counts.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const daily = path.join(work, 'pubinfo_Mon');
generateUnchangedDaily(session, daily);

/** `billdiff import` in a child process under /usr/bin/time: seconds, peak memory (MB), its summary line. */
function runImport(paths, env) {
  const started = performance.now();
  const timeFile = path.join(work, 'time.txt');
  const out = execFileSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, BIN, 'import', ...paths], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const seconds = (performance.now() - started) / 1000;
  const peakMb = Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024;
  return { seconds, peakMb, summary: out.trim() };
}

async function load(env, label) {
  const serverEnv = { ...env, BILLDIFF_STORE: path.join(work, 'uploads') };
  const bills = await billIds(env);
  const server = await startServer(serverEnv);
  try {
    await loadPages(server.base, { label, session, bills, report });
  } finally {
    await server.stop();
  }
  // The same small requests beside slow searches, the searches on the server's own thread: what the
  // search threads are worth, measured in the same run.
  const unthreaded = await startServer({ ...serverEnv, BILLDIFF_SEARCH_THREADS: '0' });
  try {
    await besideSlowSearches(unthreaded.base, { label: `${label}, searches on the server's thread (for comparison, not a target)`, bills: [...bills].reverse(), report: (name, value, target) => report(name, value, target, true) });
  } finally {
    await unthreaded.stop();
  }
}

// 1–3: the embedded database.
const data = path.join(work, 'data');
const embedded = { BILLDIFF_DATA: data, DATABASE_URL: '' };
const full = runImport([session], embedded);
console.log(`  ${full.summary}`);
report('SQLite: full import of 5,000 bills, 15,000 versions, 20,000 sections', `${(full.seconds / 60).toFixed(2)} min, peak ${full.peakMb.toFixed(0)} MB`, '<= 10 min, <= 1024 MB', full.seconds <= 600 && full.peakMb <= 1024);
const again = runImport([daily], embedded);
console.log(`  ${again.summary}`);
report('SQLite: re-import of an unchanged daily file (200 bills, 600 versions, 400 sections)', `${again.seconds.toFixed(1)} s`, '<= 30 s', again.seconds <= 30);
const size = folderBytes(data);
report('SQLite: database size against the raw text imported', `${(size / 1e6).toFixed(0)} MB / ${(counts.bytes / 1e6).toFixed(0)} MB = ${(size / counts.bytes).toFixed(2)}x`, '<= 3x', size <= 3 * counts.bytes);
await load(embedded, 'SQLite');

// 5: PostgreSQL.
const url = process.env.BILLDIFF_BENCH_DATABASE_URL || process.env.BILLDIFF_TEST_DATABASE_URL;
if (url) {
  const schema = `billdiff_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    const env = { DATABASE_URL: u.toString(), BILLDIFF_DATA: '' };
    t = performance.now();
    const imported = runImport([session], env);
    console.log(`  ${imported.summary}`);
    report('PostgreSQL: full import (the 10 min target is the embedded database\'s; for the record)', `${(imported.seconds / 60).toFixed(2)} min, peak ${imported.peakMb.toFixed(0)} MB`, '<= 10 min, <= 1024 MB', imported.seconds <= 600 && imported.peakMb <= 1024);
    const pgAgain = runImport([daily], env);
    console.log(`  ${pgAgain.summary}`);
    report('PostgreSQL: re-import of an unchanged daily file', `${pgAgain.seconds.toFixed(1)} s`, '<= 30 s', pgAgain.seconds <= 30);
    const { rows } = await admin.query('SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN (\'r\', \'m\')', [schema]);
    const pgSize = Number(rows[0].bytes);
    report('PostgreSQL: database size (tables, their TOAST and indexes) against the raw text imported', `${(pgSize / 1e6).toFixed(0)} MB / ${(counts.bytes / 1e6).toFixed(0)} MB = ${(pgSize / counts.bytes).toFixed(2)}x`, '<= 3x', pgSize <= 3 * counts.bytes);
    await load(env, 'PostgreSQL');
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL: skipped (set BILLDIFF_BENCH_DATABASE_URL=postgres://… to measure it)');
}
const missed = results.filter((r) => !r.ok).length;
console.log(`session bench: ${results.length - missed} of ${results.length} targets met`);
