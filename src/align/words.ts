import { diffArrays } from 'diff';
import type { WordChange } from '../types.js';
import { longestBlocks } from './longest-runs.js';
import { OUT_OF_TIME, type Side, sidesOf, Stopwatch, tooManyWords, type WordDiffLimit } from './word-sides.js';

/**
 * Options for the word diff inside one aligned pair of levels. Each rule of the markup grain is
 * an option, so that `npm run score` can choose and check them bill by bill (leave one bill out).
 */
export interface WordDiffOptions {
  /**
   * Below this share of kept words, the level is shown as deleted and re-inserted whole,
   * as a Legislative Counsel marks a substantially rewritten paragraph (0: never).
   * @default 0.3
   */
  rewriteThreshold?: number;
  /**
   * A kept run of at most this many words between two changes is absorbed into one phrase
   * change (0: none).
   * @default 4
   */
  absorbWords?: number;
  /** A kept run is absorbed only when it is no longer, in characters, than the changes on both sides. @default true */
  absorbShorter?: boolean;
  /**
   * With `absorbShorter`, the change before a kept run is the whole phrase absorbed so far (true),
   * or only the change next to the run (false), so that absorbing does not run on to the end of a
   * sentence once it starts. Both score alike held out on the benchmark; the second absorbs less
   * (never what the first would not), and a rule that runs on over-marks bills it never saw.
   * @default false
   */
  absorbCascade?: boolean;
  /** Keep the longest runs of kept words first (Ratcliff–Obershelp) rather than a minimal diff (Myers). @default true */
  longestRuns?: boolean;
  /**
   * Longest edit (in words) the word diff may search for before it gives up and shows a whole
   * replacement; bounds the time of one pair.
   * @default 2000
   */
  maxEditLength?: number;
  /**
   * Milliseconds one pair may take before it is shown as a whole replacement.
   * @default 250
   */
  timeout?: number;
}

export const defaultWordDiffOptions: Required<WordDiffOptions> = {
  rewriteThreshold: 0.3,
  absorbWords: 4,
  absorbShorter: true,
  absorbCascade: false,
  longestRuns: true,
  maxEditLength: 2000,
  timeout: 250,
};

/** A run of a diff: the old words `oldFrom` to `oldTo` and the new ones `newFrom` to `newTo` (one side empty unless kept). */
interface Run {
  op: 'equal' | 'delete' | 'insert';
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
}

function run(op: Run['op'], oldFrom: number, oldTo: number, newFrom: number, newTo: number): Run {
  return { op, oldFrom, oldTo, newFrom, newTo };
}

/**
 * Words of one side that share a fate, next to each other: deleted words are read from the old
 * side, inserted and kept ones from the new, a kept word spaced as on either side (the last word
 * of one text has no space after it): `oldFrom` is the old word the first one keeps.
 */
class Span {
  constructor(
    readonly op: WordChange['op'],
    readonly side: Side,
    readonly from: number,
    public to: number,
    readonly old: Side | undefined,
    readonly oldFrom: number,
  ) {}

  /** The white space after word `k` of the span. */
  space(k: number): string {
    const space = this.side.space(k);
    return space || !this.old ? space : this.old.space(this.oldFrom + k - this.from);
  }
}

/** A diff's runs as spans of words, in reading order. */
function spansOf(runs: Run[], a: Side, b: Side, clock: Stopwatch): Span[] {
  const spans: Span[] = [];
  for (const r of runs) {
    clock.tick();
    if (r.op === 'delete') spans.push(new Span('delete', a, r.oldFrom, r.oldTo, undefined, -1));
    else spans.push(new Span(r.op, b, r.newFrom, r.newTo, r.op === 'equal' ? a : undefined, r.oldFrom));
  }
  return spans;
}

/** The result of one word diff, with a flag when a budget cut it short. */
export interface WordDiffResult {
  changes: WordChange[];
  /** True when the pair was shown as a whole replacement because a budget ran out. */
  coarse: boolean;
  /** Why: the comparison's deadline passed (`time`), or the pair has more than `MAX_DIFF_WORDS` words (`size`). */
  stopped?: 'time' | 'size';
}

/**
 * Word diff of one level pair at the grain a Legislative Counsel marks a bill: whole words
 * with their punctuation, phrases rather than scattered words, and a rewritten level as one
 * deletion and one insertion.
 */
