/**
 * The plain-data model shared by every stage: source blocks, the level tree,
 * the alignment and diagnostics. Everything here survives `JSON.stringify`.
 */

/** One place in a source file. `line` and `column` are 1-based, `offset` 0-based (unist). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A region of a source file; `end` is the first character after it. */
export interface Position {
  start: Point;
  end: Point;
}

/** Input formats the readers understand. */
export type SourceFormat = 'text' | 'markdown' | 'caml' | 'federal';

/** Which text of a marked-up CAML bill version to read. */
export type MarksMode = 'printed' | 'before';

/**
 * The role a block of text plays in a document, as far as the reader can tell from
 * the format alone (plain text leaves most of it to the level parser).
 */
export type BlockRole =
  | 'body'
  | 'heading'
  | 'title'
  | 'digest'
  | 'enacting'
  | 'billSectionNum'
  | 'action'
  | 'sectionNum'
  | 'sectionHeading';

/** A change mark the Legislative Counsel drew in a CAML bill version. */
export interface Mark {
  type: 'insertion' | 'deletion';
  /** The marked text (for deletions: decoded from the processing instruction's `data`). */
  text: string;
  position?: Position;
}

/** One paragraph of source text, in reading order. */
export interface Block {
  /** The paragraph's text on one line: whitespace runs folded, trimmed. */
  text: string;
  role: BlockRole;
  /** Inside quoted bill language (a Markdown blockquote, a CAML law-section fragment). */
  quoted?: boolean;
  /** For `action` blocks: the CAML `action` attribute (`IS_AMENDED`, `IS_ADDED`, …). */
  action?: string;
  /** Where the block starts in the source, and where it ends. */
  position: Position;
}

/** What a reader makes of one input. */
export interface SourceDocument {
  /** Path or corpus id, as the user named it. */
  file: string;
  format: SourceFormat;
  title?: string;
  blocks: Block[];
  /** Change marks found (CAML bill versions); never dropped silently. */
  marks: Mark[];
  /** Which text was read when the input carries change marks. */
  marksMode?: MarksMode;
  meta?: DocumentMeta;
  messages: Diagnostic[];
}

/** A warning or error with a place, shaped like a VFileMessage. */
export interface Diagnostic {
  reason: string;
  file: string;
  place?: Position;
  ruleId: string;
  source: string;
  fatal: boolean;
}

/** The rungs of the hierarchy, in the legislatures' own words. */
export type LevelKind =
  | 'division'
  | 'title'
  | 'subtitle'
  | 'part'
  | 'subpart'
  | 'chapter'
  | 'subchapter'
  | 'article'
  | 'billSection'
  | 'section'
  | 'subdivision'
  | 'subsection'
  | 'paragraph'
  | 'subparagraph'
  | 'clause'
  | 'subclause'
  | 'item'
  | 'subitem';

/** A designation as printed (`(a)`, `SEC. 2.`, `1050.`) and normalised (`a`, `2`, `1050`). */
export interface Num {
  text: string;
  value: string;
}

/**
 * The instruction line of a bill section ("Section 1050 of the Penal Code is amended to read:"),
 * kept as printed; `amend/` reads what it says.
 */
export interface Action {
  type: 'action';
  value: string;
  position?: Position;
}

/** A cross-reference in a text: "subdivision (b) of Section 368", "section 399BB of the Public Health Service Act (42 U.S.C. 280i-1)". */
export interface Reference {
  /** The citation as printed. */
  text: string;
  /** Offsets of the citation in the node's `value` (end exclusive). */
  start: number;
  end: number;
  /** The rung cited: `section`, `subdivision`, `paragraph` … */
  kind: LevelKind;
  /** Designations from the outermost cited unit inward: `["368", "b"]`, `["3", "u"]`. */
  path: string[];
  /** The act or code named ("Public Health Service Act", "Government Code"), if any. */
  act?: string;
  /** The U.S. Code place named, if any: title and section as printed (`42`, `280i-1`). */
  usc?: { title: string; section: string };
  /**
   * A whole level of a code cited by the section it begins with: "Chapter 17.25 (commencing with
   * Section 7284) of Division 7 of Title 1 of the Government Code" is a reference to Section 7284 with
   * the unit `Chapter 17.25`, which runs from `unitStart` to `unitEnd` in the node's `value`.
   */
  unit?: string;
  unitStart?: number;
  unitEnd?: number;
  /**
   * The last section of a range the reference begins: "Sections 290 through 290.024, inclusive" and
   * "Sections 11340 to 11361, inclusive" are references to Sections 290 and 11340 `through` 290.024
   * and 11361 (and to those last sections, each a reference of its own).
   */
  through?: string;
}

/** Text before a level's first child level (the lead-in). */
export interface Chapeau {
  type: 'chapeau';
  value: string;
  refs?: Reference[];
  position?: Position;
}

/** Text after a level's child levels, at the level's own rank. */
export interface Continuation {
  type: 'continuation';
  value: string;
  refs?: Reference[];
  position?: Position;
}

