import { designationAt, isRung, ORDINAL_WORDS, ordinalNumber, ordinalWord, sectionLadder, seriesOf, seriesOfRung, seriesOrdinal } from '../parse/ladder.js';
import { readList, type ListItem } from './list.js';
import { extractQuotations, QUOTE_CLOSE, QUOTE_OPEN, QUOTE_TOKEN, type Quotation } from './quotes.js';
import type { Instruction, InstructionTarget, Redesignation } from './types.js';

/**
 * Reads the amendatory language of one bill section into operations, each with its target, its
 * location (the scope of every enclosing item) and its action.
 *
 * The input is the section's text with its quoted material, as printed ("Section 200304 of title
 * 54, United States Code, is amended— (1) by striking the second sentence; …") or as lines joined
 * from the clause tree (`sectionText`). Parsing is total: an instruction that cannot be read is
 * returned with action `unknown` and a `reason`, never guessed.
 *
 * Example (Pub. L. 116-9, § 3001(c), case pl116-9_54usc200305):
 *
 *     parseInstructions('Section 200305(b) of title 54, United States Code, is amended by striking paragraph (5).')
 *     // → [{citation: '', action: 'strike', target: {usc: {title: '54', section: '200305'}},
 *     //      location: ['subsection (b)'], units: ['paragraph (5)'], text: '…'}]
 */
export function parseInstructions(text: string, context: LawContext = {}): Instruction[] {
  const extracted = extractQuotations(stripSectionHeader(text));
  const quotations = extracted.quotations;
  const skeleton = ordinalWords(fold(unquotedBody(extracted.skeleton, quotations)));
  const output: Instruction[] = [];
  const previous = laws;
  laws = context;
  try {
    walk(readList(skeleton), { citation: '', target: context.standing ? { ...context.standing } : {}, location: [] }, quotations, output);
  } finally {
    laws = previous;
  }
  return output;
}

/**
 * What earlier text of the bill says about the law amended, carried from section to section:
 * the law named last ("Section 5c(f) of such Act"), and the law a title amends unless it says
 * otherwise ("whenever in this title an amendment … is expressed in terms of an amendment to
 * … a section or other provision, the reference shall be considered to be made to … the
 * Commodity Exchange Act").
 */
export interface LawContext {
  /** The Act, code and U.S. Code title named last. */
  last?: { act?: string; code?: string; title?: string };
  /** The law a bare "Section 5 is amended" amends. */
  standing?: InstructionTarget;
}

/** The context of the text being read (set by `parseInstructions`). */
let laws: LawContext = {};

/** Notes the law a target names, for a later "such Act". */
function remember(target: InstructionTarget): void {
  const last = { ...(laws.last ?? {}) };
  if (target.act) last.act = target.act;
  if (target.code) last.code = target.code;
  const title = target.usc?.title ?? target.title;
  if (title && !target.act) last.title = title;
  laws.last = last;
}

/**
 * The law an amendment-references clause names ("…the reference shall be considered to be made
 * to a section or other provision of the Commodity Exchange Act (7 U.S.C. 1 et seq.)."), if the
 * text has one.
 */
export function standingLaw(text: string): InstructionTarget | undefined {
  const m = /reference\s+shall\s+be\s+considered\s+to\s+be\s+made\s+to\s+(?:a|the)\s+section\s+or\s+other\s+provision\s+of\s+(?:the\s+)?([^.]+?)(?:\s+\([^()]*\))?\s*\./i.exec(text.replace(/\s+/g, ' '));
  if (!m) return undefined;
  const name = m[1]!.trim();
  const usc = /^title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(name);
  if (usc) return { title: usc[1]! };
  if (/Code$/.test(name) && !/United States Code/.test(name)) return { code: name };
  return { act: name };
}

/** Marks a location step that stands for several places ("in subsections (a) and (d)"): JSON of their steps follows. */
const ALTERNATIVES = '\u0000each:';

/** `subsections` + `(e), (g)(5), and (i)(5)` → the location step that stands for each of them. */
function eachOf(plural: string, list: string, kinds: readonly string[]): string {
  const kind = plural.toLowerCase().replace(/s$/, '');
  const each = list.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter((d) => d !== '');
  return `${ALTERNATIVES}${JSON.stringify(each.map((d) => expand(kind, d, kinds)))}`;
}

/** One location per place an instruction names: `[a, ALT[[b],[c]], d]` → `[a, b, d]`, `[a, c, d]`. */
function expandLocations(location: string[]): string[][] {
  let out: string[][] = [[]];
  for (const step of location) {
    if (!step.startsWith(ALTERNATIVES)) {
      out = out.map((l) => [...l, step]);
      continue;
    }
    const alternatives = JSON.parse(step.slice(ALTERNATIVES.length)) as string[][];
    out = out.flatMap((l) => alternatives.map((a) => [...l, ...a]));
  }
  return out;
}

/** What the enclosing items say about where an instruction applies. */
interface Scope {
  citation: string;
  /** Whether an enclosing item named the law (not only the bill's standing law). */
  named?: boolean;
  target: InstructionTarget;
  location: string[];
  /** Set when an enclosing item could not be read: its children cannot be placed. */
  error?: string;
}

/** An operation without the fields every instruction shares. */
type Operation = Omit<Instruction, 'citation' | 'text' | 'target' | 'location'> & {
  location?: string[];
};

function walk(item: ListItem, scope: Scope, quotations: Quotation[], output: Instruction[]): void {
  const start = output.length;
  walkItem(item, scope, quotations, output);
  for (const instruction of output.slice(start)) {
    if (instruction.reason !== undefined) instruction.reason = restore(instruction.reason, quotations).replace(/"([^"]{161,})"/g, (_, words: string) => `"${clip(words)}"`);
  }
}

