import type { Content, LevelKind, Reference, Root } from '../types.js';
import { SECTION_RUNG_NAMES } from '../parse/ladder.js';

/**
 * Cross-references in legislative text, federal and California:
 *
 *     section 399BB of the Public Health Service Act (42 U.S.C. 280i-1)
 *     section 3(u) of the Food and Nutrition Act of 2008 (7 U.S.C. 2012(u))
 *     section 200304 of title 54, United States Code
 *     Section 7284.6 of the Government Code
 *     subdivision (b) of Section 368
 *     paragraph (4) of subdivision (d)
 *     (42 U.S.C. 280i-1)
 *
 * Each is reported with its place in the text and what it points at (section, subdivisions, the
 * act or code, the U.S. Code title and section), so views can link it and the aligner can tell a
 * reference that only follows a renumbering from a substantive change.
 */

const RUNG = String.raw`(?:${SECTION_RUNG_NAMES})s?`;
/** An act or code by its name: "Public Health Service Act", "Penal Code", "Food and Nutrition Act of 2008". */
const NAMED = String.raw`(?:[A-Z][\w.'’&-]*\s+(?:of\s+|and\s+|for\s+|on\s+|the\s+)?)*(?:Act|Code)(?:\s+of\s+\d{4})?`;
const DESIG = String.raw`\((?:[a-zA-Z]{1,4}|\d{1,4}(?:\.\d{1,3})?)\)`;
/** One designation of a list: "7282.5", "273ab", "(3)", "3(u)". */
const LISTED_ONE = String.raw`(?:\d+(?:\.\d+)*[a-z]{0,3}\b|${DESIG})(?:${DESIG})*`;
/** "subdivision (b) of Section 368", "paragraph (4) of subdivision (d)", "section 3(u)". */
const CHAIN = new RegExp(
  String.raw`\b(${RUNG})\s+((?:\d+[\w.\-]*|${DESIG})(?:${DESIG})*)` +
    // "Sections 7282 and 7282.5", "Section 7282.5 or 7284.6", "paragraphs (2), (3), and (4)", a range
    // "Sections 290 through 290.024, inclusive," or "Sections 11340 to 11361, inclusive" (by "to" only
    // where ", inclusive" follows: "Section 5 to 10 days" is no range)
    String.raw`((?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|through)\s+|\s+to\s+(?=${LISTED_ONE},\s*inclusive\b))${LISTED_ONE})*)(?:,\s*inclusive,?)?` +
    String.raw`((?:\s+of\s+(?:${RUNG})\s+(?:\d+[\w.\-]*|${DESIG})(?:${DESIG})*)*)` +
    String.raw`(?:\s+of\s+(?:the\s+)?(${NAMED}|title\s+\d+(?:,\s+|\s+of\s+the\s+)United\s+States\s+Code))?` +
    String.raw`(?:\s+\((\d+)\s+U\.S\.C\.\s+([\w.\-]+(?:\([\w.]+\))*)(?:\s+note)?\))?`,
  'gi',
);
/** "(42 U.S.C. 280i-1)" or "42 U.S.C. 280i-1" on its own. */
const USC = /\b(\d+)\s+U\.S\.C\.\s+([\w.\-]+(?:\([\w.]+\))*)/g;
/** The outer units of a chain: "of subdivision (d)", in `CHAIN`'s fourth group. */
const OUTER = new RegExp(String.raw`of\s+(${RUNG})\s+((?:\d+[\w.\-]*|${DESIG})(?:${DESIG})*)`, 'gi');
/**
 * The designations listed after the first: "and 7282.5", ", (3), and (4)", in `CHAIN`'s third group;
 * `[1]`, "through" or "to", where it ends a range ("through 290.024").
 */
const LISTED = new RegExp(String.raw`(?:\b(through|to)\s+)?${LISTED_ONE}`, 'g');
/** A title of the U.S. Code as a chain names it: "title 8, United States Code", "Title 8 of the United States Code". */
const USC_TITLE = /^title\s+(\d+)(?:,\s+|\s+of\s+the\s+)United\s+States\s+Code$/i;
/**
 * California's citations that name their code further on. A list that ends "… of," shares the code
 * named by the next "of, the … Code" in its sentence: "Section 664 of, or a conspiracy, as defined in
 * Section 182 of, the Penal Code"; "Sections 171b, … and 18755 of, and subdivisions (c) and (d) of
 * Section 26100 of, the Penal Code"; a title's "to amend Sections 1410 and 1471 of, and to amend and
 * renumber Section 5414.3 of, the Labor Code, to amend Sections 2207 … of, … the Public Resources Code".
 */
