import type { Content } from '../types.js';
import { childLevelCount, childLevels, rowBody } from './level-text.js';
import type { Context } from './context.js';

/** Characters past which a level's line is long enough that its key is kept rather than computed again. */
const LONG_LINE = 1024;

/**
 * Content keys: a level's own words and its sublevels' keys, designations left out, so that a
 * renumbered level keeps its key. A key is a 53-bit hash (two 32-bit hashes of the text, the
 * second cut to 21 bits), computed bottom-up, once per level, straight from the text: no
 * subtree text is concatenated and no string is interned, and keys compare as numbers. An
 * unchanged level costs one pass over its characters and one comparison.
 *
 * Two different levels could share a key (about one chance in 10¹⁰ for a hundred thousand
 * levels); the pair that comes of it is checked (`sameContent`) before it is taken as unchanged.
 */
export function keyOf(node: Content, ctx: Context): number {
  let key = ctx.keys.get(node);
  if (key === undefined) {
    const children = childLevels(node);
    const body = rowBody(node);
    // A level without sublevels is hashed again when asked (as quick as looking it up for a
    // line of a few hundred characters), and kept only when its line is longer.
    if (!children.length) {
      key = hashText(body);
      if (body.length < LONG_LINE) return key;
    } else {
      let h1 = hash1(body) ^ 0x9e3779b9;
      let h2 = hash2(body) ^ Math.imul(children.length, 0x85ebca6b);
      for (const child of children) {
        const k = keyOf(child, ctx);
        const hi = Math.floor(k / 0x200000) | 0;
        const lo = k % 0x200000 | 0;
        h1 = Math.imul(h1 ^ hi, 0x01000193) + lo;
        h2 = Math.imul(h2 ^ lo, 0x5bd1e995) ^ hi;
      }
      key = join(fmix(h1), fmix(h2));
    }
    ctx.keys.set(node, key);
  }
  return key;
}

/** The key of a level's own line alone, as if it had no sublevels (a leaf with that line has it). */
export function lineKey(node: Content): number {
  return hashText(rowBody(node));
}

/** Whether two levels with the same key are the same: the same line and as many sublevels (a hash can collide). */
export function sameContent(a: Content, b: Content): boolean {
  return childLevelCount(a) === childLevelCount(b) && rowBody(a) === rowBody(b);
}

function hashText(text: string): number {
  // Two independent hashes in one pass: FNV-1a, and a multiplicative one.
  let h1 = 0x811c9dc5 ^ text.length;
  let h2 = 0x27d4eb2f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return join(fmix(h1), fmix(h2));
}

/** The two hashes of a text, kept apart to be mixed with those of its sublevels. */
function hash1(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function hash2(text: string): number {
  let h = 0x27d4eb2f;
  for (let i = 0; i < text.length; i++) h = Math.imul(h + text.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  return h;
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** 32 bits of one hash and 21 of the other: an integer JavaScript numbers hold exactly. */
function join(a: number, b: number): number {
  return (a >>> 0) * 0x200000 + (b >>> 11);
}
