import type { Level } from '../types.js';
import { refuse, type Edit } from './edit.js';
import { editables, HeadingNode, locate, ownerOf, whole, type Editable, type Place, type Stretch } from './locate.js';
import { describeLocation } from './location.js';
import { describeMark, extraMark, nearest } from './nearest.js';
import type { Instruction, Path } from './types.js';

/**
 * Finding the words an instruction quotes: where they are in the place it names, how many times,
 * and which of those places it means. Quotation marks, apostrophes and no-break spaces are
 * compared as printed, not as typed; a heading printed in capitals is compared without case.
 */

/** One place a text was found: the node and the offsets in its value. */
export interface Match {
  node: Editable;
  start: number;
  end: number;
}

export const WORD = /[\p{L}\p{N}]/u;

/** Whether a heading is printed in capitals (`SEC. 204. STATE, LOCAL, AND TRIBAL GOVERNMENT INPUT.`). */
export function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/**
 * Text compared as printed, whatever the typing: curly and straight quotation marks and
 * apostrophes, and a no-break space, are the same character (one for one, so offsets hold).
 */
export function printed(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, ' ');
}

function scope(place: Place): Stretch[] {
  return place.stretch ? [place.stretch] : editables(place.level).map(whole);
}

/**
 * The places of `text` in a level: in its text; its headings count for "each place it appears"
 * (the Law Revision Counsel executes those in headings too), or when the words are in no text.
 * A heading is searched on its own when the instruction names it ("in the section heading").
 */
export function findIn(place: Place, text: string, occurrence: Instruction['occurrence'], headings = false): Match[] {
  const all = findAll(scope(place), text);
  if (place.stretch || occurrence === 'each' || headings) return all;
  const inText = all.filter((m) => !(m.node instanceof HeadingNode));
  return inText.length > 0 ? inText : all;
}

function findAll(stretches: Stretch[], typed: string): Match[] {
  if (typed === '') refuse('empty text to find');
  const text = printed(typed);
  const matches: Match[] = [];
  for (const { node, start: from0, end: limit } of stretches) {
    // A heading printed in capitals (a compilation's `SEC. 204. STATE, LOCAL, AND TRIBAL GOVERNMENT
    // INPUT.`) is the same words as the bill's “input”: its letter case is typography.
    const capitals = node instanceof HeadingNode && isCapitals(node.value);
    const value = capitals ? printed(node.value).toLowerCase() : printed(node.value);
    const sought = capitals ? text.toLowerCase() : text;
    let from = from0;
    for (;;) {
      const start = value.indexOf(sought, from);
      if (start < 0) break;
      const end = start + sought.length;
      if (end > limit) break;
      // Quoted words are words: “the” is not found inside “other”.
      const cut =
        (WORD.test(sought[0]!) && WORD.test(value[start - 1] ?? '')) ||
        (WORD.test(sought[sought.length - 1]!) && WORD.test(value[end] ?? '')) ||
        // “section 122” is not “section 122(j)(2)(C)”: a citation goes on with its designations.
        (/[\p{N})]$/u.test(sought) && /^\([0-9A-Za-z]{1,6}\)/.test(value.slice(end)));
      if (!cut) {
        matches.push({ node, start, end });
        from = end;
      } else {
        from = start + 1;
      }
    }
  }
  return matches.length > 0 || !/[\s()]/.test(text) ? matches : spacedMatches(stretches, text);
}

/**
 * The words found with other spacing: “203(a)(1) and (2)” in a text that prints “203(a) (1) and
 * (2)”, a line break for a space. Words and marks must be the same and in the same order.
 */
function spacedMatches(stretches: Stretch[], text: string): Match[] {
  const pattern = text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\)\\\(/g, '\\)\\s?\\('))
    .join('\\s+');
  const re = new RegExp(pattern, 'g');
  const matches: Match[] = [];
  for (const { node, start: from, end: limit } of stretches) {
    const value = printed(node.value);
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(value)) && m.index + m[0].length <= limit) {
      const end = m.index + m[0].length;
      const cut = (WORD.test(text[0]!) && WORD.test(value[m.index - 1] ?? '')) || (WORD.test(text[text.length - 1]!) && WORD.test(value[end] ?? ''));
      if (!cut) matches.push({ node, start: m.index, end });
    }
  }
  return matches;
}

/**
 * A place as a citation, for a reader: `54 U.S.C. 200305(b)(2)` (a Code section that says its
 * title), `§ 1050(g)`, then the parts of a text (`, matter preceding paragraph (1)`).
 */
