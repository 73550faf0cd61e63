/**
 * Amendatory instructions as plain data: what a bill section tells the reader to do to the law.
 * Everything here survives `JSON.stringify`. Places in the law are typed steps (`LocationStep`),
 * read once from the bill's words by `parseInstructions` and consumed as they are by the executor.
 */
import type { Action, LevelKind } from '../types.js';

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
  | 'reformat'
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

/**
 * One step of a place in the law, outermost first. A place is a path of steps:
 * `[{type: 'level', rung: 'subsection', designation: 'b'}, {type: 'matter', side: 'preceding', rung: 'paragraph', designation: '1'}]`
 * is "the matter preceding paragraph (1) of subsection (b)".
 */
export type LocationStep =
  /**
   * A level by its rung and designation: subsection (b), paragraph (2), section 5; `nth` when the
   * law has more than one level so designated ("the first subsection (c)", "the second section 9703").
   */
  | { type: 'level'; rung: LevelKind; designation: string; nth?: number }
  /** The text before a level's first subordinate (`preceding`), or after one (`following`): "the matter preceding paragraph (1)". */
  | { type: 'matter'; side: 'preceding' | 'following'; rung: LevelKind; designation: string }
  /** The flush text after a level's last subordinate: "the flush text at the end", "the undesignated matter following". */
  | { type: 'flush' }
  /** A sentence by its place (1-based; -1 is the last). */
  | { type: 'sentence'; ordinal: number }
  /** An undesignated paragraph by its place ("the fifth paragraph" of a section printed without designations). */
  | { type: 'paragraph'; ordinal: number }
  /** A level's heading ("the heading", "the section heading": `rung` when named). */
  | { type: 'heading'; rung?: LevelKind }
  /** A table of sections or contents ("the table of sections for chapter 5"). */
  | { type: 'table'; of: string }
  /** One item of such a table: "the item relating to section 5". */
  | { type: 'tableItem'; rung: string; designation: string }
  /** A mark named in words: "the period at the end", "the semicolon". */
  | { type: 'mark'; mark: string; atEnd: boolean }
  /** A level's designation (and heading): "the subsection designation and heading", "the section designation". */
  | { type: 'designation'; rung?: LevelKind; heading: boolean }
  /**
   * A provision named otherwise than by the ladder, as printed: "subheading 6211.32.00" (a tariff
   * schedule), "General Note 3(e)", "the long title", "the second proviso under the heading “…”".
   */
  | { type: 'provision'; name: string };

/** A place in the law: steps, outermost first. */
export type Path = LocationStep[];

/** One designation moved by a redesignation: paragraph (4) → paragraph (3). */
export interface Redesignation {
  from: Path;
  /** The new designation; with more than one step, under another level ("as subsection (c) of section 228"). */
  to: Path;
  /** Where a level moved under another goes: at its end, or after or before a level there ("so as to appear after paragraph (1)"). */
  place?: { where: 'end' } | { where: 'after' | 'before'; at: Path };
}

/** What an insertion is placed against: quoted words, or a place. */
export type Anchor = { text: string } | { at: Path };

/** One operation read from a bill section's amendatory language. */
export interface Instruction {
  /** Its place in the bill section's list of instructions, outermost first: `(a)(1)(A)`; `''` when unnumbered. */
  citation: string;
  /** The instruction's own words, quotation marks included, whitespace folded. */
  text: string;
  target: InstructionTarget;
  /** Where in the target the operation applies, gathered from the enclosing items (see `describeLocation`). */
  location: Path;
  action: InstructionAction;
  /** Text to strike, without its outer quotation marks. */
  strike?: string;
  /**
   * levels struck, redesignated away or replaced rather than quoted text, each a path from the
   * location: paragraph (5); paragraph (6)(E) (two steps); the second sentence; the period at the end.
   */
  units?: Path[];
  /** Text inserted, added or given as the new reading, without its outer quotation marks. */
  insert?: string;
  /** The text or place the insertion (or a strike of a mark) is placed relative to. */
  anchor?: Anchor;
  /**
   * For a strike placed by position: `after` / `before` the anchor ("the comma after “X”"), or
   * `end` for words that end the level ("by striking “and” at the end").
   */
  where?: 'after' | 'before' | 'end';
  /** `each` ("each place it appears") or the 1-based occurrence ("the second place it appears"); `-1` is "the last". */
  occurrence?: 'each' | number;
  /** "and all that follows through “Z”": the text the strike runs through (inclusive). `''` when it
   * runs to the end of the level ("and all that follows", "… through the period at the end"). */
  through?: string;
  /** "and all that follows through the end of subsection (a)": the place the strike runs to the end of. */
  throughEnd?: Path;
  /** "and all that precedes it through “(1)”": the text the strike runs back to (inclusive). */
  from?: string;
  /** "all that precedes “X”", "all that follows “X”": the text before (or after) an anchor, to the edge of the place. */
  span?: { side: 'precedes' | 'follows'; anchor: Anchor };
  /** "in the text and heading": the words are amended in the headings of the place too. */
  headings?: boolean;
  /** How many places the words are said to appear ("both places it appears": 2). */
  count?: number;
  /** Places left out of "each place it appears" ("(except in subsection (c)(11)(B))"). */
  except?: Path[];
  /** "and all that follows before the period at the end": the mark at the end the strike stops short of. */
  stopBefore?: string;
  /** Pairs of old and new designations, in the order given. */
  redesignate?: Redesignation[];
  /** What the reader noted while reading the words (a slip read for its plain intent). */
  notes?: string[];
  /** Why the instruction could not be read (action `unknown`). */
  reason?: string;
}

/** What a California bill section does to the law, as its instruction line says. */
export type CaliforniaActionType = 'amend' | 'add' | 'repeal' | 'amendRenumber' | 'addRenumber' | 'repealAdd' | 'other';

/** A California instruction line read: "Section 1050 of the Penal Code is amended to read:". */
export interface CaliforniaAction extends Action {
  action: CaliforniaActionType;
  /** Section numbers the instruction names, in order (`1050`, `7282.7`). */
  sections: string[];
  /** The code named ("Penal Code"), when there is one. */
  code?: string;
}
