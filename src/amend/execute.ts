import type { Chapeau, Content, Continuation, Level, LevelKind, Text } from '../types.js';
import { fits, ORDINAL_WORDS, ordinalNumber, precedes, rungBelow, follows } from '../parse/ladder.js';
import { MARK_NAMES } from './instructions.js';
import type { Instruction } from './types.js';

/** One change an instruction made, described for a reader. */
export interface AmendChange {
  /**
   * `struck` text or clause removed; `inserted` text or clause added; `replaced` text or
   * clause struck and another put in its place; `redesignated` a clause renumbered.
   */
  kind: 'struck' | 'inserted' | 'replaced' | 'redesignated';
  /** The clause changed, by id, as it was when the instruction was applied. */
  clause: string;
  /** For a clause that is gone (struck or replaced): its id in the law before the bill, when it was there. */
  origin?: string;
  /** The words or designation struck, and those inserted. */
  struck?: string;
  inserted?: string;
}

/** What became of one instruction. */
export interface ExecutionResult {
  instruction: Instruction;
  status: 'applied' | 'refused';
  /** Why the instruction was refused. */
  reason?: string;
  /** What it changed (none when refused). */
  changes: AmendChange[];
}

/** The executed section and one result per instruction, in order. */
export interface Execution {
  section: Level;
  results: ExecutionResult[];
}

/**
 * Applies amendatory instructions, in order, to a copy of a statute section's clause tree (the
 * input is never changed). An instruction that cannot be applied exactly — its text is not found,
 * or found a different number of times than it says, its target clause is missing, its action is
 * not one we execute — is refused with a reason and changes nothing. Nothing is guessed.
 *
 * Example (Pub. L. 116-94, § 1102(c)(2), on 17 U.S.C. 501):
 *
 *     executeInstructions([{ action: 'strikeInsert', location: ['subsection (e)'],
 *       strike: 'section 119(a)(5)', insert: 'section 119(a)(3)', … }], section501)
 *     // → { section: <501 with (e) amended>, results: [{ status: 'applied', … }] }
 */
export function executeInstructions(instructions: Instruction[], section: Level): Execution {
  let current = clone(section);
  const results: ExecutionResult[] = [];
  for (const instruction of instructions) {
    const outcome = executeInstruction(instruction, current);
    current = outcome.section;
    results.push(outcome.result);
  }
  return { section: current, results };
}

/**
 * Applies one instruction to a copy of `section`. The copy is returned when the instruction
 * applies; when it is refused, `section` itself comes back unchanged. Clauses the instruction
 * changes or adds carry `mark` in their `amendedBy`.
 */
export function executeInstruction(instruction: Instruction, section: Level, mark?: string): { section: Level; result: ExecutionResult } {
  const draft = clone(section);
  const previous = active;
  active = { mark, changes: [] };
  try {
    apply(instruction, draft);
    return { section: draft, result: { instruction, status: 'applied', changes: active.changes } };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { section, result: { instruction, status: 'refused', reason: error.message, changes: [] } };
  } finally {
    active = previous;
  }
}

/** The instruction being applied: its mark and the changes it has made so far. */
let active: { mark: string | undefined; changes: AmendChange[] } | undefined;

function record(level: Level, change: Omit<AmendChange, 'clause'>, stamp = true): void {
  if (!active) return;
  if (stamp && active.mark !== undefined) {
    const by = level.amendedBy ?? [];
    if (!by.includes(active.mark)) level.amendedBy = [...by, active.mark];
  }
  active.changes.push({ ...change, clause: level.id });
}

/** A clause struck whole: recorded with its id in the law before, so the redline can link it. */
function recordStruck(level: Level): void {
  record(level, { kind: 'struck', struck: level.num?.text ?? '', ...(level.origin ? { origin: level.origin } : {}) }, false);
}

function stampAll(level: Level): void {
  if (!active || active.mark === undefined) return;
  level.amendedBy = [active.mark];
  delete level.origin;
  for (const c of level.children) if (c.type === 'level') stampAll(c);
}

class Refusal extends Error {}

