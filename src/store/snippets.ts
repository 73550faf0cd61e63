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
import { LRUCache } from 'lru-cache';
import { stemmer } from 'stemmer';
import { isWhiteSpace } from '../util/white-space.js';

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
/** `i` and `y`: a stem's second letter `i` may be its word's `y` (see readPassage). */
const I = 0x69;
const Y = 0x79;
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

/** An ASCII character code in lower case. */
const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** Whether an ASCII character code is a letter or a digit. */
const wordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** A character of a word (WORD), alone. */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{Co}]$/u;
/** Characters past ASCII read, whether each is of a word: a passage's few (§, quotation marks, dashes) again and again. */
const WORDLIKE = new Map<number, boolean>();

/** The length in code units (1, or 2 for a surrogate pair) of the word's character at `i`, or 0 when it is not one. */
function wordWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return wordCode(c) ? 1 : 0;
  const point = text.codePointAt(i)!;
  let word = WORDLIKE.get(point);
  if (word === undefined) {
    word = WORD_CHARACTER.test(String.fromCodePoint(point));
    if (WORDLIKE.size >= 4096) WORDLIKE.clear();
    WORDLIKE.set(point, word);
  }
  return word ? (point > 0xffff ? 2 : 1) : 0;
}

/**
 * A passage's words, whatever the query: where each starts and ends, and whether the text (else each
 * word) is plain ASCII. Kept for the passages read last (`KEPT_PASSAGES`, by their text): a search
 * thread's searches show the same passages again and again, and finding their words was most of a
 * snippet's time.
 */
export interface PassageWords {
  text: string;
  ascii: boolean;
  starts: number[];
  ends: number[];
  /** Text past ASCII: whether each word is plain ASCII (1) or not (0). */
  plain: Uint8Array | undefined;
  /** Each word's stem, once a query has asked for it. */
  stems: Array<string | undefined>;
  /**
   * The words by their first character's code, lower case (plain ASCII words only), ascending; in
   * other text, `byFirst[128]` the words past ASCII. A query's candidates are read from here, not
   * from every word of the passage (see readPassage).
   */
  byFirst: Array<number[] | undefined>;
}

/** Where PassageWords' byFirst holds the words past ASCII. */
const PAST_ASCII = 128;

/** The words of each first character (see PassageWords' byFirst). */
function wordsByFirst(text: string, starts: number[], plain: Uint8Array | undefined): Array<number[] | undefined> {
  const byFirst: Array<number[] | undefined> = [];
  for (let w = 0; w < starts.length; w++) {
    const first = plain && !plain[w] ? PAST_ASCII : lowerCode(text.charCodeAt(starts[w]!));
    (byFirst[first] ??= []).push(w);
  }
  return byFirst;
}

/** Passages' words kept, by the passage as read; beyond it the least recently used go first. */
const KEPT_PASSAGES = 4096;
const passageWords = new LRUCache<string, PassageWords>({ max: KEPT_PASSAGES });

/**
 * A passage as a caller keeps it (search-rows.ts): its text, and its words once read (by wordsOf, which
 * then reads them from here, not from the passages' cache by text: one read of lru-cache a result fewer).
 */
export interface HeldPassage {
  readonly text: string;
  words?: PassageWords;
}

/** The words of `passage` (see PassageWords), kept. */
function wordsOf(passage: string | HeldPassage): PassageWords {
  if (typeof passage !== 'string') return (passage.words ??= wordsOf(passage.text));
  let words = passageWords.get(passage);
  if (words === undefined) passageWords.set(passage, (words = findWords(passage)));
  return words;
}

/**
 * Finds the words of `passage`. Plain ASCII (most passages) is read by character code; other text (a
 * third of the passages: §, curly quotation marks) by character code too, characters past ASCII by
 * the Unicode classes (WORD).
 */
function findWords(passage: string): PassageWords {
  const text = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(passage) ? passage.replace(CONTROLS, ' ') : passage;
  const starts: number[] = [];
  const ends: number[] = [];
  if (/^[\u0000-\u007f]*$/.test(text)) {
    for (let i = 0; i < text.length; ) {
      while (i < text.length && !wordCode(text.charCodeAt(i))) i++;
      if (i >= text.length) break;
      const start = i;
      while (i < text.length && wordCode(text.charCodeAt(i))) i++;
      starts.push(start);
      ends.push(i);
    }
    return { text, ascii: true, starts, ends, plain: undefined, stems: new Array<string | undefined>(starts.length), byFirst: wordsByFirst(text, starts, undefined) };
  }
  const plain: number[] = [];
  for (let i = 0; i < text.length; ) {
    let width = wordWidth(text, i);
    if (!width) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    while (width) {
      if (width === 2 || text.charCodeAt(i) >= 128) ascii = false;
      i += width;
      width = i < text.length ? wordWidth(text, i) : 0;
    }
    starts.push(start);
    ends.push(i);
    plain.push(ascii ? 1 : 0);
  }
  const plainWords = Uint8Array.from(plain);
  return { text, ascii: false, starts, ends, plain: plainWords, stems: new Array<string | undefined>(starts.length), byFirst: wordsByFirst(text, starts, plainWords) };
}

