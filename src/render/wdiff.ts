import type { Alignment, WordChange } from '../types.js';
import { RowWalk } from './linear.js';
import { Pieces, type WriteOptions } from './pieces.js';

/**
 * `[-deleted-]{+inserted+}` over the whole text, one level a line: the kept and deleted parts
 * give back the old text, the kept and inserted parts the new text (white space aside).
 */
export function renderWdiff(alignment: Alignment): string {
  const pieces: string[] = [];
  writeWdiff(alignment, (piece) => pieces.push(piece));
  return pieces.join('');
}

/** The same text as `renderWdiff`, handed to `write` in pieces of about 64 K characters as it is made. */
export function writeWdiff(alignment: Alignment, write: (piece: string) => void, options: WriteOptions = {}): void {
  const pieces = new Pieces(write);
  const walk = new RowWalk(alignment.pairs, {}, options.sideOf);
  let lines = 0;
  for (; walk.next(); lines++) pieces.out((walk.words ? marked(walk.words) : mark(walk.op, walk.value)) + '\n');
  // No line at all is one empty line.
  if (!lines) pieces.out('\n');
  pieces.flush();
}

function marked(changes: WordChange[]): string {
  let line = '';
  for (const c of changes) line += mark(c.op, c.value);
  return line;
}

function mark(op: WordChange['op'], value: string): string {
  return op === 'equal' ? value : op === 'delete' ? `[-${value}-]` : `{+${value}+}`;
}
