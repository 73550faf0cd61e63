import type { Alignment, Diagnostic, DocumentInfo, Root } from '../types.js';
import { diagnostic } from '../util/errors.js';
import { markConforming } from './conforming.js';
import { createContext } from './context.js';
import { findMoves } from './moves.js';
import { defaultAlignOptions, type AlignOptions } from './options.js';
import { sidesMadeFrom, type SideOf } from './pairs.js';
import { alignSequences } from './siblings.js';
import { guttedShare, summarize } from './summary.js';
import { MAX_DIFF_WORDS } from './word-sides.js';
import { defaultWordDiffOptions } from './words.js';

export { defaultAlignOptions, type AlignOptions } from './options.js';
export { summarize } from './summary.js';
export { plainSides, type SideOf } from './pairs.js';

/**
 * Aligns two level trees level by level and diffs the words inside each aligned pair.
 * A level whose words are unchanged but whose designation moved is `redesignated`; one found
 * elsewhere in the other tree is `moved` (reported at both places).
 *
 * The steps, each in a file of its own: the sibling levels of each level are aligned by their
 * content keys (`siblings.ts`, over `sequence.ts`); the levels between two kept ones are
 * re-parented when one side wraps the other's (`reparent.ts`), paired by similarity
 * (`pairing.ts`), or read as one text when their structure changed (`restructured.ts`); each
 * pair gets its status and word changes (`pairs.ts`); then, over the whole tree, deleted and
 * inserted levels are matched as moves, moved and amended ones among siblings
 * (`moves.ts`, `moved-amended.ts`), and changes that only follow a renumbering are marked
 * conforming (`conforming.ts`).
 */
export function alignTrees(oldTree: Root, newTree: Root, options: AlignOptions = {}): Alignment {
  return align(oldTree, newTree, options, false);
}

/** An alignment whose sides are read with its `sideOf` (see `alignTreesToWrite`). */
export interface AlignmentToWrite {
  alignment: Alignment;
  sideOf: SideOf;
}

/**
 * `alignTrees` for a caller that writes the alignment out at once and reads nothing else of its
 * pairs (the CLI): the sides of the pairs made from the trees are left as the nodes they stand
 * for, and `sideOf` makes each as it is read. The sides made while aligning live to its end and
 * are moved to V8's old generation with the trees; made as they are written, they die young (5 MB
 * pair: 8.7 MB less heap when the alignment ends). The alignment is not plain data: its sides are
 * read only through `sideOf`, by a writer that takes it. Not exported by the package.
 */
export function alignTreesToWrite(oldTree: Root, newTree: Root, options: AlignOptions = {}): AlignmentToWrite {
  return { alignment: align(oldTree, newTree, options, true), sideOf: sidesMadeFrom(options.texts ?? {}) };
}

function align(oldTree: Root, newTree: Root, options: AlignOptions, lazySides: boolean): Alignment {
  const { deadline: given, texts, ...rest } = options;
  const now = given?.now ?? options.now ?? (() => performance.now());
  const settings = { ...defaultAlignOptions, ...defaultWordDiffOptions, ...rest, now, ...(given ? { budget: given.budget } : {}) };
  const ctx = createContext(settings, given ? given.at : now() + settings.budget, texts, lazySides);
  // (A list of its own even when empty: the caller may add to it.)
  const aligned = alignSequences(oldTree.children, newTree.children, ctx);
  const pairs = aligned.length ? aligned : [];
  findMoves(ctx, pairs);
  markConforming(pairs);

  const summary = summarize(pairs);
  const messages: Diagnostic[] = [];
  let notice: string | undefined;
  // (A comparison cut short by its budget looks gutted, but is not: it keeps its warning instead.)
  const share = ctx.overBudget || ctx.tooLong ? undefined : guttedShare(oldTree, newTree, summary, settings.gutThreshold);
  if (share !== undefined) {
    notice = `Most of the text was replaced: only ${Math.round(share * 100)}% of the old words remain ("gut and amend").`;
  }
  const warn = (reason: string) => messages.push(diagnostic(reason, newTree.data?.file ?? '', undefined, 'budget', false, 'billdiff:align'));
  if (ctx.overBudget) warn(`the comparison took longer than its ${settings.budget} ms budget; the remaining clauses are shown as whole replacements`);
  if (ctx.tooLong) {
    warn(`a line holds more words than billdiff diffs word by word (${MAX_DIFF_WORDS.toLocaleString('en-US')} in both versions together); it is shown as a whole replacement`);
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
