import type { Content } from '../types.js';
import { bodyOf, childLevelCount, inlineText, rowBody } from './level-text.js';
import type { Context } from './context.js';

/** Characters past which a leaf's line is long enough that its key is kept rather than computed again. */
const LONG_LINE = 1024;

/**
 * Content keys: a level's own words and its sublevels' keys, designations left out, so that a
 * renumbered level keeps its key. A key is a 53-bit hash (two 32-bit hashes of the text, the
 * second cut to 21 bits), computed bottom-up, once per level, straight from the text: no
 * subtree text is concatenated (nor a heading with its text) and no string is interned, and keys
 * compare as numbers. The first key asked for of a level computes those of every level under it:
 * an unchanged level costs one pass over its characters and one comparison. (Keys of short leaves are
 * not kept: see `computeKey`.)
 *
 * Two different levels could share a key (about one chance in 10¹⁰ for a hundred thousand
 * levels); the pair that comes of it is checked (`sameContent`) before it is taken as unchanged.
 */
export function keyOf(node: Content, ctx: Context): number {
  const key = ctx.keys.get(node);
  return key === undefined ? computeKey(node, ctx) : key;
}

function computeKey(node: Content, ctx: Context): number {
  let key: number;
  if (node.type !== 'level') {
    // A leaf is hashed again when asked (as quick as looking it up, for a line of a few hundred
    // characters), and kept only when its line is longer.
    key = hashText(node.value);
    if (node.value.length < LONG_LINE) return key;
  } else {
    const inline = inlineText(node);
    const length = hashLine(node.heading, inline && inline.type !== 'level' ? inline.value : '');
    const from = inline ? 1 : 0;
    const children = node.children;
    const count = children.length - from;
    if (count <= 0) {
      key = join(fmix(h1), fmix(h2));
      if (length < LONG_LINE) return key;
    } else {
      let a = h1 ^ 0x9e3779b9;
      let b = h2 ^ Math.imul(count, 0x85ebca6b);
      for (let i = from; i < children.length; i++) {
        const k = keyOf(children[i]!, ctx);
        const hi = Math.floor(k / 0x200000) | 0;
        const lo = k % 0x200000 | 0;
        a = Math.imul(a ^ hi, 0x01000193) + lo;
        b = Math.imul(b ^ lo, 0x5bd1e995) ^ hi;
      }
      key = join(fmix(a), fmix(b));
    }
  }
  ctx.keys.set(node, key);
  return key;
}

/** The key of a level's own line alone, as if it had no sublevels (a leaf with that line has it). */
export function lineKey(node: Content): number {
  return hashText(rowBody(node));
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

function hashText(text: string): number {
  hashLine(undefined, text);
  return join(fmix(h1), fmix(h2));
}

/** The two hashes of the last line read by `hashLine`, before they are finished. */
let h1 = 0;
let h2 = 0;

/**
 * Two independent hashes of a level's own line (`heading text`, see `bodyOf`) in one pass, without
 * joining its parts: FNV-1a, and a multiplicative one. Left in `h1` and `h2`.
 */
function hashLine(heading: string | undefined, text: string): number {
  const length = heading ? (text ? heading.length + 1 + text.length : heading.length) : text.length;
  let a = 0x811c9dc5 ^ length;
  let b = 0x27d4eb2f;
  if (heading) {
    for (let i = 0; i < heading.length; i++) {
      const c = heading.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
    }
    if (text) {
      a = Math.imul(a ^ 32, 0x01000193);
      b = Math.imul(b + 32, 0x5bd1e995) ^ (b >>> 15);
    }
  }
  if (!heading || text) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
    }
  }
  h1 = a;
  h2 = b;
  return length;
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
