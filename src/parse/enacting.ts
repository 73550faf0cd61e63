import { isWhiteSpace } from '../util/white-space.js';

/**
 * The enacting clause: the line between a bill's digest and its first section that makes it a law
 * ("The people of the State of California do enact as follows:"; in Congress, "Be it enacted by
 * the Senate and House of Representatives of the United States of America in Congress assembled,").
 */
const ENACTING_CLAUSE =
  /^(?:The people of the State of California do enact as follows|Be it enacted by the Senate and House of Representatives of the United States of America in Congress assembled)\s*[:,.]?$/i;

/** How every enacting clause opens, white space as printed: asked first, so that other lines cost no copy. */
const OPENING = /^\s*(?:the\s+people|be\s+it)\s/i;

/** Whether a line of text is an enacting clause, and nothing else. */
export function isEnactingClause(text: string): boolean {
  if (text.length >= 160) return false;
  // A line that opens with anything but white space, "t" or "b" ("(a) …", "1050.") is none, without a regular expression.
  const c = text.charCodeAt(0);
  if (c !== 116 && c !== 84 && c !== 98 && c !== 66 && !isWhiteSpace(c)) return false;
  return OPENING.test(text) && ENACTING_CLAUSE.test(text.replace(/\s+/g, ' ').trim());
}
