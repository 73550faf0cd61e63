import { diffArrays } from 'diff';
import type { WordChange } from '../types.js';
import { pushAll } from '../util/arrays.js';
import { isWhiteSpace } from '../util/white-space.js';
import { longestBlocks } from './longest-runs.js';

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

/** When a word diff must stop (the comparison's deadline, on `now`'s clock). */
export interface WordDiffLimit {
  at: number;
  now: () => number;
}

/**
 * Most words one word diff reads, both sides together (each costs some 60 bytes while it is
 * diffed): a longer pair is shown as a whole replacement, so that memory stays bounded.
 */
export const MAX_DIFF_WORDS = 1_000_000;

/** Whether texts hold more than `MAX_DIFF_WORDS` words together (counted no further). */
function tooManyWords(texts: string[]): boolean {
  let left = MAX_DIFF_WORDS + 1;
  // (A word takes a character and a space: only long texts can hold too many.)
  if (texts.reduce((n, t) => n + t.length, 0) < MAX_DIFF_WORDS) return false;
  for (const text of texts) if ((left -= countWords(text, left)) <= 0) return true;
  return false;
}

/** Thrown inside a word diff when its limit has passed; the diff then shows a whole replacement. */
const OUT_OF_TIME = Symbol('out of time');

/** Counts the steps of a word diff and looks at the clock every few thousand of them. */
class Stopwatch {
  private steps = 0;
  constructor(private readonly limit: WordDiffLimit | undefined) {}

  tick(): void {
    if ((++this.steps & 4095) === 0 && this.limit && this.limit.now() > this.limit.at) throw OUT_OF_TIME;
  }

  /** Milliseconds left, at most `cap`. */
  left(cap: number): number {
    return this.limit ? Math.max(1, Math.min(cap, this.limit.at - this.limit.now())) : cap;
  }

  past(): boolean {
    return this.limit !== undefined && this.limit.now() > this.limit.at;
  }
}

/** A word with the white space that follows it, and the row (level line) it came from. */
interface Token {
  word: string;
  space: string;
  row: number;
  /** The first word of its row. */
  first: boolean;
}

/** The words of a text, each with the white space after it (as `/(\S+)(\s*)/g` reads them), by a scan of its characters. */
function tokenize(text: string, row: number, tokens: Token[], clock: Stopwatch): Token[] {
  const n = text.length;
  let i = 0;
  while (i < n && isWhiteSpace(text.charCodeAt(i))) i++;
  let first = true;
  while (i < n) {
    const start = i;
    while (i < n && !isWhiteSpace(text.charCodeAt(i))) i++;
    const end = i;
    while (i < n && isWhiteSpace(text.charCodeAt(i))) i++;
    clock.tick();
    tokens.push({ word: text.slice(start, end), space: text.slice(end, i), row, first });
    first = false;
  }
  return tokens;
}

interface Run {
  op: 'equal' | 'delete' | 'insert';
  old: Token[];
  new: Token[];
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
    const a = tokenize(oldText, 0, [], clock);
    const b = tokenize(newText, 0, [], clock);
    if (!a.length || !b.length) return { changes: replaceWhole(oldText, newText), coarse: false };
    const { runs, coarse } = diffTokens(a, b, settings, clock);
    const items = itemsOf(runs, clock);
    if (rewritten(items, settings)) return { changes: replaceWhole(oldText, newText), coarse };
    return { changes: spell(items, clock), coarse };
  } catch (error) {
    if (error !== OUT_OF_TIME) throw error;
    return { changes: replaceWhole(oldText, newText), coarse: true, stopped: 'time' };
  }
}

/**
 * A line rewritten past recognition: fewer kept words than `rewriteThreshold` of the longer
 * side, and words changed on both sides (a pure insertion or deletion is marked as it is).
 */
function rewritten(items: Item[], settings: Required<WordDiffOptions>): boolean {
  let kept = 0;
  let oldWords = 0;
  let newWords = 0;
  for (const { op } of items) {
    if (op === 'equal') kept++;
    if (op !== 'insert') oldWords++;
    if (op !== 'delete') newWords++;
  }
  return oldWords > kept && newWords > kept && kept < settings.rewriteThreshold * Math.max(oldWords, newWords);
}

