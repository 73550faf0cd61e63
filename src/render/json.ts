import type { SideOf } from '../align/pairs.js';
import type { AlignedPair, Alignment, PairSide } from '../types.js';
import { Pieces, type WriteOptions } from './pieces.js';

/** Version of the JSON shape; bumped when a field changes meaning. */
export const JSON_FORMAT_VERSION = 1;

/** Options for the JSON rendering. */
export interface JsonOptions {
  /**
   * Spaces of indentation; 0 writes one compact line (a large bill's JSON is half the size).
   * @default 0
   */
  indent?: number;
}

/** The alignment as stable JSON (the shape is documented in the README). */
export function renderJson(alignment: Alignment, options: JsonOptions = {}): string {
  return JSON.stringify({ billdiff: JSON_FORMAT_VERSION, ...alignment }, null, options.indent ?? 0) + '\n';
}

/** Levels under a pair past which its children are written one by one rather than in one piece. */
const WHOLE_PAIR_LEVELS = 256;

/** Options for `writeJson`. */
export interface WriteJsonOptions extends JsonOptions, WriteOptions {}

/**
 * The same text as `renderJson`, handed to `write` in pieces of about 64 K characters, so that a
 * large alignment is written out as it is serialised and never held as one string (nor as one
 * buffer of bytes). A level with few levels under it is serialised in one piece; a larger one
 * field by field, its children one by one. With `sideOf`, each pair's sides are read (made, for
 * an alignment from `alignTreesToWrite`) as it is serialised, and let go once it is written.
 */
export function writeJson(alignment: Alignment, write: (piece: string) => void, options: WriteJsonOptions = {}): void {
  const pieces = new JsonPieces(write, options.sideOf);
  if (options.indent) {
    pieces.lend(alignment.pairs, 0, alignment.pairs.length);
    try {
      write(renderJson(alignment, options));
    } finally {
      pieces.putBack();
    }
    return;
  }
  pieces.fields({ billdiff: JSON_FORMAT_VERSION, ...alignment }, 'pairs', false);
  pieces.out('\n');
  pieces.flush();
}

/** JSON text handed out in pieces, with the pairs' arrays written a run or a level at a time. */
class JsonPieces extends Pieces {
  /** Pairs whose sides are lent (`lend`), each with the values of its `old` and `new` before. */
  private readonly lent: Array<AlignedPair | PairSide | undefined> = [];

  constructor(
    write: (piece: string) => void,
    private readonly sideOf: SideOf | undefined,
  ) {
    super(write);
  }

  /**
   * With `sideOf`, the sides of `list[from..to)` and of the pairs under them made, for as long as
   * they are serialised: `putBack` puts back what the pairs held, and the sides die young. (A copy
   * of each pair would keep the order of its fields too, but costs more than the pair.)
   */
  lend(list: AlignedPair[], from: number, to: number): void {
    if (this.sideOf) for (let i = from; i < to; i++) this.lendPair(list[i]!, this.sideOf);
  }

  private lendPair(pair: AlignedPair, sideOf: SideOf): void {
    const { old, new: next, children } = pair;
    this.lent.push(pair, old, next);
    if (old) pair.old = sideOf(pair, 'old');
    if (next) pair.new = sideOf(pair, 'new');
    for (let i = 0; i < children.length; i++) this.lendPair(children[i]!, sideOf);
  }

  putBack(): void {
    const lent = this.lent;
    for (let k = 0; k < lent.length; k += 3) {
      const pair = lent[k] as AlignedPair;
      const [old, next] = [lent[k + 1] as PairSide | undefined, lent[k + 2] as PairSide | undefined];
      if (old) pair.old = old;
      if (next) pair.new = next;
    }
    lent.length = 0;
  }

  /** `JSON.stringify` of `list[from..to)`, one pair or a run (without its brackets), their sides lent. */
  private stringify(list: AlignedPair[], from: number, to: number): string {
    this.lend(list, from, to);
    try {
      return to === from + 1 ? JSON.stringify(list[from]) : JSON.stringify(list.slice(from, to)).slice(1, -1);
    } finally {
      this.putBack();
    }
  }

  pairs(list: AlignedPair[]): void {
    this.out('[');
    for (let i = 0; i < list.length; ) {
      if (i) this.out(',');
      const pair = list[i]!;
      if (pair.children.length === 0) {
        // A run of leaves in one piece (for a one-line level a call costs more than the level).
        let j = i + 1;
        while (j < list.length && j - i < WHOLE_PAIR_LEVELS && list[j]!.children.length === 0) j++;
        this.out(this.stringify(list, i, j));
        i = j;
        continue;
      }
      // A level with levels under it on its own (a run of them in one array costs more than one call each), or field by field when they are many.
      if (levelsIn(pair, WHOLE_PAIR_LEVELS) === undefined) this.fields(pair as unknown as Record<string, unknown>, 'children', true);
      else this.out(this.stringify(list, i, i + 1));
      i++;
    }
    this.out(']');
  }

  /**
   * An object's fields in order, as JSON.stringify writes them (undefined ones left out), with its
   * `list` of pairs one by one; `isPair`: its `old` and `new` are a pair's sides.
   */
  fields(value: Record<string, unknown>, list: string, isPair: boolean): void {
    let first = true;
    this.out('{');
    for (const key of Object.keys(value)) {
      const field = value[key];
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      this.out(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (key === list) this.pairs(field as AlignedPair[]);
      else if (isPair && this.sideOf && (key === 'old' || key === 'new')) this.out(JSON.stringify(this.sideOf(value as unknown as AlignedPair, key)));
      else this.out(JSON.stringify(field));
    }
    this.out('}');
  }
}

/** How many levels a pair has under it, when no more than `limit` (else undefined: too many to serialise in one piece). */
function levelsIn(pair: AlignedPair, limit: number): number | undefined {
  let count = 0;
  const stack = [pair];
  while (stack.length) {
    const children = stack.pop()!.children;
    count += children.length;
    if (count > limit) return undefined;
    for (const child of children) if (child.children.length) stack.push(child);
  }
  return count;
}
