import { readList, type ListItem } from './list.js';
import { expandLocations, readUnits, type ReadStep } from './location.js';
import { extractQuotations, type Quotation } from './quotes.js';
import { DEPTH_HINT } from './section-text.js';
import { readActions, type Operation } from './read-action.js';
import { readLocations } from './read-place.js';
import { readSubject, type LawContext, type SubjectReading } from './read-target.js';
import type { Instruction, InstructionTarget } from './types.js';
import { clip, fold, ordinalWords, quoted, restore, stripHeading, stripSectionHeader, trimConnectors, unquotedBody, VERB } from './words.js';

export { standingLaw, type LawContext } from './read-target.js';

/**
 * Reads the amendatory language of one bill section into operations, each with its target, its
 * location (the scope of every enclosing item, as typed steps) and its action.
 *
 * The input is the section's text with its quoted material, as printed ("Section 200304 of title
 * 54, United States Code, is amended— (1) by striking the second sentence; …") or as lines joined
 * from the clause tree (`sectionText`). Parsing is total: an instruction that cannot be read is
 * returned with action `unknown` and a `reason`, never guessed. `context` carries what earlier
 * sections of the bill said about the law amended (see `LawContext`); the reader adds to it.
 *
 * Example (Pub. L. 116-9, § 3001(c), case pl116-9_54usc200305):
 *
 *     parseInstructions('Section 200305(b) of title 54, United States Code, is amended by striking paragraph (5).')
 *     // → [{citation: '', action: 'strike', target: {usc: {title: '54', section: '200305'}},
 *     //      location: [{type: 'unit', rung: 'subsection', designation: 'b'}],
 *     //      units: [[{type: 'unit', rung: 'paragraph', designation: '5'}]], text: '…'}]
 */
export function parseInstructions(text: string, context: LawContext = {}): Instruction[] {
  const extracted = extractQuotations(stripSectionHeader(text));
  // Quoted law carries no depth of the bill's own: its designations are words of the law.
  const quotations = extracted.quotations.map((q) => ({ ...q, raw: q.raw.replace(DEPTH_HINT, ''), content: q.content.replace(DEPTH_HINT, '') }));
  const skeleton = ordinalWords(fold(unquotedBody(extracted.skeleton, quotations)));
  const output: Instruction[] = [];
  const reader: Reader = { quotations, laws: context, output };
  walk(reader, readList(skeleton), { citation: '', target: context.standing ? { ...context.standing } : {}, location: [] });
  return output;
}

/** What reading one bill section carries along: its quotations, the laws named, the instructions read. */
interface Reader {
  quotations: Quotation[];
  laws: LawContext;
  output: Instruction[];
}

/** What the enclosing items say about where an instruction applies. */
interface Scope {
  citation: string;
  /** Whether an enclosing item named the law (not only the bill's standing law). */
  named?: boolean;
  target: InstructionTarget;
  location: ReadStep[];
  /** Set when an enclosing item could not be read: its children cannot be placed. */
  error?: string;
}

function walk(reader: Reader, item: ListItem, scope: Scope): void {
  const start = reader.output.length;
  walkItem(reader, item, scope);
  for (const instruction of reader.output.slice(start)) {
    if (instruction.reason !== undefined) instruction.reason = restore(instruction.reason, reader.quotations).replace(/"([^"]{161,})"/g, (_, words: string) => `"${clip(words)}"`);
  }
}

/** An instruction that could not be read: one item, placed as far as its scope names one place. */
function unknown(reader: Reader, base: { citation: string; text: string }, target: InstructionTarget, location: ReadStep[], reason: string): void {
  const each = location.findIndex((step) => step.type === 'each');
  const place = (each < 0 ? location : location.slice(0, each)) as Instruction['location'];
  reader.output.push({ ...base, target, location: place, action: 'unknown', reason });
}

function walkItem(reader: Reader, item: ListItem, scope: Scope): void {
  const citation = scope.citation + item.num;
  const own = stripHeading(item.text);
  const words = restore(trimConnectors(own), reader.quotations);
  const base = { citation, text: words };
  if (scope.error) {
    unknown(reader, base, scope.target, scope.location, scope.error);
    for (const child of item.children) walk(reader, child, { ...scope, citation });
    return;
  }
  const read = readOwn(reader, own, scope, item.children.length > 0);
  if (item.children.length > 0 && read.error === 'no amendatory instruction found' && !scope.named) {
    // Prose that names no law ("In this section:", "The Secretary shall—") is no instruction, and
    // its items are read on their own: they are instructions only if they say so themselves.
    for (const child of item.children) walk(reader, child, { citation, target: scope.target, location: scope.location, named: false });
    return;
  }
  if (item.children.length > 0) {
    const childScope: Scope = { citation, target: read.target, location: read.location, named: Boolean(scope.named || read.named) };
    if (read.error) childScope.error = `enclosing item ${citation || '(unnumbered)'} not understood: ${read.error}`;
    // An item that is both an instruction and a list is not a form we know.
    if (read.operations.length > 0) unknown(reader, base, read.target, read.location, 'an instruction followed by a list of instructions');
    else if (read.error) unknown(reader, base, read.target, read.location, read.error);
    for (const child of item.children) walk(reader, child, childScope);
    return;
  }
  if (read.error) return unknown(reader, base, read.target, read.location, read.error);
  if (read.operations.length === 0) {
    if (own.trim() === '' && item.num === '') return;
    return unknown(reader, base, read.target, read.location, 'no amendatory action found');
  }
  for (const operation of read.operations) {
    const { location, ...rest } = operation;
    for (const place of expandLocations([...read.location, ...(location ?? [])])) reader.output.push({ ...base, target: read.target, location: place, ...rest });
  }
}

