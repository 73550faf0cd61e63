import type { AlignedPair, Content } from '../types.js';
import { pushAll } from '../util/arrays.js';
import { childLevelCount } from './level-text.js';
import type { Context } from './context.js';
import { keyOf } from './keys.js';
import { alignGap } from './pairing.js';
import { makePair, NO_SUBLEVELS } from './pairs.js';
import { diffKeys } from './sequence.js';

/** Aligns two lists of sibling levels (none: the list shared by pairs without sublevels). */
export function alignSequences(olds: Content[], news: Content[], ctx: Context): AlignedPair[] {
  if (!olds.length && !news.length) return NO_SUBLEVELS;
  const out: AlignedPair[] = [];
  const oldKeys = olds.map((n) => keyOf(n, ctx));
  const newKeys = news.map((n) => keyOf(n, ctx));
  const parts = diffKeys(oldKeys, newKeys);
  let i = 0;
  let j = 0;
  let gapOld: Content[] = [];
  let gapNew: Content[] = [];
  // (The gap is aligned in place, not by a closure made per call: V8 compiles such a closure again
  // after each full collection that drops its code.)
  for (const part of parts) {
    const n = part.count;
    if (part.removed) {
      for (let k = 0; k < n; k++) gapOld.push(olds[i + k]!);
      i += n;
    } else if (part.added) {
      for (let k = 0; k < n; k++) gapNew.push(news[j + k]!);
      j += n;
    } else {
      for (let k = 0; k < n; k++) {
        const o = olds[i + k]!;
        const nw = news[j + k]!;
        if (sameShape(o, nw)) {
          if (gapOld.length || gapNew.length) {
            pushAll(out, alignGap(gapOld, gapNew, ctx));
            gapOld = [];
            gapNew = [];
          }
          out.push(makePair(o, nw, ctx, true));
        } else {
          gapOld.push(o);
          gapNew.push(nw);
        }
      }
      i += n;
      j += n;
    }
  }
  if (gapOld.length || gapNew.length) pushAll(out, alignGap(gapOld, gapNew, ctx));
  return out;
}

/** Both levels have sublevels, or neither has: aligning them level by level makes sense. */
export function sameShape(a: Content, b: Content): boolean {
  return childLevelCount(a) > 0 === childLevelCount(b) > 0;
}
