import type { Content } from '../types.js';
import { bodyOf, childLevelCount, hasSublevels, inlineText, rowBody } from './level-text.js';
import type { Context } from './context.js';

/**
 * Content keys: a level's own words and its sublevels' keys, designations left out, so that a
 * renumbered level keeps its key. A line's key is a 51-bit hash of its characters (`lineHash`),
 * worked out in one pass over them, with no table: a table of every different line of both texts
 * (a Map from line to number, as before) held 1.8 MB at 5 MB, and the tables it outgrew, to the end of
 * the alignment, and cost more time than the hash (the 5 MB pair, alignTrees in process, 5 A/B runs:
 * 538–585 → 509–551 ms CPU, heap 76.9 → 75.1 MB). A level with sublevels has a 53-bit hash of
 * its line's key and its sublevels' keys, computed bottom-up, once per level: no subtree text is
 * concatenated, and keys compare as numbers. The first key asked for of a level computes those of
 * every level under it. (Keys of leaves are worked out again when asked, not kept: see `computeKey`.)
 *
 * Two different lines, or levels, could share a key (lines: about two chances in a million for a
 * hundred thousand different lines; levels: one in 10¹⁰); a pair that comes of it is checked
 * (`sameContent`) before it is taken as unchanged or moved.
 */
export function keyOf(node: Content, ctx: Context): number {
  const key = ctx.keys.get(node);
  return key === undefined ? computeKey(node, ctx) : key;
}

function computeKey(node: Content, ctx: Context): number {
  // A leaf's line is looked up again when asked (as quick as looking its key up), and not kept.
  if (node.type !== 'level') return lineHash(node.value);
  const inline = inlineText(node);
  const line = lineHash(bodyOf(node.heading, inline && inline.type !== 'level' ? inline.value : ''));
  const from = inline ? 1 : 0;
  const children = node.children;
  const count = children.length - from;
  let key: number;
  if (count <= 0) {
    // (A heading and its text are joined to be looked up: that line is kept.)
    if (!node.heading) return line;
    key = line;
  } else {
    let a = line ^ 0x9e3779b9;
    let b = Math.imul(line, 0x5bd1e995) ^ Math.imul(count, 0x85ebca6b);
    let twig = true;
    for (let i = from; i < children.length; i++) {
      const child = children[i]!;
      if (twig && hasSublevels(child)) twig = false;
      const k = keyOf(child, ctx);
      const hi = Math.floor(k / 0x200000) | 0;
      const lo = k % 0x200000 | 0;
      // (`| 0`: the sum stays an int32, as every later use of `a` reads it, so optimised code keeps it one.)
      a = (Math.imul(a ^ hi, 0x01000193) + lo) | 0;
      b = Math.imul(b ^ lo, 0x5bd1e995) ^ hi;
    }
    // Past the lines' numbers, so that a level with sublevels never shares a key with a line.
    key = LEVELS + join(fmix(a), fmix(b));
    // A level whose sublevels have none of their own: its key is worked out again when asked (from
    // its lines, as quick as its sublevels' keys would be looked up), and not kept.
    if (twig && !node.heading) return key;
  }
  ctx.keys.set(node, key);
  return key;
}

/** Keys of levels with sublevels start here; lines' keys are below 0. */
const LEVELS = 2 ** 31;

/** The key of a level's own line alone, as if it had no sublevels (a leaf with that line has it). */
export function lineKey(node: Content): number {
  return lineHash(rowBody(node));
}

/**
 * A line's key: a line of at most three characters is its characters, written as a negative number
 * (200,000 one-character lines: no hash); a longer line, a 51-bit hash of its characters (FNV-1a
 * and a multiplicative hash, each finished by `fmix`), below -2⁵¹, where no short line's key is.
 */
function lineHash(text: string): number {
  const length = text.length;
  if (length <= 3) {
    let code = length;
    for (let i = 0; i < length; i++) code = code * 0x10000 + text.charCodeAt(i);
    return -1 - code;
  }
  let a = 0x811c9dc5 | 0;
  let b = length | 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return -LINES - ((fmix(a) >>> 0) * 0x80000 + (fmix(b) >>> 13));
}

/** Keys of lines longer than three characters are below minus this (a short line's key is above it). */
const LINES = 2 ** 51;

/** Whether two levels with the same key are the same: the same line and as many sublevels (a hash can collide). */
export function sameContent(a: Content, b: Content): boolean {
  if (a.type !== 'level' || b.type !== 'level') return childLevelCount(a) === childLevelCount(b) && rowBody(a) === rowBody(b);
  const ia = inlineText(a);
  const ib = inlineText(b);
  if (a.children.length - (ia ? 1 : 0) !== b.children.length - (ib ? 1 : 0)) return false;
  const ta = ia && ia.type !== 'level' ? ia.value : '';
  const tb = ib && ib.type !== 'level' ? ib.value : '';
  return !a.heading && !b.heading ? ta === tb : bodyOf(a.heading, ta) === bodyOf(b.heading, tb);
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** 32 bits of one hash and 20 of the other (with `LEVELS` added, an integer JavaScript numbers hold exactly). */
function join(a: number, b: number): number {
  return (a >>> 0) * 0x100000 + (b >>> 12);
}