/**
 * Reads `passage` for `phrases` (see markSnippet): its words (wordsOf), of which only those that may
 * be a phrase's first word are stemmed. In plain ASCII, the words that begin with a phrase's first two
 * letters (a Porter stem keeps its word's first two letters, but for a `y` after the first letter,
 * which may become `i`: "eyed" → "ei"; the only change found in 275,038 words, the session's and every
 * 2–5 letter form); in other text, every word past ASCII and the ASCII words that begin with a
 * phrase's first letter (a Porter stem keeps its word's first letter).
 */
export function readPassage(passage: string | HeldPassage, phrases: string[][]): ReadPassage {
  const { text, ascii, starts, ends, byFirst, stems } = wordsOf(passage);
  // Scratch arrays of the module (a passage is read at a time), grown for a query of more phrases:
  // arrays, a Set and a list of candidates made for each passage were a fifth of a search's allocation.
  if (phrases.length > FIRSTS.length) {
    FIRSTS = new Int32Array(phrases.length);
    SECONDS = new Int32Array(phrases.length);
    AT = new Int32Array(phrases.length + 1);
  }
  // The phrases' first two letters as character codes (-1: a stem of one letter).
  const firsts = FIRSTS;
  const seconds = SECONDS;
  // The words of the phrases' first letters (and, past ASCII, every word past ASCII): ascending lists,
  // none sharing a word, the first `count` of LISTS; where each is read to.
  const lists = LISTS;
  const at = AT;
  const phraseCount = phrases.length;
  let count = 0;
  for (let p = 0; p < phraseCount; p++) {
    const stem = phrases[p]![0]!;
    const first = stem.charCodeAt(0);
    let seen = false;
    for (let q = 0; q < p && !seen; q++) seen = firsts[q] === first;
    const list = first < PAST_ASCII && !seen ? byFirst[first] : undefined;
    if (list) {
      lists[count] = list;
      at[count++] = 0;
    }
    firsts[p] = first;
    seconds[p] = stem.length > 1 ? stem.charCodeAt(1) : -1;
  }
  const past = ascii ? undefined : byFirst[PAST_ASCII];
  if (past) {
    lists[count] = past;
    at[count++] = 0;
  }
  const hits: ReadPassage['hits'] = [];
  // The phrases found, as bits (a query has at most MAX_PHRASES; past 31, a set).
  let found = 0;
  let more: Set<number> | undefined;
  let next = 0;
  // The candidates in ascending order (the least word at the head of a list), each read as it comes.
  for (;;) {
    let l = -1;
    for (let k = 0; k < count; k++) if (at[k]! < lists[k]!.length && (l < 0 || lists[k]![at[k]!]! < lists[l]![at[l]!]!)) l = k;
    if (l < 0) break;
    const i = lists[l]![at[l]!++]!;
    if (i < next) continue;
    if (ascii && !mayBegin(text, starts[i]!, ends[i]!, firsts, seconds, phraseCount)) continue;
    for (let p = 0; p < phrases.length; p++) {
      const phrase = phrases[p]!;
      if (i + phrase.length > starts.length) continue;
      let k = 0;
      while (k < phrase.length && (stems[i + k] ??= stemOf(text.slice(starts[i + k]!, ends[i + k]!))) === phrase[k]) k++;
      if (k === phrase.length) {
        hits.push({ from: i, to: i + k - 1, phrase: p });
        if (p < 31) found |= 1 << p;
        else (more ??= new Set()).add(p);
        next = i + k;
        break;
      }
    }
  }
  return { text, starts, ends, hits, held: bitCount(found) + (more?.size ?? 0) };
}

/** readPassage's scratch arrays. */
let FIRSTS = new Int32Array(MAX_PHRASES);
let SECONDS = new Int32Array(MAX_PHRASES);
const LISTS: number[][] = [];
let AT = new Int32Array(MAX_PHRASES + 1);

/** Whether a plain ASCII word, from `start` to `end`, may be the first word of a phrase of those first two letters (see readPassage). */
function mayBegin(text: string, start: number, end: number, firsts: Int32Array, seconds: Int32Array, count: number): boolean {
  const first = lowerCode(text.charCodeAt(start));
  const second = end - start > 1 ? lowerCode(text.charCodeAt(start + 1)) : -2;
  for (let p = 0; p < count; p++) {
    if (firsts[p] === first && (seconds[p] === -1 || seconds[p] === second || (seconds[p] === I && second === Y))) return true;
  }
  return false;
}

