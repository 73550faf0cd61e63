// Amendment execution (issue 5), end to end through the CLI:
//  - each case of ../shared/corpus/us/amend-truth: `billdiff LAW... --law before.xml --apply`, the
//    amended section (--format text) compared with the official after text (whitespace, quotation
//    mark and dash style and letter case aside), and the instructions applied and refused (--format json);
//    a case whose text differs while nothing was refused counts as a wrong application when a
//    difference touches words the instructions changed; a difference only where billdiff left the
//    law as it was (the Law Revision Counsel's editorial changes between release points) is counted
//    apart, as "differs where no instruction changed the text";
//  - reading every instruction of 119 H.R. 1 as engrossed (`--instructions`), with the count of each kind;
//  - reading the instructions of one version of each bill in ../shared/corpus/us/bills (the first XML
//    file of each folder, in name order): instruction items as `billInstructions` gives them (one per
//    instruction and place it names), the share not read (`unknown`), and apart from them the words
//    that are no instruction at all (findings, definitions, appropriations), not counted;
//  - applying a whole law to a whole U.S. Code title file (USLM and annual-edition XHTML) and to a
//    compilation, in process, the median of three runs.
// The laws and sections are read through ../shared; nothing is written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const us = path.resolve(root, '..', 'shared', 'corpus', 'us');
const truth = path.join(us, 'amend-truth');
if (!fs.existsSync(truth)) {
  console.error(`amend bench: ${truth} is missing (the shared corpus must sit next to the project)`);
  process.exit(2);
}
const cli = path.join(root, 'bin', 'billdiff.js');
const { parseDocument } = await import(path.join(root, 'dist', 'parse', 'index.js'));
const { renderStatuteText } = await import(path.join(root, 'dist', 'render', 'statute-text.js'));
const { readBill } = await import(path.join(root, 'dist', 'amend', 'bill-instructions.js'));

const { diffWords } = await import('diff');

/**
 * Whether the text as amended differs from the official text only where billdiff left the law as
 * it was: each difference (in the words as amended) is checked against the words the instructions
 * changed (before → as amended); quotation marks, dashes and case aside.
 */
function differsOnlyElsewhere(before, amended, after) {
  const norm = (t) => t.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').toLowerCase();
  const spans = (a, b, side) => {
    // Offsets in `b` (side 'new') or `a` (side 'old') of what changed, as [start, end) ranges.
    const out = [];
    let at = 0;
    for (const part of diffWords(norm(a), norm(b))) {
      const own = side === 'new' ? !part.removed : !part.added;
      const changed = side === 'new' ? part.added : part.removed;
      if (changed) out.push([at, at + part.value.length]);
      else if (!own) out.push([at, at]);
      if (own) at += part.value.length;
    }
    return out;
  };
  const made = spans(before, amended, 'new');
  const left = spans(amended, after, 'old');
  return left.every(([s, e]) => !made.some(([ms, me]) => s <= me && ms <= e));
}

const folded = (text) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').replace(/\s+/g, '').toLowerCase();
const run = (args) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ...r, ms: performance.now() - start };
};

