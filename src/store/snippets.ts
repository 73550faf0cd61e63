/**
 * A search result's snippet, made in JavaScript from the passage the database found (passages.ts):
 * a window of about two dozen words around the query's words, each instance of a query's phrase
 * marked between MARK_START and MARK_END. Words are read as the full-text index reads them (SQLite's
 * `unicode61` tokenizer: runs of letters and digits, case and accents folded) and compared by their
 * Porter stems (the `stemmer` package: the same algorithm as FTS5's `porter` tokenizer, stem for stem
 * on every word of the sample session), so "providing" marks "provides". The marks cover only text of
 * the passage; the snippet holds no control character but the marks, and at most SNIPPET_CHARS
 * characters of text.
 *
 * Drawn here rather than by FTS5's snippet() or PostgreSQL's ts_headline, which read the passage again
 * and run the query on it once more for each result: ~0.15 ms a result in the PostgreSQL server (its
 * CPU a search of the session bench 2.0 → 1.14 ms); on SQLite about what this costs.
 */
import { stemmer } from 'stemmer';

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Words shown around the query's words, at most. */
export const SNIPPET_WORDS = 24;
/** Characters of text a snippet holds at most (the marks and the ellipses aside). */
export const SNIPPET_CHARS = 280;
/** The most phrases of a query (search.ts's FTS5 query keeps as many). */
const MAX_PHRASES = 16;
/** Words shown before the first word found, unless its sentence begins a few words earlier. */
const LEAD = 4;
/** How far back a sentence's beginning is looked for. */
const SENTENCE_LEAD = 10;

const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
/** Control characters of the text: the marks' own among them (a passage cannot forge a mark). */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const stems = new Map<string, string>();
const KEPT_STEMS = 50_000;

/** A word as the index holds it: case and accents folded, then its Porter stem. */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    // eslint-disable-next-line no-control-regex
    const folded = /^[\u0000-\u007f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    stem = stemmer(folded);
    if (stems.size >= KEPT_STEMS) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/**
 * The phrases of a query as typed (a quoted phrase, else each word), each as its words' stems.
 * `websearch`: as PostgreSQL's websearch_to_tsquery reads it, where `or` and a word after `-` are not
 * words to find.
 */
export function queryPhrases(query: string, websearch = false): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const term of query.match(/"[^"]*"|[^\s"]+/g) ?? []) {
    if (websearch && (/^or$/i.test(term) || term.startsWith('-'))) continue;
    const phrase = (term.match(WORD) ?? []).map(stemOf);
    const key = phrase.join(' ');
    if (phrase.length && !seen.has(key)) {
      seen.add(key);
      out.push(phrase);
    }
  }
  // As many as the FTS5 query holds (search.ts).
  return out.slice(0, MAX_PHRASES);
}

/** A passage read for a query: its words (where each starts and ends), and every instance of the query's phrases among them. */
export interface ReadPassage {
  text: string;
  starts: number[];
  ends: number[];
  /** Instances, by their first and last word, in order, none overlapping. */
  hits: Array<{ from: number; to: number; phrase: number }>;
  /** How many of the phrases it holds. */
  held: number;
}

/** Whether an ASCII character code is a letter or a digit. */
const wordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Reads `passage` for `phrases` (see markSnippet). Plain ASCII (nearly every passage) is read by
 * character code, and only the words that begin with a phrase's first two letters are stemmed (a
 * Porter stem keeps its word's first two letters); other text by the Unicode classes, every word.
 */