function refuse(reason: string): never {
  throw new Refusal(reason);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

type TextNode = Text | Chapeau | Continuation;

/** A clause's heading, searched and edited like a text. */
class HeadingNode {
  readonly type = 'heading';
  constructor(readonly level: Level) {}
  get value(): string {
    return this.level.heading ?? '';
  }
  set value(value: string) {
    this.level.heading = value;
  }
}

/** Something whose words an instruction edits: a text node or a heading. */
type Editable = TextNode | HeadingNode;

/** A stretch of an editable: the whole of it, or one sentence. */
interface Segment {
  node: Editable;
  start: number;
  end: number;
}

/** Where an instruction applies: a clause, or a stretch of one of its texts. */
interface Place {
  level: Level;
  /** Set when the location names a part of the clause's text ("the matter preceding paragraph (1)", "the second sentence", "the section heading"). */
  segment?: Segment;
}

const UNIT = /^(section|subsection|paragraph|subparagraph|clause|subclause|item|subitem) \(([^()]+)\)$/;
const PRECEDING = /^(?:the )?matter preceding (subsection|paragraph|subparagraph|clause|subclause|item|subitem) \(([^()]+)\)$/;
const FOLLOWING = /^(?:the )?matter following (subsection|paragraph|subparagraph|clause|subclause|item|subitem) \(([^()]+)\)$/;
const ORDINAL_STEP = new RegExp(`^(${Object.keys(ORDINAL_WORDS).join('|')}) (sentence|paragraph)$`);
const HEADING_STEP = /^(?:the )?(section|subsection|paragraph|subparagraph|clause|subclause|item) heading$|^heading$/;

function locate(section: Level, location: string[]): Place {
  let level = section;
  let segment: Segment | undefined;
  location.forEach((step, i) => {
    if (segment && !ORDINAL_STEP.test(step)) refuse(`cannot descend below "${location[i - 1]}" to "${step}"`);
    const unit = UNIT.exec(step);
    if (unit) {
      if (unit[1] === 'section') {
        if (level !== section || section.num?.value !== unit[2]) refuse(`target ${step} is not the section executed`);
        return;
      }
      level = child(level, unit[2]!, step);
      return;
    }
    const preceding = PRECEDING.exec(step);
    if (preceding) {
      const index = level.children.findIndex((c) => c.type === 'level');
      const first = level.children[index];
      if (index < 0 || first?.type !== 'level' || first.num?.value !== preceding[2]) {
        refuse(`${step}: ${describe(level)} has no ${preceding[1]} (${preceding[2]}) as its first clause`);
      }
      const before = level.children.slice(0, index).filter(isText);
      if (before.length !== 1) refuse(`${step}: expected one text before it in ${describe(level)}, found ${before.length}`);
      segment = whole(before[0]!);
      return;
    }
    const following = FOLLOWING.exec(step);
    if (following) {
      // "in the matter following paragraph (2)": the text after the clause, before any other clause.
      if (segment) refuse(`cannot find "${step}" inside a text`);
      const index = level.children.findIndex((c) => c.type === 'level' && c.num?.value === following[2]);
      if (index < 0) refuse(`${step}: ${describe(level)} has no ${following[1]} (${following[2]})`);
      const after: TextNode[] = [];
      for (const c of level.children.slice(index + 1)) {
        if (c.type === 'level') break;
        if (isText(c)) after.push(c);
      }
      if (after.length !== 1) refuse(`${step}: expected one text after it in ${describe(level)}, found ${after.length}`);
      segment = whole(after[0]!);
      return;
    }
    const ordinal = ORDINAL_STEP.exec(step);
    if (ordinal) {
      const n = ordinalNumber(ordinal[1]!)!;
      if (ordinal[2] === 'paragraph') {
        // "in the fifth paragraph" of a section whose paragraphs are not designated.
        if (segment) refuse(`cannot find "${step}" inside a text`);
        if (level.children.some((c) => c.type === 'level')) refuse(`${describe(level)} has designated clauses; "${step}" does not say which`);
        const paragraphs = level.children.filter(isText);
        const chosen = n === -1 ? paragraphs[paragraphs.length - 1] : paragraphs[n - 1];
        if (!chosen) refuse(`${describe(level)} has ${paragraphs.length} paragraphs, not a ${ordinal[1]}`);
        segment = whole(chosen);
        return;
      }
      const host = segment ?? soleText(level, step);
      const found = sentences(host.node.value.slice(host.start, host.end));
      const sentence = n === -1 ? found[found.length - 1] : found[n - 1];
      if (!sentence) refuse(`${step}: the text of ${describe(level)} has ${found.length} sentence${found.length === 1 ? '' : 's'}`);
      segment = { node: host.node, start: host.start + sentence.start, end: host.start + sentence.end };
      return;
    }
    if (HEADING_STEP.test(step)) {
      if (segment) refuse(`cannot find "${step}" inside a text`);
      if (level.heading === undefined || level.heading.trim() === '') refuse(`${describe(level)} has no heading`);
      segment = whole(new HeadingNode(level));
      return;
    }
    refuse(`location "${step}" is not one the executor can find`);
  });
  return segment ? { level, segment } : { level };
}

function whole(node: Editable): Segment {
  return { node, start: 0, end: node.value.length };
}

/** The one text a clause has of its own (for "the first sentence of subsection (f)"). */
function soleText(level: Level, step: string): Segment {
  const own = level.children.filter(isText);
  if (own.length !== 1) refuse(`${step}: ${describe(level)} has ${own.length} texts of its own, not one`);
  return whole(own[0]!);
}

/** Words after which a period does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(“"])(?:U\.S\.C|U\.S|Stat|No|Nos|Pub|Sec|Secs|sec|secs|e\.g|i\.e|etc|Inc|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|v|vs|seq|ch|cl|subch|pt|div|App|Fed|Reg|C\.F\.R|[A-Z])$/;

/**
 * The sentences of a text, as offsets: a sentence ends at a period (or ? !), with any closing
 * quotation mark or parenthesis, followed by a space and a capital letter — unless the period
 * ends an abbreviation (`U.S.C.`, `Pub. L.`, `Stat.`, `No.`).
 */
export function sentences(value: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let start = value.length - value.trimStart().length;
  const boundary = /[.?!][”’")]*(?=\s+[“‘"(]?[A-Z])/g;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(value))) {
    if (m[0][0] === '.' && ABBREVIATION.test(value.slice(Math.max(0, m.index - 12), m.index))) continue;
    const end = m.index + m[0].length;
    found.push({ start, end });
    start = end + (/^\s+/.exec(value.slice(end))?.[0].length ?? 0);
  }
  const tail = value.trimEnd().length;
  if (tail > start) found.push({ start, end: tail });
  return found;
}

function child(level: Level, value: string, step: string): Level {
  const found = level.children.filter((c): c is Level => c.type === 'level' && c.num?.value === value);
  if (found.length !== 1) refuse(`${step} ${found.length === 0 ? 'not found' : 'found more than once'} in ${describe(level)}`);
  return found[0]!;
}

function describe(level: Level): string {
  if (level.kind === 'section' && level.num) return `§ ${level.num.value}`;
  return level.num ? `${level.kind} ${level.num.text}` : level.kind;
}

function isText(node: Content): node is TextNode {
  return node.type === 'text' || node.type === 'chapeau' || node.type === 'continuation';
}

/** Every heading and text of a clause, its child clauses' included, in reading order. */
function editables(level: Level): Editable[] {
  const nodes: Editable[] = [];
  if (level.heading !== undefined && level.heading.trim() !== '') nodes.push(new HeadingNode(level));
  for (const c of level.children) {
    if (isText(c)) nodes.push(c);
    else if (c.type === 'level') nodes.push(...editables(c));
  }
  return nodes;
}

