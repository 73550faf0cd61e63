import type { AlignedPair, Content, Level, PairSide, WordChange } from '../types.js';
import { isSectionOrAbove } from '../parse/ladder.js';
import { childLevels, detach, firstChildLevel, inlineText, nodeLeftAsSide, rowBody, rowText, rowTextIn } from './level-text.js';
import type { Context } from './context.js';
import { keyOf, sameContent } from './keys.js';
import { alignSequences } from './siblings.js';
import { MAX_DIFF_WORDS } from './word-sides.js';
import { diffLevelWords, type WordDiffOptions } from './words.js';

/** One side of a pair; `text`, when the caller has it, is the node's `rowText`. */
export function side(node: Content, text = rowText(node)): PairSide {
  // The usual shapes in one literal each, their fields in the order the general case adds them
  // (the JSON keeps that order): no second store allocated for fields added one by one.
  if (node.type === 'level') {
    if (node.num && node.position && !node.xmlId && !node.heading) {
      return { type: 'level', text, kind: node.kind, id: node.id, num: node.num, position: node.position };
    }
  } else if (node.type !== 'text' || !node.role) {
    if (node.position) return { type: node.type, text, position: node.position };
  }
  const s: PairSide = { type: node.type, text };
  if (node.type === 'level') {
    s.kind = node.kind;
    s.id = node.id;
    if (node.xmlId) s.xmlId = node.xmlId;
    if (node.num) s.num = node.num;
    if (node.heading) s.heading = node.heading;
  }
  if (node.type === 'text' && node.role) s.role = node.role;
  if (node.position) s.position = node.position;
  return s;
}

/**
 * How a writer reads the sides of a pair: `pair.old` and `pair.new` as they are in a plain
 * alignment, or made as they are read in one from `alignTreesToWrite` (whose sides are left as
 * the nodes they stand for). Undefined where the pair has no such side.
 */
export type SideOf = (pair: AlignedPair, which: 'old' | 'new') => PairSide | undefined;

/** The `SideOf` of a plain alignment: the sides as they are. */
export const plainSides: SideOf = (pair, which) => pair[which];

/**
 * The `SideOf` of an alignment whose sides were left as their nodes: a side as made (a
 * `PairSide`), or the node it stands for made its side now, with its line from `texts` (old or
 * new, as the side is): the line the alignment would have given it (the two sides of an unchanged
 * line share its characters).
 */
export function sidesMadeFrom(texts: { old?: string; new?: string }): SideOf {
  // The last side made of each text, for a writer that reads a pair's side more than once in a row
  // (the page model: whether the row shows, its line, its citation).
  let lastOld: [Content, PairSide] | undefined;
  let lastNew: [Content, PairSide] | undefined;
  return (pair, which) => {
    const value = pair[which];
    const node = value && nodeLeftAsSide(value);
    if (!node) return value;
    const last = which === 'old' ? lastOld : lastNew;
    if (last && last[0] === node) return last[1];
    const made = side(node, rowTextIn(node, which === 'old' ? texts.old : texts.new));
    if (which === 'old') lastOld = [node, made];
    else lastNew = [node, made];
    return made;
  };
}

/** A side made now, or left as its node when the alignment's sides are (`text`, when the caller has it, is its line). */
function sideIn(node: Content, ctx: Context, which: 'old' | 'new', text?: string): PairSide {
  if (ctx.lazySides) return node as unknown as PairSide;
  return side(node, text ?? rowTextIn(node, which === 'old' ? ctx.texts.old : ctx.texts.new));
}

/**
 * A level only in the old text, with its sublevels. It and each section or larger level inside
 * it are candidates for a move (a section of a title that was struck may reappear elsewhere).
 */
export function onlyOld(node: Content, ctx: Context): AlignedPair {
  return onlyOneSide(node, ctx, 'old', true);
}

/** A level only in the new text, with its sublevels (and, like `onlyOld`, the candidates for a move). */
export function onlyNew(node: Content, ctx: Context): AlignedPair {
  return onlyOneSide(node, ctx, 'new', true);
}

function onlyOneSide(node: Content, ctx: Context, which: 'old' | 'new', top: boolean): AlignedPair {
  // (Two literals rather than one with a computed key, which V8 builds by a call to its runtime.)
  const pair: AlignedPair =
    which === 'old'
      ? { status: 'deleted', old: sideIn(node, ctx, 'old'), children: NO_SUBLEVELS }
      : { status: 'inserted', new: sideIn(node, ctx, 'new'), children: NO_SUBLEVELS };
  if (top || isSectionOrAboveLevel(node)) {
    (which === 'old' ? ctx.deleted : ctx.inserted).push(pair);
    ctx.sources.set(pair, node);
  }
  const levels = childLevels(node);
  if (levels.length) pair.children = levels.map((c) => onlyOneSide(c, ctx, which, false));
  return pair;
}

