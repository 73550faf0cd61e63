import type { Alignment, WordChange } from '../types.js';
import { RowWalk } from './linear.js';

/**
 * `[-deleted-]{+inserted+}` over the whole text, one level a line: the kept and deleted parts
 * give back the old text, the kept and inserted parts the new text (white space aside).
 */
export function renderWdiff(alignment: Alignment): string {
  const lines: string[] = [];
  const walk = new RowWalk(alignment.pairs);
  while (walk.next()) lines.push(walk.words ? marked(walk.words) : mark(walk.op, walk.value));
  return lines.join('\n') + '\n';
}

function marked(changes: WordChange[]): string {
  let line = '';
  for (const c of changes) line += mark(c.op, c.value);
  return line;
}

function mark(op: WordChange['op'], value: string): string {
  return op === 'equal' ? value : op === 'delete' ? `[-${value}-]` : `{+${value}+}`;
}
