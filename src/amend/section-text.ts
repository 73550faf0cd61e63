import type { Content, Level, Root } from '../types.js';

/**
 * The plain text `parseInstructions` reads, from a bill's level tree: one line per printed line,
 * a level's designation and heading first (`(b) Allocation of Funds.—`), then its text and its
 * child levels in order. Quoted law read from federal XML is already a run of `text` lines
 * (`“(a) In general.—There”`) under the level that quotes it.
 *
 * Example (Pub. L. 116-9, § 3001(b), read by `parseDocument`):
 *
 *     (b) Allocation of Funds.—
 *     Section 200304 of title 54, United States Code, is amended—
 *     (1) by striking the second sentence;
 *     (2) by striking “There” and inserting the following:
 *     “(a) In general.—There”
 *     ; and
 *     …
 */
export function sectionText(node: Level | Root, options: SectionTextOptions = {}): string {
  const lines: string[] = [];
  collect(node, lines, options.depths ? 0 : undefined);
  return lines.join('\n');
}

/** Options for `sectionText`. */
export interface SectionTextOptions {
  /**
   * Mark each designation below the top (`(b)`, `(1)`) with its depth in the tree, so that the
   * instruction reader nests the items as the bill does (`depthHint`): `(I)` after `(H)(ii)` is
   * then (H)'s sibling, as the XML says, not a subclause of (ii).
   */
  depths?: boolean;
}

/** Private-use characters around an item's depth in the tree: `\uE002` depth `\uE003` before its designation. */
export const DEPTH_HINT = /\uE002(\d+)\uE003/g;

function collect(node: Level | Root | Content, lines: string[], depth: number | undefined): void {
  if (node.type === 'level') {
    const head = [node.num?.text, node.heading].filter((part) => part !== undefined && part !== '').join(' ');
    const hint = depth !== undefined && depth > 0 && node.num?.text.startsWith('(') ? `\uE002${depth}\uE003` : '';
    if (head !== '') lines.push(hint + head);
    for (const child of node.children) collect(child, lines, depth === undefined ? undefined : depth + 1);
  } else if (node.type === 'root') {
    for (const child of node.children) collect(child, lines, depth);
  } else if (node.value.trim() !== '') {
    lines.push(node.value);
  }
}

/** Finds a level by its id (`s3001/b`) anywhere in a tree. */
export function findLevel(node: Level | Root | Content, id: string): Level | undefined {
  if (node.type === 'level' && node.id === id) return node;
  if (node.type !== 'level' && node.type !== 'root') return undefined;
  for (const child of node.children) {
    const found = findLevel(child, id);
    if (found) return found;
  }
  return undefined;
}
