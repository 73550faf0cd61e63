import { readList, type ListItem } from './list.js';
import { expandLocations, type ReadStep } from './location.js';
import { extractQuotations, type Quotation } from './quotes.js';
import { ACTION_VERB, readActions, type Operation } from './read-action.js';
import type { LawContext } from './read-law.js';
import { readLocations } from './read-place.js';
import { readSubject, type SubjectReading } from './read-target.js';
import { readOtherVerb } from './read-verbs.js';
import { DEPTH_HINT } from './section-text.js';
import type { Instruction, InstructionTarget } from './types.js';
import { clip, fold, ordinalWords, quoted, restore, stripHeading, stripSectionHeader, trimConnectors, unquotedBody, VERB } from './words.js';

export { standingLaw, type LawContext } from './read-law.js';

/** Words of a bill section that read as no instruction: findings, definitions, appropriations, directions to officers. */
export interface Prose {
  citation: string;
  text: string;
  /** Why the words are not an instruction. */
  reason: string;
}

/**
 * Reads the amendatory language of one bill section into operations, each with its target, its
 * location (the scope of every enclosing item, as typed steps) and its action.
 *
 * The input is the section's text with its quoted material, as printed ("Section 200304 of title
 * 54, United States Code, is amended— (1) by striking the second sentence; …") or as lines joined
 * from the level tree (`sectionText`). Parsing is total: an instruction that cannot be read is
 * returned with action `unknown` and a `reason`, never guessed. `context` carries what earlier
 * sections of the bill said about the law amended (see `LawContext`); the reader adds to it. Words
 * that are no instruction at all (findings, definitions, an appropriation) are not returned; they
 * go to `prose` when it is given.
 *
 * Example (Pub. L. 116-9, § 3001(c), case pl116-9_54usc200305):
 *
 *     parseInstructions('Section 200305(b) of title 54, United States Code, is amended by striking paragraph (5).')
 *     // → [{citation: '', action: 'strike', target: {usc: {title: '54', section: '200305'}},
 *     //      location: [{type: 'level', rung: 'subsection', designation: 'b'}],
 *     //      units: [[{type: 'level', rung: 'paragraph', designation: '5'}]], text: '…'}]
 */
export function parseInstructions(text: string, context: LawContext = {}, prose: Prose[] = []): Instruction[] {
  const extracted = extractQuotations(stripSectionHeader(text));
  // Quoted law carries no depth of the bill's own: its designations are words of the law.
  const quotations = extracted.quotations.map((q) => ({ ...q, raw: q.raw.replace(DEPTH_HINT, ''), content: q.content.replace(DEPTH_HINT, '') }));
  const skeleton = ordinalWords(fold(unquotedBody(extracted.skeleton, quotations)));
  const output: Instruction[] = [];
  const reader: Reader = { quotations, laws: context, output, prose };
  walk(reader, readList(skeleton), { citation: '', target: context.standing ? { ...context.standing } : {}, location: [] });
  return output;
}

/** What reading one bill section carries along: its quotations, the laws named, what was read. */
interface Reader {
  quotations: Quotation[];
  laws: LawContext;
  output: Instruction[];
  prose: Prose[];
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
    // Provisions named by the headings they stand under keep those headings as printed.
    instruction.location = instruction.location.map((step) => (step.type === 'provision' ? { ...step, name: restore(step.name, reader.quotations) } : step));
  }
}

/** An instruction that could not be read: one item, placed as far as its scope names one place. */
function unknown(reader: Reader, base: { citation: string; text: string }, target: InstructionTarget, location: ReadStep[], reason: string): void {
  const each = location.findIndex((step) => step.type === 'each');
  const place = (each < 0 ? location : location.slice(0, each)) as Instruction['location'];
  reader.output.push({ ...base, target, location: place, action: 'unknown', reason });
}

/** Each operation at each place its scope names. */
function emit(reader: Reader, base: { citation: string; text: string }, target: InstructionTarget, location: ReadStep[], operations: Operation[], notes: string[] = []): void {
  for (const operation of operations) {
    const { location: own, ...rest } = operation;
    const allNotes = [...notes, ...(rest.notes ?? [])];
    if (allNotes.length) rest.notes = allNotes;
    for (const place of expandLocations([...location, ...(own ?? [])])) reader.output.push({ ...base, target, location: place, ...rest });
  }
}

