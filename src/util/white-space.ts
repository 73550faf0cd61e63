/** Whether a UTF-16 code unit is white space as a regular expression's `\s` reads it (without a regular expression). */
export function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The runs of white space that `foldWhiteSpace` changes: two characters or more, or one other than
 * a space. (A single space between words, most of a text's white space, is left unmatched.)
 */
const UNFOLDED = / ?[^\S ]\s*| {2,}\s*/g;

/**
 * Each run of white space as one space: `text.replace(/\s+/g, ' ')`, the same string, matching only
 * the runs that change. `\s+` matches every space between two words, and a replacement's cost is
 * mostly its matches: the California reader spent a quarter of its time folding that way.
 */
export function foldWhiteSpace(text: string): string {
  return text.replace(UNFOLDED, ' ');
}

/** Control characters (C0 and C1) a name never holds; a terminal reads some as commands. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A name as pages and the command line show it: its white space folded and trimmed, any control character left out. */
export function foldName(text: string): string {
  return foldWhiteSpace(text).replace(CONTROL, '').trim();
}
