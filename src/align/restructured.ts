import type { AlignedPair, Content, WordChange } from '../types.js';
import { childLevels, rowBody, rowText } from './level-text.js';
import type { Context } from './context.js';
import { noteStop, side } from './pairs.js';
import { countWords } from './word-sides.js';
import { diffRows } from './words.js';

/** Most words in a block of changes read as one text; a larger block is paired level by level. */
const MAX_LINEAR_WORDS = 20_000;

/**
 * A block of changed levels read as one text, as the Legislative Counsel marks it: a paragraph
 * split into subparagraphs keeps its words, and only the new designations show as inserted.
 */
export function alignLines(olds: Content[], news: Content[], ctx: Context): AlignedPair[] | undefined {
  const oldNodes = olds.flatMap((n) => flattenLevels(n));
  const newNodes = news.flatMap((n) => flattenLevels(n));
  const oldRows = oldNodes.map(rowText);
  const newRows = newNodes.map(rowText);
  const words = oldRows.reduce((n, r) => n + countWords(r), 0) + newRows.reduce((n, r) => n + countWords(r), 0);
  if (words > MAX_LINEAR_WORDS || ctx.overBudget || ctx.options.now() > ctx.deadline) return undefined;
  return diffRows(oldRows, newRows, ctx.options, { at: ctx.deadline, now: ctx.options.now }).map((row) => {
    noteStop(ctx, row.stopped);
    const oldNode = row.oldRows.length ? oldNodes[row.oldRows[0]!] : undefined;
    const newNode = row.newRow !== undefined ? newNodes[row.newRow] : undefined;
    const pair: AlignedPair = { status: 'modified', children: [] };
    // A line of a restructured block shows the part of each level that falls on it.
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

/** A level and every level under it, in reading order. */
function flattenLevels(node: Content, out: Content[] = []): Content[] {
  out.push(node);
  for (const child of childLevels(node)) flattenLevels(child, out);
  return out;
}
