/**
 * Amendatory instructions as plain data: what a bill section tells the reader to do to the law.
 * Everything here survives `JSON.stringify`.
 */

/** What an instruction does. `unknown` marks an instruction the parser could not read (see `reason`). */
export type InstructionAction =
  | 'strike'
  | 'insert'
  | 'strikeInsert'
  | 'addAtEnd'
  | 'insertAfter'
  | 'insertBefore'
  | 'redesignate'
  | 'amendToRead'
  | 'repeal'
  | 'repealReserve'
  | 'add'
  | 'amendRenumber'
  | 'transfer'
  | 'unknown';

/** The law an instruction amends, as far as the bill names it. */
export interface InstructionTarget {
  /** A named Act or Public Law: `Public Health Service Act`, `Public Law 99–239`. */
  act?: string;
  /**
   * The U.S. Code section: named directly (`Section 200304 of title 54, United States Code`) or in
   * the parenthetical after an Act's section (`(42 U.S.C. 280i-1)`), as printed.
   */
  usc?: { title: string; section: string };
  /** The section of the Act or code (`399BB`, `1050`); absent when the section is a U.S. Code section. */
  section?: string;
  /** A California code: `Penal Code`. */
  code?: string;
  /** A U.S. Code title named without a section (`Title 17, United States Code, is amended—`). */
  title?: string;
  /** A chapter named as the target (`Chapter 8 of title 17, United States Code`). */
  chapter?: string;
  /**
   * A division of the law smaller than the whole that is named as the target, as printed
   * (`subchapter I of chapter 33`, `part F of title IV`): the instruction's words are read within it.
   */
  within?: string;
}

/** One designation moved by a redesignation: `{from: 'paragraph (4)', to: 'paragraph (3)'}`. */
export interface Redesignation {
  from: string;
  to: string;
}

/** One operation read from a bill section's amendatory language. */
export interface Instruction {
  /** Its place in the bill section's list of instructions, outermost first: `(a)(1)(A)`; `''` when unnumbered. */
  citation: string;
  /** The instruction's own words, quotation marks included, whitespace folded. */
  text: string;
  target: InstructionTarget;
  /**
   * Where in the target the operation applies, outermost first, gathered from the enclosing items:
   * `['subsection (a)', 'paragraph (2)', 'subparagraph (A)']`, `['subsection (b)', 'matter preceding paragraph (1)']`,
   * `['first sentence']`, `['fifth paragraph']`, `['section heading']`.
   */
  location: string[];
  action: InstructionAction;
  /** Text to strike, without its outer quotation marks. */
  strike?: string;
  /**
   * Units struck, redesignated away or replaced rather than quoted text: `['paragraph (5)']`,
   * `['clause (ii)', 'clause (iii)']`, `['paragraph (6)(E)']`, `['second sentence']`.
   */
  units?: string[];
  /** Text inserted, added or given as the new reading, without its outer quotation marks. */
  insert?: string;
  /** The text or unit the insertion (or a strike of a mark) is placed relative to. */
  anchor?: string;
  /** Whether `anchor` is quoted text or a unit (`paragraph (2)`). */
  anchorKind?: 'text' | 'unit';
  /**
   * For a strike placed by position: `after` / `before` the anchor ("the comma after “X”"), or
   * `end` for words that end the unit ("by striking “and” at the end").
   */
  where?: 'after' | 'before' | 'end';
  /** `each` ("each place it appears") or the 1-based occurrence ("the second place it appears"); `-1` is "the last". */
  occurrence?: 'each' | number;
  /** "and all that follows through “Z”": the text the strike runs through (inclusive). `''` when it
   * runs to the end of the unit ("and all that follows", "… through the period at the end"). */
  through?: string;
  /** Pairs of old and new designations, in the order given. */
  redesignate?: Redesignation[];
  /** Why the instruction could not be read (action `unknown`). */
  reason?: string;
}
