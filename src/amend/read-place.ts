import { ORDINAL_PATTERN, ordinalNumber } from '../parse/ladder.js';
import type { LevelKind } from '../types.js';
import { DESIGNATIONS, eachOf, phrasePaths, RUNG_WORD, levelStep, LEVEL_PHRASE, levelSteps, type ReadStep } from './location.js';
import { matterSteps } from './read-modifiers.js';
import { uscTarget } from './read-law.js';
import { styleOf } from './read-target.js';
import type { InstructionTarget, LocationStep } from './types.js';


/**
 * Places named in an instruction's own words: the scope it opens with ("in subsection (b), in the
 * matter preceding paragraph (1),"), the place after the words struck ("… in the heading"), the
 * occurrence ("each place it appears") and the anchor of an insertion ("after paragraph (2)").
 */

const ORDINAL = `(${ORDINAL_PATTERN})`;
const PLURAL_LIST = '((?:\\([A-Za-z0-9]{1,6}\\))+(?:\\s*,\\s*(?:and\\s+)?(?:\\([A-Za-z0-9]{1,6}\\))+|\\s+and\\s+(?:\\([A-Za-z0-9]{1,6}\\))+)+)';

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
    /^in\s+(?:the\s+)?(?:matter|language|text)\s+(preceding|following|before|after)\s+((?:sub)?(?:section|paragraph|clause|item))\s+((?:\([A-Za-z0-9]+\))+|\d[\w.-]*)/i,
    (m, scope) => void scope.location.push(...matterSteps(m[1]!, m[2]!, m[3]!)),
  ],
  // "in the first sentence of subparagraph (B)"
  [
    new RegExp(`^in\\s+the\\s+${ORDINAL}\\s+sentence\\s+of\\s+(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS}((?:\\s+of\\s+${RUNG_WORD}\\s+${DESIGNATIONS})*)`, 'i'),
    (m, scope) => {
      const chain = [[m[2]!, m[3]!], ...[...m[4]!.matchAll(new RegExp(`of\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'gi'))].map((x) => [x[1]!, x[2]!])];
      for (const [kind, designations] of chain.reverse()) scope.location.push(...levelSteps(kind!.toLowerCase(), designations!, styleOf(scope.target)));
      scope.location.push({ type: 'sentence', ordinal: ordinalNumber(m[1]!)! });
    },
  ],
  // "in the second sentence", "in the first sentence of the matter preceding paragraph (1)"
  [
    new RegExp(`^in\\s+the\\s+${ORDINAL}\\s+(sentence|paragraph)(?:\\s+of\\s+the\\s+matter\\s+(preceding|following)\\s+${RUNG_WORD}\\s+${DESIGNATIONS})?`, 'i'),
    (m, scope) => {
      if (m[3]) scope.location.push(...matterSteps(m[3], m[4]!, m[5]!));
      scope.location.push({ type: m[2]!.toLowerCase() as 'sentence' | 'paragraph', ordinal: ordinalNumber(m[1]!)! });
    },
  ],
  // "(relating to the District of Kansas) following paragraph (12)", after "in the second sentence": where the sentence is.
  [/^\(relating\s+to\s+(?:[^()]|\([^()]*\))*\)/i, () => undefined],
  [
    new RegExp(`^following\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'i'),
    (m, scope) => {
      const last = scope.location[scope.location.length - 1];
      if (last?.type !== 'sentence') return 'the words "following" a unit name no text';
      scope.location.splice(scope.location.length - 1, 0, ...matterSteps('following', m[1]!, m[2]!));
    },
  ],
  // "in the part heading for part B of title IV": the heading of a structural level.
  [
    /^in\s+the\s+(part|subpart|subtitle|title|chapter|subchapter|division)\s+heading\s+(?:for|of)\s+((?:(?:sub)?(?:part|title|chapter)|subtitle|division)\s+[\w.–-]+(?:\s+of\s+(?:(?:sub)?(?:part|title|chapter)|subtitle|division)\s+[\w.–-]+)*)/i,
    (m, scope) => void scope.location.push({ type: 'provision', name: m[2]! }, { type: 'heading', rung: m[1]!.toLowerCase() as LevelKind }),
  ],
  // "in the first subsection (c)": one of two levels with one designation.
  [
    new RegExp(`^in\\s+the\\s+${ORDINAL}\\s+(subsection|paragraph|subparagraph|clause)\\s+\\(([A-Za-z0-9]{1,6})\\)(?:\\s+\\(relating\\s+to\\s+[^()]*\\))?(?=[\\s,]|$)`, 'i'),
    (m, scope) => void scope.location.push({ ...levelStep(m[2]!.toLowerCase() as LevelKind, m[3]!), nth: ordinalNumber(m[1]!)! }),
  ],
  // "in the first section" (of an Act or resolution numbered so), "in subheading 6402.91.42" (a tariff schedule)
  [/^in\s+the\s+first\s+section(?=[\s,]|$)/i, (_, scope) => void scope.location.push(levelStep('section', '1'))],
  [/^in\s+(?:the\s+)?(?:sub)?heading\s+\d{4}(?:\.\d{2}){0,3}/i, (m, scope) => void scope.location.push({ type: 'provision', name: m[0].replace(/^in\s+(?:the\s+)?/i, '') })],
  // "in the heading of subsection (c)"
  [
    new RegExp(`^in\\s+the\\s+heading\\s+of\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'i'),
    (m, scope) => void scope.location.push(...levelSteps(m[1]!.toLowerCase(), m[2]!, styleOf(scope.target)), { type: 'heading' }),
  ],
  // "in the section heading", "in the heading", "in the table of contents", "in the table of sections for chapter 5"
  [
    /^in\s+the\s+(?:(?:(section|subsection|paragraph|subparagraph|clause|subclause|item)\s+)?(?:heading|header)|(table of contents|table of sections(?:\s+for\s+(?:chapter|subchapter|part)\s+[\w.-]+)?|table)(?:\s+of\s+(?:that|such|the)\s+Act)?)(?:\s+thereof)?(?=[\s,;.—]|$)/i,
    (m, scope) => {
      if (m[2]) scope.location.push({ type: 'table', of: m[2].toLowerCase() });
      else scope.location.push(m[1] ? { type: 'heading', rung: m[1].toLowerCase() as LevelKind } : { type: 'heading' });
    },
  ],
  // "in the flush text following clause (ii)", "in the flush left matter at the end", "in the undesignated matter following paragraph (2)"
  [
    new RegExp(`^in\\s+the\\s+(?:flush|undesignated)\\s+(?:left\\s+)?(?:text|matter|language|sentence)\\s+(?:(?:following|after)\\s+${RUNG_WORD}\\s+${DESIGNATIONS}|at\\s+the\\s+end(?:\\s+thereof)?)`, 'i'),
    (m, scope) => void scope.location.push(...(m[1] ? matterSteps('following', m[1], m[2]!) : [{ type: 'flush' } as LocationStep])),
  ],
  // Provisions of an appropriations Act: "under the heading “Loan Guarantees to Israel”", "in proviso eighteen",
  // "in the second proviso", "in the matter preceding the first proviso".
  [/^(?:under|in)\s+the\s+heading\s+\uE000\d+\uE001/i, (m, scope) => void scope.location.push({ type: 'provision', name: m[0].replace(/^in\s+/i, '') })],
  [
    new RegExp(`^in\\s+(?:the\\s+)?((?:matter\\s+(?:preceding|following)\\s+the\\s+)?(?:${ORDINAL_PATTERN}\\s+proviso|proviso\\s+[a-z-]+))`, 'i'),
    (m, scope) => void scope.location.push({ type: 'provision', name: m[1]! }),
  ],
  // "in the item relating to section 5"
  [/^in\s+(?:the\s+)?item\s+relating\s+to\s+section\s+([\w.–-]+?)(?=[\s,]|$)/i, (m, scope) => void scope.location.push({ type: 'tableItem', rung: 'section', designation: m[1]! })],
  // "in subsections (e), (g)(5), and (i)(5)", "in paragraphs (1) and (2) of subsection (a)": the same instruction in each of them.
  [
    new RegExp(`^in\\s+(?:each\\s+of\\s+)?(subsections|paragraphs|subparagraphs|clauses|subclauses|items)\\s+${PLURAL_LIST}((?:\\s+of\\s+(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS})*)(?=[\\s,]|$)`, 'i'),
    (m, scope) => {
      const above = [...m[3]!.matchAll(new RegExp(`of\\s+${RUNG_WORD}\\s+${DESIGNATIONS}`, 'gi'))].reverse().flatMap((x) => levelSteps(x[1]!.toLowerCase(), x[2]!, styleOf(scope.target)));
      scope.location.push(...above, eachOf(m[1]!, m[2]!, styleOf(scope.target)));
    },
  ],
  // "in subparagraph (A), clauses (i)(III) and (ii) of subparagraph (B), and subparagraph (E)(i)": the same in each.
  [
    new RegExp(`^in\\s+(${LEVEL_PHRASE}(?:\\s*,\\s*(?:and\\s+)?${LEVEL_PHRASE})+)(?=\\s*,)`, 'i'),
    (m, scope) => {
      const paths = [...m[1]!.matchAll(new RegExp(LEVEL_PHRASE, 'gi'))].flatMap((phrase) => phrasePaths(phrase[0], styleOf(scope.target)));
      scope.location.push({ type: 'each', paths });
    },
  ],
  // "in sections 409(a), 508(a), and 812(a)", "in sections 208, 310, and 607": each section of the law in scope.
  [
    /^in\s+sections\s+(\d[\w.–-]*?(?:\([A-Za-z0-9]{1,6}\))*(?:\s*,\s*(?:and\s+)?\d[\w.–-]*?(?:\([A-Za-z0-9]{1,6}\))*|\s+and\s+\d[\w.–-]*?(?:\([A-Za-z0-9]{1,6}\))*)+)(?=[\s,]|$)/i,
    (m, scope) => {
      if (!scope.target.act && !scope.target.code && !scope.target.title) return `sections ${m[1]} named without a law`;
      const each = [...m[1]!.matchAll(/(\d[\w.–-]*?)((?:\([A-Za-z0-9]{1,6}\))*)(?=\s*,|\s+and\b|$)/g)].map((x) => [levelStep('section', x[1]!), ...(x[2] ? levelSteps('section', x[2], styleOf(scope.target)) : [])]);
      scope.location.push({ type: 'each', paths: each });
    },
  ],
  // "in section 103(c) (2 U.S.C. 1511(c))": the Act's section and where the Code has it.
  [
    /^in\s+section\s+(\d[\w.–-]*?)((?:\([A-Za-z0-9]{1,6}\))*)(?:\s+\((?:[^()]*?;\s*)?(\d+[A-Z]?)\s+U\.S\.C\.\s+(\d[\w.–-]*?)(?:\([A-Za-z0-9]{1,6}\))*(\s+note)?\))?(?=[\s,—]|$)/i,
    (m, scope) => {
      const section = m[1]!;
      const t = scope.target;
      if (t.act && m[3] && !m[5]) scope.target = { ...t, section, usc: { title: m[3], section: m[4]! } };
      else if (t.act || t.code) scope.target = { ...t, section };
      else if (t.title) scope.target = uscTarget(t, section);
      else return `section ${section} named without a law`;
      if (m[2]) scope.location.push(...levelSteps('section', m[2], styleOf(scope.target)));
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
      for (const [kind, designations] of chain.reverse()) scope.location.push(...levelSteps(kind!.toLowerCase(), designations!, styleOf(scope.target)));
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
    // "as so redesignated", "as amended by subsection (a)", "(as added by …)": where the level is, not what to do.
    rest = rest
      .replace(/^\s*\(as\s+(?:so\s+)?(?:amended|added|redesignated|designated|inserted)(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)/i, '')
      .replace(/^\s*,?\s*as\s+(?:so\s+|previously\s+|most\s+recently\s+)?(?:amended|added|redesignated|designated|inserted)(?:\s+by\s+(?:[^,()\uE000]|\([A-Za-z0-9]{1,6}\))*?)?(?=,|\s+by\b|$)/i, '');
    rest = rest.replace(/^\s*,?\s*(?:and\s+)?/, '');
  }
  return { target: scope.target, location: scope.location, rest: rest.trim() };
}
