import type {
  AlignedPair,
  Alignment,
  Content,
  Diagnostic,
  DocumentInfo,
  Level,
  PairSide,
  Root,
  Summary,
  WordChange,
} from '../types.js';
import { diagnostic } from '../util/errors.js';
import { childClauses, detach, inlineText, rowBody, rowText, subtreeBody } from './clause-text.js';
import { rankOf } from '../parse/designation.js';
import { pairMovedClauses, parentsOf } from './moved-amended.js';
import { alignAcrossLevels } from './reparent.js';
import { diffKeys } from './sequence.js';
import { bagOf, dice, type Bag } from './similarity.js';

/** Characters of a subtree read for its word bag (the bag itself stops at 600 words). */
const BAG_SAMPLE_CHARS = 8000;
import { countWords, defaultWordDiffOptions, diffClauseWords, diffRows, type WordDiffOptions } from './words.js';

/** Options for `alignTrees`. */
export interface AlignOptions extends WordDiffOptions {
  /**
   * Least word similarity (Dice) for two clauses to be paired as one modified clause;
   * below it they are shown as deleted and inserted.
   * @default 0.4
   */
  pairThreshold?: number;
  /**
   * Below this share of kept words over the whole document, the comparison is reported as a
   * "gut and amend", with a notice (the marks are drawn as for any comparison: a line rewritten
   * past recognition is struck and inserted whole).
   * @default 0.3
   */
  gutThreshold?: number;
  /**
   * Milliseconds the whole alignment may take; past it, the remaining pairs are shown as whole
   * replacements and a warning says so.
   * @default 5000
   */
  budget?: number;
  /** Clock for the budget (tests pass a fake one). */
  now?: () => number;
}

export const defaultAlignOptions: Required<Omit<AlignOptions, keyof WordDiffOptions | 'now'>> = {
  pairThreshold: 0.4,
  gutThreshold: 0.3,
  budget: 5000,
};

/** Largest block of unmatched clauses paired by the quadratic search. */
const MAX_PAIRING_CELLS = 40_000;

interface Context {
  options: Required<Omit<AlignOptions, 'now'>> & { now: () => number };
  deadline: number;
  overBudget: boolean;
  keys: Map<Content, number>;
  interned: Map<string, number>;
  bags: Map<Content, Bag>;
  rowBags: Map<Content, Bag>;
  deleted: AlignedPair[];
  inserted: AlignedPair[];
  sources: Map<AlignedPair, Content>;
  /** Moved-candidates that stand for a clause's own line only (their subclauses are rows of their own). */
  lineOnly: Set<AlignedPair>;
}

/**
 * Aligns two clause trees level by level and diffs the words inside each aligned pair.
 * A clause whose words are unchanged but whose designation moved is `redesignated`; one found
 * elsewhere in the other tree is `moved` (reported at both places).
 */
export function alignTrees(oldTree: Root, newTree: Root, options: AlignOptions = {}): Alignment {
  const now = options.now ?? (() => performance.now());
  const settings = { ...defaultAlignOptions, ...defaultWordDiffOptions, ...options, now };
  const ctx: Context = {
    options: settings,
    deadline: now() + settings.budget,
    overBudget: false,
    keys: new Map(),
    interned: new Map(),
    bags: new Map(),
    rowBags: new Map(),
    deleted: [],
    inserted: [],
    sources: new Map(),
    lineOnly: new Set(),
  };
  const pairs = alignSequences(oldTree.children, newTree.children, ctx);
  findMoves(ctx, pairs);
  markConforming(pairs);

  const summary = summarize(pairs);
  const messages: Diagnostic[] = [];
  let notice: string | undefined;
  // Counting every word costs a pass over both texts: only when the deletions could be most of it.
  // (A comparison cut short by its budget looks gutted, but is not: it keeps its warning instead.)
  const mayBeGutted = !ctx.overBudget && summary.wordsDeleted * 10 > sourceChars(oldTree) && summary.wordsDeleted * 10 > countTreeChars(oldTree);
  const oldWords = mayBeGutted ? countTreeWords(oldTree) : 0;
  const newWords = mayBeGutted ? countTreeWords(newTree) : 0;
  const kept = Math.max(0, oldWords - summary.wordsDeleted);
  const share = kept / Math.max(1, Math.max(oldWords, newWords));
  if (mayBeGutted && oldWords >= 40 && newWords >= 40 && share < settings.gutThreshold) {
    notice = `Most of the text was replaced: only ${Math.round(share * 100)}% of the old words remain ("gut and amend").`;
  }
  if (ctx.overBudget) {
    messages.push(
      diagnostic(
        `the comparison took longer than its ${settings.budget} ms budget; the remaining clauses are shown as whole replacements`,
        newTree.data?.file ?? '',
        undefined,
        'budget',
        false,
        'billdiff:align',
      ),
    );
  }
  const alignment: Alignment = { old: info(oldTree), new: info(newTree), pairs, summary, messages };
  if (notice) {
    alignment.notice = notice;
    alignment.replaced = true;
  }
  return alignment;
}

