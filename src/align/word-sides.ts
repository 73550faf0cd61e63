/**
 * The words of a word diff's two sides (`words.ts`): each text read into words by a scan of its
 * characters and numbered in one table, with the limits a diff reads them under (how many words,
 * until when).
 */

import { isWhiteSpace } from '../util/white-space.js';

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
export function tooManyWords(texts: string[]): boolean {
  let left = MAX_DIFF_WORDS + 1;
  // (A word takes a character and a space: only long texts can hold too many.)
  if (texts.reduce((n, t) => n + t.length, 0) < MAX_DIFF_WORDS) return false;
  for (const text of texts) if ((left -= countWords(text, left)) <= 0) return true;
  return false;
}

/** Thrown inside a word diff when its limit has passed; the diff then shows a whole replacement. */
export const OUT_OF_TIME = Symbol('out of time');

/** Counts the steps of a word diff and looks at the clock every few thousand of them. */
export class Stopwatch {
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

/**
 * The words of one side of a word diff, by index, with no object a word: the line (row) each is
 * in, where it starts and ends there and where the white space after it ends, and its number
 * (equal words, equal numbers: the diff compares numbers).
 */
export class Side {
  readonly row: number[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly next: number[] = [];
  readonly ids: number[] = [];
  /** Characters of the words before each word (`chars(from, to)`), one more entry than words. */
  private readonly before: number[] = [0];

  constructor(readonly rows: string[]) {}

  get length(): number {
    return this.ids.length;
  }

  /** Reads a row's words (as `/(\S+)(\s*)/g` reads them, by a scan of its characters), numbering them in `table`. */
  read(row: number, table: Map<string, number>, clock: Stopwatch): void {
    const text = this.rows[row]!;
    const n = text.length;
    let i = 0;
    while (i < n && isWhiteSpace(text.charCodeAt(i))) i++;
    while (i < n) {
      const start = i;
      while (i < n && !isWhiteSpace(text.charCodeAt(i))) i++;
      const end = i;
      while (i < n && isWhiteSpace(text.charCodeAt(i))) i++;
      clock.tick();
      const word = text.slice(start, end);
      let id = table.get(word);
      if (id === undefined) {
        id = table.size;
        table.set(word, id);
      }
      this.row.push(row);
      this.start.push(start);
      this.end.push(end);
      this.next.push(i);
      this.ids.push(id);
      this.before.push(this.before[this.before.length - 1]! + end - start);
    }
  }

  /** The first word of its row. */
  first(k: number): boolean {
    return k === 0 || this.row[k - 1] !== this.row[k];
  }

  /** The white space after word `k`. */
  space(k: number): string {
    return this.rows[this.row[k]!]!.slice(this.end[k], this.next[k]);
  }

  /** Characters of the words `from` to `to` (white space left out). */
  chars(from: number, to: number): number {
    return this.before[to]! - this.before[from]!;
  }
}

/** The sides of a diff read from rows, their words numbered in one table. */
export function sidesOf(oldRows: string[], newRows: string[], clock: Stopwatch): [Side, Side] {
  const table = new Map<string, number>();
  const a = new Side(oldRows);
  const b = new Side(newRows);
  for (let i = 0; i < oldRows.length; i++) a.read(i, table, clock);
  for (let i = 0; i < newRows.length; i++) b.read(i, table, clock);
  return [a, b];
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