export function readPassage(passage: string, phrases: string[][]): ReadPassage {
  const text = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(passage) ? passage.replace(CONTROLS, ' ') : passage;
  const starts: number[] = [];
  const ends: number[] = [];
  const candidates: number[] = [];
  if (/^[\u0000-\u007f]*$/.test(text)) {
    for (let i = 0; i < text.length; ) {
      while (i < text.length && !wordCode(text.charCodeAt(i))) i++;
      if (i >= text.length) break;
      starts.push(i);
      while (i < text.length && wordCode(text.charCodeAt(i))) i++;
      ends.push(i);
    }
    const lower = text.toLowerCase();
    for (const prefix of new Set(phrases.map((p) => p[0]!.slice(0, 2)))) {
      for (let at = lower.indexOf(prefix); at >= 0; at = lower.indexOf(prefix, at + 1)) {
        if (at > 0 && wordCode(text.charCodeAt(at - 1))) continue;
        candidates.push(tokenAt(starts, at));
      }
    }
    candidates.sort((a, b) => a - b);
  } else {
    for (const m of text.matchAll(WORD)) {
      candidates.push(starts.length);
      starts.push(m.index!);
      ends.push(m.index! + m[0].length);
    }
  }
  const hits: ReadPassage['hits'] = [];
  const found = new Set<number>();
  let next = 0;
  for (const i of candidates) {
    if (i < next) continue;
    for (let p = 0; p < phrases.length; p++) {
      const phrase = phrases[p]!;
      if (i + phrase.length > starts.length) continue;
      let k = 0;
      while (k < phrase.length && stemOf(text.slice(starts[i + k]!, ends[i + k]!)) === phrase[k]) k++;
      if (k === phrase.length) {
        hits.push({ from: i, to: i + k - 1, phrase: p });
        found.add(p);
        next = i + k;
        break;
      }
    }
  }
  return { text, starts, ends, hits, held: found.size };
}

/** The word that starts at `at` (binary search of the starts). */
function tokenAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The snippet of `passage` for `phrases`: the window of SNIPPET_WORDS words holding the most of the
 * phrases (then the most instances; then the earliest), from the beginning of the sentence of its
 * first instance when that is near, else a few words before it, with `…` where the passage goes on;
 * every instance in it marked. A passage holding none of them gives its opening words, unmarked.
 */
export function markSnippet(passage: string | ReadPassage, phrases: string[][]): string {
  const { text, starts, ends, hits } = typeof passage === 'string' ? readPassage(passage, phrases) : passage;
  if (!starts.length) return '';
  const count = starts.length;
  const first = bestWindow(count, hits, (i) => i === 0 || /[.;:!?\n]\s|\n/.test(text.slice(ends[i - 1]!, starts[i]!)));
  const last = Math.min(count, first + SNIPPET_WORDS) - 1;
  let out = first > 0 ? '…' : '';
  // From the punctuation that opens the first word: "(a) Notwithstanding", not "a) Notwithstanding".
  let at = starts[first]!;
  while (at > (first > 0 ? ends[first - 1]! : 0) && !/\s/.test(text[at - 1]!)) at--;
  let chars = 0;
  let h = hits.findIndex((x) => x.from >= first);
  for (let i = first; i <= last; i++) {
    const hit = h >= 0 && h < hits.length && hits[h]!.from === i && hits[h]!.to <= last ? hits[h]! : undefined;
    const end = hit ? ends[hit.to]! : ends[i]!;
    if (chars + (end - at) > SNIPPET_CHARS) return `${out}…`;
    chars += end - at;
    out += hit ? `${text.slice(at, starts[i]!)}${MARK_START}${text.slice(starts[i]!, end)}${MARK_END}` : text.slice(at, end);
    at = end;
    if (hit) {
      i = hit.to;
      h++;
    }
    while (h >= 0 && h < hits.length && hits[h]!.from <= i) h++;
  }
  // The passage's last word: what follows it too (its full stop).
  return last < count - 1 ? `${out}…` : `${out}${text.slice(at).trimEnd().slice(0, Math.max(0, SNIPPET_CHARS - chars))}`;
}

/** The first word of the best window (see markSnippet); `opens(i)`: whether word i begins a sentence. */
function bestWindow(count: number, hits: Array<{ from: number; to: number; phrase: number }>, opens: (i: number) => boolean): number {
  let best = 0;
  let bestScore = -1;
  for (const hit of hits) {
    let start = hit.from - LEAD;
    for (let i = hit.from; i >= Math.max(0, hit.from - SENTENCE_LEAD); i--) {
      if (opens(i)) {
        start = i;
        break;
      }
    }
    const first = Math.max(0, Math.min(start, count - SNIPPET_WORDS));
    const inside = hits.filter((x) => x.from >= first && x.to < first + SNIPPET_WORDS);
    const score = new Set(inside.map((x) => x.phrase)).size * 1000 + inside.length;
    if (score > bestScore) {
      best = first;
      bestScore = score;
    }
  }
  return best;
}
