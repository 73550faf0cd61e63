import type { Action, Block, Content, Diagnostic, Level, LevelKind, Point, Position, Root, SourceDocument } from '../types.js';
import { checkDeadline, type Deadline } from '../util/deadline.js';
import { diagnostic } from '../util/errors.js';
import { shiftPoint } from '../util/position.js';
import { actionLineLength, isActionLine } from './action.js';
import {
  fits,
  follows,
  interpretations,
  isFirst,
  rankOf,
  readParenDesignation,
  readSectionDesignation,
  idPart,
  type Style,
} from './designation.js';
import { findInlineSplit, isFlattened } from './flattened.js';
import { isSectionOrAbove, isStructural } from './ladder.js';
import { UniqueIds } from './unique-ids.js';
import { isEnactingClause } from './enacting.js';

/** Options for the level parser. */
export interface LevelOptions {
  /**
   * Drafting style: names the rung under a section `subdivision` (California) or
   * `subsection` (federal). Detected from the text when absent.
   */
  style?: Style;
  /**
   * The rung of the text's first designation, when the text is quoted law to be put at a known
   * place (`amend/` inserting "(i) …" as subsection (i), not clause (i)).
   */
  top?: LevelKind;
  /** Whether the text is a browser save with its line breaks flattened away (detected when absent). */
  flattened?: boolean;
  /** When reading must stop (a `budget` error): the comparison's budget covers parsing too. */
  deadline?: Deadline;
}

/**
 * Builds the level tree from a document's blocks. Total: any text yields a tree, with
 * diagnostics (that carry a place) where the structure was odd.
 */
export function parseLevels(doc: SourceDocument, options: LevelOptions = {}): { tree: Root; messages: Diagnostic[] } {
  return new LevelParser(doc, options).parse();
}

/** A block's text from some offset on, with its place. */
interface Segment {
  text: string;
  /** Flattened text split here before a section number: it opens a section. */
  section?: boolean;
  start: Point;
  end: Point;
  block: Block;
}

/** What is left of a segment's text as its designations are read off the front. */
interface Cursor {
  text: string;
  start: Point;
}

interface Open {
  level: Level;
  rank: number;
}

/** Words that open a heading in federal style: `(a) In general.—` (kept as printed, dash included). */
const FEDERAL_HEADING = /^([A-Z][^.—–]{0,100}\.(?:[—–]|--))\s*/;

/**
 * The parser's state over one document: the open levels (a stack by rank), the ids given, and
 * what has been seen. Each block is read in steps: its role (title, instruction, section
 * number), then, segment by segment, a section designation, an instruction line, parenthesised
 * designations, a split of flattened text, and the text itself.
 */
class LevelParser {
  private readonly style: Style;
  private readonly messages: Diagnostic[] = [];
  private readonly root: Root = { type: 'root', kind: 'text', children: [] };
  private readonly stack: Open[] = [];
  private readonly ids = new UniqueIds();
  /** Holders with a level among their children (so later loose text is a continuation); a Set (the parse drops it), cheaper than a WeakSet. */
  private readonly withLevels = new Set<Level | Root>();
  private readonly flattened: boolean;
  private afterAction = false;
  private sawStructure = false;
  private sawBill = false;

  constructor(
    private readonly doc: SourceDocument,
    private readonly options: LevelOptions,
  ) {
    this.style = options.style ?? detectStyle(doc);
    this.flattened = options.flattened ?? isFlattened(doc.blocks);
  }

  parse(): { tree: Root; messages: Diagnostic[] } {
    const { doc, root } = this;
    for (let b = 0; b < doc.blocks.length; b++) {
      if ((b & 1023) === 1023) checkDeadline(this.options.deadline, doc.file);
      this.block(doc.blocks[b]!);
    }
    root.kind = this.sawBill ? 'bill' : this.sawStructure ? 'statute' : 'text';
    if (!this.sawStructure && doc.blocks.length) {
      this.messages.push(
        diagnostic('no clause structure found (no section or subdivision designations); compared as plain text blocks', doc.file, doc.blocks[0]!.position, 'unstructured'),
      );
    }
    if (doc.blocks.length) {
      root.position = { start: { ...doc.blocks[0]!.position.start }, end: { ...doc.blocks[doc.blocks.length - 1]!.position.end } };
    }
    return { tree: root, messages: this.messages };
  }

