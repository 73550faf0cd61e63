/**
 * Long comparisons a page at a time: the body split into pages of rows, and links between pages.
 */
import { rowsFold, spanOf, unchangedFold } from './folds.js';
import type { Block, LevelRow } from './types.js';

/**
 * Rows per page of the compare views. A comparison with more rows than this is shown a page
 * at a time (`&page=N`); print stays complete. Folds of unchanged levels are split at page
 * ends; a fold of redesignated levels (one change) is never split.
 */
export const PAGE_ROWS = 300;

/**
 * Most changes a paged comparison lists whole on every page. Past it each page lists only its own
 * changes (their numbers kept), so that a page stays the size of its rows: the 14,543 changes of
 * 119 H.R. 1 as engrossed against P.L. 119-21 made every one of 52 pages 5.9 MB.
 */
export const LISTED_CHANGES = 500;

/** One page of the body of a comparison. */
export interface BodyPage {
  blocks: Block[];
  /** Level rows on the page (folded ones included). */
  rows: number;
  /** 1-based number of the page's first row in the whole comparison. */
  first: number;
}

/** The body split into pages of at most `pageRows` rows (a redesignation fold may overflow). */
export function paginate(blocks: Block[], pageRows: number = PAGE_ROWS): BodyPage[] {
  const pages: BodyPage[] = [];
  let page: BodyPage = { blocks: [], rows: 0, first: 1 };
  let seen = 0;
  const turn = () => {
    if (page.rows === 0) return;
    pages.push(page);
    page = { blocks: [], rows: 0, first: seen + 1 };
  };
  const add = (block: Block, rows: number) => {
    page.blocks.push(block);
    page.rows += rows;
    seen += rows;
  };
  for (const block of blocks) {
    if ('row' in block) {
      if (page.rows + 1 > pageRows) turn();
      add(block, 1);
    } else if (block.fold.kind === 'redesignated') {
      if (page.rows > 0 && page.rows + block.fold.rows.length > pageRows) turn();
      add(block, block.fold.rows.length);
    } else {
      // A fold whose rows are not made yet is split by its span, its parts' rows made when shown.
      const span = spanOf(block.fold);
      const rows = span ? undefined : block.fold.rows;
      let start = span?.start ?? 0;
      const end = span?.end ?? rows!.length;
      while (start < end) {
        if (page.rows >= pageRows) turn();
        const stop = Math.min(end, start + pageRows - page.rows);
        const count = stop - start;
        if (count >= 3) add({ fold: span ? unchangedFold({ list: span.list, start, end: stop }) : rowsFold(rows!.slice(start, stop)) }, count);
        else for (let i = start; i < stop; i++) add({ row: span ? span.list.rowAt(i) : rows![i]! }, 1);
        start = stop;
      }
    }
  }
  turn();
  if (!pages.length) pages.push(page);
  return pages;
}

/** The 1-based page that shows a row, by the row's anchor (`c-…`). */
export interface AnchorPages {
  get(anchor: string): number | undefined;
}

/**
 * The page of each row's anchor. The changed rows (all that a page links to: its changes, moves and
 * instructions) are looked up in a map of their own; the map of every row's anchor is made only when
 * another is asked for (locating a level), so that each page of a long comparison does not hash the
 * anchors of its thousands of unchanged rows.
 */
export function pagesOfAnchors(pages: BodyPage[]): AnchorPages {
  const changed = anchorPages(pages, isChanged);
  let every: Map<string, number> | undefined;
  return { get: (anchor) => changed.get(anchor) ?? (every ??= anchorPages(pages, isRow)).get(anchor) };
}

const isChanged = (row: LevelRow) => row.status !== 'unchanged';
const isRow = () => true;

function anchorPages(pages: BodyPage[], take: (row: LevelRow) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  pages.forEach((page, i) => {
    for (const block of page.blocks) {
      if ('row' in block) {
        if (take(block.row)) out.set(block.row.anchor, i + 1);
      } else {
        // A fold not made yet holds unchanged rows only: their anchors are read from its span.
        const span = spanOf(block.fold);
        if (span) {
          if (take === isRow) for (let r = span.start; r < span.end; r++) out.set(span.list.anchorAt(r), i + 1);
        } else for (const row of block.fold.rows) if (take(row)) out.set(row.anchor, i + 1);
      }
    }
  });
  return out;
}

/** The anchors of the changes on a page, in order (a redesignation fold by its first row). */
export function changeAnchorsOf(page: BodyPage): string[] {
  const out: string[] = [];
  for (const block of page.blocks) {
    if ('row' in block) {
      if (block.row.changed) out.push(block.row.anchor);
    } else if (block.fold.kind === 'redesignated') out.push(block.fold.rows[0]!.anchor);
  }
  return out;
}

/**
 * A page's blocks with every in-page link (`#c-…`) that points to another page rewritten to
 * `hrefOfPage(page)#c-…`. Rows are copied, never changed: the same model serves every page.
 */
export function linkAcrossPages(blocks: Block[], current: number, pageOf: AnchorPages, hrefOfPage: (page: number) => string): Block[] {
  const fix = (row: LevelRow): LevelRow => {
    if (!row.move) return row;
    const target = pageOf.get(row.move.href.slice(1));
    if (target === undefined || target === current) return row;
    return { ...row, move: { ...row.move, href: `${hrefOfPage(target)}${row.move.href}` } };
  };
  return blocks.map((block) => ('row' in block ? { row: fix(block.row) } : { fold: { ...block.fold, rows: block.fold.rows.map(fix) } }));
}
