import { ordinalNumber } from '../parse/ladder.js';
import type { LevelKind } from '../types.js';
import { DESIGNATIONS, MARK_NAMES, readUnits, levelStep, levelSteps } from './location.js';
import type { Quotation } from './quotes.js';
import { chainSteps, ORDINAL, quote, readAnchor, readModifiers, reading, slip, LEVEL_CHAIN, type Operation, type Reading } from './read-modifiers.js';
import { readStrike } from './read-strike.js';
import type { LocationStep, Path } from './types.js';
import { clip, Q, restore } from './words.js';

export type { Operation } from './read-modifiers.js';

/**
 * The actions of an instruction: "by striking …", "by inserting …", "by adding …", "by
 * redesignating …", "by repealing …", "by amending … to read", "by substituting … for …", "by
 * moving …" (and the imperative "strike …", "insert …" some Acts use). Each verb has its reader,
 * and each reader a short list of the forms it knows; anything else is an error that quotes the
 * words not understood.
 */

type Result = Operation[] | { error: string };

/** The verbs, each with its reader. */
const ACTIONS: Array<[RegExp, (r: Reading) => Result]> = [
  [/^(?:striking|deleting|strike)(?:\s+|(?=,))/i, readStrike],
  [/^(?:inserting|adding|insert|add)(?:\s+by)?(?:\s+|(?=,))(?=\S)/i, readInsert],
  [/^(?:redesignating|redesignate)\s+/i, readRedesignate],
  [/^(?:repealing|repeal)\s+/i, readRepeal],
  [/^(?:amending|amend)\s+/i, readAmendLevel],
  [/^substituting\s+/i, readSubstitute],
  [/^(?:moving|transferring)\s+/i, readMove],
  [/^(?:changing|replacing)\s+/i, readReplace],
  [/^indenting\s+/i, readIndent],
];

/** The verbs of actions, as a pattern: an item that opens with one of them is an action. */
export const ACTION_VERB = /^(?:by\s+(?:the\s+)?)?(?:striking|deleting|inserting|adding|redesignating|repealing|amending|substituting|moving|transferring|changing|replacing|indenting|strike|insert|add|redesignate|amend|repeal)\b/i;

/**
 * Reads the actions of an item: "by striking …", several joined by "and by" (or ", by", or "and
 * redesignating"), or the imperative "strike … and insert …, strike …".
 */
export function readActions(text: string, quotations: Quotation[]): Operation[] | { error: string } {
  text = text.replace(/^and\s+(?=by\s)/i, '');
  // "Section 404(b)(2)(B) … is amended at the end by adding the following:"
  text = text.replace(/^at\s+the\s+end(?:\s+thereof)?,?\s+by\s+adding\s+/i, 'by adding at the end ');
  if (!ACTION_VERB.test(text) && !/^by\s/i.test(text)) {
    if (!/\bby\s+(?:striking|inserting|adding|redesignating)\b/i.test(text)) return { error: 'no amendatory instruction found' };
    return { error: `expected "by striking", "by inserting", "by adding" or "by redesignating", found "${restore(text, quotations)}"` };
  }
  const notes: string[] = [];
  let words = text.replace(/^(?:and\s+)?by\s+/i, '');
  if (/\uE001\s+an\s+inserting\b/.test(words)) {
    words = words.replace(/(\uE001\s+)an(\s+inserting\b)/, '$1and$2');
    notes.push('“an inserting” read as “and inserting”');
  }
  if (/^the\s+striking\b/i.test(words)) {
    words = words.replace(/^the\s+/i, '');
    notes.push('“by the striking” read as “by striking”');
  }
  const parts = words.split(
    /\s*[,;]?\s+and\s+by\s+(?:the\s+)?|\s*[,;]?\s+and\s+(?=redesignating\b)|(?<=respectively),?\s+and\s+(?=(?:inserting|striking|adding)\b)|,\s+by\s+(?:the\s+)?(?=(?:striking|inserting|adding|redesignating|amending|repealing)\b)|(?<=\uE001|\)|respectively),\s+(?:and\s+)?(?=(?:strike|add|redesignate)\s)|(?<=respectively),\s+(?=in\s)|\s+and\s+(?=(?:inserting|adding)\s+(?:after|before|at\s+the\s+end)\b)|,?\s+and\s+(?=in\s+(?:sub)?(?:section|paragraph|clause|item)s?\s+\S[^\uE000]{0,80}?,\s+(?:by\s+)?(?:strike|striking|insert|inserting|add|adding)\b)/i,
  );
  const operations: Operation[] = [];
  for (const part of parts) {
    const read = readAction(part.trim(), quotations);
    if ('error' in read) return read;
    operations.push(...read);
  }
  if (notes.length) for (const op of operations) op.notes = [...notes, ...(op.notes ?? [])];
  return operations;
}