/** The clause that holds an editable (its own text or heading). */
function ownerOf(section: Level, node: Editable): Level {
  if (node instanceof HeadingNode) return node.level;
  const search = (level: Level): Level | undefined => {
    for (const c of level.children) {
      if (c === node) return level;
      if (c.type === 'level') {
        const found = search(c);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(section) ?? section;
}

function apply(quoted: Instruction, section: Level): void {
  const instruction = lawQuotes(quoted);
  switch (instruction.action) {
    case 'strike':
    case 'strikeInsert':
      if (instruction.strike !== undefined) return replaceText(instruction, section);
      if (instruction.units !== undefined) return replaceUnits(instruction, section);
      return refuse('nothing to strike is given');
    case 'insertAfter':
    case 'insertBefore':
      return insertBeside(instruction, section);
    case 'addAtEnd':
      return addAtEnd(instruction, section);
    case 'redesignate':
      return redesignate(instruction, section);
    case 'amendToRead':
      return amendToRead(instruction, section);
    case 'repeal':
    case 'repealReserve':
      return repeal(instruction, section);
    case 'unknown':
      return refuse(`instruction not understood${instruction.reason ? `: ${instruction.reason}` : ''}`);
    default:
      return refuse(`action ${instruction.action} is not executed`);
  }
}

/**
 * Quoted text as the law prints it: inside the bill's quotation marks, quotations in the law are
 * printed with single marks (“the term ‘short market’ means”); in the law they are double.
 * An apostrophe (`Register’s`, `DMAs’ `) is not a closing mark unless an opening one precedes it.
 */
function lawQuotes(instruction: Instruction): Instruction {
  const swap = (text: string | undefined): string | undefined => text?.replace(/‘([^‘]*?)’(?![\p{L}\p{N}])/gu, '“$1”');
  const copy = { ...instruction };
  for (const key of ['strike', 'insert', 'anchor', 'through'] as const) {
    const value = swap(copy[key]);
    if (value !== undefined) copy[key] = value;
  }
  return copy;
}

/** Whether a heading is printed in capitals (`SEC. 204. STATE, LOCAL, AND TRIBAL GOVERNMENT INPUT.`). */
function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/** One place a text was found: the node and the offsets in its value. */
interface Match {
  node: Editable;
  start: number;
  end: number;
}

function scope(place: Place): Segment[] {
  return place.segment ? [place.segment] : editables(place.level).map(whole);
}

/**
 * The places of `text` in a clause: in its text; its headings count for "each place it appears"
 * (the Law Revision Counsel executes those in headings too), or when the words are in no text.
 * A heading is searched on its own when the instruction names it ("in the section heading").
 */
function findIn(place: Place, text: string, occurrence: Instruction['occurrence']): Match[] {
  const all = findAll(scope(place), text);
  if (place.segment || occurrence === 'each') return all;
  const inText = all.filter((m) => !(m.node instanceof HeadingNode));
  return inText.length > 0 ? inText : all;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Text compared as printed, whatever the typing: curly and straight quotation marks and
 * apostrophes, and a no-break space, are the same character (one for one, so offsets hold).
 */
function printed(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, ' ');
}

function findAll(segments: Segment[], typed: string): Match[] {
  if (typed === '') refuse('empty text to find');
  const text = printed(typed);
  const matches: Match[] = [];
  for (const { node, start: from0, end: limit } of segments) {
    // A heading printed in capitals (a compilation's `SEC. 204. STATE, LOCAL, AND TRIBAL GOVERNMENT
    // INPUT.`) is the same words as the bill's “input”: its letter case is typography.
    const capitals = node instanceof HeadingNode && isCapitals(node.value);
    const value = capitals ? printed(node.value).toLowerCase() : printed(node.value);
    const sought = capitals ? text.toLowerCase() : text;
    let from = from0;
    for (;;) {
      const start = value.indexOf(sought, from);
      if (start < 0) break;
      const end = start + sought.length;
      if (end > limit) break;
      // Quoted words are words: “the” is not found inside “other”.
      const cut =
        (WORD.test(sought[0]!) && WORD.test(value[start - 1] ?? '')) ||
        (WORD.test(sought[sought.length - 1]!) && WORD.test(value[end] ?? '')) ||
        // “section 122” is not “section 122(j)(2)(C)”: a citation goes on with its designations.
        (/[\p{N})]$/u.test(sought) && /^\([0-9A-Za-z]{1,6}\)/.test(value.slice(end)));
      if (!cut) {
        matches.push({ node, start, end });
        from = end;
      } else {
        from = start + 1;
      }
    }
  }
  return matches.length > 0 || !/[\s()]/.test(text) ? matches : spacedMatches(segments, text);
}

/**
 * The words found with other spacing: “203(a)(1) and (2)” in a text that prints “203(a) (1) and
 * (2)”, a line break for a space. Words and marks must be the same and in the same order.
 */
function spacedMatches(segments: Segment[], text: string): Match[] {
  const pattern = text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\)\\\(/g, '\\)\\s?\\('))
    .join('\\s+');
  const re = new RegExp(pattern, 'g');
  const matches: Match[] = [];
  for (const { node, start: from, end: limit } of segments) {
    const value = printed(node.value);
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(value)) && m.index + m[0].length <= limit) {
      const end = m.index + m[0].length;
      const cut = (WORD.test(text[0]!) && WORD.test(value[m.index - 1] ?? '')) || (WORD.test(text[text.length - 1]!) && WORD.test(value[end] ?? ''));
      if (!cut) matches.push({ node, start: m.index, end });
    }
  }
  return matches;
}

