/**
 * The load half of the session benchmark: search and bill pages under load (wrk, or autocannon where
 * wrk is missing: bench/http-load.mjs), 50 connections, on 127.0.0.1 only, the server in a process of
 * its own: `npm start`'s own (dist/server/bin.js, the processes and threads it runs, its V8 tuning and
 * warm-up) on an ephemeral port of 127.0.0.1, so that the bench measures the server users run.
 * BILLDIFF_PROCESSES and BILLDIFF_SEARCH_THREADS size it as they size `npm start`. Each kind of page is measured twice:
 *
 *   - repeated: a few dozen URLs, each asked for once first, then over and over (the server answers
 *     them from its page cache, keyed on the data's generation);
 *   - every request new: every request a URL not asked for before (searches for distinct words and
 *     pairs of words of the session's own text, distinct bill citations and section numbers; every
 *     bill of the session in turn), so each one runs its queries and renders its page. autocannon asks
 *     for each URL once and stops there (the run is as long as that takes); wrk runs 10 s and its line
 *     says when the URLs came round again (answered from the cache the second time).
 *
 * `node bench/session-load.mjs` on its own loads the server of an existing database (DATABASE_URL or
 * BILLDIFF_DATA) and the session folder given as its argument (its words make the searches).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpLoad } from './http-load.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RUN_SECONDS = 10;
export const CONNECTIONS = 50;

/** Words of the session's text (the law sections' and the bills' lobs), lower-case, in reading order. */
function sessionWords(session, files = 60) {
  const lobs = fs.readdirSync(session).filter((f) => f.endsWith('.lob'));
  // A spread of lobs: the synthetic session repeats a few texts under many numbers.
  const picked = lobs.filter((_, i) => i % Math.max(1, Math.floor(lobs.length / files)) === 0).slice(0, files);
  const words = [];
  for (const f of picked) {
    const text = fs.readFileSync(path.join(session, f), 'utf8').replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;/g, ' ');
    for (const w of text.match(/[A-Za-z]{4,}/g) ?? []) words.push(w.toLowerCase());
  }
  return words;
}

/**
 * `count` distinct search URLs, each new: a tenth bill citations, a tenth section numbers, the rest
 * words and pairs of neighbouring words of the session's text (so most find something).
 */
export function newSearches(session, bills, count = 30000) {
  const out = new Set();
  const words = sessionWords(session);
  const add = (q) => out.add(`/search?q=${encodeURIComponent(q)}`);
  for (let i = 0; out.size < count / 10 && i < bills.length; i++) add(bills[(i * 7919) % bills.length].replace(/^ca-\d+-\d-([a-z]+)(\d+)$/, (_m, t, n) => `${t.toUpperCase()} ${n}`));
  for (let i = 0; out.size < count / 5; i++) add(String(90000 + ((i * 7) % 20000)));
  for (const w of new Set(words)) if (out.size < count / 2) add(w);
  for (let i = 0; i + 1 < words.length && out.size < count; i++) if (words[i] !== words[i + 1]) add(`${words[i]} ${words[i + 1]}`);
  // Shuffled (a fixed order), so that the kinds of query are mixed through the run.
  return [...out].map((u, i) => ({ u, k: (i * 2654435761) % 4294967296 })).sort((a, b) => a.k - b.k).map((x) => x.u);
}

/** The kind of a search of newSearches: a bill citation, a section number, a word, or two words. */
export function searchKind(url) {
  const q = decodeURIComponent(new URL(url, 'http://x').searchParams.get('q') ?? '');
  return /^[A-Z]+ \d+$/.test(q) ? 'citation' : /^\d+$/.test(q) ? 'number' : q.includes(' ') ? 'two words' : 'word';
}

/**
 * The CPU the server's threads have used so far, from Linux's /proc (undefined where it is missing),
 * in milliseconds: all of them (`cpu`), and the serving threads' (each serving process's main thread:
 * the primary's children when it has some, else the server itself), with the time they waited for a
 * processor while ready to run (`waited`, schedstat's second figure) and how often they were forced off
 * one (`forced`). On a machine shared with other work these say more than one run's latencies.
 */
export function serverCpu(pid) {
  try {
    const children = childrenOf(pid);
    const serving = children.length ? children : [pid];
    let cpu = 0;
    let servingCpu = 0;
    let waited = 0;
    let forced = 0;
    for (const p of [pid, ...children]) {
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        const [run, wait] = fs.readFileSync(`/proc/${p}/task/${t}/schedstat`, 'utf8').split(' ').map(Number);
        cpu += run / 1e6;
        if (Number(t) !== p || !serving.includes(p)) continue;
        servingCpu += run / 1e6;
        waited += wait / 1e6;
        forced += Number(/^nonvoluntary_ctxt_switches:\s*(\d+)/m.exec(fs.readFileSync(`/proc/${p}/task/${t}/status`, 'utf8'))?.[1] ?? NaN);
      }
    }
    return { cpu, serving: servingCpu, waited, forced };
  } catch {
    return undefined;
  }
}