const OF_COMMA = /^\s+of,/;
const CODE_AFTER_OF_COMMA = new RegExp(String.raw`\bof,\s+(?:the\s+)?(${NAMED})`, 'g');
/** Where a sentence stops: a full stop or semicolon before a capital, an opening parenthesis, or the end. */
const SENTENCE_STOP = /[.;](?=\s+[A-Z(\u201c"]|\s*$)/g;
/** The kinds of a California code's levels above its sections, as a pattern ("Division|…"). */
export const UNIT_KIND = 'Division|Title|Part|Chapter|Article';
/** A level's or a section's number as California prints it: "17.25", "7284", "266a". */
export const LEVEL_NUMBER = String.raw`\d+(?:\.\d+)*[a-z]?`;
/** A level of a code by its kind and number: "Chapter 17.25". */
const UNIT_NAME = String.raw`(?:${UNIT_KIND})\s+${LEVEL_NUMBER}`;
/** A whole level cited by its first section, before the chain: "Chapter 17.25 (commencing with ". */
const UNIT_BEFORE = new RegExp(String.raw`\b(${UNIT_KIND})\s+(${LEVEL_NUMBER})\s+\(commencing\s+with\s+$`);
/**
 * …and after it, to its end: the other levels listed with it, the levels that hold them, their code
 * (`[1]`, where named) and the parenthesis of an Act named before it: ") of Part 1 of Division 3 of
 * Title 2 of the Government Code)", ") and Chapter 10 (commencing with Section 330) of Title 9 of Part 1
 * of the Penal Code".
 */
const UNIT_AFTER = new RegExp(
  String.raw`^\)(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)${UNIT_NAME}\s+\(commencing\s+with\s+Section\s+${LEVEL_NUMBER}\))*` +
    String.raw`(?:\s+of\s+${UNIT_NAME})*(?:\s+of\s+(?:the\s+)?(${NAMED}))?\)?`,
);
/** "(u)" in "3(u)(1)". */
const PARENTHESISED = /\(([^)]+)\)/g;

/**
 * Every match of the global `pattern` in `text`, as `text.matchAll(pattern)` gives them (none of
 * these patterns matches the empty string), without the copy of the pattern `matchAll` makes: a
 * RegExp made per citation was 37,000 made for 119 H.R. 1 and P.L. 119-21, 2.8% of their reading.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) out.push(m);
  return out;
}


/** The cross-references in one text, in order, with offsets into it. */
export function findReferences(text: string): Reference[] {
  const out: Reference[] = [];
  const covered: Array<[number, number]> = [];
  /** Each chain's citations, where it is, and the act or code it names (or one named after it). */
  const chains: Array<{ refs: Reference[]; start: number; end: number; target: string | undefined; own: boolean }> = [];
  CHAIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHAIN.exec(text))) {
    // "SECTION 1." in capitals is a designation, not a citation.
    if (m[1] === m[1]!.toUpperCase()) continue;
    const unit = m[1]!.toLowerCase().replace(/s$/, '');
    // "paragraph (4) of subdivision (d)": the outer units come after, innermost first.
    const outer = m[4] ? allMatches(OUTER, m[4]) : [];
    const prefix = outer.reverse().flatMap((o) => designations(o[2]!));
    const more = m[3] ? allMatches(LISTED, m[3]) : [];
    const listed = [m[2]!, ...more.map((x) => x[0].replace(/^(?:through|to)\s+/, ''))];
    const end = m.index + m[0].length;
    const whole = unit === 'section' && !m[5] && !m[6] ? UNIT_BEFORE.exec(text.slice(Math.max(0, m.index - 60), m.index)) : null;
    const wholeEnd = whole ? UNIT_AFTER.exec(text.slice(end)) : null;
    const target = m[5] ?? (whole ? wholeEnd?.[1] : m[6] ? undefined : codeAfterOfComma(text, end));
    const refs: Reference[] = [];
    for (const designation of listed) {
      const ref: Reference = { text: m[0], start: m.index, end, kind: unit as LevelKind, path: [...prefix, ...designations(designation)] };
      if (target) named(ref, target);
      if (whole) {
        ref.unit = `${whole[1]} ${whole[2]}`;
        ref.unitStart = m.index - whole[0].length;
        ref.unitEnd = end + (wholeEnd?.[0].length ?? 0);
      }
      if (m[6]) ref.usc = { title: m[6], section: m[7]! };
      refs.push(ref);
      out.push(ref);
    }
    // A range of sections, by its ends: the first keeps the last (`through`).
    for (let i = 1; i < refs.length; i++) {
      const [from, to] = [refs[i - 1]!, refs[i]!];
      if (more[i - 1]![1] && unit === 'section' && prefix.length === 0 && from.path.length === 1 && to.path.length === 1) from.through = to.path[0]!;
    }
    chains.push({ refs, start: m.index, end, target: m[5] ?? target, own: Boolean(m[5] || m[6] || whole) });
    covered.push([m.index, m.index + m[0].length]);
  }
  // "subdivision (c) of Section 1192.7 or subdivision (c) of Section 667.5 of the Penal Code": a
  // citation that names no code shares the one the next citation joined to it names.
  for (let i = chains.length - 2; i >= 0; i--) {
    const [chain, next] = [chains[i]!, chains[i + 1]!];
    if (chain.own || chain.target || !next.target || !JOINED.test(text.slice(chain.end, next.start))) continue;
    chain.target = next.target;
    for (const ref of chain.refs) named(ref, next.target);
  }
  USC.lastIndex = 0;
  while ((m = USC.exec(text))) {
    const at = m.index;
    if (covered.some(([a, b]) => at >= a && at < b)) continue;
    out.push({ text: m[0], start: at, end: at + m[0].length, kind: 'section', path: [m[2]!.split('(')[0]!], usc: { title: m[1]!, section: m[2]! } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What joins two citations of one list: "or", "and", a comma. */
const JOINED = /^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)$/;

/** Gives a citation the act, code or title of the U.S. Code `target` names. */
function named(ref: Reference, target: string): void {
  const title = USC_TITLE.exec(target);
  if (title) ref.usc = { title: title[1]!, section: ref.path[0] ?? '' };
  else ref.act = target.replace(/\s+/g, ' ');
}

/** The code a citation ending "… of," at `end` shares with the first "of, the … Code" after it in its sentence (`OF_COMMA`). */
function codeAfterOfComma(text: string, end: number): string | undefined {
  const rest = text.slice(end);
  if (!OF_COMMA.test(rest)) return undefined;
  SENTENCE_STOP.lastIndex = 0;
  const stop = SENTENCE_STOP.exec(rest);
  const sentence = stop ? rest.slice(0, stop.index) : rest;
  CODE_AFTER_OF_COMMA.lastIndex = 0;
  return CODE_AFTER_OF_COMMA.exec(sentence)?.[1];
}

/** "3(u)(1)" → ["3", "u", "1"]; "(b)" → ["b"]. */
function designations(value: string): string[] {
  const parts: string[] = [];
  const head = /^[^(]+/.exec(value);
  if (head) parts.push(head[0].replace(/[.,;:]+$/, ''));
  for (const d of allMatches(PARENTHESISED, value)) parts.push(d[1]!);
  return parts;
}

/** A rung word followed by a designation, or a U.S. Code citation: lines without one cite nothing. */
const MAY_CITE = /(?:ection|ivision|aragraph|lause|item)s?\s+[\d(]|U\.S\.C\./i;

/** Adds `refs` to every text node of a tree that cites something. */
export function markReferences(tree: Root): void {
  const visit = (nodes: Content[]) => {
    for (const node of nodes) {
      if (node.type === 'level') visit(node.children);
      else if (node.type === 'text' || node.type === 'chapeau' || node.type === 'continuation') {
        // Cheap test first: most lines cite nothing.
        if (!MAY_CITE.test(node.value)) continue;
        const refs = findReferences(node.value);
        if (refs.length) node.refs = refs;
      }
    }
  };
  visit(tree.children);
}
