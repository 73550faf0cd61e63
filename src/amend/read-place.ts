import { ORDINAL_PATTERN, ordinalNumber } from '../parse/ladder.js';
import type { LevelKind } from '../types.js';
import { DESIGNATIONS, eachOf, MARK_NAMES, RUNG_WORD, unit, unitSteps, type ReadStep } from './location.js';
import type { Quotation } from './quotes.js';
import { styleOf, uscTarget } from './read-target.js';
import type { Anchor, InstructionTarget, LocationStep } from './types.js';
import { Q, type Cursor } from './words.js';

/**
 * Places named in an instruction's own words: the scope it opens with ("in subsection (b), in the
 * matter preceding paragraph (1),"), the place after the words struck ("… in the heading"), the
 * occurrence ("each place it appears") and the anchor of an insertion ("after paragraph (2)").
 */

const ORDINAL = `(${ORDINAL_PATTERN})`;
const PLURAL_LIST = '((?:\\([A-Za-z0-9]{1,6}\\))+(?:\\s*,\\s*(?:and\\s+)?(?:\\([A-Za-z0-9]{1,6}\\))+|\\s+and\\s+(?:\\([A-Za-z0-9]{1,6}\\))+)+)';

/**
 * "the matter preceding paragraph (1)": a matter step, after the units above it when the
 * designations run together ("the matter preceding subparagraph (A)(i)" is before clause (i) of (A)).
 */
function matter(side: string, rung: string, designations: string): LocationStep[] {
  const steps = designations.startsWith('(') ? unitSteps(rung.toLowerCase(), designations) : [unit(rung.toLowerCase() as LevelKind, designations)];
  const last = steps.pop() as Extract<LocationStep, { type: 'unit' }>;
  return [...steps, { type: 'matter', side: side.toLowerCase() === 'following' ? 'following' : 'preceding', rung: last.rung, designation: last.designation }];
}

/** What the leading scope phrases have read so far. */
interface Scope {
  target: InstructionTarget;
  location: ReadStep[];
}

/** One leading phrase: its pattern and what it adds to the scope (or an error). */
type LeadingReader = [RegExp, (m: RegExpExecArray, scope: Scope) => string | void];

/** Names a section of the law in scope ("in section 103(c)"), or says why it cannot. */
function inSection(scope: Scope, section: string): string | void {
  const t = scope.target;
  if (t.act || t.code) scope.target = { ...t, section };
  else if (t.title) scope.target = uscTarget(t, section);
  else if (t.usc) scope.target = { ...t, usc: { ...t.usc, section } };
  else return `section ${section} named without a law`;
}

