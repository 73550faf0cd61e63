/**
 * The rows of a page: every aligned level's own line in reading order, with its citation, a unique
 * anchor, its status in words, its depth, and its text as segments for each view.
 *
 * Rows are made in three steps so that a long comparison shown a page at a time pays only for
 * what it shows: `collectRows` lists every row's pair, anchor and status (what folds, pages and
 * links need) without making the row, `RowList.rowAt` makes a row asked for, and `completeRow`
 * adds the rest (citation, words, segments, links) to the rows a page or the change list shows.
 * A row's text fields are empty until it is completed.
 */
import type { AlignedPair, PairSide, WordChange } from '../../types.js';
import type { SideOf } from '../../align/pairs.js';
import { isOwnChange } from '../../align/summary.js';
import { changesOf } from '../linear.js';
import { CONFORMING_WORDS, STATUS_WORDS, TEXT_ROLE_WORDS } from '../vocabulary.js';
import { citeSide, depthOf } from './citation.js';
import { linkSegments } from './links.js';
import type { LevelRow, RowWithPair, Segment } from './types.js';

/** Where a row sits, kept until it is completed: the levels above it, for a citation of unnumbered text. */
interface Place {
  side: PairSide | undefined;
  up: Place | undefined;
}

/** What completing a row needs besides its pair. */
interface Pending {
  depth: number;
  above: Place | undefined;
  book: RowBook;
}

/**
 * What the rows of one comparison share: the section of ids that name none, the sections they
 * hold, and how the pairs' sides are read.
 */
interface RowBook {
  section: string | undefined;
  sideOf: SideOf;
  /** A section's number → the anchor of its row (cross-references to a section of this comparison). */
  sections: Map<string, string>;
}

/** A row's `Pending` until `completeRow` completes it: a symbol, so that no template or JSON sees it. */
const PENDING = Symbol('pending');
type PendingRow = RowWithPair & { [PENDING]?: Pending | undefined };
/** The segments of a row not completed yet (shared: completing a row gives it its own). */
const NO_SEGMENTS: Segment[] = Object.freeze([]) as unknown as Segment[];

/**
 * Every pair's own line in reading order (as `linearRows`), with unique anchors, as a `RowList`:
 * what folds, pages and links need is read from it without making the rows, which `rowAt` makes
 * when first asked for; see `completeRow`.
 */
export function collectRows(pairs: AlignedPair[], section: string | undefined, sideOf: SideOf): RowList {
  const list = new RowList({ section, sideOf, sections: new Map() });
  collectFrom(pairs, 0, undefined, list, new Set());
  return list;
}

/**
 * The rows of a comparison, kept as their pairs, anchors (without their `c-`: the levels' own ids,
 * whose hashes the strings keep), depths and places until a row is asked for.
 */
export class RowList {
  readonly pairs: AlignedPair[] = [];
  readonly keys: string[] = [];
  readonly changed: boolean[] = [];
  readonly depths: number[] = [];
  readonly above: Array<Place | undefined> = [];
  readonly #rows: Array<RowWithPair | undefined> = [];

  constructor(readonly book: RowBook) {}

  get length(): number {
    return this.pairs.length;
  }

  /** The status a row shows: a pair's own status when it changed, `unchanged` otherwise. */
  statusAt(i: number): AlignedPair['status'] {
    return this.changed[i] ? this.pairs[i]!.status : 'unchanged';
  }

  anchorAt(i: number): string {
    return this.#rows[i]?.anchor ?? `c-${this.keys[i]!}`;
  }

  /** The row at `i`, made once (not completed). */
  rowAt(i: number): RowWithPair {
    let row = this.#rows[i];
    if (!row) {
      const changed = this.changed[i]!;
      const pair = this.pairs[i]!;
      const pending: PendingRow = {
        pair,
        anchor: `c-${this.keys[i]!}`,
        citation: '',
        status: changed ? pair.status : 'unchanged',
        statusLabel: '',
        changed,
        depth: 0,
        old: NO_SEGMENTS,
        new: NO_SEGMENTS,
        inline: NO_SEGMENTS,
        hasOld: false,
        hasNew: false,
        [PENDING]: { depth: this.depths[i]!, above: this.above[i], book: this.book },
      };
      row = this.#rows[i] = pending;
    }
    return row;
  }

