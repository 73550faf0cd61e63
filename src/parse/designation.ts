import type { LevelKind } from '../types.js';
import { isWhiteSpace } from '../util/white-space.js';
import { STRUCTURAL_RUNGS } from './ladder.js';

export {
  type Style,
  type Series,
  rankOf,
  isRung,
  isStructural,
  isEnumerated,
  isSection,
  rungOrder,
  sectionLadder,
  rungBelow,
  seriesOf,
  seriesOfRung,
  fits,
  interpretations,
  ordinal,
  isFirst,
  follows,
  precedes,
  idPart,
  childId,
  readIdPart,
} from './ladder.js';

/**
 * Designations: the enumerators that open a level, and how they are normalised.
 *
 * | printed        | value   | kinds it may be                          |
 * |----------------|---------|------------------------------------------|
 * | `(a)`          | `a`     | subdivision (California) / subsection (federal) |
 * | `(1)`, `(1.5)` | `1`     | paragraph                                 |
 * | `(A)`          | `A`     | subparagraph                              |
 * | `(i)`, `(iv)`  | `i`     | clause, or a subdivision when it follows `(h)` |
 * | `(I)`, `(IV)`  | `I`     | subclause, or a subparagraph after `(H)`  |
 * | `(aa)`         | `aa`    | item (or clause `(ii)`)                   |
 * | `(AA)`         | `AA`    | subitem                                   |
 *
 * The roman-or-letter ambiguities are left to the level parser, which knows the
 * designations already open (see `interpretations`).
 */

/** A designation read at the start of a text. */
export interface LeadingDesignation {
  /** As printed, `(a)`. */
  text: string;
  /** The designator inside the parentheses, `a`. */
  value: string;
  /** Characters consumed, including the whitespace that follows. */
  length: number;
}


/** Reads one parenthesised designation at the start of `text`, if there is one. */
export function readParenDesignation(text: string): LeadingDesignation | undefined {
  const paren = parenAt(text, 0);
  if (!paren) return undefined;
  let length = paren.text.length;
  while (length < text.length && isWhiteSpace(text.charCodeAt(length))) length++;
  return { text: paren.text, value: paren.value, length };
}

/** A parenthesised designation as printed and its value: `{text: '(a)', value: 'a'}`. */
export interface Paren {
  readonly text: string;
  readonly value: string;
}

/**
 * The designation printed at `from` in `text`, as the pattern
 * `/^\(([a-z]{1,4}|[A-Z]{1,4}|\d{1,4}[a-z]?(?:\.\d{1,3})?|[a-z]{1,2}\.\d{1,3}|[A-Z]\.\d{1,3})\)(?=\s|\(|$|[A-Z“"])/`
 * reads it at the start of a text (test/parse/designation.test.ts checks they agree), by character
 * codes: no match array and no substrings. Short ones come from a cache, so each is one
 * pair of strings however often it is printed: the result is shared, read it and never change it.
 */
