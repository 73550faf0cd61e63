import { rankOf } from '../parse/designation.js';
import type { Content, Level, PairSide, Root } from '../types.js';

/**
 * What of a level is "its own line": the designation, the heading and the text that shares
 * the designation's line. Children (and text on later lines) are aligned on their own.
 */
export function inlineText(level: Level): Content | undefined {
  const first = level.children[0];
  if (!first || first.type === 'level' || first.type === 'action' || first.type === 'continuation') return undefined;
  // An enumerated level's first text is its own, even when printed on the line after "(d)"; so is
  // the first text of a headed section ("SEC. 3. Heading." then its text, however the XML is laid out).
  if (!first.position || !level.position || rankOf(level.kind) >= 10 || level.heading) return first;
  return first.position.start.line === level.position.start.line ? first : undefined;
}

/** A level whose first text is read as a line of its own, not as part of its heading line. */
export function detach(level: Level): Level {
  const first = level.children[0];
  if (!first || !inlineText(level) || first.type === 'level' || first.type === 'action') return level;
  return { ...level, children: [{ ...first, type: 'continuation' } as Content, ...level.children.slice(1)] };
}

/** The level's own line as printed: `(a) The welfare of …`, `SEC. 2. SHORT TITLE.`, `1050.` */
export function rowText(node: Content): string {
  if (node.type !== 'level') return node.value;
  const body = rowBody(node);
  if (!node.num) return body;
  return body ? `${node.num.text} ${body}` : node.num.text;
}

/**
 * `rowText`, taken from `source` (the text the level was read from, when the caller has it) where
 * the line reads there as printed: its designation, one space and its text, whole. The line is then
 * a slice of the source, not a string joined of its designation and its text, which writing it
 * (JSON.stringify, a regular expression) would copy whole into a flat string kept beside it: at
 * 5 MB, 5 MB more held while the JSON is written. Else (a heading, white space folded, an XML
 * source) `rowText`. Only the level's own start is read: its line is where its designation, a space
 * and its text stand there, whatever the text node's position (a reader may leave it out).
 */
export function rowTextIn(node: Content, source: string | undefined): string {
  if (source === undefined || node.type !== 'level' || !node.num || node.heading || !node.position) return rowText(node);
  const inline = inlineText(node);
  if (!inline || inline.type === 'level') return rowText(node);
  const num = node.num.text;
  const body = inline.value;
  const start = node.position.start.offset;
  const from = start + num.length + 1;
  const end = from + body.length;
  if (!body || source.charCodeAt(from - 1) !== 32 || !source.startsWith(num, start)) return rowText(node);
  // The text compared as a slice of the source (V8 compares two strings' characters in one pass; its
  // `startsWith` at a position reads them one by one: 1 MB pair, 9,700 lines, warm, ~3-10 → ~0.6 ms).
  return source.slice(from, end) === body ? source.slice(start, end) : rowText(node);
}

/** The level's own words without its designation: what must match for "redesignated". */
export function rowBody(node: Content): string {
  if (node.type !== 'level') return node.value;
  const inline = inlineText(node);
  return bodyOf(node.heading, inline && inline.type !== 'level' ? inline.value : '');
}

/** The levels under a node that are aligned as its children. */
export function childLevels(node: Content | Root): Content[] {
  if (node.type === 'root') return node.children;
  if (node.type !== 'level') return NONE;
  if (node.children.length <= 1) return inlineText(node) ? NONE : node.children;
  return inlineText(node) ? node.children.slice(1) : node.children;
}

/**
 * Where a level's sublevels start among its children (after its own first text, when that is
 * part of its line): `node.children` from here on are `childLevels(node)`, without copying them.
 */
export function firstChildLevel(node: Level): number {
  return inlineText(node) ? 1 : 0;
}

/** The level's own words without its designation, from its own first text (see `rowBody`). */
export function bodyOf(heading: string | undefined, text: string): string {
  if (!heading) return text;
  return text ? `${heading} ${text}` : heading;
}

const NONE: Content[] = [];

/** How many levels `childLevels` gives, without making the list. */
export function childLevelCount(node: Content): number {
  if (node.type !== 'level') return 0;
  const n = node.children.length;
  if (n <= 1) return n && !inlineText(node) ? 1 : 0;
  return inlineText(node) ? n - 1 : n;
}

/**
 * The node a pair's side stands for, when an alignment left the side as that node
 * (`alignTreesToWrite`), to be made a side as it is written; undefined for a side made (whose `text`
 * is its line).
 */
export function nodeLeftAsSide(side: PairSide): Content | undefined {
  return typeof side.text === 'string' ? undefined : (side as unknown as Content);
}

/** Whether `childLevels` gives any level (without looking at the first text's place when there are several children). */
export function hasSublevels(node: Content): boolean {
  if (node.type !== 'level') return false;
  const n = node.children.length;
  return n > 1 || (n === 1 && !inlineText(node));
}

/** Every word of a subtree, designations left out, for content keys and similarity. */
export function subtreeBody(node: Content, out: string[] = [], limit = Infinity): string[] {
  let budget = limit;
  const walk = (n: Content): void => {
    if (budget <= 0) return;
    const body = rowBody(n);
    if (body) {
      out.push(body);
      budget -= body.length;
    }
    if (n.type !== 'level') return;
    // `childLevels(n)`, read in place rather than sliced into a list of its own a level.
    const children = n.children;
    for (let i = firstChildLevel(n); i < children.length; i++) walk(children[i]!);
  };
  walk(node);
  return out;
}
