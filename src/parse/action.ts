/**
 * The instruction line of a California bill section, as the level parser needs to see it: a
 * line such as "Section 1050 of the Penal Code is amended to read:" is not law text, and the
 * section number printed after it opens the quoted section. What the line says (which sections,
 * which code, amended or repealed) is read by `amend/california.ts`.
 */

/** What an instruction line names first: `Section 1050`, `Sections 7282 and 7282.5`, `Chapter 17.25`, `The heading of Article 4`. */
export const ACTION_SUBJECT = /^(?:The heading of\s+)?(Sections?|Chapter|Article|Part|Division|Title)\s+(\d[\w.]*)/;
/** Its verb: `is amended`, `are repealed`, `is amended and renumbered` … */
export const ACTION_VERB = /\b(?:is|are)\s+(?:hereby\s+)?(amended and renumbered|repealed and added|added and repealed|amended|added|repealed|renumbered)\b/;

/**
 * Whether a text opens with a California instruction line:
 *
 *     Section 1050 of the Penal Code is amended to read:
 *     Section 7282.7 is added to the Government Code, to read:
 *     Chapter 17.25 (commencing with Section 7284) is added to Division 7 of Title 1 of the Government Code, to read:
 *     Section 11369 of the Health and Safety Code is repealed.
 *
 * Ordinary sentences ("Section 1050 of the Penal Code requires …") are not.
 */
export function isActionLine(text: string): boolean {
  // S, C, A, P, D or T first (a character code, not a regular expression: most lines are not instructions).
  const c = text.charCodeAt(0);
  return (c === 83 || c === 67 || c === 65 || c === 80 || c === 68 || c === 84) && ACTION_SUBJECT.test(text) && ACTION_VERB.test(text);
}

/** Where an instruction line's words end: "to read:", "is repealed.", "read as follows:". */
const ACTION_END = /\bto read:|\b(?:is|are) repealed\.|\bread as follows:/;

/** Where the instruction line ends in a text that goes on with the law it quotes. */
export function actionLineLength(text: string): number {
  const cut = ACTION_END.exec(text);
  return cut ? cut.index + cut[0].length : text.length;
}