function itemsOf(runs: Run[], clock: Stopwatch): Item[] {
  const items: Item[] = [];
  for (const run of runs) {
    (run.op === 'delete' ? run.old : run.new).forEach((token, k) => {
      clock.tick();
      items.push(itemOf(run, token, k));
    });
  }
  return items;
}

/** A token of a run; a kept word is spaced as on either side (the last word of one text has no space after it). */
function itemOf(run: Run, token: Token, k: number): Item {
  if (run.op !== 'equal' || token.space) return { op: run.op, token };
  return { op: run.op, token: { ...token, space: run.old[k]!.space } };
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

/** A token of a diff and what happened to it. */
interface Item {
  op: WordChange['op'];
  token: Token;
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
  const a: Token[] = [];
  const b: Token[] = [];
  oldRows.forEach((row, i) => tokenize(row, i, a, clock));
  newRows.forEach((row, i) => tokenize(row, i, b, clock));
  const { runs, coarse } = diffTokens(a, b, settings, clock);
  interface Open {
    oldRows: number[];
    newRow?: number;
    items: Item[];
  }
  const rows: Open[] = [];
  let current: Open | undefined;
  let lastOldRow = -1;
  const open = (): Open => {
    current = { oldRows: [], items: [] };
    rows.push(current);
    return current;
  };
  for (const run of runs) {
    const tokens = run.op === 'delete' ? run.old : run.new;
    tokens.forEach((token, k) => {
      clock.tick();
      const oldToken = run.op === 'equal' ? run.old[k]! : run.op === 'delete' ? token : undefined;
      let row = current;
      if (run.op === 'delete') {
        // A deletion that starts an old line of its own, after a new line began, is a line of its own.
        if (!row || (token.row !== lastOldRow && token.first && row.items.length)) row = open();
      } else if (!row) {
        row = open();
        row.newRow = token.row;
      } else if (row.newRow === undefined) {
        row.newRow = token.row;
      } else if (row.newRow !== token.row) {
        row = open();
        row.newRow = token.row;
      }
      if (oldToken) {
        if (!row.oldRows.includes(oldToken.row)) row.oldRows.push(oldToken.row);
        lastOldRow = oldToken.row;
      }
      row.items.push(itemOf(run, token, k));
    });
  }
  return rows.map((row) => {
    const changes = rewritten(row.items, settings) ? replaceWhole(spellSide(row.items, 'insert', clock), spellSide(row.items, 'delete', clock)) : spell(row.items, clock);
    const out: RowDiff = { oldRows: row.oldRows, changes, coarse };
    if (row.newRow !== undefined) out.newRow = row.newRow;
    return out;
  });
}

/** Myers (or longest-runs) diff of two token streams, common ends trimmed, then phrase merging. */
function diffTokens(a: Token[], b: Token[], settings: Required<WordDiffOptions>, clock: Stopwatch): { runs: Run[]; coarse: boolean } {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre]!.word === b[pre]!.word) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf]!.word === b[b.length - 1 - suf]!.word) suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const runs: Run[] = [];
  if (pre) runs.push({ op: 'equal', old: a.slice(0, pre), new: b.slice(0, pre) });
  let coarse = false;
  if (midA.length && midB.length) {
    const wordsA = midA.map((t) => t.word);
    const wordsB = midB.map((t) => t.word);
    const diff =
      (settings.longestRuns ? longestBlocks(wordsA, wordsB, clock) : undefined) ??
      diffArrays(wordsA, wordsB, { maxEditLength: settings.maxEditLength, timeout: clock.left(settings.timeout) });
    if (!diff && clock.past()) throw OUT_OF_TIME;
    if (!diff) {
      coarse = true;
      runs.push({ op: 'delete', old: midA, new: [] }, { op: 'insert', old: [], new: midB });
    } else {
      let i = 0;
      let j = 0;
      for (const part of diff) {
        const n = part.count ?? part.value.length;
        if (part.added) {
          runs.push({ op: 'insert', old: [], new: midB.slice(j, j + n) });
          j += n;
        } else if (part.removed) {
          runs.push({ op: 'delete', old: midA.slice(i, i + n), new: [] });
          i += n;
        } else {
          runs.push({ op: 'equal', old: midA.slice(i, i + n), new: midB.slice(j, j + n) });
          i += n;
          j += n;
        }
      }
    }
  } else {
    if (midA.length) runs.push({ op: 'delete', old: midA, new: [] });
    if (midB.length) runs.push({ op: 'insert', old: [], new: midB });
  }
  if (suf) runs.push({ op: 'equal', old: a.slice(a.length - suf), new: b.slice(b.length - suf) });
  return { runs: mergePhrases(runs, settings, clock), coarse };
}

