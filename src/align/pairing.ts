import type { AlignedPair, Content } from '../types.js';
import { pushAll } from '../util/arrays.js';
import type { Context } from './context.js';
import { keyOf } from './keys.js';
import { isSectionOrAboveLevel, makePair, onlyNew, onlyOld, side } from './pairs.js';
import { alignAcrossLevels } from './reparent.js';
import { alignLines } from './restructured.js';
import { alignSequences, sameShape } from './siblings.js';
import { bag, diceAtLeast, likeness, likenessOf, type Bag } from './similarity.js';

/** Largest block of unmatched levels paired by the quadratic search. */
const MAX_PAIRING_CELLS = 40_000;

/** Pairs the levels of one block of changes by similarity, keeping their order. */
export function alignGap(olds: Content[], news: Content[], ctx: Context): AlignedPair[] {
  const m = olds.length;
  const n = news.length;
  if (m && n) {
    // One side wraps the other's levels under a level of its own (a bill section around the section it quotes).
    const wrapped = alignAcrossLevels(olds, news, { sameAsOneOf: (levels) => sameAsOneOf(levels, ctx), align: (o, nw) => alignSequences(o, nw, ctx), side });
    if (wrapped) return wrapped;
  }
  const matches: Array<[number, number]> = [];
  if (m && n && m === n && olds.every((o, k) => sameNum(o, news[k]!))) {
    // The common case: the same levels, each amended in place. No search needed.
    for (let k = 0; k < m; k++) matches.push([k, k]);
  } else if (m && n) {
    if (m * n <= MAX_PAIRING_CELLS) {
      // Monotone pairing that maximises total similarity (a weighted LCS).
      // Each level read once (its words, its line, its heading), then compared with the others.
      const [left, right] = [olds.map((o) => likenessOf(o, ctx)), news.map((o) => likenessOf(o, ctx))];
      const sim = (a: number, b: number) => {
        const s = likeness(left[a]!, right[b]!, ctx);
        return s >= ctx.options.pairThreshold ? s : 0;
      };
      const score = new Float64Array((m + 1) * (n + 1));
      const w = n + 1;
      const sims = new Float64Array(m * n);
      for (let a = 0; a < m; a++) for (let b = 0; b < n; b++) sims[a * n + b] = sim(a, b);
      for (let a = m - 1; a >= 0; a--) {
        for (let b = n - 1; b >= 0; b--) {
          const s = sims[a * n + b]!;
          let best = Math.max(score[(a + 1) * w + b]!, score[a * w + b + 1]!);
          if (s > 0) best = Math.max(best, s + score[(a + 1) * w + b + 1]!);
          score[a * w + b] = best;
        }
      }
      let a = 0;
      let b = 0;
      while (a < m && b < n) {
        const s = sims[a * n + b]!;
        if (s > 0 && score[a * w + b] === s + score[(a + 1) * w + b + 1]!) {
          matches.push([a, b]);
          a++;
          b++;
        } else if (score[(a + 1) * w + b]! >= score[a * w + b + 1]!) a++;
        else b++;
      }
    } else {
      // Too large to search: pair levels that keep their designation, in order.
      let b = 0;
      for (let a = 0; a < m && b < n; a++) {
        const oa = olds[a]!;
        for (let k = b; k < n && k < b + 50; k++) {
          const nb = news[k]!;
          if (oa.type === 'level' && nb.type === 'level' && oa.num?.value === nb.num?.value && diceAtLeast(bag(oa, ctx), bag(nb, ctx), ctx.options.pairThreshold)) {
            matches.push([a, k]);
            b = k + 1;
            break;
          }
        }
      }
    }
  }
  // Pairs of the same shape are aligned level by level; what lies between them (and pairs
  // whose shape changed: a paragraph split into subparagraphs) is read as one text.
  const out: AlignedPair[] = [];
  let pendingOld: Content[] = [];
  let pendingNew: Content[] = [];
  let a = 0;
  let b = 0;
  for (const [ma, mb] of matches) {
    while (a < ma) pendingOld.push(olds[a++]!);
    while (b < mb) pendingNew.push(news[b++]!);
    const o = olds[ma]!;
    const nw = news[mb]!;
    a = ma + 1;
    b = mb + 1;
    // A section paired with itself stays paired when it gains or loses its divisions (undivided
    // text turned into subsection (a)): its contents are aligned inside it.
    if (sameShape(o, nw) || (isSectionOrAboveLevel(o) && isSectionOrAboveLevel(nw))) {
      flushPending(out, pendingOld, pendingNew, ctx);
      pendingOld = [];
      pendingNew = [];
      out.push(makePair(o, nw, ctx));
    } else {
      pendingOld.push(o);
      pendingNew.push(nw);
    }
  }
  while (a < m) pendingOld.push(olds[a++]!);
  while (b < n) pendingNew.push(news[b++]!);
  flushPending(out, pendingOld, pendingNew, ctx);
  return out;
}

/**
 * What lies between two pairs of the same shape, read as one text (or deleted and inserted).
 * (Module functions, not closures made per call: V8 compiles a closure again after each full
 * collection that drops its code.)
 */
function flushPending(out: AlignedPair[], pendingOld: Content[], pendingNew: Content[], ctx: Context): void {
  // Sections and larger levels are never read as one text with their neighbours: an unpaired one
  // is deleted or inserted whole (and may yet be found moved).
  const headed = pendingOld.some(isSectionOrAboveLevel) || pendingNew.some(isSectionOrAboveLevel);
  if (pendingOld.length && pendingNew.length && !headed) {
    const linear = alignLines(pendingOld, pendingNew, ctx);
    if (linear) pushAll(out, linear);
    else unpaired(out, pendingOld, pendingNew, ctx);
  } else unpaired(out, pendingOld, pendingNew, ctx);
}

function unpaired(out: AlignedPair[], pendingOld: Content[], pendingNew: Content[], ctx: Context): void {
  for (const c of pendingOld) out.push(onlyOld(c, ctx));
  for (const c of pendingNew) out.push(onlyNew(c, ctx));
}

/**
 * A test of whether a level is the same as one of `levels`: the same content key, or most words
 * shared (Dice ≥ 0.6). The levels' keys are read once, their bags when first needed.
 */
function sameAsOneOf(levels: Content[], ctx: Context): (level: Content) => boolean {
  const keys = new Set(levels.map((l) => keyOf(l, ctx)));
  let bags: Bag[] | undefined;
  return (level) => {
    if (keys.has(keyOf(level, ctx))) return true;
    bags ??= levels.map((l) => bag(l, ctx));
    const own = bag(level, ctx);
    return bags.some((other) => diceAtLeast(own, other, 0.6));
  };
}

/** Both nodes are levels with the same designation. */
function sameNum(a: Content, b: Content): boolean {
  return a.type === 'level' && b.type === 'level' && a.num !== undefined && a.num.value === b.num?.value && a.kind === b.kind;
}
