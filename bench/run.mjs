#!/usr/bin/env node
/**
 * billdiff speed benchmark (`npm run bench`, which builds first).
 *
 * ALL INPUT TEXT HERE IS SYNTHETIC. The generator below writes made-up,
 * California-style statute text (section numbers, (a)/(1)/(A) designations,
 * sentences drawn from a word list by a seeded PRNG). It is not real law, is not
 * taken from any code, and must never be presented as such.
 *
 * For each size (100 KB … 8 MB) it writes an OLD text and a NEW text with K
 * scattered edits (~200 per MB: word changes, rewritten phrases, inserted
 * paragraphs that redesignate their later siblings, deleted clauses, moved
 * clauses), then times:
 *   - `git diff --no-index --word-diff=plain OLD NEW` (the baseline),
 *   - the CLI `node bin/billdiff.js OLD NEW --format json -o OUT` and `--format wdiff` (stdout discarded),
 *   - in process: parseDocument ×2 + alignTrees + renderJson from dist/.
 * Then 200,000 one-character lines against the same with one line changed (issue 9.2.1).
 * Wall time is the median of 5 runs after 1 warm-up (fewer when one run is very slow,
 * to keep the whole bench within a few minutes; in process, 15 when a run takes under half a second). Peak RSS comes from GNU `/usr/bin/time -f %M`.
 *
 * Exit status: 0 (also when a target FAILs: this is a report), 2 when billdiff crashed
 * (exit status other than 0 = same / 1 = differences).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'billdiff.js');
const DIST = path.join(ROOT, 'dist', 'index.js');
const MB = 1024 * 1024;
const RUNS = 5;
/** In-process runs of a comparison that takes under half a second. */
const IN_PROCESS_SHORT_RUNS = 15;

const SIZES = [
  { label: '100 KB', bytes: 100 * 1024 },
  { label: '0.5 MB', bytes: 0.5 * MB },
  { label: '1 MB', bytes: 1 * MB },
  { label: '2 MB', bytes: 2 * MB },
  { label: '5 MB', bytes: 5 * MB },
  { label: '8 MB', bytes: 8 * MB },
];
const EDITS_PER_MB = 200;
/** Issue 13: end to end (CLI, JSON out), and against git's word diff measured in the same run. */
const TARGETS = [
  { label: '1 MB', edits: 200, limitMs: 150, gitRatio: 6 },
  { label: '5 MB', edits: 1000, limitMs: 400, gitRatio: 5, rssMb: 120 },
];
/** Time per MB at the largest size within this factor of the time per MB at 1 MB (in process). */
const LINEARITY = { from: '1 MB', to: '8 MB', factor: 1.2 };
/** Issue 9.2.1: 200,000 one-character lines, end to end. */
const ONE_CHARACTER_LINES = { lines: 200_000, limitMs: 500 };
/**
 * Issue 13: the compare page of a 1 MB pair with the server's result cache off, on 127.0.0.1. The
 * first `warmRequests` after start are timed apart: a diff worker's first pages of a new size take
 * 2-3 times the CPU of the next while V8 compiles their code (1 MB pair, pairs of page tasks on the
 * two workers, CPU of all threads a task: 330-380, 240-290, 220-250, 190-200, 140-160, 130-150, then
 * 80-110 ms from the ninth pair on), and at ~19 a second a 10-s run had ~185 requests, so that its
 * p99 was the second slowest, one of those. 30 s gives ~550 requests, 5 of them slower than p99.
 */
const SERVER = { size: '1 MB', warmRequests: 24, seconds: 30, connections: 4, minRps: 10, maxP99Ms: 300 };

// ---------------------------------------------------------------------------
// Deterministic PRNG (mulberry32)

function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  return { next, int, pick };
}

// ---------------------------------------------------------------------------
// SYNTHETIC statute generator

const NOUNS = [
  'agency', 'applicant', 'board', 'commission', 'county', 'city', 'department', 'director', 'employer',
  'employee', 'facility', 'fund', 'licensee', 'permit', 'person', 'program', 'report', 'record', 'registrant',
  'secretary', 'account', 'authority', 'contract', 'contractor', 'district', 'entity', 'fee', 'grant',
  'hearing', 'notice', 'operator', 'owner', 'plan', 'provider', 'regulation', 'requirement', 'schedule',
  'service', 'standard', 'tenant', 'vehicle', 'violation', 'certificate', 'claimant', 'petition', 'appeal',
  'inspection', 'officer', 'court', 'committee', 'council', 'resident', 'student', 'school', 'loan', 'bond',
];
const ADJECTIVES = [
  'annual', 'applicable', 'appropriate', 'competent', 'current', 'eligible', 'existing', 'final', 'local',
  'minimum', 'maximum', 'new', 'public', 'qualified', 'reasonable', 'relevant', 'separate', 'specific',
  'subsequent', 'temporary', 'written', 'additional', 'reimbursable', 'administrative', 'statewide',
];
const VERBS = [
  'adopt', 'approve', 'collect', 'consider', 'deposit', 'determine', 'establish', 'implement', 'issue',
  'maintain', 'notify', 'prepare', 'provide', 'publish', 'review', 'revoke', 'submit', 'suspend', 'transmit',
  'verify', 'allocate', 'audit', 'certify', 'disclose', 'enforce', 'evaluate', 'investigate', 'record',
];
const MODALS = ['shall', 'may', 'shall not', 'may not'];
const TIMES = [
  'within 30 days', 'within 60 days', 'within 90 days', 'on or before January 1 of each year',
  'not later than July 1', 'upon request', 'at least annually', 'before the effective date',
  'as soon as practicable', 'no less than once every three years',
];
const QUALIFIERS = [
  'except as otherwise provided in this section', 'to the extent permitted by law', 'subject to appropriation',
  'in accordance with this chapter', 'for purposes of this article', 'notwithstanding any other law',
  'unless the board determines otherwise', 'in a manner prescribed by the department',
];

