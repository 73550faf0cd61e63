/**
 * The rows of a page: every aligned level's own line in reading order, with its citation, a unique
 * anchor, its status in words, its depth, and its text as segments for each view.
 */
import type { AlignedPair, PairSide, WordChange } from '../../types.js';
import { isOwnChange } from '../../align/summary.js';
import { rowChanges } from '../linear.js';
import { CONFORMING_WORDS, STATUS_WORDS, TEXT_ROLE_WORDS } from '../vocabulary.js';
import { citeSide, depthOf } from './citation.js';
import type { RowWithPair, Segment } from './types.js';

/** Every pair's own line in reading order (as `linearRows`), with citations and unique anchors. */
export function collectRows(pairs: AlignedPair[], section: string | undefined): RowWithPair[] {
  const out: RowWithPair[] = [];
  const used = new Set<string>();
  const visit = (list: AlignedPair[], depth: number, parent: string | undefined) => {
    for (const pair of list) {
      const changes = rowChanges(pair, { movedWords: true });
      const side = pair.new ?? pair.old;
      const citation = citeSide(pair.new, section) ?? citeSide(pair.old, section) ?? unnumbered(side, parent);
      if (changes.length) {
        const onlyOld = pair.status === 'deleted' || (pair.status === 'moved' && pair.movedTo !== undefined);
        const id = onlyOld ? pair.old?.id : (pair.new?.id ?? pair.old?.id);
        let anchor = id ? `c-${id}` : `c-row${out.length + 1}`;
        if (used.has(anchor)) anchor = `${anchor}~${out.length + 1}`;
        used.add(anchor);
        const row: RowWithPair = {
          pair,
          anchor,
          citation,
          status: isOwnChange(pair) ? pair.status : 'unchanged',
          statusLabel: pair.conforming
            ? CONFORMING_WORDS
            : STATUS_WORDS[pair.status] + (pair.redesignated && pair.status !== 'redesignated' ? (pair.old?.num ? ', renumbered' : ', designated') : '') + (pair.coarse ? ' (whole clause)' : ''),
          changed: isOwnChange(pair),
          depth: Math.min(5, Math.max(depth, depthOf(side))),
          old: segments(changes, 'old'),
          new: segments(changes, 'new'),
          inline: segments(changes, 'both'),
          // A level moved and amended shows, where it went, its old words beside its new ones.
          hasOld: pair.old !== undefined && !(pair.status === 'moved' && pair.movedFrom !== undefined && !pair.words),
          hasNew: pair.new !== undefined && !(pair.status === 'moved' && pair.movedTo !== undefined),
        };
        if (pair.movedTo !== undefined) row.move = { href: `#c-${pair.movedTo}`, label: `moved to ${citeSide({ type: 'level', id: pair.movedTo, text: '' }, section) ?? 'its new place'}` };
        if (pair.movedFrom !== undefined) row.move = { href: `#c-${pair.movedFrom}`, label: `moved from ${citeSide({ type: 'level', id: pair.movedFrom, text: '' }, section) ?? 'its old place'}` };
        out.push(row);
      }
      visit(pair.children, depth + 1, citeSide(side, section) ?? parent);
    }
  };
  visit(pairs, 0, undefined);
  return out;
}

function unnumbered(side: PairSide | undefined, parent: string | undefined): string {
  const what =
    side?.type === 'action'
      ? 'Amending clause'
      : side?.type === 'chapeau'
        ? 'Lead-in'
        : side?.type === 'continuation'
          ? 'Closing text'
          : side?.role
            ? TEXT_ROLE_WORDS[side.role]
            : /^(?:“|‘‘|''|")/.test(side?.text ?? '')
              ? 'Quoted text'
              : 'Unnumbered text';
  return parent ? `${parent}, ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what;
}
/** Word changes as the segments one view shows: the old side, the new side, or both (redline). */
export function segments(changes: WordChange[], side: 'old' | 'new' | 'both'): Segment[] {
  const out: Segment[] = [];
  for (const change of changes) {
    if (change.op === 'equal') out.push({ text: change.value });
    else if (change.op === 'delete' && side !== 'new') out.push({ text: change.value, del: true });
    else if (change.op === 'insert' && side !== 'old') out.push({ text: change.value, ins: true });
  }
  return out;
}

