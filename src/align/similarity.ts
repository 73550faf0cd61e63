import type { Content } from '../types.js';
import { rankOf } from '../parse/designation.js';
import { childLevelCount, rowBody, subtreeBody } from './level-text.js';
import type { Context } from './context.js';
import { countWords } from './word-sides.js';

/**
 * A multiset of words, for the similarity of two levels: each word (letters and digits, letter
 * case aside) by a 30-bit hash of it, with its count, in the order first seen. Two words sharing a
 * hash (a few in a million word pairs) would count as one: a similarity, not an equality.
 */
export interface Bag {
  counts: Map<number, number>;
  size: number;
}

/** Most words read from one level for its bag; enough to tell levels apart, and bounded. */
const MAX_WORDS = 600;

/** A letter or digit outside ASCII. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** The words of a text (runs of letters and digits), read in one pass over its characters. */
export function bagOf(text: string): Bag {
  const counts = new Map<number, number>();
  let size = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i <= text.length && size < MAX_WORDS; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    let lower = -1;
    if (c < 128) {
      if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) lower = c >= 65 && c <= 90 ? c | 32 : c;
    } else {
      const point = text.codePointAt(i)!;
      const ch = String.fromCodePoint(point);
      if (WORD_CHAR.test(ch)) {
        if (point > 0xffff) i++;
        if (!inWord) h = 0x811c9dc5;
        // A letter whose lower case is several characters is hashed as all of them.
        const low = ch.toLowerCase();
        for (let k = 0; k < low.length; k++) h = Math.imul(h ^ low.charCodeAt(k), 0x01000193);
        inWord = true;
        continue;
      }
    }
    if (lower >= 0) {
      if (!inWord) h = 0x811c9dc5;
      h = Math.imul(h ^ lower, 0x01000193);
      inWord = true;
    } else if (inWord) {
      const key = (h ^ (h >>> 15)) & 0x3fffffff;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      size++;
      inWord = false;
    }
  }
  return { counts, size };
}

/** Dice's coefficient of two word multisets: 1 for the same words, 0 for none shared. */
export function dice(a: Bag, b: Bag): number {
  if (!a.size && !b.size) return 1;
  if (!a.size || !b.size) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  small.counts.forEach((n, w) => {
    const other = large.counts.get(w);
    if (other) shared += Math.min(n, other);
  });
  return (2 * shared) / (a.size + b.size);
}

/**
 * Whether `dice(a, b) >= threshold`, without comparing the words when the sizes alone rule it out
 * (the words shared are at most the smaller bag's).
 */
export function diceAtLeast(a: Bag, b: Bag, threshold: number): boolean {
  if (diceBound(a, b) < threshold) return false;
  return dice(a, b) >= threshold;
}

/** Characters of a subtree read for its word bag (the bag itself stops at 600 words). */
const BAG_SAMPLE_CHARS = 8000;

/**
 * Lines of a subtree for its word bag: all of a small one; of a large one (a title of an
 * omnibus), lines taken evenly across it, so its bag speaks for the whole and not its opening.
 */
function sampleBody(node: Content): string[] {
  const lines = subtreeBody(node, [], BAG_SAMPLE_CHARS * 8);
  const total = lines.reduce((n, l) => n + l.length, 0);
  if (total <= BAG_SAMPLE_CHARS) return lines;
  const step = total / BAG_SAMPLE_CHARS;
  const out: string[] = [];
  let next = 0;
  let at = 0;
  for (const line of lines) {
    if (at >= next) {
      out.push(line);
      next += step * line.length;
    }
    at += line.length;
  }
  return out;
}

/** Words of a level's subtree, designations left out, for similarity (bounded: see bagOf). */
export function bag(node: Content, ctx: Context): Bag {
  let b = ctx.bags.get(node);
  if (!b) {
    b = bagOf(sampleBody(node).join('\n'));
    ctx.bags.set(node, b);
  }
  return b;
}

/** What `likeness` reads of a level, read once when the level is compared with many others. */
export interface Likeness {
  node: Content;
  bag: Bag;
  /** Its own line, without its designation. */
  row: string;
  /** The line holds at least three words. */
  longRow: boolean;
  /** Words of the line (`rowBag`), once asked for. */
  rowBag?: Bag;
  /** The level has sublevels. */
  parent: boolean;
  /** Words of its heading, when it has one (`sameHeading`). */
  heading?: Bag;
}

export function likenessOf(node: Content, ctx: Context): Likeness {
  const row = rowBody(node);
  const out: Likeness = { node, bag: bag(node, ctx), row, longRow: countWords(row, 3) >= 3, parent: childLevelCount(node) > 0 };
  if (node.type === 'level' && node.heading) out.heading = bagOf(node.heading);
  return out;
}

/**
 * How alike two levels are (from what was read of them): their own lines' words where both have a
 * line of some length (so that a level is not paired by the sublevels it gained), else their
 * whole subtrees'. Below `pairThreshold` the value says only that: two bags whose sizes alone keep
 * them below it are not compared word by word.
 */
export function likeness(x: Likeness, y: Likeness, ctx: Context): number {
  const a = x.node;
  const b = y.node;
  const threshold = ctx.options.pairThreshold;
  const headed = a.type === 'level' && b.type === 'level' && a.kind === b.kind && rankOf(a.kind) < rankOf('subdivision');
  // (A section's similarity counts from 0.2 on, below.)
  let whole = diceBound(x.bag, y.bag) < (headed ? Math.min(0.2, threshold) : threshold) ? 0 : dice(x.bag, y.bag);
  // A title, part or section that keeps its designation is the same level, however rewritten
  // (a word sample of a large title can miss what it kept): it pairs unless a better match exists.
  // A level with the same heading is the same level too.
  if (headed) {
    const sameNum = a.num !== undefined && a.num.value === b.num?.value;
    const headings = x.heading && y.heading ? headingLikeness(x.heading, y.heading) : 0;
    if ((sameNum && (headings >= 0.3 || whole >= 0.2)) || headings >= 0.8) whole = Math.max(whole, threshold + 0.05);
  }
  if (!x.longRow || !y.longRow || (!x.parent && !y.parent)) return whole;
  x.rowBag ??= rowBag(a, x.row, ctx);
  y.rowBag ??= rowBag(b, y.row, ctx);
  if (diceBound(x.rowBag, y.rowBag) < threshold) return whole;
  return Math.max(whole, dice(x.rowBag, y.rowBag));
}

/** The most `dice` of two bags can be, from their sizes alone (the words shared are at most the smaller bag's). */
function diceBound(a: Bag, b: Bag): number {
  return (2 * Math.min(a.size, b.size)) / (a.size + b.size);
}

/** How alike two headings are, letter case aside (enrolled bills print them in capitals). */
export function sameHeading(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0;
  return headingLikeness(bagOf(a), bagOf(b));
}

function headingLikeness(x: Bag, y: Bag): number {
  return x.size >= 2 && y.size >= 2 ? dice(x, y) : 0;
}

/** Words of a level's own line (cached). */
export function rowBag(node: Content, row: string, ctx: Context): Bag {
  let b = ctx.rowBags.get(node);
  if (!b) {
    b = bagOf(row);
    ctx.rowBags.set(node, b);
  }
  return b;
}
