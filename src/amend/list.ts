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

type NumKind = 'digit' | 'lower' | 'upper' | 'romanLower' | 'romanUpper' | 'doubleLower' | 'doubleUpper';

/** The rung under each rung, as federal drafting nests them: (a) › (1) › (A) › (i) › (I) › (aa). */
const CHILD: Record<NumKind, NumKind> = {
  lower: 'digit',
  digit: 'upper',
  upper: 'romanLower',
  romanLower: 'romanUpper',
  romanUpper: 'doubleLower',
  doubleLower: 'doubleUpper',
  doubleUpper: 'doubleUpper',
};

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
  const stack: Array<{ item: ListItem; kind: NumKind; value: string }> = [];
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

/** Pops the stack to the new item's parent and returns the item's kind. */
function place(stack: Array<{ kind: NumKind; value: string }>, value: string): NumKind {
  const kinds = kindsOf(value);
  const top = stack[stack.length - 1];
  // A first item under the current one: "(i)" under "(A)" is a clause, not subsection (i).
  if (top) {
    const child = CHILD[top.kind];
    if (kinds.includes(child) && isFirst(value, child)) return child;
  }
  // The next item of an open list: the exact successor first, then any later item (a list quoted in part).
  for (const follows of [(a: number, b: number) => a === b + 1, (a: number, b: number) => a > b]) {
    for (let depth = stack.length - 1; depth >= 0; depth--) {
      const level = stack[depth]!;
      const kind = kinds.find((candidate) => candidate === level.kind);
      if (kind && follows(ordinal(value, kind), ordinal(level.value, kind))) {
        stack.length = depth;
        return kind;
      }
    }
  }
  // Anything else nests under the current item (or starts the list).
  return kinds[0]!;
}

function kindsOf(value: string): NumKind[] {
  if (/^\d+$/.test(value)) return ['digit'];
  const kinds: NumKind[] = [];
  if (/^[a-z]$/.test(value)) kinds.push('lower');
  if (/^[A-Z]$/.test(value)) kinds.push('upper');
  if (/^[ivxlc]+$/.test(value)) kinds.push('romanLower');
  if (/^[IVXLC]+$/.test(value)) kinds.push('romanUpper');
  if (/^([a-z])\1+$/.test(value)) kinds.push('doubleLower');
  if (/^([A-Z])\1+$/.test(value)) kinds.push('doubleUpper');
  return kinds.length > 0 ? kinds : [value === value.toLowerCase() ? 'lower' : 'upper'];
}

function isFirst(value: string, kind: NumKind): boolean {
  return ordinal(value, kind) === 1;
}

/** The 1-based position of a designation in its series: `c` → 3, `iv` → 4, `bb` → 2. */
export function ordinal(value: string, kind: NumKind): number {
  switch (kind) {
    case 'digit':
      return Number(value);
    case 'lower':
    case 'upper':
      return value.toLowerCase().charCodeAt(0) - 96;
    case 'romanLower':
    case 'romanUpper':
      return romanValue(value);
    default:
      return value.toLowerCase().charCodeAt(0) - 96 + 26 * (value.length - 2);
  }
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(value: string): number {
  const digits = value.toLowerCase().split('').map((c) => ROMAN[c] ?? 0);
  return digits.reduce((sum, digit, i) => sum + (digit < (digits[i + 1] ?? 0) ? -digit : digit), 0);
}