interface OwnReading {
  target: InstructionTarget;
  /** Set when the item names the law itself ("Section 5 of such Act is amended—"). */
  named?: boolean;
  location: ReadStep[];
  operations: Operation[];
  error?: string;
}

/** Reads an item's own words: a scope ("in subsection (a)—"), an instruction, or both. */
function readOwn(reader: Reader, raw: string, scope: Scope, hasChildren: boolean): OwnReading {
  const { quotations } = reader;
  let text = raw.trim();
  const opensList = /—\s*$/.test(text);
  text = trimConnectors(text).replace(/—\s*$/, '').trim();
  const reading: OwnReading = { target: { ...scope.target }, location: [...scope.location], operations: [] };
  if (text === '') return reading;
  if (!hasChildren && opensList) return fail(reading, 'a list of instructions is announced but none follows');
  const verb = VERB.exec(text);
  let rest = text;
  if (verb) {
    const subject = readSubject(text.slice(0, verb.index).trim(), scope.target, reader.laws);
    if ('error' in subject) return fail(reading, subject.error);
    reading.target = subject.target;
    reading.location = subject.location;
    reading.named = true;
    rest = text.slice(verb.index + verb[0].length).trim().replace(/^,\s*(?=in\b|by\b)/i, '');
    const kind = verb[1]!;
    if (kind !== 'amended') return readOtherVerb(reading, kind, rest, subject, quotations);
    if (rest === '') {
      return hasChildren ? reading : fail(reading, 'no amendatory action found');
    }
    const toRead = /^to read(?: as follows)?:?\s*(.*)$/.exec(rest);
    if (toRead) {
      const insert = quoted(toRead[1]!, quotations);
      if (insert === undefined) return fail(reading, `expected the new text after "to read", found "${restore(toRead[1]!, quotations)}"`);
      reading.operations.push({ action: 'amendToRead', insert });
      return reading;
    }
  }
  const located = readLocations(rest, reading.target);
  if ('error' in located) return fail(reading, located.error);
  reading.target = located.target;
  reading.location = [...reading.location, ...located.location];
  rest = located.rest;
  if (rest === '') {
    if (hasChildren) return reading;
    return fail(reading, verb ? 'no amendatory action found' : 'no amendatory instruction found');
  }
  const operations = readActions(rest, quotations);
  if ('error' in operations) return fail(reading, operations.error);
  reading.operations = operations;
  return reading;
}

function fail(reading: OwnReading, error: string): OwnReading {
  return { ...reading, operations: [], error };
}

/** The verbs other than "is amended": repeal, California's add and renumber, transfer, redesignate. */
function readOtherVerb(reading: OwnReading, kind: string, rest: string, subject: SubjectReading, quotations: Quotation[]): OwnReading {
  switch (kind) {
    case 'repealed':
    case 'repealed and reserved':
      if (rest !== '') return fail(reading, `unexpected words after "is ${kind}": "${restore(rest, quotations)}"`);
      reading.operations.push({ action: kind === 'repealed' ? 'repeal' : 'repealReserve' });
      return reading;
    case 'added': {
      // "Section 7282.7 is added to the Government Code, to read: …"
      const added = /^(?:to\s+(?:the\s+)?(.+?Code)\s*,?\s*)?to read(?: as follows)?:?\s*(.*)$/.exec(rest);
      if (!added) return fail(reading, `expected "to read:" after "is added", found "${restore(rest, quotations)}"`);
      if (added[1]) reading.target = { ...reading.target, code: added[1] };
      const insert = quoted(added[2]!, quotations);
      if (insert === undefined) return fail(reading, 'expected the new text after "to read:"');
      reading.operations.push({ action: 'add', insert });
      return reading;
    }
    case 'amended and renumbered': {
      // "Section 1050 of the Penal Code is amended and renumbered to read:" (the new number is in the text).
      const renumbered = /^(?:as\s+(Section\s+[\w.-]+)\s*,?\s*)?(?:and\s+)?(?:to read(?: as follows)?:?\s*(.*))$/i.exec(rest);
      if (!renumbered) return fail(reading, `expected "to read:" after "is amended and renumbered", found "${restore(rest, quotations)}"`);
      const insert = quoted(renumbered[2]!, quotations);
      if (insert === undefined) return fail(reading, 'expected the new text after "to read:"');
      const operation: Operation = { action: 'amendRenumber', insert };
      const to = renumbered[1] ? readUnits(renumbered[1].replace(/^Section/, 'section')) : undefined;
      if (to?.units.length === 1 && subject.unit) operation.redesignate = [{ from: subject.unit, to: to.units[0]! }];
      reading.operations.push(operation);
      return reading;
    }
    case 'transferred': {
      const transfer = /^to\s+(?:appear\s+)?(.+)$/.exec(rest);
      const place = transfer ? readUnits(transfer[1]!.replace(/^(?:after|before)\s+/i, '')) : undefined;
      if (!transfer || /\uE000/.test(transfer[1]!) || !place || place.units.length !== 1 || place.rest !== '') {
        return fail(reading, `transfer not understood: "${restore(rest, quotations)}"`);
      }
      reading.operations.push({ action: 'transfer', anchor: { at: place.units[0]! } });
      return reading;
    }
    case 'redesignated': {
      const to = /^as\s+(.+)$/.exec(rest);
      const units = to ? readUnits(to[1]!) : undefined;
      if (!to || !units || units.rest !== '' || units.units.length !== 1 || !subject.unit) {
        return fail(reading, `redesignation not understood: "${restore(rest, quotations)}"`);
      }
      reading.operations.push({ action: 'redesignate', redesignate: [{ from: subject.unit, to: units.units[0]! }] });
      return reading;
    }
    default:
      return fail(reading, `verb "is ${kind}" not understood`);
  }
}
