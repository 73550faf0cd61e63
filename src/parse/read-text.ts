import type { Block, SourceDocument } from '../types.js';

/** Plain text: every non-blank line is a block. */
export function readText(text: string, file: string): SourceDocument {
  const blocks: Block[] = [];
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
        text: /\s\s|[\t\v\f\r\u00a0\u2000-\u200a\u2028\u2029\u3000]/.test(raw) ? raw.replace(/\s+/g, ' ') : raw,
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

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}
