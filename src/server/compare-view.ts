/**
 * Turns an Alignment into the plain data the compare and print templates show: rows of
 * segments (never HTML), folds of unchanged or redesignated runs, and a numbered change list.
 * Every string here is escaped by Handlebars when rendered.
 */
import type { AlignedPair, Alignment, PairSide, Reference, Summary, WordChange } from '../types.js';
import { findReferences } from '../parse/references.js';
import { rowChanges } from '../render/linear.js';
import { citeSide, depthOf } from './citation.js';

/** A run of text on one side of a row: kept, deleted or inserted. */
export interface Segment {
  text: string;
  del?: true;
  ins?: true;
  /** For a cross-reference: where it points (a clause of this comparison, or the cited code). */
  href?: string;
}

/** One aligned clause: one table row in the side-by-side view. */
export interface ClauseRow {
  /** Element id, `c-<clause id>` (or `c-row<n>` for unnumbered text). */
  anchor: string;
  citation: string;
  status: AlignedPair['status'];
  statusLabel: string;
  changed: boolean;
  /** Indentation step, 0–5 (a CSS class; no inline styles). */
  depth: number;
  old: Segment[];
  new: Segment[];
  inline: Segment[];
  hasOld: boolean;
  hasNew: boolean;
  /** For moved clauses: where the clause is on the other side. */
  move?: { href: string; label: string };
  /** The row's number in the change list. */
  number?: number;
}

/** What the body of a comparison holds, in reading order. */
export type Block = { row: ClauseRow } | { fold: { summary: string; kind: 'unchanged' | 'redesignated'; rows: ClauseRow[] } };

/** One entry of the numbered change list. */
export interface ChangeItem {
  number: number;
  href: string;
  citation: string;
  description: string;
  excerpt: Segment[];
}

export interface CompareModel {
  blocks: Block[];
  changes: ChangeItem[];
  counts: Array<{ label: string; value: number }>;
  words: { inserted: number; deleted: number };
  total: number;
}

/** Options for `buildCompareModel`. */
export interface CompareModelOptions {
  /** Section number for clause ids that name none (a statute file holding one section). */
  section?: string;
  /**
   * Leave unchanged clauses out (print `changes=only`).
   * @default false
   */
  changesOnly?: boolean;
  /**
   * Shortest run of unchanged clauses folded into one expandable line.
   * @default 3
   */
  foldAfter?: number;
}

const STATUS_LABEL: Record<AlignedPair['status'], string> = {
  unchanged: 'unchanged',
  modified: 'amended',
  inserted: 'added',
  deleted: 'deleted',
  moved: 'moved',
  redesignated: 'redesignated',
};

const KIND_PLURAL: Record<string, string> = { subdivision: 'subdivisions', paragraph: 'paragraphs', subparagraph: 'subparagraphs' };

/** Builds the page model of an alignment. */
export function buildCompareModel(alignment: Alignment, options: CompareModelOptions = {}): CompareModel {
  const { section, changesOnly = false, foldAfter = 3 } = options;
  const rows = collectRows(alignment.pairs, section);
  linkReferences(rows);
  const changes: ChangeItem[] = [];
  const blocks: Block[] = [];
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    const run = runOf(rows, i, (r) => r.status === row.status && (row.status === 'unchanged' || row.status === 'redesignated'));
    if (row.status === 'unchanged') {
      if (!changesOnly) {
        if (run.length >= foldAfter) blocks.push({ fold: { kind: 'unchanged', summary: `${run.length} unchanged clauses`, rows: run } });
        else for (const r of run) blocks.push({ row: r });
      }
      i += run.length;
      continue;
    }
    if (row.status === 'redesignated' && run.length >= 2) {
      const summary = redesignationSummary(run);
      const number = changes.length + 1;
      for (const r of run) r.number = number;
      changes.push({ number, href: `#${run[0]!.anchor}`, citation: run[0]!.citation, description: summary, excerpt: [] });
      blocks.push({ fold: { kind: 'redesignated', summary, rows: run } });
      i += run.length;
      continue;
    }
    row.number = changes.length + 1;
    changes.push({ number: row.number, href: `#${row.anchor}`, citation: row.citation, description: describe(row), excerpt: excerptOf(row) });
    blocks.push({ row });
    i += 1;
  }
  return {
    blocks,
    changes,
    counts: countsOf(alignment.summary),
    words: { inserted: alignment.summary.wordsInserted, deleted: alignment.summary.wordsDeleted },
    total: rows.length,
  };
}

interface RowWithPair extends ClauseRow {
  pair: AlignedPair;
}