const rows = [];
let exact = 0;
let wrong = 0;
let elsewhereOnly = 0;
let applied = 0;
let refused = 0;
const cases = fs.readdirSync(truth).filter((d) => !d.startsWith('_') && fs.statSync(path.join(truth, d)).isDirectory()).sort();
for (const name of cases) {
  const dir = path.join(truth, name);
  const laws = fs.readdirSync(dir).filter((f) => /^law.*\.xml$/.test(f)).sort().map((f) => path.join(dir, f));
  const before = path.join(dir, 'before.xml');
  const text = run([...laws, '--law', before, '--apply', '-f', 'text']);
  const json = run([...laws, '--law', before, '--apply', '-f', 'json']);
  const render = (file) => renderStatuteText(parseDocument(fs.readFileSync(path.join(dir, file), 'utf8'), file, { references: false }).tree);
  const after = render('after.xml');
  let a = 0;
  let r = 0;
  let outcome;
  if (text.status === 2) {
    outcome = `error: ${text.stderr.trim().replace(/^.*?: /, '').slice(0, 90)}`;
  } else {
    const instructions = JSON.parse(json.stdout).instructions ?? [];
    a = instructions.filter((i) => i.status === 'applied').length;
    r = instructions.filter((i) => i.status === 'refused').length;
    const same = folded(text.stdout) === folded(after);
    const elsewhere = !same && r === 0 && differsOnlyElsewhere(render('before.xml'), text.stdout, after);
    if (same) exact++;
    else if (elsewhere) elsewhereOnly++;
    else if (r === 0) wrong++;
    outcome = same ? 'exact' : elsewhere ? 'differs where no instruction changed the text' : r === 0 ? 'differs, nothing refused (wrong)' : 'differs, some refused';
  }
  applied += a;
  refused += r;
  rows.push(`| ${name} | ${a} | ${r} | ${outcome} | ${Math.round(text.ms)} |`);
}
console.log('| case | applied | refused | result | ms (text) |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\nexact ${exact} of ${cases.length}; instructions applied ${applied}, refused ${refused}; differing only where no instruction changed the text ${elsewhereOnly}; wrong (differing where an instruction changed the text, nothing refused) ${wrong}`);

const hr1 = path.join(us, 'large', 'BILLS-119hr1eh.xml');
const listed = run(['--instructions', hr1, '-f', 'json']);
if (listed.status !== 0) {
  console.error(`--instructions on H.R. 1 failed: ${listed.stderr}`);
  process.exit(1);
}
const { instructions, counts } = JSON.parse(listed.stdout);
console.log(`\n119 H.R. 1 EH: ${instructions.length} instructions read in ${Math.round(listed.ms)} ms`);
for (const [kind, n] of Object.entries(counts)) console.log(`  ${String(n).padStart(5)}  ${kind}`);
const share = (n, of) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
const hr1Unknown = counts.unknown ?? 0;
console.log(`  reading: ${hr1Unknown} of ${instructions.length} not read (${share(hr1Unknown, instructions.length)})`);

// Reading across the corpus: one version of each bill.
const billsDir = path.join(us, 'bills');
let items = 0;
let unread = 0;
let prose = 0;
const reasons = new Map();
const readStart = performance.now();
for (const folder of fs.readdirSync(billsDir).sort()) {
  const first = fs.readdirSync(path.join(billsDir, folder)).filter((f) => /\.xml$/i.test(f)).sort()[0];
  if (!first) continue;
  const file = path.join(billsDir, folder, first);
  const { tree } = parseDocument(fs.readFileSync(file, 'utf8'), file, { references: false });
  const read = readBill({ tree, file: first });
  items += read.instructions.length;
  prose += read.prose.length;
  for (const { instruction } of read.instructions) {
    if (instruction.action !== 'unknown') continue;
    unread++;
    const reason = (instruction.reason ?? '').replace(/^enclosing item \S+ not understood: /, '').replace(/"[^"]*"|“[^”]*”/g, '…').slice(0, 70);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
}
console.log(`\nreading ../shared/corpus/us/bills (one version of each bill): ${items} instruction items, ${unread} not read (${share(unread, items)}); ${prose} passages no instruction, not counted (${Math.round(performance.now() - readStart)} ms)`);
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  ${String(n).padStart(5)}  ${reason}`);

// A whole law applied to a whole title file (and to a compilation of an Act, a statute of many
// sections too), in process: reading both files, applying, and the amended sections as the Changes
// in Existing Law and the clean text show them. Node's start-up (about 0.1 s) is not counted.
const { applyBills } = await import(path.join(root, 'dist', 'amend', 'apply.js'));
const { changesInExistingLaw, amendedPart } = await import(path.join(root, 'dist', 'amend', 'changes.js'));
const titleRuns = [
  [path.join(truth, '_laws', 'BILLS-116hr748enr.xml'), path.join(us, 'olrc-xhtml', 'USCODE-2024-title11-chap3.htm')],
  [path.join(truth, '_laws', 'BILLS-116s47enr.xml'), path.join(us, 'uscode', 'usc16-slice-119-102.xml')],
  [path.join(us, 'bills', '114-hr2029', '114hr2029enr_good.xml'), path.join(us, 'uscode', 'usc03.xml')],
  [path.join(us, 'large', 'BILLS-119hr1eh.xml'), path.join(us, 'uscode', 'usc16-slice-119-102.xml')],
  [path.join(us, 'bills', '114-hr50', 'BILLS-114hr50ih.xml'), path.join(us, 'comps', 'COMPS-339.xml')],
];
console.log('\n| law | statute file | instructions on it (applied, refused) | elsewhere | not read | ms (median of 3) | CPU ms (median of 3) |');
console.log('|---|---|---|---|---|---|---|');
for (const [law, title] of titleRuns) {
  const times = [];
  const cpu = [];
  let application;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    // As the CLI reads them: no format it prints shows links, so cross-references are not looked for.
    const bill = parseDocument(fs.readFileSync(law, 'utf8'), law, { references: false }).tree;
    const statute = parseDocument(fs.readFileSync(title, 'utf8'), title, { references: false }).tree;
    application = applyBills([{ tree: bill, file: law }], statute);
    changesInExistingLaw(application);
    renderStatuteText(amendedPart(application, application.amended));
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const status = (s) => application.instructions.filter((i) => i.status === s).length;
  console.log(`| ${path.basename(law)} | ${path.basename(title)} | ${application.instructions.length} (${status('applied')}, ${status('refused')}) | ${application.elsewhere.length} | ${application.unread.length} | ${Math.round(times[1])} | ${Math.round(cpu[1])} |`);
}