/**
 * Joins changes separated by a short run of kept words into one phrase change (the Legislative
 * Counsel strikes and inserts phrases): see `shouldAbsorb`. One pass, O(n).
 */
function mergePhrases(runs: Run[], settings: Required<WordDiffOptions>, clock: Stopwatch): Run[] {
  // `last`: the change a phrase ends with, before it absorbed anything (for `absorbCascade: false`).
  type Block = { equal: boolean; old: Token[]; new: Token[]; last?: { old: Token[]; new: Token[] } };
  const stack: Block[] = [];
  for (const run of runs) {
    clock.tick();
    const equal = run.op === 'equal';
    const top = stack[stack.length - 1];
    if (top && top.equal === equal) {
      pushAll(top.old, run.old);
      pushAll(top.new, run.new);
    } else stack.push({ equal, old: [...run.old], new: [...run.new] });
    while (stack.length >= 3) {
      const after = stack[stack.length - 1]!;
      const eq = stack[stack.length - 2]!;
      const before = stack[stack.length - 3]!;
      if (after.equal || !eq.equal || before.equal) break;
      if (!shouldAbsorb(eq.old, settings.absorbCascade ? before : (before.last ?? before), after, settings)) break;
      stack.length -= 3;
      const last = after.last ?? { old: after.old, new: after.new };
      stack.push({ equal: false, old: [...before.old, ...eq.old, ...after.old], new: [...before.new, ...eq.new, ...after.new], last });
    }
  }
  const out: Run[] = [];
  for (const block of stack) {
    if (block.equal) out.push({ op: 'equal', old: block.old, new: block.new });
    else {
      if (block.old.length) out.push({ op: 'delete', old: block.old, new: [] });
      if (block.new.length) out.push({ op: 'insert', old: [], new: block.new });
    }
  }
  return out;
}

/**
 * A kept run between two changes is absorbed when it is a few words (with `absorbShorter`, no
 * longer in characters than either change around it).
 */
function shouldAbsorb(kept: Token[], before: { old: Token[]; new: Token[] }, after: { old: Token[]; new: Token[] }, settings: Required<WordDiffOptions>): boolean {
  if (kept.length > settings.absorbWords) return false;
  if (!settings.absorbShorter) return true;
  const chars = (tokens: Token[]) => tokens.reduce((n, t) => n + t.word.length, 0);
  const side = (x: { old: Token[]; new: Token[] }) => Math.max(chars(x.old), chars(x.new));
  return chars(kept) <= Math.min(side(before), side(after));
}

/**
 * Word changes from a sequence of tokens: each token with the white space after it, which goes
 * with its run when the next token has the same fate, and is kept (it separates them) when not.
 */
function spell(items: Item[], clock: Stopwatch): WordChange[] {
  const out: WordChange[] = [];
  const push = (op: WordChange['op'], value: string) => {
    if (!value) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.value += value;
    else out.push({ op, value });
  };
  items.forEach(({ op, token }, k) => {
    clock.tick();
    push(op, token.word);
    const next = items[k + 1];
    // A deletion and the insertion that replaces it are kept apart by a space, even at the end of a text.
    if (next) push(next.op === op ? op : 'equal', token.space || (op === 'delete' && next.op === 'insert' ? ' ' : ''));
  });
  return out;
}

/** One side's text of a run of tokens: every token but those of the other side's op. */
function spellSide(items: Item[], leaveOut: WordChange['op'], clock: Stopwatch): string {
  return spell(
    items.filter((i) => i.op !== leaveOut).map((i) => ({ op: 'equal' as const, token: i.token })),
    clock,
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

/** Number of words in a text (counting stops at `atMost`). */
export function countWords(value: string, atMost = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < value.length && n < atMost; i++) {
    const c = value.charCodeAt(i);
    // Space, tab, line ends, form feed, vertical tab and no-break space; a letter takes two comparisons.
    const space = c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