function info(tree: Root): DocumentInfo {
  const out: DocumentInfo = { file: tree.data?.file ?? '' };
  if (tree.data?.title) out.title = tree.data.title;
  if (tree.data?.format) out.format = tree.data.format;
  return out;
}

/**
 * A clause's content key: its own words and its subclauses' keys, designations left out, so a
 * renumbered clause keeps its key. Interned to a small number, bottom-up, once per node: no
 * subtree text is ever concatenated, and keys compare as integers.
 */
function keyOf(node: Content, ctx: Context): number {
  let key = ctx.keys.get(node);
  if (key === undefined) {
    const children = childClauses(node);
    key = internKey(rowBody(node), children.map((c) => keyOf(c, ctx)), ctx);
    ctx.keys.set(node, key);
  }
  return key;
}

/** The key a clause with these words and these subclause keys has. */
function internKey(body: string, childKeys: number[], ctx: Context): number {
  const text = childKeys.length ? `${body}\u0000${childKeys.join(',')}` : body;
  let id = ctx.interned.get(text);
  if (id === undefined) {
    id = ctx.interned.size;
    ctx.interned.set(text, id);
  }
  return id;
}

/**
 * Lines of a subtree for its word bag: all of a small one; of a large one (a title of an
 * omnibus), lines taken evenly across it, so its bag speaks for the whole and not its opening.
 */
function sampleBody(node: Content): string[] {
  const lines = subtreeBody(node, [], BAG_SAMPLE_CHARS * 8);
  const total = lines.reduce((n, l) => n + l.length, 0);
  if (total <= BAG_SAMPLE_CHARS) return lines;
  const step = total / BAG_SAMPLE_CHARS;
  const out: string[] = [];
  let next = 0;
  let at = 0;
  for (const line of lines) {
    if (at >= next) {
      out.push(line);
      next += step * line.length;
    }
    at += line.length;
  }
  return out;
}

/** Words of a clause's subtree, designations left out, for similarity (bounded: see bagOf). */
function bag(node: Content, ctx: Context): Bag {
  let b = ctx.bags.get(node);
  if (!b) {
    b = bagOf(sampleBody(node).join('\n'));
    ctx.bags.set(node, b);
  }
  return b;
}

/**
 * How alike two clauses are: their own lines' words where both have a line of some length
 * (so that a clause is not paired by the subclauses it gained), else their whole subtrees'.
 */
function similarity(a: Content, b: Content, ctx: Context): number {
  let whole = dice(bag(a, ctx), bag(b, ctx));
  // A title, part or section that keeps its designation is the same unit, however rewritten
  // (a word sample of a large title can miss what it kept): it pairs unless a better match exists.
  // A unit with the same heading is the same unit too.
  if (a.type === 'level' && b.type === 'level' && a.kind === b.kind && rankOf(a.kind) < rankOf('subdivision')) {
    const sameNum = a.num !== undefined && a.num.value === b.num?.value;
    const headings = sameHeading(a.heading, b.heading);
    if ((sameNum && (headings >= 0.3 || whole >= 0.2)) || headings >= 0.8) whole = Math.max(whole, ctx.options.pairThreshold + 0.05);
  }
  const rowA = rowBody(a);
  const rowB = rowBody(b);
  if (countWords(rowA) < 3 || countWords(rowB) < 3 || (!childClauses(a).length && !childClauses(b).length)) return whole;
  return Math.max(whole, dice(rowBag(a, rowA, ctx), rowBag(b, rowB, ctx)));
}