  // -- Blocks ------------------------------------------------------------------

  /** One block: by its role when the reader knew it, else segment by segment. */
  private block(block: Block): void {
    const role = block.role === 'body' && !block.quoted && isEnactingClause(block.text) ? 'enacting' : block.role;
    switch (role) {
      case 'title':
      case 'digest':
      case 'enacting':
        this.stack.length = 0;
        this.root.children.push({ type: 'text', value: block.text, role, position: block.position });
        return;
      case 'billSectionNum': {
        this.stack.length = 0;
        const section = readSectionDesignation(block.text, false);
        if (section) {
          this.openLevel('billSection', section.value, block.text, block.position.start, block.position.end);
          return;
        }
        break;
      }
      case 'sectionNum': {
        const value = block.text.replace(/^§\s*/, '').replace(/\.$/, '');
        this.openLevel('section', value, block.text, block.position.start, block.position.end);
        this.afterAction = false;
        return;
      }
      case 'action': {
        const action: Action = { type: 'action', value: block.text, position: block.position };
        while (this.stack.length && this.top()!.level.kind !== 'billSection') this.stack.pop();
        this.addAction(action);
        return;
      }
      default:
        break;
    }
    let segment: Segment | undefined = { text: block.text, start: block.position.start, end: block.position.end, block };
    let first = true;
    while (segment) {
      segment = this.segment(segment, first);
      first = false;
    }
  }

  /** One segment of a block's text; returns the rest when flattened text splits it. */
  private segment(segment: Segment, atBlockStart: boolean): Segment | undefined {
    const at: Cursor = { text: segment.text, start: segment.start };
    let opened = this.sectionDesignation(at, segment, atBlockStart);
    if (!opened || opened.kind === 'billSection') {
      const instruction = this.instruction(at, segment);
      if (instruction) return instruction.rest;
    }
    opened = this.designations(at, opened);
    if (opened) this.afterAction = false;
    const rest = this.flattened && at.text ? this.splitFlattened(at, segment, opened) : undefined;
    const end = rest ? shiftPoint(at.start, at.text.length) : segment.end;
    if (at.text) {
      if (!opened) this.afterAction = false;
      // The whole line as one text node shares the block's position (one object fewer a line).
      const whole = segment.block.position;
      const position = at.start === whole.start && end === whole.end ? whole : { start: at.start, end };
      this.addText(at.text, position, opened, segment.block.role);
    } else if (opened) {
      this.extend(end);
    }
    return rest;
  }

  // -- Steps of a segment --------------------------------------------------------

  /** A section-level designation (`SEC. 2.`, `§ 7284.6.`, `CHAPTER 17.25.`, or a bare `1050.` where a section may start). */
  private sectionDesignation(at: Cursor, segment: Segment, atBlockStart: boolean): Level | undefined {
    const allowBare =
      segment.block.role === 'sectionNum' || segment.section === true || this.afterAction || (atBlockStart && looksLikeSectionStart(at.text, this.stack.length === 0));
    const section = readSectionDesignation(at.text, allowBare);
    if (!section) return undefined;
    const opened = this.openLevel(section.kind, section.value, section.text, at.start, shiftPoint(at.start, section.text.length));
    consume(at, section.length);
    this.afterAction = false;
    return opened;
  }

  /**
   * An instruction line ("Section 1050 of the Penal Code is amended to read:"): returns what
   * follows it on the line, or undefined when the text is no instruction.
   */
  private instruction(at: Cursor, segment: Segment): { rest: Segment | undefined } | undefined {
    if (!at.text || !isActionLine(at.text)) return undefined;
    const length = actionLineLength(at.text);
    this.addAction({ type: 'action', value: at.text.slice(0, length), position: { start: at.start, end: shiftPoint(at.start, length) } });
    consume(at, length);
    const rest = at.text.replace(/^\s+/, '');
    if (!rest) return { rest: undefined };
    return { rest: { ...segment, text: rest, start: shiftPoint(at.start, at.text.length - rest.length) } };
  }