export function citePlace(section: Level, location: Path): string {
  const title = /^\/us\/usc\/t(\w+)\//.exec(section.xmlId ?? '')?.[1];
  const number = section.num?.value;
  let cite = number ? (title ? `${title} U.S.C. ${number}` : `§ ${number}`) : 'the section';
  let i = 0;
  if (location[0]?.type === 'level' && location[0].rung === 'section') i = 1;
  for (; i < location.length; i++) {
    const step = location[i]!;
    if (step.type !== 'level' || step.nth) break;
    cite += `(${step.designation})`;
  }
  return [cite, ...describeLocation(location.slice(i))].join(', ');
}

/**
 * The places of the words an instruction quotes, as it means them: in the place it names (its
 * headings too for "in the text and heading"), not in the places it leaves out, exactly the one,
 * the nth, or each (as many as "both places" says). Words not there are refused with the place and
 * the nearest words that are; words the law prints with a doubled or stray mark that its footnote
 * flags "So in original" are found with the mark, and the instruction says so in its notes.
 */
export function findWords(edit: Edit, place: Place, instruction: Instruction, words: string): Match[] {
  const where = citePlace(edit.section, instruction.location);
  let found = findIn(place, words, instruction.occurrence, instruction.headings);
  if (instruction.except?.length) found = leaveOut(edit, place, found, instruction.except);
  if (found.length === 0) {
    const printed = soInOriginal(edit, place, words);
    if (printed) return [printed];
  }
  const chosen = select(found, words, instruction.occurrence, where, () => nearestWords(place, words, instruction.action === 'strikeInsert' ? instruction.insert : undefined));
  if (instruction.count !== undefined && chosen.length !== instruction.count) {
    refuse(`“${words}” appears ${chosen.length} time${chosen.length === 1 ? '' : 's'} in ${where}, not ${instruction.count} as the instruction says`);
  }
  return chosen;
}

/** Matches outside the levels an instruction leaves out ("(except in subsection (c)(11)(B))"). */
function leaveOut(edit: Edit, place: Place, matches: Match[], except: Path[]): Match[] {
  const excluded = except.map((path) => locate(place.level, path).level);
  const within = (level: Level, outer: Level): boolean => level === outer || outer.children.some((c) => c.type === 'level' && within(level, c));
  return matches.filter((m) => !excluded.some((outer) => within(ownerOf(edit.section, m.node), outer)));
}

/** The words nearest to those sought, in the place searched: `nearest: “…” (a doubled comma)`. */
function nearestWords(place: Place, words: string, replacement?: string): string {
  const stretches = scope(place);
  const texts = stretches.map((s) => printed(s.node.value).slice(s.start, s.end));
  const near = nearest(texts, printed(words));
  if (!near) return '';
  const there = stretches[near.text]!.node.value.slice(stretches[near.text]!.start + near.start, stretches[near.text]!.start + near.end);
  const extra = extraMark(printed(words), printed(there));
  // The words the instruction puts in are there already: the law given reads as amended.
  const done = replacement !== undefined && printed(there).trim() === printed(replacement).trim() ? ', the words the instruction inserts: the law given may already be amended' : '';
  return `; nearest: “${there}”${extra ? ` (${describeMark(extra)})` : ''}${done}`;
}

/**
 * The words as the law prints them with one mark more (“first, second,, and third”), when a
 * footnote on the section says "So in original" of that place: the Law Revision Counsel executes
 * such instructions, and so does billdiff, with a note.
 */
function soInOriginal(edit: Edit, place: Place, words: string): Match | undefined {
  const notes = (edit.section.footnotes ?? []).filter((f) => /^So in original\b/i.test(f.text));
  if (notes.length === 0) return undefined;
  const stretches = scope(place);
  const texts = stretches.map((s) => printed(s.node.value).slice(s.start, s.end));
  const near = nearest(texts, printed(words));
  if (!near || near.distance !== 1) return undefined;
  const stretch = stretches[near.text]!;
  const start = stretch.start + near.start;
  const end = stretch.start + near.end;
  const value = printed(stretch.node.value);
  const extra = extraMark(printed(words), value.slice(start, end));
  if (!extra) return undefined;
  // The footnote's marker follows the odd mark: the words before it end at or just after it.
  const flagged = notes.find((f) => {
    const tail = printed(f.after).replace(/\s+/g, ' ').trim().slice(-20);
    const at = tail ? value.replace(/\s+/g, ' ').indexOf(tail) : -1;
    return at >= 0 && at + tail.length >= start + extra.at && at + tail.length <= end + 2;
  });
  if (!flagged) return undefined;
  edit.note(`the law prints “${stretch.node.value.slice(start, end)}”, ${describeMark(extra)} its footnote marks “${flagged.text}”; the instruction quotes the words without it, and is applied to the words as printed`);
  return { node: stretch.node, start, end };
}

/** The matches an instruction means: exactly the one, the nth, or each. */
export function select(matches: Match[], text: string, occurrence: Instruction['occurrence'], where: string, near: () => string = () => ''): Match[] {
  if (matches.length === 0) refuse(`“${text}” not found in ${where}${near()}`);
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
