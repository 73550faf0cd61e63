import type { Alignment, WordChange } from '../types.js';
import { CHUNK_CHARS } from './json.js';
import { RowWalk } from './linear.js';

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
export function writeWdiff(alignment: Alignment, write: (piece: string) => void): void {
  let text = '';
  let written = false;
  const walk = new RowWalk(alignment.pairs);
  while (walk.next()) {
    text += (walk.words ? marked(walk.words) : mark(walk.op, walk.value)) + '\n';
    if (text.length >= CHUNK_CHARS) {
      write(text);
      text = '';
      written = true;
    }
  }
  // No line at all is one empty line.
  if (text || !written) write(text || '\n');
}

function marked(changes: WordChange[]): string {
  let line = '';
  for (const c of changes) line += mark(c.op, c.value);
  return line;
}

function mark(op: WordChange['op'], value: string): string {
  return op === 'equal' ? value : op === 'delete' ? `[-${value}-]` : `{+${value}+}`;
}
