import { ORDINAL_PATTERN, ordinalNumber } from '../parse/ladder.js';
import type { LevelKind } from '../types.js';
import { DESIGNATIONS, eachOf, MARK_NAMES, RUNG_WORD, levelStep, levelSteps, type ReadStep } from './location.js';
import type { Quotation } from './quotes.js';
import type { Anchor, Instruction, LocationStep } from './types.js';
import { clip, Cursor, Q, restore } from './words.js';

/**
 * What an action reader works with, and the phrases that may follow what an action names, in any
 * order: where ("in the heading thereof", "in the matter preceding paragraph (1)", "in paragraphs
 * (1) and (2)", "at the end of clause (i)", "of subsection (a)(6)"), how often ("each place it
 * appears", "both places it appears", "the second place it appears"), how far ("and all that
 * follows through …"), where the unit now is ("as so redesignated", "(as added by …)"), and
 * directions to the printer ("and moving the margins 2 ems to the right").
 */

/** An operation without the fields every instruction shares; its location may stand for several places. */
export type Operation = Omit<Instruction, 'citation' | 'text' | 'target' | 'location'> & { location?: ReadStep[] };

/** The words left of an action, its quotations, and how to quote what could not be read. */
export interface Reading {
  cursor: Cursor;
  quotations: Quotation[];
  found: () => string;
}

export function reading(text: string, quotations: Quotation[]): Reading {
  const cursor = new Cursor(text);
  return { cursor, quotations, found: () => `"${clip(restore(cursor.rest, quotations))}"` };
}

/** The quotation a token stands for. */
export function quote(r: Reading, index: string): string {
  return r.quotations[Number(index)]!.content;
}

export const ORDINAL = `(${ORDINAL_PATTERN})`;
const LIST = '((?:\\([A-Za-z0-9]{1,6}\\))+(?:\\s*,\\s*(?:and\\s+)?(?:\\([A-Za-z0-9]{1,6}\\))+|\\s+and\\s+(?:\\([A-Za-z0-9]{1,6}\\))+)+)';
/** A level and the levels it is "of": `clause (xxiv) of paragraph (1)(B)`. */
export const LEVEL_CHAIN = `${RUNG_WORD}\\s+${DESIGNATIONS}((?:\\s+of\\s+(?:the\\s+)?${RUNG_WORD}\\s+${DESIGNATIONS})*)`;

/** `clause (xxiv) of paragraph (1)(B)` read by `LEVEL_CHAIN` (groups from `at`) → paragraph (1), subparagraph (B), clause (xxiv). */
export function chainSteps(m: RegExpExecArray, at: number): LocationStep[] {
  const chain = [[m[at]!, m[at + 1]!], ...[...(m[at + 2] ?? '').matchAll(new RegExp(`of\\s+(?:the\\s+)?${RUNG_WORD}\\s+${DESIGNATIONS}`, 'gi'))].map((x) => [x[1]!, x[2]!])];
  return chain.reverse().flatMap(([kind, designations]) => levelSteps(kind!.toLowerCase(), designations!));
}

/** "the matter preceding paragraph (1)", and the levels above when the designations run together. */
export function matterSteps(side: string, rung: string, designations: string): LocationStep[] {
  const steps = designations.startsWith('(') ? levelSteps(rung.toLowerCase(), designations) : [levelStep(rung.toLowerCase() as LevelKind, designations)];
  const last = steps.pop() as Extract<LocationStep, { type: 'level' }>;
  const following = /^(?:following|after)$/i.test(side);
  return [...steps, { type: 'matter', side: following ? 'following' : 'preceding', rung: last.rung, designation: last.designation }];
}

/** A mark named in words, at the end or not: `{type: 'mark', mark: '.', atEnd: true}`. */
export function markStep(word: string, atEnd: boolean): LocationStep {
  return { type: 'mark', mark: MARK_NAMES[word.toLowerCase()]!, atEnd };
}