/** A paragraph of text with no structure of its own. */
/**
 * What an unnumbered text is, when its reader knows: a bill's title, a paragraph of the Legislative
 * Counsel's Digest, the enacting clause ("The people of the State of California do enact as
 * follows:"), a federal bill's action line ("Committed to the Committee of the Whole House …").
 */
export type TextRole = 'title' | 'digest' | 'enacting' | 'action';

export interface Text {
  type: 'text';
  value: string;
  role?: TextRole;
  /** Cross-references found in `value`. */
  refs?: Reference[];
  position?: Position;
}

export type Content = Level | Chapeau | Continuation | Text | Action;

/** One rung of the hierarchy: one node type for all of them, like USLM `<level>`. */
export interface Level {
  type: 'level';
  kind: LevelKind;
  num?: Num;
  heading?: string;
  /** Stable path from normalised designations: `s1050/a/1/A`. */
  id: string;
  /**
   * The element's own identity in the source XML, when it has one: USLM `identifier`
   * (`/us/bill/116/hr/1058/s2`) or the `id` attribute (`H556762AB638D46A6A6FFBA0FF75A797F`).
   */
  xmlId?: string;
  /**
   * In a law as amended by a bill's instructions (`applyBills`): the ids of the instructions
   * that changed this level's own text, heading or designation, or added it.
   */
  amendedBy?: string[];
  /** In a law as amended: the level's id in the law before, when it was there. */
  origin?: string;
  /**
   * For a U.S. Code section: its source credit as the Code prints it (`(June 25, 1938, ch. 680,
   * §2, 52 Stat. 1095; …)`): the Act and section it was enacted as.
   */
  sourceCredit?: string;
  /** For a U.S. Code section cut from its title: the heading of its chapter (`RAILROAD UNEMPLOYMENT INSURANCE`), when the source says it. */
  chapterHeading?: string;
  /**
   * For a U.S. Code section: the Law Revision Counsel's footnotes on its text (`So in original.`),
   * each with the words its marker follows in the text (`after`), as the source prints them.
   */
  footnotes?: Array<{ after: string; text: string }>;
  children: Content[];
  position?: Position;
}

export interface Root {
  type: 'root';
  kind: 'bill' | 'statute' | 'text';
  children: Content[];
  position?: Position;
  data?: { file?: string; title?: string; format?: SourceFormat; marksMode?: MarksMode };
}

export type Node = Root | Content;

