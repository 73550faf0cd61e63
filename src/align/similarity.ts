import type { Content } from '../types.js';
import { rankOf } from '../parse/designation.js';
import { childLevelCount, forEachChildLevel, inlineText, rowBody, rowBodyLength } from './level-text.js';
import type { Context } from './context.js';
import { countWords } from './words.js';

/**
 * A multiset of words, for the similarity of two levels: each word (letters and digits, letter
 * case aside) by a 30-bit hash of it. Two words sharing a hash (a few in a million word pairs)
 * would count as one: a similarity, not an equality.
 */
export interface Bag {
  /** The hashes in reading order, a word as often as it occurs. */
  words: Int32Array;
  /** The same hashes in increasing order: the words two bags share are counted by one merge. */
  sorted: Int32Array;
  size: number;
}

/** Most words read from one level for its bag; enough to tell levels apart, and bounded. */
const MAX_WORDS = 600;

/** A letter or digit outside ASCII. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * Reads words (runs of letters and digits) into a bag, from one text or several (each ends a
 * word, as a line break would), in one pass over their characters, until `MAX_WORDS`.
 */
class BagReader {
  private readonly hashes = new Int32Array(MAX_WORDS);
  private size = 0;

  get full(): boolean {
    return this.size >= MAX_WORDS;
  }

  read(text: string): void {
    let size = this.size;
    const hashes = this.hashes;
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
        hashes[size++] = (h ^ (h >>> 15)) & 0x3fffffff;
        inWord = false;
      }
    }
    this.size = size;
  }

  /** The bag read so far; the reader starts again empty. */
  take(): Bag {
    const words = this.hashes.slice(0, this.size);
    this.size = 0;
    return { words, sorted: words.slice().sort(), size: words.length };
  }
}

const reader = new BagReader();

/** The words of a text (runs of letters and digits). */
export function bagOf(text: string): Bag {
  reader.read(text);
  return reader.take();
}

/** Each word of a bag once, in the order first read. */
export function distinctWords(bag: Bag): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < bag.words.length; i++) seen.add(bag.words[i]!);
  return [...seen];
}

/** Dice's coefficient of two word multisets: 1 for the same words, 0 for none shared. */
export function dice(a: Bag, b: Bag): number {
  if (!a.size && !b.size) return 1;
  if (!a.size || !b.size) return 0;
  const x = a.sorted;
  const y = b.sorted;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const u = x[i]!;
    const v = y[j]!;
    if (u === v) {
      shared++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
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

/** Characters of a subtree's lines looked at for its sample: those of the lines past it are not. */
const BAG_SCAN_CHARS = BAG_SAMPLE_CHARS * 8;

/**
 * The levels of a subtree whose lines make its word bag, and those lines' lengths (see
 * `subtreeBody`, whose lines these are, without making them): all of a small subtree; of a
 * large one (a title of an omnibus), lines taken evenly across it, so that its bag speaks for the
 * whole and not its opening.
 */
const sampleNodes: Content[] = [];
const sampleLengths: number[] = [];

function sampleBody(node: Content): number {
  sampleNodes.length = 0;
  sampleLengths.length = 0;
  let budget = BAG_SCAN_CHARS;
  let total = 0;
  const walk = (n: Content): void => {
    if (budget <= 0) return;
    const length = rowBodyLength(n);
    if (length) {
      sampleNodes.push(n);
      sampleLengths.push(length);
      budget -= length;
      total += length;
    }
    forEachChildLevel(n, walk);
  };
  walk(node);
  if (total <= BAG_SAMPLE_CHARS) return sampleNodes.length;
  const step = total / BAG_SAMPLE_CHARS;
  let kept = 0;
  let next = 0;
  let at = 0;
  for (let k = 0; k < sampleNodes.length; k++) {
    const length = sampleLengths[k]!;
    if (at >= next) {
      sampleNodes[kept++] = sampleNodes[k]!;
      next += step * length;
    }
    at += length;
  }
  return kept;
}

/** Words of a level's subtree, designations left out, for similarity (bounded: see bagOf). */
export function bag(node: Content, ctx: Context): Bag {
  let b = ctx.bags.get(node);
  if (!b) {
    // The sampled lines read one after another: the words of `lines.join('\n')`, without the string.
    const count = sampleBody(node);
    for (let k = 0; k < count && !reader.full; k++) {
      const n = sampleNodes[k]!;
      if (n.type !== 'level') reader.read(n.value);
      else {
        // `heading text`: the space between them ends a word, as reading them apart does.
        if (n.heading) reader.read(n.heading);
        const inline = inlineText(n);
        if (inline && inline.type !== 'level' && inline.value) reader.read(inline.value);
      }
    }
    sampleNodes.length = 0;
    b = reader.take();
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