  /**
   * Parenthesised designations, one or several run together: "(a)(1) …". Returns the last level
   * opened (`opened`, the one a section designation opened, when there are none).
   */
  private designations(at: Cursor, opened: Level | undefined): Level | undefined {
    for (;;) {
      const designation = readParenDesignation(at.text);
      if (!designation) break;
      const { kind, score } = this.choose(designation.value);
      const place = { start: at.start, end: shiftPoint(at.start, designation.text.length) };
      if (score < 0.5 && !opened) {
        this.messages.push(diagnostic(`designation ${designation.text} does not continue any open list; read as text`, this.doc.file, place, 'designation-sequence'));
        break;
      }
      if (score < 1) this.messages.push(diagnostic(`designation ${designation.text} is out of sequence`, this.doc.file, place, 'designation-sequence'));
      opened = this.openLevel(kind, designation.value, designation.text, place.start, place.end);
      consume(at, designation.length);
      this.afterAction = false;
    }
    return opened;
  }

  /** Flattened text: cuts the cursor's text before the next level and returns that level's segment. */
  private splitFlattened(at: Cursor, segment: Segment, opened: Level | undefined): Segment | undefined {
    const split = findInlineSplit(at.text, {
      score: (value) => this.choose(value).score,
      openSection: () => {
        for (let k = this.stack.length - 1; k >= 0; k--) {
          const level = this.stack[k]!.level;
          if (level.kind === 'section' && level.num) return level.num.value;
        }
        return undefined;
      },
      aboveSection: opened !== undefined && isStructural(opened.kind),
    });
    if (split.index <= 0) return undefined;
    const rest = { ...segment, text: at.text.slice(split.index), start: shiftPoint(at.start, split.index), section: split.section };
    at.text = at.text.slice(0, split.index).trimEnd();
    return rest;
  }

  /** Text: a heading of the level just opened, or a text node (a continuation after sublevels). */
  private addText(value: string, place: Position, opened: Level | undefined, role: Block['role']): void {
    let text = value;
    if (!text) return;
    let position = place;
    const holder: Level | Root = opened ?? this.top()?.level ?? this.root;
    if (opened && !opened.heading) {
      const headed = isSectionOrAbove(opened.kind);
      const federal = this.style === 'us' ? FEDERAL_HEADING.exec(text) : null;
      if (headed && role !== 'body' && role !== 'sectionNum') {
        opened.heading = text;
        return;
      }
      if (headed && isCapsHeading(text)) {
        opened.heading = text;
        return;
      }
      if (federal) {
        opened.heading = federal[1]!;
        text = text.slice(federal[0].length);
        if (!text) return;
        position = { start: shiftPoint(position.start, federal[0].length), end: position.end };
      }
    }
    this.append(holder, { type: this.withLevels.has(holder) && holder.type === 'level' ? 'continuation' : 'text', value: text, position });
    this.extend(position.end);
  }

  // -- The tree ------------------------------------------------------------------

  private top(): Open | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The level a new one of this rank goes in (closing those at its rank or below). */
  private parentOf(rank: number): Level | Root {
    while (this.stack.length && this.top()!.rank >= rank) this.stack.pop();
    return this.top()?.level ?? this.root;
  }

  private openLevel(kind: LevelKind, value: string, printed: string, start: Point, end: Point): Level {
    const rank = rankOf(kind);
    const parent = this.parentOf(rank);
    const prefix = parent.type === 'level' ? `${parent.id}/` : '';
    const level: Level = {
      type: 'level',
      kind,
      num: { text: printed, value },
      id: this.ids.take(prefix + idPart(kind, value)),
      children: [],
      position: { start, end },
    };
    this.append(parent, level);
    this.stack.push({ level, rank });
    this.sawStructure = true;
    if (kind === 'billSection') this.sawBill = true;
    return level;
  }

