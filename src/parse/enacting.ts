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
  return text.length < 160 && OPENING.test(text) && ENACTING_CLAUSE.test(text.replace(/\s+/g, ' ').trim());
}