/** How alike two headings are, letter case aside (enrolled bills print them in capitals). */
function sameHeading(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0;
  const x = bagOf(a);
  const y = bagOf(b);
  return x.size >= 2 && y.size >= 2 ? dice(x, y) : 0;
}

function rowBag(node: Content, row: string, ctx: Context): Bag {
  let b = ctx.rowBags.get(node);
  if (!b) {
    b = bagOf(row);
    ctx.rowBags.set(node, b);
  }
  return b;
}

/** Aligns two lists of sibling clauses. */
function alignSequences(olds: Content[], news: Content[], ctx: Context): AlignedPair[] {
  const out: AlignedPair[] = [];
  if (!olds.length && !news.length) return out;
  const oldKeys = olds.map((n) => keyOf(n, ctx));
  const newKeys = news.map((n) => keyOf(n, ctx));
  const parts = diffKeys(oldKeys, newKeys);
  let i = 0;
  let j = 0;
  let gapOld: Content[] = [];
  let gapNew: Content[] = [];
  const flush = () => {
    if (gapOld.length || gapNew.length) out.push(...alignGap(gapOld, gapNew, ctx));
    gapOld = [];
    gapNew = [];
  };
  for (const part of parts) {
    const n = part.count;
    if (part.removed) {
      gapOld.push(...olds.slice(i, i + n));
      i += n;
    } else if (part.added) {
      gapNew.push(...news.slice(j, j + n));
      j += n;
    } else {
      for (let k = 0; k < n; k++) {
        const o = olds[i + k]!;
        const nw = news[j + k]!;
        if (sameShape(o, nw)) {
          flush();
          out.push(makePair(o, nw, ctx));
        } else {
          gapOld.push(o);
          gapNew.push(nw);
        }
      }
      i += n;
      j += n;
    }
  }
  flush();
  return out;
}