function walkItem(item: ListItem, scope: Scope, quotations: Quotation[], output: Instruction[]): void {
  const citation = scope.citation + item.num;
  const own = stripHeading(item.text);
  const words = restore(trimConnectors(own), quotations);
  const base = { citation, text: words };
  if (scope.error) {
    output.push({ ...base, target: scope.target, location: scope.location, action: 'unknown', reason: scope.error });
    for (const child of item.children) walk(child, { ...scope, citation }, quotations, output);
    return;
  }
  const read = readOwn(own, scope, quotations, item.children.length > 0);
  if (item.children.length > 0 && read.error === 'no amendatory instruction found' && !scope.named) {
    // Prose that names no law ("In this section:", "The Secretary shall—") is no instruction, and
    // its items are read on their own: they are instructions only if they say so themselves.
    for (const child of item.children) walk(child, { citation, target: scope.target, location: scope.location, named: false }, quotations, output);
    return;
  }
  if (item.children.length > 0) {
    const childScope: Scope = { citation, target: read.target, location: read.location, named: Boolean(scope.named || read.named) };
    if (read.error) childScope.error = `enclosing item ${citation || '(unnumbered)'} not understood: ${read.error}`;
    if (read.error || read.operations.length > 0) {
      // An item that is both an instruction and a list is not a form we know.
      if (read.operations.length > 0) {
        output.push({ ...base, target: read.target, location: read.location, action: 'unknown', reason: 'an instruction followed by a list of instructions' });
      } else {
        output.push({ ...base, target: read.target, location: read.location, action: 'unknown', reason: read.error! });
      }
    }
    for (const child of item.children) walk(child, childScope, quotations, output);
    return;
  }
  if (read.error) {
    output.push({ ...base, target: read.target, location: read.location, action: 'unknown', reason: read.error });
    return;
  }
  if (read.operations.length === 0) {
    if (own.trim() === '' && item.num === '') return;
    output.push({ ...base, target: read.target, location: read.location, action: 'unknown', reason: 'no amendatory action found' });
    return;
  }
  for (const operation of read.operations) {
    const { location, ...rest } = operation;
    for (const place of expandLocations([...read.location, ...(location ?? [])])) output.push({ ...base, target: read.target, location: place, ...rest });
  }
}

interface OwnReading {
  target: InstructionTarget;
  /** Set when the item names the law itself ("Section 5 of such Act is amended—"). */
  named?: boolean;
  location: string[];
  operations: Operation[];
  error?: string;
}

const VERB =
  /\b(?:is|are)\s+(?:hereby\s+|further\s+|each\s+)?(amended and renumbered|amended|repealed and reserved|repealed|added|transferred|redesignated)\b/;

