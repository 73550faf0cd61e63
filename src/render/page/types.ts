/**
 * The page model of a comparison: plain data (never HTML) that the CLI's standalone HTML and the
 * server's Handlebars views both show. Every string is escaped by whoever renders it.
 */
import type { AlignedPair, InstructionRecord } from '../../types.js';

/** A run of text on one side of a row: kept, deleted or inserted. */
export interface Segment {
  text: string;
  del?: true;
  ins?: true;
  /** For a cross-reference: where it points (a level of this comparison, or the cited code). */
  href?: string;
}

/** One aligned level: one table row in the side-by-side view. */
export interface LevelRow {
  /** Element id, `c-<level id>` (or `c-row<n>` for unnumbered text). */
  anchor: string;
  citation: string;
  status: AlignedPair['status'];
  statusLabel: string;
  changed: boolean;
  /** Indentation step, 0–5 (a CSS class; no inline styles). */
  depth: number;
  old: Segment[];
  new: Segment[];
  inline: Segment[];
  hasOld: boolean;
  hasNew: boolean;
  /** For moved levels: where the level is on the other side. */
  move?: { href: string; label: string };
  /** The row's number in the change list. */
  number?: number;
  /** In a Changes in Existing Law comparison: links to the instructions that made the change. */
  by?: InstructionLink[];
}

/** A link from a change to the instruction (`#ins-i3`) that made it. */
export interface InstructionLink {
  id: string;
  href: string;
  /** The instruction's place in the bill: `sec. 3001(b)(2)` (with the bill's name when several bills apply). */
  label: string;
  /** The instruction's words, clipped: a tooltip. */
  title: string;
}

/** What the body of a comparison holds, in reading order. */
export type Block = { row: LevelRow } | { fold: { summary: string; kind: 'unchanged' | 'redesignated'; rows: LevelRow[] } };

/** One entry of the numbered change list. */
export interface ChangeItem {
  number: number;
  href: string;
  citation: string;
  description: string;
  excerpt: Segment[];
  /** In a Changes in Existing Law comparison: the instructions that made the change. */
  by?: InstructionLink[];
  /** The page of a paged comparison that shows the change, when it is not the current one. */
  page?: number;
}

/** A row with the pair it shows, while the model is built. */
export interface RowWithPair extends LevelRow {
  pair: AlignedPair;
  /**
   * In a Changes in Existing Law comparison: the anchors whose level an instruction's change
   * records name for this row (its own, and its parent's when the row is the parent's own text).
   */
  anchors?: string[];
}
/** One change an instruction made, as its entry in the instruction list shows it. */
export interface InstructionChange {
  href: string;
  citation: string;
  description: string;
  excerpt: Segment[];
  /** The page of a paged comparison that shows the change, when it is not the current one. */
  page?: number;
}

/** One instruction of a bill, for the instruction list. */
export interface InstructionItem {
  id: string;
  /** Element id: `ins-i3`. */
  anchor: string;
  status: InstructionRecord['status'];
  applied: boolean;
  /** The bill's name (`AB 1656`, or its id when unknown). */
  bill: string;
  /** Its place in the bill: `sec. 3001(b)(2)`, or `unnumbered`. */
  citation: string;
  /** What it amends, as the bill names it. */
  target: string;
  /** What it does, in words: `strike and insert`. */
  action: string;
  /** The bill's words. */
  text: string;
  reason?: string;
  notes: string[];
  /** The rows it changed (on this page or another). */
  changes: InstructionChange[];
}

export interface InstructionList {
  items: InstructionItem[];
  total: number;
  applied: number;
  refused: number;
}
