import { diffArrays } from 'diff';

/** One run of a sequence diff, as jsdiff reports it. */
export interface SequencePart {
  count: number;
  added?: boolean;
  removed?: boolean;
}

/** Largest block (old × new items) handed to Myers' algorithm without anchoring first. */
const MYERS_CELLS = 250_000;

/**
 * Diff of two key sequences (one key a level). Keys unique on both sides anchor the
 * alignment first (patience diff, by a longest increasing subsequence), and Myers' algorithm
 * runs only between anchors: near-linear on a statute where most levels are unchanged and
 * unique, whatever the number of edits.
 */
export function diffKeys<T extends string | number>(a: T[], b: T[]): SequencePart[] {
  const out: SequencePart[] = [];
  const push = (part: SequencePart) => {
    if (!part.count) return;
    const last = out[out.length - 1];
    if (last && Boolean(last.added) === Boolean(part.added) && Boolean(last.removed) === Boolean(part.removed)) last.count += part.count;
    else out.push(part);
  };
  const solve = (alo: number, ahi: number, blo: number, bhi: number, depth: number): void => {
    // Common ends.
    let pre = 0;
    while (alo + pre < ahi && blo + pre < bhi && a[alo + pre] === b[blo + pre]) pre++;
    push({ count: pre });
    alo += pre;
    blo += pre;
    let suf = 0;
    while (ahi - suf > alo && bhi - suf > blo && a[ahi - 1 - suf] === b[bhi - 1 - suf]) suf++;
    ahi -= suf;
    bhi -= suf;
    const m = ahi - alo;
    const n = bhi - blo;
    if (!m || !n) {
      push({ count: m, removed: true });
      push({ count: n, added: true });
    } else if (m * n <= MYERS_CELLS || depth > 8) {
      const parts = m * n <= MYERS_CELLS * 16 ? diffArrays(a.slice(alo, ahi), b.slice(blo, bhi)) : undefined;
      if (parts) for (const p of parts) push({ count: p.count ?? p.value.length, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) });
      else {
        push({ count: m, removed: true });
        push({ count: n, added: true });
      }
    } else {
      const anchors = uniqueAnchors(a, alo, ahi, b, blo, bhi);
      if (!anchors.length) {
        push({ count: m, removed: true });
        push({ count: n, added: true });
      } else {
        let i = alo;
        let j = blo;
        for (const [ai, bj] of anchors) {
          solve(i, ai, j, bj, depth + 1);
          push({ count: 1 });
          i = ai + 1;
          j = bj + 1;
        }
        solve(i, ahi, j, bhi, depth + 1);
      }
    }
    push({ count: suf });
  };
  solve(0, a.length, 0, b.length, 0);
  return out;
}

/** Pairs of positions whose key occurs once on each side, longest increasing run of them. */
function uniqueAnchors<T>(a: T[], alo: number, ahi: number, b: T[], blo: number, bhi: number): Array<[number, number]> {
  const count = new Map<T, { a: number; b: number; ai: number; bj: number }>();
  for (let i = alo; i < ahi; i++) {
    const c = count.get(a[i]!);
    if (c) c.a++;
    else count.set(a[i]!, { a: 1, b: 0, ai: i, bj: -1 });
  }
  for (let j = blo; j < bhi; j++) {
    const c = count.get(b[j]!);
    if (c) {
      c.b++;
      c.bj = j;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (const c of count.values()) if (c.a === 1 && c.b === 1) pairs.push([c.ai, c.bj]);
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence on the new positions (patience sorting).
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const v = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}
