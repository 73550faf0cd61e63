import type { Level } from '../types.js';
import { isWhiteSpace } from '../util/white-space.js';

// What a line's text looks like, read without the parser's state: a section number opening it, a
// heading, a list-opening colon at its end.

/** Words that open a heading in federal style: `(a) In general.—` (kept as printed, dash included). */
export const FEDERAL_HEADING = /^([A-Z][^.—–]{0,100}\.(?:[—–]|--))\s*/;

/** A section number at the start of a line: the number, the white space after it, the character after that. */
const SECTION_START = /^(\d+(?:\.\d+)*[a-z]?)\.(\s+|$)(.?)/;
/** What may follow a section number that opens a section. */
const SECTION_TEXT_START = /^[(A-Z“"]/;

/** Whether a line may open with a bare section number ("1050." alone, or "7284.6. The …" at the top). */
export function looksLikeSectionStart(text: string, atTop: boolean): boolean {
  const c = text.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  const m = SECTION_START.exec(text);
  if (!m) return false;
  if (!m[3]) return true; // the number alone on its line: "1050."
  if (!SECTION_TEXT_START.test(m[3])) return false;
  // "1. The …" is more often a list item than a section: want a decimal or three digits.
  return atTop && (m[1]!.includes('.') || m[1]!.length >= 3);
}

/** Whether a level's last text (its chapeau so far) ends with a colon or a dash, which opens a list. */
export function endsWithColon(level: Level): boolean {
  const last = level.children[level.children.length - 1];
  if (!last || (last.type !== 'text' && last.type !== 'chapeau')) return false;
  // /[:—–-]\s*$/, read from the end: the last character but white space.
  const { value } = last;
  let i = value.length - 1;
  while (i >= 0 && isWhiteSpace(value.charCodeAt(i))) i--;
  if (i < 0) return false;
  const c = value.charCodeAt(i);
  return c === 58 || c === 0x2014 || c === 0x2013 || c === 45;
}

/** Three or more ASCII letters, none lower case, in at most 160 characters. */
export function isCapsHeading(text: string): boolean {
  if (text.length > 160) return false;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 3;
}