/**
 * The snippet of `passage` for `phrases`: the window of SNIPPET_WORDS words holding the most of the
 * phrases (then the most instances; then the earliest), from the beginning of the sentence of its
 * first instance when that is near, else a few words before it, with `…` where the passage goes on;
 * every instance in it marked. A passage holding none of them gives its opening words, unmarked.
 */
export function markSnippet(passage: string | HeldPassage | ReadPassage, phrases: string[][]): string {
  const { text, starts, ends, hits } = typeof passage === 'string' || !('hits' in passage) ? readPassage(passage, phrases) : passage;
  if (!starts.length) return '';
  const count = starts.length;
  const first = bestWindow(text, starts, ends, hits);
  const last = Math.min(count, first + SNIPPET_WORDS) - 1;
  let out = first > 0 ? '…' : '';
  // From the punctuation that opens the first word: "(a) Notwithstanding", not "a) Notwithstanding".
  let at = starts[first]!;
  while (at > (first > 0 ? ends[first - 1]! : 0) && !isWhiteSpace(text.charCodeAt(at - 1))) at--;
  let chars = 0;
  // The text from `shown` to `at` is taken into `out` at the next mark or at the end, in one slice.
  let shown = at;
  // The first instance from the window's first word (-1: none).
  let h = 0;
  while (h < hits.length && hits[h]!.from < first) h++;
  if (h === hits.length) h = -1;
  for (let i = first; i <= last; i++) {
    const hit = h >= 0 && h < hits.length && hits[h]!.from === i && hits[h]!.to <= last ? hits[h]! : undefined;
    const end = hit ? ends[hit.to]! : ends[i]!;
    if (chars + (end - at) > SNIPPET_CHARS) return `${out}${text.slice(shown, at)}…`;
    chars += end - at;
    at = end;
    if (hit) {
      out += `${text.slice(shown, starts[i]!)}${MARK_START}${text.slice(starts[i]!, end)}${MARK_END}`;
      shown = end;
      i = hit.to;
      h++;
    }
    while (h >= 0 && h < hits.length && hits[h]!.from <= i) h++;
  }
  out += text.slice(shown, at);
  // The passage's last word: what follows it too (its full stop).
  return last < count - 1 ? `${out}…` : `${out}${text.slice(at).trimEnd().slice(0, Math.max(0, SNIPPET_CHARS - chars))}`;
}

/** Whether the text between words i − 1 and i (none before the first) opens a sentence: a line break, or `.;:!?` and a space. */
function opensSentence(text: string, starts: number[], ends: number[], i: number): boolean {
  if (i === 0) return true;
  const end = starts[i]!;
  for (let at = ends[i - 1]!; at < end; at++) {
    const c = text.charCodeAt(at);
    if (c === 10) return true;
    // . ; : ! ? and then white space (as \s reads it), inside the same gap
    if ((c === 46 || c === 59 || c === 58 || c === 33 || c === 63) && at + 1 < end && isWhiteSpace(text.charCodeAt(at + 1))) return true;
  }
  return false;
}

/**
 * The first word of the best window (see markSnippet): for each instance, the window from its
 * sentence's beginning (when near) holding the most phrases, then the most instances; the first such.
 * Counted in place: the phrases found as bits (a query has at most MAX_PHRASES).
 */
function bestWindow(text: string, starts: number[], ends: number[], hits: ReadPassage['hits']): number {
  const count = starts.length;
  let best = 0;
  let bestScore = -1;
  for (const hit of hits) {
    let start = hit.from - LEAD;
    for (let i = hit.from; i >= Math.max(0, hit.from - SENTENCE_LEAD); i--) {
      if (opensSentence(text, starts, ends, i)) {
        start = i;
        break;
      }
    }
    const first = Math.max(0, Math.min(start, count - SNIPPET_WORDS));
    let phrases = 0;
    let more: Set<number> | undefined;
    let inside = 0;
    for (const x of hits) {
      if (x.from >= first && x.to < first + SNIPPET_WORDS) {
        if (x.phrase < 31) phrases |= 1 << x.phrase;
        else (more ??= new Set()).add(x.phrase);
        inside++;
      }
    }
    const score = (bitCount(phrases) + (more?.size ?? 0)) * 1000 + inside;
    if (score > bestScore) {
      best = first;
      bestScore = score;
    }
  }
  return best;
}

/** The bits set in a 32-bit number. */
function bitCount(n: number): number {
  let bits = 0;
  for (let v = n >>> 0; v; v &= v - 1) bits++;
  return bits;
}