/** Reads an item's own words: a scope ("in subsection (a)—"), an instruction, or both. */
function readOwn(raw: string, scope: Scope, quotations: Quotation[], hasChildren: boolean): OwnReading {
  let text = raw.trim();
  const opensList = /—\s*$/.test(text);
  text = trimConnectors(text).replace(/—\s*$/, '').trim();
  const reading: OwnReading = { target: { ...scope.target }, location: [...scope.location], operations: [] };
  if (text === '') return reading;
  if (!hasChildren && opensList) return fail(reading, 'a list of instructions is announced but none follows');
  const verb = VERB.exec(text);
  let rest = text;
  if (verb) {
    const subject = readSubject(text.slice(0, verb.index).trim(), scope.target);
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
function readOtherVerb(
  reading: OwnReading,
  kind: string,
  rest: string,
  subject: SubjectReading,
  quotations: Quotation[],
): OwnReading {
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
      if (renumbered[1] && subject.unit) {
        operation.redesignate = [{ from: subject.unit, to: renumbered[1].replace(/^Section/, 'section') }];
      }
      reading.operations.push(operation);
      return reading;
    }
    case 'transferred': {
      const transfer = /^to\s+(?:appear\s+)?(.+)$/.exec(rest);
      if (!transfer || /\uE000/.test(transfer[1]!)) return fail(reading, `transfer not understood: "${restore(rest, quotations)}"`);
      reading.operations.push({ action: 'transfer', anchor: transfer[1]!, anchorKind: 'unit' });
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

// ---------------------------------------------------------------------------
// Targets and locations

interface SubjectReading {
  target: InstructionTarget;
  location: string[];
  /** The unit the subject names, for redesignations: `section 1050`, `paragraph (2)`. */
  unit?: string;
}

const ORDINAL = `(${Object.keys(ORDINAL_WORDS).join('|')})`;
const UNIT_KINDS: readonly string[] = sectionLadder('us');
const CA_UNIT_KINDS: readonly string[] = sectionLadder('ca');
const UNIT = '(section|subsection|subdivision|paragraph|subparagraph|clause|subclause|item|subitem)';
const DESIGNATIONS = '((?:\\([A-Za-z0-9]{1,6}\\))+)';

/**
 * Reads what comes before "is amended": the law and the place in it.
 *
 *     Section 200304 of title 54, United States Code        → {usc: {title: '54', section: '200304'}}
 *     Section 399BB of the Public Health Service Act (42 U.S.C. 280i-1)
 *                                                           → {act, section: '399BB', usc: {title: '42', section: '280i-1'}}
 *     The first sentence of section 701(f) of title 17, United States Code
 *                                                           → usc 17/701, location ['subsection (f)', 'first sentence']
 *     Section 1050 of the Penal Code                        → {code: 'Penal Code', section: '1050'}
 */
function readSubject(subject: string, outer: InstructionTarget): SubjectReading | { error: string } {
  let text = subject
    .replace(/,\s*$/, '')
    .replace(/\s*\(as\s+(?:so\s+)?(?:amended|added|redesignated)(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)/g, '')
    .replace(/,\s*as\s+(?:so\s+)?(?:amended|added|redesignated)(?:\s+by\s+.*)?$/, '')
    .replace(/^the\s+/i, '')
    .trim();
  const inner: string[] = [];
  let unit: string | undefined;
  // "The heading of section 6041(a)", "The subsection heading for section 1902(kk) of such Act".
  const heading = /^(?:(?:section|subsection|paragraph|subparagraph|clause)\s+)?heading\s+(?:of|for)\s+(.+)$/i.exec(text);
  if (heading) {
    const inside = readSubject(heading[1]!, outer);
    if ('error' in inside) return inside;
    return { target: inside.target, location: [...inside.location, 'heading'] };
  }
  // "The table of sections for part VI of subchapter B of chapter 1" (of the law named before).
  const tableOf = /^(table\s+of\s+(?:sections|subchapters|parts|chapters|contents))\s+(?:for|of)\s+(.+?)(?:,\s*as\s+amended\s+by\s+.*)?$/i.exec(text);
  if (tableOf && !/United States Code/i.test(tableOf[2]!)) {
    const law = laws.standing ?? (laws.last?.code ? { code: laws.last.code } : laws.last?.act ? { act: laws.last.act } : undefined);
    if (law || Object.keys(outer).length > 0) return { target: { ...(law ?? outer), within: tableOf[2]! }, location: [tableOf[1]!.toLowerCase()] };
  }
  // "Subsections (a)(1), (b)(2)(B), and (c) of section 5 … are each amended": the same instruction in each.
  const plural = /^(subsections|paragraphs|subparagraphs|clauses|subclauses)\s+((?:\([A-Za-z0-9]{1,6}\))+(?:\s*,\s*(?:and\s+)?(?:\([A-Za-z0-9]{1,6}\))+|\s+and\s+(?:\([A-Za-z0-9]{1,6}\))+)+)\s+of\s+/i.exec(text);
  if (plural) {
    inner.push(eachOf(plural[1]!, plural[2]!, UNIT_KINDS));
    text = text.slice(plural[0].length);
  }
  // "first sentence of", "paragraph (2) of subsection (b) of"
  for (;;) {
    const ordinal = new RegExp(`^${ORDINAL}\\s+(sentence|paragraph)\\s+of\\s+`, 'i').exec(text);
    if (ordinal) {
      inner.unshift(`${ordinal[1]!.toLowerCase()} ${ordinal[2]}`);
      text = text.slice(ordinal[0].length);
      continue;
    }
    const level = new RegExp(`^(?!section\\b)${UNIT}\\s+${DESIGNATIONS}\\s+of\\s+`, 'i').exec(text);
    if (level) {
      const units = expand(level[1]!.toLowerCase(), level[2]!, UNIT_KINDS);
      inner.unshift(...units);
      text = text.slice(level[0].length);
      continue;
    }
    break;
  }
  let target: InstructionTarget;
  let location: string[] = [];
  const first = /^first\s+section\s+of\s+(.+)$/i.exec(text);
  const section = new RegExp(`^sections?\\s+(\\d[\\w.–-]*?)${DESIGNATIONS}?(?:\\s+of\\s+(.+))?$`, 'i').exec(text);
  const chapter = /^(chapter|subchapter|part|subtitle|division)\s+([\w.–-]+)\s+of\s+(.+)$/i.exec(text);
  const title = /^title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(text);
  const table = /^(table\s+of\s+(?:sections|contents|chapters))(?:\s+(?:for|of)\s+(chapter|subchapter|part|subtitle)\s+([\w.–-]+))?\s+of\s+title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(text);
  if (table) {
    target = { title: table[4]! };
    if (table[2]?.toLowerCase() === 'chapter') target.chapter = table[3]!;
    else if (table[2]) return { error: `target not understood: "${subject}"` };
    return { target, location: [table[1]!.toLowerCase(), ...inner] };
  }
  if (first || section) {
    const number = first ? '1' : section![1]!;
    const source = first ? first[1]! : section![3];
    const named = sourceTarget(source, number, outer);
    if ('error' in named) return named;
    target = named;
    const kinds = target.code ? CA_UNIT_KINDS : UNIT_KINDS;
    if (section?.[2]) location = expand('section', section[2], kinds).slice(0);
    unit = `section ${number}`;
  } else if (chapter) {
    // "Chapter 8 of title 17, United States Code", "Subchapter I of chapter 33 of title 5, United
    // States Code", "Part F of title IV of the Higher Education Act of 1965 (20 U.S.C. 1087kk)".
    const chain = /^((?:(?:sub)?(?:chapter|part|title|division)|subtitle|subpart)\s+[\w.–-]+\s+of\s+)*/i.exec(text)![0];
    const law = text.slice(chain.length).trim();
    const units = [...chain.matchAll(/((?:sub)?(?:chapter|part|title|division)|subtitle|subpart)\s+([\w.–-]+)\s+of\s+/gi)].map((m) => [m[1]!.toLowerCase(), m[2]!] as const);
    const usc = /^title\s+(\d+[A-Z]?),\s+United States Code,?$/i.exec(law);
    if (usc) {
      target = { title: usc[1]! };
      const ch = units.find(([kind]) => kind === 'chapter');
      if (ch) target.chapter = ch[1];
      const inner = units.filter(([kind]) => kind !== 'chapter');
      if (inner.length) target.within = inner.map(([k, v]) => `${k} ${v}`).join(' of ');
    } else {
      const act = sourceTarget(law.replace(/^the\s+/i, ''), '', {});
      if ('error' in act || !act.act) return { error: `target not understood: "${subject}"` };
      target = { act: act.act, within: units.map(([k, v]) => `${k} ${v}`).join(' of ') };
    }
  } else if (title) {
    target = { title: title[1]! };
  } else if (/^(?:(?:the\s+)?[A-Z][\w ,'’–-]*\bAct\b|Public Law \d+[–-]\d+\b)/.test(text) && !/\bof\s+(?:the\s+)?(?:division|title|subtitle)\b/i.test(text)) {
    // "The Oil Region National Heritage Area Act (Public Law 108–447; 118 Stat. 3368)"
    const act = sourceTarget(text.replace(/^the\s+/i, ''), '', {});
    if ('error' in act || !act.act) return { error: `target not understood: "${subject}"` };
    target = act;
    delete target.section;
  } else if (inner.length > 0 && text === '') {
    target = { ...outer };
  } else {
    const level = new RegExp(`^(?!section\\b)${UNIT}\\s+${DESIGNATIONS}$`, 'i').exec(text);
    if (!level || Object.keys(outer).length === 0) return { error: `target not understood: "${subject}"` };
    // "Paragraph (2) is amended …" inside a list that already named the law.
    target = { ...outer };
    const units = expand(level[1]!.toLowerCase(), level[2]!, UNIT_KINDS);
    inner.unshift(...units);
    unit = `${level[1]!.toLowerCase()} ${level[2]}`;
  }
  const reading: SubjectReading = { target, location: [...location, ...inner] };
  if (unit && inner.length === 0) reading.unit = unit;
  return reading;
}

/** The law named after "Section N of": a U.S. Code title, an Act (with its U.S.C. parenthetical), a code. */
function sourceTarget(source: string | undefined, section: string, outer: InstructionTarget): InstructionTarget | { error: string } {
  if (source === undefined) {
    // "Section 7282.7 is added to the Government Code" (the code follows the verb), or a section of the law already named.
    if (outer.act || outer.code) return { ...outer, section };
    if (outer.title) return uscTarget(outer, section);
    return { section };
  }
  const target = namedTarget(source, section, outer);
  if (!('error' in target)) remember(target);
  return target;
}

function namedTarget(source: string, section: string, outer: InstructionTarget): InstructionTarget | { error: string } {
  // "such Act (7 U.S.C. 1a)", "such Code", "that Act", "such title": the law named last.
  const such = /^(?:such|that|said)\s+(Act|Code|title)(?:\s+\((\d+[A-Z]?)\s+U\.S\.C\.\s+((?:[^()]|\([^()]*\))*?)\))?$/i.exec(source);
  if (such) {
    const last = laws.last ?? {};
    const kind = such[1]!.toLowerCase();
    const cited = such[2] ? { usc: { title: such[2], section: such[3]!.replace(/(?:\([A-Za-z0-9]+\))+$/, '').trim() } } : {};
    if (kind === 'title' && last.title) return { usc: { title: last.title, section } };
    if (kind === 'code' && last.code) return { code: last.code, section, ...cited };
    if (kind === 'code' && last.act && /\bCode\b/.test(last.act)) return { act: last.act, section, ...cited };
    if (kind === 'act' && last.act) return { act: last.act, section, ...cited };
    return { error: `law not understood: "${source}" (no ${kind} is named before it)` };
  }
  const usc = /^title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(source);
  if (usc) return { usc: { title: usc[1]!, section } };
  if (/^this\s+(?:title|chapter)$/i.test(source) && outer.title) return uscTarget(outer, section);
  const code = /^(?:the\s+)?((?:[A-Z][\w&]*\s+(?:and\s+)?)+Code)$/.exec(source);
  if (code && !/United States Code/.test(source)) return { code: code[1]!, section };
  const act = /^(?:the\s+)?(.+?)(?:\s+\((?:known as|popularly known as|commonly known as)\s+[^)]*\))?(?:\s+\((?:(?:Public Law|Pub\. L\.)\s[^()]*|\d+\s+Stat\.\s[^()]*)\))?(?:\s+\((\d+[A-Z]?)\s+U\.S\.C\.\s+((?:[^()]|\([^()]*\))*?)\))?$/.exec(source);
  if (act && /^(?:[A-Z]|Public Law)/.test(act[1]!)) {
    const target: InstructionTarget = { act: act[1]!, section };
    if (act[2]) {
      const cited = act[3]!.replace(/(?:\([A-Za-z0-9]+\))+$/, '').trim();
      target.usc = { title: act[2], section: cited };
    }
    return target;
  }
  return { error: `law not understood: "${source}"` };
}

/** A section of the U.S. Code title (and chapter) already named: `title` moves into `usc`. */
function uscTarget(outer: InstructionTarget, section: string): InstructionTarget {
  const { title, ...rest } = outer;
  return { ...rest, usc: { title: title!, section } };
}

/**
 * Reads the locations at the start of an item ("in subsection (b), in the matter preceding
 * paragraph (1),") and returns what follows.
 */
function readLocations(
  text: string,
  outer: InstructionTarget,
): { target: InstructionTarget; location: string[]; rest: string } | { error: string } {
  let rest = text;
  let target = outer;
  const location: string[] = [];
  for (;;) {
    let match: RegExpExecArray | null;
    if ((match = /^in\s+the\s+matter\s+(preceding|following)\s+((?:sub)?(?:section|paragraph|clause|item)\s+(?:\([A-Za-z0-9]+\))+|(?:sub)?(?:section|paragraph|clause|item)\s+\d[\w.-]*)/i.exec(rest))) {
      location.push(`matter ${match[1]!.toLowerCase()} ${match[2]}`);
    } else if ((match = new RegExp(`^in\\s+the\\s+${ORDINAL}\\s+(sentence|paragraph)(?:\\s+of\\s+the\\s+matter\\s+(preceding|following)\\s+${UNIT}\\s+${DESIGNATIONS})?`, 'i').exec(rest))) {
      if (match[3]) location.push(`matter ${match[3].toLowerCase()} ${match[4]!.toLowerCase()} ${match[5]}`);
      location.push(`${match[1]!.toLowerCase()} ${match[2]}`);
    } else if ((match = new RegExp(`^in\\s+the\\s+heading\\s+of\\s+${UNIT}\\s+${DESIGNATIONS}`, 'i').exec(rest))) {
      location.push(...expand(match[1]!.toLowerCase(), match[2]!, target.code ? CA_UNIT_KINDS : UNIT_KINDS), 'heading');
    } else if ((match = /^in\s+the\s+((?:section|subsection|paragraph|subparagraph|clause|subclause|item)\s+heading|heading|table of contents|table of sections(?:\s+for\s+(?:chapter|subchapter|part)\s+[\w.-]+)?)/i.exec(rest))) {
      location.push(match[1]!.toLowerCase());
    } else if ((match = /^in\s+(?:the\s+)?item\s+relating\s+to\s+section\s+([\w.–-]+?)(?=[\s,]|$)/i.exec(rest))) {
      location.push(`item relating to section ${match[1]}`);
    } else if ((match = /^in\s+(?:each\s+of\s+)?(subsections|paragraphs|subparagraphs|clauses|subclauses|items)\s+((?:\([A-Za-z0-9]{1,6}\))+(?:\s*,\s*(?:and\s+)?(?:\([A-Za-z0-9]{1,6}\))+|\s+and\s+(?:\([A-Za-z0-9]{1,6}\))+)+)(?=[\s,]|$)/i.exec(rest))) {
      // "in subsections (e), (g)(5), and (i)(5)": the same instruction in each of them.
      location.push(eachOf(match[1]!, match[2]!, target.code ? CA_UNIT_KINDS : UNIT_KINDS));
    } else if ((match = /^in\s+section\s+(\d[\w.–-]*?)((?:\([A-Za-z0-9]{1,6}\))*)(?:\s+\((\d+[A-Z]?)\s+U\.S\.C\.\s+(\d[\w.–-]*?)(?:\([A-Za-z0-9]{1,6}\))*\))?(?=[\s,—]|$)/i.exec(rest))) {
      const section = match[1]!;
      // "in section 103(c) (2 U.S.C. 1511(c))": the Act's section and where the Code has it.
      if (target.act && match[3]) target = { ...target, section, usc: { title: match[3], section: match[4]! } };
      else if (target.act || target.code) target = { ...target, section };
      else if (target.title) target = uscTarget(target, section);
      else return { error: `section ${section} named without a law` };
      if (match[2]) location.push(...expand('section', match[2], target.code ? CA_UNIT_KINDS : UNIT_KINDS));
    } else if ((match = new RegExp(`^in\\s+(?!section\\b)${UNIT}\\s+${DESIGNATIONS}((?:\\s+of\\s+(?!section\\b)${UNIT}\\s+${DESIGNATIONS})*)(?:\\s+of\\s+section\\s+(\\d[\\w.–-]*?)(?=[\\s,]|$))?`, 'i').exec(rest))) {
      // "in subsection (c)", "in subparagraph (A) of paragraph (11)", "in subsection (c) of section 212"
      const section = match[6];
      if (section) {
        if (target.act || target.code) target = { ...target, section };
        else if (target.title) target = uscTarget(target, section);
        else if (target.usc) target = { ...target, usc: { ...target.usc, section } };
        else return { error: `section ${section} named without a law` };
      }
      const kinds = target.code ? CA_UNIT_KINDS : UNIT_KINDS;
      const chain = [[match[1]!, match[2]!], ...[...match[3]!.matchAll(new RegExp(`of\\s+${UNIT}\\s+${DESIGNATIONS}`, 'gi'))].map((m) => [m[1]!, m[2]!])];
      for (const [kind, designations] of chain.reverse()) location.push(...expand(kind!.toLowerCase(), designations!, kinds));
    } else {
      break;
    }
    rest = rest.slice(match[0].length);
    // "as so redesignated", "as amended by subsection (a)", "(as added by …)": where the unit is, not what to do.
    rest = rest
      .replace(/^\s*\(as\s+(?:so\s+)?(?:amended|added|redesignated|designated)(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)/i, '')
      .replace(/^\s*,?\s*as\s+(?:so\s+)?(?:amended|added|redesignated|designated)(?:\s+by\s+(?:[^,()]|\([A-Za-z0-9]{1,6}\))*?)?(?=,|\s+by\b|$)/i, '');
    rest = rest.replace(/^\s*,?\s*(?:and\s+)?/, '');
  }
  return { target, location, rest: rest.trim() };
}

/**
 * `paragraph` + `(6)(E)` → `['paragraph (6)', 'subparagraph (E)']`; `section` + `(b)(2)` →
 * `['subsection (b)', 'paragraph (2)']` (the section itself is the target, not a location).
 */
function expand(kind: string, designations: string, kinds: readonly string[]): string[] {
  const values = designations.match(/\([A-Za-z0-9]+\)/g) ?? [];
  if (!kinds.includes(kind)) kinds = CA_UNIT_KINDS;
  let at = kinds.indexOf(kind);
  const units: string[] = [];
  if (kind === 'section') at += 1;
  for (const value of values) {
    units.push(`${kinds[Math.min(at, kinds.length - 1)]} ${value}`);
    at++;
  }
  return units;
}

// ---------------------------------------------------------------------------
// Actions

/**
 * Reads "by striking …", "by inserting …", "by adding …", "by redesignating …"; several joined
 * by "and by" (or "and redesignating") give several operations.
 */
function readActions(text: string, quotations: Quotation[]): Operation[] | { error: string } {
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

const Q = `${QUOTE_OPEN}(\\d+)${QUOTE_CLOSE}`;
/** Marks instructions name in words ("the period at the end", "a semicolon"). */
export const MARK_NAMES: Record<string, string> = { comma: ',', period: '.', semicolon: ';', colon: ':', dash: '—' };

function readAction(text: string, quotations: Quotation[]): Operation | { error: string } {
  const cursor = new Cursor(text);
  const found = () => `"${clip(restore(cursor.rest, quotations))}"`;
  if (cursor.eat(/^(?:striking|deleting)\s+/i)) {
    const operation: Operation = { action: 'strike' };
    let match: RegExpExecArray | null;
    if ((match = cursor.eat(new RegExp(`^(?:the\\s+)?${Q}\\s+(after|before)\\s+(?:${Q}|the\\s+(comma|period|semicolon|colon|dash))`, 'i')))) {
      // "by striking the “and” after “2023,”", "by striking “and” after the semicolon".
      operation.strike = quotations[Number(match[1])]!.content;
      operation.where = match[2]!.toLowerCase() as 'after' | 'before';
      operation.anchor = match[3] !== undefined ? quotations[Number(match[3])]!.content : MARK_NAMES[match[4]!.toLowerCase()]!;
      operation.anchorKind = 'text';
    } else if ((match = cursor.eat(new RegExp(`^(?:the\\s+)?${Q}`)))) {
      operation.strike = quotations[Number(match[1])]!.content;
      // "by striking “and” at the end": the words that end the unit.
      if (cursor.eat(/^\s*at\s+the\s+end(?:\s+thereof)?(?=\s+and\b|\s*$)/i)) operation.where = 'end';
      else if ((match = cursor.eat(new RegExp(`^\\s*at\\s+the\\s+end\\s+of\\s+${UNIT}\\s+${DESIGNATIONS}(?=\\s+and\\b|\\s*$)`, 'i')))) {
        // "by striking “and” at the end of paragraph (4)"
        operation.where = 'end';
        operation.location = [...(operation.location ?? []), ...expand(match[1]!.toLowerCase(), match[2]!, UNIT_KINDS)];
      }
    } else if ((match = cursor.eat(new RegExp(`^the\\s+(comma|period|semicolon|colon|dash)\\s+(after|before)\\s+${Q}`, 'i')))) {
      operation.strike = MARK_NAMES[match[1]!.toLowerCase()]!;
      operation.where = match[2]!.toLowerCase() as 'after' | 'before';
      operation.anchor = quotations[Number(match[3])]!.content;
      operation.anchorKind = 'text';
    } else if ((match = cursor.eat(new RegExp(`^the\\s+(period|semicolon|comma|colon)\\s+at\\s+the\\s+end\\s+of\\s+${UNIT}\\s+${DESIGNATIONS}`, 'i')))) {
      // "by striking the period at the end of paragraph (5)"
      operation.units = [`${match[1]!.toLowerCase()} at the end`];
      operation.location = [...(operation.location ?? []), ...expand(match[2]!.toLowerCase(), match[3]!, UNIT_KINDS)];
    } else if ((match = cursor.eat(/^the\s+(period|semicolon|comma|colon)\s+at\s+the\s+end(?:\s+thereof)?/i))) {
      operation.units = [`${match[1]!.toLowerCase()} at the end`];
    } else if ((match = cursor.eat(/^the\s+(period|semicolon|comma|colon)(?=\s+and\b|\s*$)/i))) {
      operation.units = [match[1]!.toLowerCase()];
    } else if ((match = cursor.eat(/^the\s+((?:section|subsection|paragraph|subparagraph|clause|subclause|item)\s+heading|heading)/i))) {
      operation.units = [match[1]!.toLowerCase()];
    } else if ((match = cursor.eat(/^the\s+item\s+relating\s+to\s+(section|chapter|subchapter|part)\s+([\w.–-]+)/i))) {
      operation.units = [`item relating to ${match[1]!.toLowerCase()} ${match[2]}`];
    } else if ((match = cursor.eat(new RegExp(`^the\\s+${ORDINAL}\\s+(sentence|paragraph)`, 'i')))) {
      operation.units = [`${match[1]!.toLowerCase()} ${match[2]}`];
    } else {
      const units = readUnits(cursor.rest);
      if (!units) return { error: `expected quoted text or a unit to strike, found ${found()}` };
      operation.units = units.units;
      cursor.rest = units.rest;
      // "by striking section 28 (7 U.S.C. 2036a)": the Code citation of the unit struck.
      cursor.eat(/^\s*\(\d+\s+U\.S\.C\.\s+(?:[^()]|\([^()]*\))*\)/);
    }
    readOccurrence(cursor, operation);
    readTrailingLocation(cursor, operation);
    if ((match = cursor.eat(new RegExp(`^\\s*and\\s+all\\s+that\\s+follows\\s+through\\s+${Q}`, 'i')))) {
      operation.through = quotations[Number(match[1])]!.content;
    } else if (cursor.eat(/^\s*and\s+all\s+that\s+follows(?:\s+through\s+the\s+(?:period\s+at\s+the\s+)?end(?:\s+thereof)?)?(?=\s*,?\s+and\b|$)/i)) {
      operation.through = '';
    }
    readOccurrence(cursor, operation);
    if (cursor.eat(/^\s*,?\s*and\s+(?:inserting|substituting)(?:\s+in\s+lieu\s+thereof)?(?:\s+the\s+following(?:\s+new\s+[a-z]+)?)?\s*:?\s*/i)) {
      if ((match = cursor.eat(new RegExp(`^${Q}`)))) {
        operation.insert = quotations[Number(match[1])]!.content;
      } else if ((match = cursor.eat(/^an?\s+(period|semicolon|comma|colon)/i))) {
        // "and inserting a semicolon"
        operation.insert = MARK_NAMES[match[1]!.toLowerCase()]!;
      } else {
        return { error: `expected quoted text to insert, found ${found()}` };
      }
      operation.action = 'strikeInsert';
      readOccurrence(cursor, operation);
    }
    // "(using identical font as used in the text being replaced)": a direction to the printer.
    cursor.eat(/^\s*\((?:using|in)\s[^()]*\)/i);
    return finish(cursor, operation, found);
  }
  if (cursor.eat(/^(?:inserting|adding)\s+/i)) {
    let match: RegExpExecArray | null;
    const operation: Operation = { action: 'insert' };
    // "inserting “Y” after “X”", "inserting “Y” before “X”", "inserting “Y” at the end"
    if ((match = cursor.eat(new RegExp(`^${Q}\\s*`)))) {
      operation.insert = quotations[Number(match[1])]!.content;
      if ((match = cursor.eat(new RegExp(`^at\\s+the\\s+end\\s+of\\s+${UNIT}\\s+${DESIGNATIONS}`, 'i')))) {
        // "by adding “and” at the end of subclause (XXII)"
        operation.action = 'addAtEnd';
        operation.location = expand(match[1]!.toLowerCase(), match[2]!, UNIT_KINDS);
      } else if (cursor.eat(/^at\s+the\s+end(?:\s+thereof)?/i)) {
        operation.action = 'addAtEnd';
      } else if ((match = cursor.eat(/^(after|before)\s+/i))) {
        operation.action = match[1]!.toLowerCase() === 'after' ? 'insertAfter' : 'insertBefore';
        if (!readAnchor(cursor, operation, quotations)) return { error: `expected what to insert ${match[1]}, found ${found()}` };
      } else {
        return { error: `expected "after", "before" or "at the end" after the text to insert, found ${found()}` };
      }
      readOccurrence(cursor, operation);
      return finish(cursor, operation, found);
    }
    // "adding at the end the following: …", "inserting after paragraph (2) the following: …"
    if (cursor.eat(/^at\s+(?:the\s+)?end(?:\s+thereof)?\s+/i)) {
      operation.action = 'addAtEnd';
    } else if ((match = cursor.eat(/^(after|before)\s+/i))) {
      operation.action = match[1]!.toLowerCase() === 'after' ? 'insertAfter' : 'insertBefore';
      if (!readAnchor(cursor, operation, quotations)) return { error: `expected what to insert ${match[1]}, found ${found()}` };
      readOccurrence(cursor, operation);
      cursor.eat(/^\s*/);
    } else {
      return { error: `insertion point not understood: ${found()}` };
    }
    // "(as so designated by subparagraph (A))", ", as so redesignated,": where the anchor is now.
    cursor.eat(/^,?\s*(?:\(as\s+(?:so\s+)?(?:re)?designated(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)|as\s+(?:so\s+)?(?:re)?designated)\s*,?\s*/i);
    if (!cursor.eat(/^the\s+following(?:\s+(?:new\s+)?(?:sentence|sentences|subsection|subsections|paragraph|paragraphs|subparagraph|subparagraphs|clause|clauses|subclause|subclauses|item|items|section|sections|definition|definitions)(?:\s+(?:\d[\w.-]*|\([A-Za-z0-9]{1,6}\)))?)?\s*:?\s*—?\s*/i)) {
      return { error: `expected "the following", found ${found()}` };
    }
    if (!(match = cursor.eat(new RegExp(`^${Q}`)))) return { error: `expected quoted text to insert, found ${found()}` };
    operation.insert = quotations[Number(match[1])]!.content;
    return finish(cursor, operation, found);
  }
  if (cursor.eat(/^redesignating\s+/i)) {
    const from = readUnits(cursor.rest);
    if (!from) return { error: `expected the units to redesignate, found ${found()}` };
    cursor.rest = from.rest;
    if (!cursor.eat(/^as\s+/i)) return { error: `expected "as" in a redesignation, found ${found()}` };
    const to = readUnits(cursor.rest);
    if (!to) return { error: `expected the new designations, found ${found()}` };
    cursor.rest = to.rest;
    cursor.eat(/^,?\s*respectively/i);

    if (from.units.length !== to.units.length) {
      return { error: `redesignation of ${from.units.length} units as ${to.units.length}` };
    }
    const redesignate: Redesignation[] = from.units.map((unit, i) => ({ from: unit, to: to.units[i]! }));
    return finish(cursor, { action: 'redesignate', redesignate }, found);
  }
  if (cursor.eat(/^repealing\s+/i)) {
    const units = readUnits(cursor.rest);
    if (!units) return { error: `expected the units to repeal, found ${found()}` };
    cursor.rest = units.rest;
    return finish(cursor, { action: 'repeal', units: units.units }, found);
  }
  let match: RegExpExecArray | null;
  if ((match = cursor.eat(new RegExp(`^amending\\s+(?!section\\b)${UNIT}\\s+${DESIGNATIONS}(?:,?\\s+as\\s+(?:so\\s+)?(?:re)?designated(?:\\s+by\\s+[^,]*)?,)?\\s+to\\s+read(?:\\s+as\\s+follows)?\\s*:?\\s*${Q}`, 'i')))) {
    const location = expand(match[1]!.toLowerCase(), match[2]!, UNIT_KINDS);
    return finish(cursor, { action: 'amendToRead', location, insert: quotations[Number(match[3])]!.content }, found);
  }
  return { error: `action not understood: ${found()}` };
}

function finish(cursor: Cursor, operation: Operation, found: () => string): Operation | { error: string } {
  // "and adjusting the margins accordingly", "and indenting the subparagraphs appropriately": directions to the printer.
  cursor.eat(/^,?\s*and\s+(?:adjusting|indenting|moving)\s+(?:(?:the\s+)?[a-z]+(?:\s+of\s+[^,;]*?)?\s+)?(?:(?:\d+\s+ems?\s+to\s+the\s+(?:left|right)\s+)?accordingly|appropriately)/i);
  cursor.eat(/^\s*[.;,]?\s*/);
  if (cursor.rest !== '') return { error: `unexpected words after the instruction: ${found()}` };
  return operation;
}

/** The text or unit an insertion is placed relative to. */
function readAnchor(cursor: Cursor, operation: Operation, quotations: Quotation[]): boolean {
  let match: RegExpExecArray | null;
  if ((match = cursor.eat(new RegExp(`^${Q}`)))) {
    operation.anchor = quotations[Number(match[1])]!.content;
    operation.anchorKind = 'text';
    return true;
  }
  if ((match = cursor.eat(/^the\s+((?:period|semicolon|comma|colon)(?:\s+at\s+the\s+end(?:\s+thereof)?)?)(?=\s|$)/i))) {
    operation.anchor = match[1]!.toLowerCase().replace(/\s+thereof$/, '');
    operation.anchorKind = 'unit';
    return true;
  }
  if ((match = cursor.eat(/^the\s+item\s+relating\s+to\s+(section|chapter|subchapter|part)\s+([\w.–-]+?)(?=\s|$)/i))) {
    operation.anchor = `item relating to ${match[1]!.toLowerCase()} ${match[2]}`;
    operation.anchorKind = 'unit';
    return true;
  }
  if ((match = cursor.eat(new RegExp(`^(?:the\\s+)?${ORDINAL}\\s+(sentence|paragraph)`, 'i')))) {
    operation.anchor = `${match[1]!.toLowerCase()} ${match[2]}`;
    operation.anchorKind = 'unit';
    return true;
  }
  if ((match = cursor.eat(new RegExp(`^${UNIT}\\s+(${DESIGNATIONS.slice(1, -1)}|\\d[\\w.-]*)`, 'i')))) {
    operation.anchor = `${match[1]!.toLowerCase()} ${match[2]}`;
    operation.anchorKind = 'unit';
    // "after section 205 (25 U.S.C. 4135)": where the Code has it.
    cursor.eat(/^\s*\(\d+\s+U\.S\.C\.\s+(?:[^()]|\([^()]*\))*\)/);
    return true;
  }
  return false;
}

/**
 * A place named after the words struck: "by striking “X” in the heading", "… in the matter
 * preceding subparagraph (A)", "… in clause (i)".
 */
function readTrailingLocation(cursor: Cursor, operation: Operation): void {
  let match: RegExpExecArray | null;
  if (cursor.eat(/^\s*in\s+the\s+heading(?=[\s,;.]|$)/i)) {
    operation.location = [...(operation.location ?? []), 'heading'];
  } else if ((match = cursor.eat(new RegExp(`^\\s*in\\s+the\\s+matter\\s+(preceding|following)\\s+${UNIT}\\s+${DESIGNATIONS}`, 'i')))) {
    operation.location = [...(operation.location ?? []), `matter ${match[1]!.toLowerCase()} ${match[2]!.toLowerCase()} ${match[3]}`];
  } else if ((match = cursor.eat(new RegExp(`^\\s*in\\s+(?!section\\b)${UNIT}\\s+${DESIGNATIONS}(?=[\\s,;.]|$)`, 'i')))) {
    operation.location = [...(operation.location ?? []), ...expand(match[1]!.toLowerCase(), match[2]!, UNIT_KINDS)];
  }
}

/** "each place it appears", "the second place it appears" (any order relative to the rest). */
function readOccurrence(cursor: Cursor, operation: Operation): void {
  let match: RegExpExecArray | null;
  if (cursor.eat(/^\s*(?:in\s+)?each\s+place\s+(?:it|such\s+\w+|that\s+\w+)\s+(?:appears|occurs)(?:\s+in\s+such\s+\w+)?/i)) {
    operation.occurrence = 'each';
  } else if (cursor.eat(/^\s*(?:in\s+)?each\s+such\s+place/i)) {
    // "… and inserting “the Secretary” in each such place": the places already counted.
  } else if ((match = cursor.eat(new RegExp(`^\\s*the\\s+${ORDINAL}\\s+place\\s+(?:it|such\\s+\\w+)\\s+(?:appears|occurs)`, 'i')))) {
    operation.occurrence = ordinalNumber(match[1]!)!;
  }
}

/**
 * Reads a list of units: `paragraph (5)`, `clauses (ii) and (iii)`, `paragraphs (3), (6)(E), (9), (10),
 * and (13)`, `paragraphs (3) through (10)`, `subsections (e) and (h)`, `section 710`.
 */
function readUnits(text: string): { units: string[]; rest: string } | undefined {
  const head = new RegExp(`^${UNIT}s?\\s+`, 'i').exec(text);
  if (!head) return undefined;
  const kind = head[1]!.toLowerCase();
  let rest = text.slice(head[0].length);
  const designation = kind === 'section' ? /^(\d[\w.–-]*)/ : /^((?:\([A-Za-z0-9]{1,6}\))+)/;
  const units: string[] = [];
  for (;;) {
    const match = designation.exec(rest);
    if (!match) return units.length > 0 ? undefined : undefined;
    rest = rest.slice(match[0].length);
    const through = /^\s+through\s+/i.exec(rest);
    if (through) {
      const end = designation.exec(rest.slice(through[0].length));
      if (!end) return undefined;
      const range = expandRange(match[1]!, end[1]!, kind);
      if (!range) return undefined;
      units.push(...range.map((value) => `${kind} ${value}`));
      rest = rest.slice(through[0].length + end[0].length);
    } else {
      units.push(`${kind} ${match[1]}`);
    }
    const separator = /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?=\(|\d)/i.exec(rest);
    if (!separator) break;
    rest = rest.slice(separator[0].length);
  }
  return { units, rest: rest.trim() };
}

/** `(3)` … `(10)` → `(3)`, `(4)`, … `(10)`; works for numbers, letters and roman numerals. */
function expandRange(from: string, to: string, kind: string): string[] | undefined {
  const a = /^\(([A-Za-z0-9]+)\)$/.exec(from)?.[1];
  const b = /^\(([A-Za-z0-9]+)\)$/.exec(to)?.[1];
  if (a === undefined || b === undefined) return undefined;
  // The unit names the series: subparagraphs (H) through (U) are letters, clauses (i) through (v) numerals.
  const named = isRung(kind) ? seriesOfRung(kind) : undefined;
  const shared = seriesOf(a).filter((series) => seriesOf(b).includes(series));
  const ordered = named && shared.includes(named) ? [named, ...shared.filter((s) => s !== named)] : shared;
  for (const series of ordered) {
    const start = seriesOrdinal(a, series);
    const end = seriesOrdinal(b, series);
    if (!(end > start) || end - start > 200) continue;
    const values: string[] = [];
    for (let n = start; n <= end; n++) values.push(`(${designationAt(n, series)})`);
    return values;
  }
  return undefined;
}

/** A read position in an instruction's words. */
class Cursor {
  constructor(public rest: string) {}

  /** Consumes `pattern` (anchored with `^`) at the position; returns the match, or null. */
  eat(pattern: RegExp): RegExpExecArray | null {
    const match = pattern.exec(this.rest);
    if (match) this.rest = this.rest.slice(match[0].length);
    return match;
  }
}

// ---------------------------------------------------------------------------
// Text helpers

/** The text of a quotation token, or `undefined` when `text` is not exactly one quotation. */
function quoted(text: string, quotations: Quotation[]): string | undefined {
  const match = new RegExp(`^${Q}\\s*[.;]?$`).exec(text.trim());
  if (!match) return undefined;
  const quotation = quotations[Number(match[1])]!;
  return quotation.open ? undefined : quotation.content;
}

/** Puts the quotations back, as printed. */
function restore(text: string, quotations: Quotation[]): string {
  return text.replace(QUOTE_TOKEN, (_, index: string) => quotations[Number(index)]!.raw).replace(/\s+/g, ' ').trim();
}

/** Folds whitespace and the space a joined line leaves before punctuation (`”\n; and` → `”; and`). */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ ([;,.:])/g, '$1').trim();
}

/** Drops "; and", "; or", a final period or semicolon. */
function trimConnectors(text: string): string {
  return text.replace(/(?:\s*[;,.]\s*(?:and|or)?\s*)+$/, '').replace(/\s+(?:and|or)$/, '').trim();
}

/** "the 1st place it appears", "the 2d sentence": ordinals in figures read as words. */
function ordinalWords(text: string): string {
  return text.replace(/\b\d{1,3}(?:st|nd|rd|d|th)\b(?=\s+(?:place|sentence|paragraph)\b)/g, (m) => ordinalWord(ordinalNumber(m)!));
}

/** Words quoted in a reason, cut short: the reader needs where it went wrong, not the whole quoted law. */
function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 160).replace(/\s+\S*$/, '')} …` : text;
}

/** Drops an item's heading: "In general.—", "Allocation of Funds.—", "U.s. copyright office.—". */
function stripHeading(text: string): string {
  const heading = /^[A-Z0-9][^—:\uE000]{0,160}?\.\s?—\s*/.exec(text);
  if (!heading || VERB.test(heading[0])) return text;
  return text.slice(heading[0].length);
}

/**
 * Drops the bill section's own number and heading ("Sec. 3001. Reauthorization of …." on its own
 * line, "SECTION 1." before a California instruction).
 */
function stripSectionHeader(text: string): string {
  const header = /^\s*(?:SEC\.|Sec\.|SECTION|§)\s*\d[\w.–-]*?\.\s*/.exec(text);
  if (!header) return text;
  let rest = text.slice(header[0].length);
  const line = /^([^\n]*)\n/.exec(rest);
  const heading = /^[^.\n\uE000“]*\.\s+/.exec(rest);
  if (line && !VERB.test(line[1]!) && !/^[(“]/.test(line[1]!)) rest = rest.slice(line[0].length);
  else if (!line && heading && !VERB.test(heading[0])) rest = rest.slice(heading[0].length);
  return rest;
}

/**
 * California bills print the new law after "to read:" without quotation marks: the rest of the
 * text becomes one quotation, so its subdivisions are never read as instructions.
 */
function unquotedBody(skeleton: string, quotations: Quotation[]): string {
  const match = /\bto read(?: as follows)?:[ \t]*(?:\r?\n|[ \t])\s*(?!\uE000)(?=\S)/.exec(skeleton);
  if (!match) return skeleton;
  const body = skeleton.slice(match.index + match[0].length);
  const restored = body.replace(QUOTE_TOKEN, (_, index: string) => quotations[Number(index)]!.raw);
  const lines = restored.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const raw = lines.join('\n');
  quotations.push({ raw, content: raw });
  return skeleton.slice(0, match.index + match[0].length) + QUOTE_OPEN + (quotations.length - 1) + QUOTE_CLOSE;
}
