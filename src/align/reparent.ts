import { rankOf } from '../parse/designation.js';
import { isSectionOrAbove } from '../parse/ladder.js';
import type { AlignedPair, Content, PairSide } from '../types.js';
import { childLevels, detach } from './level-text.js';

/** What aligning across a level needs from the aligner. */
export interface ReparentHooks {
  /**
   * For a list of levels, a test of whether a level is the same level as one of them, however
   * designated (same words, or nearly): made once for the list, asked of each level of the other side.
   */
  sameAsOneOf(levels: Content[]): (level: Content) => boolean;
  /** Aligns two lists of sibling levels. */
  align(olds: Content[], news: Content[]): AlignedPair[];
  /** One side of a pair. */
  side(node: Content): PairSide;
}

/** Most sublevels × other side's levels compared in one block of changes (each pair's words are compared). */
const MAX_CELLS = 40_000;

/** A level of one side that holds levels of the other side. */
interface Wrapping {
  /** The side the wrapper is on. */
  side: 'old' | 'new';
  /** The wrapper's index among its side's levels. */
  at: number;
  /** The other side's levels that go inside it: `from` to `to` (exclusive). */
  from: number;
  to: number;
  found: number;
}

/**
 * A block of changed sibling levels where one side puts the other side's levels under a level of
 * its own: a new version wraps existing subdivisions under a new heading ("Section 100.5 is added
 * to the Test Code, to read: 100.5. (a) …"), or an old heading is taken away. The levels are
 * matched across the added or removed level, so only the heading's own lines are marked.
 * Returns undefined when no level of either side wraps the other side's levels.
 */
export function alignAcrossLevels(olds: Content[], news: Content[], hooks: ReparentHooks): AlignedPair[] | undefined {
  const w = findWrapping('new', news, olds, hooks) ?? findWrapping('old', olds, news, hooks);
  if (!w) return undefined;
  const [outer, inner] = w.side === 'new' ? [news, olds] : [olds, news];
  const wrapper = detach(outer[w.at] as Extract<Content, { type: 'level' }>);
  const align = (outerPart: Content[], innerPart: Content[]) => (w.side === 'new' ? hooks.align(innerPart, outerPart) : hooks.align(outerPart, innerPart));
  const inside = align(childLevels(wrapper), inner.slice(w.from, w.to));
  const pair: AlignedPair =
    w.side === 'new' ? { status: 'inserted', new: hooks.side(wrapper), children: inside } : { status: 'deleted', old: hooks.side(wrapper), children: inside };
  return [...align(outer.slice(0, w.at), inner.slice(0, w.from)), pair, ...align(outer.slice(w.at + 1), inner.slice(w.to))];
}

/**
 * The level of `outer` whose levels (its own text read as a level of its own) include at least
 * half of `inner`, each of a lower rung than it: a bill section around the subdivisions of the
 * section it quotes, a section around subdivisions that stood on their own. The one that holds
 * the most wins; `inner` splits before, inside and after it.
 */
function findWrapping(side: 'old' | 'new', outer: Content[], inner: Content[], hooks: ReparentHooks): Wrapping | undefined {
  let best: Wrapping | undefined;
  let cells = 0;
  outer.forEach((node, at) => {
    // A wrapper is a section or a larger level: below it, a designation added to text that stood on
    // its own is read as one text with it (alignLines), on one line.
    if (node.type !== 'level' || !isSectionOrAbove(node.kind)) return;
    const rank = rankOf(node.kind);
    // Only a higher rung wraps: a section around subdivisions, never a section around a section.
    const lower = inner.filter((child) => child.type !== 'level' || rankOf(child.kind) > rank);
    if (lower.length < Math.max(1, Math.ceil(inner.length / 2))) return;
    const parts = childLevels(detach(node));
    cells += parts.length * lower.length;
    if (!parts.length || cells > MAX_CELLS) return;
    const found: number[] = [];
    const needed = Math.max(1, Math.ceil(inner.length / 2));
    const isPart = hooks.sameAsOneOf(parts);
    for (let k = 0; k < inner.length && found.length + inner.length - k >= needed; k++) {
      const child = inner[k]!;
      if (child.type === 'level' && rankOf(child.kind) <= rank) continue;
      if (isPart(child)) found.push(k);
    }
    if (found.length < needed) return;
    const within = inner.slice(found[0], found[found.length - 1]! + 1);
    if (within.some((child) => child.type === 'level' && rankOf(child.kind) <= rank)) return;
    if (!best || found.length > best.found) best = { side, at, from: found[0]!, to: found[found.length - 1]! + 1, found: found.length };
  });
  return best;
}
