import type { Deadline } from '../util/deadline.js';
import type { WordDiffOptions } from './words.js';

/** Options for `alignTrees`. */
export interface AlignOptions extends WordDiffOptions {
  /**
   * Least word similarity (Dice) for two levels to be paired as one modified level;
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
  /**
   * The comparison's deadline, when reading the inputs already spent part of its budget: the
   * alignment has what remains (it takes the place of `budget` and `now`).
   */
  deadline?: Deadline;
  /**
   * The texts the trees were read from (plain text or Markdown: the trees' positions are offsets
   * into them), when the caller has them: a level's own line that reads there as printed is then a
   * slice of its text rather than a new string (`rowTextIn`). The alignment is the same either way.
   */
  texts?: { old?: string; new?: string };
}

export const defaultAlignOptions: Required<Omit<AlignOptions, keyof WordDiffOptions | 'now' | 'deadline' | 'texts'>> = {
  pairThreshold: 0.4,
  gutThreshold: 0.3,
  budget: 5000,
};
