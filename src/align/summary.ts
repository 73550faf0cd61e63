import type { AlignedPair, Content, PairSide, Root, Summary } from '../types.js';
import { childLevels, nodeLeftAsSide, rowText, subtreeBody } from './level-text.js';
import { countWords } from './word-sides.js';

/**
 * Whether a pair's own line changed: a level marked modified only because a level below it changed
 * (its own line the same, its designation too) has no change of its own. The summary counts it as
 * unchanged and every rendering shows it so; its changes are counted at the levels below.
 */
export function isOwnChange(pair: AlignedPair): boolean {
  if (pair.status === 'unchanged') return false;
  if (pair.status !== 'modified' || pair.redesignated || pair.coarse) return true;
  return pair.words !== undefined && pair.words.some((w) => w.op !== 'equal');
}

/**
 * Counts statuses and changed words over an alignment: each level once, by its own line, so the
 * counts add up to the levels shown (a move once, at its new place).
 */
export function summarize(pairs: AlignedPair[]): Summary {
  const s: Summary = { unchanged: 0, modified: 0, inserted: 0, deleted: 0, moved: 0, redesignated: 0, conforming: 0, wordsInserted: 0, wordsDeleted: 0 };
  const walk = (pair: AlignedPair) => {
    if (pair.status === 'moved') {
      // A move is reported at both places; count it once, at its new place, with what changed there.
      if (pair.movedFrom !== undefined) s.moved++;
      else return;
    } else if (pair.conforming) {
      s.conforming++;
      pair.children.forEach(walk);
      return;
    } else if (pair.status === 'unchanged') {
      // Only unchanged levels below it (no words, no moves): counted without looking further.
      s.unchanged += 1 + countPairs(pair.children);
      return;
    } else if (!isOwnChange(pair)) {
      // A level changed only below its own line (a subsection whose paragraph changed) is
      // counted at the paragraph, not again at every level above it: its own line is unchanged.
      s.unchanged++;
    } else s[pair.status]++;
    if (pair.status === 'inserted') s.wordsInserted += countWords(lineOf(pair.new));
    else if (pair.status === 'deleted') s.wordsDeleted += countWords(lineOf(pair.old));
    else if (pair.words) {
      for (const w of pair.words) {
        if (w.op === 'insert') s.wordsInserted += countWords(w.value);
        if (w.op === 'delete') s.wordsDeleted += countWords(w.value);
      }
    }
    pair.children.forEach(walk);
  };
  pairs.forEach(walk);
  return s;
}

/**
 * A side's line: its `text`, or, for a side an alignment left as its node (`alignTreesToWrite`), the node's
 * line (the same characters as the text it is given when written).
 */
function lineOf(side: PairSide | undefined): string {
  if (!side) return '';
  const node = nodeLeftAsSide(side);
  return node ? rowText(node) : side.text;
}

/** How many pairs a list holds, with all those under them. */
function countPairs(list: AlignedPair[]): number {
  let n = list.length;
  for (let i = 0; i < list.length; i++) if (list[i]!.children.length) n += countPairs(list[i]!.children);
  return n;
}

/**
 * The share of the old words a comparison kept, when it is so low that the text was gutted and
 * amended (below `threshold`); undefined otherwise. Counting every word costs a pass over both
 * texts: it is done only when the deletions could be most of the old text.
 */
export function guttedShare(oldTree: Root, newTree: Root, summary: Summary, threshold: number): number | undefined {
  const mayBeGutted = summary.wordsDeleted * 10 > sourceChars(oldTree) && summary.wordsDeleted * 10 > countTreeChars(oldTree);
  if (!mayBeGutted) return undefined;
  const oldWords = countTreeWords(oldTree);
  const newWords = countTreeWords(newTree);
  const kept = Math.max(0, oldWords - summary.wordsDeleted);
  const share = kept / Math.max(1, Math.max(oldWords, newWords));
  return oldWords >= 40 && newWords >= 40 && share < threshold ? share : undefined;
}

/** Characters of the source a parsed tree spans (its position), else of its text. */
function sourceChars(tree: Root): number {
  const { position } = tree;
  return position ? position.end.offset - position.start.offset : Infinity;
}

/** Characters of a tree's text: a cheap bound (a word takes at least two, with its space). */
function countTreeChars(tree: Root): number {
  let n = 0;
  const walk = (node: Content): void => {
    n += rowText(node).length;
    for (const child of childLevels(node)) walk(child);
  };
  tree.children.forEach(walk);
  return n;
}

function countTreeWords(tree: Root): number {
  let n = 0;
  for (const child of tree.children) for (const line of subtreeBody(child)) n += countWords(line);
  return n;
}