export function diffLevelWords(oldText: string, newText: string, options: WordDiffOptions = {}, limit?: WordDiffLimit): WordDiffResult {
  const settings = { ...defaultWordDiffOptions, ...options };
  if (oldText === newText) return { changes: oldText ? [{ op: 'equal', value: oldText }] : [], coarse: false };
  if (tooManyWords([oldText, newText])) return { changes: replaceWhole(oldText, newText), coarse: true, stopped: 'size' };
  const clock = new Stopwatch(limit);
  try {
    const [a, b] = sidesOf([oldText], [newText], clock);
    if (!a.length || !b.length) return { changes: replaceWhole(oldText, newText), coarse: false };
    const { runs, coarse } = diffSides(a, b, settings, clock);
    const spans = spansOf(runs, a, b, clock);
    if (rewritten(spans, settings)) return { changes: replaceWhole(oldText, newText), coarse };
    return { changes: spell(spans, clock), coarse };
  } catch (error) {
    if (error !== OUT_OF_TIME) throw error;
    return { changes: replaceWhole(oldText, newText), coarse: true, stopped: 'time' };
  }
}

/**
 * A line rewritten past recognition: fewer kept words than `rewriteThreshold` of the longer
 * side, and words changed on both sides (a pure insertion or deletion is marked as it is).
 */
function rewritten(spans: Span[], settings: Required<WordDiffOptions>): boolean {
  let kept = 0;
  let oldWords = 0;
  let newWords = 0;
  for (const { op, from, to } of spans) {
    const n = to - from;
    if (op === 'equal') kept += n;
    if (op !== 'insert') oldWords += n;
    if (op !== 'delete') newWords += n;
  }
  return oldWords > kept && newWords > kept && kept < settings.rewriteThreshold * Math.max(oldWords, newWords);
}

/** One line of a diff over several level lines: the new line it shows and the old lines it draws on. */
export interface RowDiff {
  /** Indexes of the old lines whose words appear here (kept or deleted). */
  oldRows: number[];
  /** Index of the new line shown here, if any. */
  newRow?: number;
  changes: WordChange[];
  coarse: boolean;
  /** As `WordDiffResult.stopped` (every row of a stopped diff carries it). */
  stopped?: 'time' | 'size';
}

/**
 * Word diff over a run of level lines whose structure changed (a paragraph split into
 * subparagraphs, a designation added), read as one text the way the Legislative Counsel marks
 * it, then cut back into lines at the new text's line breaks.
 */
export function diffRows(oldRows: string[], newRows: string[], options: WordDiffOptions = {}, limit?: WordDiffLimit): RowDiff[] {
  if (tooManyWords([...oldRows, ...newRows])) return wholeRows(oldRows, newRows, 'size');
  try {
    return diffRowsWithin(oldRows, newRows, { ...defaultWordDiffOptions, ...options }, new Stopwatch(limit));
  } catch (error) {
    if (error !== OUT_OF_TIME) throw error;
    return wholeRows(oldRows, newRows, 'time');
  }
}

/** The rows of a diff stopped short: the old lines deleted and the new ones inserted, each whole. */
function wholeRows(oldRows: string[], newRows: string[], stopped: 'time' | 'size'): RowDiff[] {
  return [
    ...oldRows.map((row, i): RowDiff => ({ oldRows: [i], changes: replaceWhole(row, ''), coarse: true, stopped })),
    ...newRows.map((row, i): RowDiff => ({ oldRows: [], newRow: i, changes: replaceWhole('', row), coarse: true, stopped })),
  ];
}

