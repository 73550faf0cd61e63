import type { SideOf } from '../align/pairs.js';

/** Characters gathered before a piece of a streamed output (`writeJson`, `writeWdiff`) is handed out. */
const CHUNK_CHARS = 1 << 16;

/**
 * Text gathered and handed to `write` in pieces of about `CHUNK_CHARS` characters, so that a
 * writer streams a large output without holding it whole. Methods, not closures made per call:
 * V8 keeps their optimised code across full collections.
 */
export class Pieces {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (piece: string) => void) {}

  out(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  /** Hands out what is gathered, if anything. */
  flush(): void {
    if (!this.size) return;
    this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** What the writers (`writeJson`, `writeWdiff`, `writeTerminal`, `writeHtml`) take besides their renderings' options. */
export interface WriteOptions {
  /**
   * How the pairs' sides are read: for an alignment from `alignTreesToWrite`, its `sideOf`.
   * @default the sides as they are (`plainSides`)
   */
  sideOf?: SideOf | undefined;
}
