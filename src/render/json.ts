import type { AlignedPair, Alignment, PairSide } from '../types.js';
import { Pieces } from './pieces.js';

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
export interface WriteJsonOptions extends JsonOptions {
  /**
   * Makes each side of a pair as it is written: for an alignment made with `lazySides`, whose
   * sides are the nodes they stand for (`sideOf` of the alignment, with the texts it was made from).
   */
  sideOf?: (value: PairSide, which: 'old' | 'new') => PairSide;
}

/**
 * The same text as `renderJson`, handed to `write` in pieces of about 64 K characters, so that a
 * large alignment is written out as it is serialised and never held as one string (nor as one
 * buffer of bytes). A level with few levels under it is serialised in one piece; a larger one
 * field by field, its children one by one. With `sideOf`, each pair is serialised from a copy
 * with its sides made then (the copies die as soon as they are written).
 */
export function writeJson(alignment: Alignment, write: (piece: string) => void, options: WriteJsonOptions = {}): void {
  const { sideOf } = options;
  if (options.indent) {
    write(renderJson(sideOf ? { ...alignment, pairs: plainPairs(alignment.pairs, sideOf) } : alignment, options));
    return;
  }
  const pieces = new JsonPieces(write, sideOf);
  pieces.fields({ billdiff: JSON_FORMAT_VERSION, ...alignment }, 'pairs', false);
  pieces.out('\n');
  pieces.flush();
}

type SideMaker = NonNullable<WriteJsonOptions['sideOf']>;

/** Copies of pairs, with their sides made by `sideOf`, their fields in the same order. */
function plainPairs(list: AlignedPair[], sideOf: SideMaker): AlignedPair[] {
  const out = new Array<AlignedPair>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = plainPair(list[i]!, sideOf);
  return out;
}

function plainPair(pair: AlignedPair, sideOf: SideMaker): AlignedPair {
  const out: Record<string, unknown> = {};
  for (const key in pair) {
    const value = (pair as unknown as Record<string, unknown>)[key];
    if ((key === 'old' || key === 'new') && value !== undefined) out[key] = sideOf(value as PairSide, key);
    else if (key === 'children') out[key] = (value as AlignedPair[]).length ? plainPairs(value as AlignedPair[], sideOf) : value;
    else out[key] = value;
  }
  return out as unknown as AlignedPair;
}

/** JSON text handed out in pieces, with the pairs' arrays written a run or a level at a time. */
class JsonPieces extends Pieces {
  constructor(
    write: (piece: string) => void,
    private readonly sideOf: SideMaker | undefined,
  ) {
    super(write);
  }

  pairs(list: AlignedPair[]): void {
    const { sideOf } = this;
    this.out('[');
    for (let i = 0; i < list.length; ) {
      if (i) this.out(',');
      const pair = list[i]!;
      if (pair.children.length === 0) {
        // A run of leaves in one piece (for a one-line level a call costs more than the level).
        let j = i + 1;
        while (j < list.length && j - i < WHOLE_PAIR_LEVELS && list[j]!.children.length === 0) j++;
        if (j === i + 1) this.out(JSON.stringify(sideOf ? plainPair(pair, sideOf) : pair));
        else this.out(JSON.stringify(sideOf ? plainPairs(list.slice(i, j), sideOf) : list.slice(i, j)).slice(1, -1));
        i = j;
        continue;
      }
      // A level with levels under it on its own (a run of them in one array costs more than one call each), or field by field when they are many.
      if (levelsIn(pair, WHOLE_PAIR_LEVELS) === undefined) this.fields(pair as unknown as Record<string, unknown>, 'children', true);
      else this.out(JSON.stringify(sideOf ? plainPair(pair, sideOf) : pair));
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
      else if (isPair && this.sideOf && (key === 'old' || key === 'new')) this.out(JSON.stringify(this.sideOf(field as PairSide, key)));
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
