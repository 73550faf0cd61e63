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

const PAREN = /^\(([a-z]{1,4}|[A-Z]{1,4}|\d{1,4}[a-z]?(?:\.\d{1,3})?|[a-z]{1,2}\.\d{1,3}|[A-Z]\.\d{1,3})\)(?=\s|\(|$|[A-Z“"])/;

/** Reads one parenthesised designation at the start of `text`, if there is one. */
export function readParenDesignation(text: string): LeadingDesignation | undefined {
  const m = PAREN.exec(text);
  if (!m) return undefined;
  let length = m[0].length;
  while (length < text.length && isWhiteSpace(text.charCodeAt(length))) length++;
  return { text: m[0], value: m[1]!, length };
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
  // Most lines open with "(": none of these patterns can match them.
  if (text.charCodeAt(0) === 40) return undefined;
  let m = BILL_SECTION.exec(text);
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
  m = SECTION_SIGN.exec(text);
  if (m) return { text: m[0].trim(), value: m[1]!, length: m[0].length, kind: 'section' };
  if (allowBareNumber) {
    m = SECTION_NUMBER.exec(text);
    if (m) return { text: m[0].trim(), value: m[1]!, length: m[0].length, kind: 'section' };
  }
  return undefined;
}