/** The matches an instruction means: exactly the one, the nth, or each. */
function select(matches: Match[], text: string, occurrence: Instruction['occurrence'], where: string): Match[] {
  if (matches.length === 0) refuse(`“${text}” not found in ${where}`);
  if (occurrence === undefined) {
    if (matches.length !== 1) refuse(`“${text}” appears ${matches.length} times in ${where}; the instruction does not say which`);
    return matches;
  }
  if (occurrence === 'each') return matches;
  const index = occurrence === -1 ? matches.length - 1 : occurrence - 1;
  const match = matches[index];
  if (index < 0 || !match) refuse(`“${text}” appears ${matches.length} times in ${where}, not ${occurrence}`);
  return [match];
}

function placeName(instruction: Instruction): string {
  return instruction.location.length > 0 ? instruction.location.join(', ') : 'the section';
}

/** Edits applied from the end of each node backwards, so earlier offsets stay valid. */
function splice(edits: Array<Match & { insert: string }>): void {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const edit of sorted) {
    edit.node.value = edit.node.value.slice(0, edit.start) + edit.insert + edit.node.value.slice(edit.end);
  }
}

/** Records a text edit on the clause that holds it. */
function recordEdit(section: Level, node: Editable, struck: string, inserted: string): void {
  const kind = struck === '' ? 'inserted' : inserted === '' ? 'struck' : 'replaced';
  record(ownerOf(section, node), { kind, ...(struck ? { struck } : {}), ...(inserted ? { inserted } : {}) });
}

function replaceText(instruction: Instruction, section: Level): void {
  const strike = instruction.strike!;
  const place = locate(section, instruction.location);
  const where = placeName(instruction);
  let matches: Match[];
  if (instruction.where === 'after' || instruction.where === 'before') {
    // "the comma after “X”": the struck text must touch the anchor.
    const anchor = instruction.anchor;
    if (anchor === undefined || instruction.anchorKind === 'unit') refuse(`a strike placed ${instruction.where} a clause is not executed`);
    // Touching ("the comma after “agreement”") or a space apart ("“and” after the semicolon").
    const joins = instruction.where === 'after' ? [anchor + strike, `${anchor} ${strike}`] : [strike + anchor, `${strike} ${anchor}`];
    const found = joins.flatMap((joined) => findIn(place, joined, instruction.occurrence)).sort((a, b) => (a.node === b.node ? a.start - b.start : 0));
    matches = select(found, joins[0]!, instruction.occurrence, where).map((m) =>
      instruction.where === 'after' ? { ...m, start: m.end - strike.length } : { ...m, end: m.start + strike.length },
    );
  } else {
    matches = select(findIn(place, strike, instruction.occurrence), strike, instruction.occurrence, where);
  }
  if (instruction.where === 'end') {
    matches = matches.filter((m) => m.node.value.slice(m.end).trim() === '');
    if (matches.length !== 1) refuse(`“${strike}” is not at the end of ${where}`);
  }
  if (instruction.through !== undefined) {
    if (matches.length !== 1) refuse('"all that follows through" with more than one place');
    const match = matches[0]!;
    const limit = place.segment && place.segment.node === match.node ? place.segment.end : match.node.value.length;
    if (instruction.through === '') {
      match.end = limit;
    } else {
      const end = printed(match.node.value).indexOf(printed(instruction.through), match.end);
      if (end < 0 || end + instruction.through.length > limit) refuse(`“${instruction.through}” not found after “${strike}” in the same text of ${where}`);
      match.end = end + instruction.through.length;
    }
  }
  const insert = instruction.action === 'strikeInsert' ? instruction.insert : '';
  if (insert === undefined) refuse('no text to insert');
  if (insert.includes('\n')) refuse('the inserted text runs over several lines; inserting clauses inside a text is not executed');
  const edits = matches.map((m) => {
    // Struck words take their separating space or comma with them (“, whichever is later” →
    // “until …”): a word inserted against a word gets a space, never glued.
    const before = m.node.value[m.start - 1] ?? '';
    const after = m.node.value[m.end] ?? '';
    let text = insert;
    if (text !== '' && WORD.test(text[0]!) && WORD.test(before)) text = ` ${text}`;
    if (text !== '' && WORD.test(text[text.length - 1]!) && WORD.test(after)) text = `${text} `;
    return { ...m, insert: text };
  });
  for (const m of edits) recordEdit(section, m.node, m.node.value.slice(m.start, m.end), insert);
  // New text that opens with a designation and words, put at the start of a text, makes that text
  // a clause (“There” → “(a) In general.—There”): it must become one, or the instruction is refused.
  const opening = /^\(([0-9]+|[a-zA-Z]+)\)\s+\S/.test(insert) ? new Set(matches.filter((m) => m.start === 0).map((m) => m.node)) : new Set<Editable>();
  splice(edits);
  for (const node of new Set(matches.map((m) => m.node))) {
    tidy(node);
    if (!promote(section, node) && opening.has(node)) refuse(`the new text opens a clause (“${insert.slice(0, 40)}”) that cannot be placed in ${describe(ownerOf(section, node))}`);
  }
}

/** A strike can leave a doubled or edge space behind ("the  Act"): fold it. */
function tidy(node: Editable): void {
  node.value = node.value.replace(/ {2,}/g, ' ').replace(/ ([,.;:])/g, '$1').trim();
}

/**
 * Undivided text turned into the first of a clause's divisions (“There” → “(a) In general.—There”,
 * Pub. L. 116-9, § 3001(b)(2)): the text becomes a child clause of the rung below.
 */
function promote(section: Level, node: Editable): boolean {
  if (node instanceof HeadingNode || node.type !== 'text') return false;
  const owner = ownerOf(section, node);
  if (owner.children.some((c) => c.type === 'level')) return false;
  const m = DESIGNATION.exec(node.value);
  if (!m) return false;
  const kind = below(owner.kind);
  if (!kind || !fits(kind, m[1]!)) return false;
  const [level] = parseBlock(node.value, kind, owner.id);
  if (!level) return false;
  stampAll(level);
  owner.children.splice(owner.children.indexOf(node), 1, level);
  return true;
}

