#!/usr/bin/env node
// `npm run score`: the Legislative Counsel markup benchmark of ../shared/eval, leave one bill out.
//
// For each of the bills of ../shared/eval/cases, every rule and threshold of the redline (the
// settings below, passed to alignTrees as options) is chosen on the other bills and the bill left
// out is scored under that choice; the held-out figures are printed beside the in-sample ones (the
// choice made on all bills) and beside the shipped defaults, which the command line uses.
// Cases are diffed in process with the built dist/ (no process per case); each case is labelled
// with ../shared/eval/score.mjs's own functions, read from it at run time, and the shipped
// defaults are checked once through the real command line and the real scorer.
//
//   npm run score [-- --verbose] [-- --ablate]
//     --verbose  each case: exact or not, held out and in sample
//     --ablate   for each setting: the pooled held-out figures with it fixed at its simplest value
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configKey, figures, groupByBill, leaveOneBillOut, settingsDiff, tally } from './lobo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = path.resolve(root, '..', 'shared', 'eval');
const casesDir = path.join(evalDir, 'cases');
const scorer = path.join(evalDir, 'score.mjs');
const flags = new Set(process.argv.slice(2));

if (!fs.existsSync(casesDir) || !fs.existsSync(scorer)) {
  console.error(
    `npm run score: ${path.relative(root, evalDir)} is absent (looked for ${casesDir} and ${scorer}).\n` +
      'The benchmark is not part of the repository: it lives in ../shared beside the project (see TEAM.md). Nothing was scored.',
  );
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'dist', 'index.js'))) {
  console.error('npm run score: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}

/**
 * The settings chosen bill by bill: each a rule (first value: off) or a threshold. Every rule of
 * the redline's grain that the benchmark can tell apart is here.
 */
const SPACE = [
  { name: 'longestRuns', values: [false, true] },
  { name: 'absorbWords', values: [0, 1, 2, 3, 4] },
  { name: 'absorbShorter', values: [false, true] },
  { name: 'absorbCascade', values: [false, true] },
  { name: 'rewriteThreshold', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
];

const lib = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
const { baselineWdiff } = await import('./baseline.mjs');
const { labels, parseWdiff } = await loadLabelling(scorer);

/** score.mjs runs when imported; its labelling functions are taken from its text, unchanged. */
async function loadLabelling(file) {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('const nonWs');
  const end = text.indexOf('let tp');
  if (start < 0 || end < start || !/function labels\(/.test(text) || !/function parseWdiff\(/.test(text)) {
    console.error(`npm run score: ${file} no longer has the labelling functions this script reads (nonWs, labels, parseWdiff)`);
    process.exit(2);
  }
  const source = `${text.slice(start, end)}\nexport { labels, parseWdiff };\n`;
  return import(`data:text/javascript,${encodeURIComponent(source)}`);
}

const cases = fs
  .readdirSync(casesDir)
  .filter((name) => fs.existsSync(path.join(casesDir, name, 'truth.json')))
  .sort()
  .map((name) => {
    const dir = path.join(casesDir, name);
    const text = (file) => lib.decodeInput(fs.readFileSync(path.join(dir, file)), path.join(dir, file));
    const read = (file) => lib.parseDocument(text(file), path.join(dir, file), { marks: 'printed', references: false }).tree;
    const truth = labels(JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')).segments);
    return { name, old: read('old.txt'), new: read('new.txt'), oldText: text('old.txt'), newText: text('new.txt'), truth };
  });
const groups = groupByBill(cases.map((c) => c.name));

/** The wdiff of one case under a config, as `billdiff OLD NEW --format wdiff` prints it. */
function wdiffOf(c, config) {
  return lib.renderWdiff(lib.alignTrees(c.old, c.new, config));
}

/** Counts of one case, as score.mjs makes them. */
function scoreCase(c, output) {
  const got = labels(parseWdiff(output));
  const { truth } = c;
  const faithful = got.oc === truth.oc && got.nc === truth.nc;
  const r = { tp: 0, fp: 0, fn: 0, faithful, exact: false };
  if (faithful) {
    for (const [g, t] of [[got.ol, truth.ol], [got.nl, truth.nl]]) {
      for (let i = 0; i < t.length; i++) {
        if (g[i] && t[i]) r.tp++;
        else if (g[i]) r.fp++;
        else if (t[i]) r.fn++;
      }
    }
    r.exact = r.fp === 0 && r.fn === 0;
  } else for (const t of [truth.ol, truth.nl]) for (const x of t) if (x) r.fn++;
  return r;
}

const cache = new Map();
function evaluate(config) {
  const key = configKey(config);
  let results = cache.get(key);
  if (!results) {
    results = new Map(cases.map((c) => [c.name, scoreCase(c, wdiffOf(c, config))]));
    cache.set(key, results);
  }
  return results;
}

const shipped = Object.fromEntries(SPACE.map((s) => [s.name, { ...lib.defaultAlignOptions, ...lib.defaultWordDiffOptions }[s.name]]));
const started = performance.now();
const lobo = leaveOneBillOut(SPACE, evaluate, groups);
const shippedResults = evaluate(shipped);

// The plain baseline (scripts/baseline.mjs): no settings, nothing chosen.
const baselineResults = new Map(cases.map((c) => [c.name, scoreCase(c, baselineWdiff(c.oldText, c.newText))]));

const fmt = (t) => `${figures(t).f1.toFixed(4)} ${String(t.exact).padStart(2)}/${String(t.cases).padEnd(2)}`;
const billName = (bill) => bill.replace(/^(\d{4})\d([A-Z]+)_0*(\d+)$/, '$1 $2 $3') + (bill[4] !== '0' ? ` (x${bill[4]})` : '');
console.log(`Leave one bill out: ${cases.length} cases of ${groups.size} bills in ${path.relative(root, casesDir)}; F1 and cases exact`);
console.log(`${'bill'.padEnd(18)} cases  ${'baseline'.padEnd(12)} ${'shipped'.padEnd(12)} ${'in-sample'.padEnd(12)} ${'held-out'.padEnd(12)} chosen without it (vs. on all bills)`);
for (const fold of lobo.folds) {
  const changes = settingsDiff(fold.chosen, lobo.inSample).join(' ') || 'same';
  console.log(
    `${billName(fold.bill).padEnd(18)} ${String(fold.cases.length).padStart(5)}  ${fmt(tally(baselineResults, fold.cases))} ${fmt(tally(shippedResults, fold.cases))} ${fmt(fold.inSample)} ${fmt(fold.heldOut)} ${changes}`,
  );
}
const shippedAll = tally(shippedResults, cases.map((c) => c.name));
const baselineAll = tally(baselineResults, cases.map((c) => c.name));
console.log(`${'pooled'.padEnd(18)} ${String(cases.length).padStart(5)}  ${fmt(baselineAll)} ${fmt(shippedAll)} ${fmt(lobo.pooledInSample)} ${fmt(lobo.pooledHeldOut)}`);
const p = figures(lobo.pooledHeldOut);
console.log(
  `held out: P ${p.precision.toFixed(4)} R ${p.recall.toFixed(4)} F1 ${p.f1.toFixed(4)} exact ${(100 * p.exact).toFixed(1)}%; faithful ${lobo.pooledHeldOut.faithful}/${cases.length}`,
);
console.log(`chosen on all bills: ${SPACE.map((s) => `${s.name}=${lobo.inSample[s.name]}`).join(' ')}`);
const drift = settingsDiff(lobo.inSample, shipped);
console.log(drift.length ? `the shipped defaults differ from that choice: ${settingsDiff(shipped, lobo.inSample).join(' ')}` : 'the shipped defaults are that choice');

if (flags.has('--verbose')) {
  const inResults = evaluate(lobo.inSample);
  for (const fold of lobo.folds) {
    const held = evaluate(fold.chosen);
    for (const name of fold.cases) {
      const h = held.get(name);
      const i = inResults.get(name);
      const word = (r) => (!r.faithful ? 'UNFAITHFUL' : r.exact ? 'exact' : `fp ${r.fp} fn ${r.fn}`);
      console.log(`  ${name.padEnd(40)} held out: ${word(h).padEnd(16)} in sample: ${word(i).padEnd(16)} baseline: ${word(baselineResults.get(name))}`);
    }
  }
}

if (flags.has('--ablate')) {
  console.log('\nAblation: pooled held-out figures with one setting fixed at its simplest value (the rule removed)');
  const base = figures(lobo.pooledHeldOut);
  for (const setting of SPACE) {
    const fixed = setting.start ?? setting.values[0];
    const space = SPACE.map((s) => (s === setting ? { ...s, values: [fixed], start: fixed } : s));
    const without = leaveOneBillOut(space, evaluate, groups).pooledHeldOut;
    const f = figures(without);
    const delta = (x) => (x >= 0 ? '+' : '') + x.toFixed(4);
    console.log(
      `  ${`${setting.name}=${fixed}`.padEnd(24)} F1 ${f.f1.toFixed(4)} exact ${String(without.exact).padStart(2)}/${without.cases}   the setting is worth F1 ${delta(base.f1 - f.f1)}, exact ${delta((lobo.pooledHeldOut.exact - without.exact) / cases.length)}`,
    );
  }
}
console.log(`${cache.size} configurations tried in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// The shipped defaults once more, through the command line and ../shared/eval/score.mjs itself.
const command = `node ${JSON.stringify(path.join(root, 'bin', 'billdiff.js'))} "$OLD" "$NEW" --format wdiff`;
const official = spawnSync(process.execPath, [scorer, casesDir, command], { encoding: 'utf8', cwd: os.tmpdir(), maxBuffer: 64 << 20 });
const line = (official.stdout ?? '').trim().split('\n').pop() ?? '';
const m = /exact (\d+) .*F1 ([\d.]+)/.exec(line);
const agrees = m && Number(m[1]) === shippedAll.exact && m[2] === figures(shippedAll).f1.toFixed(4);
console.log(`check, shipped defaults through the CLI and ${path.relative(root, scorer)}: ${line || official.stderr.trim()}${agrees ? ' (agrees)' : ' (DISAGREES with the in-process figures)'}`);
if (!agrees) process.exitCode = 1;