/** Pairs the clauses of one block of changes by similarity, keeping their order. */
function alignGap(olds: Content[], news: Content[], ctx: Context): AlignedPair[] {
  const m = olds.length;
  const n = news.length;
  if (m && n) {
    // One side wraps the other's clauses under a level of its own (a bill section around the section it quotes).
    const same = (a: Content, b: Content) => keyOf(a, ctx) === keyOf(b, ctx) || dice(bag(a, ctx), bag(b, ctx)) >= 0.6;
    const wrapped = alignAcrossLevels(olds, news, { same, align: (o, nw) => alignSequences(o, nw, ctx), side });
    if (wrapped) return wrapped;
  }
  const matches: Array<[number, number]> = [];
  if (m && n && m === n && olds.every((o, k) => sameNum(o, news[k]!))) {
    // The common case: the same clauses, each amended in place. No search needed.
    for (let k = 0; k < m; k++) matches.push([k, k]);
  } else if (m && n) {
    if (m * n <= MAX_PAIRING_CELLS) {
      // Monotone pairing that maximises total similarity (a weighted LCS).
      const sim = (a: number, b: number) => {
        const s = similarity(olds[a]!, news[b]!, ctx);
        return s >= ctx.options.pairThreshold ? s : 0;
      };
      const score = new Float64Array((m + 1) * (n + 1));
      const w = n + 1;
      const sims = new Float64Array(m * n);
      for (let a = 0; a < m; a++) for (let b = 0; b < n; b++) sims[a * n + b] = sim(a, b);
      for (let a = m - 1; a >= 0; a--) {
        for (let b = n - 1; b >= 0; b--) {
          const s = sims[a * n + b]!;
          let best = Math.max(score[(a + 1) * w + b]!, score[a * w + b + 1]!);
          if (s > 0) best = Math.max(best, s + score[(a + 1) * w + b + 1]!);
          score[a * w + b] = best;
        }
      }
      let a = 0;
      let b = 0;
      while (a < m && b < n) {
        const s = sims[a * n + b]!;
        if (s > 0 && score[a * w + b] === s + score[(a + 1) * w + b + 1]!) {
          matches.push([a, b]);
          a++;
          b++;
        } else if (score[(a + 1) * w + b]! >= score[a * w + b + 1]!) a++;
        else b++;
      }
    } else {
      // Too large to search: pair clauses that keep their designation, in order.
      let b = 0;
      for (let a = 0; a < m && b < n; a++) {
        const oa = olds[a]!;
        for (let k = b; k < n && k < b + 50; k++) {
          const nb = news[k]!;
          if (oa.type === 'level' && nb.type === 'level' && oa.num?.value === nb.num?.value && dice(bag(oa, ctx), bag(nb, ctx)) >= ctx.options.pairThreshold) {
            matches.push([a, k]);
            b = k + 1;
            break;
          }
        }
      }
    }
  }
  // Pairs of the same shape are aligned clause by clause; what lies between them (and pairs
  // whose shape changed: a paragraph split into subparagraphs) is read as one text.
  const out: AlignedPair[] = [];
  let pendingOld: Content[] = [];
  let pendingNew: Content[] = [];
  const flush = () => {
    // Sections and larger units are never read as one text with their neighbours: an unpaired one
    // is deleted or inserted whole (and may yet be found moved).
    const units = pendingOld.some(isUnit) || pendingNew.some(isUnit);
    if (pendingOld.length && pendingNew.length && !units) {
      const linear = alignLines(pendingOld, pendingNew, ctx);
      if (linear) out.push(...linear);
      else out.push(...pendingOld.map((c) => onlyOld(c, ctx)), ...pendingNew.map((c) => onlyNew(c, ctx)));
    } else out.push(...pendingOld.map((c) => onlyOld(c, ctx)), ...pendingNew.map((c) => onlyNew(c, ctx)));
    pendingOld = [];
    pendingNew = [];
  };
  let a = 0;
  let b = 0;
  for (const [ma, mb] of matches) {
    while (a < ma) pendingOld.push(olds[a++]!);
    while (b < mb) pendingNew.push(news[b++]!);
    const o = olds[ma]!;
    const nw = news[mb]!;
    a = ma + 1;
    b = mb + 1;
    // A section paired with itself stays paired when it gains or loses its divisions (undivided
    // text turned into subsection (a)): its contents are aligned inside it.
    if (sameShape(o, nw) || (isUnit(o) && isUnit(nw))) {
      flush();
      out.push(makePair(o, nw, ctx));
    } else {
      pendingOld.push(o);
      pendingNew.push(nw);
    }
  }
  while (a < m) pendingOld.push(olds[a++]!);
  while (b < n) pendingNew.push(news[b++]!);
  flush();
  return out;
}

/** Both clauses are levels with the same designation. */
function sameNum(a: Content, b: Content): boolean {
  return a.type === 'level' && b.type === 'level' && a.num !== undefined && a.num.value === b.num?.value && a.kind === b.kind;
}

/** Both clauses have subclauses, or neither has: aligning them clause by clause makes sense. */
function sameShape(a: Content, b: Content): boolean {
  return childClauses(a).length > 0 === childClauses(b).length > 0;
}

/** Most words in a block of changes read as one text; a larger block is paired clause by clause. */
const MAX_LINEAR_WORDS = 20_000;

/**
 * A block of changed clauses read as one text, as the Legislative Counsel marks it: a paragraph
 * split into subparagraphs keeps its words, and only the new designations show as inserted.
 */