/**
 * "Section 525 of Public Law 109–90 is amended by striking “thereafter”, and section 554 of Public
 * Law 111–83 is amended by striking …": two instructions in one item.
 */
const NEXT_INSTRUCTION = /,?\s+and\s+(?=(?:section|subsection|paragraph)\s+[\w.–-]+(?:\([A-Za-z0-9]{1,6}\))*\s+of\s+[^\uE000]{1,200}?\b(?:is|are)\s+(?:hereby\s+)?(?:amended|repealed)\b)/i;

function walkItem(reader: Reader, item: ListItem, scope: Scope): void {
  const split = item.children.length === 0 && VERB.test(item.text) ? NEXT_INSTRUCTION.exec(item.text) : null;
  if (split) {
    walkItem(reader, { ...item, text: item.text.slice(0, split.index) }, scope);
    walkItem(reader, { ...item, text: item.text.slice(split.index + split[0].length) }, scope);
    return;
  }
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
  if (read.prose) {
    // Prose ("In this section:", "The Secretary shall—", a finding) is no instruction, and its items
    // are read on their own: they are instructions only if they say so themselves.
    if (words !== '') reader.prose.push({ ...base, reason: read.prose });
    for (const child of item.children) walk(reader, child, { citation, target: scope.target, location: scope.location, named: false });
    return;
  }
  if (item.children.length > 0) {
    if (read.list && read.operations.length > 0 && distribute(reader, item, citation, read)) return;
    const childScope: Scope = { citation, target: read.target, location: read.location, named: Boolean(scope.named || read.named) };
    if (read.error) childScope.error = `enclosing item ${citation || '(unnumbered)'} not understood: ${read.error}`;
    // A whole instruction (the new text given) printed before items that are no instruction (an
    // appropriation's paragraphs run on after it): the instruction, and the items read on their own.
    if (read.operations.length > 0 && read.operations.every((o) => o.insert !== undefined) && !instructs(item.children)) {
      emit(reader, base, read.target, read.location, read.operations, read.notes);
      for (const child of item.children) walk(reader, child, { citation, target: scope.target, location: scope.location, named: false });
      return;
    }
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
  if (read.alike) {
    // "Sections 9005 and 9006 of … are each amended …": the same operations in each.
    for (const each of read.alike) emit(reader, base, each.target, [...read.location, ...each.location], read.operations, read.notes);
    return;
  }
  emit(reader, base, read.target, read.location, read.operations, read.notes);
}

/**
 * "The following sections of title 37 are amended by striking “X” and inserting “Y”: (1) Section
 * 301a(a)(4). (2) …", "The following provisions of law are repealed: (1) …": the instruction of
 * the item, applied to each target its items name. False when an item names no target.
 */
function distribute(reader: Reader, item: ListItem, citation: string, read: OwnReading): boolean {
  const named = item.children.map((child) => ({ child, words: trimConnectors(stripHeading(child.text)) }));
  if (named.some(({ child, words }) => child.children.length > 0 || words === '' || VERB.test(words) || ACTION_VERB.test(words))) return false;
  for (const { child, words } of named) {
    const base = { citation: citation + child.num, text: restore(words, reader.quotations) };
    const subject = readSubject(words.replace(/\.$/, ''), read.target, reader.laws, (t) => restore(t, reader.quotations));
    if ('error' in subject) {
      unknown(reader, base, read.target, read.location, subject.error);
      continue;
    }
    const places = subject.alike ?? [subject];
    for (const place of places) emit(reader, base, place.target, [...read.location, ...place.location], read.operations, [...(read.notes ?? []), ...(subject.notes ?? [])]);
  }
  return true;
}

/** Whether any of the items (or theirs) says it amends: an action verb, or "is amended", "is repealed". */
function instructs(items: ListItem[]): boolean {
  return items.some((item) => ACTION_VERB.test(trimConnectors(stripHeading(item.text))) || VERB.test(item.text) || instructs(item.children));
}

interface OwnReading {
  target: InstructionTarget;
  /** Set when the item names the law itself ("Section 5 of such Act is amended—"). */
  named?: boolean;
  location: ReadStep[];
  operations: Operation[];
  /** Set when the items below name the targets of this item's instruction. */
  list?: boolean;
  notes?: string[];
  /** Set when the words are no instruction at all: why. */
  prose?: string;
  /** Several sections amended alike (see `SubjectReading.alike`). */
  alike?: SubjectReading['alike'];
  error?: string;
}

/** A subject that names a level of a law (not "Land, water, and interests in land … shall be"). */
const UNIT_LIKE = /^(?:Effective\s+[^,]+,\s+)?(?:the\s+)?(?:(?:first|second|third|fourth|fifth|last|\d+\w*)\s+)?(?:sections?|subsections?|paragraphs?|subparagraphs?|clauses?|subclauses?|items?|title|chapter|subchapter|part|subpart|subtitle|division|table|heading|header|analysis|chapter\s+analysis|following|such|that|said|proviso|language|matter|text|sentence|article|general\s+note|additional|u\.s\.\s+note|public\s+law|house\s+resolution|senate\s+resolution)\b/i;
/** A subject that names a law by its title: "The Oil Region National Heritage Area Act (…)". */
const NAMED_LAW = /^(?:The\s+)?(?:[A-Z0-9][\w.,'’–-]*\s+)(?:(?:[A-Z0-9][\w.,'’–-]*|of|and|for|the|to|on|in|&)\s+)*(?:Act|Code|Law|Resolution|Schedule|Statutes)\b/;

