import type { Block, SourceDocument } from '../types.js';
import { LineIndex } from '../util/position.js';

/** Plain text: every non-blank line is a block. */
export function readText(text: string, file: string): SourceDocument {
  const index = new LineIndex(text);
  const blocks: Block[] = [];
  const lineRe = /[^\n]*/g;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text))) {
    const line = m[0];
    const start = m.index;
    lineRe.lastIndex = start + line.length + 1;
    const lead = line.search(/\S/);
    if (lead !== -1) {
      const trimmed = line.trimEnd();
      blocks.push({
        text: trimmed.slice(lead).replace(/\s+/g, ' '),
        role: 'body',
        position: index.position(start + lead, start + trimmed.length),
      });
    }
    if (lineRe.lastIndex > text.length) break;
  }
  return { file, format: 'text', blocks, marks: [], messages: [] };
}