function diffRowsWithin(oldRows: string[], newRows: string[], settings: Required<WordDiffOptions>, clock: Stopwatch): RowDiff[] {
  const [a, b] = sidesOf(oldRows, newRows, clock);
  const { runs, coarse } = diffSides(a, b, settings, clock);
  interface Open {
    oldRows: number[];
    newRow?: number;
    spans: Span[];
  }
  const rows: Open[] = [];
  let current: Open | undefined;
  let lastOldRow = -1;
  const open = (): Open => {
    current = { oldRows: [], spans: [] };
    rows.push(current);
    return current;
  };
  for (const r of runs) {
    const deleted = r.op === 'delete';
    const side = deleted ? a : b;
    const [from, to] = deleted ? [r.oldFrom, r.oldTo] : [r.newFrom, r.newTo];
    for (let k = from; k < to; k++) {
      clock.tick();
      const oldK = r.op === 'equal' ? r.oldFrom + k - from : deleted ? k : -1;
      const tokenRow = side.row[k]!;
      let row = current;
      if (deleted) {
        // A deletion that starts an old line of its own, after a new line began, is a line of its own.
        if (!row || (tokenRow !== lastOldRow && side.first(k) && row.spans.length)) row = open();
      } else if (!row) {
        row = open();
        row.newRow = tokenRow;
      } else if (row.newRow === undefined) {
        row.newRow = tokenRow;
      } else if (row.newRow !== tokenRow) {
        row = open();
        row.newRow = tokenRow;
      }
      if (oldK !== -1) {
        const oldRow = a.row[oldK]!;
        if (!row.oldRows.includes(oldRow)) row.oldRows.push(oldRow);
        lastOldRow = oldRow;
      }
      const last = row.spans[row.spans.length - 1];
      if (last && last.op === r.op && last.to === k && (r.op !== 'equal' || last.oldFrom + k - last.from === oldK)) last.to++;
      else row.spans.push(new Span(r.op, side, k, k + 1, r.op === 'equal' ? a : undefined, oldK));
    }
  }
  return rows.map((row) => {
    const changes = rewritten(row.spans, settings) ? replaceWhole(spellSide(row.spans, 'insert', clock), spellSide(row.spans, 'delete', clock)) : spell(row.spans, clock);
    const out: RowDiff = { oldRows: row.oldRows, changes, coarse };
    if (row.newRow !== undefined) out.newRow = row.newRow;
    return out;
  });
}

/** Myers (or longest-runs) diff of the words' numbers of two sides, common ends trimmed, then phrase merging. */
function diffSides(a: Side, b: Side, settings: Required<WordDiffOptions>, clock: Stopwatch): { runs: Run[]; coarse: boolean } {
  const na = a.length;
  const nb = b.length;
  const idsA = a.ids;
  const idsB = b.ids;
  let pre = 0;
  while (pre < na && pre < nb && idsA[pre] === idsB[pre]) pre++;
  let suf = 0;
  while (suf < na - pre && suf < nb - pre && idsA[na - 1 - suf] === idsB[nb - 1 - suf]) suf++;
  const runs: Run[] = [];
  if (pre) runs.push(run('equal', 0, pre, 0, pre));
  let coarse = false;
  const [endA, endB] = [na - suf, nb - suf];
  if (endA > pre && endB > pre) {
    const midA = idsA.slice(pre, endA);
    const midB = idsB.slice(pre, endB);
    const diff =
      (settings.longestRuns ? longestBlocks(midA, midB, clock) : undefined) ??
      diffArrays(midA, midB, { maxEditLength: settings.maxEditLength, timeout: clock.left(settings.timeout) });
    if (!diff && clock.past()) throw OUT_OF_TIME;
    if (!diff) {
      coarse = true;
      runs.push(run('delete', pre, endA, pre, pre), run('insert', endA, endA, pre, endB));
    } else {
      let i = pre;
      let j = pre;
      for (const part of diff) {
        const n = part.count;
        if (part.added) {
          runs.push(run('insert', i, i, j, j + n));
          j += n;
        } else if (part.removed) {
          runs.push(run('delete', i, i + n, j, j));
          i += n;
        } else {
          runs.push(run('equal', i, i + n, j, j + n));
          i += n;
          j += n;
        }
      }
    }
  } else {
    if (endA > pre) runs.push(run('delete', pre, endA, pre, pre));
    if (endB > pre) runs.push(run('insert', endA, endA, pre, endB));
  }
  if (suf) runs.push(run('equal', endA, na, endB, nb));
  return { runs: mergePhrases(runs, a, b, settings, clock), coarse };
}

/**
 * Joins changes separated by a short run of kept words into one phrase change (the Legislative
 * Counsel strikes and inserts phrases): see `shouldAbsorb`. One pass, O(n). A run's words are
 * contiguous on each side, so joining runs joins their ranges.
 */