function insertBeside(instruction: Instruction, section: Level): void {
  const insert = instruction.insert;
  const anchor = instruction.anchor;
  if (insert === undefined || anchor === undefined) refuse('insertion without text or anchor');
  const place = locate(section, instruction.location);
  if (instruction.anchorKind === 'unit' && MARK_UNIT.test(anchor)) {
    // "by inserting “, and for other purposes” before the period at the end"
    if (insert.includes('\n')) refuse('the inserted text runs over several lines');
    const mark = endMark(section, place, anchor);
    const at = instruction.action === 'insertAfter' ? mark.end : mark.start;
    const text = instruction.action === 'insertAfter' && WORD.test(insert[0] ?? '') ? ` ${insert}` : insert;
    recordEdit(section, mark.node, '', insert);
    mark.node.value = mark.node.value.slice(0, at) + text + mark.node.value.slice(at);
    return;
  }
  if (instruction.anchorKind === 'unit' && ORDINAL_STEP.exec(anchor)?.[2] === 'sentence') {
    // "by inserting after the first sentence the following: “…”"
    if (insert.includes('\n')) refuse('the inserted text runs over several lines');
    const sentence = locate(section, [...instruction.location, anchor]).segment!;
    const node = sentence.node;
    if (instruction.action === 'insertAfter') node.value = `${node.value.slice(0, sentence.end)} ${insert}${node.value.slice(sentence.end)}`;
    else node.value = `${node.value.slice(0, sentence.start)}${insert} ${node.value.slice(sentence.start)}`;
    tidy(node);
    recordEdit(section, node, '', insert);
    return;
  }
  if (instruction.anchorKind === 'unit') {
    const unit = UNIT.exec(anchor);
    if (!unit) refuse(`anchor "${anchor}" is not a clause`);
    if (place.segment) refuse('clauses cannot be inserted into a text');
    const target = child(place.level, unit[2]!, anchor);
    const index = place.level.children.indexOf(target);
    const levels = parseBlock(insert, target.kind, place.level.id);
    for (const level of levels) {
      stampAll(level);
      record(level, { kind: 'inserted', inserted: level.num?.text ?? '' }, false);
    }
    place.level.children.splice(instruction.action === 'insertAfter' ? index + 1 : index, 0, ...levels);
    return;
  }
  if (insert.includes('\n')) refuse('the inserted text runs over several lines; inserting clauses inside a text is not executed');
  const matches = select(findIn(place, anchor, instruction.occurrence), anchor, instruction.occurrence, placeName(instruction));
  const after = instruction.action === 'insertAfter';
  const typed = insert;
  const edits = matches.map((m) => {
    const at = after ? m.end : m.start;
    const insert = m.node instanceof HeadingNode && isCapitals(m.node.value) ? typed.toUpperCase() : typed;
    const value = m.node.value;
    // The inserted words are a phrase: separate them from the anchor by a space unless punctuation joins them.
    const text = after
      ? (/^[,.;:)]/.test(insert) || value[at - 1] === ' ' ? '' : ' ') + insert
      : insert + (/[(]$/.test(insert) || value[at] === ' ' ? '' : ' ');
    return { node: m.node, start: at, end: at, insert: text };
  });
  for (const m of edits) recordEdit(section, m.node, '', insert);
  splice(edits);
}

/** A unit named by an instruction: `paragraph (5)`, `paragraph (6)(E)`, `second sentence`. */
function findUnit(place: Place, unit: string): { parent: Level; level: Level } {
  const m = /^(?:subsection|paragraph|subparagraph|clause|subclause|item|subitem) ((?:\([^()]+\))+)$/.exec(unit);
  if (!m) refuse(`"${unit}" is not a clause the executor can find`);
  const values = [...m[1]!.matchAll(/\(([^()]+)\)/g)].map((v) => v[1]!);
  let parent = place.level;
  for (const value of values.slice(0, -1)) parent = child(parent, value, unit);
  return { parent, level: child(parent, values[values.length - 1]!, unit) };
}

/** A punctuation mark named as a unit: `period at the end`, `semicolon at the end`, `period`. */
const MARK_UNIT = /^(period|semicolon|comma|colon)(?: at the end)?$/;

/**
 * The mark that ends the located clause's text ("the period at the end of paragraph (2)"): its
 * last text, in reading order, must end with it (a closing quotation mark may follow).
 */
function endMark(section: Level, place: Place, unit: string): Match {
  const mark = MARK_NAMES[MARK_UNIT.exec(unit)![1]!]!;
  const texts = place.segment ? [place.segment.node] : editables(place.level).filter((n) => !(n instanceof HeadingNode));
  const last = texts[texts.length - 1];
  if (!last) refuse(`${describe(place.level)} has no text`);
  const value = last.value.trimEnd();
  const at = value.endsWith(mark) ? value.length - 1 : value.endsWith(`${mark}”`) || value.endsWith(`${mark}’`) ? value.length - 2 : -1;
  if (at < 0) refuse(`the ${unit.replace(/ at the end$/, '')} at the end is not there: the text of ${describe(ownerOf(section, last))} ends “${value.slice(-20)}”`);
  return { node: last, start: at, end: at + 1 };
}