function nounPhrase(r) {
  const head = `${r.next() < 0.6 ? `${r.pick(ADJECTIVES)} ` : ''}${r.pick(NOUNS)}`;
  let det = r.pick(['the', 'a', 'each', 'any']);
  if (det === 'a' && /^[aeiou]/.test(head)) det = 'an';
  return `${det} ${head}`;
}

/** Third person singular: `submit` → `submits`, `certify` → `certifies`, `publish` → `publishes`. */
function thirdPerson(verb) {
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(sh|ch|s|x|z)$/.test(verb)) return `${verb}es`;
  return `${verb}s`;
}

/** One sentence, ending in a period (or a colon for a chapeau). */
function sentence(r, chapeau = false) {
  const parts = [];
  if (r.next() < 0.3) parts.push(cap(r.pick(QUALIFIERS)) + ',');
  const subject = nounPhrase(r);
  parts.push(parts.length ? subject : cap(subject));
  parts.push(r.pick(MODALS), r.pick(VERBS), nounPhrase(r));
  const extra = r.int(0, 3);
  for (let i = 0; i < extra; i++) {
    const k = r.int(0, 3);
    if (k === 0) parts.push(`to ${nounPhrase(r)}`);
    else if (k === 1) parts.push(r.pick(TIMES));
    else if (k === 2) parts.push(`that ${thirdPerson(r.pick(VERBS))} ${nounPhrase(r)}`);
    else parts.push(`of ${nounPhrase(r)}`);
  }
  if (chapeau) return `${parts.join(' ')}, as follows:`;
  if (r.next() < 0.25) parts.push(`and ${r.pick(VERBS)} ${nounPhrase(r)} ${r.pick(TIMES)}`);
  return `${parts.join(' ')}.`;
}

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}

// Model: section { num, intro?, subs: [{ text, paras: [{ text, subps: [text] }] }] }.
// Designations are computed when serialising, so inserting or deleting a clause
// redesignates the siblings that follow it (as an amendment would).

const LOWER = 'abcdefgh'; // stop before (i), which reads as a roman clause
const UPPER = 'ABCDEFGH';

function makeSection(r, num) {
  const section = { num, intro: r.next() < 0.15 ? sentence(r, true) : undefined, subs: [] };
  const nSubs = r.int(1, 6);
  for (let s = 0; s < nSubs; s++) {
    const hasParas = r.next() < 0.45;
    const sub = { text: sentence(r, hasParas), paras: [] };
    if (hasParas) {
      const nParas = r.int(2, 7);
      for (let p = 0; p < nParas; p++) {
        const hasSubps = r.next() < 0.2;
        const para = { text: sentence(r, hasSubps), subps: [] };
        if (hasSubps) for (let q = r.int(2, 4); q > 0; q--) para.subps.push(sentence(r));
        sub.paras.push(para);
      }
    }
    section.subs.push(sub);
  }
  return section;
}

function sectionLines(section) {
  const lines = [`${section.num}.`];
  if (section.intro) lines.push(section.intro);
  section.subs.slice(0, LOWER.length).forEach((sub, si) => {
    lines.push(`(${LOWER[si]}) ${sub.text}`);
    sub.paras.forEach((para, pi) => {
      lines.push(`(${pi + 1}) ${para.text}`);
      para.subps.slice(0, UPPER.length).forEach((text, qi) => lines.push(`(${UPPER[qi]}) ${text}`));
    });
  });
  return lines;
}

function serialize(doc) {
  return `${doc.sections.flatMap(sectionLines).join('\n')}\n`;
}

function generateStatute(targetBytes, seed) {
  const r = prng(seed);
  const sections = [];
  let num = 1000;
  let bytes = 0;
  while (bytes < targetBytes) {
    num += r.int(1, 3);
    const section = makeSection(r, num);
    sections.push(section);
    bytes += Buffer.byteLength(sectionLines(section).join('\n')) + 1;
  }
  return { sections };
}

// ---------------------------------------------------------------------------
// Edits (on a deep copy of the model)

function wordChange(r, text) {
  const words = text.split(' ');
  const i = r.int(1, words.length - 1);
  const trail = /[.,:;]+$/.exec(words[i])?.[0] ?? '';
  words[i] = r.pick([...NOUNS, ...ADJECTIVES, ...VERBS]) + trail;
  return words.join(' ');
}

function phraseRewrite(r, text) {
  const words = text.split(' ');
  if (words.length < 8) return wordChange(r, text);
  const len = r.int(3, Math.min(7, words.length - 3));
  const at = r.int(1, words.length - len - 1);
  const replacement = [r.pick(TIMES), r.pick(QUALIFIERS), `and ${r.pick(VERBS)} ${nounPhrase(r)}`][r.int(0, 2)];
  words.splice(at, len, ...replacement.split(' '));
  return words.join(' ');
}