function mergePhrases(runs: Run[], a: Side, b: Side, settings: Required<WordDiffOptions>, clock: Stopwatch): Run[] {
  // `last`: the change a phrase ends with, before it absorbed anything (for `absorbCascade: false`).
  type Block = { equal: boolean; range: Run; last?: Run };
  const stack: Block[] = [];
  for (const r of runs) {
    clock.tick();
    const equal = r.op === 'equal';
    const top = stack[stack.length - 1];
    if (top && top.equal === equal) {
      top.range.oldTo = r.oldTo;
      top.range.newTo = r.newTo;
    } else stack.push({ equal, range: { ...r } });
    while (stack.length >= 3) {
      const after = stack[stack.length - 1]!;
      const eq = stack[stack.length - 2]!;
      const before = stack[stack.length - 3]!;
      if (after.equal || !eq.equal || before.equal) break;
      if (!shouldAbsorb(eq.range, settings.absorbCascade ? before.range : (before.last ?? before.range), after.range, a, b, settings)) break;
      stack.length -= 3;
      const last = after.last ?? after.range;
      stack.push({ equal: false, range: run('delete', before.range.oldFrom, after.range.oldTo, before.range.newFrom, after.range.newTo), last });
    }
  }
  const out: Run[] = [];
  for (const { equal, range: r } of stack) {
    if (equal) out.push(run('equal', r.oldFrom, r.oldTo, r.newFrom, r.newTo));
    else {
      if (r.oldTo > r.oldFrom) out.push(run('delete', r.oldFrom, r.oldTo, r.newFrom, r.newFrom));
      if (r.newTo > r.newFrom) out.push(run('insert', r.oldTo, r.oldTo, r.newFrom, r.newTo));
    }
  }
  return out;
}

/**
 * A kept run between two changes is absorbed when it is a few words (with `absorbShorter`, no
 * longer in characters than either change around it).
 */
function shouldAbsorb(kept: Run, before: Run, after: Run, a: Side, b: Side, settings: Required<WordDiffOptions>): boolean {
  if (kept.oldTo - kept.oldFrom > settings.absorbWords) return false;
  if (!settings.absorbShorter) return true;
  const side = (x: Run) => Math.max(a.chars(x.oldFrom, x.oldTo), b.chars(x.newFrom, x.newTo));
  return a.chars(kept.oldFrom, kept.oldTo) <= Math.min(side(before), side(after));
}

/**
 * Word changes from spans of words: each word with the white space after it, which goes with
 * its span when the next word has the same fate, and is kept (it separates them) when not. The
 * words of a span on one line are one piece of its text. With `as`, every span is spelled as
 * that op (one side's text).
 */
function spell(spans: Span[], clock: Stopwatch, as?: WordChange['op']): WordChange[] {
  const out: WordChange[] = [];
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s]!;
    const next = spans[s + 1];
    const op = as ?? span.op;
    const side = span.side;
    for (let k = span.from; k < span.to; ) {
      clock.tick();
      // The words of the span on this line, and the white space between them.
      const row = side.row[k]!;
      let e = k;
      while (e + 1 < span.to && side.row[e + 1] === row) e++;
      push(out, op, side.rows[row]!.slice(side.start[k], side.end[e]));
      const space = span.space(e);
      if (e + 1 < span.to) push(out, op, space);
      // A deletion and the insertion that replaces it are kept apart by a space, even at the end of a text.
      else if (next) push(out, (as ?? next.op) === op ? op : 'equal', space || (op === 'delete' && next.op === 'insert' ? ' ' : ''));
      k = e + 1;
    }
  }
  return out;
}

/** Adds a piece of text to word changes, joined to the last change when it has the same op. */
function push(out: WordChange[], op: WordChange['op'], value: string): void {
  if (!value) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.value += value;
  else out.push({ op, value });
}

/** One side's text of spans: every span but those of the other side's op. */
function spellSide(spans: Span[], leaveOut: WordChange['op'], clock: Stopwatch): string {
  return spell(
    spans.filter((span) => span.op !== leaveOut),
    clock,
    'equal',
  )
    .map((c) => c.value)
    .join('');
}

function replaceWhole(oldText: string, newText: string): WordChange[] {
  const out: WordChange[] = [];
  if (oldText) out.push({ op: 'delete', value: oldText });
  if (oldText && newText) out.push({ op: 'equal', value: ' ' });
  if (newText) out.push({ op: 'insert', value: newText });
  return out;
}