function alignLines(olds: Content[], news: Content[], ctx: Context): AlignedPair[] | undefined {
  const oldNodes = olds.flatMap((n) => flattenClauses(n));
  const newNodes = news.flatMap((n) => flattenClauses(n));
  const oldRows = oldNodes.map(rowText);
  const newRows = newNodes.map(rowText);
  const words = oldRows.reduce((n, r) => n + countWords(r), 0) + newRows.reduce((n, r) => n + countWords(r), 0);
  if (words > MAX_LINEAR_WORDS || ctx.overBudget || ctx.options.now() > ctx.deadline) return undefined;
  return diffRows(oldRows, newRows, ctx.options).map((row) => {
    const oldNode = row.oldRows.length ? oldNodes[row.oldRows[0]!] : undefined;
    const newNode = row.newRow !== undefined ? newNodes[row.newRow] : undefined;
    const pair: AlignedPair = { status: 'modified', children: [] };
    // A line of a restructured block shows the part of each clause that falls on it.
    if (oldNode) pair.old = { ...side(oldNode), text: joinOps(row.changes, 'insert') };
    if (newNode) pair.new = { ...side(newNode), text: joinOps(row.changes, 'delete') };
    const changed = row.changes.some((c) => c.op !== 'equal');
    const oldNum = oldNode?.type === 'level' ? oldNode.num?.value : undefined;
    const newNum = newNode?.type === 'level' ? newNode.num?.value : undefined;
    if (!newNode) pair.status = 'deleted';
    else if (!oldNode) pair.status = 'inserted';
    else if (!changed) pair.status = oldNum === newNum ? 'unchanged' : 'redesignated';
    else if (oldNode && row.oldRows.length === 1 && rowBody(oldNode) === rowBody(newNode)) pair.status = 'redesignated';
    if (oldNode && newNode && oldNum !== newNum) pair.redesignated = true;
    if (changed) pair.words = row.changes;
    if (row.coarse) pair.coarse = true;
    // A line deleted or inserted whole may turn out to have moved (findMoves).
    if (pair.status === 'deleted' && row.oldRows.length === 1 && oldNode) register(ctx.deleted, pair, oldNode, ctx);
    if (pair.status === 'inserted' && newNode) register(ctx.inserted, pair, newNode, ctx);
    return pair;
  });
}

