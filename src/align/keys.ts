import type { Content } from '../types.js';
import { bodyOf, childLevelCount, inlineText, rowBody } from './level-text.js';
import type { Context } from './context.js';

/**
 * Content keys: a level's own words and its sublevels' keys, designations left out, so that a
 * renumbered level keeps its key. A line's key is its number in the alignment's table of lines
 * (`Context.lines`, one entry for each different line of both texts): the engine hashes the line
 * and compares it with the line already there, in native code, so that equal lines have equal
 * keys and different lines different ones. A level with sublevels has a 53-bit hash of its line's
 * number and its sublevels' keys, computed bottom-up, once per level: no subtree text is
 * concatenated, and keys compare as numbers. The first key asked for of a level computes those of
 * every level under it: an unchanged level costs one look-up of each line and one comparison.
 * (Keys of leaves are looked up again when asked, not kept: see `computeKey`.)
 *
 * Two different levels with sublevels could share a key (about one chance in 10¹⁰ for a hundred
 * thousand levels); the pair that comes of it is checked (`sameContent`) before it is taken as
 * unchanged.
 */
export function keyOf(node: Content, ctx: Context): number {
  const key = ctx.keys.get(node);
  return key === undefined ? computeKey(node, ctx) : key;
}

function computeKey(node: Content, ctx: Context): number {
  // A leaf's line is looked up again when asked (as quick as looking its key up), and not kept.
  if (node.type !== 'level') return lineNumber(node.value, ctx);
  const inline = inlineText(node);
  const line = lineNumber(bodyOf(node.heading, inline && inline.type !== 'level' ? inline.value : ''), ctx);
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
    for (let i = from; i < children.length; i++) {
      const k = keyOf(children[i]!, ctx);
      const hi = Math.floor(k / 0x200000) | 0;
      const lo = k % 0x200000 | 0;
      // (`| 0`: the sum stays an int32, as every later use of `a` reads it, so optimised code keeps it one.)
      a = (Math.imul(a ^ hi, 0x01000193) + lo) | 0;
      b = Math.imul(b ^ lo, 0x5bd1e995) ^ hi;
    }
    // Past the lines' numbers, so that a level with sublevels never shares a key with a line.
    key = LEVELS + join(fmix(a), fmix(b));
  }
  ctx.keys.set(node, key);
  return key;
}

/** Keys of levels with sublevels start here; lines' numbers are below (and short lines' keys below 0). */
const LEVELS = 2 ** 31;

/** The key of a level's own line alone, as if it had no sublevels (a leaf with that line has it). */
export function lineKey(node: Content, ctx: Context): number {
  return lineNumber(rowBody(node), ctx);
}

/**
 * A line's number in the alignment's table of lines, given when first seen; a line of at most
 * three characters is its own key, its characters written as a negative number (quicker than a
 * look-up in the table: 200,000 one-character lines).
 */
function lineNumber(text: string, ctx: Context): number {
  const length = text.length;
  if (length <= 3) {
    let code = length;
    for (let i = 0; i < length; i++) code = code * 0x10000 + text.charCodeAt(i);
    return -1 - code;
  }
  const lines = ctx.lines;
  let n = lines.get(text);
  if (n === undefined) {
    n = lines.size;
    lines.set(text, n);
  }
  return n;
}

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
