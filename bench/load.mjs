#!/usr/bin/env node
/**
 * billdiff web server load benchmark (run `npm run build` first, then `node bench/load.mjs`).
 *
 * Starts the server IN-PROCESS from dist/ on 127.0.0.1 (an ephemeral port, never any other
 * address), with a throw-away upload store under os.tmpdir(), and measures with autocannon:
 *
 *   1. Steady state: 10 s, 10 connections, GET /compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate
 *      Targets: >= 300 req/s average, p99 < 100 ms, zero errors / non-2xx.
 *   2. Under a big upload: one POST /api/compare with a ~20 MB JSON body {old, new} (two ~10 MB
 *      SYNTHETIC statute texts, see below) is fired without awaiting it; meanwhile for 10 s
 *      autocannon hits the compare page (8 connections) and `/` (2 connections) at once.
 *      Targets: p99 < 250 ms on both, zero errors. The big diff's duration and status are
 *      reported; a 503 ("the comparison took too long") inside the server's budget is acceptable.
 *   3. Hostile uploads (issue 9): two POST /api/compare of ~200 KB of text each, every side 50,000
 *      one-character lines (the shape that made parsing quadratic), fired together so that they
 *      hold both workers; alongside, small comparisons (two short texts, each new, so never cached)
 *      are posted one after another. Target: every small comparison answered in <= 250 ms.
 *
 * Everything is bounded: autocannon runs by `duration`, the big and hostile requests have an abort
 * timeout, and a 150 s watchdog exits with status 3.
 *
 * Exit status: 0 when the benchmark ran (also when a target FAILs: this is a report);
 * 2 when the server could not start or crashed; 3 on the watchdog.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { closeApp, createApp, warmApp } from '../dist/server/app.js';

const HOST = '127.0.0.1'; // loopback only
const WATCHDOG_MS = 150_000;
const RUN_SECONDS = 10;
const COMPARE_PATH = '/compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate';
const MAX_BODY_BYTES = 64 * 1024 * 1024; // the default 32 MiB would do, but leave headroom for JSON escaping
const DOC_BYTES = 10 * 1000 * 1000; // per side: ~20 MB in total
const EDITS = 2000; // scattered word edits in the new side
const BIG_TIMEOUT_MS = 45_000; // the server's own hard stop is 3 x 5 s + 5 s = 20 s

const HOSTILE_LINES = 50_000; // one-character lines a side: ~100 KB a side, ~200 KB an upload
const SMALL_COMPARES = 8; // small comparisons posted one after another beside the hostile ones

const TARGETS = {
  steadyRps: 300,
  steadyP99: 100,
  loadedP99: 250,
  smallBesideHostileMs: 250,
};

// ---------------------------------------------------------------------------
// Watchdog and crash handling

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[${elapsed()}] ${msg}`);

let storeDir;
function cleanup() {
  if (storeDir) {
    try {
      fs.rmSync(storeDir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
}

const watchdog = setTimeout(() => {
  console.error(`load bench: watchdog: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  cleanup();
  process.exit(3);
}, WATCHDOG_MS);
watchdog.unref();

function crash(what, error) {
  console.error(`load bench: ${what}:`, error);
  cleanup();
  process.exit(2);
}
process.on('uncaughtException', (e) => crash('the server crashed (uncaught exception)', e));
process.on('unhandledRejection', (e) => crash('the server crashed (unhandled rejection)', e));

// ---------------------------------------------------------------------------
// SYNTHETIC statute text. Made-up, California-style sections built from a word list by a
// seeded PRNG: it is not real law, is not taken from any code, and must never be shown as such.

function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  return { next, int, pick };
}

const NOUNS = ['agency', 'applicant', 'board', 'commission', 'county', 'city', 'department', 'director', 'employer', 'employee', 'facility', 'fund', 'licensee', 'permit', 'person', 'program', 'report', 'record', 'registrant', 'secretary', 'account', 'authority', 'contract', 'district', 'entity', 'fee', 'grant', 'hearing', 'notice', 'operator', 'owner', 'plan', 'provider', 'tenant', 'vehicle', 'certificate', 'petition', 'appeal', 'inspection', 'officer', 'committee', 'council', 'resident', 'school'];
const ADJECTIVES = ['annual', 'applicable', 'appropriate', 'current', 'eligible', 'existing', 'final', 'local', 'minimum', 'maximum', 'public', 'qualified', 'reasonable', 'relevant', 'separate', 'subsequent', 'temporary', 'written', 'additional', 'administrative', 'statewide'];
const VERBS = ['adopt', 'approve', 'collect', 'consider', 'deposit', 'determine', 'establish', 'implement', 'issue', 'maintain', 'notify', 'prepare', 'provide', 'publish', 'review', 'revoke', 'submit', 'suspend', 'transmit', 'verify', 'allocate', 'audit', 'certify', 'disclose', 'enforce', 'evaluate'];
const MODALS = ['shall', 'may', 'shall not', 'may not'];
const TIMES = ['within 30 days', 'within 60 days', 'within 90 days', 'on or before January 1 of each year', 'not later than July 1', 'upon request', 'at least annually', 'as soon as practicable'];
const REPLACEMENTS = [...NOUNS, ...ADJECTIVES, ...VERBS];

function nounPhrase(r) {
  const head = `${r.next() < 0.6 ? `${r.pick(ADJECTIVES)} ` : ''}${r.pick(NOUNS)}`;
  let det = r.pick(['the', 'a', 'each', 'any']);
  if (det === 'a' && /^[aeiou]/.test(head)) det = 'an';
  return `${det} ${head}`;
}

function sentence(r, chapeau = false) {
  const parts = [nounPhrase(r), r.pick(MODALS), r.pick(VERBS), nounPhrase(r)];
  parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1);
  for (let i = r.int(0, 3); i > 0; i--) {
    const k = r.int(0, 2);
    parts.push(k === 0 ? `to ${nounPhrase(r)}` : k === 1 ? r.pick(TIMES) : `of ${nounPhrase(r)}`);
  }
  return chapeau ? `${parts.join(' ')}, as follows:` : `${parts.join(' ')}.`;
}

/** Lines of a synthetic statute of about `targetBytes` (ASCII, so bytes = characters). */
function syntheticStatuteLines(targetBytes, seed) {
  const r = prng(seed);
  const lines = [];
  let bytes = 0;
  let num = 1000;
  const push = (line) => {
    lines.push(line);
    bytes += line.length + 1;
  };
  while (bytes < targetBytes) {
    num += r.int(1, 3);
    push(`${num}.`);
    const subs = r.int(1, 6);
    for (let s = 0; s < subs; s++) {
      const paras = r.next() < 0.45 ? r.int(2, 7) : 0;
      push(`(${'abcdefgh'[s]}) ${sentence(r, paras > 0)}`);
      for (let p = 0; p < paras; p++) push(`(${p + 1}) ${sentence(r)}`);
    }
  }
  return lines;
}

