import type { LevelKind } from '../types.js';
import { fits, interpretations, isFirst, ordinal, rungBelow } from '../parse/ladder.js';
import { tailStart } from './words.js';

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

/** Every character of the words that end an item: blanks, `—`, `;`, `,`, `:`, `.`, "and", "or". */
const ITEM_END_CHARS = /[\s—;,:.adnor]/;

/** A designation that may open an item, with the depth the bill's tree gives it when known (`DEPTH_HINT`). */
const MARKER = /(?:\uE002(\d+)\uE003)?\(([a-zA-Z]{1,6}|\d{1,3})\)(?=\s)/g;

/** An open item: its rung, designation and depth (from the tree, or half a step below its parent). */
interface Open {
  item: ListItem;
  kind: LevelKind;
  value: string;
  depth: number;
}

/**
 * Splits a skeleton into its nested items. Designations that carry their depth in the bill's tree
 * are items at that depth; others are read by where they stand and what they can be.
 */
export function readList(skeleton: string): ListItem {
  const root: ListItem = { num: '', text: '', children: [] };
  const markers: Array<{ index: number; end: number; value: string; depth?: number }> = [];
  for (const match of skeleton.matchAll(MARKER)) {
    const before = skeleton.slice(0, match.index).trimEnd();
    // Only the punctuation and connectors that end the words before are read (see `tailStart`).
    const end = before.slice(tailStart(before, ITEM_END_CHARS));
    // "…, and (2) by striking …": an item run into the sentence, told by its verb or location.
    const inline = /,(?:\s*(?:and|or))?$/.test(end) && /^\s+(?:in|by)\s/.test(skeleton.slice(match.index! + match[0].length));
    if (match[1] !== undefined || before === '' || /(?:—|;|;\s*(?:and|or)|:|\.)$/.test(end) || inline) {
      markers.push({ index: match.index, end: match.index + match[0].length, value: match[2]!, ...(match[1] !== undefined ? { depth: Number(match[1]) } : {}) });
    }
  }
  const unhinted = (text: string) => text.replace(/\uE002\d+\uE003/g, '').trim();
  root.text = unhinted(skeleton.slice(0, markers[0]?.index ?? skeleton.length));
  const stack: Open[] = [];
  markers.forEach((marker, i) => {
    const item: ListItem = {
      num: `(${marker.value})`,
      text: unhinted(skeleton.slice(marker.end, markers[i + 1]?.index ?? skeleton.length)),
      children: [],
    };
    let kind: LevelKind;
    if (marker.depth !== undefined) {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= marker.depth) stack.pop();
      const parent = stack[stack.length - 1];
      const below = parent ? rungBelow(parent.kind, STYLE) : undefined;
      const kinds = interpretations(marker.value, STYLE);
      kind = below && kinds.includes(below) ? below : kinds[0]!;
    } else {
      kind = place(stack, marker.value);
    }
    const parent = stack[stack.length - 1];
    (parent?.item ?? root).children.push(item);
    stack.push({ item, kind, value: marker.value, depth: marker.depth ?? (parent ? parent.depth + 0.5 : 0.5) });
  });
  return root;
}

/** Pops the stack to the new item's parent and returns the item's rung. */
function place(stack: Open[], value: string): LevelKind {
  const kinds = interpretations(value, STYLE);
  const top = stack[stack.length - 1];
  // A first item under the current one: "(i)" under "(A)" is a clause, not subsection (i).
  if (top) {
    const child = rungBelow(top.kind, STYLE) ?? top.kind;
    if (kinds.includes(child) && isFirst(value, child)) return child;
  }
  // The next item of an open list: the exact successor first ((aa) after (z) too), then any later item (a list quoted in part).
  for (const exact of [true, false]) {
    for (let k = stack.length - 1; k >= 0; k--) {
      const level = stack[k]!;
      const a = ordinal(value, level.kind);
      const b = ordinal(level.value, level.kind);
      if (exact ? (kinds.includes(level.kind) || fits(level.kind, value)) && a === b + 1 : kinds.includes(level.kind) && a > b) {
        stack.length = k;
        return level.kind;
      }
    }
  }
  // Anything else nests under the current item (or starts the list).
  return kinds[0]!;
}
