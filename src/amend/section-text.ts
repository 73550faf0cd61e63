import type { Content, Level, Root } from '../types.js';

/**
 * The plain text `parseInstructions` reads, from a bill's clause tree: one line per printed line,
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
export function sectionText(node: Level | Root): string {
  const lines: string[] = [];
  collect(node, lines);
  return lines.join('\n');
}

function collect(node: Level | Root | Content, lines: string[]): void {
  if (node.type === 'level') {
    const head = [node.num?.text, node.heading].filter((part) => part !== undefined && part !== '').join(' ');
    if (head !== '') lines.push(head);
    for (const child of node.children) collect(child, lines);
  } else if (node.type === 'root') {
    for (const child of node.children) collect(child, lines);
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
