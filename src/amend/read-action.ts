import { ORDINAL_PATTERN, ordinalNumber } from '../parse/ladder.js';
import type { LevelKind } from '../types.js';
import { DESIGNATIONS, MARK_NAMES, readUnits, RUNG_WORD, unitSteps } from './location.js';
import type { Quotation } from './quotes.js';
import { markStep, readAnchor, readOccurrence, readTrailingLocation } from './read-place.js';
import type { Instruction, LocationStep } from './types.js';
import { clip, Cursor, Q, restore } from './words.js';

/**
 * The actions of an instruction: "by striking …", "by inserting …", "by adding …", "by
 * redesignating …", "by repealing …", "by amending … to read". Each verb has its reader, and
 * each reader is a short list of the forms it knows; anything else is an error that quotes the
 * words not understood.
 */

/** An operation without the fields every instruction shares. */
export type Operation = Omit<Instruction, 'citation' | 'text' | 'target' | 'location'> & { location?: LocationStep[] };

type Result = Operation | { error: string };

/** What a reader works on: the words left, the quotations, and how to quote what it could not read. */
interface Reading {
  cursor: Cursor;
  quotations: Quotation[];
  found: () => string;
}

const ORDINAL = `(${ORDINAL_PATTERN})`;
const MARK = '(comma|period|semicolon|colon|dash)';

/** The verbs, each with its reader. */
const ACTIONS: Array<[RegExp, (r: Reading) => Result]> = [
  [/^(?:striking|deleting)\s+/i, readStrike],
  [/^(?:inserting|adding)\s+/i, readInsert],
  [/^redesignating\s+/i, readRedesignate],
  [/^repealing\s+/i, readRepeal],
  [/^amending\s+/i, readAmendUnit],
];

/**
 * Reads "by striking …", "by inserting …", "by adding …", "by redesignating …"; several joined
 * by "and by" (or "and redesignating") give several operations.
 */
export function readActions(text: string, quotations: Quotation[]): Operation[] | { error: string } {
  if (!/^by\s+/i.test(text)) {
    if (!/\bby\s+(?:striking|inserting|adding|redesignating)\b/i.test(text)) return { error: 'no amendatory instruction found' };
    return { error: `expected "by striking", "by inserting", "by adding" or "by redesignating", found "${restore(text, quotations)}"` };
  }
  const parts = text
    .replace(/^by\s+/i, '')
    .split(/\s*[,;]?\s+and\s+by\s+|\s*[,;]?\s+and\s+(?=redesignating\b)|(?<=respectively),?\s+and\s+(?=(?:inserting|striking|adding)\b)|,\s+by\s+(?=(?:striking|inserting|adding|redesignating)\b)/i);
  const operations: Operation[] = [];
  for (const part of parts) {
    const operation = readAction(part.trim(), quotations);
    if ('error' in operation) return operation;
    operations.push(operation);
  }
  return operations;
}

function readAction(text: string, quotations: Quotation[]): Result {
  const cursor = new Cursor(text);
  const reading: Reading = { cursor, quotations, found: () => `"${clip(restore(cursor.rest, quotations))}"` };
  for (const [verb, read] of ACTIONS) if (cursor.eat(verb)) return read(reading);
  return { error: `action not understood: ${reading.found()}` };
}

/** The quotation a token stands for. */
function quote(reading: Reading, index: string): string {
  return reading.quotations[Number(index)]!.content;
}

