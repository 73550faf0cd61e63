import type { Block, SourceDocument } from '../types.js';

/** Plain text: every non-blank line is a block. */
export function readText(text: string, file: string): SourceDocument {
  const blocks: Block[] = [];
  // A text with no double space and no white space but the space and the line feed has no line to
  // fold: one look at the whole text spares a look at each line.
  const clean = text.indexOf('  ') === -1 && !UNUSUAL_SPACE.test(text);
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let lead = start;
    while (lead < end && isSpace(text.charCodeAt(lead))) lead++;
    if (lead < end) {
      let stop = end;
      while (stop > lead && isSpace(text.charCodeAt(stop - 1))) stop--;
      const raw = text.slice(lead, stop);
      blocks.push({
        text: !clean && FOLDED.test(raw) ? raw.replace(/\s+/g, ' ') : raw,
        role: 'body',
        position: {
          start: { line, column: lead - start + 1, offset: lead },
          end: { line, column: stop - start + 1, offset: stop },
        },
      });
    }
    start = end + 1;
    line++;
  }
  return { file, format: 'text', blocks, marks: [], messages: [] };
}

/** A line whose white space is folded: a run of it, or white space other than the space. */
const FOLDED = /\s\s|[\t\v\f\r\u00a0\u2000-\u200a\u2028\u2029\u3000]/;
/** Every white space character (`\s`) but the space and the line feed. */
const UNUSUAL_SPACE = /[\t\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}