  /** The rows from `start` to `end` (not included). */
  slice(start: number, end: number): RowWithPair[] {
    const out: RowWithPair[] = [];
    for (let i = start; i < end; i++) out.push(this.rowAt(i));
    return out;
  }
}

/** The rows of some pairs and their sublevels (a function of the module, not one made per comparison: its optimised code is kept). */
function collectFrom(list: AlignedPair[], depth: number, above: Place | undefined, rows: RowList, used: Set<string>): void {
  const { book } = rows;
  const { sideOf } = book;
  for (const pair of list) {
    const next = sideOf(pair, 'new');
    const side = next ?? sideOf(pair, 'old');
    // An unchanged level shows when it has a line (its changes, made when the row is completed, would be that line kept).
    if (pair.status === 'unchanged' && !pair.words ? Boolean(side?.text) : changesOf(pair, true, sideOf).length) {
      const n = rows.pairs.length;
      const onlyOld = pair.status === 'deleted' || (pair.status === 'moved' && pair.movedTo !== undefined);
      let key = (onlyOld || next?.id === undefined ? sideOf(pair, 'old')?.id : next.id) || `row${n + 1}`;
      if (used.has(key)) key = `${key}~${n + 1}`;
      used.add(key);
      rows.pairs.push(pair);
      rows.keys.push(key);
      rows.changed.push(isOwnChange(pair));
      rows.depths.push(depth);
      rows.above.push(above);
      if (side?.kind === 'section' && side.num && !book.sections.has(side.num.value)) book.sections.set(side.num.value, `c-${key}`);
    }
    if (pair.children.length) collectFrom(pair.children, depth + 1, { side, up: above }, rows, used);
  }
}

/** Gives a row collected by `collectRows` its citation, status words, depth, segments (cross-references linked) and move. Once. */
export function completeRow(row: LevelRow): void {
  const pending = (row as PendingRow)[PENDING];
  if (!pending) return;
  (row as PendingRow)[PENDING] = undefined;
  const { pair } = row as PendingRow;
  const { section, sideOf } = pending.book;
  const changes = changesOf(pair, true, sideOf);
  const old = sideOf(pair, 'old');
  const next = sideOf(pair, 'new');
  const side = next ?? old;
  row.citation = citeSide(next, section) ?? citeSide(old, section) ?? unnumbered(side, citationAbove(pending.above, section));
  row.statusLabel = pair.conforming
    ? CONFORMING_WORDS
    : STATUS_WORDS[pair.status] + (pair.redesignated && pair.status !== 'redesignated' ? (old?.num ? ', renumbered' : ', designated') : '') + (pair.coarse ? ' (whole clause)' : '');
  row.depth = Math.min(5, Math.max(pending.depth, depthOf(side)));
  // Cross-references in kept and inserted text become links.
  const own = side?.num?.text;
  row.old = linkSegments(segments(changes, 'old'), own, pending.book.sections);
  row.new = linkSegments(segments(changes, 'new'), own, pending.book.sections);
  row.inline = linkSegments(segments(changes, 'both'), own, pending.book.sections);
  // A level moved and amended shows, where it went, its old words beside its new ones.
  row.hasOld = pair.old !== undefined && !(pair.status === 'moved' && pair.movedFrom !== undefined && !pair.words);
  row.hasNew = pair.new !== undefined && !(pair.status === 'moved' && pair.movedTo !== undefined);
  if (pair.movedTo !== undefined) row.move = { href: `#c-${pair.movedTo}`, label: `moved to ${citeSide({ type: 'level', id: pair.movedTo, text: '' }, section) ?? 'its new place'}` };
  if (pair.movedFrom !== undefined) row.move = { href: `#c-${pair.movedFrom}`, label: `moved from ${citeSide({ type: 'level', id: pair.movedFrom, text: '' }, section) ?? 'its old place'}` };
}

/** The citation of the nearest level above that has one. */
function citationAbove(place: Place | undefined, section: string | undefined): string | undefined {
  for (let p = place; p; p = p.up) {
    const citation = citeSide(p.side, section);
    if (citation !== undefined) return citation;
  }
  return undefined;
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
