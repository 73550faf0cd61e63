import type { AlignedPair, WordChange } from '../types.js';
import { SECTION_RUNG_NAMES } from '../parse/ladder.js';

const REFERENCE_RUNG = new RegExp(String.raw`\b(${SECTION_RUNG_NAMES})s?\s+$`, 'i');
const DESIGNATOR = /^(\(?)([\w.]+)(\)?)([,.;:”"]*)$/;

/**
 * Flags levels whose only changes are cross-references that follow a renumbering made in the
 * same comparison: "paragraph (2)" becoming "paragraph (3)" where paragraph (2) became (3).
 */
export function markConforming(pairs: AlignedPair[]): void {
  const renumbered = new Map<string, Set<string>>();
  const rungKey = (kind: string) => (kind === 'subdivision' ? 'subsection' : kind);
  const collect = (list: AlignedPair[]): void => {
    for (let i = 0; i < list.length; i++) {
      const pair = list[i]!;
      const { old: o, new: n } = pair;
      if (pair.redesignated && o?.kind && n?.kind && o.num && n.num) {
        const key = `${rungKey(o.kind)}:${o.num.value}`;
        const set = renumbered.get(key) ?? new Set<string>();
        set.add(n.num.value);
        renumbered.set(key, set);
      }
      if (pair.children.length) collect(pair.children);
    }
  };
  collect(pairs);
  if (!renumbered.size) return;
  const check = (pair: AlignedPair) => {
    if (pair.status === 'modified' && pair.words && explainedByRenumbering(pair.words, renumbered, rungKey)) pair.conforming = true;
    // An unchanged pair has only unchanged pairs below it.
    if (pair.status !== 'unchanged') pair.children.forEach(check);
  };
  pairs.forEach(check);
}

function explainedByRenumbering(words: WordChange[], renumbered: Map<string, Set<string>>, rungKey: (kind: string) => string): boolean {
  let explained = 0;
  for (let i = 0; i < words.length; i++) {
    const change = words[i]!;
    if (change.op === 'equal') continue;
    // A deleted designator, maybe a space, an inserted one, after "paragraph " or the like.
    if (change.op !== 'delete') return false;
    let j = i + 1;
    if (words[j]?.op === 'equal' && !words[j]!.value.trim()) j++;
    const inserted = words[j];
    const before = words[i - 1];
    if (inserted?.op !== 'insert' || before?.op !== 'equal') return false;
    const rung = REFERENCE_RUNG.exec(before.value);
    const a = DESIGNATOR.exec(change.value);
    const b = DESIGNATOR.exec(inserted.value);
    if (!rung || !a || !b || a[1] !== b[1] || a[3] !== b[3] || a[4] !== b[4]) return false;
    if (!renumbered.get(`${rungKey(rung[1]!.toLowerCase())}:${a[2]}`)?.has(b[2]!)) return false;
    explained++;
    i = j;
  }
  return explained > 0;
}
