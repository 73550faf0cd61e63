import type { Action, Block, Content, Diagnostic, Level, LevelKind, Point, Position, Root, SourceDocument } from '../types.js';
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

/** Options for the clause parser. */
export interface ClauseOptions {
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

interface Open {
  level: Level;
  rank: number;
}

/** Words that open a heading in federal style: `(a) In general.—` (kept as printed, dash included). */
const FEDERAL_HEADING = /^([A-Z][^.—–]{0,100}\.(?:[—–]|--))\s*/;

/**
 * Builds the clause tree from a document's blocks. Total: any text yields a tree, with
 * diagnostics (that carry a place) where the structure was odd.
 */
export function parseClauses(doc: SourceDocument, options: ClauseOptions = {}): { tree: Root; messages: Diagnostic[] } {
  const style = options.style ?? detectStyle(doc);
  const messages: Diagnostic[] = [];
  const root: Root = { type: 'root', kind: 'text', children: [] };
  const ids = new Set<string>();
  const stack: Open[] = [];
  const flattened = options.flattened ?? isFlattened(doc.blocks);
  let afterAction = false;
  let sawStructure = false;
  let sawBill = false;

  const top = (): Open | undefined => stack[stack.length - 1];

  const parentOf = (rank: number): Level | Root => {
    while (stack.length && top()!.rank >= rank) stack.pop();
    return top()?.level ?? root;
  };

  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}~${n}`;
    ids.add(id);
    return id;
  };

  const extend = (end: Point): void => {
    for (const open of stack) if (open.level.position) open.level.position.end = end;
  };

  const append = (parent: Level | Root, node: Content): void => {
    if (node.type === 'level' && parent.type === 'level') {
      for (const child of parent.children) if (child.type === 'text') (child as Content).type = 'chapeau';
    }
    parent.children.push(node);
  };

  const openLevel = (kind: LevelKind, value: string, printed: string, start: Point, end: Point): Level => {
    const rank = rankOf(kind);
    const parent = parentOf(rank);
    const prefix = parent.type === 'level' ? `${parent.id}/` : '';
    const level: Level = {
      type: 'level',
      kind,
      num: { text: printed, value },
      id: uniqueId(prefix + idPart(kind, value)),
      children: [],
      position: { start, end },
    };
    append(parent, level);
    stack.push({ level, rank });
    sawStructure = true;
    if (kind === 'billSection') sawBill = true;
    return level;
  };

  /** Which kind a parenthesised designation is here, and how sure we are. */
  const choose = (value: string): { kind: LevelKind; score: number } => {
    if (options.top && !stack.some((open) => open.rank >= rankOf(options.top!)) && fits(options.top, value)) return { kind: options.top, score: 4 };
    let best = { kind: interpretations(value, style)[0]!, score: -1 };
    const current = top();
    for (const kind of interpretations(value, style)) {
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
      if (score > best.score) best = { kind, score };
    }
    return best;
  };

  const addText = (segment: Segment, opened: Level | undefined, role: Block['role']): void => {
    let text = segment.text;
    if (!text) return;
    const position: Position = { start: segment.start, end: segment.end };
    const holder: Level | Root = opened ?? top()?.level ?? root;
    if (opened && !opened.heading) {
      const isSection = opened.kind === 'section' || opened.kind === 'billSection' || rankOf(opened.kind) < 9;
      const federal = style === 'us' ? FEDERAL_HEADING.exec(text) : null;
      if (isSection && role !== 'body' && role !== 'sectionNum') {
        opened.heading = text;
        return;
      }
      if (isSection && isCapsHeading(text)) {
        opened.heading = text;
        return;
      }
      if (federal && style === 'us') {
        opened.heading = federal[1]!;
        text = text.slice(federal[0].length);
        if (!text) return;
        position.start = shiftPoint(position.start, federal[0].length);
      }
    }
    const hasLevels = holder.children.some((c) => c.type === 'level');
    append(holder, { type: hasLevels && holder.type === 'level' ? 'continuation' : 'text', value: text, position });
    extend(segment.end);
  };

  const processSegment = (segment: Segment, atBlockStart: boolean): Segment | undefined => {
    let { text } = segment;
    let start = segment.start;
    let opened: Level | undefined;
    const consume = (length: number): void => {
      text = text.slice(length);
      start = shiftPoint(start, length);
    };

    // Section-level designation.
    const allowBare = segment.block.role === 'sectionNum' || segment.section === true || afterAction || (atBlockStart && looksLikeSectionStart(text, stack.length === 0));
    const section = readSectionDesignation(text, allowBare);
    if (section) {
      const end = shiftPoint(start, section.text.length);
      opened = openLevel(section.kind, section.value, section.text, start, end);
      consume(section.length);
      afterAction = false;
    }

    // An instruction line ("Section 1050 of the Penal Code is amended to read:").
    if (!opened || opened.kind === 'billSection') {
      if (text && isActionLine(text)) {
        const length = actionLineLength(text);
        const end = shiftPoint(start, length);
        const action: Action = { type: 'action', value: text.slice(0, length), position: { start, end } };
        append(top()?.level ?? root, action);
        extend(end);
        sawBill = true;
        afterAction = true;
        consume(length);
        const rest = text.replace(/^\s+/, '');
        if (!rest) return undefined;
        return { ...segment, text: rest, start: shiftPoint(start, text.length - rest.length) };
      }
    }

    // Parenthesised designations, one or several run together: "(a)(1) …".
    for (;;) {
      const designation = readParenDesignation(text);
      if (!designation) break;
      const { kind, score } = choose(designation.value);
      if (score < 0.5 && !opened) {
        messages.push(
          diagnostic(`designation ${designation.text} does not continue any open list; read as text`, doc.file, { start, end: shiftPoint(start, designation.text.length) }, 'designation-sequence'),
        );
        break;
      }
      if (score < 1) {
        messages.push(
          diagnostic(`designation ${designation.text} is out of sequence`, doc.file, { start, end: shiftPoint(start, designation.text.length) }, 'designation-sequence'),
        );
      }
      opened = openLevel(kind, designation.value, designation.text, start, shiftPoint(start, designation.text.length));
      consume(designation.length);
      afterAction = false;
    }
    if (opened) afterAction = false;

    // Flattened text: the next designation that starts a sentence begins a new clause.
    let rest: Segment | undefined;
    if (flattened && text) {
      const nextSection = (value: string) => {
        for (let k = stack.length - 1; k >= 0; k--) {
          const level = stack[k]!.level;
          if (level.kind === 'section' && level.num) return sectionAfter(level.num.value, value);
        }
        return false;
      };
      let { index: split, section: opensSection } = findInlineSplit(text, choose, nextSection);
      // A quoted chapter's heading runs straight into its first section: "… Authorities 7284. This chapter …".
      if (opened && rankOf(opened.kind) < rankOf('section') && opened.kind !== 'billSection') {
        const first = /\s(\d+(?:\.\d+)*[a-z]?)\.\s(?=[A-Z“"(])/.exec(text);
        if (first && (split < 0 || first.index < split)) {
          split = first.index + 1;
          opensSection = true;
        }
      }
      if (split > 0) {
        const tail = text.slice(split);
        rest = { ...segment, text: tail, start: shiftPoint(start, split), section: opensSection };
        text = text.slice(0, split).trimEnd();
      }
    }
    const end = rest ? shiftPoint(start, text.length) : segment.end;
    if (text) {
      if (!opened) afterAction = false;
      addText({ ...segment, text, start, end }, opened, segment.block.role);
    } else if (opened) {
      extend(end);
    }
    return rest;
  };

  for (const block of doc.blocks) {
    switch (block.role) {
      case 'title':
      case 'digest':
        stack.length = 0;
        root.children.push({ type: 'text', value: block.text, role: block.role, position: block.position });
        continue;
      case 'billSectionNum': {
        stack.length = 0;
        const section = readSectionDesignation(block.text, false);
        if (section) {
          openLevel('billSection', section.value, block.text, block.position.start, block.position.end);
          continue;
        }
        break;
      }
      case 'sectionNum': {
        const value = block.text.replace(/^§\s*/, '').replace(/\.$/, '');
        openLevel('section', value, block.text, block.position.start, block.position.end);
        afterAction = false;
        continue;
      }
      case 'action': {
        const action: Action = { type: 'action', value: block.text, position: block.position };
        while (stack.length && top()!.level.kind !== 'billSection') stack.pop();
        append(top()?.level ?? root, action);
        extend(block.position.end);
        afterAction = true;
        sawBill = true;
        continue;
      }
      default:
        break;
    }
    let segment: Segment | undefined = { text: block.text, start: block.position.start, end: block.position.end, block };
    let first = true;
    while (segment) {
      segment = processSegment(segment, first);
      first = false;
    }
  }

  root.kind = sawBill ? 'bill' : sawStructure ? 'statute' : 'text';
  if (!sawStructure && doc.blocks.length) {
    messages.push(
      diagnostic('no clause structure found (no section or subdivision designations); compared as plain text blocks', doc.file, doc.blocks[0]!.position, 'unstructured'),
    );
  }
  if (doc.blocks.length) {
    root.position = { start: { ...doc.blocks[0]!.position.start }, end: { ...doc.blocks[doc.blocks.length - 1]!.position.end } };
  }
  return { tree: root, messages };
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

/** A browser save of a bill page can come with its line breaks flattened away. */
function isFlattened(blocks: Block[]): boolean {
  if (!blocks.length) return false;
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  return total / blocks.length > 1500;
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

const INLINE = /(?<=[.:;]["”’)]?\s+)(?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,4}(?:\.\d{1,3})?)\)\s|(?:SEC\.|SECTION)\s+\d+\.\s|(\d+(?:\.\d+)+|\d{3,})\.\s(?=[A-Z(“"]))/g;

/**
 * Where flattened text starts its next clause: a designation after a sentence end that continues
 * a list, a bill section, or the next section number of a quoted chapter. `section` says the
 * clause there opens with a bare section number.
 */
function findInlineSplit(
  text: string,
  choose: (value: string) => { score: number },
  nextSection: (value: string) => boolean,
): { index: number; section: boolean } {
  INLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE.exec(text))) {
    const token = m[0];
    if (m[1] !== undefined) {
      if (nextSection(m[1])) return { index: m.index, section: true };
      continue;
    }
    if (token.startsWith('SEC')) return { index: m.index, section: false };
    if (choose(token.trim().slice(1, -1)).score >= 2) return { index: m.index, section: false };
  }
  const section = /(?<=\bto read:\s+)\d+(?:\.\d+)*[a-z]?\.\s/.exec(text);
  return section ? { index: section.index, section: true } : { index: -1, section: false };
}

/** Does section `next` come after section `prev` (7284.2 after 7284; 7284.10 after 7284.8)? */
function sectionAfter(prev: string, next: string): boolean {
  const a = prev.split('.').map(Number);
  const b = next.split('.').map(Number);
  if (a.some(Number.isNaN) || b.some(Number.isNaN)) return false;
  if (b[0]! - a[0]! > 50 || b[0]! < a[0]!) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return y > x;
  }
  return false;
}