/** What a strike names, each form with what it sets: quoted words, a mark, a heading, a sentence, units. */
const STRUCK: Array<[RegExp, (m: RegExpExecArray, op: Operation, r: Reading) => void]> = [
  // "by striking the “and” after “2023,”", "by striking “and” after the semicolon"
  [
    new RegExp(`^(?:the\\s+)?${Q}\\s+(after|before)\\s+(?:${Q}|the\\s+${MARK})`, 'i'),
    (m, op, r) => {
      op.strike = quote(r, m[1]!);
      op.where = m[2]!.toLowerCase() as 'after' | 'before';
      op.anchor = { text: m[3] !== undefined ? quote(r, m[3]) : MARK_NAMES[m[4]!.toLowerCase()]! };
    },
  ],
  // "by striking “and” at the end of paragraph (4)", "by striking “and” at the end", "by striking “X”"
  [
    new RegExp(`^(?:the\\s+)?${Q}(?:\\s*at\\s+the\\s+end(?:\\s+of\\s+${RUNG_WORD}\\s+${DESIGNATIONS}|\\s+thereof)?(?=\\s+and\\b|\\s*$))?`, 'i'),
    (m, op, r) => {
      op.strike = quote(r, m[1]!);
      if (/at\s+the\s+end/i.test(m[0])) op.where = 'end';
      if (m[2]) op.location = [...(op.location ?? []), ...unitSteps(m[2].toLowerCase(), m[3]!)];
    },
  ],
  // "by striking the comma after “agreement”"
  [
    new RegExp(`^the\\s+${MARK}\\s+(after|before)\\s+${Q}`, 'i'),
    (m, op, r) => {
      op.strike = MARK_NAMES[m[1]!.toLowerCase()]!;
      op.where = m[2]!.toLowerCase() as 'after' | 'before';
      op.anchor = { text: quote(r, m[3]!) };
    },
  ],
  // "by striking the period at the end of paragraph (5)"
  [
    new RegExp(`^the\\s+(period|semicolon|comma|colon)\\s+at\\s+the\\s+end\\s+of\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'i'),
    (m, op) => {
      op.units = [[markStep(m[1]!, true)]];
      op.location = [...(op.location ?? []), ...unitSteps(m[2]!.toLowerCase(), m[3]!)];
    },
  ],
  // "by striking the period at the end", "by striking the period"
  [/^the\s+(period|semicolon|comma|colon)\s+at\s+the\s+end(?:\s+thereof)?/i, (m, op) => void (op.units = [[markStep(m[1]!, true)]])],
  [/^the\s+(period|semicolon|comma|colon)(?=\s+and\b|\s*$)/i, (m, op) => void (op.units = [[markStep(m[1]!, false)]])],
  // "by striking the subsection heading"
  [
    /^the\s+(?:(section|subsection|paragraph|subparagraph|clause|subclause|item)\s+heading|heading)/i,
    (m, op) => void (op.units = [[m[1] ? { type: 'heading', rung: m[1].toLowerCase() as LevelKind } : { type: 'heading' }]]),
  ],
  // "by striking the item relating to section 5"
  [
    /^the\s+item\s+relating\s+to\s+(section|chapter|subchapter|part)\s+([\w.–-]+)/i,
    (m, op) => void (op.units = [[{ type: 'tableItem', rung: m[1]!.toLowerCase(), designation: m[2]! }]]),
  ],
  // "by striking the second sentence"
  [
    new RegExp(`^the\\s+${ORDINAL}\\s+(sentence|paragraph)`, 'i'),
    (m, op) => void (op.units = [[{ type: m[2]!.toLowerCase() as 'sentence' | 'paragraph', ordinal: ordinalNumber(m[1]!)! }]]),
  ],
];

/** "striking …": what is struck, where, how often, through what, and what goes in its place. */
function readStrike(r: Reading): Result {
  const { cursor } = r;
  const operation: Operation = { action: 'strike' };
  let read = false;
  for (const [pattern, apply] of STRUCK) {
    const m = cursor.eat(pattern);
    if (!m) continue;
    apply(m, operation, r);
    read = true;
    break;
  }
  if (!read) {
    const units = readUnits(cursor.rest);
    if (!units) return { error: `expected quoted text or a unit to strike, found ${r.found()}` };
    operation.units = units.units;
    cursor.rest = units.rest;
    // "by striking section 28 (7 U.S.C. 2036a)": the Code citation of the unit struck.
    cursor.eat(/^\s*\(\d+\s+U\.S\.C\.\s+(?:[^()]|\([^()]*\))*\)/);
  }
  occurrence(cursor, operation);
  const trailing = readTrailingLocation(cursor);
  if (trailing.length) operation.location = [...(operation.location ?? []), ...trailing];
  let match: RegExpExecArray | null;
  if ((match = cursor.eat(new RegExp(`^\\s*and\\s+all\\s+that\\s+follows\\s+through\\s+${Q}`, 'i')))) {
    operation.through = quote(r, match[1]!);
  } else if (cursor.eat(/^\s*and\s+all\s+that\s+follows(?:\s+through\s+the\s+(?:period\s+at\s+the\s+)?end(?:\s+thereof)?)?(?=\s*,?\s+and\b|$)/i)) {
    operation.through = '';
  }
  occurrence(cursor, operation);
  if (cursor.eat(/^\s*,?\s*and\s+(?:inserting|substituting)(?:\s+in\s+lieu\s+thereof)?(?:\s+the\s+following(?:\s+new\s+[a-z]+)?)?\s*:?\s*/i)) {
    if ((match = cursor.eat(new RegExp(`^${Q}`)))) {
      operation.insert = quote(r, match[1]!);
    } else if ((match = cursor.eat(/^an?\s+(period|semicolon|comma|colon)/i))) {
      // "and inserting a semicolon"
      operation.insert = MARK_NAMES[match[1]!.toLowerCase()]!;
    } else {
      return { error: `expected quoted text to insert, found ${r.found()}` };
    }
    operation.action = 'strikeInsert';
    occurrence(cursor, operation);
  }
  // "(using identical font as used in the text being replaced)": a direction to the printer.
  cursor.eat(/^\s*\((?:using|in)\s[^()]*\)/i);
  return finish(r, operation);
}

/** Sets the occurrence when the words name one. */
function occurrence(cursor: Cursor, operation: Operation): void {
  const n = readOccurrence(cursor);
  if (n !== undefined) operation.occurrence = n;
}

/** "inserting “Y” after “X”", "adding at the end the following: …", "inserting after paragraph (2) the following: …". */
function readInsert(r: Reading): Result {
  const { cursor } = r;
  let match: RegExpExecArray | null;
  const operation: Operation = { action: 'insert' };
  if ((match = cursor.eat(new RegExp(`^${Q}\\s*`)))) {
    operation.insert = quote(r, match[1]!);
    if ((match = cursor.eat(new RegExp(`^at\\s+the\\s+end\\s+of\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'i')))) {
      // "by adding “and” at the end of subclause (XXII)"
      operation.action = 'addAtEnd';
      operation.location = unitSteps(match[1]!.toLowerCase(), match[2]!);
    } else if (cursor.eat(/^at\s+the\s+end(?:\s+thereof)?/i)) {
      operation.action = 'addAtEnd';
    } else if (/^(?:after|before)\s/i.test(cursor.rest)) {
      const error = readBeside(r, operation);
      if (error) return error;
    } else {
      return { error: `expected "after", "before" or "at the end" after the text to insert, found ${r.found()}` };
    }
    occurrence(cursor, operation);
    return finish(r, operation);
  }
  if (cursor.eat(/^at\s+(?:the\s+)?end(?:\s+thereof)?\s+/i)) {
    operation.action = 'addAtEnd';
  } else if (/^(?:after|before)\s/i.test(cursor.rest)) {
    const error = readBeside(r, operation);
    if (error) return error;
    occurrence(cursor, operation);
    cursor.eat(/^\s*/);
  } else {
    return { error: `insertion point not understood: ${r.found()}` };
  }
  // "(as so designated by subparagraph (A))", ", as so redesignated,": where the anchor is now.
  cursor.eat(/^,?\s*(?:\(as\s+(?:so\s+)?(?:re)?designated(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)|as\s+(?:so\s+)?(?:re)?designated)\s*,?\s*/i);
  if (!cursor.eat(/^the\s+following(?:\s+(?:new\s+)?(?:sentence|sentences|subsection|subsections|paragraph|paragraphs|subparagraph|subparagraphs|clause|clauses|subclause|subclauses|item|items|section|sections|definition|definitions)(?:\s+(?:\d[\w.-]*|\([A-Za-z0-9]{1,6}\)))?)?\s*:?\s*—?\s*/i)) {
    return { error: `expected "the following", found ${r.found()}` };
  }
  if (!(match = cursor.eat(new RegExp(`^${Q}`)))) return { error: `expected quoted text to insert, found ${r.found()}` };
  operation.insert = quote(r, match[1]!);
  return finish(r, operation);
}