/** A copy with `count` scattered single-word edits on lines that carry text. */
function withWordEdits(lines, count, seed) {
  const r = prng(seed);
  const out = lines.slice();
  for (let done = 0, tries = 0; done < count && tries < count * 10; tries++) {
    const i = r.int(0, out.length - 1);
    const words = out[i].split(' ');
    if (words.length < 4) continue; // a bare section number
    const w = r.int(1, words.length - 1);
    const trail = /[.,:;]+$/.exec(words[w])?.[0] ?? '';
    words[w] = r.pick(REPLACEMENTS) + trail;
    out[i] = words.join(' ');
    done++;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Helpers

/** Runs autocannon; `result.slow` counts responses slower than `slowMs` (p99 can hide a stall). */
function cannon(opts, slowMs = TARGETS.loadedP99) {
  return new Promise((resolve, reject) => {
    let slow = 0;
    const instance = autocannon({ timeout: 10, ...opts }, (err, result) => (err ? reject(err) : resolve({ ...result, slow })));
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (responseTime > slowMs) slow++;
    });
  });
}

/** The longest the event loop was blocked, in ms, while `work` ran. */
async function withLoopDelay(work) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  try {
    const value = await work();
    return { value, loopMaxMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

function summarize(result) {
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    slow: result.slow,
  };
}

const fmt = (n, d = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : String(n));
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

// ---------------------------------------------------------------------------
// Start the server

storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-load-'));
let app;
let server;
try {
  app = createApp({ storeDir, maxBodyBytes: MAX_BODY_BYTES });
  server = await new Promise((resolve, reject) => {
    const s = app.listen(0, HOST);
    s.once('listening', () => resolve(s));
    s.once('error', reject);
  });
} catch (e) {
  crash('the server could not start', e);
}
server.on('error', (e) => crash('server error', e));
const { port } = server.address();
const base = `http://${HOST}:${port}`;
log(`server listening on ${base} (store ${storeDir}); node ${process.version}, ${os.cpus().length} CPUs`);

// Warm up: worker threads, the comparison (computed once, then cached), the templates, the JIT.
warmApp(app);
for (const p of [COMPARE_PATH, '/']) {
  const res = await fetch(base + p, { signal: AbortSignal.timeout(20_000) });
  await res.arrayBuffer();
  if (!res.ok) crash(`warm-up GET ${p} answered ${res.status}`, new Error(`HTTP ${res.status}`));
}
await cannon({ url: base + COMPARE_PATH, connections: 10, duration: 2 });
log('warmed up');

// ---------------------------------------------------------------------------
// Run 1: steady state on the compare page

log(`run 1: ${RUN_SECONDS} s, 10 connections, GET ${COMPARE_PATH}`);
const run1 = await withLoopDelay(() => cannon({ url: base + COMPARE_PATH, connections: 10, duration: RUN_SECONDS }));
const steady = summarize(run1.value);
log(`run 1 done: ${fmt(steady.rps)} req/s, p50 ${steady.p50} ms, p99 ${steady.p99} ms`);

// ---------------------------------------------------------------------------
// Run 2: the same while a ~20 MB upload is diffed

const oldLines = syntheticStatuteLines(DOC_BYTES, 1656);
const newLines = withWordEdits(oldLines, EDITS, 2025);
const body = JSON.stringify({ old: `${oldLines.join('\n')}\n`, new: `${newLines.join('\n')}\n` });
const bodyBytes = Buffer.byteLength(body);
log(`generated synthetic upload: ${mb(bodyBytes)} JSON (2 x ~${mb(DOC_BYTES)}, ${EDITS} word edits)`);

const big = { status: undefined, ms: undefined, responseBytes: 0, error: undefined, message: undefined };
const bigStart = performance.now();
const bigDone = fetch(`${base}/api/compare`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body,
  signal: AbortSignal.timeout(BIG_TIMEOUT_MS),
})
  .then(async (res) => {
    const text = await res.text();
    big.ms = performance.now() - bigStart;
    big.status = res.status;
    big.responseBytes = Buffer.byteLength(text);
    if (!res.ok) {
      try {
        big.message = JSON.parse(text).error;
      } catch {
        big.message = text.slice(0, 200);
      }
    }
  })
  .catch((e) => {
    big.ms = performance.now() - bigStart;
    big.error = e?.name === 'TimeoutError' ? `no answer within ${BIG_TIMEOUT_MS / 1000} s` : String(e?.cause ?? e);
  });

