import type { LevelKind, Num } from '../types.js';
import { isSectionOrAbove } from './ladder.js';

/**
 * The designations of a tree's levels below a section, one `num` object for every level that prints
 * the same `(a)` (a 5 MB text holds tens of thousands of them, 40 bytes each and their strings).
 * Never changed in place: amend gives a level a new num. A section's, which amend may reprint in
 * place, stays the level's own.
 */
export class SharedNums {
  private readonly nums = new Map<string, Num>();

  of(kind: LevelKind, printed: string, value: string): Num {
    if (isSectionOrAbove(kind)) return { text: printed, value };
    let num = this.nums.get(printed);
    if (num === undefined || num.value !== value) this.nums.set(printed, (num = { text: printed, value }));
    return num;
  }
}