/** Whether words before "is amended" can name a law at all. */
function lawLike(words: string): boolean {
  return (UNIT_LIKE.test(words) || NAMED_LAW.test(words)) && !/\b(?:shall|may|must|will|should|was|were)\b/.test(words);
}

/** Reads an item's own words: a scope ("in subsection (a)—"), an instruction, or both. */
function readOwn(reader: Reader, raw: string, scope: Scope, hasChildren: boolean): OwnReading {
  const { quotations } = reader;
  let text = raw.trim();
  const opensList = /—\s*$/.test(text);
  text = trimConnectors(text).replace(/—\s*$/, '').trim();
  const reading: OwnReading = { target: { ...scope.target }, location: [...scope.location], operations: [] };
  if (text === '') return reading;
  if (!VERB.test(text) && /\bshall\s+be\s+(?:applied|treated|construed|deemed)\b/.test(text)) return { ...reading, prose: 'a rule of application, no amendment of the text' };
  if (!hasChildren && opensList) {
    if (!VERB.test(text) && !ACTION_VERB.test(text) && !scope.named) return { ...reading, prose: 'no amendatory verb' };
    return fail(reading, 'a list of instructions is announced but none follows');
  }
  const notes: string[] = [];
  // "(rescission) Section 401(b) …", "Hereafter, the matter preceding …": words about the instruction, not of it.
  text = text.replace(/^(?:\((?:rescission|rescissions|including\s+transfer\s+of\s+funds)\)\s*|Hereafter,\s+)/i, '');
  const omitted = /\b(is|are)\s+omitted\s+(?=by\s+(?:striking|inserting|adding)\b)/.exec(text);
  if (omitted) {
    notes.push(`“${omitted[1]} omitted by” read as “${omitted[1]} amended by”`);
    text = `${text.slice(0, omitted.index)}${omitted[1]} amended ${text.slice(omitted.index + omitted[0].length)}`;
  }
  let verb = VERB.exec(text);
  if (!verb) {
    // "Section 1004(c)(1) of division B of the … Act by striking …": "is amended" left out.
    const bare = /^((?:Section|Subsection|Paragraph)\s+\S+(?:\s+of\s+[^\uE000]*?)?)\s+(?=by\s+(?:striking|inserting|adding|redesignating)\b)/.exec(text);
    if (bare && !scope.named) {
      notes.push(`“${bare[1]} by” read as “${bare[1]} is amended by”`);
      text = `${bare[1]} is amended ${text.slice(bare[0].length)}`;
      verb = VERB.exec(text);
    }
  }
  if (!verb) {
    // "Section 32 amended by adding …": the "is" left out.
    const slip = /^((?:Section|Subsection|Paragraph)\s+\S+(?:\s+of\s+[^\uE000]*?)?)\s+(amended)\s+(?=by\b|in\b|to\s+read\b)/.exec(text);
    if (slip) {
      notes.push(`“${slip[1]} amended” read as “${slip[1]} is amended”`);
      text = `${slip[1]} is amended ${text.slice(slip[0].length)}`;
      verb = VERB.exec(text);
    }
  }
  let rest = text;
  if (verb) {
    const words = text.slice(0, verb.index).trim();
    const subject = readSubject(words, scope.target, reader.laws, (t) => restore(t, quotations));
    if ('error' in subject) {
      if (!lawLike(words)) return { ...reading, prose: 'its subject names no law' };
      return fail(reading, subject.error);
    }
    reading.target = subject.target;
    reading.location = subject.location;
    reading.named = true;
    if (subject.list) reading.list = true;
    if (subject.alike) reading.alike = subject.alike;
    notes.push(...(subject.notes ?? []));
    if (notes.length) reading.notes = notes;
    rest = text.slice(verb.index + verb[0].length).trim().replace(/^,\s*(?=in\b|by\b)/i, '');
    const kind = verb[1]!;
    if (kind !== 'amended') {
      const other = readOtherVerb(kind, rest, subject, quotations);
      if ('error' in other) return fail(reading, other.error);
      reading.target = subject.target;
      if (!subject.alike) delete reading.alike;
      reading.operations = other.operations;
      if (other.notes) reading.notes = [...notes, ...other.notes];
      return reading;
    }
    // "is amended—", "is amended as follows:", "is amended by—" (the items say how).
    if (/^(?:(?:as\s+follows|by)\s*)?:?$/i.test(rest)) {
      return hasChildren ? reading : fail(reading, 'no amendatory action found');
    }
    const toRead = /^(?:,\s*)?to read(?: as follows)?\s*[:—]?\s*(.*)$/.exec(rest);
    if (toRead) {
      let insert = quoted(toRead[1]!, quotations);
      // "… to read as follows: “(5) …”. Federal Motor Carrier Safety Administration …": the bill's
      // own words after the new text ended with its period (an appropriation printed on) are no part of it.
      const after = new RegExp(`^\\uE000(\\d+)\\uE001\\s*\\.\\s+(\\S[\\s\\S]*)$`).exec(toRead[1]!.trim());
      if (insert === undefined && after && !quotations[Number(after[1])]!.open && !/\bis\s+(?:amended|repealed)\b|\bby\s+(?:striking|inserting|adding)\b/i.test(after[2]!)) {
        insert = quotations[Number(after[1])]!.content;
        reading.notes = [...(reading.notes ?? []), `the words printed after the new text are no part of the instruction: “${clip(restore(after[2]!, quotations))}”`];
      }
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
    return verb ? fail(reading, 'no amendatory action found') : { ...reading, prose: 'no amendatory verb' };
  }
  // "… is amended by striking “X” and inserting “Y” in the following sections:": the items name where.
  const inList = /\s+in\s+the\s+following\s+(?:sections|provisions|places)\s*:?\s*$/i.exec(rest);
  if (inList && hasChildren) {
    rest = rest.slice(0, inList.index);
    reading.list = true;
  }
  const operations = readActions(rest, quotations);
  if ('error' in operations) {
    // Words that name no law and no amendatory action ("The Secretary shall …", "by filing a notice").
    if (operations.error === 'no amendatory instruction found') return { ...reading, prose: 'no amendatory verb' };
    if (!verb && !scope.named && Object.keys(scope.target).length === 0) return { ...reading, prose: 'no law is named' };
    return fail(reading, operations.error);
  }
  reading.operations = operations;
  return reading;
}

function fail(reading: OwnReading, error: string): OwnReading {
  return { ...reading, operations: [], error };
}
