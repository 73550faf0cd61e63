/**
 * Turns an Alignment into the plain data the compare and print templates show: rows of
 * segments (never HTML), folds of unchanged or redesignated runs, and a numbered change list.
 * Every string here is escaped by Handlebars when rendered.
 */
import type { AlignedPair, Alignment, InstructionRecord, PairSide, Reference, Summary, TextRole, WordChange } from '../types.js';
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
  /** In a Changes in Existing Law comparison: links to the instructions that made the change. */
  by?: InstructionLink[];
}

/** A link from a change to the instruction (`#ins-i3`) that made it. */
export interface InstructionLink {
  id: string;
  href: string;
  /** The instruction's place in the bill: `sec. 3001(b)(2)` (with the bill's name when several bills apply). */
  label: string;
  /** The instruction's words, clipped: a tooltip. */
  title: string;
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
  /** In a Changes in Existing Law comparison: the instructions that made the change. */
  by?: InstructionLink[];
  /** The page of a paged comparison that shows the change, when it is not the current one. */
  page?: number;
}

export interface CompareModel {
  blocks: Block[];
  changes: ChangeItem[];
  /** In a Changes in Existing Law comparison: the bills' instructions, refused ones first. */
  instructions?: InstructionList;
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
  /**
   * How to name the bills of a Changes in Existing Law comparison (by the id instructions carry
   * in `bill`): `AB 1656`. Instructions are named by their bill too when there are several.
   */
  billNames?: Record<string, string>;
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
  if (alignment.instructions) linkInstructions(rows, alignment.pairs, alignment.instructions, options.billNames ?? {});
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
      const by = unionOfLinks(run);
      changes.push({ number, href: `#${run[0]!.anchor}`, citation: run[0]!.citation, description: summary, excerpt: [], ...(by ? { by } : {}) });
      blocks.push({ fold: { kind: 'redesignated', summary, rows: run } });
      i += run.length;
      continue;
    }
    row.number = changes.length + 1;
    changes.push({ number: row.number, href: `#${row.anchor}`, citation: row.citation, description: describe(row), excerpt: excerptOf(row), ...(row.by ? { by: row.by } : {}) });
    blocks.push({ row });
    i += 1;
  }
  return {
    blocks,
    changes,
    ...(alignment.instructions ? { instructions: instructionList(alignment.instructions, rows, changes, options.billNames ?? {}) } : {}),
    counts: countsOf(alignment.summary),
    words: { inserted: alignment.summary.wordsInserted, deleted: alignment.summary.wordsDeleted },
    total: rows.length,
  };
}

interface RowWithPair extends ClauseRow {
  pair: AlignedPair;
  /**
   * In a Changes in Existing Law comparison: the anchors whose clause an instruction's change
   * records name for this row (its own, and its parent's when the row is the parent's own text).
   */
  clauses?: string[];
}