function readAction(text: string, quotations: Quotation[]): Result {
  const r = reading(text, quotations);
  // "in subparagraph (A), as redesignated, strike …": a place before the verb.
  const lead: Operation = { action: 'unknown' };
  if (/^in\s/i.test(text)) {
    readModifiers(r, lead);
    r.cursor.eat(/^\s*,?\s*(?:by\s+)?/i);
  }
  for (const [verb, read] of ACTIONS) {
    const m = r.cursor.eat(verb);
    if (!m) continue;
    const result = read(r);
    if ('error' in result) return result;
    if (/\s+by\s*$/i.test(m[0]) && result[0]) slip(result[0], m[0].trim(), m[0].trim().replace(/\s+by$/i, ''));
    if (lead.location) for (const op of result) op.location = [...lead.location, ...(op.location ?? [])];
    return finish(r, result);
  }
  return { error: `action not understood: ${r.found()}` };
}

/**
 * Words printed after an instruction that are no part of it: a proviso ("Provided, That …"), the
 * heading of the next paragraph of an appropriations Act ("forest service communications site
 * administration", "(rescission of funds)"), a stray closing quotation mark.
 */
const AFTER = /^(?:[.;:]\s*)?(?:(Provided(?:\s+further)?,\s+That\b.*)|(\((?:rescission|rescissions|including\s+transfer)[a-z ]*\))|((?!(?:in|of|at|and|or|the|by|each|both|before|after|to|for|through|as|with)\b)[a-z][a-z ,'’-]{3,80})|(”))$/;

/** The end of an action: directions to the printer may follow, then nothing. */
function finish(r: Reading, operations: Operation[]): Result {
  const { cursor } = r;
  if (operations[0]) readModifiers(r, operations[0]);
  const after = AFTER.exec(restore(cursor.rest, r.quotations).trim());
  if (after && operations[0]) {
    const what = after[1] ? 'a proviso' : after[4] ? 'a stray closing quotation mark' : 'the heading of the text that follows';
    operations[0].notes = [...(operations[0].notes ?? []), `${what} printed after the instruction is no part of it: “${clip(after[0])}”`];
    cursor.rest = '';
  }
  // "…, and inserting “Y”:" before the list of the places it applies to.
  cursor.eat(/^\s*[.;,:]?\s*/);
  if (cursor.rest !== '') return { error: `unexpected words after the instruction: ${r.found()}` };
  return operations;
}

/** "the following:", "the following new subsections:", "the following new flush sentence:" before the quoted text. */
const THE_FOLLOWING = /^,?\s*(?:the\s+following(?:\s+(?:new\s+)?(?:flush\s+)?(?:sentences?|subsections?|paragraphs?|subparagraphs?|clauses?|subclauses?|items?|subitems?|sections?|definitions?|headings?|notes?|parts?|subparts?|chapters?|subchapters?|subtitles?|matter|text)(?:\s+(?:\d[\w.-]*|\([A-Za-z0-9]{1,6}\))(?:\s+and\s+\([A-Za-z0-9]{1,6}\))?)?)?(?:\s+at\s+the\s+appropriate\s+place)?)?\s*:?\s*—?\s*/i;

/** The quoted text an insertion gives, after "the following" or not. */
function insertedText(r: Reading, op: Operation): { error: string } | undefined {
  r.cursor.eat(THE_FOLLOWING);
  const match = r.cursor.eat(new RegExp(`^${Q}`));
  if (!match) return { error: `expected quoted text to insert, found ${r.found()}` };
  op.insert = quote(r, match[1]!);
  return undefined;
}

/** "after “X”", "before the period at the end", "after paragraph (2)": the action and its anchor. */
function readBeside(r: Reading, op: Operation): { error: string } | undefined {
  const match = r.cursor.eat(/^(after|before)\s+/i)!;
  op.action = match[1]!.toLowerCase() === 'after' ? 'insertAfter' : 'insertBefore';
  const anchor = readAnchor(r);
  if (!anchor) return { error: `expected what to insert ${match[1]}, found ${r.found()}` };
  op.anchor = anchor;
  return undefined;
}

/** "inserting “Y” after “X”", "adding at the end the following: …", "inserting after paragraph (2) the following: …". */
function readInsert(r: Reading): Result {
  const { cursor } = r;
  let match: RegExpExecArray | null;
  const op: Operation = { action: 'insert' };
  // "by inserting, in subsection (b), after …": a place first.
  if (/^,?\s*in\s/i.test(cursor.rest)) readModifiers(r, op);
  cursor.eat(/^\s*,?\s*/);
  if ((match = cursor.eat(new RegExp(`^${Q}\\s*,?\\s*`)))) {
    // "inserting “Y” after “X”", "… before “X” in the last sentence", "adding “and” at the end of subclause (XXII)"
    op.insert = quote(r, match[1]!);
    readModifiers(r, op);
    cursor.eat(/^\s*,?\s*/);
    if ((match = cursor.eat(new RegExp(`^at\\s+the\\s+end\\s+of\\s+(?:the\\s+)?(?!section\\b)${LEVEL_CHAIN}`, 'i')))) {
      op.action = 'addAtEnd';
      op.location = [...(op.location ?? []), ...chainSteps(match, 1)];
    } else if (cursor.eat(/^at\s+the\s+end(?:\s+thereof)?/i)) {
      op.action = 'addAtEnd';
    } else if (/^(?:after|before)\s/i.test(cursor.rest)) {
      const error = readBeside(r, op);
      if (error) return error;
    } else {
      return { error: `expected "after", "before" or "at the end" after the text to insert, found ${r.found()}` };
    }
    readModifiers(r, op);
    return [op];
  }
  if ((match = cursor.eat(/^an?\s+(comma|period|semicolon|colon)\s+(?=after|before)/i))) {
    // "by inserting a comma after “entity”"
    op.insert = MARK_NAMES[match[1]!.toLowerCase()]!;
    const error = readBeside(r, op);
    if (error) return error;
    readModifiers(r, op);
    return [op];
  }
  if ((match = cursor.eat(/^(?:the\s+following\s+)?(?=(?:after|before)\s)/i)) && match[0] !== '') {
    // "by inserting the following before the period at the end: “…”"
    const error = readBeside(r, op);
    if (error) return error;
    r.cursor.eat(/^\s*:?\s*/);
    return insertedText(r, op) ?? [op];
  }
  if ((match = cursor.eat(/^(at\s+|after\s+and\s+below\s+)?(?:the\s+)?end(?=[\s,:])/i))) {
    // "adding at the end (of paragraph (1)) the following: …"
    if (!match[1]) slip(op, 'the end', 'at the end');
    else if (/below/i.test(match[1])) slip(op, 'after and below the end', 'at the end');
    op.action = 'addAtEnd';
    if ((match = cursor.eat(new RegExp(`^\\s*of\\s+(?:the\\s+)?(?!section\\b)${LEVEL_CHAIN}`, 'i')))) op.location = [...(op.location ?? []), ...chainSteps(match, 1)];
    else if ((match = cursor.eat(new RegExp(`^\\s+of\\s+the\\s+(?:flush|undesignated)\\s+(?:left\\s+)?(?:text|matter|language)\\s+following\\s+(${LEVEL_CHAIN})`, 'i')))) {
      // "at the end of the flush left matter following paragraph (9)"
      const steps = chainSteps(match, 2);
      const last = steps.pop() as { rung: LevelKind; designation: string };
      op.location = [...(op.location ?? []), ...steps, { type: 'matter', side: 'following', rung: last.rung, designation: last.designation }];
    } else if ((match = cursor.eat(/^\s+of\s+the\s+items?\s+relating\s+to\s+((?:sub)?(?:title|part|chapter)|subtitle|division)\s+([\w.–-]+(?:\s+of\s+(?:title|subtitle|part|division)\s+[\w.–-]+)*)/i))) {
      op.location = [...(op.location ?? []), { type: 'tableItem', rung: match[1]!.toLowerCase(), designation: match[2]! }];
    }
    cursor.eat(/^\s+thereof/i);
    // "at the end, between paragraph (4)(B) and subsection (b), the following": the same place, said again.
    cursor.eat(/^\s*,\s*between\s+[^,\uE000]+,/i);
    if (/^\s*,?\s*before\s+the\s+(?:period|semicolon)/i.test(cursor.rest)) {
      // "by adding at the end before the period the following"
      cursor.eat(/^\s*,?\s*/);
      const error = readBeside(r, op);
      if (error) return error;
    }
    if ((match = cursor.eat(/^\s*,?\s*an?\s+(period|semicolon|comma|colon)(?=\s*$)/i))) {
      // "by adding at the end a semicolon"
      op.insert = MARK_NAMES[match[1]!.toLowerCase()]!;
      return [op];
    }
    if (cursor.eat(/^\s+of\s+(?=the\s+following\b)/i)) slip(op, 'at the end of the following', 'at the end the following');
    else if (cursor.eat(/^\s+(?=following\b)/i)) {
      slip(op, 'at the end following', 'at the end the following');
      cursor.rest = `the ${cursor.rest}`;
    }
  } else if ((match = cursor.eat(/^the\s+following\s+(?:new\s+)?(?:subsection|paragraph|subparagraph|clause|section|sentence)\s*(?:\([A-Za-z0-9]{1,6}\))?\s*,\s*(which\s+shall\s+[^:\uE000]*?)\s*:\s*(?=\uE000)/i))) {
    // "by adding the following subsection (e), which shall be effective from …: “(e) …”"
    op.action = 'addAtEnd';
    op.notes = [...(op.notes ?? []), `read as added at the end; the bill says of it: “${match[1]}”`];
  } else if ((match = cursor.eat(new RegExp(`^in\\s+lieu\\s+of\\s+(?!section\\b)${LEVEL_CHAIN}`, 'i')))) {
    // "by inserting in lieu of paragraph (1) the following paragraph: …"
    op.action = 'strikeInsert';
    op.units = [chainSteps(match, 1)];
  } else if ((match = cursor.eat(/^(?:a\s+new\s+(?:paragraph|subsection|sentence|clause)\s+as\s+follows|in\s+numerical\s+sequence)(?=[\s:])/i))) {
    // "by adding a new paragraph as follows: …"; "by inserting in numerical sequence the following new heading: …" (a tariff schedule)
    op.action = /^a\s+new/i.test(match[0]) ? 'addAtEnd' : 'insert';
  } else if (/^(?:after|before)\s/i.test(cursor.rest)) {
    const error = readBeside(r, op);
    if (error) return error;
  } else {
    return { error: `insertion point not understood: ${r.found()}` };
  }
  readModifiers(r, op);
  return insertedText(r, op) ?? [op];
}

/** "substituting “X” for “Y” each place it appears". */
function readSubstitute(r: Reading): Result {
  const m = r.cursor.eat(new RegExp(`^${Q}\\s+for\\s+${Q}`, 'i'));
  if (!m) return { error: `expected “…” for “…” after "substituting", found ${r.found()}` };
  const op: Operation = { action: 'strikeInsert', insert: quote(r, m[1]!), strike: quote(r, m[2]!) };
  readModifiers(r, op);
  return [op];
}

/**
 * The levels of a redesignation or a table's items: `paragraphs (3) and (4)`, `the first section
 * 9703 (relating to …)`, `the items relating to sections 304 and 305`, `relating to section 248`.
 */
function readNamed(r: Reading): Path[] | undefined {
  const { cursor } = r;
  let m: RegExpExecArray | null;
  if ((m = cursor.eat(/^(?:the\s+|an\s+)?(?:items?\s+)?relating\s+to\s+(section|chapter|subchapter|part)s?\s+([\w.–-]+)((?:,?\s+(?:and\s+)?\d[\w.–-]*)*)/i))) {
    const rung = m[1]!.toLowerCase();
    const more = [...(m[3] ?? '').matchAll(/[\w.–-]+/g)].map((x) => x[0]).filter((v) => v !== 'and');
    return [m[2]!, ...more].map((designation) => [{ type: 'tableItem', rung, designation }]);
  }
  if ((m = cursor.eat(new RegExp(`^the\\s+${ORDINAL}\\s+(section|subsection|paragraph)\\s+(?:designated\\s+as\\s+section\\s+)?(\\d[\\w.–-]*|\\([A-Za-z0-9]+\\))(?:\\s+\\(relating\\s+to\\s+[^()]*\\))?`, 'i')))) {
    const rung = (/designated\s+as\s+section/i.test(m[0]) ? 'section' : m[2]!.toLowerCase()) as LevelKind;
    const first: Path = [{ ...levelStep(rung, m[3]!.replace(/[()]/g, '')), nth: ordinalNumber(m[1]!)! }];
    const rest = cursor.eat(/^\s+and\s+/) ? readUnits(cursor.rest) : undefined;
    if (rest) cursor.rest = rest.rest;
    return [first, ...(rest?.units ?? [])];
  }
  if ((m = cursor.eat(/^the\s+(two|three|four|five)\s+sentences/i))) {
    // "the three sentences as subparagraphs (A), (B), and (C)"
    const n = ['two', 'three', 'four', 'five'].indexOf(m[1]!.toLowerCase()) + 2;
    return Array.from({ length: n }, (_, i) => [{ type: 'sentence' as const, ordinal: i + 1 }]);
  }
  const units = readUnits(cursor.rest.replace(/^the\s+/i, ''));
  if (!units) return undefined;
  cursor.rest = units.rest;
  return units.units;
}

/** "redesignating paragraphs (3) and (4) as paragraphs (4) and (5), respectively". */
function readRedesignate(r: Reading): Result {
  const { cursor } = r;
  // "paragraphs (3) (as amended by this Act) and (4) as …": where a level is now, said inside the list.
  cursor.rest = cursor.rest.replace(/\s*\(as\s+(?:so\s+)?(?:amended|added|redesignated)\s+by\s+[^()]*(?:\([^()]*\)[^()]*)*\)(?=\s+and\s+\()/gi, '');
  // "subsection (q), as added by section 233(5) of Public Law 97–444, and subsection (r) as …": the same, set off by commas.
  cursor.rest = cursor.rest.replace(/,\s*as\s+(?:so\s+)?(?:amended|added|redesignated)\s+by\s+[^,\uE000]*?,(?=\s+and\s+(?:sub)?(?:section|paragraph|clause)\s)/gi, '');
  const from = readNamed(r);
  if (!from) return { error: `expected the units to redesignate, found ${r.found()}` };
  // "subsection (q) … and subsection (r) as subsections (r) and (s)": levels named each with its rung.
  while (cursor.eat(/^\s*,?\s*and\s+(?=(?:sub)?(?:section|paragraph|clause|item)\s+\()/i)) {
    const more = readNamed(r);
    if (!more) return { error: `expected the units to redesignate, found ${r.found()}` };
    from.push(...more);
  }
  const op: Operation = { action: 'redesignate' };
  let m: RegExpExecArray | null;
  // "the second subsection (j) of section 255 (relating to …) as …": where the levels are.
  if ((m = cursor.eat(new RegExp(`^\\s*of\\s+(?:the\\s+)?(?:${LEVEL_CHAIN}|section\\s+(\\d[\\w.–-]*))(?:\\s+\\(relating\\s+to\\s+[^()]*\\))?`, 'i')))) {
    op.location = [...(op.location ?? []), ...(m[6] ? [levelStep('section', m[6])] : chainSteps(m, 1))];
  }
  // "subsections (e) and (f), as amended by subsections (a) and (b), as subsections (f) and (g)"
  cursor.eat(/^\s*,?\s*as\s+(?:so\s+)?(?:amended|added|redesignated)\s+by\s+[^,\uE000]*?(?=,\s*as\s)/i);
  readModifiers(r, op);
  if (!cursor.eat(/^\s*,?\s*as\s+/i)) return { error: `expected "as" in a redesignation, found ${r.found()}` };
  const to = readNamed(r);
  if (!to) return { error: `expected the new designations, found ${r.found()}` };
  if (from.length !== to.length) return { error: `redesignation of ${from.length} units as ${to.length}` };
  op.redesignate = from.map((path, i) => ({ from: path, to: to[i]! }));
  // "as subsection (c) of section 228": the level moves under another.
  if (to.length === 1 && (m = cursor.eat(new RegExp(`^\\s*of\\s+(?:the\\s+)?(?:${LEVEL_CHAIN}|section\\s+(\\d[\\w.–-]*))`, 'i')))) {
    op.redesignate[0]!.to = [...(m[6] ? [levelStep('section', m[6])] : chainSteps(m, 1)), ...to[0]!];
  }
  readModifiers(r, op);
  // "…, and moving the paragraph so as to appear at the end of subsection (c)" (or after, before a level).
  const move = new RegExp(`^\\s*,?\\s*(?:and\\s+)?(?:by\\s+)?(?:moving|transferring)\\s+(?:the|such|that|each\\s+such)\\s+[a-z]+(?:\\s+as\\s+so\\s+redesignated)?,?\\s+(?:so\\s+as\\s+)?to\\s+appear\\s+(at\\s+the\\s+end\\s+of|after|before|immediately\\s+after|immediately\\s+before)\\s+(?:the\\s+)?${LEVEL_CHAIN}`, 'i');
  if (to.length === 1 && (m = cursor.eat(move))) {
    const at = chainSteps(m, 2);
    const where = /end/i.test(m[1]!) ? 'end' : /after/i.test(m[1]!) ? 'after' : 'before';
    const pair = op.redesignate[0]!;
    pair.to = where === 'end' ? [...at, ...pair.to.slice(-1)] : [...at.slice(0, -1), ...pair.to.slice(-1)];
    pair.place = where === 'end' ? { where } : { where, at: at.slice(-1) };
    readModifiers(r, op);
  }
  return [op];
}

/** "repealing paragraph (3)". */
function readRepeal(r: Reading): Result {
  const units = readNamed(r);
  if (!units) return { error: `expected the units to repeal, found ${r.found()}` };
  return [{ action: 'repeal', units }];
}

/**
 * "amending paragraph (2) to read as follows: …", "amending subparagraphs (C), (D), and (E) to
 * read …", "amending the first sentence of paragraph (1) to read …", "amending the item relating
 * to section 901 to read …".
 */
function readAmendLevel(r: Reading): Result {
  const { cursor } = r;
  const op: Operation = { action: 'amendToRead' };
  let m: RegExpExecArray | null;
  let place: LocationStep[] | undefined;
  if ((m = cursor.eat(new RegExp(`^the\\s+${ORDINAL}\\s+(sentence|paragraph)(?:\\s+of\\s+(?:the\\s+)?${LEVEL_CHAIN})?`, 'i')))) {
    place = [...(m[3] ? chainSteps(m, 3) : []), { type: m[2]!.toLowerCase() as 'sentence' | 'paragraph', ordinal: ordinalNumber(m[1]!)! }];
  } else if ((m = cursor.eat(/^the\s+item\s+relating\s+to\s+(section|chapter|subchapter|part)\s+([\w.–-]+)/i))) {
    place = [{ type: 'tableItem', rung: m[1]!.toLowerCase(), designation: m[2]! }];
  } else if ((m = cursor.eat(new RegExp(`^(?!section\\b)${LEVEL_CHAIN}`, 'i')))) {
    place = chainSteps(m, 1);
  } else if ((m = cursor.eat(/^section\s+(\d[\w.–-]*)(?:\s+\(\d+\s+U\.S\.C\.\s+(?:[^()]|\([^()]*\))*\))?/i))) {
    // "amending section 444 (6 U.S.C. 254) to read as follows: “SEC. 444. …”"
    place = [levelStep('section', m[1]!)];
  } else {
    const units = readUnits(cursor.rest);
    if (!units || units.units.length < 2) return { error: `action not understood: "amending ${r.found().slice(1)}` };
    cursor.rest = units.rest;
    Object.assign(op, { action: 'strikeInsert', units: units.units });
  }
  if (place) op.location = place;
  readModifiers(r, op);
  if (!cursor.eat(/^\s*,?\s*(?:so\s+as\s+)?to\s+read(?:\s+as\s+follows)?\s*:?\s*/i)) return { error: `expected "to read as follows", found ${r.found()}` };
  const match = cursor.eat(new RegExp(`^${Q}`));
  if (!match) return { error: `expected the new text after "to read", found ${r.found()}` };
  op.insert = quote(r, match[1]!);
  return [op];
}

/** "changing the long title so as to read: …", "replacing (d)(2) with the following: …". */
function readReplace(r: Reading): Result {
  const { cursor } = r;
  let m: RegExpExecArray | null;
  if ((m = cursor.eat(new RegExp(`^the\\s+(long\\s+title|short\\s+title|title|heading)\\s+(?:so\\s+as\\s+)?to\\s+read(?:\\s+as\\s+follows)?\\s*:?\\s*${Q}`, 'i')))) {
    return [{ action: 'amendToRead', location: [{ type: 'provision', name: `the ${m[1]!.toLowerCase()}` }], insert: quote(r, m[2]!) }];
  }
  if ((m = cursor.eat(new RegExp(`^${DESIGNATIONS}\\s+with\\s+the\\s+following\\s*:?\\s*${Q}`, 'i')))) {
    return [{ action: 'strikeInsert', units: [levelSteps('section', m[1]!)], insert: quote(r, m[2]!) }];
  }
  return { error: `action not understood: ${r.found()}` };
}

/**
 * "moving the margins of … 2 ems to the right", "moving paragraph (5) 2 ems to the left" (the
 * text is unchanged: a direction to the printer); "moving the second section 9703 (…) so as to
 * appear after section 9702", "transferring paragraph (3) to appear after paragraph (5)".
 */
function readMove(r: Reading): Result {
  const { cursor } = r;
  let m: RegExpExecArray | null;
  if ((m = cursor.eat(/^(?:the\s+)?(?:left\s+)?(?:margins?|provisions?|text)(?:\s+of\s+[^\uE000]*?)?\s+(?:\d+|two|four)\s+ems?\s+to\s+the\s+(?:left|right)/i))) {
    return [{ action: 'reformat' }];
  }
  if ((m = cursor.eat(new RegExp(`^(?!section\\b)${LEVEL_CHAIN}(?:\\s+(?:\\d+|two|four)\\s+ems?\\s+to\\s+the\\s+(?:left|right))`, 'i')))) {
    return [{ action: 'reformat', location: chainSteps(m, 1) }];
  }
  const moved = readNamed(r);
  if (!moved || moved.length !== 1) return { error: `action not understood: ${r.found()}` };
  if (!cursor.eat(/^\s*,?\s*(?:so\s+as\s+)?to\s+appear\s+/i)) return { error: `expected "to appear after" in a transfer, found ${r.found()}` };
  const op: Operation = { action: 'transfer', units: moved };
  if (!/^(?:after|before)\s/i.test(cursor.rest)) return { error: `expected "after" or "before" in a transfer, found ${r.found()}` };
  const error = readBeside(r, op);
  if (error) return error;
  op.where = op.action === 'insertAfter' ? 'after' : 'before';
  op.action = 'transfer';
  return [op];
}

/** "indenting subparagraphs (A) and (B) appropriately", "indenting paragraph (3) 2 ems to the right": a direction to the printer. */
function readIndent(r: Reading): Result {
  const m = r.cursor.eat(/^[^\uE000;]*?\s+(?:appropriately|accordingly|(?:\d+|two|four)\s+ems?\s+to\s+the\s+(?:left|right))/i);
  if (!m) return { error: `action not understood: "indenting ${r.found().slice(1)}` };
  return [{ action: 'reformat' }];
}