/** "after “X”", "before the period at the end", "after paragraph (2)": the action and its anchor. */
function readBeside(r: Reading, operation: Operation): { error: string } | undefined {
  const match = r.cursor.eat(/^(after|before)\s+/i)!;
  operation.action = match[1]!.toLowerCase() === 'after' ? 'insertAfter' : 'insertBefore';
  const anchor = readAnchor(r.cursor, r.quotations);
  if (!anchor) return { error: `expected what to insert ${match[1]}, found ${r.found()}` };
  operation.anchor = anchor;
  return undefined;
}

/** "redesignating paragraphs (3) and (4) as paragraphs (4) and (5), respectively". */
function readRedesignate(r: Reading): Result {
  const { cursor } = r;
  const from = readUnits(cursor.rest);
  if (!from) return { error: `expected the units to redesignate, found ${r.found()}` };
  cursor.rest = from.rest;
  if (!cursor.eat(/^as\s+/i)) return { error: `expected "as" in a redesignation, found ${r.found()}` };
  const to = readUnits(cursor.rest);
  if (!to) return { error: `expected the new designations, found ${r.found()}` };
  cursor.rest = to.rest;
  cursor.eat(/^,?\s*respectively/i);
  if (from.units.length !== to.units.length) return { error: `redesignation of ${from.units.length} units as ${to.units.length}` };
  return finish(r, { action: 'redesignate', redesignate: from.units.map((unit, i) => ({ from: unit, to: to.units[i]! })) });
}

