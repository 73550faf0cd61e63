import { rankOf } from '../parse/designation.js';
import type { AlignedPair, PairSide } from '../types.js';
import { countWords, replaceWhole } from './words.js';

/**
 * Units rewritten wholesale. Once fewer than `threshold` of a unit's words are kept (over the
 * longer of its two versions), the Legislative Counsel strikes the whole unit and inserts it anew,
 * rather than marking the few words the versions share: every line of the unit is shown replaced.
 * A unit is a bill section, a section or a larger division at the top of the comparison; the text
 * around them (a bill's title and digest) is one unit.
 */
export function rewriteWholesale(pairs: AlignedPair[], threshold: number): void {
  if (!(threshold > 0)) return;
  let loose: AlignedPair[] = [];
  const settle = (unit: AlignedPair[]) => {
    if (unit.length && keptShare(unit) < threshold) unit.forEach(replaceAll);
  };
  for (const pair of pairs) {
    if (isUnit(pair.new) || isUnit(pair.old)) {
      settle(loose);
      loose = [];
      settle([pair]);
    } else loose.push(pair);
  }
  settle(loose);
}

function isUnit(side: PairSide | undefined): boolean {
  return side?.kind !== undefined && rankOf(side.kind) <= rankOf('section');
}

/** Kept words over the words of the longer version, as the word-for-word redline has them. */
function keptShare(unit: AlignedPair[]): number {
  let kept = 0;
  let oldWords = 0;
  let newWords = 0;
  const visit = (pair: AlignedPair) => {
    const oldText = countWords(pair.old?.text ?? '');
    const newText = countWords(pair.new?.text ?? '');
    if (pair.status === 'moved') {
      // Struck where it was, inserted where it went.
      if (pair.movedTo !== undefined) oldWords += oldText;
      else newWords += newText;
    } else if (pair.words) {
      for (const w of pair.words) {
        const n = countWords(w.value);
        if (w.op === 'equal') kept += n;
        if (w.op !== 'insert') oldWords += n;
        if (w.op !== 'delete') newWords += n;
      }
    } else if (pair.status === 'deleted') oldWords += oldText;
    else if (pair.status === 'inserted') newWords += newText;
    else {
      kept += newText;
      oldWords += oldText;
      newWords += newText;
    }
    pair.children.forEach(visit);
  };
  unit.forEach(visit);
  // A unit only added or only struck is not rewritten: it is already marked whole.
  if (!oldWords || !newWords) return 1;
  return kept / Math.max(oldWords, newWords);
}

/** Every line of a pair and its subclauses struck and inserted whole. */
function replaceAll(pair: AlignedPair): void {
  if (pair.status !== 'moved' && pair.old && pair.new) {
    const words = replaceWhole(pair.old.text, pair.new.text);
    if (words.length) {
      pair.words = words;
      pair.status = 'modified';
    }
  }
  pair.children.forEach(replaceAll);
}