function replaceUnits(instruction: Instruction, section: Level): void {
  const units = instruction.units!;
  if (units.length === 1 && MARK_UNIT.test(units[0]!)) {
    // "by striking the period at the end and inserting “; and”"
    const place = locate(section, instruction.location);
    const mark = endMark(section, place, units[0]!);
    const insert = instruction.action === 'strikeInsert' ? instruction.insert ?? '' : '';
    recordEdit(section, mark.node, mark.node.value.slice(mark.start, mark.end), insert);
    mark.node.value = mark.node.value.slice(0, mark.start) + insert + mark.node.value.slice(mark.end);
    return;
  }
  if (units.length === 1 && HEADING_STEP.test(units[0]!)) return replaceHeading(instruction, section);
  const sentence = units.length === 1 ? ORDINAL_STEP.exec(units[0]!) : null;
  if (sentence && sentence[2] === 'sentence') return replaceSentence(instruction, section);
  const place = locate(section, instruction.location);
  if (place.segment) refuse('clauses cannot be struck from a text');
  // `paragraph (6)(E)`: subparagraph (E) of paragraph (6) of the located clause.
  const found = units.map((unit) => findUnit(place, unit));
  if (instruction.action === 'strike') {
    // Struck clauses go from wherever each one is ("paragraphs (3), (6)(E), and (9)").
    for (const f of found) {
      recordStruck(f.level);
      f.parent.children.splice(f.parent.children.indexOf(f.level), 1);
    }
    return;
  }
  const parent = found[0]!.parent;
  if (found.some((f) => f.parent !== parent)) refuse('the clauses replaced are not siblings');
  const targets = found.map((f) => f.level);
  const indexes = targets.map((t) => parent.children.indexOf(t)).sort((a, b) => a - b);
  let levels: Level[] = [];
  if (instruction.action === 'strikeInsert') {
    if (instruction.insert === undefined) refuse('no text to insert');
    levels = parseBlock(instruction.insert, targets[0]!.kind, parent.id);
  }
  for (const t of targets) recordStruck(t);
  for (const level of levels) {
    stampAll(level);
    record(level, { kind: 'inserted', inserted: level.num?.text ?? '' }, false);
  }
  for (const index of [...indexes].reverse()) parent.children.splice(index, 1);
  parent.children.splice(indexes[0]!, 0, ...levels);
}

/**
 * "by striking the heading and inserting “In general”": the heading replaced, keeping the mark
 * that ends it in the law (`.—`) when the new words do not bring their own.
 */
function replaceHeading(instruction: Instruction, section: Level): void {
  const place = locate(section, [...instruction.location, instruction.units![0]!]);
  const node = place.segment!.node as HeadingNode;
  if (!(node instanceof HeadingNode)) refuse('no heading to replace');
  const old = node.value;
  if (instruction.action !== 'strikeInsert' || instruction.insert === undefined) refuse('a heading struck without a new one is not executed');
  const ending = /[.—:\s]+$/.exec(old)?.[0] ?? '';
  const insert = instruction.insert.trim();
  node.value = /[.—:]$/.test(insert) ? insert : insert + ending.trim();
  recordEdit(section, node, old, node.value);
}

/**
 * "Subsection (e) of section 455 … is repealed", "by repealing paragraph (3)": the clause goes
 * (no redesignation follows); "repealed and reserved" leaves its designation and "[Reserved]".
 */
function repeal(instruction: Instruction, section: Level): void {
  let targets: Array<{ parent: Level; level: Level }>;
  if (instruction.units?.length) {
    const place = locate(section, instruction.location);
    if (place.segment) refuse('clauses cannot be repealed from a text');
    targets = instruction.units.map((unit) => findUnit(place, unit));
  } else {
    const last = instruction.location[instruction.location.length - 1];
    const unit = last ? UNIT.exec(last) : null;
    if (!unit || unit[1] === 'section') refuse('a whole section is repealed by the statute, not inside it');
    const parent = locate(section, instruction.location.slice(0, -1));
    if (parent.segment) refuse('clauses cannot be repealed from a text');
    targets = [{ parent: parent.level, level: child(parent.level, unit[2]!, last!) }];
  }
  for (const { parent, level } of targets) {
    if (instruction.action === 'repealReserve') {
      record(level, { kind: 'replaced', struck: level.num?.text ?? '', inserted: '[Reserved]' });
      delete level.heading;
      level.children = [{ type: 'text', value: '[Reserved].' }];
      continue;
    }
    recordStruck(level);
    parent.children.splice(parent.children.indexOf(level), 1);
  }
}

/** "by striking the second sentence", "by striking the last sentence and inserting …". */
function replaceSentence(instruction: Instruction, section: Level): void {
  const place = locate(section, [...instruction.location, instruction.units![0]!]);
  const segment = place.segment!;
  const node = segment.node;
  const insert = instruction.action === 'strikeInsert' ? instruction.insert : '';
  if (insert === undefined) refuse('no text to insert');
  if (insert.includes('\n')) refuse('the new sentence runs over several lines');
  let { start, end } = segment;
  if (insert === '') {
    // The space that separated the sentence goes with it.
    const after = /^\s+/.exec(node.value.slice(end))?.[0].length ?? 0;
    if (after > 0) end += after;
    else start -= /\s+$/.exec(node.value.slice(0, start))?.[0].length ?? 0;
  }
  recordEdit(section, node, node.value.slice(segment.start, segment.end), insert);
  node.value = node.value.slice(0, start) + insert + node.value.slice(end);
  tidy(node);
}