/** Every text slot in a section, as [get, set] pairs. */
function textSlots(section) {
  const slots = [];
  section.subs.forEach((sub) => {
    slots.push({ get: () => sub.text, set: (t) => (sub.text = t) });
    sub.paras.forEach((para) => {
      slots.push({ get: () => para.text, set: (t) => (para.text = t) });
      para.subps.forEach((_, qi) => slots.push({ get: () => para.subps[qi], set: (t) => (para.subps[qi] = t) }));
    });
  });
  return slots;
}

function applyEdits(oldDoc, k, seed) {
  const r = prng(seed);
  const doc = structuredClone(oldDoc);
  const n = doc.sections.length;
  const counts = { word: 0, phrase: 0, insert: 0, delete: 0, move: 0 };
  const moves = [];
  // One edit per stratum of sections, so the edits are scattered across the document.
  for (let e = 0; e < k; e++) {
    const lo = Math.floor((e * n) / k);
    const hi = Math.max(lo, Math.floor(((e + 1) * n) / k) - 1);
    const section = doc.sections[r.int(lo, hi)];
    const roll = r.next();
    if (roll < 0.4) {
      const slot = r.pick(textSlots(section));
      slot.set(wordChange(r, slot.get()));
      counts.word++;
    } else if (roll < 0.6) {
      const slot = r.pick(textSlots(section));
      slot.set(phraseRewrite(r, slot.get()));
      counts.phrase++;
    } else if (roll < 0.75) {
      // A new paragraph in a list: the later paragraphs get redesignated.
      const lists = section.subs.filter((s) => s.paras.length);
      if (lists.length) {
        const sub = r.pick(lists);
        sub.paras.splice(r.int(0, sub.paras.length - 1), 0, { text: sentence(r), subps: [] });
      } else {
        const at = r.int(0, section.subs.length);
        if (section.subs.length < LOWER.length) section.subs.splice(at, 0, { text: sentence(r), paras: [] });
        else section.subs[0].text = phraseRewrite(r, section.subs[0].text);
      }
      counts.insert++;
    } else if (roll < 0.9) {
      const lists = section.subs.filter((s) => s.paras.length > 2);
      if (lists.length) {
        const sub = r.pick(lists);
        sub.paras.splice(r.int(0, sub.paras.length - 1), 1);
      } else if (section.subs.length > 1) {
        section.subs.splice(r.int(0, section.subs.length - 1), 1);
      } else {
        const slot = r.pick(textSlots(section));
        slot.set(wordChange(r, slot.get()));
      }
      counts.delete++;
    } else {
      // Moved clause: a subdivision leaves this section for a distant one (applied after the loop).
      if (section.subs.length > 1) {
        const [sub] = section.subs.splice(r.int(0, section.subs.length - 1), 1);
        moves.push(sub);
      } else {
        const slot = r.pick(textSlots(section));
        slot.set(wordChange(r, slot.get()));
      }
      counts.move++;
    }
  }
  for (const sub of moves) {
    let dest;
    for (let tries = 0; tries < 20; tries++) {
      dest = doc.sections[r.int(0, n - 1)];
      if (dest.subs.length < LOWER.length) break;
    }
    dest.subs.splice(r.int(0, dest.subs.length), 0, sub);
  }
  return { doc, counts };
}

// ---------------------------------------------------------------------------
// Timing helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const GNU_TIME = (() => {
  if (!fs.existsSync('/usr/bin/time')) return undefined;
  const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr) ? '/usr/bin/time' : undefined;
})();

/** Runs a command once: wall ms, exit status, peak RSS KB (or undefined), stderr. */
function runOnce(cmd, args, tmp) {
  let file = cmd;
  let argv = args;
  const rssFile = path.join(tmp, 'rss.txt');
  if (GNU_TIME) {
    fs.rmSync(rssFile, { force: true });
    file = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, cmd, ...args];
  }
  const t0 = process.hrtime.bigint();
  const res = spawnSync(file, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MB });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssKb;
  if (GNU_TIME) {
    try {
      const m = /(\d+)\s*$/.exec(fs.readFileSync(rssFile, 'utf8'));
      rssKb = m ? Number(m[1]) : undefined;
    } catch {
      rssKb = undefined;
    }
  }
  return { ms, status: res.status, signal: res.signal, error: res.error, rssKb, stderr: res.stderr?.toString() ?? '' };
}

/** How many timed runs to make, given the warm-up's time (keeps the bench within a few minutes). */
function runsFor(warmMs) {
  if (warmMs > 15000) return 1;
  if (warmMs > 4000) return 3;
  return RUNS;
}

/** Warm-up + median of up to 5. `ok(status)` says which exit statuses are normal. */
function timeCommand(cmd, args, tmp, ok) {
  const warm = runOnce(cmd, args, tmp);
  if (!ok(warm.status)) return { failed: warm };
  const n = runsFor(warm.ms);
  const times = [];
  let rss = warm.rssKb;
  for (let i = 0; i < n; i++) {
    const res = runOnce(cmd, args, tmp);
    if (!ok(res.status)) return { failed: res };
    times.push(res.ms);
    if (res.rssKb !== undefined) rss = Math.max(rss ?? 0, res.rssKb);
  }
  return { ms: median(times), runs: n, rssKb: rss, status: warm.status };
}

