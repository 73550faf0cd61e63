/**
 * V8's tuning for billdiff's front doors (the CLI and the server), set before any comparison runs.
 * A comparison is short and runs once per process or per request, so V8's optimising compiler, which
 * by default inlines up to 920 bytes of bytecode into each function it optimises, spends more time
 * compiling than its code saves. At 200 (measured, `npm run bench` inputs, A/B runs on a quiet 2-core
 * machine): 119 H.R. 1 EH against P.L. 119-21 as JSON 1.25 → 1.13 s wall, 1.88 → 1.58 s CPU; the 5 MB
 * pair 1.01 → 0.93 s, 1.42 → 1.22 s CPU; the 1 MB pair and 200,000 one-character lines unchanged;
 * the server's compare page of the 1 MB pair, cache off, 12.2–12.3 → 12.7–12.9 requests a second.
 * Outputs do not depend on it (a compiler heuristic, not a semantics flag). Loading `node:v8` costs
 * about 2 ms and loads Node's streams, and a small comparison runs slower tuned (two 50 KB texts:
 * +30 ms of CPU, +2 MB), so the CLI tunes only from `INLINING_TUNING_FROM_BYTES` of input.
 *
 * The CLI's one comparison also keeps V8's young generation at the size start-up left it, semi-spaces
 * of 2 MB (by default they grow to 16 MB as the trees survive, and both are touched: 28 MB more
 * resident), and lets the old generation grow 7 times what survived its last full collection before
 * the next (the trees are promoted sooner, and a second full collection would mark them all while
 * the comparison runs, ~0.1 s of CPU): `ONE_COMPARISON_MEMORY_V8_FLAGS`. 5 MB pair, CLI, --format json -o,
 * 10 interleaved runs on a loaded 2-core machine: peak RSS 180.6 → 150.5 MB, CPU 0.995 → 0.950 s
 * (the young generation alone: 150.2 MB, CPU 1.060 s). The server keeps its own sizes (its workers'
 * young generations are sized on purpose, and it runs for long).
 *
 * Measured again once the lazy sides and the streaming writers had brought the 5 MB peak to 115 MB
 * (CLI, --format json -o, 5 to 11 interleaved runs, medians of CPU and peak RSS, a loaded 2-core
 * machine): a young generation let grow (factor 2, V8's default, or 4) costs CPU at 1 MB (+7%),
 * 5 MB (+6%) and 8 MB (+3%) and 18–31 MB of peak RSS, gains nothing on H.R. 1 (+18 MB), and gains
 * only on the 200,000 one-character lines (−8% CPU, +20 MB). Most of what a young collection finds
 * is the documents' trees as the parser builds them (about four fifths of the collections' time
 * falls while the documents are read), which survive whatever the young generation's size: a larger
 * one copies as much and touches more pages. The old generation grown 300% in place of 600%: even
 * at 1 MB, 5 MB and on H.R. 1, +6% CPU at 8 MB.
 *
 * A one-comparison process also inlines less: 100 bytes of bytecode inlined into each function
 * optimised, not 200. With the code cache, TurboFan's compiling is the largest part of the CLI's
 * instructions (30% at 1 MB, 26% on H.R. 1), and one comparison runs too briefly for the larger
 * inlined code to pay that back. Whole CLI, --format json, callgrind (--predictable
 * --predictable-gc-schedule, code cache made under the same flags): 1 MB pair 1,750.5 → 1,678.2 M
 * instructions, 5 MB pair 6,606.5 → 6,487.3 M, 119 H.R. 1 EH against P.L. 119-21 7,651.3 →
 * 7,315.4 M. The server keeps 200: its workers compile once and compare many times.
 */
import { createRequire } from 'node:module';

/** The flags, as `node` would take them on its command line. */
export const V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=200'];

/**
 * Added for a process that runs one comparison and exits (the CLI), from `MEMORY_TUNING_FROM_BYTES`:
 * the young generation no longer grows, and the old one grows 7 times (V8 reads both factors at each
 * growth, so they take effect when set, unlike the spaces' maximum sizes).
 */
export const ONE_COMPARISON_MEMORY_V8_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=600'];

/**
 * Added for a process that runs one comparison, from `INLINING_TUNING_FROM_BYTES`: less is inlined
 * (read at each optimisation; set after `V8_FLAGS`, so it replaces their 200).
 */
export const ONE_COMPARISON_INLINING_V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=100'];

