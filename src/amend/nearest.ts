/**
 * The text nearest to words that are not there: where an instruction's quoted words are not found,
 * the words the law does print at the closest place, and what tells them apart ("a doubled comma").
 */

/** A stretch of a text: the words there and their offsets. */
export interface Near {
  /** Index of the text the words are in (of those searched). */
  text: number;
  start: number;
  end: number;
  /** Characters to change to turn the sought words into these. */
  distance: number;
}

const MAX_SOUGHT = 300;
const MAX_ANCHORS = 120;

/**
 * The stretch of `texts` nearest to `sought` (by edit distance), looked for where one of its words
 * is; undefined when no word of it is anywhere, or nothing is within half its length.
 */
export function nearest(texts: string[], sought: string): Near | undefined {
  const s = sought.slice(0, MAX_SOUGHT);
  const words = [...s.matchAll(/[\p{L}\p{N}]{3,}/gu)].map((w) => ({ text: w[0], index: w.index! }));
  if (words.length === 0) return undefined;
  const anchors = [words[0]!, words[words.length - 1]!, ...words.slice(1, -1)];
  // No word of it is there ("1194" where the law says "1191"): the words' first and last letters are looked for.
  const parts = words.flatMap((w) => [
    { text: w.text.slice(0, 3), index: w.index },
    { text: w.text.slice(-3), index: w.index + w.text.length - 3 },
  ]);
  return scan(texts, s, anchors) ?? scan(texts, s, parts);
}

/** The stretch nearest to `s` found where one of the anchors is. */
function scan(texts: string[], s: string, anchors: Array<{ text: string; index: number }>): Near | undefined {
  let best: Near | undefined;
  let tried = 0;
  for (let t = 0; t < texts.length && tried < MAX_ANCHORS; t++) {
    const text = texts[t]!;
    for (const word of anchors) {
      for (let at = text.indexOf(word.text); at >= 0 && tried < MAX_ANCHORS; at = text.indexOf(word.text, at + 1)) {
        tried++;
        const start = Math.max(0, at - word.index);
        for (const slack of [0, 1, -1, 2, -2, 3, -3]) {
          const end = Math.min(text.length, start + s.length + slack);
          if (end <= start) continue;
          const distance = editDistance(s, text.slice(start, end), best?.distance ?? Math.ceil(s.length / 2));
          if (distance < (best?.distance ?? Math.ceil(s.length / 2) + 1)) best = { text: t, start, end, distance };
        }
      }
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit + 1`) past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(value);
      if (value < low) low = value;
    }
    if (low > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}

const MARK_NAMES: Record<string, string> = { ',': 'comma', '.': 'period', ';': 'semicolon', ':': 'colon', '(': 'parenthesis', ')': 'parenthesis', '“': 'quotation mark', '”': 'quotation mark', '"': 'quotation mark' };

/**
 * What the law's words have that the sought words do not, when it is one punctuation mark:
 * `{mark: ',', doubled: true, at: 14}` for “first, second,, and third” against “first, second, and third”.
 */
export function extraMark(sought: string, found: string): { mark: string; doubled: boolean; at: number } | undefined {
  if (found.length !== sought.length + 1) return undefined;
  let i = 0;
  while (i < sought.length && sought[i] === found[i]) i++;
  if (found.slice(i + 1) !== sought.slice(i)) return undefined;
  const mark = found[i]!;
  if (!MARK_NAMES[mark]) return undefined;
  return { mark, doubled: found[i - 1] === mark || found[i + 1] === mark, at: i };
}

/** "a doubled comma", "an extra period": a mark told apart in words. */
export function describeMark(extra: { mark: string; doubled: boolean }): string {
  const name = MARK_NAMES[extra.mark] ?? extra.mark;
  return extra.doubled ? `a doubled ${name}` : `an extra ${name}`;
}