/** The processes whose parent is `pid`, from Linux's /proc (throws where it is missing). */
export function childrenOf(pid) {
  return fs.readdirSync(`/proc/${pid}/task`).flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
}

/**
 * How many connections to 127.0.0.1:`port` each serving process of the server `pid` holds (the
 * primary's children when it has some, else the server itself), from Linux's /proc: the sockets in
 * /proc/PID/fd matched by inode against /proc/net/tcp's established ones; undefined where /proc is
 * missing. The processes take the connections as each comes to it (node:cluster's round robin hands a
 * process its next once it has taken the last), so 50 opened at once can split unevenly, and the
 * process holding more answers each of them less often.
 */
export function connectionsHeld(pid, port) {
  try {
    const children = childrenOf(pid);
    const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
    const inodes = new Set();
    for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1] === local && fields[3] === '01') inodes.add(fields[9]);
    }
    return (children.length ? children : [pid]).map((p) => {
      let held = 0;
      for (const fd of fs.readdirSync(`/proc/${p}/fd`)) {
        try {
          if (inodes.has(/^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${p}/fd/${fd}`))?.[1])) held++;
        } catch {
          // It closed while the list was read.
        }
      }
      return held;
    });
  } catch {
    return undefined;
  }
}

/** serverCpu's figures between two readings, a request: "server CPU 1.02 ms a request (…)", or '' without them. */
function cpuPerRequest(before, after, requests) {
  if (!before || !after || !requests) return '';
  const ms = (x) => (x / requests).toFixed(2);
  return `; server CPU ${ms(after.cpu - before.cpu)} ms a request, its serving threads ${ms(after.serving - before.serving)} ms, waiting for a processor ${ms(after.waited - before.waited)} ms and forced off one ${ms(after.forced - before.forced)} times a request`;
}

/** The repeated searches: words, citations and section numbers. */
export const REPEATED_SEARCHES = [
  ...['continuance', 'human trafficking', 'sweepstakes', 'training provider', 'good cause', 'tribal gaming', 'prosecuting attorney', 'eligible', 'local agency', 'victim', 'witness', 'appropriation', 'contest', 'domestic violence', 'hearing'],
  ...Array.from({ length: 25 }, (_, i) => `AB ${10000 + i * 197}`),
  '1050',
  'Penal Code 1050',
  '17539.1',
  'ab10333',
  'SB 10002',
].map((q) => `/search?q=${encodeURIComponent(q)}`);

/** Where `npm start` says it listens ("billdiff is listening on http://localhost:N/"): the port. */
export function listeningPort(line) {
  const m = /^billdiff is listening on http:\/\/[^/]*:(\d+)\/$/m.exec(line);
  return m ? Number(m[1]) : undefined;
}

/**
 * Starts `npm start`'s server (dist/server/bin.js) over the database the environment names, on an
 * ephemeral port of 127.0.0.1; resolves, once every process listens, to its base URL and a stop
 * function (SIGTERM: requests under way finish, as they do for `npm start`).
 */
export async function startServer(env) {
  const server = spawn(process.execPath, [path.join(root, 'dist', 'server', 'bin.js')], { env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const port = listeningPort(out);
      if (port !== undefined) resolve(port);
    });
    server.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: server.pid,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The four runs against a server at `base`. `bills` is every bill id of the session; `report(name,
 * value, target, ok)` records a line. Given the server's `pid`, each line also says the CPU its threads
 * used a request (serverCpu); the new searches' line, each kind's latencies (autocannon's runs).
 */
export async function loadPages(base, { label, session, bills, report, pid }) {
  const billPages = bills.map((id) => `/bills/${encodeURIComponent(id)}`);
  const repeatedBills = Array.from({ length: 60 }, (_, i) => billPages[(i * 83) % billPages.length]);
  // Every request new: each page asked for once, none of those the repeated runs had the server cache.
  const cachedBefore = new Set([...REPEATED_SEARCHES, ...repeatedBills]);
  const fresh = newSearches(session, bills).filter((url) => !cachedBefore.has(url));
  const freshBills = billPages.filter((url) => !cachedBefore.has(url));
  const run = async (name, urls, kindOf, once = false) => {
    const load = os.loadavg()[0];
    const before = pid === undefined ? undefined : serverCpu(pid);
    // The connections' split between the processes, a second into the run (all open by then).
    let held;
    const heldTimer = pid === undefined ? undefined : setTimeout(() => (held = connectionsHeld(pid, Number(new URL(base).port))), 1000);
    const r = await httpLoad(base, { connections: CONNECTIONS, seconds: RUN_SECONDS, paths: urls, kindOf, once });
    clearTimeout(heldTimer);
    const cpu = pid === undefined ? '' : cpuPerRequest(before, serverCpu(pid), r.total);
    const errors = r.errors + r.non2xx;
    const wrapped = r.wrapped ? `; the ${urls.length} URLs came round again` : once ? `; each of the ${urls.length} URLs asked for once` : '';
    // Whether the tail is the connections' start: their first answers apart (autocannon's runs).
    const firsts = r.firstAnswers && r.laterAnswers ? `; each connection's first answer p50/p99 ${r.firstAnswers.p50}/${r.firstAnswers.p99} ms (${r.firstAnswers.n}), the others' ${r.laterAnswers.p50}/${r.laterAnswers.p99} ms` : '';
    const split = held ? `; connections held by each serving process a second in: ${held.join('/')}` : '';
    const kinds = r.kinds ? `; by kind, p50/p99: ${Object.entries(r.kinds).sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, k]) => `${kind} ${k.p50}/${k.p99} ms (${k.n})`).join(', ')}` : '';
    report(
      `${label}: ${name}, p99 at ${CONNECTIONS} connections`,
      `${r.p99} ms, p50 ${r.p50} ms (${Math.round(r.rps)} req/s, ${errors} errors; load ${load.toFixed(1)}, by ${r.tool}${wrapped}${cpu}${firsts}${split}${kinds})`,
      '<= 50 ms, 0 errors',
      r.p99 <= 50 && errors === 0,
    );
  };
  // Requests still queued when a run ends are let finish before the next run starts: a search waits
  // 10 s at most (search-pool.ts), and one whose client has gone is dropped.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10_000));
  for (const url of [...REPEATED_SEARCHES, ...repeatedBills]) await fetch(base + url).then((r) => r.arrayBuffer());
  await run('search pages, repeated', REPEATED_SEARCHES);
  await settle();
  await run('bill pages, repeated', repeatedBills);
  await settle();
  await run('search pages, every request a new query', fresh, searchKind, true);
  await settle();
  await run('bill pages, every request a new bill', freshBills, undefined, true);
  await settle();
  await besideSlowSearches(base, { label, bills, report });
}

/** Words most bills and sections hold: searches for two or three of them score thousands of matches each. */
const COMMON = ['shall', 'section', 'person', 'state', 'court', 'county', 'provide', 'require', 'public', 'law'];

/** Distinct slow searches: pairs and triples of common words, on their first three pages. */
export function slowSearches() {
  const out = [];
  for (let i = 0; i < COMMON.length; i++) {
    for (let j = i + 1; j < COMMON.length; j++) {
      for (const page of [1, 2, 3]) out.push(`/search?q=${encodeURIComponent(`${COMMON[i]} ${COMMON[j]}`)}&page=${page}`);
      for (let k = j + 1; k < COMMON.length; k++) out.push(`/search?q=${encodeURIComponent(`${COMMON[i]} ${COMMON[j]} ${COMMON[k]}`)}`);
    }
  }
  return out;
}

/**
 * Small requests beside slow searches: for RUN_SECONDS, 8 connections ask for slow full-text searches
 * (every one new) while 20 ask for bills as JSON (`/api/bills/:id`, every one new: index lookups
 * only). The small requests' p99 is the figure: a search must not hold them up.
 */
export async function besideSlowSearches(base, { label, bills, report }) {
  const slow = slowSearches();
  const small = bills.map((id) => `/api/bills/${encodeURIComponent(id)}`);
  const load = os.loadavg()[0];
  const [searches, pages] = await Promise.all([
    httpLoad(base, { connections: 8, seconds: RUN_SECONDS, paths: slow }),
    httpLoad(base, { connections: 20, seconds: RUN_SECONDS, paths: small }),
  ]);
  const errors = pages.errors + pages.non2xx;
  const busy = searches.non2xx;
  report(
    `${label}: small requests (bills as JSON, 20 connections) beside slow searches (8 connections), p99`,
    `${pages.p99} ms, p50 ${pages.p50} ms (${Math.round(pages.rps)} req/s, ${errors} errors); the searches: ${searches.total} answered, p50 ${searches.p50} ms, p99 ${searches.p99} ms, ${busy} refused busy; load ${load.toFixed(1)}, by ${pages.tool}`,
    '<= 50 ms, 0 errors',
    pages.p99 <= 50 && errors === 0,
  );
}

/** The bill ids of the database the environment names, through the store (dist/). */
export async function billIds(env) {
  const { databaseOptionsFrom, openDatabase } = await import('../dist/store/database.js');
  const database = await openDatabase(databaseOptionsFrom({ ...process.env, ...env }, process.cwd()));
  try {
    return (await database.dialect.all('SELECT id FROM bills ORDER BY key')).map((r) => r.id);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const session = process.argv[2];
  if (!session) {
    console.error('usage: node bench/session-load.mjs SESSION_FOLDER   (the database from DATABASE_URL or BILLDIFF_DATA)');
    process.exit(2);
  }
  const env = { BILLDIFF_STORE: fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-load-')) };
  const server = await startServer(env);
  try {
    await loadPages(server.base, {
      label: process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite',
      session,
      bills: await billIds(env),
      pid: server.pid,
      report: (name, value, target, ok) => console.log(`${ok ? 'ok  ' : 'MISS'}  ${name}: ${value} (target ${target})`),
    });
  } finally {
    await server.stop();
    fs.rmSync(env.BILLDIFF_STORE, { recursive: true, force: true });
  }
}
