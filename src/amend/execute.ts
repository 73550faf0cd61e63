import type { Chapeau, Content, Continuation, Level, LevelKind, Text } from '../types.js';
import type { Instruction } from './types.js';

/** What became of one instruction. */
export interface ExecutionResult {
  instruction: Instruction;
  status: 'applied' | 'refused';
  /** Why the instruction was refused. */
  reason?: string;
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
    // Each instruction works on its own copy, so a refusal half-way changes nothing.
    const draft = clone(current);
    try {
      apply(instruction, draft);
      current = draft;
      results.push({ instruction, status: 'applied' });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      results.push({ instruction, status: 'refused', reason: error.message });
    }
  }
  return { section: current, results };
}

class Refusal extends Error {}

function refuse(reason: string): never {
  throw new Refusal(reason);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

type TextNode = Text | Chapeau | Continuation;

/** Where an instruction applies: a clause, or one text node of it (its chapeau). */
interface Place {
  level: Level;
  /** Set when the location names a part of the clause's text ("the matter preceding paragraph (1)"). */
  node?: TextNode;
}

const UNIT = /^(section|subsection|paragraph|subparagraph|clause|subclause|item|subitem) \(([^()]+)\)$/;
const PRECEDING = /^(?:the )?matter preceding (subsection|paragraph|subparagraph|clause|subclause|item|subitem) \(([^()]+)\)$/;

function locate(section: Level, location: string[]): Place {
  let level = section;
  let node: TextNode | undefined;
  for (const step of location) {
    if (node) refuse(`cannot descend below "${location[location.indexOf(step) - 1]}" to "${step}"`);
    const unit = UNIT.exec(step);
    if (unit) {
      if (unit[1] === 'section') {
        if (level !== section || section.num?.value !== unit[2]) refuse(`target ${step} is not the section executed`);
        continue;
      }
      level = child(level, unit[2]!, step);
      continue;
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
      node = before[0]!;
      continue;
    }
    refuse(`location "${step}" is not one the executor can find`);
  }
  return node ? { level, node } : { level };
}

function child(level: Level, value: string, step: string): Level {
  const found = level.children.filter((c): c is Level => c.type === 'level' && c.num?.value === value);
  if (found.length !== 1) refuse(`${step} ${found.length === 0 ? 'not found' : 'found more than once'} in ${describe(level)}`);
  return found[0]!;
}

function describe(level: Level): string {
  return level.num ? `${level.kind} ${level.num.text}` : level.kind;
}

function isText(node: Content): node is TextNode {
  return node.type === 'text' || node.type === 'chapeau' || node.type === 'continuation';
}

/** Every text node of a clause, its child clauses' included, in reading order. */
function textNodes(level: Level): TextNode[] {
  const nodes: TextNode[] = [];
  for (const c of level.children) {
    if (isText(c)) nodes.push(c);
    else if (c.type === 'level') nodes.push(...textNodes(c));
  }
  return nodes;
}

function apply(instruction: Instruction, section: Level): void {
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
    case 'unknown':
      return refuse(`instruction not understood${instruction.reason ? `: ${instruction.reason}` : ''}`);
    default:
      return refuse(`action ${instruction.action} is not executed`);
  }
}

/** One place a text was found: the node and the offsets in its value. */
interface Match {
  node: TextNode;
  start: number;
  end: number;
}

function scope(place: Place): TextNode[] {
  return place.node ? [place.node] : textNodes(place.level);
}

const WORD = /[\p{L}\p{N}]/u;

