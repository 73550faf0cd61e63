import type { LevelKind } from '../types.js';
import { interpretations, isFirst, ordinal, rungBelow } from '../parse/ladder.js';

/**
 * The nested list of a bill section's instructions: "is amended— (1) in subsection (a)— (A) by
 * striking …; and (B) by adding …; and (2) by striking …".
 *
 * Works on the skeleton (quotations already replaced by tokens), so designations inside quoted
 * law are never read as items. An item begins with a designation at the start of the text, after
 * a dash (`—`), after `;` (`; and`, `; or`), after a colon or after a sentence's period, or after a comma
 * when "in" or "by" follows it (`…, and (2) by striking …`); designations anywhere else are
 * references ("paragraphs (3), (6)(E), and (13)", "in subsection (c)(1)(E)—").
 */

/** One item of the list: its designation, its own words and the items under it. */
export interface ListItem {
  /** `(1)`, `(A)`; `''` for the words before the first item. */
  num: string;
  /** The item's own words, up to its first child item. */
  text: string;
  children: ListItem[];
}

/** The bill's own items nest as the federal ladder does: (a) › (1) › (A) › (i) › (I) › (aa) › (AA). */
const STYLE = 'us';

const MARKER = /\(([a-zA-Z]{1,6}|\d{1,3})\)(?=\s)/g;

/** Splits a skeleton into its nested items. */
export function readList(skeleton: string): ListItem {
  const root: ListItem = { num: '', text: '', children: [] };
  const markers: Array<{ index: number; end: number; value: string }> = [];
  for (const match of skeleton.matchAll(MARKER)) {
    const before = skeleton.slice(0, match.index).trimEnd();
    // "…, and (2) by striking …": an item run into the sentence, told by its verb or location.
    const inline = /,(?:\s*(?:and|or))?$/.test(before) && /^\s+(?:in|by)\s/.test(skeleton.slice(match.index! + match[0].length));
    if (before === '' || /(?:—|;|;\s*(?:and|or)|:|\.)$/.test(before) || inline) {
      markers.push({ index: match.index, end: match.index + match[0].length, value: match[1]! });
    }
  }
  root.text = skeleton.slice(0, markers[0]?.index ?? skeleton.length).trim();
  const stack: Array<{ item: ListItem; kind: LevelKind; value: string }> = [];
  markers.forEach((marker, i) => {
    const item: ListItem = {
      num: `(${marker.value})`,
      text: skeleton.slice(marker.end, markers[i + 1]?.index ?? skeleton.length).trim(),
      children: [],
    };
    const kind = place(stack, marker.value);
    const parent = stack.length > 0 ? stack[stack.length - 1]!.item : root;
    parent.children.push(item);
    stack.push({ item, kind, value: marker.value });
  });
  return root;
}

/** Pops the stack to the new item's parent and returns the item's rung. */
function place(stack: Array<{ kind: LevelKind; value: string }>, value: string): LevelKind {
  const kinds = interpretations(value, STYLE);
  const top = stack[stack.length - 1];
  // A first item under the current one: "(i)" under "(A)" is a clause, not subsection (i).
  if (top) {
    const child = rungBelow(top.kind, STYLE) ?? top.kind;
    if (kinds.includes(child) && isFirst(value, child)) return child;
  }
  // The next item of an open list: the exact successor first, then any later item (a list quoted in part).
  for (const after of [(a: number, b: number) => a === b + 1, (a: number, b: number) => a > b]) {
    for (let depth = stack.length - 1; depth >= 0; depth--) {
      const level = stack[depth]!;
      if (kinds.includes(level.kind) && after(ordinal(value, level.kind), ordinal(level.value, level.kind))) {
        stack.length = depth;
        return level.kind;
      }
    }
  }
  // Anything else nests under the current item (or starts the list).
  return kinds[0]!;
}
