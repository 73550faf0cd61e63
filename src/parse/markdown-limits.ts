import { BilldiffError } from '../util/errors.js';
import type { LineIndex } from '../util/position.js';

/**
 * What remark-parse would spend time or memory on out of all proportion to a text's length, found
 * by one linear scan before it runs: the parser is synchronous, so the comparison's budget can only
 * stop it between the pieces it resolves, and these inputs cost minutes in one piece. A bill has
 * none of them; past each limit the text is read as the characters it is, or refused.
 */

/** Most emphasis marks (`*`, `_`) in one paragraph read as emphasis. */
export const MAX_EMPHASIS_MARKS = 2000;

/** Most brackets (`[`, `![`) in one paragraph read as links and images. */
export const MAX_LABEL_MARKS = 2000;

/** Deepest nesting of brackets read as links and images (images nested in images cost their cube). */
export const MAX_LABEL_NESTING = 16;

/** Most link reference definitions (`[label]: destination`) in one text. */
export const MAX_DEFINITIONS = 1000;

/** Deepest nesting of block quotes and lists read. */
export const MAX_MARKDOWN_DEPTH = 100;

/**
 * Visits each character of the text but white space, with the offset of its paragraph (lines up to
 * a blank one), until `visit` returns an answer.
 */
function scanParagraphs<T>(text: string, visit: (c: number, i: number, paragraph: number) => T | undefined): T | undefined {
  let paragraph = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (blank) paragraph = i + 1;
      blank = true;
    } else if (c !== 32 && c !== 9 && c !== 13) {
      blank = false;
      const answer = visit(c, i, paragraph);
      if (answer !== undefined) return answer;
    }
  }
  return undefined;
}

/** The offset of the first paragraph with more emphasis marks than the limit, or -1. */
export function crowdedEmphasis(text: string): number {
  let count = 0;
  let current = 0;
  return (
    scanParagraphs(text, (c, _, paragraph) => {
      if (paragraph !== current) [count, current] = [0, paragraph];
      return (c === 42 || c === 95) && ++count > MAX_EMPHASIS_MARKS ? paragraph : undefined;
    }) ?? -1
  );
}

/** Where brackets first pass a limit, and which one. */
export interface CrowdedLabels {
  /** The offset of the bracket past the nesting limit, or of the paragraph past the count. */
  offset: number;
  reason: string;
}

/**
 * The first paragraph whose brackets pass a limit: nested deeper than `MAX_LABEL_NESTING`, or more
 * than `MAX_LABEL_MARKS` of them. A backslash escapes a bracket, as Markdown reads it.
 */
export function crowdedLabels(text: string): CrowdedLabels | undefined {
  let count = 0;
  let depth = 0;
  let current = 0;
  let escaped = -1;
  return scanParagraphs(text, (c, i, paragraph): CrowdedLabels | undefined => {
    if (paragraph !== current) [count, depth, current] = [0, 0, paragraph];
    if (i === escaped) return undefined;
    if (c === 92) escaped = i + 1;
    else if (c === 91) {
      if (++depth > MAX_LABEL_NESTING) return { offset: i, reason: `brackets ([ and ![) nested deeper than ${MAX_LABEL_NESTING}` };
      if (++count > MAX_LABEL_MARKS) return { offset: paragraph, reason: `more than ${MAX_LABEL_MARKS} brackets ([ and ![) in one paragraph` };
    } else if (c === 93 && depth > 0) depth--;
    return undefined;
  });
}

/** A line that opens a link reference definition (`[label]:`), inside block quotes or not. */
const DEFINITION = /^[ \t>]*\[(?:[^\]\\\n]|\\.){0,999}\]:/gm;

/** Refuses a text with more than `MAX_DEFINITIONS` link reference definitions, at the first past it. */
export function checkDefinitions(text: string, file: string, index: LineIndex): void {
  let count = 0;
  DEFINITION.lastIndex = 0;
  for (let match = DEFINITION.exec(text); match; match = DEFINITION.exec(text)) {
    if (++count > MAX_DEFINITIONS) {
      const at = match.index + match[0].indexOf('[');
      const point = index.point(at);
      throw new BilldiffError(`more than ${MAX_DEFINITIONS} link reference definitions ([label]: destination); a bill has none`, {
        file,
        place: { start: point, end: point },
      });
    }
  }
}

export function tooDeep(file: string, index: LineIndex, offset: number): never {
  const point = index.point(offset);
  throw new BilldiffError(`Markdown nested deeper than ${MAX_MARKDOWN_DEPTH} block quotes or lists`, { file, place: { start: point, end: point } });
}

/**
 * Block quotes and lists nested past the limit are refused before the parser spends its time on
 * them: a line opening with more than that many `>`, or indented past four columns a level.
 */
export function checkNesting(text: string, file: string, index: LineIndex): void {
  for (let line = 0; line < text.length; ) {
    let quotes = 0;
    let i = line;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 62) quotes++;
      else if (c !== 32 && c !== 9) break;
    }
    if (quotes > MAX_MARKDOWN_DEPTH || i - line > 4 * MAX_MARKDOWN_DEPTH) tooDeep(file, index, line);
    const next = text.indexOf('\n', i);
    line = next === -1 ? text.length : next + 1;
  }
}