function findAll(nodes: TextNode[], text: string): Match[] {
  if (text === '') refuse('empty text to find');
  const matches: Match[] = [];
  for (const node of nodes) {
    let from = 0;
    for (;;) {
      const start = node.value.indexOf(text, from);
      if (start < 0) break;
      const end = start + text.length;
      // Quoted words are words: “the” is not found inside “other”.
      const cut = (WORD.test(text[0]!) && WORD.test(node.value[start - 1] ?? '')) || (WORD.test(text[text.length - 1]!) && WORD.test(node.value[end] ?? ''));
      if (!cut) {
        matches.push({ node, start, end });
        from = end;
      } else {
        from = start + 1;
      }
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

function replaceText(instruction: Instruction, section: Level): void {
  const strike = instruction.strike!;
  const place = locate(section, instruction.location);
  const where = placeName(instruction);
  let matches: Match[];
  if (instruction.where === 'after' || instruction.where === 'before') {
    // "the comma after “X”": the struck text must touch the anchor.
    const anchor = instruction.anchor;
    if (anchor === undefined || instruction.anchorKind === 'unit') refuse(`a strike placed ${instruction.where} a clause is not executed`);
    const joined = instruction.where === 'after' ? anchor + strike : strike + anchor;
    matches = select(findAll(scope(place), joined), joined, instruction.occurrence, where).map((m) =>
      instruction.where === 'after' ? { ...m, start: m.end - strike.length } : { ...m, end: m.start + strike.length },
    );
  } else {
    matches = select(findAll(scope(place), strike), strike, instruction.occurrence, where);
  }
  if (instruction.where === 'end') {
    matches = matches.filter((m) => m.node.value.slice(m.end).trim() === '');
    if (matches.length !== 1) refuse(`“${strike}” is not at the end of ${where}`);
  }
  if (instruction.through !== undefined) {
    if (matches.length !== 1) refuse('"all that follows through" with more than one place');
    const match = matches[0]!;
    if (instruction.through === '') {
      match.end = match.node.value.length;
    } else {
      const end = match.node.value.indexOf(instruction.through, match.end);
      if (end < 0) refuse(`“${instruction.through}” not found after “${strike}” in the same text of ${where}`);
      match.end = end + instruction.through.length;
    }
  }
  const insert = instruction.action === 'strikeInsert' ? instruction.insert : '';
  if (insert === undefined) refuse('no text to insert');
  if (insert.includes('\n')) refuse('the inserted text runs over several lines; inserting clauses inside a text is not executed');
  splice(
    matches.map((m) => {
      // Struck words take their separating space or comma with them (“, whichever is later” →
      // “until …”): a word inserted against a word gets a space, never glued.
      const before = m.node.value[m.start - 1] ?? '';
      const after = m.node.value[m.end] ?? '';
      let text = insert;
      if (text !== '' && WORD.test(text[0]!) && WORD.test(before)) text = ` ${text}`;
      if (text !== '' && WORD.test(text[text.length - 1]!) && WORD.test(after)) text = `${text} `;
      return { ...m, insert: text };
    }),
  );
  for (const node of new Set(matches.map((m) => m.node))) tidy(node);
}

/** A strike can leave a doubled or edge space behind ("the  Act"): fold it. */
function tidy(node: TextNode): void {
  node.value = node.value.replace(/ {2,}/g, ' ').replace(/ ([,.;:])/g, '$1').trim();
}

function insertBeside(instruction: Instruction, section: Level): void {
  const insert = instruction.insert;
  const anchor = instruction.anchor;
  if (insert === undefined || anchor === undefined) refuse('insertion without text or anchor');
  const place = locate(section, instruction.location);
  if (instruction.anchorKind === 'unit') {
    const unit = UNIT.exec(anchor);
    if (!unit) refuse(`anchor "${anchor}" is not a clause`);
    const target = child(place.level, unit[2]!, anchor);
    const index = place.level.children.indexOf(target);
    const levels = parseBlock(insert, target.kind, place.level.id);
    place.level.children.splice(instruction.action === 'insertAfter' ? index + 1 : index, 0, ...levels);
    return;
  }
  if (insert.includes('\n')) refuse('the inserted text runs over several lines; inserting clauses inside a text is not executed');
  const matches = select(findAll(scope(place), anchor), anchor, instruction.occurrence, placeName(instruction));
  const after = instruction.action === 'insertAfter';
  splice(
    matches.map((m) => {
      const at = after ? m.end : m.start;
      const value = m.node.value;
      // The inserted words are a phrase: separate them from the anchor by a space unless punctuation joins them.
      const text = after
        ? (/^[,.;:)]/.test(insert) || value[at - 1] === ' ' ? '' : ' ') + insert
        : insert + (/[(]$/.test(insert) || value[at] === ' ' ? '' : ' ');
      return { node: m.node, start: at, end: at, insert: text };
    }),
  );
}

function replaceUnits(instruction: Instruction, section: Level): void {
  const place = locate(section, instruction.location);
  if (place.node) refuse('clauses cannot be struck from a text');
  const units = instruction.units!;
  // `paragraph (6)(E)`: subparagraph (E) of paragraph (6) of the located clause.
  const found = units.map((unit) => {
    const m = /^(?:subsection|paragraph|subparagraph|clause|subclause|item|subitem) ((?:\([^()]+\))+)$/.exec(unit);
    if (!m) refuse(`"${unit}" is not a clause the executor can find`);
    const values = [...m[1]!.matchAll(/\(([^()]+)\)/g)].map((v) => v[1]!);
    let parent = place.level;
    for (const value of values.slice(0, -1)) parent = child(parent, value, unit);
    return { parent, level: child(parent, values[values.length - 1]!, unit) };
  });
  if (instruction.action === 'strike') {
    // Struck clauses go from wherever each one is ("paragraphs (3), (6)(E), and (9)").
    for (const f of found) f.parent.children.splice(f.parent.children.indexOf(f.level), 1);
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
  for (const index of [...indexes].reverse()) parent.children.splice(index, 1);
  parent.children.splice(indexes[0]!, 0, ...levels);
}

function addAtEnd(instruction: Instruction, section: Level): void {
  const insert = instruction.insert;
  if (insert === undefined) refuse('nothing to add');
  const place = locate(section, instruction.location);
  if (place.node) {
    place.node.value = joinText(place.node.value, insert);
    return;
  }
  const level = place.level;
  if (DESIGNATION.test(insert)) {
    const kind = childKind(level);
    level.children.push(...parseBlock(insert, kind, level.id));
    return;
  }
  if (insert.includes('\n')) refuse('added text of several lines that do not start with a designation');
  if (level.children.some((c) => c.type === 'level')) refuse(`${describe(level)} has clauses: where the added text goes is not said exactly`);
  const texts = level.children.filter(isText);
  const last = texts[texts.length - 1];
  if (!last) {
    level.children.push({ type: 'text', value: insert });
    return;
  }
  last.value = joinText(last.value, insert);
}

function joinText(value: string, insert: string): string {
  return /^[,.;:)]/.test(insert) ? value + insert : `${value} ${insert}`;
}

function redesignate(instruction: Instruction, section: Level): void {
  const pairs = instruction.redesignate;
  if (!pairs || pairs.length === 0) refuse('no designations given');
  const place = locate(section, instruction.location);
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
  for (const move of moves) renumber(move.level, move.to, place.level.id);
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

function amendToRead(instruction: Instruction, section: Level): void {
  const insert = instruction.insert;
  if (insert === undefined) refuse('no new text given');
  const place = locate(section, instruction.location);
  if (place.node) {
    if (insert.includes('\n')) refuse('new text of several lines for a part of a text');
    place.node.value = insert;
    return;
  }
  const level = place.level;
  const head = DESIGNATION.exec(insert);
  if (head) {
    if (head[1] !== level.num?.value) refuse(`new text starts with (${head[1]}), the clause is ${describe(level)}`);
    const [replacement] = parseBlock(insert, level.kind, level.id.split('/').slice(0, -1).join('/'));
    if (!replacement) refuse('new text could not be read');
    level.heading = replacement.heading;
    if (level.heading === undefined) delete level.heading;
    level.children = replacement.children;
    for (const c of level.children) if (c.type === 'level') reid(c, `${level.id}/${c.num?.value ?? ''}`);
    return;
  }
  if (level.children.some((c) => c.type === 'level') || insert.includes('\n')) {
    refuse('new text without a designation for a clause with clauses');
  }
  level.children = [{ type: 'text', value: insert }];
}

// ---------------------------------------------------------------------------
// Inserted blocks of clauses

/** A quoted line starting with a designation: `(b) Allocation of funds.—Of the total …`. */
const DESIGNATION = /^\(([0-9]+|[a-zA-Z]+)\)\s*/;

const RUNGS: LevelKind[] = ['section', 'subsection', 'paragraph', 'subparagraph', 'clause', 'subclause', 'item', 'subitem'];

function childKind(level: Level): LevelKind {
  const existing = level.children.find((c): c is Level => c.type === 'level');
  if (existing) return existing.kind;
  const index = RUNGS.indexOf(level.kind);
  if (index < 0 || index === RUNGS.length - 1) refuse(`no clause rung below ${level.kind}`);
  return RUNGS[index + 1]!;
}

/** Whether a designation is printed in the style of a rung (`(a)` subsection, `(1)` paragraph, …). */
function fits(kind: LevelKind, value: string): boolean {
  switch (kind) {
    case 'subsection':
      return /^[a-z]+$/.test(value);
    case 'paragraph':
    case 'item':
      return /^[0-9]+$/.test(value);
    case 'subparagraph':
      return /^[A-Z]+$/.test(value);
    case 'clause':
      return /^[ivxlc]+$/.test(value);
    case 'subclause':
      return /^[IVXLC]+$/.test(value);
    case 'subitem':
      return /^[a-z]+$/.test(value);
    default:
      return false;
  }
}

/**
 * Reads quoted law lines into clauses whose first line is of rung `kind`: each line must start
 * with a designation of that rung or of a rung below the open clause; anything else is refused.
 */
function parseBlock(text: string, kind: LevelKind, parentId: string): Level[] {
  const top: Level[] = [];
  const stack: Level[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = DESIGNATION.exec(line);
    if (!m) {
      const open = stack[stack.length - 1];
      if (!open) refuse(`inserted text does not start with a designation: “${line}”`);
      if (open.children.some((c) => c.type === 'level')) open.children.push({ type: 'continuation', value: line });
      else open.children.push({ type: 'text', value: line });
      continue;
    }
    const value = m[1]!;
    // Close open clauses until the designation fits a child of the open one, or the top rung.
    let placed: Level | undefined;
    while (!placed) {
      const open = stack[stack.length - 1];
      const rung = open ? RUNGS[RUNGS.indexOf(open.kind) + 1] : kind;
      if (rung && fits(rung, value) && !(open && fits(open.kind, value) && isNext(open, value))) {
        const id = `${open ? open.id : parentId}/${value}`;
        placed = makeLevel(rung, value, line.slice(m[0].length), id);
        if (open) {
          const texts = open.children.filter(isText);
          for (const t of texts) if (t.type === 'text') (t as Content).type = 'chapeau';
          open.children.push(placed);
        } else {
          top.push(placed);
        }
        stack.push(placed);
      } else if (open) {
        stack.pop();
      } else {
        refuse(`inserted designation (${value}) does not fit a ${kind}`);
      }
    }
  }
  if (top.length === 0) refuse('inserted text holds no clause');
  return top;
}

/** `(b)` after open `(a)`: a sibling, not a child (i and v are both letters and numerals). */
function isNext(open: Level, value: string): boolean {
  const current = open.num?.value ?? '';
  if (/^[0-9]+$/.test(current)) return Number(value) === Number(current) + 1;
  if (current.length === 1 && value.length === 1) return value.charCodeAt(0) === current.charCodeAt(0) + 1;
  return false;
}

function makeLevel(kind: LevelKind, value: string, rest: string, id: string): Level {
  const level: Level = { type: 'level', kind, num: { text: `(${value})`, value }, id, children: [] };
  // A heading ends with an em dash or a period-dash: `In general.—There …`.
  const heading = /^([^—]{1,200}?\.—)\s*(.*)$/.exec(rest);
  if (heading && /^[A-Z]/.test(heading[1]!)) {
    level.heading = heading[1]!;
    if (heading[2]!.trim() !== '') level.children.push({ type: 'text', value: heading[2]!.trim() });
  } else if (rest.trim() !== '') {
    level.children.push({ type: 'text', value: rest.trim() });
  }
  return level;
}