function addAtEnd(instruction: Instruction, section: Level): void {
  const insert = instruction.insert;
  if (insert === undefined) refuse('nothing to add');
  const place = locate(section, instruction.location);
  if (place.segment) {
    const { node, end } = place.segment;
    node.value = joinText(node.value.slice(0, end), insert) + node.value.slice(end);
    recordEdit(section, node, '', insert);
    return;
  }
  const level = place.level;
  if (DESIGNATION.test(insert)) {
    const kind = childKind(level);
    const levels = parseBlock(insert, kind, level.id);
    const existing = level.children.filter((c): c is Level => c.type === 'level');
    for (const added of levels) {
      if (existing.some((c) => c.num?.value === added.num?.value)) refuse(`${added.num?.text ?? ''} is already a clause of ${describe(level)}`);
    }
    // "At the end" comes after the last clause: a new (b) where (c) is the last one is misplaced.
    const last = existing[existing.length - 1];
    const first = levels[0];
    if (last?.num && first?.num && last.kind === first.kind && precedes(first.num.value, last.num.value, first.kind)) {
      refuse(`${first.num.text} added at the end would come after ${last.num.text}, the last ${last.kind} of ${describe(level)}`);
    }
    for (const added of levels) {
      stampAll(added);
      record(added, { kind: 'inserted', inserted: added.num?.text ?? '' }, false);
    }
    // Text that ran on after the last clause (a continuation) stays after the new ones only
    // when the instruction says so; "at the end" of a clause with clauses means after them.
    level.children.push(...levels);
    return;
  }
  if (insert.includes('\n')) refuse('added text of several lines that do not start with a designation');
  if (level.children.some((c) => c.type === 'level')) refuse(`${describe(level)} has clauses: where the added text goes is not said exactly`);
  const texts = level.children.filter(isText);
  const last = texts[texts.length - 1];
  if (!last) {
    level.children.push({ type: 'text', value: insert });
  } else {
    last.value = joinText(last.value, insert);
  }
  record(level, { kind: 'inserted', inserted: insert });
}

function joinText(value: string, insert: string): string {
  return /^[,.;:)]/.test(insert) ? value + insert : `${value} ${insert}`;
}

function redesignate(instruction: Instruction, section: Level): void {
  const pairs = instruction.redesignate;
  if (!pairs || pairs.length === 0) refuse('no designations given');
  const place = locate(section, instruction.location);
  if (place.segment) refuse('clauses cannot be redesignated inside a text');
  const moves = pairs.map((pair) => {
    const from = UNIT.exec(pair.from);
    const to = UNIT.exec(pair.to);
    if (!from || !to) refuse(`cannot read the redesignation ${pair.from} → ${pair.to}`);
    if (from[1] !== to[1]) refuse(`redesignation changes the kind of clause (${pair.from} → ${pair.to})`);
    return { level: child(place.level, from[2]!, pair.from), to: to[2]! };
  });
  const moved = new Set(moves.map((m) => m.level));
  for (const move of moves) {
    const clash = place.level.children.find((c) => c.type === 'level' && c.num?.value === move.to && !moved.has(c));
    if (clash) refuse(`${describe(place.level)} already has a clause (${move.to})`);
  }
  for (const move of moves) {
    const from = move.level.num?.text ?? '';
    renumber(move.level, move.to, place.level.id);
    record(move.level, { kind: 'redesignated', struck: from, inserted: move.level.num?.text ?? '' });
  }
}

function renumber(level: Level, value: string, parentId: string): void {
  const old = level.num?.value;
  if (!level.num || old === undefined) refuse('clause without a designation');
  level.num = { text: level.num.text.replace(old, value), value };
  reid(level, `${parentId}/${value}`);
}

function reid(level: Level, id: string): void {
  level.id = id;
  delete level.xmlId;
  for (const c of level.children) if (c.type === 'level') reid(c, `${id}/${c.num?.value ?? ''}`);
}

/** `§ 200303. Availability of funds`: the first line of a section's new text. */
const SECTION_LINE = /^(?:§|SEC(?:TION)?\.?|Sec\.)\s*([0-9][\w.\-–]*)\.\s*(.*)$/;

function amendToRead(instruction: Instruction, section: Level): void {
  const insert = instruction.insert;
  if (insert === undefined) refuse('no new text given');
  const place = locate(section, instruction.location);
  if (place.segment) {
    if (insert.includes('\n')) refuse('new text of several lines for a part of a text');
    const { node, start, end } = place.segment;
    recordEdit(section, node, node.value.slice(start, end), insert);
    node.value = node.value.slice(0, start) + insert + node.value.slice(end);
    tidy(node);
    return;
  }
  const level = place.level;
  const lines = insert.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const sectionLine = SECTION_LINE.exec(lines[0] ?? '');
  if (sectionLine) {
    // "Section 200303 … is amended to read as follows: “§ 200303. Availability of funds …”".
    if (level.kind !== 'section' || level.num?.value !== sectionLine[1]) refuse(`new text is for § ${sectionLine[1]}, the clause is ${describe(level)}`);
    replaceBody(level, sectionLine[2]!, lines.slice(1), 'subsection');
    return;
  }
  const head = DESIGNATION.exec(insert);
  if (head) {
    if (head[1] !== level.num?.value) refuse(`new text starts with (${head[1]}), the clause is ${describe(level)}`);
    const [replacement] = parseBlock(insert, level.kind, level.id.split('/').slice(0, -1).join('/'));
    if (!replacement) refuse('new text could not be read');
    for (const c of replacement.children) if (c.type === 'level') stampAll(c);
    record(level, { kind: 'replaced', struck: level.num?.text ?? '', inserted: insert.split('\n')[0]! });
    if (replacement.heading === undefined) delete level.heading;
    else level.heading = replacement.heading;
    level.children = replacement.children;
    for (const c of level.children) if (c.type === 'level') reid(c, `${level.id}/${c.num?.value ?? ''}`);
    return;
  }
  if (level.children.some((c) => c.type === 'level') || insert.includes('\n')) {
    refuse('new text without a designation for a clause with clauses');
  }
  record(level, { kind: 'replaced', struck: level.children.filter(isText).map((t) => t.value).join(' '), inserted: insert });
  level.children = [{ type: 'text', value: insert }];
}

/** A section's heading and body replaced by new text: its lines below the heading line. */
function replaceBody(level: Level, heading: string, lines: string[], kind: LevelKind): void {
  const struck = level.heading ?? '';
  if (heading.trim() === '') delete level.heading;
  // A compilation that prints its headings in capitals prints the new one so.
  else level.heading = isCapitals(struck) ? heading.trim().toUpperCase() : heading.trim();
  if (lines.length === 0) {
    level.children = [];
  } else if (DESIGNATION.test(lines[0]!)) {
    level.children = parseBlock(lines.join('\n'), kind, level.id);
  } else if (lines.every((l) => !DESIGNATION.test(l))) {
    level.children = lines.map((value) => ({ type: 'text', value }));
  } else {
    // Undesignated text followed by clauses: a chapeau, then the clauses.
    const first = lines.findIndex((l) => DESIGNATION.test(l));
    level.children = [
      ...lines.slice(0, first).map((value): Content => ({ type: 'chapeau', value })),
      ...parseBlock(lines.slice(first).join('\n'), kind, level.id),
    ];
  }
  for (const c of level.children) if (c.type === 'level') stampAll(c);
  record(level, { kind: 'replaced', struck, inserted: heading });
}