export function parenAt(text: string, from: number): Paren | undefined {
  const end = text.length;
  // (Reads stay inside the text: a read past its end costs optimised code its assumptions.)
  if (from >= end || text.charCodeAt(from) !== 40) return undefined;
  // The value: up to the first ")" (nine characters at most, `1234a.123`), letters, digits and dots only.
  let close = from + 1;
  let key = 0;
  for (;;) {
    if (close >= end || close > from + 10) return undefined;
    const c = text.charCodeAt(close);
    if (c === 41) break;
    if (!(c === 46 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return undefined;
    if (close - from <= 4) key |= c << (7 * (close - from - 1));
    close++;
  }
  if (!isParenValue(text, from + 1, close)) return undefined;
  // What may follow: white space, "(", a capital, a quotation mark, or the end.
  if (close + 1 < end) {
    const next = text.charCodeAt(close + 1);
    if (!(isWhiteSpace(next) || next === 40 || (next >= 65 && next <= 90) || next === 0x201c || next === 34)) return undefined;
  }
  const short = close - from <= 5;
  if (short) {
    const cached = parenCache.get(key);
    if (cached) return cached;
  }
  const paren: Paren = { text: text.slice(from, close + 1), value: text.slice(from + 1, close) };
  if (short && parenCache.size < 5_000) parenCache.set(key, paren);
  return paren;
}

/** Designations of at most four characters by their codes (seven bits each). */
const parenCache = new Map<number, Paren>();

/**
 * Whether `text[from, to)` is a value the pattern reads: `[a-z]{1,4}`, `[A-Z]{1,4}`,
 * `\d{1,4}[a-z]?(?:\.\d{1,3})?`, `[a-z]{1,2}\.\d{1,3}` or `[A-Z]\.\d{1,3}` (of letters, digits and dots).
 */
function isParenValue(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 1) return false;
  const c = text.charCodeAt(from);
  const lower = c >= 97 && c <= 122;
  const upper = c >= 65 && c <= 90;
  let i = from;
  if (lower || upper) {
    while (i < to && (lower ? isLower(text.charCodeAt(i)) : isUpper(text.charCodeAt(i)))) i++;
    const letters = i - from;
    if (i === to) return letters <= 4;
    // A letter or two and a decimal: `a.5`, `aa.12`, `A.5`.
    if (letters > (lower ? 2 : 1) || text.charCodeAt(i) !== 46) return false;
    return digitsTo(text, i + 1, to);
  }
  if (c < 48 || c > 57) return false;
  while (i < to && isDigit(text.charCodeAt(i))) i++;
  if (i - from > 4) return false;
  if (i < to && isLower(text.charCodeAt(i))) i++;
  if (i === to) return true;
  return text.charCodeAt(i) === 46 && digitsTo(text, i + 1, to);
}

/** Whether `text[from, to)` is one to three digits. */
function digitsTo(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 1 || n > 3) return false;
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** The structural rungs as printed: `CHAPTER`, `Chapter`. */
const STRUCTURAL_NAMES = STRUCTURAL_RUNGS.flatMap((kind) => [kind.toUpperCase(), kind[0]!.toUpperCase() + kind.slice(1)]).join('|');
const STRUCTURAL = new RegExp(String.raw`^(${STRUCTURAL_NAMES})\s+([0-9]+(?:\.[0-9]+)*[A-Za-z]?|[IVXLC]+|[A-Z])(\.(?=\s|$)|\s*(?:--|[—–-])|:|$)\s*`);
// "Sec. 2." in a bill's table of contents is an entry, not the section: only the capitals open one.
const BILL_SECTION = /^(SECTION|SEC\.|Section)\s+(\d+(?:\.\d+)*[a-z]?)\.(?=\s|$)\s*/;
const SECTION_SIGN = /^§+\s*(\d+[A-Za-z0-9\-–]*(?:\.[0-9A-Za-z\-]+)*)\.?(?=\s|$)\s*/;
const SECTION_NUMBER = /^(\d+(?:\.\d+)*[a-z]?)\.(?=\s|$)\s*/;

/** A structural or section designation at the start of a line. */
export interface SectionDesignation extends LeadingDesignation {
  kind: LevelKind;
}

/**
 * Reads a section-level designation: `SEC. 2.`, `SECTION 1.`, `§ 7284.6.`, `Chapter 17.25.`,
 * or a bare section number (`1050.`, `7284.6.`) when the caller says a section may start here.
 */
export function readSectionDesignation(text: string, allowBareNumber: boolean): SectionDesignation | undefined {
  // Each pattern opens with its own characters: a line that opens with none of them (most open
  // with "(") is no designation, without a regular expression.
  const c = text.charCodeAt(0);
  if (c === 0xa7) return sectionSign(text);
  if (c >= 48 && c <= 57) return allowBareNumber ? sectionNumber(text) : undefined;
  // S(ECTION, EC., ection, UBTITLE, …), D(IVISION), T(ITLE), P(ART), C(HAPTER), A(RTICLE).
  if (!(c === 83 || c === 68 || c === 84 || c === 80 || c === 67 || c === 65)) return undefined;
  let m = c === 83 ? BILL_SECTION.exec(text) : null;
  if (m) {
    // "Section 1050 of the Penal Code" is an instruction, not a designation: the number must end in a period.
    return { text: m[0].trim(), value: m[2]!, length: m[0].length, kind: 'billSection' };
  }
  m = STRUCTURAL.exec(text);
  // "Subtitle D--Crop Insurance" (GPO text's em dash) opens one; "Subtitle D-1 of" does not.
  if (m && (m[1] === m[1]!.toUpperCase() || m[3] === '.' || /[—–]|--/.test(m[3]!))) {
    const kind = m[1]!.toLowerCase() as LevelKind;
    return { text: m[0].trim(), value: m[2]!, length: m[0].length, kind };
  }
  return undefined;
}

/** `§ 7284.6.` at the start of a text. */
function sectionSign(text: string): SectionDesignation | undefined {
  const m = SECTION_SIGN.exec(text);
  return m ? { text: m[0].trim(), value: m[1]!, length: m[0].length, kind: 'section' } : undefined;
}

/** A bare section number, `1050.`, at the start of a text. */
function sectionNumber(text: string): SectionDesignation | undefined {
  const m = SECTION_NUMBER.exec(text);
  return m ? { text: m[0].trim(), value: m[1]!, length: m[0].length, kind: 'section' } : undefined;
}