/** The result of parsing one input. */
export interface ParsedDocument {
  tree: Root;
  source: SourceDocument;
  messages: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Alignment

/** How an aligned pair of levels differs. */
export type PairStatus = 'unchanged' | 'modified' | 'inserted' | 'deleted' | 'moved' | 'redesignated';

/** One word-level change run inside an aligned pair (jsdiff's change object, trimmed). */
export interface WordChange {
  /** `equal`, `delete` (only in the old text) or `insert` (only in the new text). */
  op: 'equal' | 'delete' | 'insert';
  value: string;
}

/** One side of an aligned pair. */
export interface PairSide {
  /** Node type of the side: a level or a text-like node. */
  type: Content['type'];
  kind?: LevelKind;
  id?: string;
  /** The source XML's own id of the level (federal documents), when it has one. */
  xmlId?: string;
  num?: Num;
  heading?: string;
  /** The level's own line: designation, heading and first text, without its children. */
  text: string;
  /** For an unnumbered text: what it is, when the reader knows (`title`, `digest`, `action`). */
  role?: TextRole;
  position?: Position;
}

/** Two levels that the alignment put side by side (either may be missing). */
export interface AlignedPair {
  status: PairStatus;
  old?: PairSide;
  new?: PairSide;
  /** The designation changed (also true for moved and modified pairs that were renumbered). */
  redesignated?: boolean;
  /** For moved levels: the id of the level's place on the other side. */
  movedTo?: string;
  movedFrom?: string;
  /** Word-level changes of the level's own line; absent when the line is unchanged. */
  words?: WordChange[];
  /** Set when a budget ran out and the pair is shown as a whole replacement. */
  coarse?: boolean;
  /**
   * Set when every change in the level's line is a cross-reference that follows a renumbering
   * ("paragraph (2)" → "paragraph (3)" where paragraph (2) became (3)): a conforming change, not a
   * substantive one. Counted under `conforming`, not `modified`.
   */
  conforming?: boolean;
  /**
   * In a Changes in Existing Law comparison (`--apply`): the ids of the bill's instructions that
   * made this level's change (`i3`), as listed in `Alignment.instructions`.
   */
  amendedBy?: string[];
  children: AlignedPair[];
}

/** Counts over a whole alignment. */
export interface Summary {
  unchanged: number;
  modified: number;
  inserted: number;
  deleted: number;
  moved: number;
  redesignated: number;
  /** Levels whose only change is a cross-reference following a renumbering. */
  conforming: number;
  wordsInserted: number;
  wordsDeleted: number;
}

/** Two documents aligned level by level. */
export interface Alignment {
  old: DocumentInfo;
  new: DocumentInfo;
  /** When most of the text was replaced ("gut and amend"), a plain notice saying so. */
  notice?: string;
  /** Set when `notice` reports a gut-and-amend. */
  replaced?: boolean;
  pairs: AlignedPair[];
  summary: Summary;
  messages: Diagnostic[];
  /**
   * In a Changes in Existing Law comparison: every instruction of the bills that amends the
   * statute, in the order applied, with what became of it.
   */
  instructions?: InstructionRecord[];
  /**
   * In a Changes in Existing Law comparison: the bills' other instructions — those that amend other
   * laws (not applied here), and those whose words could not be read (with the reason).
   */
  otherInstructions?: {
    elsewhere: Array<{ bill: string; citation: string; target: string }>;
    unread: Array<{ bill: string; citation: string; target: string; reason?: string }>;
  };
}

/** One amendatory instruction of a bill and what it did to the statute (plain data). */
export interface InstructionRecord {
  /** `i1`, `i2`, …: the id changes point at. */
  id: string;
  /** The bill it comes from (file or corpus id). */
  bill: string;
  /** Its place in the bill: `title III, sec. 3001(b)(2)`. */
  citation: string;
  /** Its words, quotations included. */
  text: string;
  /** `strike`, `strikeInsert`, `insertAfter`, `addAtEnd`, `redesignate`, `amendToRead`, … */
  action: string;
  /** What it amends, as the bill names it: `54 U.S.C. 200304`. */
  target: string;
  /** The statute sections it was applied to. */
  sections: string[];
  status: 'applied' | 'refused';
  /** Why it was refused. */
  reason?: string;
  /** What it changed: the level (by id), and the words or designations struck and inserted. */
  changes: Array<{ kind: 'struck' | 'inserted' | 'replaced' | 'redesignated'; clause: string; origin?: string; struck?: string; inserted?: string }>;
  /** Editorial notes on how it was applied. */
  notes?: string[];
  /** Where its bill section is (line and column in the bill). */
  position?: Position;
}

/** What renderers need to name a document. */
export interface DocumentInfo {
  file: string;
  title?: string;
  format?: SourceFormat;
  /** A label such as "Amended in Senate, June 11, 2026", when known. */
  label?: string;
}

/** What a reader learnt about a document from its own metadata (CAML `Description`). */
export interface DocumentMeta {
  /** `AB 1656` */
  measure?: string;
  /** Bill version id, `20250AB__165697AMD`. */
  versionId?: string;
  /** `INTRODUCED`, `AMENDED_ASSEMBLY`, … (the version's last action). */
  stage?: string;
  /** ISO date of that action. */
  date?: string;
  session?: string;
  /** Who brought the bill, as the version names them (CAML `Authors`; bill.dtd and USLM `sponsor`, `cosponsor`), in its order. */
  authors?: Author[];
  /** A California version's digest key and measure indicators (CAML `DigestKey`, `MeasureIndicators`), where it gives them. */
  digestKey?: DigestKey;
}

/**
 * What the Legislative Counsel's digest of a California bill ends with, "Vote: majority Appropriation:
 * no Fiscal Committee: yes Local Program: no", and the measure's indicators: whether it takes effect
 * at once as an urgency statute or a tax levy. Each only where the version (or its BILL_VERSION_TBL
 * row) gives it.
 */
export interface DigestKey {
  /** The vote it needs to pass: `majority`, `two-thirds` (as given, lower case, `_` and spaces as `-`). */
  vote?: string;
  /** Whether it makes an appropriation. */
  appropriation?: boolean;
  /** Whether it goes to a fiscal committee. */
  fiscalCommittee?: boolean;
  /** Whether it creates a state-mandated local program. */
  localProgram?: boolean;
  /** Whether it is an urgency statute, in effect at once. */
  urgency?: boolean;
  /** Whether it levies a tax, in effect at once. */
  taxLevy?: boolean;
}

/** The keys of a `DigestKey`, in the order the digest and the pages give them. */
export const DIGEST_KEYS = ['vote', 'appropriation', 'fiscalCommittee', 'localProgram', 'urgency', 'taxLevy'] as const satisfies ReadonlyArray<keyof DigestKey>;

/** How a member stands on a bill: California's contributions (`LEAD_AUTHOR` …), and Congress's sponsor and cosponsors. */
export type AuthorRole = 'lead author' | 'principal coauthor' | 'coauthor' | 'sponsor' | 'cosponsor';

/** The roles of who brings a bill first: a list of bills names its lead authors, or its sponsor, beside it. */
export const LEAD_ROLES: readonly AuthorRole[] = ['lead author', 'sponsor'];

/** One author of a bill version: `{ name: 'Davies', role: 'lead author', house: 'Assembly' }`, `{ name: 'Ms. Wilson of Florida', role: 'sponsor' }`. */
export interface Author {
  /** As the version prints it: a California member's surname, a committee's name, a member of Congress as introduced ("Mr. Smith of Texas"). */
  name: string;
  role: AuthorRole;
  /** `Assembly`, `Senate` (California). */
  house?: string;
  /** A committee rather than a member ("Committee on Judiciary"). */
  committee?: boolean;
}
