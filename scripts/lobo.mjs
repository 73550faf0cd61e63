// Leave-one-bill-out: choosing the rules and thresholds of the redline on some bills and scoring
// them on a bill left out. Pure functions over per-case counts; scripts/score.mjs feeds them.

/**
 * The bill of a benchmark case. A case folder is `<bill-version-id>-<unit>`; a bill version id is
 * the session (`20250`), the house and number (`AB_0831`), the version (`96`) and its kind
 * (`AMD`, `INT`, …): `20250AB_083196AMD-sec02-175391` → `20250AB_0831`. The versions of one bill
 * share it; the same number in another session (`19990AB_0001`, `19991AB_0001`) is another bill.
 */
export function billOf(caseName) {
  const m = /^(\d{5}[A-Z]+_\d{4})\d{2}[A-Z]+-/.exec(caseName);
  if (!m) throw new Error(`${caseName}: not a case name of the form <session><house>_<number><version><kind>-<unit>`);
  return m[1];
}

/** Case names grouped by bill, bills and cases in name order. */
export function groupByBill(caseNames) {
  const groups = new Map();
  for (const name of [...caseNames].sort()) {
    const bill = billOf(name);
    if (!groups.has(bill)) groups.set(bill, []);
    groups.get(bill).push(name);
  }
  return groups;
}

/**
 * Counts of a set of cases, each scored as ../shared/eval/score.mjs does: characters marked right
 * (tp), marked but kept in the truth (fp), missed (fn); an unfaithful case earns nothing.
 */
export function tally(results, caseNames) {
  const t = { cases: 0, tp: 0, fp: 0, fn: 0, exact: 0, faithful: 0 };
  for (const name of caseNames) {
    const r = results.get(name);
    if (!r) throw new Error(`no result for case ${name}`);
    t.cases++;
    t.tp += r.tp;
    t.fp += r.fp;
    t.fn += r.fn;
    if (r.exact) t.exact++;
    if (r.faithful) t.faithful++;
  }
  return t;
}

/** Precision, recall and F1 of "changed" (micro, as score.mjs reports them) and the exact share. */
export function figures(t) {
  const precision = t.tp / (t.tp + t.fp || 1);
  const recall = t.tp / (t.tp + t.fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  return { precision, recall, f1, exact: t.exact / (t.cases || 1) };
}

/**
 * What the choice maximises on the bills it sees: F1, plus a tenth of the share of cases reproduced
 * exactly (one case in fifty exact is worth 0.002 of F1). Fixed before any figure was looked at.
 */
export function objective(t) {
  const f = figures(t);
  return f.f1 + f.exact / 10;
}

const TIE = 1e-9;

/**
 * Chooses a value for each setting of `space` (an array of `{name, values}`; the first value of each
 * is the simplest: the rule off) by coordinate search on `caseNames`: from the simplest settings,
 * each setting in turn takes the value that scores best with the others fixed, until a whole sweep
 * changes nothing. Ties go to the simplest value when it is among them, else to the middle of the
 * tied values (a threshold in the middle of the range that scores alike).
 * `evaluate(config)` returns a Map of case name → counts (the caller caches it).
 */
export function chooseSettings(space, evaluate, caseNames, { maxSweeps = 4 } = {}) {
  const config = Object.fromEntries(space.map((s) => [s.name, s.start ?? s.values[0]]));
  const score = (c) => objective(tally(evaluate(c), caseNames));
  let best = score(config);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let changed = false;
    for (const setting of space) {
      const scores = setting.values.map((value) => (value === config[setting.name] ? best : score({ ...config, [setting.name]: value })));
      const top = Math.max(...scores);
      const tied = setting.values.filter((_, k) => scores[k] >= top - TIE);
      const pick = tied.includes(setting.values[0]) ? setting.values[0] : tied[Math.floor((tied.length - 1) / 2)];
      if (pick !== config[setting.name]) {
        config[setting.name] = pick;
        best = scores[setting.values.indexOf(pick)];
        changed = true;
      }
    }
    if (!changed) break;
  }
  return config;
}

/**
 * For each bill: the settings chosen on the other bills, and the counts of the bill left out under
 * them; and the settings chosen on all bills (in-sample), with each bill's counts under them.
 */
export function leaveOneBillOut(space, evaluate, groups) {
  const all = [...groups.values()].flat();
  const inSample = chooseSettings(space, evaluate, all);
  const inResults = evaluate(inSample);
  const folds = [];
  for (const [bill, names] of groups) {
    const others = all.filter((n) => !names.includes(n));
    const chosen = chooseSettings(space, evaluate, others);
    const heldOut = tally(evaluate(chosen), names);
    folds.push({ bill, cases: names, chosen, heldOut, inSample: tally(inResults, names) });
  }
  const pooled = (pick) => folds.reduce((t, f) => addTallies(t, pick(f)), { cases: 0, tp: 0, fp: 0, fn: 0, exact: 0, faithful: 0 });
  return {
    inSample,
    folds,
    pooledHeldOut: pooled((f) => f.heldOut),
    pooledInSample: pooled((f) => f.inSample),
  };
}

function addTallies(a, b) {
  return { cases: a.cases + b.cases, tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, exact: a.exact + b.exact, faithful: a.faithful + b.faithful };
}

/** A config as a stable key, for caching evaluations. */
export function configKey(config) {
  return JSON.stringify(Object.keys(config).sort().map((k) => [k, config[k]]));
}

/** The settings of `config` that differ from `base`, as `name=value` words. */
export function settingsDiff(config, base) {
  return Object.keys(config)
    .filter((k) => config[k] !== base[k])
    .map((k) => `${k}=${config[k]}`);
}