/**
 * The sublevels of a pair that has none (a line that is not a level, a level without sublevels): one
 * list, frozen, shared by every such pair. 200,000 one-character lines: 200,000 empty lists, 6 MB,
 * kept to the end; the 5 MB pair: 36,600 of its 47,000 pairs, 1.2 MB. A pair's `children` is only
 * ever replaced, never added to.
 */
export const NO_SUBLEVELS = Object.freeze([]) as unknown as AlignedPair[];

/** A section or a level above one (title, part, chapter …). */
export function isSectionOrAboveLevel(node: Content): boolean {
  return node.type === 'level' && isSectionOrAbove(node.kind);
}

export function wordsOf(oldNode: Content, newNode: Content, ctx: Context): { words?: WordChange[]; coarse?: boolean } {
  const a = rowText(oldNode);
  const b = rowText(newNode);
  if (a === b) return {};
  const renumbered = renumberedLine(oldNode, newNode, ctx.options);
  if (renumbered) return { words: renumbered };
  if (ctx.overBudget || ctx.options.now() > ctx.deadline) {
    ctx.overBudget = true;
    return { words: [...(a ? [{ op: 'delete' as const, value: a }] : []), ...(b ? [{ op: 'insert' as const, value: b }] : [])], coarse: true };
  }
  const result = diffLevelWords(a, b, ctx.options, { at: ctx.deadline, now: ctx.options.now });
  noteStop(ctx, result.stopped);
  return result.coarse ? { words: result.changes, coarse: true } : { words: result.changes };
}

/**
 * The word changes of two lines that differ only in their designations (`(a) The text` and `(b) The
 * text`), without a word diff: the designations, one word each, are replaced and the rest is kept —
 * what `diffLevelWords` gives for them. Undefined for any other pair (a designation of several
 * words, a line with no words after it or with white space at its ends), which the word diff reads.
 */
export function renumberedLine(oldNode: Content, newNode: Content, options: Required<WordDiffOptions>): WordChange[] | undefined {
  if (oldNode.type !== 'level' || newNode.type !== 'level' || !oldNode.num || !newNode.num || options.maxEditLength < 2) return undefined;
  const body = rowBody(oldNode);
  if (!body || body.length > MAX_DIFF_WORDS || SPACE_AT_ENDS.test(body) || body !== rowBody(newNode)) return undefined;
  const [a, b] = [oldNode.num.text, newNode.num.text];
  if (!a || !b || a === b || SPACE.test(a) || SPACE.test(b)) return undefined;
  // One word of k + 1 kept is no rewrite unless the threshold asks for more than k / (k + 1).
  const t = options.rewriteThreshold;
  if (t > 0.5 && (t >= 1 || body.split(SPACES).length < t / (1 - t))) return undefined;
  return [
    { op: 'delete', value: a },
    { op: 'equal', value: ' ' },
    { op: 'insert', value: b },
    { op: 'equal', value: ` ${body}` },
  ];
}

const SPACE = /\s/;
const SPACES = /\s+/;
const SPACE_AT_ENDS = /^\s|\s$/;

/** A word diff stopped short (the deadline passed, or the lines are too long): the alignment says so. */
export function noteStop(ctx: Context, stopped: 'time' | 'size' | undefined): void {
  if (stopped === 'time') ctx.overBudget = true;
  if (stopped === 'size') ctx.tooLong = true;
}

/** `sameKey`: the caller already knows the two content keys are equal (a common run of a key diff). */
export function makePair(oldNode: Content, newNode: Content, ctx: Context, sameKey = false): AlignedPair {
  // (The lines first: a quick test that most changed levels fail, before their keys are worked out.)
  if (sameContent(oldNode, newNode) && (sameKey || keyOf(oldNode, ctx) === keyOf(newNode, ctx))) return samePair(oldNode, newNode, ctx);
  if (oldNode.type === 'level' && newNode.type === 'level' && isSectionOrAboveLevel(oldNode) && Boolean(inlineText(oldNode)) !== Boolean(inlineText(newNode))) {
    // A section's undivided text that became its subsection (a) (or the reverse): the text is
    // aligned with the new levels, not struck from the section's heading line.
    const [o, n] = [detach(oldNode), detach(newNode)];
    return finishPair(o, n, alignSequences(childLevels(o), childLevels(n), ctx), ctx);
  }
  return finishPair(oldNode, newNode, alignSequences(childLevels(oldNode), childLevels(newNode), ctx), ctx);
}