const LEADING: LeadingReader[] = [
  // "in the matter preceding paragraph (1)", "in the matter following subparagraph (B)"
  [
    /^in\s+the\s+matter\s+(preceding|following)\s+((?:sub)?(?:section|paragraph|clause|item))\s+((?:\([A-Za-z0-9]+\))+|\d[\w.-]*)/i,
    (m, scope) => void scope.location.push(...matter(m[1]!, m[2]!, m[3]!)),
  ],
  // "in the second sentence", "in the first sentence of the matter preceding paragraph (1)"
  [
    new RegExp(`^in\\s+the\\s+${ORDINAL}\\s+(sentence|paragraph)(?:\\s+of\\s+the\\s+matter\\s+(preceding|following)\\s+${RUNG_WORD}\\s+${DESIGNATIONS})?`, 'i'),
    (m, scope) => {
      if (m[3]) scope.location.push(...matter(m[3], m[4]!, m[5]!));
      scope.location.push({ type: m[2]!.toLowerCase() as 'sentence' | 'paragraph', ordinal: ordinalNumber(m[1]!)! });
    },
  ],
  // "in the heading of subsection (c)"
  [
    new RegExp(`^in\\s+the\\s+heading\\s+of\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'i'),
    (m, scope) => void scope.location.push(...unitSteps(m[1]!.toLowerCase(), m[2]!, styleOf(scope.target)), { type: 'heading' }),
  ],
  // "in the section heading", "in the heading", "in the table of contents", "in the table of sections for chapter 5"
  [
    /^in\s+the\s+(?:(section|subsection|paragraph|subparagraph|clause|subclause|item)\s+heading|heading|(table of contents|table of sections(?:\s+for\s+(?:chapter|subchapter|part)\s+[\w.-]+)?))/i,
    (m, scope) => {
      if (m[2]) scope.location.push({ type: 'table', of: m[2].toLowerCase() });
      else scope.location.push(m[1] ? { type: 'heading', rung: m[1].toLowerCase() as LevelKind } : { type: 'heading' });
    },
  ],
  // "in the item relating to section 5"
  [/^in\s+(?:the\s+)?item\s+relating\s+to\s+section\s+([\w.–-]+?)(?=[\s,]|$)/i, (m, scope) => void scope.location.push({ type: 'tableItem', rung: 'section', designation: m[1]! })],
  // "in subsections (e), (g)(5), and (i)(5)": the same instruction in each of them.
  [
    new RegExp(`^in\\s+(?:each\\s+of\\s+)?(subsections|paragraphs|subparagraphs|clauses|subclauses|items)\\s+${PLURAL_LIST}(?=[\\s,]|$)`, 'i'),
    (m, scope) => void scope.location.push(eachOf(m[1]!, m[2]!, styleOf(scope.target))),
  ],
  // "in section 103(c) (2 U.S.C. 1511(c))": the Act's section and where the Code has it.
  [
    /^in\s+section\s+(\d[\w.–-]*?)((?:\([A-Za-z0-9]{1,6}\))*)(?:\s+\((\d+[A-Z]?)\s+U\.S\.C\.\s+(\d[\w.–-]*?)(?:\([A-Za-z0-9]{1,6}\))*\))?(?=[\s,—]|$)/i,
    (m, scope) => {
      const section = m[1]!;
      const t = scope.target;
      if (t.act && m[3]) scope.target = { ...t, section, usc: { title: m[3], section: m[4]! } };
      else if (t.act || t.code) scope.target = { ...t, section };
      else if (t.title) scope.target = uscTarget(t, section);
      else return `section ${section} named without a law`;
      if (m[2]) scope.location.push(...unitSteps('section', m[2], styleOf(scope.target)));
    },
  ],
  // "in subsection (c)", "in subparagraph (A) of paragraph (11)", "in subsection (c) of section 212"
  [
    new RegExp(`^in\\s+(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS}((?:\\s+of\\s+(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS})*)(?:\\s+of\\s+section\\s+(\\d[\\w.–-]*?)(?=[\\s,]|$))?`, 'i'),
    (m, scope) => {
      if (m[6]) {
        const error = inSection(scope, m[6]);
        if (error) return error;
      }
      const chain = [[m[1]!, m[2]!], ...[...m[3]!.matchAll(new RegExp(`of\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'gi'))].map((x) => [x[1]!, x[2]!])];
      for (const [kind, designations] of chain.reverse()) scope.location.push(...unitSteps(kind!.toLowerCase(), designations!, styleOf(scope.target)));
    },
  ],
];

/**
 * Reads the locations at the start of an item ("in subsection (b), in the matter preceding
 * paragraph (1),") and returns what follows.
 */
