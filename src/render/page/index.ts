/**
 * One page model for every HTML rendering of a comparison (the CLI's standalone file and the
 * server's compare, apply and print views): rows of segments, folds of unchanged or redesignated
 * runs, a numbered change list, and for Changes in Existing Law the instruction list.
 */
import type { Alignment } from '../../types.js';
import { plainSides, type SideOf } from '../../align/pairs.js';
import { summaryCounts } from '../vocabulary.js';
import { describe, excerptOf, redesignationSummary } from './changes.js';
import { rowsFold, unchangedFold } from './folds.js';
import { instructionList, linkInstructions, unionOfLinks } from './instructions.js';
import { collectRows, completeRow } from './rows.js';
import type { Block, ChangeItem, InstructionList } from './types.js';

export type * from './types.js';
export { citeSide, depthOf } from './citation.js';
export { segments } from './rows.js';
export { changeAnchorsOf, linkAcrossPages, LISTED_CHANGES, pagesOfAnchors, paginate, PAGE_ROWS, type AnchorPages, type BodyPage } from './paging.js';

/** What a page shows of a comparison. */
export interface PageModel {
  blocks: Block[];
  changes: ChangeItem[];
  /** In a Changes in Existing Law comparison: the bills' instructions, refused ones first. */
  instructions?: InstructionList;
  counts: Array<{ label: string; value: number }>;
  words: { inserted: number; deleted: number };
  total: number;
}

/** Options for `buildPageModel`. */
export interface PageModelOptions {
  /** Section number for level ids that name none (a statute file holding one section). */
  section?: string;
  /**
   * Leave unchanged levels out (print `changes=only`).
   * @default false
   */
  changesOnly?: boolean;
  /**
   * Shortest run of unchanged levels folded into one expandable line.
   * @default 3
   */
  foldAfter?: number;
  /**
   * How to name the bills of a Changes in Existing Law comparison (by the id instructions carry
   * in `bill`): `AB 1656`. Instructions are named by their bill too when there are several.
   */
  billNames?: Record<string, string>;
  /**
   * Complete every row. Off, only the changed rows (the change list shows them) are: a page that
   * shows some of the rows completes those with `completeRows`, so that the unchanged levels of a
   * long comparison cost next to nothing until they are shown.
   * @default true
   */
  complete?: boolean;
  /**
   * How the pairs' sides are read: for an alignment from `alignTreesToWrite`, its `sideOf`.
   * @default the sides as they are (`plainSides`)
   */
  sideOf?: SideOf | undefined;
}

/** Completes the rows of some blocks (see `PageModelOptions.complete`), folded ones too. */
export function completeRows(blocks: Block[]): void {
  for (const block of blocks) {
    if ('row' in block) completeRow(block.row);
    else for (const row of block.fold.rows) completeRow(row);
  }
}

/** Builds the page model of an alignment. */
export function buildPageModel(alignment: Alignment, options: PageModelOptions = {}): PageModel {
  const { section, changesOnly = false, foldAfter = 3, complete = true, sideOf = plainSides } = options;
  const list = collectRows(alignment.pairs, section, sideOf);
  for (let i = 0; i < list.length; i++) if (complete || list.changed[i]) completeRow(list.rowAt(i));
  // Instructions link rows of every kind: their comparisons (a bill's sections of a law) make every row.
  const rows = alignment.instructions ? list.slice(0, list.length) : undefined;
  if (rows) linkInstructions(rows, alignment.pairs, alignment.instructions!, options.billNames ?? {});
  const changes: ChangeItem[] = [];
  const blocks: Block[] = [];
  let i = 0;
  while (i < list.length) {
    const status = list.statusAt(i);
    let end = i + 1;
    if (status === 'unchanged' || status === 'redesignated') while (end < list.length && list.statusAt(end) === status) end += 1;
    if (status === 'unchanged') {
      if (!changesOnly) {
        // Not completed, a long run's rows are made when a page shows them.
        if (end - i >= foldAfter) blocks.push({ fold: complete ? rowsFold(list.slice(i, end)) : unchangedFold({ list, start: i, end }) });
        else for (let j = i; j < end; j++) blocks.push({ row: list.rowAt(j) });
      }
      i = end;
      continue;
    }
    if (status === 'redesignated' && end - i >= 2) {
      const run = list.slice(i, end);
      const summary = redesignationSummary(run, sideOf);
      const number = changes.length + 1;
      for (const r of run) r.number = number;
      const by = unionOfLinks(run);
      changes.push({ number, href: `#${run[0]!.anchor}`, citation: run[0]!.citation, description: summary, excerpt: [], ...(by ? { by } : {}) });
      blocks.push({ fold: { kind: 'redesignated', summary, rows: run } });
      i = end;
      continue;
    }
    const row = list.rowAt(i);
    row.number = changes.length + 1;
    changes.push({ number: row.number, href: `#${row.anchor}`, citation: row.citation, description: describe(row, sideOf), excerpt: excerptOf(row), ...(row.by ? { by: row.by } : {}) });
    blocks.push({ row });
    i += 1;
  }
  return {
    blocks,
    changes,
    ...(alignment.instructions && rows ? { instructions: instructionList(alignment.instructions, rows, changes, options.billNames ?? {}) } : {}),
    counts: summaryCounts(alignment.summary),
    words: { inserted: alignment.summary.wordsInserted, deleted: alignment.summary.wordsDeleted },
    total: list.length,
  };
}
