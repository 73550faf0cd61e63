import type { Block, SourceDocument } from '../types.js';

/**
 * Plain text: every non-blank line is a block. `ascii`: the text is known to be ASCII (its decoder
 * found it so), which makes it quick to see that no line has white space to fold.
 */
export function readText(text: string, file: string, ascii = false): SourceDocument {
  const blocks: Block[] = [];
  // An ASCII text with no double space, tab, vertical tab, form feed or carriage return has no line
  // to fold: a few searches of the whole text (by character) spare a regular expression a line.
  const clean = ascii && text.indexOf('  ') === -1 && !ASCII_SPACES.some((space) => text.includes(space));
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
/** The white space characters of ASCII (`\s`) but the space and the line feed. */
const ASCII_SPACES = ['\t', '\v', '\f', '\r'];

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}
