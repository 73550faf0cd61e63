import { isEnumerated } from '../parse/ladder.js';
import type { Content, Level, Root } from '../types.js';

/**
 * A statute as clean text, the way the Code prints it: each section's number and heading on a
 * line (`§ 200304. Statement of estimated requirements`), then each level on its own line with
 * its designation, heading and text (`(a) In general.—There shall be …`). A level whose first
 * part is a level prints both designations together: `(b)(1) The Inspector General …`.
 * Notes, source credits and footnote markers are not part of the tree and do not appear. The
 * server's "law as amended" view shows the same lines (`statuteLines`).
 */
export function renderStatuteText(root: Root | Level): string {
  const lines = statuteLines(root);
  return lines.length ? `${lines.map((l) => l.text).join('\n')}\n` : '';
}

/** One line of a statute's clean text. */
export interface StatuteLine {
  /** A heading line (a section or a level above it), or a line of a level or text in one. */
  heading: boolean;
  /** Indentation step of a level line, 0–5 (a CSS class). */
  depth: number;
  text: string;
  /** Element id `law-<level id>` for the line that opens a level. */
  anchor?: string;
}

/** The lines of a statute's clean text, in reading order, each marked as a heading or a level with its depth. */
export function statuteLines(root: Root | Level): StatuteLine[] {
  const lines: StatuteLine[] = [];
  const used = new Set<string>();
  const push = (line: StatuteLine, id?: string) => {
    if (id && !used.has(id)) {
      used.add(id);
      line.anchor = `law-${id}`;
    }
    lines.push(line);
  };
  // `depth` is the node's own depth; `at` the depth of the line it opens (its parent's, for the
  // first level of a level that opens on its parent's line).
  const write = (node: Content, lead: string, depth: number, opens?: string, at: number = depth): void => {
    if (node.type !== 'level') {
      const text = (lead + node.value).trim();
      if (text !== '') push({ heading: false, depth: Math.min(at, 5), text }, opens);
      return;
    }
    const num = node.num?.text ?? '';
    const heading = node.heading?.trim() ?? '';
    if (!isEnumerated(node.kind)) {
      const head = [lead.trim(), num, heading].filter((p) => p !== '').join(' ');
      if (head !== '') push({ heading: true, depth: 0, text: head }, node.id);
      for (const c of node.children) write(c, '', 0);
      return;
    }
    const own = opens ?? node.id;
    let head = `${lead}${num}`;
    if (heading !== '') head = `${head} ${heading}`;
    const [first, ...rest] = node.children;
    if (first === undefined) {
      if (head.trim() !== '') push({ heading: false, depth: Math.min(at, 5), text: head.trim() }, own);
      return;
    }
    const joiner = /—$/.test(head) ? '' : ' ';
    if (first.type === 'level' && heading === '') {
      // `(b)(1) …`: the first level opens on the line of its parent's designation.
      write(first, head, depth + 1, own, at);
    } else if (first.type === 'level') {
      push({ heading: false, depth: Math.min(at, 5), text: head.trim() }, own);
      write(first, '', depth + 1);
    } else {
      write(first, head.trim() === '' ? '' : `${head}${joiner}`, depth, own, at);
    }
    for (const c of rest) write(c, '', c.type === 'level' ? depth + 1 : depth);
  };
  const nodes = root.type === 'root' ? root.children : [root];
  for (const node of nodes) write(node, '', 0);
  return lines;
}