/** Every pair's own line in reading order (as `linearRows`), with citations and unique anchors. */
function collectRows(pairs: AlignedPair[], section: string | undefined): RowWithPair[] {
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
          status: isChange(pair, changes) ? pair.status : 'unchanged',
          statusLabel: pair.conforming
            ? 'conforming: a reference follows a renumbering'
            : STATUS_LABEL[pair.status] + (pair.redesignated && pair.status !== 'redesignated' ? (pair.old?.num ? ', renumbered' : ', designated') : '') + (pair.coarse ? ' (whole clause)' : ''),
          changed: isChange(pair, changes),
          depth: Math.min(5, Math.max(depth, depthOf(side))),
          old: segments(changes, 'old'),
          new: segments(changes, 'new'),
          inline: segments(changes, 'both'),
          // A clause moved and amended shows, where it went, its old words beside its new ones.
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

/**
 * Whether a row is a change of its own: a parent marked modified only because a child
 * changed (its own line the same, its designation too) is shown as unchanged.
 */
function isChange(pair: AlignedPair, changes: WordChange[]): boolean {
  if (pair.status === 'unchanged') return false;
  if (pair.status !== 'modified' || pair.redesignated || pair.coarse) return true;
  return changes.some((c) => c.op !== 'equal');
}

/** What a reader calls an unnumbered text of a bill. */
const TEXT_ROLE_NAMES: Record<TextRole, string> = { title: 'Title', digest: "Legislative Counsel's Digest", action: 'Action' };

function unnumbered(side: PairSide | undefined, parent: string | undefined): string {
  const what =
    side?.type === 'action'
      ? 'Amending clause'
      : side?.type === 'chapeau'
        ? 'Lead-in'
        : side?.type === 'continuation'
          ? 'Closing text'
          : side?.role
            ? TEXT_ROLE_NAMES[side.role]
            : /^(?:“|‘‘|''|")/.test(side?.text ?? '')
              ? 'Quoted text'
              : 'Unnumbered text';
  return parent ? `${parent}, ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what;
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
      if (pair.redesignated) {
        // Undivided text that became a numbered clause had no designation to renumber.
        parts.unshift(pair.old?.num ? `renumbered ${pair.old.num.text} → ${pair.new?.num?.text ?? ''}`.trim() : `designated ${pair.new?.num?.text ?? ''}`.trim());
      }
      return `amended: ${parts.join(', ')}`;
    }
  }
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A short view of what changed: the first few deleted and inserted runs, trimmed. */
function excerptOf(row: ClauseRow, max = 80): Segment[] {
  if (row.status !== 'modified') return [];
  const out: Segment[] = [];
  for (const segment of row.inline) {
    if (!segment.del && !segment.ins) continue;
    if (out.length) out.push({ text: ' … ' });
    out.push({ ...segment, text: clip(segment.text.trim(), max) });
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

// ---------------------------------------------------------------------------
// Changes in Existing Law: instructions and the changes they made

/** One change an instruction made, as its entry in the instruction list shows it. */
export interface InstructionChange {
  href: string;
  citation: string;
  description: string;
  excerpt: Segment[];
  /** The page of a paged comparison that shows the change, when it is not the current one. */
  page?: number;
}

/** One instruction of a bill, for the instruction list. */
export interface InstructionItem {
  id: string;
  /** Element id: `ins-i3`. */
  anchor: string;
  status: InstructionRecord['status'];
  applied: boolean;
  /** The bill's name (`AB 1656`, or its id when unknown). */
  bill: string;
  /** Its place in the bill: `sec. 3001(b)(2)`, or `unnumbered`. */
  citation: string;
  /** What it amends, as the bill names it. */
  target: string;
  /** What it does, in words: `strike and insert`. */
  action: string;
  /** The bill's words. */
  text: string;
  reason?: string;
  notes: string[];
  /** The rows it changed (on this page or another). */
  changes: InstructionChange[];
}

export interface InstructionList {
  items: InstructionItem[];
  total: number;
  applied: number;
  refused: number;
}

const ACTION_WORDS: Record<string, string> = {
  strike: 'strike',
  insert: 'insert',
  strikeInsert: 'strike and insert',
  addAtEnd: 'add at the end',
  insertAfter: 'insert after',
  insertBefore: 'insert before',
  redesignate: 'redesignate',
  amendToRead: 'amend to read',
  repeal: 'repeal',
  repealReserve: 'repeal and reserve',
  add: 'add',
  amendRenumber: 'amend and renumber',
  transfer: 'transfer',
  unknown: 'not understood',
};

/** Whether a row shows a change of its own (a fold of redesignated rows counts). */
const showsChange = (row: ClauseRow) => row.changed || row.status === 'redesignated';

/**
 * Gives every changed row links to the instructions that made its change (`amendedBy`). A clause
 * whose own line is unchanged but whose text (held in text children: undivided text turned into
 * subsection (a), a closing text) was amended passes its instructions to those children.
 */
function linkInstructions(rows: RowWithPair[], pairs: AlignedPair[], instructions: InstructionRecord[], billNames: Record<string, string>): void {
  const byId = new Map(instructions.map((i) => [i.id, i]));
  const order = new Map(instructions.map((i, n) => [i.id, n]));
  const several = new Set(instructions.map((i) => i.bill)).size > 1;
  const rowOf = new Map(rows.map((r) => [r.pair, r]));
  const parentOf = new Map<AlignedPair, AlignedPair>();
  const walk = (list: AlignedPair[]) => {
    for (const pair of list) {
      for (const child of pair.children) parentOf.set(child, pair);
      walk(pair.children);
    }
  };
  walk(pairs);
  for (const row of rows) {
    if (!showsChange(row)) continue;
    let ids: string[] = row.pair.amendedBy ?? [];
    row.clauses = [row.anchor];
    const parent = parentOf.get(row.pair);
    const parentRow = parent ? rowOf.get(parent) : undefined;
    const side = row.pair.old ?? row.pair.new;
    // The parent's former text shown in this row (changesInExistingLaw gives the row the parent's
    // instructions): the parent's change records describe it.
    if (parentRow && !showsChange(parentRow) && side && side.type !== 'level') row.clauses.push(parentRow.anchor);
    ids = [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (!ids.length) continue;
    row.by = ids.map((id) => {
      const record = byId.get(id);
      const citation = record?.citation || id;
      const label = several && record ? `${billNames[record.bill] ?? record.bill} ${citation}` : citation;
      return { id, href: `#ins-${id}`, label, title: record ? clip(`${record.citation ? `${record.citation}: ` : ''}${record.text}`, 240) : id };
    });
  }
}

