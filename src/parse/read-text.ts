import type { Block, Position, SourceDocument } from '../types.js';
import { foldWhiteSpace, isWhiteSpace } from '../util/white-space.js';

/**
 * Plain text: every non-blank line is a block. `ascii`: the text is known to be ASCII (its decoder
 * found it so), which makes it quick to see that no line has white space to fold.
 */
export function readText(text: string, file: string, ascii = false): SourceDocument {
  const lines = new TextLines(text, ascii);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.count; i++) blocks.push(lines.block(i));
  return { file, format: 'text', blocks, marks: [], messages: [] };
}

/**
 * A plain text's non-blank lines, read by offset into the text: where each starts and ends (white
 * space trimmed) and its line number, in typed arrays, with no object or substring a line until
 * a line is asked for as a block (`block`). The level parser reads a text's lines so when the
 * caller does not keep the blocks.
 */
export class TextLines {
  /** How many non-blank lines. */
  count = 0;
  /** For each line: the offset of its first character but white space, of the end of its last, and of the line's start. */
  private lead: Int32Array;
  private stop: Int32Array;
  private begin: Int32Array;
  /** Its 1-based line number. */
  private number: Int32Array;
  /** No line has white space to fold. */
  private readonly clean: boolean;

  constructor(
    readonly text: string,
    ascii = false,
  ) {
    // An ASCII text with no double space, tab, vertical tab, form feed or carriage return has no line
    // to fold: a few searches of the whole text (by character) spare a regular expression a line.
    this.clean = ascii && text.indexOf('  ') === -1 && !ASCII_SPACES.some((space) => text.includes(space));
    let capacity = 1024;
    this.lead = new Int32Array(capacity);
    this.stop = new Int32Array(capacity);
    this.begin = new Int32Array(capacity);
    this.number = new Int32Array(capacity);
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
        if (this.count === capacity) this.grow((capacity *= 2));
        const n = this.count++;
        this.lead[n] = lead;
        this.stop[n] = stop;
        this.begin[n] = start;
        this.number[n] = line;
      }
      start = end + 1;
      line++;
    }
  }

  /** The `i`-th line's text, as a block holds it: white space trimmed, and runs of it folded to one space. */
  textOf(i: number): string {
    const raw = this.text.slice(this.lead[i]!, this.stop[i]!);
    return !this.clean && FOLDED.test(raw) ? foldWhiteSpace(raw) : raw;
  }

  /** The length of `textOf(i)`, without making it: a character for each run of white space, one for every other. */
  lengthOf(i: number): number {
    const from = this.lead[i]!;
    const to = this.stop[i]!;
    if (this.clean) return to - from;
    const { text } = this;
    let length = 0;
    let inSpace = false;
    for (let k = from; k < to; k++) {
      const space = isWhiteSpace(text.charCodeAt(k));
      if (!space || !inSpace) length++;
      inSpace = space;
    }
    return length;
  }

  /** The `i`-th line as a block (a new one at each call). */
  block(i: number): Block {
    return { text: this.textOf(i), role: 'body', position: this.positionOf(i) };
  }

  /**
   * The `i`-th line as a block, in one block object that the next call fills again (its text and
   * position are new each time): for a reader that keeps no block, as the level parser.
   */
  read(i: number): Block {
    const { reused } = this;
    reused.text = this.textOf(i);
    reused.position = this.positionOf(i);
    return reused;
  }

  private readonly reused: Block = { text: '', role: 'body', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };

  /** Where the `i`-th line's text starts and ends. */
  private positionOf(i: number): Position {
    const line = this.number[i]!;
    const begin = this.begin[i]!;
    const lead = this.lead[i]!;
    const stop = this.stop[i]!;
    return {
      start: { line, column: lead - begin + 1, offset: lead },
      end: { line, column: stop - begin + 1, offset: stop },
    };
  }

  private grow(capacity: number): void {
    const larger = (from: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.lead = larger(this.lead);
    this.stop = larger(this.stop);
    this.begin = larger(this.begin);
    this.number = larger(this.number);
  }
}

/** A line whose white space is folded: a run of it, or white space other than the space. */
const FOLDED = /\s\s|[\t\v\f\r\u00a0\u2000-\u200a\u2028\u2029\u3000]/;
/** The white space characters of ASCII (`\s`) but the space and the line feed. */
const ASCII_SPACES = ['\t', '\v', '\f', '\r'];

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}