/** The alignment's warning that it ran out of time (ruleId `budget`). */
const isBudgetMessage = (m) => m?.ruleId === 'budget' || /budget/.test(m?.reason ?? '');

function describeFailure(what, res) {
  const why = res.error ? res.error.message : res.signal ? `signal ${res.signal}` : `exit status ${res.status}`;
  return `${what} failed (${why})${res.stderr ? `:\n${res.stderr.trim().split('\n').slice(-15).join('\n')}` : ''}`;
}

// ---------------------------------------------------------------------------
// Main

const fmt = (x, d = 0) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const pad = (s, w) => String(s).padStart(w);

async function main() {
  const started = Date.now();
  console.log('billdiff benchmark — ALL INPUTS ARE SYNTHETIC, GENERATED STATUTE-LIKE TEXT (NOT REAL LAW)');
  console.log(`node ${process.version}, ${os.cpus().length} CPU(s), ${os.platform()} ${os.arch()}; peak RSS via ${GNU_TIME ? 'GNU /usr/bin/time -f %M' : 'n/a (no GNU time)'}`);
  console.log(`wall time: median of ${RUNS} runs after 1 warm-up (fewer runs when one run takes > 4 s)`);
  // Node loads NODE_EXTRA_CA_CERTS through OpenSSL before any script runs (~40 ms on a machine whose
  // bundle is large): a cost of that machine's set-up, paid by every node start, not by git. Say so, so
  // a CLI figure can be read; `env -u NODE_EXTRA_CA_CERTS npm run bench` measures without it.
  const certs = process.env.NODE_EXTRA_CA_CERTS;
  console.log(
    certs
      ? `NODE_EXTRA_CA_CERTS=${certs}: every node start below loads it first (run with env -u NODE_EXTRA_CA_CERTS to leave it out)\n`
      : 'NODE_EXTRA_CA_CERTS unset\n',
  );

  const haveCli = fs.existsSync(BIN);
  if (!haveCli) console.log(`note: ${path.relative(ROOT, BIN)} is missing; CLI timings skipped`);
  let lib;
  try {
    lib = await import(pathToFileURL(DIST).href);
  } catch (error) {
    console.log(`note: cannot import dist/index.js (${error.message}); in-process timings skipped (run npm run build)`);
  }
  const gitOk = spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-bench-'));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  const rows = [];
  let crashed = false;
  try {
    for (const [i, size] of SIZES.entries()) {
      const k = Math.max(1, Math.round((EDITS_PER_MB * size.bytes) / MB));
      const oldDoc = generateStatute(size.bytes, 1000 + i);
      const { doc: newDoc, counts } = applyEdits(oldDoc, k, 5000 + i);
      const slug = size.label.replace(/\s+/g, '');
      const oldFile = path.join(tmp, `synthetic-${slug}-old.txt`);
      const newFile = path.join(tmp, `synthetic-${slug}-new.txt`);
      const outFile = path.join(tmp, `out-${slug}.json`);
      fs.writeFileSync(oldFile, serialize(oldDoc));
      fs.writeFileSync(newFile, serialize(newDoc));
      const oldBytes = fs.statSync(oldFile).size;
      const row = { size: size.label, bytes: oldBytes, k, counts, lines: oldDoc.sections.length };
      process.stdout.write(
        `[${size.label}] synthetic OLD ${(oldBytes / MB).toFixed(2)} MB (${oldDoc.sections.length} sections), NEW with ${k} edits ` +
          `(word ${counts.word}, phrase ${counts.phrase}, insert ${counts.insert}, delete ${counts.delete}, move ${counts.move}) …`,
      );

      if (gitOk) {
        const git = timeCommand('git', ['diff', '--no-index', '--word-diff=plain', oldFile, newFile], tmp, (s) => s === 0 || s === 1);
        if (git.failed) console.log(`\n  ${describeFailure('git diff', git.failed)}`);
        else row.gitMs = git.ms;
      }

      if (haveCli) {
        const json = timeCommand(process.execPath, [BIN, oldFile, newFile, '--format', 'json', '-o', outFile], tmp, (s) => s === 0 || s === 1);
        if (json.failed) {
          crashed = true;
          console.log(`\n  ${describeFailure('billdiff --format json', json.failed)}`);
        } else {
          row.cliMs = json.ms;
          row.cliRuns = json.runs;
          row.rssKb = json.rssKb;
          row.cliStatus = json.status;
          try {
            const out = JSON.parse(fs.readFileSync(outFile, 'utf8'));
            row.summary = out.summary;
            row.budgetHit = (out.messages ?? []).some(isBudgetMessage);
          } catch (error) {
            console.log(`\n  warning: cannot read the JSON output: ${error.message}`);
          }
        }
        const wdiff = timeCommand(process.execPath, [BIN, oldFile, newFile, '--format', 'wdiff'], tmp, (s) => s === 0 || s === 1);
        if (wdiff.failed) {
          crashed = true;
          console.log(`\n  ${describeFailure('billdiff --format wdiff', wdiff.failed)}`);
        } else {
          row.wdiffMs = wdiff.ms;
          row.wdiffRssKb = wdiff.rssKb;
        }
      }

      if (lib) {
        const oldBuf = fs.readFileSync(oldFile);
        const newBuf = fs.readFileSync(newFile);
        const once = () => {
          const t0 = performance.now();
          const a = lib.parseDocument(oldBuf, oldFile);
          const b = lib.parseDocument(newBuf, newFile);
          const t1 = performance.now();
          const alignment = lib.alignTrees(a.tree, b.tree);
          const t2 = performance.now();
          const json = lib.renderJson(alignment);
          const t3 = performance.now();
          return { total: t3 - t0, parse: t1 - t0, align: t2 - t1, render: t3 - t2, alignment, jsonBytes: json.length };
        };
        try {
          // Each run's result is let go before the next, as the CLI's one comparison is: kept, five
          // results of the 8 MB pair (65 MB of heap each) made every collection of the runs after
          // them mark the ones before, a cost of the bench's and not of billdiff's.
          // A run under half a second is measured 15 times, not 5: at 1 MB (~0.1 s a run) one run
          // slowed by the machine's other work moved the median, and with it the growth figure, by a third.
          const warm = once().total;
          const n = warm < 500 ? IN_PROCESS_SHORT_RUNS : runsFor(warm);
          const runs = [];
          let last;
          for (let j = 0; j < n; j++) {
            last = once();
            runs.push({ total: last.total, parse: last.parse, align: last.align, render: last.render });
            if (j < n - 1) last = undefined;
          }
          row.inMs = median(runs.map((x) => x.total));
          row.parseMs = median(runs.map((x) => x.parse));
          row.alignMs = median(runs.map((x) => x.align));
          row.renderMs = median(runs.map((x) => x.render));
          row.summary ??= last.alignment.summary;
          row.inBudgetHit = last.alignment.messages.some(isBudgetMessage);
          row.jsonMB = last.jsonBytes / MB;
        } catch (error) {
          crashed = true;
          console.log(`\n  in-process run threw: ${error.stack ?? error}`);
        }
      }
      console.log(' done');
      rows.push(row);
    }
  } finally {
    cleanup();
  }

  // ---- report
  console.log('\nResults (SYNTHETIC inputs):');
  const head = ['size', 'edits', 'git ms', 'CLI json ms', 'CLI wdiff ms', 'in-proc ms', 'CLI/git', 'peak RSS MB'];
  const widths = [7, 6, 8, 12, 13, 11, 8, 12];
  const line = (cells) => cells.map((c, j) => pad(c, widths[j])).join('  ');
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) {
    console.log(
      line([
        r.size,
        r.k,
        fmt(r.gitMs),
        fmt(r.cliMs) + (r.cliRuns && r.cliRuns < RUNS ? `(${r.cliRuns})` : ''),
        fmt(r.wdiffMs),
        fmt(r.inMs),
        r.cliMs !== undefined && r.gitMs ? `${(r.cliMs / r.gitMs).toFixed(1)}x` : 'n/a',
        r.rssKb !== undefined ? fmt(r.rssKb / 1024) : 'n/a',
      ]),
    );
  }

  console.log('\nIn-process phases (median ms): parse both / align / renderJson, and what was found:');
  for (const r of rows) {
    if (r.inMs === undefined) continue;
    const s = r.summary;
    const found = s ? `modified ${s.modified}, inserted ${s.inserted}, deleted ${s.deleted}, moved ${s.moved}, redesignated ${s.redesignated}` : '';
    console.log(
      `  ${pad(r.size, 6)}: parse ${pad(fmt(r.parseMs), 5)}  align ${pad(fmt(r.alignMs), 5)}  render ${pad(fmt(r.renderMs), 4)}  (JSON ${fmt(r.jsonMB, 1)} MB)  ${found}` +
        (r.budgetHit || r.inBudgetHit ? '  ** alignment BUDGET EXCEEDED: timings are capped, output degraded **' : ''),
    );
  }

  const lines = await oneCharacterLines(haveCli, gitOk);
  const server = await comparePageUncached();

  console.log('\nTargets (issue 13):');
  for (const t of TARGETS) {
    const r = rows.find((x) => x.size === t.label);
    if (!r || r.cliMs === undefined) {
      console.log(`  ${t.label} / ${t.edits} edits: n/a (no CLI measurement)`);
      continue;
    }
    const ratio = r.gitMs ? r.cliMs / r.gitMs : undefined;
    const checks = [
      [`CLI ≤ ${t.limitMs} ms`, r.cliMs <= t.limitMs && !r.budgetHit, `${fmt(r.cliMs)} ms`],
      [`≤ ${t.gitRatio}× git`, ratio !== undefined && ratio <= t.gitRatio, ratio === undefined ? 'n/a' : `${ratio.toFixed(1)}×`],
    ];
    if (t.rssMb) checks.push([`peak RSS ≤ ${t.rssMb} MB`, r.rssKb !== undefined && r.rssKb / 1024 <= t.rssMb, r.rssKb === undefined ? 'n/a' : `${fmt(r.rssKb / 1024)} MB`]);
    for (const [what, pass, got] of checks) console.log(`  ${t.label} / ${r.k} edits: ${what} — ${pass ? 'PASS' : 'FAIL'} (${got})${r.budgetHit ? ' [alignment budget exceeded]' : ''}`);
  }
  {
    const a = rows.find((x) => x.size === LINEARITY.from);
    const b = rows.find((x) => x.size === LINEARITY.to);
    if (a?.inMs !== undefined && b?.inMs !== undefined) {
      const per = (r) => r.inMs / (r.bytes / MB);
      const growth = per(b) / per(a);
      console.log(
        `  linear growth: in-process ms per MB at ${b.size} ≤ ${LINEARITY.factor}× that at ${a.size} — ${growth <= LINEARITY.factor ? 'PASS' : 'FAIL'} (${per(b).toFixed(0)} vs ${per(a).toFixed(0)} ms/MB, ${growth.toFixed(2)}×)`,
      );
    }
  }
  if (server) {
    const pass = server.rps >= SERVER.minRps && server.p99 <= SERVER.maxP99Ms && !server.errors;
    console.log(
      `  server compare page, ${SERVER.size} pair, cache off: ≥ ${SERVER.minRps} req/s and p99 ≤ ${SERVER.maxP99Ms} ms — ${pass ? 'PASS' : 'FAIL'} (${server.rps.toFixed(1)} req/s, p50 ${server.p50} ms, p99 ${server.p99} ms, ${server.errors} errors/non-2xx, ${server.requests} requests in ${SERVER.seconds} s, ${Math.floor(server.requests / 100)} of them slower than p99; before them, the first ${server.warm.requests} after start: p50 ${server.warm.p50} ms, max ${server.warm.max} ms)`,
    );
  }
  if (lines) {
    console.log(
      `  ${ONE_CHARACTER_LINES.lines.toLocaleString('en-US')} one-character lines (wdiff): CLI ≤ ${ONE_CHARACTER_LINES.limitMs} ms — ${lines.ms <= ONE_CHARACTER_LINES.limitMs ? 'PASS' : 'FAIL'} (${fmt(lines.ms)} ms, git ${fmt(lines.gitMs)} ms, peak RSS ${lines.rssKb === undefined ? 'n/a' : fmt(lines.rssKb / 1024)} MB)`,
    );
  }

  // Linearity: ms per MB at each size, and the marginal cost of each further MB (which
  // leaves out the fixed cost of starting Node and loading modules).
  for (const [key, name] of [
    ['cliMs', 'CLI json'],
    ['inMs', 'in-process'],
  ]) {
    const xs = rows.filter((r) => r[key] !== undefined).map((r) => ({ size: r.size, mb: r.bytes / MB, ms: r[key] }));
    if (xs.length < 2) continue;
    const marginal = xs.slice(1).map((x, j) => ({ span: `${xs[j].size}→${x.size}`, v: (x.ms - xs[j].ms) / (x.mb - xs[j].mb) }));
    const first = marginal[0].v;
    const last = marginal[marginal.length - 1].v;
    const growth = last / first;
    const verdict = growth < 1.25 ? 'roughly linear' : growth < 2 ? 'mildly super-linear' : 'super-linear';
    console.log(`Linearity (${name}): ms per MB ${xs.map((x) => `${x.size} ${(x.ms / x.mb).toFixed(0)}`).join(', ')}`);
    console.log(
      `  marginal ms per extra MB ${marginal.map((m) => `${m.span} ${m.v.toFixed(0)}`).join(', ')} — last/first ${growth.toFixed(2)}x: ${verdict}`,
    );
  }
  console.log(`\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (crashed) {
    console.log('billdiff CRASHED on at least one input (see above)');
    process.exitCode = 2;
  }
}

/**
 * Issue 9.2.1: 200,000 one-character lines (SYNTHETIC: the letters a–z in turn) against the same
 * with one line changed, end to end through the CLI, and git on the same files.
 */
async function oneCharacterLines(haveCli, gitOk) {
  if (!haveCli) return undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-bench-lines-'));
  try {
    const n = ONE_CHARACTER_LINES.lines;
    const letters = Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26)));
    const oldFile = path.join(tmp, 'synthetic-one-character-lines-old.txt');
    const newFile = path.join(tmp, 'synthetic-one-character-lines-new.txt');
    fs.writeFileSync(oldFile, `${letters.join('\n')}\n`);
    letters[n >> 1] = 'Z';
    fs.writeFileSync(newFile, `${letters.join('\n')}\n`);
    process.stdout.write(`\n[${n.toLocaleString('en-US')} one-character lines] …`);
    // The default output (wdiff): the JSON of 200,000 clauses is 46 MB, a cost of its own.
    const cli = timeCommand(process.execPath, [BIN, oldFile, newFile, '--format', 'wdiff', '-o', path.join(tmp, 'out.txt')], tmp, (s) => s === 0 || s === 1);
    const git = gitOk ? timeCommand('git', ['diff', '--no-index', '--word-diff=plain', oldFile, newFile], tmp, (s) => s === 0 || s === 1) : undefined;
    console.log(' done');
    if (cli.failed) {
      console.log(`  ${describeFailure('billdiff', cli.failed)}`);
      return undefined;
    }
    return { ms: cli.ms, rssKb: cli.rssKb, gitMs: git && !git.failed ? git.ms : undefined };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Issue 13: the server's compare page on a 1 MB pair (the SYNTHETIC statute of the size rows, as
 * a corpus of its own) with the result cache off, so that each request parses, aligns and renders:
 * autocannon on 127.0.0.1 for a bounded time. Returns undefined when dist/ or autocannon is missing.
 */
async function comparePageUncached() {
  let app;
  let autocannon;
  try {
    app = await import(pathToFileURL(path.join(ROOT, 'dist', 'server', 'app.js')).href);
    autocannon = (await import('autocannon')).default;
    // V8 tuned as `npm start` tunes it (src/server/bin.ts); the in-process rows above ran before.
    (await import(pathToFileURL(path.join(ROOT, 'dist', 'util', 'v8-tuning.js')).href)).tuneV8();
  } catch (error) {
    console.log(`note: server bench skipped (${error.message})`);
    return undefined;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-bench-server-'));
  const size = SIZES.findIndex((s) => s.label === SERVER.size);
  const oldDoc = generateStatute(SIZES[size].bytes, 1000 + size);
  const { doc: newDoc } = applyEdits(oldDoc, Math.round((EDITS_PER_MB * SIZES[size].bytes) / MB), 5000 + size);
  const corpus = path.join(tmp, 'corpus');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'old.txt'), serialize(oldDoc));
  fs.writeFileSync(path.join(corpus, 'new.txt'), serialize(newDoc));
  const entry = (id) => ({ id, file: `${id}.txt`, kind: 'bill', jurisdiction: 'Synthetic', session: 'Bench', measure: 'SYN 1', title: `Synthetic statute (${id})`, stage: id, date: '2026-01-01' });
  fs.writeFileSync(path.join(corpus, 'index.json'), JSON.stringify({ documents: [entry('old'), entry('new')] }));
  const instance = app.createApp({ corpusDir: corpus, storeDir: path.join(tmp, 'store'), cache: false });
  const server = await new Promise((resolve) => {
    const s = instance.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    app.warmApp?.(instance);
    const url = `http://127.0.0.1:${server.address().port}/compare?old=old&new=new`;
    process.stdout.write(`\n[server, ${SERVER.size} pair, cache off] …`);
    // One request first: the workers start and compile.
    await fetch(url).then((r) => r.text());
    const load = (bound) =>
      new Promise((resolve, reject) => {
        autocannon({ url, connections: SERVER.connections, timeout: 10, ...bound }, (err, res) => (err ? reject(err) : resolve(res)));
      });
    const warm = await load({ amount: SERVER.warmRequests });
    const result = await load({ duration: SERVER.seconds });
    console.log(' done');
    return {
      rps: result.requests.total / SERVER.seconds,
      requests: result.requests.total,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx + warm.errors + warm.timeouts + warm.non2xx,
      warm: { requests: warm.requests.total, p50: warm.latency.p50, max: warm.latency.max },
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await app.closeApp(instance);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `node bench/run.mjs --second-core`: what parsing one side of a comparison in a worker thread would
 * cost and save (issue 13, the second core), measured on the 1 MB and 5 MB pairs of the size rows and,
 * when ../shared is there, on 119 H.R. 1 (BILLS-119hr1eh.xml, PLAW-119publ21.xml):
 *   - a worker's start: `new Worker` to its first message, the worker having compiled the CLI's
 *     bundle from its code cache (bin/load.js), as a worker that parses would;
 *   - each side's parse, cold (the first parse of a fresh process, V8 tuned as the CLI tunes it) and
 *     warm (parsed second, after the other side): a side parsed in a worker is parsed cold, in an
 *     isolate of its own, and the main thread's side is then cold too;
 *   - bringing a side's tree back: postMessage's structured clone (`v8.serialize` in the worker,
 *     `v8.deserialize` in the main thread), and the main thread's cost of making the tree's objects
 *     again (a copy of every node, its strings shared: what any cheaper hand-over, such as offsets in
 *     transferred typed arrays, would still pay unless the alignment read fewer objects).
 * Medians of 5 fresh processes for each figure, in CPU milliseconds of the process (on a loaded
 * machine the wall figures carry the load); the split is then modelled as if the second core were
 * idle. It pays only if the parse it takes off the main thread is longer than the worker's start,
 * the loss of the warm second parse and the hand-over together.
 */
async function secondCore() {
  const runs = 5;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-bench-second-core-'));
  try {
    const pairs = [];
    for (const label of ['1 MB', '5 MB']) {
      const i = SIZES.findIndex((s) => s.label === label);
      const oldDoc = generateStatute(SIZES[i].bytes, 1000 + i);
      const { doc: newDoc } = applyEdits(oldDoc, Math.max(1, Math.round((EDITS_PER_MB * SIZES[i].bytes) / MB)), 5000 + i);
      const slug = label.replace(/\s+/g, '');
      const files = [path.join(tmp, `synthetic-${slug}-old.txt`), path.join(tmp, `synthetic-${slug}-new.txt`)];
      fs.writeFileSync(files[0], serialize(oldDoc));
      fs.writeFileSync(files[1], serialize(newDoc));
      pairs.push({ label, files });
    }
    const large = path.resolve(ROOT, '..', 'shared', 'corpus', 'us', 'large');
    const hr1 = ['BILLS-119hr1eh.xml', 'PLAW-119publ21.xml'].map((f) => path.join(large, f));
    if (hr1.every((f) => fs.existsSync(f))) pairs.push({ label: '119 H.R. 1', files: hr1 });

    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const node = (script, args) => {
      const res = spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MB });
      if (res.status !== 0) throw new Error(`second-core child failed: ${res.stderr}`);
      return JSON.parse(res.stdout);
    };
    // A worker's start to its first message, having compiled the bundle from its code cache.
    const startScript = `
      import { Worker } from 'node:worker_threads';
      const c0 = process.cpuUsage(); const t0 = performance.now();
      const w = new Worker(${JSON.stringify(`const { loadBundle } = require(${JSON.stringify(path.join(ROOT, 'bin', 'load.js'))}); const { script } = loadBundle(); require('node:worker_threads').parentPort.postMessage(script.cachedDataRejected === true);`)}, { eval: true, execArgv: [] });
      w.once('message', (rejected) => {
        const c = process.cpuUsage(c0);
        console.log(JSON.stringify({ ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, rejected }));
        w.terminate();
      });`;
    const starts = Array.from({ length: runs }, () => node(startScript, []));
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${os.cpus().length} CPU(s); CPU ms are the process's (all threads), medians of ${runs} fresh processes`);
    console.log(`worker start to first message (bundle from its code cache${starts.some((s) => s.rejected) ? ', REJECTED' : ''}): ` + `${fmt(median(starts.map((s) => s.ms)), 1)} ms wall, ${fmt(median(starts.map((s) => s.cpu)), 1)} ms CPU (both threads)`);

    // Two sides parsed one after the other in a fresh process; the first one's tree cloned and made again.
    const parseScript = `
      import fs from 'node:fs';
      import v8 from 'node:v8';
      const [first, second] = process.argv.slice(1);
      const { parseDocument, decodeInputNoting } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'parse', 'index.js')).href)});
      const { tuneV8 } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'util', 'v8-tuning.js')).href)});
      tuneV8({ oneComparison: true, inputBytes: fs.statSync(first).size + fs.statSync(second).size });
      const timed = (f) => { const c0 = process.cpuUsage(); const t0 = performance.now(); const v = f(); const c = process.cpuUsage(c0); return [v, performance.now() - t0, (c.user + c.system) / 1000]; };
      const parse = (file) => parseDocument(decodeInputNoting(fs.readFileSync(file), file, {}), file, { inlineTextPositions: false, blocks: false, references: false });
      const [a, coldMs, coldCpu] = timed(() => parse(first));
      const [b, warmMs, warmCpu] = timed(() => parse(second));
      const [bytes, , serializeCpu] = timed(() => v8.serialize(a.tree));
      const [, , deserializeCpu] = timed(() => v8.deserialize(bytes));
      const copy = (v) => {
        if (Array.isArray(v)) { const out = new Array(v.length); for (let i = 0; i < v.length; i++) out[i] = copy(v[i]); return out; }
        if (v && typeof v === 'object') { const out = {}; for (const k in v) out[k] = copy(v[k]); return out; }
        return v;
      };
      const [, , rebuildCpu] = timed(() => copy(a.tree));
      globalThis.keep = [a, b];
      console.log(JSON.stringify({ coldMs, coldCpu, warmMs, warmCpu, serializeCpu, deserializeCpu, rebuildCpu, cloneMb: bytes.length / 1e6 }));`;
    for (const { label, files } of pairs) {
      process.stdout.write(`[${label}] …`);
      const sides = [0, 1].map((k) => {
        const order = k === 0 ? files : [...files].reverse();
        const rs = Array.from({ length: runs }, () => node(parseScript, order));
        const m = (key) => median(rs.map((r) => r[key]));
        return { name: path.basename(order[0]), warmName: path.basename(order[1]), coldMs: m('coldMs'), coldCpu: m('coldCpu'), warmMs: m('warmMs'), warmCpu: m('warmCpu'), serializeCpu: m('serializeCpu'), deserializeCpu: m('deserializeCpu'), rebuildCpu: m('rebuildCpu'), cloneMb: m('cloneMb') };
      });
      console.log(' done');
      for (const s of sides) {
        console.log(
          `  ${s.name}: parse cold ${fmt(s.coldCpu)} ms CPU (${fmt(s.coldMs)} wall), then ${s.warmName} warm ${fmt(s.warmCpu)} ms CPU (${fmt(s.warmMs)} wall); ` +
            `its tree: clone ${fmt(s.cloneMb, 1)} MB, serialize ${fmt(s.serializeCpu)} + deserialize ${fmt(s.deserializeCpu)} ms CPU, made again ${fmt(s.rebuildCpu)} ms CPU`,
        );
      }
      // In CPU milliseconds (a thread's time on a core of its own; wall figures carry the machine's
      // load). One after the other: the first side cold, the second warm. Split: each side cold on
      // its own thread, the worker's after its start and handed over (serialized there, then
      // deserialized, or at best made again, here).
      const [x, y] = sides;
      const sequential = Math.min(x.coldCpu + x.warmCpu, y.coldCpu + y.warmCpu);
      const start = median(starts.map((s) => s.cpu));
      for (const [worker, main] of [
        [x, y],
        [y, x],
      ]) {
        const clone = Math.max(main.coldCpu, start + worker.coldCpu + worker.serializeCpu) + worker.deserializeCpu;
        const lean = Math.max(main.coldCpu, start + worker.coldCpu) + worker.rebuildCpu;
        const cpu = start + main.coldCpu + worker.coldCpu + worker.serializeCpu + worker.deserializeCpu;
        console.log(
          `  ${worker.name} in a worker, on an idle second core: both trees in the main thread after ${fmt(clone)} ms by structured clone ` +
            `(${fmt(cpu)} ms of CPU), at best ${fmt(lean)} ms by a lean hand-over, against ${fmt(sequential)} ms in one thread`,
        );
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export { generateStatute, applyEdits, serialize, comparePageUncached, oneCharacterLines };

// Run when executed (`node bench/run.mjs`); importing the module only exposes the generator.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  (process.argv.includes('--second-core') ? secondCore() : main()).catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
}