/** One side's text of a line of word changes: everything but the other side's runs. */
function joinOps(changes: WordChange[], leaveOut: WordChange['op']): string {
  return changes
    .filter((c) => c.op !== leaveOut)
    .map((c) => c.value)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function register(list: AlignedPair[], pair: AlignedPair, node: Content, ctx: Context): void {
  list.push(pair);
  ctx.sources.set(pair, node);
  ctx.lineOnly.add(pair);
}

/** A clause and every clause under it, in reading order. */
function flattenClauses(node: Content, out: Content[] = []): Content[] {
  out.push(node);
  for (const child of childClauses(node)) flattenClauses(child, out);
  return out;
}

function side(node: Content): PairSide {
  const s: PairSide = { type: node.type, text: rowText(node) };
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
 * A clause only in the old text, with its subclauses. It and each section or larger unit inside
 * it are candidates for a move (a section of a title that was struck may reappear elsewhere).
 */
function onlyOld(node: Content, ctx: Context, top = true): AlignedPair {
  const pair: AlignedPair = { status: 'deleted', old: side(node), children: [] };
  if (top || isUnit(node)) {
    ctx.deleted.push(pair);
    ctx.sources.set(pair, node);
  }
  pair.children = childClauses(node).map((c) => onlyOld(c, ctx, false));
  return pair;
}

function onlyNew(node: Content, ctx: Context, top = true): AlignedPair {
  const pair: AlignedPair = { status: 'inserted', new: side(node), children: [] };
  if (top || isUnit(node)) {
    ctx.inserted.push(pair);
    ctx.sources.set(pair, node);
  }
  pair.children = childClauses(node).map((c) => onlyNew(c, ctx, false));
  return pair;
}

/** A section or a larger unit (title, part, chapter …). */
function isUnit(node: Content): boolean {
  return node.type === 'level' && rankOf(node.kind) <= rankOf('section');
}

function wordsOf(oldNode: Content, newNode: Content, ctx: Context): { words?: WordChange[]; coarse?: boolean } {
  const a = rowText(oldNode);
  const b = rowText(newNode);
  if (a === b) return {};
  if (ctx.overBudget || ctx.options.now() > ctx.deadline) {
    ctx.overBudget = true;
    return { words: [...(a ? [{ op: 'delete' as const, value: a }] : []), ...(b ? [{ op: 'insert' as const, value: b }] : [])], coarse: true };
  }
  const result = diffClauseWords(a, b, ctx.options);
  return result.coarse ? { words: result.changes, coarse: true } : { words: result.changes };
}

function makePair(oldNode: Content, newNode: Content, ctx: Context): AlignedPair {
  if (keyOf(oldNode, ctx) === keyOf(newNode, ctx)) return samePair(oldNode, newNode, ctx);
  if (oldNode.type === 'level' && newNode.type === 'level' && isUnit(oldNode) && Boolean(inlineText(oldNode)) !== Boolean(inlineText(newNode))) {
    // A section's undivided text that became its subsection (a) (or the reverse): the text is
    // aligned with the new clauses, not struck from the section's heading line.
    const [o, n] = [detach(oldNode), detach(newNode)];
    return finishPair(o, n, alignSequences(childClauses(o), childClauses(n), ctx), ctx);
  }
  return finishPair(oldNode, newNode, alignSequences(childClauses(oldNode), childClauses(newNode), ctx), ctx);
}

/**
 * Two clauses with the same content key: the same words and the same subclauses in the same
 * order, designations aside. Their subclauses pair one to one, with no search.
 */
function samePair(oldNode: Content, newNode: Content, ctx: Context): AlignedPair {
  const olds = childClauses(oldNode);
  const news = childClauses(newNode);
  return finishPair(oldNode, newNode, olds.map((c, k) => samePair(c, news[k]!, ctx)), ctx, true);
}

/**
 * A pair's status: `redesignated` when only its designation changed, `unchanged` when nothing
 * in it did, else `modified` (with `words` when its own line changed; a clause changed only
 * in its subclauses carries no words and is not counted itself).
 */
function finishPair(oldNode: Content, newNode: Content, children: AlignedPair[], ctx: Context, sameBody = false): AlignedPair {
  const sameNum = (oldNode.type === 'level' ? oldNode.num?.text : undefined) === (newNode.type === 'level' ? newNode.num?.text : undefined);
  // Same content key and same designation: the same line, no word diff to run.
  const { words, coarse } = sameBody && sameNum && oldNode.type === newNode.type ? {} : wordsOf(oldNode, newNode, ctx);
  const oldNum = oldNode.type === 'level' ? oldNode.num?.value : undefined;
  const newNum = newNode.type === 'level' ? newNode.num?.value : undefined;
  const renumbered = oldNum !== newNum;
  const childrenSame = children.every((c) => c.status === 'unchanged');
  let status: AlignedPair['status'] = 'modified';
  if (childrenSame && !words) status = 'unchanged';
  else if (childrenSame && renumbered && rowBody(oldNode) === rowBody(newNode)) status = 'redesignated';
  const pair: AlignedPair = { status, old: side(oldNode), new: side(newNode), children };
  if (renumbered) pair.redesignated = true;
  if (words) pair.words = words;
  if (coarse) pair.coarse = true;
  return pair;
}

/** Deleted and inserted clauses with the same words are one clause moved. */
function findMoves(ctx: Context, pairs: AlignedPair[]): void {
  if (!ctx.deleted.length || !ctx.inserted.length) return;
  const keyFor = (pair: AlignedPair, node: Content) => (ctx.lineOnly.has(pair) ? internKey(rowBody(node), [], ctx) : keyOf(node, ctx));
  // Too short to call a move: fewer than 4 words.
  const long = (pair: AlignedPair) => {
    const node = ctx.sources.get(pair)!;
    return (ctx.lineOnly.has(pair) ? countWords(rowBody(node)) : subtreeBody(node, [], 4).reduce((n, line) => n + countWords(line), 0)) >= 4;
  };
  const byKey = new Map<number, AlignedPair[]>();
  for (const pair of ctx.deleted) {
    const node = ctx.sources.get(pair)!;
    const key = keyFor(pair, node);
    if (!long(pair)) continue;
    const list = byKey.get(key) ?? [];
    list.push(pair);
    byKey.set(key, list);
  }
  // A unit that moves takes its subclauses with it: they are not matched again on their own.
  const taken = new Set<AlignedPair>();
  const take = (pair: AlignedPair) => {
    taken.add(pair);
    pair.children.forEach(take);
  };
  const unmatched: AlignedPair[] = [];
  for (const pair of ctx.inserted) {
    if (taken.has(pair)) continue;
    const node = ctx.sources.get(pair)!;
    const list = byKey.get(keyFor(pair, node));
    let from = list?.shift();
    while (from && taken.has(from)) from = list?.shift();
    if (!from) {
      unmatched.push(pair);
      continue;
    }
    take(from);
    take(pair);
    markMoved(from, pair, ctx);
  }
  // Clauses below the section moved and amended on the way, found by their words among their siblings.
  const clauses = (list: AlignedPair[]) => list.filter((p) => !taken.has(p) && !isUnit(ctx.sources.get(p)!) && long(p));
  const words = (p: AlignedPair) => (ctx.lineOnly.has(p) ? rowBag(ctx.sources.get(p)!, rowBody(ctx.sources.get(p)!), ctx) : bag(ctx.sources.get(p)!, ctx));
  const [movedOut, movedIn] = [clauses(ctx.deleted), clauses(unmatched)];
  const parents = movedOut.length && movedIn.length ? parentsOf(pairs) : new Map<AlignedPair, AlignedPair | null>();
  for (const [from, to] of pairMovedClauses(movedOut, movedIn, (a, b) => dice(words(a), words(b)), (p) => parents.get(p))) {
    if (taken.has(from) || taken.has(to)) continue;
    take(from);
    take(to);
    markMoved(from, to, ctx);
  }
  // Sections and larger units moved and amended on the way (a reorganised title) are found by
  // their words: candidates share rare words, and the best one above the threshold is taken.
  const olds = ctx.deleted.filter((p) => !taken.has(p) && isMoveUnit(ctx.sources.get(p)!, p, ctx));
  const news = unmatched.filter((p) => !taken.has(p) && isMoveUnit(ctx.sources.get(p)!, p, ctx));
  if (!olds.length || !news.length || olds.length * news.length > 25_000_000) return;
  const df = new Map<string, number>();
  for (const p of [...olds, ...news]) for (const w of bag(ctx.sources.get(p)!, ctx).counts.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const index = new Map<string, AlignedPair[]>();
  for (const p of news) {
    let n = 0;
    for (const w of bag(ctx.sources.get(p)!, ctx).counts.keys()) {
      if ((df.get(w) ?? 0) > 6 || n >= 40) continue;
      n++;
      const list = index.get(w) ?? [];
      list.push(p);
      index.set(w, list);
    }
  }
  for (const from of olds) {
    if (taken.has(from)) continue;
    const oldBag = bag(ctx.sources.get(from)!, ctx);
    const votes = new Map<AlignedPair, number>();
    for (const w of oldBag.counts.keys()) for (const p of index.get(w) ?? []) if (!taken.has(p)) votes.set(p, (votes.get(p) ?? 0) + 1);
    let best: AlignedPair | undefined;
    let bestScore = 0.5;
    for (const [p, v] of votes) {
      if (v < 2) continue;
      const oldNode = ctx.sources.get(from)!;
      const newNode = ctx.sources.get(p)!;
      let score = dice(oldBag, bag(newNode, ctx));
      if (oldNode.type === 'level' && newNode.type === 'level' && sameHeading(oldNode.heading, newNode.heading) >= 0.8) score = Math.max(score, 0.5);
      if (score >= bestScore) {
        best = p;
        bestScore = score;
      }
    }
    if (best) {
      take(from);
      take(best);
      markMoved(from, best, ctx);
    }
  }
}

/** Big enough, and of a rank, to be worth looking for elsewhere by its words. */
function isMoveUnit(node: Content, pair: AlignedPair, ctx: Context): boolean {
  if (ctx.lineOnly.has(pair) || node.type !== 'level') return false;
  return rankOf(node.kind) <= rankOf('section') && subtreeBody(node, [], 400).join(' ').length >= 200;
}

/** The deleted `from` and the inserted `pair` are one clause, moved. */
function markMoved(from: AlignedPair, pair: AlignedPair, ctx: Context): void {
  {
    const node = ctx.sources.get(pair)!;
    const oldNode = ctx.sources.get(from)!;
    const lineOnly = ctx.lineOnly.has(pair) || ctx.lineOnly.has(from);
    const matched = lineOnly ? linePair(oldNode, node, ctx) : makePair(oldNode, node, ctx);
    from.status = 'moved';
    from.movedTo = matched.new?.id ?? '';
    delete from.words;
    pair.status = 'moved';
    pair.old = matched.old;
    pair.movedFrom = matched.old?.id ?? '';
    if (!lineOnly) pair.children = matched.children;
    if (matched.words) pair.words = matched.words;
    else delete pair.words;
    if (matched.redesignated) pair.redesignated = true;
  }
}

/** Two clauses' own lines, without their subclauses. */
function linePair(oldNode: Content, newNode: Content, ctx: Context): AlignedPair {
  const pair: AlignedPair = { status: 'modified', old: side(oldNode), new: side(newNode), children: [] };
  const { words } = wordsOf(oldNode, newNode, ctx);
  if (words) pair.words = words;
  if (pair.old?.num?.value !== pair.new?.num?.value) pair.redesignated = true;
  return pair;
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
    for (const child of childClauses(node)) walk(child);
  };
  tree.children.forEach(walk);
  return n;
}

function countTreeWords(tree: Root): number {
  let n = 0;
  for (const child of tree.children) for (const line of subtreeBody(child)) n += countWords(line);
  return n;
}

const REFERENCE_UNIT = /\b(section|subsection|subdivision|paragraph|subparagraph|clause|subclause|item|subitem)s?\s+$/i;
const DESIGNATOR = /^(\(?)([\w.]+)(\)?)([,.;:”"]*)$/;

/**
 * Flags clauses whose only changes are cross-references that follow a renumbering made in the
 * same comparison: "paragraph (2)" becoming "paragraph (3)" where paragraph (2) became (3).
 */
function markConforming(pairs: AlignedPair[]): void {
  const renumbered = new Map<string, Set<string>>();
  const unitOf = (kind: string) => (kind === 'subdivision' ? 'subsection' : kind);
  const collect = (pair: AlignedPair) => {
    const { old: o, new: n } = pair;
    if (pair.redesignated && o?.kind && n?.kind && o.num && n.num) {
      const key = `${unitOf(o.kind)}:${o.num.value}`;
      const set = renumbered.get(key) ?? new Set<string>();
      set.add(n.num.value);
      renumbered.set(key, set);
    }
    pair.children.forEach(collect);
  };
  pairs.forEach(collect);
  if (!renumbered.size) return;
  const check = (pair: AlignedPair) => {
    if (pair.status === 'modified' && pair.words && explainedByRenumbering(pair.words, renumbered, unitOf)) pair.conforming = true;
    pair.children.forEach(check);
  };
  pairs.forEach(check);
}

function explainedByRenumbering(words: WordChange[], renumbered: Map<string, Set<string>>, unitOf: (kind: string) => string): boolean {
  let explained = 0;
  for (let i = 0; i < words.length; i++) {
    const change = words[i]!;
    if (change.op === 'equal') continue;
    // A deleted designator, maybe a space, an inserted one, after "paragraph " or the like.
    if (change.op !== 'delete') return false;
    let j = i + 1;
    if (words[j]?.op === 'equal' && !words[j]!.value.trim()) j++;
    const inserted = words[j];
    const before = words[i - 1];
    if (inserted?.op !== 'insert' || before?.op !== 'equal') return false;
    const unit = REFERENCE_UNIT.exec(before.value);
    const a = DESIGNATOR.exec(change.value);
    const b = DESIGNATOR.exec(inserted.value);
    if (!unit || !a || !b || a[1] !== b[1] || a[3] !== b[3] || a[4] !== b[4]) return false;
    if (!renumbered.get(`${unitOf(unit[1]!.toLowerCase())}:${a[2]}`)?.has(b[2]!)) return false;
    explained++;
    i = j;
  }
  return explained > 0;
}

/** Counts statuses and changed words over an alignment. */
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
    } else if (pair.status === 'modified' && !pair.words) {
      // A clause changed only below its own line (a subsection whose paragraph changed) is
      // counted at the paragraph, not again at every clause above it.
    } else s[pair.status]++;
    if (pair.status === 'inserted') s.wordsInserted += countWords(pair.new?.text ?? '');
    else if (pair.status === 'deleted') s.wordsDeleted += countWords(pair.old?.text ?? '');
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