function unionOfLinks(rows: ClauseRow[]): InstructionLink[] | undefined {
  const seen = new Map<string, InstructionLink>();
  for (const row of rows) for (const link of row.by ?? []) if (!seen.has(link.id)) seen.set(link.id, link);
  return seen.size ? [...seen.values()] : undefined;
}

/**
 * The instruction list of a Changes in Existing Law comparison: refused instructions first (with
 * their reasons), then the applied ones in the order applied, each with the changes it made.
 */
function instructionList(records: InstructionRecord[], rows: RowWithPair[], changes: ChangeItem[], billNames: Record<string, string>): InstructionList {
  const made = new Map<string, InstructionChange[]>();
  const anchors = new Set(rows.map((r) => r.anchor));
  for (const row of rows) {
    if (!row.by || !showsChange(row)) continue;
    const item = row.number !== undefined ? changes[row.number - 1] : undefined;
    // A redesignation fold is one change: its rows are listed once, by the fold.
    const inFold = item !== undefined && item.href !== `#${row.anchor}`;
    for (const link of row.by) {
      const list = made.get(link.id) ?? [];
      made.set(link.id, list);
      if (inFold) {
        if (!list.some((c) => c.href === item.href)) list.push({ href: item.href, citation: item.citation, description: item.description, excerpt: [] });
        continue;
      }
      const own = ownChanges(records.find((r) => r.id === link.id), row);
      list.push({
        href: `#${row.anchor}`,
        citation: row.citation,
        description: own ? own.description : (item?.description ?? row.statusLabel),
        excerpt: own ? own.excerpt : changeExcerpt(row),
      });
    }
  }
  const item = (record: InstructionRecord): InstructionItem => {
    let list = made.get(record.id) ?? [];
    if (!list.length && record.status === 'applied') {
      // Nothing of its own shows (its change nets out, or sits in a clause's children): name the clauses it reports.
      const clauses = [...new Set(record.changes.map((c) => `c-${c.clause}`))].filter((a) => anchors.has(a));
      list = clauses.map((a) => {
        const row = rows.find((r) => r.anchor === a)!;
        return { href: `#${a}`, citation: row.citation, description: row.changed ? row.statusLabel : 'no change of its own shows in this clause', excerpt: [] };
      });
    }
    return {
      id: record.id,
      anchor: `ins-${record.id}`,
      status: record.status,
      applied: record.status === 'applied',
      bill: billNames[record.bill] ?? record.bill,
      citation: record.citation || 'unnumbered',
      target: record.target,
      action: ACTION_WORDS[record.action] ?? record.action,
      text: record.text,
      ...(record.reason ? { reason: record.reason } : {}),
      notes: record.notes ?? [],
      changes: list,
    };
  };
  const refused = records.filter((r) => r.status === 'refused');
  const applied = records.filter((r) => r.status !== 'refused');
  return { items: [...refused, ...applied].map(item), total: records.length, applied: applied.length, refused: refused.length };
}

/**
 * What one instruction itself struck and inserted in an amended clause, from its change records
 * (a clause amended by several instructions shows them all at once; each instruction shows its own
 * part). Undefined when the records say nothing the row does not (a clause added or deleted whole,
 * a section amended to read as it did).
 */
function ownChanges(record: InstructionRecord | undefined, row: RowWithPair): { description: string; excerpt: Segment[] } | undefined {
  if (!record || row.status !== 'modified') return undefined;
  const clauses = row.clauses ?? [row.anchor];
  const own = record.changes.filter(
    (c) => clauses.includes(`c-${c.clause}`) && c.kind !== 'redesignated' && (c.struck ?? '') !== (c.inserted ?? '') && (c.struck || c.inserted),
  );
  if (!own.length) return undefined;
  const excerpt: Segment[] = [];
  for (const change of own.slice(0, 4)) {
    if (excerpt.length) excerpt.push({ text: ' … ' });
    if (change.struck) excerpt.push({ text: clip(change.struck.trim(), 200), del: true });
    if (change.struck && change.inserted) excerpt.push({ text: ' ' });
    if (change.inserted) excerpt.push({ text: clip(change.inserted.trim(), 200), ins: true });
  }
  const struck = own.some((c) => c.struck);
  const inserted = own.some((c) => c.inserted);
  return { description: struck && inserted ? 'text struck and inserted' : struck ? 'text struck' : 'text inserted', excerpt };
}

/** What a change did, shortly: the struck and inserted runs of an amended clause, or the text added or deleted. */
function changeExcerpt(row: ClauseRow): Segment[] {
  if (row.status === 'modified') return excerptOf(row, 300);
  if (row.status === 'inserted' || row.status === 'deleted') {
    const side = row.status === 'inserted' ? row.new : row.old;
    const text = clip(side.map((s) => s.text).join('').trim(), 240);
    return text ? [row.status === 'inserted' ? { text, ins: true } : { text, del: true }] : [];
  }
  return [];
}
