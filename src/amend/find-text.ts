import { refuse } from './edit.js';
import { editables, HeadingNode, whole, type Editable, type Place, type Stretch } from './locate.js';
import type { Instruction } from './types.js';

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
 * The places of `text` in a clause: in its text; its headings count for "each place it appears"
 * (the Law Revision Counsel executes those in headings too), or when the words are in no text.
 * A heading is searched on its own when the instruction names it ("in the section heading").
 */
export function findIn(place: Place, text: string, occurrence: Instruction['occurrence']): Match[] {
  const all = findAll(scope(place), text);
  if (place.stretch || occurrence === 'each') return all;
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

/** The matches an instruction means: exactly the one, the nth, or each. */
export function select(matches: Match[], text: string, occurrence: Instruction['occurrence'], where: string): Match[] {
  if (matches.length === 0) refuse(`“${text}” not found in ${where}`);
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
