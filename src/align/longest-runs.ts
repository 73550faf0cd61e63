/**
 * The longest-runs word diff (`WordDiffOptions.longestRuns`), apart from the rest of the word diff
 * in `words.ts`.
 */

/** Steps the longest-runs search may take before it gives way to Myers' algorithm. */
const LONGEST_BLOCKS_BUDGET = 2_000_000;

/**
 * A diff built from the longest runs of kept words first (Ratcliff–Obershelp, as Python's
 * difflib): where a minimal diff could keep either of two passages, it keeps the longer run,
 * as a drafter reads a moved phrase.
 */
export function longestBlocks<T>(a: T[], b: T[], clock: { tick(): void }): Array<{ count: number; added?: boolean; removed?: boolean }> | undefined {
  let work = 0;
  const b2j = new Map<T, number[]>();
  b.forEach((w, j) => {
    const list = b2j.get(w);
    if (list) list.push(j);
    else b2j.set(w, [j]);
  });
  const blocks: Array<[number, number, number]> = [];
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  // The length of the run of kept words ending at each word of b (at j + 1), for the word of a
  // before and for this one, and where each row set one (to clear it): no map per word.
  let before = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  let setBefore = new Int32Array(b.length);
  let setRow = new Int32Array(b.length);
  let countBefore = 0;
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    let besti = alo;
    let bestj = blo;
    let best = 0;
    for (let i = alo; i < ahi; i++) {
      clock.tick();
      let count = 0;
      const js = b2j.get(a[i]!);
      if (js) {
        for (let x = 0; x < js.length; x++) {
          const j = js[x]!;
          if (j < blo) continue;
          if (j >= bhi) break;
          // Repetitive text can make this search quadratic: past the budget, Myers takes over.
          if (++work > LONGEST_BLOCKS_BUDGET) return undefined;
          const k = before[j]! + 1;
          row[j + 1] = k;
          setRow[count++] = j + 1;
          if (k > best) {
            besti = i - k + 1;
            bestj = j - k + 1;
            best = k;
          }
        }
      }
      for (let x = 0; x < countBefore; x++) before[setBefore[x]!] = 0;
      const lengths = before;
      before = row;
      row = lengths;
      const set = setBefore;
      setBefore = setRow;
      setRow = set;
      countBefore = count;
    }
    for (let x = 0; x < countBefore; x++) before[setBefore[x]!] = 0;
    countBefore = 0;
    if (!best) continue;
    blocks.push([besti, bestj, best]);
    if (alo < besti && blo < bestj) queue.push([alo, besti, blo, bestj]);
    if (besti + best < ahi && bestj + best < bhi) queue.push([besti + best, ahi, bestj + best, bhi]);
  }
  blocks.sort((x, y) => x[0] - y[0]);
  const out: Array<{ count: number; added?: boolean; removed?: boolean }> = [];
  let i = 0;
  let j = 0;
  for (const [bi, bj, size] of [...blocks, [a.length, b.length, 0] as [number, number, number]]) {
    if (bi > i) out.push({ count: bi - i, removed: true });
    if (bj > j) out.push({ count: bj - j, added: true });
    if (size) out.push({ count: size });
    i = bi + size;
    j = bj + size;
  }
  return out;
}