export function readLocations(text: string, outer: InstructionTarget): { target: InstructionTarget; location: ReadStep[]; rest: string } | { error: string } {
  let rest = text;
  const scope: Scope = { target: outer, location: [] };
  for (;;) {
    let read = false;
    for (const [pattern, apply] of LEADING) {
      const m = pattern.exec(rest);
      if (!m) continue;
      const error = apply(m, scope);
      if (error) return { error };
      rest = rest.slice(m[0].length);
      read = true;
      break;
    }
    if (!read) break;
    // "as so redesignated", "as amended by subsection (a)", "(as added by …)": where the unit is, not what to do.
    rest = rest
      .replace(/^\s*\(as\s+(?:so\s+)?(?:amended|added|redesignated|designated)(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)/i, '')
      .replace(/^\s*,?\s*as\s+(?:so\s+)?(?:amended|added|redesignated|designated)(?:\s+by\s+(?:[^,()]|\([A-Za-z0-9]{1,6}\))*?)?(?=,|\s+by\b|$)/i, '');
    rest = rest.replace(/^\s*,?\s*(?:and\s+)?/, '');
  }
  return { target: scope.target, location: scope.location, rest: rest.trim() };
}

/**
 * A place named after the words struck: "by striking “X” in the heading", "… in the matter
 * preceding subparagraph (A)", "… in clause (i)".
 */
export function readTrailingLocation(cursor: Cursor): LocationStep[] {
  let match: RegExpExecArray | null;
  if (cursor.eat(/^\s*in\s+the\s+heading(?=[\s,;.]|$)/i)) return [{ type: 'heading' }];
  if ((match = cursor.eat(new RegExp(`^\\s*in\\s+the\\s+matter\\s+(preceding|following)\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'i')))) {
    return matter(match[1]!, match[2]!, match[3]!);
  }
  if ((match = cursor.eat(new RegExp(`^\\s*in\\s+(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS}(?=[\\s,;.]|$)`, 'i')))) {
    return unitSteps(match[1]!.toLowerCase(), match[2]!);
  }
  return [];
}

/** "each place it appears", "the second place it appears" (any order relative to the rest). */
export function readOccurrence(cursor: Cursor): 'each' | number | undefined {
  let match: RegExpExecArray | null;
  if (cursor.eat(/^\s*(?:in\s+)?each\s+place\s+(?:it|such\s+\w+|that\s+\w+)\s+(?:appears|occurs)(?:\s+in\s+such\s+\w+)?/i)) return 'each';
  // "… and inserting “the Secretary” in each such place": the places already counted.
  if (cursor.eat(/^\s*(?:in\s+)?each\s+such\s+place/i)) return undefined;
  if ((match = cursor.eat(new RegExp(`^\\s*the\\s+${ORDINAL}\\s+place\\s+(?:it|such\\s+\\w+)\\s+(?:appears|occurs)`, 'i')))) return ordinalNumber(match[1]!);
  return undefined;
}

/** A mark named in words, at the end or not: `{type: 'mark', mark: '.', atEnd: true}`. */
export function markStep(word: string, atEnd: boolean): LocationStep {
  return { type: 'mark', mark: MARK_NAMES[word.toLowerCase()]!, atEnd };
}

/** The text or place an insertion is placed relative to. */
export function readAnchor(cursor: Cursor, quotations: Quotation[]): Anchor | undefined {
  let match: RegExpExecArray | null;
  if ((match = cursor.eat(new RegExp(`^${Q}`)))) return { text: quotations[Number(match[1])]!.content };
  if ((match = cursor.eat(/^the\s+(period|semicolon|comma|colon)(\s+at\s+the\s+end(?:\s+thereof)?)?(?=\s|$)/i))) return { at: [markStep(match[1]!, Boolean(match[2]))] };
  if ((match = cursor.eat(/^the\s+item\s+relating\s+to\s+(section|chapter|subchapter|part)\s+([\w.–-]+?)(?=\s|$)/i))) {
    return { at: [{ type: 'tableItem', rung: match[1]!.toLowerCase(), designation: match[2]! }] };
  }
  if ((match = cursor.eat(new RegExp(`^(?:the\\s+)?${ORDINAL}\\s+(sentence|paragraph)`, 'i')))) {
    return { at: [{ type: match[2]!.toLowerCase() as 'sentence' | 'paragraph', ordinal: ordinalNumber(match[1]!)! }] };
  }
  if ((match = cursor.eat(new RegExp(`^${RUNG_WORD}\\s+(${DESIGNATIONS.slice(1, -1)}|\\d[\\w.-]*)`, 'i')))) {
    const rung = match[1]!.toLowerCase();
    const at = rung === 'section' || !match[2]!.startsWith('(') ? [unit(rung as LevelKind, match[2]!)] : unitSteps(rung, match[2]!);
    // "after section 205 (25 U.S.C. 4135)": where the Code has it.
    cursor.eat(/^\s*\(\d+\s+U\.S\.C\.\s+(?:[^()]|\([^()]*\))*\)/);
    return { at };
  }
  return undefined;
}