/**
 * A new section given as quoted text (`§ 710. Emergency relief authority` and its lines), as
 * "is amended by adding at the end the following" gives it to a chapter.
 */
export function sectionFromText(text: string, id: string): Level | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const head = SECTION_LINE.exec(lines[0] ?? '');
  if (!head) return undefined;
  const level: Level = { type: 'level', kind: 'section', num: { text: `§ ${head[1]}.`, value: head[1]! }, id, children: [] };
  const draft = clone(level);
  const previous = active;
  active = undefined;
  try {
    replaceBody(draft, head[2]!, lines.slice(1), 'subsection');
    return draft;
  } catch (error) {
    if (error instanceof Refusal) return undefined;
    throw error;
  } finally {
    active = previous;
  }
}

// ---------------------------------------------------------------------------
// Inserted blocks of clauses

/** A quoted line starting with a designation: `(b) Allocation of funds.—Of the total …`. */
const DESIGNATION = /^\(([0-9]+|[a-zA-Z]+)\)\s*/;

/** The rung below a rung (California's subdivision (a) has paragraphs (1) below it). */
function below(kind: LevelKind): LevelKind | undefined {
  return rungBelow(kind);
}

function childKind(level: Level): LevelKind {
  const existing = level.children.find((c): c is Level => c.type === 'level');
  if (existing) return existing.kind;
  const kind = rungBelow(level.kind);
  if (!kind) refuse(`no clause rung below ${level.kind}`);
  return kind;
}

/**
 * Reads quoted law lines into clauses whose first line is of rung `kind`: each line must start
 * with a designation of that rung or of a rung below the open clause; anything else is refused.
 * A line may open several rungs at once: `(b)(1) The Inspector General …`.
 */
function parseBlock(text: string, kind: LevelKind, parentId: string): Level[] {
  const top: Level[] = [];
  const stack: Level[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (line === '') continue;
    let m = DESIGNATION.exec(line);
    if (!m) {
      const open = stack[stack.length - 1];
      if (!open) refuse(`inserted text does not start with a designation: “${line}”`);
      if (open.children.some((c) => c.type === 'level')) {
        open.children.push({ type: 'continuation', value: line });
        continue;
      }
      // A designation printed on a line of its own: its heading and text follow (`(ii)` / `Short markets.—In the case …`).
      if (open.children.length === 0 && open.heading === undefined) {
        const { heading, text } = splitHeading(line);
        if (heading !== undefined) open.heading = heading;
        if (text !== '') open.children.push({ type: 'text', value: text });
        continue;
      }
      // A clause's text broken over lines (a page break in the quoted law) is one text.
      const last = open.children[open.children.length - 1];
      if (open.children.length === 1 && last?.type === 'text') last.value = `${last.value} ${line}`;
      else open.children.push({ type: 'text', value: line });
      continue;
    }
    let opened: Level | undefined;
    while (m) {
      const value = m[1]!;
      // Close open clauses until the designation fits a child of the open one, or the top rung.
      let placed: Level | undefined;
      while (!placed) {
        const open = stack[stack.length - 1];
        const rung = open ? below(open.kind) : kind;
        if (rung && fits(rung, value) && !(open && !opened && fits(open.kind, value) && isNext(open, value))) {
          const id = `${open ? open.id : parentId}/${value}`;
          placed = makeLevel(rung, value, line.slice(m[0].length), id);
          if (open) {
            for (const t of open.children) if (t.type === 'text') (t as Content).type = 'chapeau';
            open.children.push(placed);
          } else {
            top.push(placed);
          }
          stack.push(placed);
        } else if (open && !opened) {
          stack.pop();
        } else {
          refuse(`inserted designation (${value}) does not fit a ${opened ? `clause below ${describe(opened)}` : kind}`);
        }
      }
      opened = placed;
      line = line.slice(m[0].length);
      // `(b)(1) …`, `(b) (1) …`: a designation right after one with no heading opens its first child.
      m = placed.heading === undefined && placed.children.length === 1 ? DESIGNATION.exec(line) : null;
      if (m && !fits(below(placed.kind) ?? 'section', m[1]!)) m = null;
      if (m) placed.children = [];
    }
  }
  if (top.length === 0) refuse('inserted text holds no clause');
  return top;
}

/** `(b)` after open `(a)`: a sibling, not a child (i and v are both letters and numerals). */
function isNext(open: Level, value: string): boolean {
  const current = open.num?.value ?? '';
  return fits(open.kind, value) && follows(current, value, open.kind);
}

function makeLevel(kind: LevelKind, value: string, rest: string, id: string): Level {
  const level: Level = { type: 'level', kind, num: { text: `(${value})`, value }, id, children: [] };
  const { heading, text } = splitHeading(rest);
  if (heading !== undefined) level.heading = heading;
  if (text !== '') level.children.push({ type: 'text', value: text });
  return level;
}

/** A heading ends with a period and an em dash: `In general.—There …` → `In general.—` and `There …`. */
function splitHeading(rest: string): { heading?: string; text: string } {
  const heading = /^([^—]{1,200}?\.—)\s*(.*)$/.exec(rest);
  if (heading && /^[A-Z]/.test(heading[1]!)) return { heading: heading[1]!, text: heading[2]!.trim() };
  return { text: rest.trim() };
}
