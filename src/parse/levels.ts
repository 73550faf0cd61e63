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
  parenAt,
  rankOf,
  readSectionDesignation,
  idPart,
  type Style,
} from './designation.js';
import { isWhiteSpace } from '../util/white-space.js';
import { findInlineSplit } from './flattened.js';
import { isEnumerated, isSectionOrAbove, isStructural } from './ladder.js';
import { SharedNums } from './nums.js';
import { ScopedIds } from './unique-ids.js';
import { isEnactingClause } from './enacting.js';
import { BlockArray, detectStyle, isFlattenedSource, type BlockSource } from './block-source.js';
import { endsWithColon, FEDERAL_HEADING, isCapsHeading, looksLikeSectionStart } from './line-shapes.js';
import type { TextLines } from './read-text.js';

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
  /**
   * Give a `position` to the text that stands on its enumerated level's own line (`(a) The text…`,
   * the level's first child). A caller that reads only the level's position for that line (the
   * alignment does, and writes out no such text on its own) can leave them out: a third of a plain
   * text's nodes then carry no place, and the tree is a tenth smaller. Every other node keeps its
   * position.
   * @default true
   */
  inlineTextPositions?: boolean;
}

/**
 * Builds the level tree from a document's blocks. Total: any text yields a tree, with
 * diagnostics (that carry a place) where the structure was odd.
 */
export function parseLevels(doc: SourceDocument, options: LevelOptions = {}): { tree: Root; messages: Diagnostic[] } {
  return new LevelParser(doc, options, new BlockArray(doc.blocks)).parse();
}

/**
 * `parseLevels` of a plain text's lines (`doc` holding no blocks): the same tree and diagnostics
 * as of the blocks `readText` would have made, each line made a block only as it is read, and
 * none kept.
 */
export function parseTextLines(doc: SourceDocument, lines: TextLines, options: LevelOptions = {}): { tree: Root; messages: Diagnostic[] } {
  return new LevelParser(doc, options, lines).parse();
}

/** A block's text from some offset on, with its place (for what follows an instruction line or a split of flattened text). */
interface Segment {
  text: string;
  /** Flattened text split here before a section number: it opens a section. */
  section?: boolean;
  start: Point;
  end: Point;
  block: Block;
}

/**
 * What is left of a segment's text as its designations are read off the front: its start is `shift`
 * characters after `base` (the segment's start), a point made only when something keeps it.
 */