  private addAction(action: Action): void {
    this.append(this.top()?.level ?? this.root, action);
    this.extend(action.position!.end);
    this.sawBill = true;
    this.afterAction = true;
  }

  private append(parent: Level | Root, node: Content): void {
    if (node.type === 'level' && !this.withLevels.has(parent)) {
      // The first sublevel makes the text before it a chapeau (text after it is a continuation).
      if (parent.type === 'level') for (const child of parent.children) if (child.type === 'text') (child as Content).type = 'chapeau';
      this.withLevels.add(parent);
    }
    // Most levels hold one node: an array of exactly one (a pushed-to empty one keeps room for 16).
    if (parent.children.length) parent.children.push(node);
    else parent.children = [node];
  }

  /** Every open level now ends at `end`. */
  private extend(end: Point): void {
    for (const open of this.stack) if (open.level.position) open.level.position.end = end;
  }

  /** Which kind a parenthesised designation is here, and how sure we are. */
  private choose(value: string): { kind: LevelKind; score: number } {
    const { stack } = this;
    const { top } = this.options;
    if (top && !stack.some((open) => open.rank >= rankOf(top)) && fits(top, value)) return { kind: top, score: 4 };
    const kinds = interpretations(value, this.style);
    let bestKind = kinds[0]!;
    let bestScore = -1;
    const current = this.top();
    for (const kind of kinds) {
      const rank = rankOf(kind);
      let sibling: Open | undefined;
      for (let k = stack.length - 1; k >= 0 && !sibling; k--) if (stack[k]!.rank === rank) sibling = stack[k];
      let score: number;
      if (sibling) {
        score = follows(sibling.level.num?.value ?? '', value, kind) ? 3 : 1;
      } else if (!current || rank > current.rank) {
        score = isFirst(value, kind) ? 2 : 0.5;
        // A list introduced by a colon opens at the next rung down: "(h) … the following:" then "(1)".
        if (current && score === 2 && rank === current.rank + 1 && endsWithColon(current.level)) score = 3.5;
      } else {
        score = isFirst(value, kind) ? 1.5 : 0.2;
      }
      if (score > bestScore) {
        bestKind = kind;
        bestScore = score;
      }
    }
    return { kind: bestKind, score: bestScore };
  }
}

/** Moves the cursor `length` characters on. */
function consume(at: Cursor, length: number): void {
  at.text = at.text.slice(length);
  at.start = shiftPoint(at.start, length);
}

/** Federal drafting gives itself away by em-dash headings and U.S.C. citations. */
function detectStyle(doc: SourceDocument): Style {
  if (doc.format === 'caml') return 'ca';
  let federal = 0;
  for (const block of doc.blocks.slice(0, 400)) {
    if (/^(?:\([a-z]\)\s+|SEC\.\s+\d+\.\s+)[A-Z][^.—]{0,80}\.(?:[—–]|--)/.test(block.text)) federal++;
  }
  return federal >= 2 ? 'us' : 'ca';
}

function looksLikeSectionStart(text: string, atTop: boolean): boolean {
  const c = text.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  const m = /^(\d+(?:\.\d+)*[a-z]?)\.(\s+|$)(.?)/.exec(text);
  if (!m) return false;
  if (!m[3]) return true; // the number alone on its line: "1050."
  if (!/^[(A-Z“"]/.test(m[3])) return false;
  // "1. The …" is more often a list item than a section: want a decimal or three digits.
  return atTop && (m[1]!.includes('.') || m[1]!.length >= 3);
}

function endsWithColon(level: Level): boolean {
  const last = level.children[level.children.length - 1];
  if (!last) return false;
  return (last.type === 'text' || last.type === 'chapeau') && /[:—–-]\s*$/.test(last.value);
}

function isCapsHeading(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 && text.length <= 160 && letters === letters.toUpperCase();
}