/** The sublevels of two levels with the same content, paired one to one, in a list made at its size (it is kept), or none. */
function samePairs(oldNode: Level, newNode: Level, ctx: Context): AlignedPair[] {
  const olds = oldNode.children;
  const news = newNode.children;
  const from = firstChildLevel(oldNode);
  if (olds.length <= from) return NO_SUBLEVELS;
  const pairs = new Array<AlignedPair>(olds.length - from);
  for (let i = from, j = firstChildLevel(newNode), k = 0; i < olds.length; i++, j++, k++) {
    const o = olds[i]!;
    const n = news[j]!;
    pairs[k] = sameContent(o, n) ? samePair(o, n, ctx) : makePair(o, n, ctx);
  }
  return pairs;
}

/**
 * Two levels with the same content key: the same words and the same sublevels in the same
 * order, designations aside. Their sublevels pair one to one, with no search. Each pair is checked
 * again by its line alone as it is made (no hash), so that a whole unchanged subtree costs one
 * comparison of each line; the two sides of an unchanged line share its text.
 */
function samePair(oldNode: Content, newNode: Content, ctx: Context): AlignedPair {
  const children = oldNode.type === 'level' && newNode.type === 'level' ? samePairs(oldNode, newNode, ctx) : NO_SUBLEVELS;
  const oldNum = oldNode.type === 'level' ? oldNode.num : undefined;
  const newNum = newNode.type === 'level' ? newNode.num : undefined;
  if (oldNode.type !== newNode.type || oldNum?.text !== newNum?.text) return finishPair(oldNode, newNode, children, ctx, true);
  // The same line: unchanged, or modified below it (and renumbered, if the same designation reads as another).
  const text = ctx.lazySides ? '' : rowTextIn(oldNode, ctx.texts.old);
  const pair: AlignedPair = { status: allUnchanged(children) ? 'unchanged' : 'modified', old: sideIn(oldNode, ctx, 'old', text), new: sideIn(newNode, ctx, 'new', text), children };
  if (oldNum?.value !== newNum?.value) pair.redesignated = true;
  return pair;
}

/**
 * A pair's status: `redesignated` when only its designation changed, `unchanged` when nothing
 * in it did, else `modified` (with `words` when its own line changed; a level changed only
 * in its sublevels carries no words and is not counted itself).
 */
function finishPair(oldNode: Content, newNode: Content, children: AlignedPair[], ctx: Context, sameBody = false): AlignedPair {
  const sameNum = (oldNode.type === 'level' ? oldNode.num?.text : undefined) === (newNode.type === 'level' ? newNode.num?.text : undefined);
  // Same content key and same designation: the same line, no word diff to run.
  const { words, coarse } = sameBody && sameNum && oldNode.type === newNode.type ? {} : wordsOf(oldNode, newNode, ctx);
  const oldNum = oldNode.type === 'level' ? oldNode.num?.value : undefined;
  const newNum = newNode.type === 'level' ? newNode.num?.value : undefined;
  const renumbered = oldNum !== newNum;
  const childrenSame = allUnchanged(children);
  let status: AlignedPair['status'] = 'modified';
  if (childrenSame && !words) status = 'unchanged';
  else if (childrenSame && renumbered && rowBody(oldNode) === rowBody(newNode)) status = 'redesignated';
  const pair: AlignedPair = { status, old: sideIn(oldNode, ctx, 'old'), new: sideIn(newNode, ctx, 'new'), children };
  if (renumbered) pair.redesignated = true;
  if (words) pair.words = words;
  if (coarse) pair.coarse = true;
  return pair;
}

/** Every pair of a list is unchanged (a module function, not a closure made for each pair). */
function allUnchanged(pairs: AlignedPair[]): boolean {
  for (let i = 0; i < pairs.length; i++) if (pairs[i]!.status !== 'unchanged') return false;
  return true;
}

/** Two levels' own lines, without their sublevels. */
export function linePair(oldNode: Content, newNode: Content, ctx: Context): AlignedPair {
  const pair: AlignedPair = { status: 'modified', old: side(oldNode), new: side(newNode), children: [] };
  const { words } = wordsOf(oldNode, newNode, ctx);
  if (words) pair.words = words;
  if (pair.old?.num?.value !== pair.new?.num?.value) pair.redesignated = true;
  return pair;
}