log(`run 2: ${RUN_SECONDS} s, 8 connections on the compare page + 2 on / while the big diff runs`);
const loadStart = performance.now();
const run2 = await withLoopDelay(() =>
  Promise.all([
    cannon({ url: base + COMPARE_PATH, connections: 8, duration: RUN_SECONDS }),
    cannon({ url: `${base}/`, connections: 2, duration: RUN_SECONDS }),
  ]),
);
const [loadedCompareRaw, loadedIndexRaw] = run2.value;
const loadedCompare = summarize(loadedCompareRaw);
const loadedIndex = summarize(loadedIndexRaw);
const overlapMs = Math.min(big.ms ?? Infinity, performance.now() - bigStart) - (loadStart - bigStart);
log(`run 2 done: compare p99 ${loadedCompare.p99} ms, / p99 ${loadedIndex.p99} ms`);
if (big.ms === undefined) log('waiting for the big diff to answer…');
await bigDone;

// ---------------------------------------------------------------------------
// Run 3: small comparisons beside two hostile uploads

/** POSTs two texts to /api/compare; answers the status and the milliseconds to the full answer. */
async function postTexts(oldText, newText, timeoutMs) {
  const began = performance.now();
  try {
    const res = await fetch(`${base}/api/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ old: oldText, new: newText }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - began };
  } catch (e) {
    return { status: e?.name === 'TimeoutError' ? 'timeout' : String(e?.cause ?? e), ms: performance.now() - began };
  }
}

// SYNTHETIC: one-character lines (a letter a line), the second side with a few changed.
const hostileOld = Array.from({ length: HOSTILE_LINES }, (_, i) => String.fromCharCode(97 + (i % 26))).join('\n');
const hostileNew = hostileOld.replace(/^a$/gm, (m, at) => (at % 7 === 0 ? 'b' : m));
const hostileBytes = Buffer.byteLength(hostileOld) + Buffer.byteLength(hostileNew);
log(`run 3: two hostile uploads (${(hostileBytes / 1e3).toFixed(0)} KB of text each, ${HOSTILE_LINES} one-character lines a side) with ${SMALL_COMPARES} small comparisons beside them`);
const hostileStart = performance.now();
const hostile = [postTexts(hostileOld, hostileNew, BIG_TIMEOUT_MS), postTexts(`${hostileOld}\nz`, hostileNew, BIG_TIMEOUT_MS)];
// Let both reach the workers before the small ones start.
await new Promise((resolve) => setTimeout(resolve, 100));
const small = [];
for (let i = 0; i < SMALL_COMPARES; i++) {
  // Synthetic, each pair new so that no cache answers it.
  small.push(await postTexts(`(a) Rule ${i} says one thing.\n(b) Same.\n`, `(a) Rule ${i} says another thing.\n(b) Same.\n`, BIG_TIMEOUT_MS));
}
const smallDoneMs = performance.now() - hostileStart;
const hostileResults = await Promise.all(hostile);
const smallMs = small.map((r) => r.ms).sort((a, b) => a - b);
const smallMax = smallMs[smallMs.length - 1];
const smallMedian = smallMs[Math.floor(smallMs.length / 2)];
log(`run 3 done: small comparisons median ${fmt(smallMedian)} ms, max ${fmt(smallMax)} ms; hostile ${hostileResults.map((r) => `${r.status} in ${fmt(r.ms, 0)} ms`).join(', ')}`);

// ---------------------------------------------------------------------------
// Shut down and report

try {
  await closeApp(app);
  await new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
} finally {
  cleanup();
}

const errorsOf = (s) => s.errors + s.non2xx; // autocannon's `errors` already counts timeouts
const rows = [];
const row = (metric, value, target, pass) => rows.push({ metric, value, target, result: pass === undefined ? '' : pass ? 'PASS' : 'FAIL' });

row('steady: compare req/s (avg)', fmt(steady.rps), `>= ${TARGETS.steadyRps}`, steady.rps >= TARGETS.steadyRps);
row('steady: compare p50 (ms)', fmt(steady.p50), '', undefined);
row('steady: compare p99 (ms)', fmt(steady.p99), `< ${TARGETS.steadyP99}`, steady.p99 < TARGETS.steadyP99);
row('steady: errors + non-2xx', `${steady.errors} + ${steady.non2xx}`, '0', errorsOf(steady) === 0);
row('steady: requests', String(steady.total), '', undefined);
row('steady: max event-loop delay (ms, server + client)', fmt(run1.loopMaxMs), '', undefined);
row('loaded: compare req/s (avg)', fmt(loadedCompare.rps), '', undefined);
row('loaded: compare p50 (ms)', fmt(loadedCompare.p50), '', undefined);
row('loaded: compare p99 (ms)', fmt(loadedCompare.p99), `< ${TARGETS.loadedP99}`, loadedCompare.p99 < TARGETS.loadedP99);
row('loaded: compare max (ms)', fmt(loadedCompare.max), '', undefined);
row(`loaded: compare answers > ${TARGETS.loadedP99} ms`, `${loadedCompare.slow} of ${loadedCompare.total}`, '', undefined);
row('loaded: compare errors + non-2xx', `${loadedCompare.errors} + ${loadedCompare.non2xx}`, '0', errorsOf(loadedCompare) === 0);
row('loaded: / req/s (avg)', fmt(loadedIndex.rps), '', undefined);
row('loaded: / p99 (ms)', fmt(loadedIndex.p99), `< ${TARGETS.loadedP99}`, loadedIndex.p99 < TARGETS.loadedP99);
row('loaded: / max (ms)', fmt(loadedIndex.max), '', undefined);
row(`loaded: / answers > ${TARGETS.loadedP99} ms`, `${loadedIndex.slow} of ${loadedIndex.total}`, '', undefined);
row('loaded: / errors + non-2xx', `${loadedIndex.errors} + ${loadedIndex.non2xx}`, '0', errorsOf(loadedIndex) === 0);
row('loaded: max event-loop delay (ms, server + client)', fmt(run2.loopMaxMs), '', undefined);

row('hostile: small comparisons, median (ms)', fmt(smallMedian), '', undefined);
row('hostile: small comparisons, max (ms)', fmt(smallMax), `<= ${TARGETS.smallBesideHostileMs}`, smallMax <= TARGETS.smallBesideHostileMs);
row('hostile: small comparisons answered 200', `${small.filter((r) => r.status === 200).length} of ${small.length}`, `${small.length}`, small.every((r) => r.status === 200));
row('hostile: small comparisons all done after (ms)', fmt(smallDoneMs, 0), '', undefined);
for (const [i, r] of hostileResults.entries()) row(`hostile: upload ${i + 1} status, time (ms)`, `${r.status}, ${fmt(r.ms, 0)}`, '200, or 503 in budget', r.status === 200 || r.status === 503);

const bigOk = big.status === 200 || big.status === 503;
row('big diff: request size', mb(bodyBytes), '', undefined);
row('big diff: HTTP status', big.error ? `none (${big.error})` : String(big.status), '200, or 503 in budget', bigOk);
row('big diff: time to full answer (ms)', fmt(big.ms, 0), '', undefined);
row('big diff: response size', mb(big.responseBytes), '', undefined);
row('big diff: overlap with run 2 (s)', fmt(Math.max(0, overlapMs) / 1000), `~${RUN_SECONDS}`, undefined);

console.log('\nbilldiff load benchmark (127.0.0.1, in-process server, ' + `${os.cpus().length} CPUs, node ${process.version})`);
console.table(rows);
if (big.status === 503) console.log(`note: the big diff answered 503 (${big.message ?? 'took too long'}) within the server's budget: acceptable.`);
else if (big.status && big.status !== 200) console.log(`note: the big diff answered ${big.status}: ${big.message ?? ''}`);
if (overlapMs < RUN_SECONDS * 1000 * 0.5) console.log(`note: the big diff finished ${fmt(Math.max(0, overlapMs) / 1000)} s into run 2, so only that part of run 2 ran under upload load.`);
const failed = rows.filter((r) => r.result === 'FAIL').map((r) => r.metric);
console.log(failed.length ? `\nFAIL: ${failed.join('; ')}` : '\nPASS: all targets met');
console.log(`total ${elapsed()}`);
process.exit(0);