interface Cursor {
  text: string;
  base: Point;
  shift: number;
}

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
  /**
   * The open levels, outermost first, with their ranks and whether each holds a level among its
   * children (so later loose text is a continuation): three arrays, no object a level.
   */
  private readonly stack: Level[] = [];
  private readonly ranks: number[] = [];
  private readonly holding: boolean[] = [];
  /** For each open level, the id parts of its sublevels (made with its first); the root's. */
  private readonly scopes: Array<Map<string, number> | undefined> = [];
  private readonly rootScope = new Map<string, number>();
  private readonly ids = new ScopedIds(() => levelIds(this.root.children));
  private readonly nums = new SharedNums();
  /** The segment being read, as its designations are read off the front (one cursor, reused). */
  private readonly at: Cursor = { text: '', base: { line: 1, column: 1, offset: 0 }, shift: 0 };
  /** The score of the kind `choose` returned last. */
  private chosenScore = 0.5;
  private readonly flattened: boolean;
  private readonly inlinePositions: boolean;
  private afterAction = false;
  private sawStructure = false;
  private sawBill = false;
  /** The places of the first block and the last (the block itself may be made again for the next). */
  private first: Position | undefined;
  private last: Position | undefined;

  constructor(
    private readonly doc: SourceDocument,
    private readonly options: LevelOptions,
    private readonly blocks: BlockSource,
  ) {
    this.style = options.style ?? detectStyle(doc.format, blocks);
    this.flattened = options.flattened ?? isFlattenedSource(blocks);
    this.inlinePositions = options.inlineTextPositions ?? true;
  }

  parse(): { tree: Root; messages: Diagnostic[] } {
    const { doc, root } = this;
    this.blocksRead();
    const { first, last } = this;
    this.close(0);
    const kind = this.sawBill ? 'bill' : this.sawStructure ? 'statute' : 'text';
    // The tree's root is made now, whole, rather than the parser's root given a kind and a position:
    // a property added to an object whose shape optimised code relies on throws that code away,
    // and the parser's code serves the next document.
    let tree: Root;
    if (first && last) {
      if (!this.sawStructure) {
        this.messages.push(diagnostic('no clause structure found (no section or subdivision designations); compared as plain text blocks', doc.file, first, 'unstructured'));
      }
      tree = { type: 'root', kind, children: trimmed(root.children), position: { start: { ...first.start }, end: { ...last.end } } };
    } else {
      tree = { type: 'root', kind, children: trimmed(root.children) };
    }
    return { tree, messages: this.messages };
  }

  // -- Blocks ------------------------------------------------------------------

  /**
   * Every block, in order. (A method of its own, whose loop's exit only returns: its code, compiled
   * on stack replacement while the loop runs, is not thrown away at the exit for want of feedback on
   * what follows the loop, as `parse`'s was, to be compiled again, larger, for the next document.)
   */
  private blocksRead(): void {
    const { blocks } = this;
    const { count } = blocks;
    for (let b = 0; b < count; b++) {
      if ((b & 1023) === 1023) checkDeadline(this.options.deadline, this.doc.file);
      const block = blocks.read(b);
      const { position } = block;
      if (b === 0) this.first = position;
      this.last = position;
      this.block(block);
    }
  }

  /** One block: by its role when the reader knew it, else segment by segment. */
  private block(block: Block): void {
    const role = block.role === 'body' && !block.quoted && isEnactingClause(block.text) ? 'enacting' : block.role;
    switch (role) {
      case 'title':
      case 'digest':
      case 'enacting':
        this.close(0);
        this.root.children.push({ type: 'text', value: block.text, role, position: block.position });
        return;
      case 'billSectionNum': {
        this.close(0);
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
        let open = this.stack.length;
        while (open && this.stack[open - 1]!.kind !== 'billSection') open--;
        this.close(open);
        this.addAction(action);
        return;
      }
      default:
        break;
    }
    // A block is one segment (no object for it) unless an instruction line or flattened text splits it.
    let rest = this.segment(block, block.text, block.position.start, block.position.end, undefined, true);
    while (rest) rest = this.segment(block, rest.text, rest.start, rest.end, rest.section, false);
  }

  /** One segment of a block's text; returns the rest when flattened text splits it. */
  private segment(block: Block, text: string, start: Point, segmentEnd: Point, section: boolean | undefined, atBlockStart: boolean): Segment | undefined {
    const { at } = this;
    at.text = text;
    at.base = start;
    at.shift = 0;
    let opened = this.sectionDesignation(at, block, section, atBlockStart);
    if (!opened || opened.kind === 'billSection') {
      const instruction = this.instruction(at, block, segmentEnd, section);
      if (instruction) return instruction.rest;
    }
    opened = this.designations(at, opened);
    if (opened) this.afterAction = false;
    const rest = this.flattened && at.text ? this.splitFlattened(at, block, segmentEnd, opened) : undefined;
    const end = rest ? pointAt(at, at.text.length) : segmentEnd;
    if (at.text) {
      if (!opened) this.afterAction = false;
      this.addText(at, end, block, opened);
    } else if (opened) {
      this.extend(end);
    }
    return rest;
  }

  // -- Steps of a segment --------------------------------------------------------

  /** A section-level designation (`SEC. 2.`, `§ 7284.6.`, `CHAPTER 17.25.`, or a bare `1050.` where a section may start). */
  private sectionDesignation(at: Cursor, block: Block, splitAtSection: boolean | undefined, atBlockStart: boolean): Level | undefined {
    const allowBare = block.role === 'sectionNum' || splitAtSection === true || this.afterAction || (atBlockStart && looksLikeSectionStart(at.text, this.stack.length === 0));
    const section = readSectionDesignation(at.text, allowBare);
    if (!section) return undefined;
    const start = pointAt(at, 0);
    const opened = this.openLevel(section.kind, section.value, section.text, start, shiftPoint(start, section.text.length));
    consume(at, section.length);
    this.afterAction = false;
    return opened;
  }

  /**
   * An instruction line ("Section 1050 of the Penal Code is amended to read:"): returns what
   * follows it on the line, or undefined when the text is no instruction.
   */
  private instruction(at: Cursor, block: Block, end: Point, section: boolean | undefined): { rest: Segment | undefined } | undefined {
    if (!at.text || !isActionLine(at.text)) return undefined;
    const length = actionLineLength(at.text);
    const start = pointAt(at, 0);
    this.addAction({ type: 'action', value: at.text.slice(0, length), position: { start, end: shiftPoint(start, length) } });
    consume(at, length);
    const rest = at.text.replace(/^\s+/, '');
    if (!rest) return { rest: undefined };
    return { rest: { text: rest, section, start: pointAt(at, at.text.length - rest.length), end, block } };
  }

  /**
   * Parenthesised designations, one or several run together: "(a)(1) …". Returns the last level
   * opened (`opened`, the one a section designation opened, when there are none).
   */
  private designations(at: Cursor, opened: Level | undefined): Level | undefined {
    // Read by offset into the text: one substring for the text after them all.
    const { text } = at;
    let from = 0;
    for (;;) {
      const designation = parenAt(text, from);
      if (!designation) break;
      const kind = this.choose(designation.value);
      const score = this.chosenScore;
      const start = pointAt(at, from);
      const end = shiftPoint(start, designation.text.length);
      // (Its place made only for a diagnostic: the level makes its own position.)
      if (score < 0.5 && !opened) {
        this.messages.push(diagnostic(`designation ${designation.text} does not continue any open list; read as text`, this.doc.file, { start, end }, 'designation-sequence'));
        break;
      }
      if (score < 1) this.messages.push(diagnostic(`designation ${designation.text} is out of sequence`, this.doc.file, { start, end }, 'designation-sequence'));
      opened = this.openLevel(kind, designation.value, designation.text, start, end);
      from += designation.text.length;
      while (from < text.length && isWhiteSpace(text.charCodeAt(from))) from++;
      this.afterAction = false;
    }
    if (from) consume(at, from);
    return opened;
  }

  /** Flattened text: cuts the cursor's text before the next level and returns that level's segment. */
  private splitFlattened(at: Cursor, block: Block, end: Point, opened: Level | undefined): Segment | undefined {
    const split = findInlineSplit(at.text, {
      score: (value) => {
        this.choose(value);
        return this.chosenScore;
      },
      openSection: () => {
        for (let k = this.stack.length - 1; k >= 0; k--) {
          const level = this.stack[k]!;
          if (level.kind === 'section' && level.num) return level.num.value;
        }
        return undefined;
      },
      aboveSection: opened !== undefined && isStructural(opened.kind),
    });
    if (split.index <= 0) return undefined;
    const rest = { text: at.text.slice(split.index), section: split.section, start: pointAt(at, split.index), end, block };
    at.text = at.text.slice(0, split.index).trimEnd();
    return rest;
  }

  /**
   * Text (the cursor's, up to `end`): a heading of the level just opened, or a text node (a
   * continuation after sublevels). Its position is made only when the node keeps one.
   */
  private addText(at: Cursor, end: Point, block: Block, opened: Level | undefined): void {
    let text = at.text;
    if (!text) return;
    let skip = 0;
    const holder: Level | Root = opened ?? this.top() ?? this.root;
    if (opened && !opened.heading) {
      const headed = isSectionOrAbove(opened.kind);
      const federal = this.style === 'us' ? FEDERAL_HEADING.exec(text) : null;
      const { role } = block;
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
        skip = federal[0].length;
      }
    }
    // The holder is the innermost open level (or the root).
    const continuation = holder.type === 'level' && this.holding[this.stack.length - 1] === true;
    if (opened && !this.inlinePositions && isEnumerated(opened.kind)) {
      // The text on its enumerated level's own line, whose place the caller will not read.
      this.append(holder, { type: continuation ? 'continuation' : 'text', value: text });
    } else {
      // The whole line as one text node shares the block's position (one object fewer a line).
      const whole = block.position;
      const start = pointAt(at, skip);
      const position = start === whole.start && end === whole.end ? whole : { start, end };
      this.append(holder, { type: continuation ? 'continuation' : 'text', value: text, position });
    }
    this.extend(end);
  }

  // -- The tree ------------------------------------------------------------------

  private top(): Level | undefined {
    // Never `stack[-1]`: a read before an array's start is a property look-up by name, in the runtime.
    const { stack } = this;
    return stack.length ? stack[stack.length - 1] : undefined;
  }

  /**
   * Closes the open levels from the `open`-th on (0: all). A closed level takes no more children:
   * its array of them is cut to its size (one pushed past a single element keeps room for 17).
   */
  private close(open: number): void {
    // Popped one by one: setting an array's length is a call into the runtime.
    const { stack, ranks, holding, scopes } = this;
    while (stack.length > open) {
      const level = stack.pop()!;
      level.children = trimmed(level.children);
      ranks.pop();
      holding.pop();
      scopes.pop();
    }
  }

  /** The level a new one of this rank goes in (closing those at its rank or below). */
  private parentOf(rank: number): Level | Root {
    let open = this.stack.length;
    while (open && this.ranks[open - 1]! >= rank) open--;
    this.close(open);
    return this.top() ?? this.root;
  }

  private openLevel(kind: LevelKind, value: string, printed: string, start: Point, end: Point): Level {
    const rank = rankOf(kind);
    const parent = this.parentOf(rank);
    let prefix = '';
    let scope = this.rootScope;
    if (parent.type === 'level') {
      // The parent is the innermost open level.
      prefix = `${parent.id}/`;
      const k = this.stack.length - 1;
      scope = this.scopes[k] ?? (this.scopes[k] = new Map());
    }
    const level: Level = {
      type: 'level',
      kind,
      num: this.nums.of(kind, printed, value),
      id: this.ids.take(scope, prefix, idPart(kind, value)),
      children: [],
      position: { start, end },
    };
    this.append(parent, level);
    this.stack.push(level);
    this.ranks.push(rank);
    this.holding.push(false);
    this.scopes.push(undefined);
    this.sawStructure = true;
    if (kind === 'billSection') this.sawBill = true;
    return level;
  }

  private addAction(action: Action): void {
    this.append(this.top() ?? this.root, action);
    this.extend(action.position!.end);
    this.sawBill = true;
    this.afterAction = true;
  }

  /** Appends a node to `parent`, which is the innermost open level (or the root when none is open). */
  private append(parent: Level | Root, node: Content): void {
    if (node.type === 'level' && parent.type === 'level' && !this.holding[this.stack.length - 1]) {
      // The first sublevel makes the text before it a chapeau (text after it is a continuation).
      // (An index, not for…of: optimised, an iterator is a larger graph to compile.)
      const { children } = parent;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'text') (child as Content).type = 'chapeau';
      }
      this.holding[this.stack.length - 1] = true;
    }
    // Most levels hold one node: an array of exactly one (a pushed-to empty one keeps room for 16).
    if (parent.children.length) parent.children.push(node);
    else parent.children = [node];
  }

  /** Every open level now ends at `end`. */
  private extend(end: Point): void {
    const { stack } = this;
    for (let k = 0; k < stack.length; k++) stack[k]!.position!.end = end;
  }

  /** Which kind a parenthesised designation is here; how sure we are is left in `chosenScore`. */
  private choose(value: string): LevelKind {
    const { stack, ranks } = this;
    const { top } = this.options;
    if (top && !ranks.some((rank) => rank >= rankOf(top)) && fits(top, value)) {
      this.chosenScore = 4;
      return top;
    }
    const kinds = interpretations(value, this.style);
    let bestKind = kinds[0]!;
    let bestScore = -1;
    const current = stack.length - 1;
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i]!;
      const rank = rankOf(kind);
      let sibling = -1;
      for (let k = current; k >= 0; k--) {
        if (ranks[k] === rank) {
          sibling = k;
          break;
        }
      }
      let score: number;
      if (sibling >= 0) {
        score = follows(stack[sibling]!.num?.value ?? '', value, kind) ? 3 : 1;
      } else if (current < 0 || rank > ranks[current]!) {
        score = isFirst(value, kind) ? 2 : 0.5;
        // A list introduced by a colon opens at the next rung down: "(h) … the following:" then "(1)".
        if (current >= 0 && score === 2 && rank === ranks[current]! + 1 && endsWithColon(stack[current]!)) score = 3.5;
      } else {
        score = isFirst(value, kind) ? 1.5 : 0.2;
      }
      if (score > bestScore) {
        bestKind = kind;
        bestScore = score;
      }
    }
    this.chosenScore = bestScore;
    return bestKind;
  }
}

/** The ids of the levels among `nodes` and below them, in order. */
function* levelIds(nodes: Content[]): Iterable<string> {
  for (const node of nodes) {
    if (node.type !== 'level') continue;
    yield node.id;
    yield* levelIds(node.children);
  }
}

/** Moves the cursor `length` characters on. */
function consume(at: Cursor, length: number): void {
  at.text = at.text.slice(length);
  at.shift += length;
}

/** The point `delta` characters after the cursor's start (its base when that is where it starts). */
function pointAt(at: Cursor, delta: number): Point {
  const shift = at.shift + delta;
  return shift ? shiftPoint(at.base, shift) : at.base;
}

/** A copy of an array that grew by pushes, with room for its elements only (`slice` makes it to size). */
function trimmed<T>(array: T[]): T[] {
  return array.length > 1 ? array.slice() : array;
}