/** Every pair's own line in reading order (as `linearRows`), with citations and unique anchors. */
function collectRows(pairs: AlignedPair[], section: string | undefined): RowWithPair[] {
  const out: RowWithPair[] = [];
  const used = new Set<string>();
  const visit = (list: AlignedPair[], depth: number, parent: string | undefined) => {
    for (const pair of list) {
      const changes = rowChanges(pair);
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
          status: isChange(pair, changes) ? pair.status : 'unchanged',
          statusLabel: pair.conforming
            ? 'conforming: a reference follows a renumbering'
            : STATUS_LABEL[pair.status] + (pair.redesignated && pair.status !== 'redesignated' ? ', renumbered' : '') + (pair.coarse ? ' (whole clause)' : ''),
          changed: isChange(pair, changes),
          depth: Math.min(5, Math.max(depth, depthOf(side))),
          old: segments(changes, 'old'),
          new: segments(changes, 'new'),
          inline: segments(changes, 'both'),
          hasOld: pair.old !== undefined && !(pair.status === 'moved' && pair.movedFrom !== undefined),
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

/**
 * Whether a row is a change of its own: a parent marked modified only because a child
 * changed (its own line the same, its designation too) is shown as unchanged.
 */
function isChange(pair: AlignedPair, changes: WordChange[]): boolean {
  if (pair.status === 'unchanged') return false;
  if (pair.status !== 'modified' || pair.redesignated || pair.coarse) return true;
  return changes.some((c) => c.op !== 'equal');
}

function unnumbered(side: PairSide | undefined, parent: string | undefined): string {
  const what = side?.type === 'action' ? 'Amending clause' : side?.type === 'chapeau' ? 'Lead-in' : side?.type === 'continuation' ? 'Closing text' : 'Unnumbered text';
  return parent ? `${parent}, ${what.toLowerCase()}` : what;
}

function runOf<T>(rows: T[], start: number, same: (row: T) => boolean): T[] {
  let end = start;
  while (end < rows.length && same(rows[end]!)) end += 1;
  return rows.slice(start, Math.max(end, start + 1));
}

/** California code names as leginfo abbreviates them, for links to a cited section. */
const CA_CODES: Record<string, string> = {
  'Penal Code': 'PEN',
  'Government Code': 'GOV',
  'Education Code': 'EDC',
  'Health and Safety Code': 'HSC',
  'Welfare and Institutions Code': 'WIC',
  'Business and Professions Code': 'BPC',
  'Vehicle Code': 'VEH',
  'Civil Code': 'CIV',
  'Code of Civil Procedure': 'CCP',
  'Family Code': 'FAM',
  'Labor Code': 'LAB',
  'Revenue and Taxation Code': 'RTC',
  'Evidence Code': 'EVID',
};

/**
 * Turns the cross-references in kept and inserted text into links: to the cited section when
 * it is part of this comparison, else to the U.S. Code or the California code that holds it.
 * Links are built from the citation's checked parts, never from raw bill text.
 */
function linkReferences(rows: RowWithPair[]): void {
  const sections = new Map<string, string>();
  for (const row of rows) {
    const side = row.pair.new ?? row.pair.old;
    if (side?.kind === 'section' && side.num && !sections.has(side.num.value)) sections.set(side.num.value, row.anchor);
  }
  const hrefOf = (ref: Reference): string | undefined => {
    if (ref.usc && /^\d{1,3}$/.test(ref.usc.title)) {
      const sectionBase = ref.usc.section.split('(')[0]!;
      if (/^[\w.\-–]+$/.test(sectionBase)) {
        return `https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title${ref.usc.title}-section${encodeURIComponent(sectionBase)}`;
      }
    }
    const cited = ref.path[0];
    if (!cited || !/^[\w.\-]+$/.test(cited)) return undefined;
    const code = ref.act ? CA_CODES[ref.act] : undefined;
    if (code) return `https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=${code}&sectionNum=${encodeURIComponent(cited)}`;
    if (!ref.act && ref.kind === 'section' && sections.has(cited)) return `#${sections.get(cited)}`;
    return undefined;
  };
  const split = (segs: Segment[], own: string | undefined): Segment[] =>
    segs.flatMap((seg, index) => {
      if (seg.del || !/ection|U\.S\.C\./.test(seg.text)) return [seg];
      const out: Segment[] = [];
      let at = 0;
      for (const ref of findReferences(seg.text)) {
        const href = hrefOf(ref);
        if (!href || ref.start < at) continue;
        // The clause's own designation ("Section 1." opening the line) is not a citation.
        if (index === 0 && ref.start === 0 && own && seg.text.startsWith(own)) continue;
        if (ref.start > at) out.push({ ...seg, text: seg.text.slice(at, ref.start) });
        out.push({ ...seg, text: ref.text, href });
        at = ref.end;
      }
      if (!out.length) return [seg];
      if (at < seg.text.length) out.push({ ...seg, text: seg.text.slice(at) });
      return out;
    });
  for (const row of rows) {
    const own = (row.pair.new ?? row.pair.old)?.num?.text;
    row.old = split(row.old, own);
    row.new = split(row.new, own);
    row.inline = split(row.inline, own);
  }
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

/** "paragraphs (3) to (9) redesignated (4) to (10)" */
function redesignationSummary(run: RowWithPair[]): string {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const kinds = new Set(run.map((r) => r.pair.new?.kind ?? r.pair.old?.kind));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  const noun = kind ? (KIND_PLURAL[kind] ?? `${kind}s`) : 'clauses';
  const num = (row: RowWithPair, side: 'old' | 'new') => row.pair[side]?.num?.text ?? row.citation;
  return `${noun} ${num(first, 'old')} to ${num(last, 'old')} redesignated ${num(first, 'new')} to ${num(last, 'new')}`;
}

function describe(row: RowWithPair): string {
  const { pair } = row;
  switch (pair.status) {
    case 'inserted':
      return 'added';
    case 'deleted':
      return 'deleted';
    case 'moved':
      return row.move?.label ?? 'moved';
    case 'redesignated':
      return `${pair.old?.num?.text ?? '?'} redesignated ${pair.new?.num?.text ?? '?'}`;
    default: {
      const words = pair.words ?? [];
      const count = (op: WordChange['op']) => words.filter((w) => w.op === op).reduce((n, w) => n + countWords(w.value), 0);
      const struck = count('delete');
      const inserted = count('insert');
      const parts = [`${struck} ${struck === 1 ? 'word' : 'words'} struck`, `${inserted} inserted`];
      if (pair.redesignated) parts.unshift(`renumbered ${pair.old?.num?.text ?? ''} → ${pair.new?.num?.text ?? ''}`.trim());
      return `amended: ${parts.join(', ')}`;
    }
  }
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A short view of what changed: the first few deleted and inserted runs, trimmed. */
function excerptOf(row: ClauseRow): Segment[] {
  if (row.status !== 'modified') return [];
  const out: Segment[] = [];
  for (const segment of row.inline) {
    if (!segment.del && !segment.ins) continue;
    if (out.length) out.push({ text: ' … ' });
    out.push({ ...segment, text: clip(segment.text.trim(), 80) });
    if (out.length >= 5) break;
  }
  return out;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function countsOf(summary: Summary): Array<{ label: string; value: number }> {
  return [
    { label: 'amended', value: summary.modified },
    { label: 'added', value: summary.inserted },
    { label: 'deleted', value: summary.deleted },
    { label: 'moved', value: summary.moved },
    { label: 'redesignated', value: summary.redesignated },
    { label: 'unchanged', value: summary.unchanged },
  ];
}

/**
 * Rows per page of the compare views. A comparison with more rows than this is shown a page
 * at a time (`&page=N`); print stays complete. Folds of unchanged clauses are split at page
 * ends; a fold of redesignated clauses (one change) is never split.
 */
export const PAGE_ROWS = 300;

/** One page of the body of a comparison. */
export interface BodyPage {
  blocks: Block[];
  /** Clause rows on the page (folded ones included). */
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
      let rest = block.fold.rows;
      while (rest.length) {
        if (page.rows >= pageRows) turn();
        const part = rest.slice(0, pageRows - page.rows);
        rest = rest.slice(part.length);
        if (part.length >= 3) add({ fold: { kind: 'unchanged', summary: `${part.length} unchanged clauses`, rows: part } }, part.length);
        else for (const row of part) add({ row }, 1);
      }
    }
  }
  turn();
  if (!pages.length) pages.push(page);
  return pages;
}

/** The anchor of each row (and each change, by its first row) with the 1-based page it is on. */
export function pagesOfAnchors(pages: BodyPage[]): Map<string, number> {
  const out = new Map<string, number>();
  pages.forEach((page, i) => {
    for (const block of page.blocks) {
      for (const row of 'row' in block ? [block.row] : block.fold.rows) out.set(row.anchor, i + 1);
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
export function linkAcrossPages(blocks: Block[], current: number, pageOf: Map<string, number>, hrefOfPage: (page: number) => string): Block[] {
  const fix = (row: ClauseRow): ClauseRow => {
    if (!row.move) return row;
    const target = pageOf.get(row.move.href.slice(1));
    if (target === undefined || target === current) return row;
    return { ...row, move: { ...row.move, href: `${hrefOfPage(target)}${row.move.href}` } };
  };
  return blocks.map((block) => ('row' in block ? { row: fix(block.row) } : { fold: { ...block.fold, rows: block.fold.rows.map(fix) } }));
}