/** "repealing paragraph (3)". */
function readRepeal(r: Reading): Result {
  const units = readUnits(r.cursor.rest);
  if (!units) return { error: `expected the units to repeal, found ${r.found()}` };
  r.cursor.rest = units.rest;
  return finish(r, { action: 'repeal', units: units.units });
}

/** "amending paragraph (2) to read as follows: …". */
function readAmendUnit(r: Reading): Result {
  const match = r.cursor.eat(
    new RegExp(`^(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS}(?:,?\\s+as\\s+(?:so\\s+)?(?:re)?designated(?:\\s+by\\s+[^,]*)?,)?\\s+to\\s+read(?:\\s+as\\s+follows)?\\s*:?\\s*${Q}`, 'i'),
  );
  if (!match) return { error: `action not understood: "amending ${clip(restore(r.cursor.rest, r.quotations))}"` };
  return finish(r, { action: 'amendToRead', location: unitSteps(match[1]!.toLowerCase(), match[2]!), insert: quote(r, match[3]!) });
}

/** The end of an operation: directions to the printer may follow, then nothing. */
function finish(r: Reading, operation: Operation): Result {
  const { cursor } = r;
  // "and adjusting the margins accordingly", "and indenting the subparagraphs appropriately": directions to the printer.
  cursor.eat(/^,?\s*and\s+(?:adjusting|indenting|moving)\s+(?:(?:the\s+)?[a-z]+(?:\s+of\s+[^,;]*?)?\s+)?(?:(?:\d+\s+ems?\s+to\s+the\s+(?:left|right)\s+)?accordingly|appropriately)/i);
  cursor.eat(/^\s*[.;,]?\s*/);
  if (cursor.rest !== '') return { error: `unexpected words after the instruction: ${r.found()}` };
  return operation;
}
