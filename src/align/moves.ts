import type { AlignedPair, Content } from '../types.js';
import { isSectionOrAbove } from '../parse/ladder.js';
import { rowBody, subtreeBody } from './level-text.js';
import type { Context } from './context.js';
import { keyOf, lineKey, sameContent } from './keys.js';
import { pairMovedLevels, parentsOf } from './moved-amended.js';
import { isSectionOrAboveLevel, linePair, makePair } from './pairs.js';
import { bag, dice, rowBag, sameHeading } from './similarity.js';
import { countWords } from './word-sides.js';

/** Deleted and inserted levels with the same words are one level moved. */
export function findMoves(ctx: Context, pairs: AlignedPair[]): void {
  if (!ctx.deleted.length || !ctx.inserted.length) return;
  const keyFor = (pair: AlignedPair, node: Content) => (ctx.lineOnly.has(pair) ? lineKey(node) : keyOf(node, ctx));
  // The same words, not only the same key (two lines' keys can collide, once in a great while).
  const same = (from: AlignedPair, pair: AlignedPair) => {
    const [a, b] = [ctx.sources.get(from)!, ctx.sources.get(pair)!];
    return ctx.lineOnly.has(from) || ctx.lineOnly.has(pair) ? rowBody(a) === rowBody(b) : sameContent(a, b);
  };
  // Too short to call a move: fewer than 4 words.
  const long = (pair: AlignedPair) => {
    const node = ctx.sources.get(pair)!;
    return (ctx.lineOnly.has(pair) ? countWords(rowBody(node)) : subtreeBody(node, [], 4).reduce((n, line) => n + countWords(line), 0)) >= 4;
  };
  const byKey = new Map<number, AlignedPair[]>();
  for (const pair of ctx.deleted) {
    const node = ctx.sources.get(pair)!;
    const key = keyFor(pair, node);
    if (!long(pair)) continue;
    const list = byKey.get(key) ?? [];
    list.push(pair);
    byKey.set(key, list);
  }
  // A level that moves takes its sublevels with it: they are not matched again on their own.
  const taken = new Set<AlignedPair>();
  const take = (pair: AlignedPair) => {
    taken.add(pair);
    pair.children.forEach(take);
  };
  const unmatched: AlignedPair[] = [];
  for (const pair of ctx.inserted) {
    if (taken.has(pair)) continue;
    const node = ctx.sources.get(pair)!;
    const list = byKey.get(keyFor(pair, node));
    const at = list ? list.findIndex((p) => !taken.has(p) && same(p, pair)) : -1;
    const from = at < 0 ? undefined : list!.splice(at, 1)[0];
    if (!from) {
      unmatched.push(pair);
      continue;
    }
    take(from);
    take(pair);
    markMoved(from, pair, ctx);
  }
  // Levels below the section moved and amended on the way, found by their words among their siblings.
  const belowSections = (list: AlignedPair[]) => list.filter((p) => !taken.has(p) && !isSectionOrAboveLevel(ctx.sources.get(p)!) && long(p));
  const words = (p: AlignedPair) => (ctx.lineOnly.has(p) ? rowBag(ctx.sources.get(p)!, rowBody(ctx.sources.get(p)!), ctx) : bag(ctx.sources.get(p)!, ctx));
  const [movedOut, movedIn] = [belowSections(ctx.deleted), belowSections(unmatched)];
  const parents = movedOut.length && movedIn.length ? parentsOf(pairs) : new Map<AlignedPair, AlignedPair | null>();
  for (const [from, to] of pairMovedLevels(movedOut, movedIn, (a, b) => dice(words(a), words(b)), (p) => parents.get(p))) {
    if (taken.has(from) || taken.has(to)) continue;
    take(from);
    take(to);
    markMoved(from, to, ctx);
  }
  // Sections and larger levels moved and amended on the way (a reorganised title) are found by
  // their words: candidates share rare words, and the best one above the threshold is taken.
  const olds = ctx.deleted.filter((p) => !taken.has(p) && isMoveCandidate(ctx.sources.get(p)!, p, ctx));
  const news = unmatched.filter((p) => !taken.has(p) && isMoveCandidate(ctx.sources.get(p)!, p, ctx));
  if (!olds.length || !news.length || olds.length * news.length > 25_000_000) return;
  // (The bags' words are visited with forEach: no iterator object a word, even before the code is optimised.)
  const df = new Map<number, number>();
  const tally = (p: AlignedPair) => bag(ctx.sources.get(p)!, ctx).counts.forEach((_, w) => df.set(w, (df.get(w) ?? 0) + 1));
  olds.forEach(tally);
  news.forEach(tally);
  const index = new Map<number, AlignedPair[]>();
  for (const p of news) {
    let n = 0;
    bag(ctx.sources.get(p)!, ctx).counts.forEach((_, w) => {
      if ((df.get(w) ?? 0) > 6 || n >= 40) return;
      n++;
      const list = index.get(w) ?? [];
      list.push(p);
      index.set(w, list);
    });
  }
  for (const from of olds) {
    if (taken.has(from)) continue;
    const oldBag = bag(ctx.sources.get(from)!, ctx);
    const votes = new Map<AlignedPair, number>();
    oldBag.counts.forEach((_, w) => {
      const list = index.get(w);
      if (list) for (const p of list) if (!taken.has(p)) votes.set(p, (votes.get(p) ?? 0) + 1);
    });
    let best: AlignedPair | undefined;
    let bestScore = 0.5;
    for (const [p, v] of votes) {
      if (v < 2) continue;
      const oldNode = ctx.sources.get(from)!;
      const newNode = ctx.sources.get(p)!;
      let score = dice(oldBag, bag(newNode, ctx));
      if (oldNode.type === 'level' && newNode.type === 'level' && sameHeading(oldNode.heading, newNode.heading) >= 0.8) score = Math.max(score, 0.5);
      if (score >= bestScore) {
        best = p;
        bestScore = score;
      }
    }
    if (best) {
      take(from);
      take(best);
      markMoved(from, best, ctx);
    }
  }
}

/** Big enough, and of a rank, to be worth looking for elsewhere by its words. */
function isMoveCandidate(node: Content, pair: AlignedPair, ctx: Context): boolean {
  if (ctx.lineOnly.has(pair) || node.type !== 'level') return false;
  return isSectionOrAbove(node.kind) && subtreeBody(node, [], 400).join(' ').length >= 200;
}

/** The deleted `from` and the inserted `pair` are one level, moved. */
function markMoved(from: AlignedPair, pair: AlignedPair, ctx: Context): void {
  {
    const node = ctx.sources.get(pair)!;
    const oldNode = ctx.sources.get(from)!;
    const lineOnly = ctx.lineOnly.has(pair) || ctx.lineOnly.has(from);
    const matched = lineOnly ? linePair(oldNode, node, ctx) : makePair(oldNode, node, ctx);
    from.status = 'moved';
    from.movedTo = matched.new?.id ?? '';
    delete from.words;
    pair.status = 'moved';
    pair.old = matched.old;
    pair.movedFrom = matched.old?.id ?? '';
    if (!lineOnly) pair.children = matched.children;
    if (matched.words) pair.words = matched.words;
    else delete pair.words;
    if (matched.redesignated) pair.redesignated = true;
  }
}