/**
 * The inputs, in bytes all together, from which a one-comparison process tunes V8's memory
 * (`ONE_COMPARISON_MEMORY_V8_FLAGS`). Against tuning from 1 MiB, 9 interleaved runs, /usr/bin/time -v:
 * 200,000 one-character lines (two 400 KB texts, wdiff) peak RSS 211.1 → 199.4 MB, CPU 0.57 → 0.54 s;
 * two 300 KB statutes 71.9 → 68.6 MB, CPU 0.22 → 0.22 s. Two 50 KB texts lose (+30 ms CPU, +2 MB).
 */
export const MEMORY_TUNING_FROM_BYTES = 256 * 1024;

/**
 * The inputs, in bytes all together, from which the CLI limits V8's inlining (`V8_FLAGS`, and for one
 * comparison `ONE_COMPARISON_INLINING_V8_FLAGS`). From 256 KiB the inlining at 100 cost the
 * 200,000-line pair CPU (0.59 → 0.64 s, 7 interleaved runs, load 18).
 */
export const INLINING_TUNING_FROM_BYTES = 1024 * 1024;

/**
 * Added for a process that runs one comparison of many short lines (`MANY_SHORT_LINES`): the young
 * generation grows to its largest (16 MB semi-spaces) at its first collection that finds most of it
 * alive, not held at its start-up size (after the memory flags, so that it replaces their factor 1).
 * Short lines make a document's tree mostly small nodes that all live to the end, so that where a
 * statute's lines allocate mostly short-lived words, these allocate mostly tree: held at its start-up
 * size, V8 collected the young generation about every half megabyte, 210 times for 200,000
 * one-character lines (two 400 KB texts, wdiff), 255 ms of the run's 0.5 s, each collection copying
 * nodes that live on (grown: 10 collections, 50 ms). Measured (CLI, wdiff, interleaved runs, medians):
 * 200,000 one-character lines, 7 runs against the build without it, 0.46 → 0.37 s wall, 0.53 → 0.41 s
 * user CPU, peak RSS 183 → 200 MB (outputs byte-identical); with the flag given by hand, 3 runs each,
 * lines of 8 characters (two 800 KB texts, 177,000 lines) 0.49 → 0.37 s, of 16 characters (94,000
 * lines) 0.30 → 0.28 s (+25 MB), of 32 characters no gain (+26 MB). A statute's lines (110 bytes)
 * gain nothing and cost 30 MB more at 1 MB (the young generation's size given at start-up, 5 runs).
 */
export const MANY_SHORT_LINES_V8_FLAGS: readonly string[] = ['--semi-space-growth-factor=16'];

/** Inputs of at least `lines` lines, `bytesPerLine` bytes or fewer a line on average, are many short lines. */
export const MANY_SHORT_LINES = { lines: 50_000, bytesPerLine: 12 };

/**
 * Sets `V8_FLAGS` in this process (worker threads share them), and for a process that runs one
 * comparison the `ONE_COMPARISON_*` flags too, and `MANY_SHORT_LINES_V8_FLAGS` for many short lines.
 * Given `inputBytes` and `inputLines` (the CLI), each set applies only from its threshold. Call it before the first comparison.
 */
export function tuneV8(options: TuningOptions = {}): void {
  const flags = v8FlagsFor(options);
  if (flags.length === 0) return;
  // Required when called, not imported: a comparison too small to tune never loads node:v8.
  const { setFlagsFromString } = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  for (const flag of flags) setFlagsFromString(flag);
}

export interface TuningOptions {
  oneComparison?: boolean;
  inputBytes?: number;
  inputLines?: number;
}

/** The flags `tuneV8` sets, in order (a later one replaces an earlier one's value). */
export function v8FlagsFor(options: TuningOptions = {}): string[] {
  const bytes = options.inputBytes ?? Number.POSITIVE_INFINITY;
  const lines = options.inputLines ?? 0;
  const one = options.oneComparison === true;
  const manyShortLines = lines >= MANY_SHORT_LINES.lines && bytes <= lines * MANY_SHORT_LINES.bytesPerLine;
  return [
    ...(bytes >= INLINING_TUNING_FROM_BYTES ? V8_FLAGS : []),
    ...(one && bytes >= MEMORY_TUNING_FROM_BYTES ? ONE_COMPARISON_MEMORY_V8_FLAGS : []),
    ...(one && bytes >= INLINING_TUNING_FROM_BYTES ? ONE_COMPARISON_INLINING_V8_FLAGS : []),
    ...(one && manyShortLines ? MANY_SHORT_LINES_V8_FLAGS : []),
  ];
}
