import { isEnumerated } from '../parse/ladder.js';
import type { Content, Level, Root } from '../types.js';

/**
 * A statute as clean text, the way the Code prints it: each section's number and heading on a
 * line (`§ 200304. Statement of estimated requirements`), then each clause on its own line with
 * its designation, heading and text (`(a) In general.—There shall be …`). A clause whose first
 * part is a clause prints both designations together: `(b)(1) The Inspector General …`.
 * Notes, source credits and footnote markers are not part of the tree and do not appear.
 */
export function renderStatuteText(root: Root | Level): string {
  const lines: string[] = [];
  const nodes = root.type === 'root' ? root.children : [root];
  for (const node of nodes) write(node, lines, '');
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function write(node: Content, lines: string[], lead: string): void {
  if (node.type !== 'level') {
    const text = (lead + node.value).trim();
    if (text !== '') lines.push(text);
    return;
  }
  const num = node.num?.text ?? '';
  const heading = node.heading?.trim() ?? '';
  if (isUnit(node)) {
    // Sections and the units above them: number and heading on a line of their own.
    const head = [lead.trim(), num, heading].filter((p) => p !== '').join(' ');
    if (head !== '') lines.push(head);
    for (const c of node.children) write(c, lines, '');
    return;
  }
  let head = `${lead}${num}`;
  if (heading !== '') head = `${head} ${heading}`;
  const [first, ...rest] = node.children;
  if (first === undefined) {
    if (head.trim() !== '') lines.push(head.trim());
    return;
  }
  const joiner = /—$/.test(head) ? '' : ' ';
  if (first.type === 'level' && heading === '') {
    // `(b)(1) …`: the first clause opens on the line of its parent's designation.
    write(first, lines, head);
  } else if (first.type === 'level') {
    lines.push(head.trim());
    write(first, lines, '');
  } else {
    write(first, lines, head.trim() === '' ? '' : `${head}${joiner}`);
  }
  for (const c of rest) write(c, lines, '');
}

function isUnit(level: Level): boolean {
  return !isEnumerated(level.kind);
}
