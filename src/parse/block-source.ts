import type { Block, SourceDocument } from '../types.js';
import type { Style } from './designation.js';
import { isFlattened } from './flattened.js';

// What the level parser reads a document from, and what it learns of the document as a whole
// before it reads the first block: its drafting style and whether its line breaks were flattened.

/** The blocks the parser reads, one at a time: a document's array of them, or a text's lines (`TextLines`). */
export interface BlockSource {
  readonly count: number;
  /**
   * The `i`-th block, to be read before the next is asked for: the parser keeps its text and its
   * position (a new one for each block), never the block itself, which a source may reuse.
   */
  read(i: number): Block;
  /** The `i`-th block's text, and its length (without making the block). */
  textOf(i: number): string;
  lengthOf(i: number): number;
}

/** A document's blocks, read from the array that holds them. */
export class BlockArray implements BlockSource {
  readonly count: number;

  constructor(private readonly blocks: Block[]) {
    this.count = blocks.length;
  }

  read(i: number): Block {
    return this.blocks[i]!;
  }

  textOf(i: number): string {
    return this.blocks[i]!.text;
  }

  lengthOf(i: number): number {
    return this.blocks[i]!.text.length;
  }
}

/** Federal drafting gives itself away by em-dash headings and U.S.C. citations. */
export function detectStyle(format: SourceDocument['format'], blocks: BlockSource): Style {
  if (format === 'caml') return 'ca';
  let federal = 0;
  const count = Math.min(blocks.count, 400);
  for (let b = 0; b < count; b++) {
    if (FEDERAL_LINE.test(blocks.textOf(b))) federal++;
  }
  return federal >= 2 ? 'us' : 'ca';
}

/** A line in federal style: `(a) In general.—`, `SEC. 2. Definitions.—`. */
const FEDERAL_LINE = /^(?:\([a-z]\)\s+|SEC\.\s+\d+\.\s+)[A-Z][^.—]{0,80}\.(?:[—–]|--)/;

/** Whether the text is a browser save with its line breaks flattened away. */
export function isFlattenedSource(blocks: BlockSource): boolean {
  let total = 0;
  for (let b = 0; b < blocks.count; b++) total += blocks.lengthOf(b);
  return isFlattened(blocks.count, total);
}