function addLocation(op: Operation, steps: ReadStep[]): void {
  op.location = [...(op.location ?? []), ...steps];
}

/** Notes a slip in the words read for its plain intent. */
export function slip(op: Operation, words: string, meant: string): void {
  op.notes = [...(op.notes ?? []), `“${words}” read as “${meant}”`];
}

/** A phrase and what it sets; `false` declines it (the words are for the action itself to read). */
type Modifier = [RegExp, (m: RegExpExecArray, op: Operation, r: Reading) => void | false];

const MODIFIERS: Modifier[] = [
  // How often.
  [/^(?:in\s+)?each\s+place\s+(?:it|such\s+\w+(?:\s+\w+)?|that\s+\w+|the\s+\w+(?:\s+\w+)?)\s+(?:appears|occurs)(?:\s+in\s+such\s+\w+)?/i, (_, op) => void (op.occurrence = 'each')],
  [/^(?:in\s+)?both\s+places\s+(?:it|such\s+\w+(?:\s+\w+)?|the\s+\w+(?:\s+\w+)?)\s+(?:appears|occurs)/i, (_, op) => void Object.assign(op, { occurrence: 'each', count: 2 })],
  [/^(?:in\s+)?each\s+such\s+place/i, () => undefined],
  [new RegExp(`^(?:in\\s+)?the\\s+${ORDINAL}\\s+place\\s+(?:it|such\\s+\\w+|the\\s+\\w+)\\s+(?:appears|occurs)`, 'i'), (m, op) => void (op.occurrence = ordinalNumber(m[1]!)!)],
  // Where: headings, matter, flush text, sentences, levels.
  [/^in\s+the\s+text\s+and\s+(?:the\s+)?headings?(?:\s+thereof)?/i, (_, op) => void (op.headings = true)],
  [
    /^in\s+the\s+(?:(section|subsection|paragraph|subparagraph|clause|subclause|item)\s+)?(?:heading|header)(?:\s+thereof)?(?=[\s,;.]|$)/i,
    (m, op) => addLocation(op, [m[1] ? { type: 'heading', rung: m[1].toLowerCase() as LevelKind } : { type: 'heading' }]),
  ],
  [new RegExp(`^in\\s+(?:the\\s+)?(?:matter|language|text)\\s+(preceding|following|before|after)\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'i'), (m, op) => addLocation(op, matterSteps(m[1]!, m[2]!, m[3]!))],
  // "in section 101(b)": a section of the law in scope (the executor checks it is the one executed).
  [/^in\s+section\s+(\d[\w.–-]*?)((?:\([A-Za-z0-9]{1,6}\))*)(?=[\s,;.]|$)/i, (m, op) => addLocation(op, [levelStep('section', m[1]!), ...(m[2] ? levelSteps('section', m[2]) : [])])],
  // "(except in subsection (c)(11)(B))": a place left out.
  [new RegExp(`^\\(except\\s+in\\s+${RUNG_WORD}\\s+${DESIGNATIONS}\\)`, 'i'), (m, op) => void (op.except = [...(op.except ?? []), levelSteps(m[1]!.toLowerCase(), m[2]!)])],
  // "(before section 1)", "(before the short title)": where the anchor is, said again.
  [/^\((?:before|after)\s+[^()\uE000]*\)/i, () => undefined],
  // "(and by striking the item relating to such section in the table of sections for such part)": the table too.
  [
    /^\(and\s+by\s+striking\s+the\s+items?\s+relating\s+to\s+such\s+\w+\s+in\s+the\s+table\s+of\s+\w+\s+(?:for|of)\s+such\s+\w+\)/i,
    (m, op) => void (op.notes = [...(op.notes ?? []), `the bill also strikes the item in the table: “${m[0].slice(1, -1)}” (a table of sections is not executed)`]),
  ],
  [/^in\s+the\s+(?:flush|undesignated)\s+(?:left\s+)?(?:text|matter|language|sentence)(?:\s+at\s+the\s+end(?:\s+thereof)?)?(?=[\s,;.]|$)/i, (_, op) => addLocation(op, [{ type: 'flush' }])],
  [new RegExp(`^in\\s+the\\s+${ORDINAL}\\s+sentence`, 'i'), (m, op) => addLocation(op, [{ type: 'sentence', ordinal: ordinalNumber(m[1]!)! }])],
  [
    new RegExp(`^the\\s+${ORDINAL}\\s+sentence(?=\\s+and\\s+inserting\\b)`, 'i'),
    (m, op) => {
      slip(op, m[0], `in ${m[0]}`);
      addLocation(op, [{ type: 'sentence', ordinal: ordinalNumber(m[1]!)! }]);
    },
  ],
  [new RegExp(`^in\\s+(?:each\\s+of\\s+)?(subsections|paragraphs|subparagraphs|clauses|subclauses|items)\\s+${LIST}(?=[\\s,;.]|$)`, 'i'), (m, op) => addLocation(op, [eachOf(m[1]!, m[2]!, 'us')])],
  [new RegExp(`^in\\s+(?!section\\b)${LEVEL_CHAIN}(?=[\\s,;.]|$)`, 'i'), (m, op) => addLocation(op, chainSteps(m, 1))],
  // "by striking “and” at the end of clause (i)": the words that end a level (an insertion reads its own "at the end").
  [
    new RegExp(`^at\\s+the\\s+end\\s+of\\s+(?:the\\s+)?(?!section\\b)${LEVEL_CHAIN}`, 'i'),
    (m, op) => {
      if (op.action !== 'strike' && op.action !== 'strikeInsert') return false;
      if (op.strike !== undefined) op.where = 'end';
      addLocation(op, chainSteps(m, 1));
    },
  ],
  [/^at\s+the\s+end(?:\s+thereof)?(?=[\s,;.]|$)/i, (_, op) => (op.strike !== undefined ? void (op.where = 'end') : false)],
  // "by striking subparagraph (B) of subsection (a)(6)": the levels struck are of that level.
  [
    new RegExp(`^of\\s+(?:the\\s+)?(?!section\\b)${LEVEL_CHAIN}`, 'i'),
    (m, op) => {
      const above = chainSteps(m, 1);
      if (op.units) op.units = op.units.map((path) => [...above, ...path]);
      else addLocation(op, above);
    },
  ],
  // Where the level is now: "as so redesignated", "(as added by section 3)", "as previously amended by this subtitle".
  [/^\(as\s+(?:so\s+)?(?:re)?(?:designated|amended|added|inserted)(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)/i, () => undefined],
  [/^as\s+(?:so\s+|previously\s+|most\s+recently\s+)?(?:re)?(?:designated|amended|added|inserted)(?:\s+by\s+(?:[^,()\uE000]|\([A-Za-z0-9]{1,6}\))*?)?(?=,|\s+and\b|\s+by\b|\s*$)/i, () => undefined],
  [/^thereof(?=[\s,;.]|$)/i, () => undefined],
  [/^\(\d+\s+U\.S\.C\.\s+(?:[^()]|\([^()]*\))*\)/, () => undefined],
  // "and all that follows before the period at the end": to the end, the period kept.
  [/^and\s+all\s+that\s+follows\s+before\s+the\s+(period|semicolon|colon)\s+at\s+the\s+end(?:\s+thereof)?/i, (m, op) => void Object.assign(op, { through: '', stopBefore: MARK_NAMES[m[1]!.toLowerCase()]! })],
  // How far: "and all that follows through “Z”", "… through the period", "… through the end of subsection (a)".
  [
    new RegExp(`^and\\s+all\\s+th(at|e)\\s+follows(?:\\s+through\\s+(?:${Q}|the\\s+(?:end\\s+)?(period|comma|semicolon|colon)(\\s+at\\s+the\\s+end(?:\\s+thereof)?)?|the\\s+end(?:\\s+thereof)?(?:\\s+of\\s+(?:the\\s+)?${LEVEL_CHAIN})?))?(?=[\\s,;.]|$)`, 'i'),
    (m, op, r) => {
      if (m[1]!.toLowerCase() === 'e') slip(op, 'all the follows', 'all that follows');
      if (m[2] !== undefined) op.through = quote(r, m[2]);
      // "through the period at the end", "through the end period": to the end of the level.
      else if (m[3] !== undefined) op.through = m[4] || /\bend\s+period\b/i.test(m[0]) ? '' : MARK_NAMES[m[3].toLowerCase()]!;
      else if (m[5] !== undefined) op.throughEnd = chainSteps(m, 5);
      else op.through = '';
    },
  ],
  [new RegExp(`^and\\s+all\\s+that\\s+precedes\\s+it\\s+through\\s+${Q}`, 'i'), (m, op, r) => void (op.from = quote(r, m[1]!))],
  [new RegExp(`^through\\s+${Q}`, 'i'), (m, op, r) => void (op.through = quote(r, m[1]!))],
  [/^respectively(?=[\s,;.]|$)/i, () => undefined],
  // Directions to the printer: "and adjusting the margins accordingly", "and moving the margin of each such
  // redesignated item 2 ems to the right", "(using identical font as used in the text being replaced)".
  [
    /^(?:and\s+)?(?:by\s+)?(?:adjusting|indenting|moving|conforming)\s+(?:the\s+)?(?:left\s+)?(?:[a-z]+(?:\s+of\s+(?:each\s+(?:such\s+)?)?[^,;\uE000]*?)?\s+)?(?:(?:\d+|two|four)\s+ems?\s+to\s+the\s+(?:left|right)(?:\s+accordingly)?|accordingly|appropriately)/i,
    () => undefined,
  ],
  [/^\((?:using|in)\s[^()]*\)/i, () => undefined],
];

/** Reads the phrases after what an action names, in any order, until none applies. */
export function readModifiers(r: Reading, op: Operation): void {
  const { cursor } = r;
  for (;;) {
    const rest = cursor.rest;
    cursor.eat(/^\s*,?\s*/);
    let read = false;
    for (const [pattern, apply] of MODIFIERS) {
      const at = cursor.rest;
      const m = cursor.eat(pattern);
      if (!m) continue;
      if (apply(m, op, r) === false) {
        cursor.rest = at;
        continue;
      }
      read = true;
      break;
    }
    if (!read) {
      cursor.rest = rest;
      return;
    }
  }
}

/** The text or place an insertion is placed relative to. */
export function readAnchor(r: Reading): Anchor | undefined {
  const { cursor } = r;
  let match: RegExpExecArray | null;
  if ((match = cursor.eat(new RegExp(`^${Q}`)))) return { text: quote(r, match[1]!) };
  if ((match = cursor.eat(new RegExp(`^the\\s+(?:(end)\\s+)?(period|semicolon|comma|colon)(\\s+at\\s+the\\s+end(?:\\s+thereof)?)?(?:\\s+of\\s+the\\s+${ORDINAL}\\s+sentence)?(?=[\\s,:]|$)`, 'i')))) {
    // "before the period at the end", "before the end period", "before the period at the end of the first sentence"
    const mark = markStep(match[2]!, Boolean(match[1] || match[3]));
    return { at: match[4] ? [{ type: 'sentence', ordinal: ordinalNumber(match[4])! }, mark] : [mark] };
  }
  // "after the item relating to subparagraph (D)(ii)" (a table of rates by subparagraph)
  if ((match = cursor.eat(/^the\s+item\s+relating\s+to\s+(subsection|paragraph|subparagraph|clause)\s+((?:\([A-Za-z0-9]{1,6}\))+)(?=[\s,]|$)/i))) {
    return { at: [{ type: 'tableItem', rung: match[1]!.toLowerCase(), designation: match[2]! }] };
  }
  // "after the item relating to Retirement Pay and Medical Benefits for Commissioned Officers, Public Health
  // Service the following:": an item of a list named by its words (an account, a fund), not quoted.
  if ((match = cursor.eat(/^the\s+item\s+relating\s+to\s+((?:the\s+)?[A-Z][^\uE000;:]*?)(?=\s+the\s+following\b)/))) {
    return { at: [{ type: 'provision', name: `the item relating to ${match[1]!}` }] };
  }
  if ((match = cursor.eat(/^the\s+items?\s+relating\s+to\s+(?:(section|chapter|subchapter|part)s?\s+)?([\w.–-]+?)(?=[\s,]|$)/i))) {
    return { at: [{ type: 'tableItem', rung: (match[1] ?? 'section').toLowerCase(), designation: match[2]! }] };
  }
    if ((match = cursor.eat(new RegExp(`^(?:the\\s+)?${ORDINAL}\\s+(sentence|paragraph)`, 'i')))) {
    return { at: [{ type: match[2]!.toLowerCase() as 'sentence' | 'paragraph', ordinal: ordinalNumber(match[1]!)! }] };
  }
  if ((match = cursor.eat(/^the\s+enumerator(?=[\s,]|$)/i))) return { at: [{ type: 'designation', heading: false }] };
  if ((match = cursor.eat(/^the\s+(?:final|last|first|second)\s+proviso\s+under\s+that\s+heading/i))) return { at: [{ type: 'provision', name: match[0] }] };
  if ((match = cursor.eat(/^(subchapter|chapter|part|subpart|subtitle|title|division)\s+([\w.–-]+?)(?=[\s,]|$)/i))) {
    return { at: [levelStep(match[1]!.toLowerCase() as LevelKind, match[2]!)] };
  }
  if ((match = cursor.eat(/^the\s+(enacting\s+clause|long\s+title|short\s+title|title\s+designation\s+and\s+heading)/i))) {
    // "after the enacting clause", "after the title designation and heading"
    return { at: [{ type: 'provision', name: `the ${match[1]!.toLowerCase()}` }] };
  }
  if ((match = cursor.eat(/^the\s+items?\s+(?:relating\s+to|for)\s+(section|chapter|subchapter|part|subpart|title|subtitle|division|paragraph|subparagraph|clause)\s+((?:\([A-Za-z0-9]{1,6}\))+|[\w.–-]+)(?=[\s,]|$)/i))) {
    return { at: [{ type: 'tableItem', rung: match[1]!.toLowerCase(), designation: match[2]! }] };
  }
  if ((match = cursor.eat(/^(?:the\s+)?(section|subsection|paragraph|subparagraph|clause)\s+heading/i))) {
    return { at: [{ type: 'heading', rung: match[1]!.toLowerCase() as LevelKind }] };
  }
  if ((match = cursor.eat(new RegExp(`^(?!section\\b)${LEVEL_CHAIN}`, 'i')))) return { at: chainSteps(match, 1) };
  if ((match = cursor.eat(new RegExp(`^${RUNG_WORD}\\s+(\\d[\\w.–-]*?)((?:\\([A-Za-z0-9]{1,6}\\))*)(?=[\\s,(]|$)`, 'i')))) {
    // "after section 205 (25 U.S.C. 4135)": the Code citation says where the Code has it. "after section 139(g)": a level of it.
    cursor.eat(/^\s*\(\d+\s+U\.S\.C\.\s+(?:[^()]|\([^()]*\))*\)/);
    const rung = match[1]!.toLowerCase() as LevelKind;
    return { at: [levelStep(rung, match[2]!), ...(match[3] ? levelSteps(rung === 'section' ? 'section' : rung, match[3]) : [])] };
  }
  return undefined;
}
