import type { LevelKind } from '../types.js';

/**
 * The ladder: the rungs of a law, their order, the designation each rung prints, ordinals,
 * roman numerals, and the ids built from designations. Every other module asks here.
 *
 * Rungs, outermost first (California says `subdivision` where federal drafting says `subsection`):
 *
 * | rung            | prints      | series        | id part  |
 * |-----------------|-------------|---------------|----------|
 * | division … article | `TITLE II`, `Chapter 17.25` | — | `d`, `t`, `st`, `p`, `sp`, `ch`, `sch`, `art` + value |
 * | billSection     | `SEC. 2.`   | —             | `sec2`   |
 * | section         | `§ 1050.`   | —             | `s1050`  |
 * | subsection / subdivision | `(a)` … `(z)`, `(aa)` | `lower`  | `a`      |
 * | paragraph       | `(1)`, `(1.5)` | `digit`    | `1`      |
 * | subparagraph    | `(A)`       | `upper`       | `A`      |
 * | clause          | `(i)`, `(iv)` | `romanLower` | `iv`     |
 * | subclause       | `(I)`       | `romanUpper`  | `I`      |
 * | item            | `(aa)`      | `doubleLower` | `aa`     |
 * | subitem         | `(AA)`      | `doubleUpper` | `AA`     |
 *
 * Ids are paths of those parts: `sec1/s1050/g/2` is paragraph (2) of subdivision (g) of
 * section 1050 as quoted in the bill's section 1 (`idPart`, `readIdPart`).
 */

/** Drafting style: the name a rung gets, and the rungs' order. */
export type Style = 'ca' | 'us';

/** The rungs above the section, outermost first. */
export const STRUCTURAL_RUNGS: readonly LevelKind[] = ['division', 'title', 'subtitle', 'part', 'subpart', 'chapter', 'subchapter', 'article'];

/** The rungs below the section in each drafting style, outermost first. */
const ENUMERATED_RUNGS: Record<Style, readonly LevelKind[]> = {
  us: ['subsection', 'paragraph', 'subparagraph', 'clause', 'subclause', 'item', 'subitem'],
  ca: ['subdivision', 'paragraph', 'subparagraph', 'clause', 'subclause', 'item', 'subitem'],
};

/**
 * Every rung of a style in order: the structural rungs, the section, then the enumerated rungs.
 *
 *     rungOrder('us') // → ['division', …, 'article', 'section', 'subsection', 'paragraph', …, 'subitem']
 */
export function rungOrder(style: Style = 'us'): readonly LevelKind[] {
  return style === 'us' ? ORDER_US : ORDER_CA;
}

const ORDER_US: readonly LevelKind[] = [...STRUCTURAL_RUNGS, 'section', ...ENUMERATED_RUNGS.us];
const ORDER_CA: readonly LevelKind[] = [...STRUCTURAL_RUNGS, 'section', ...ENUMERATED_RUNGS.ca];

/** The section and the rungs below it, in order (`['section', 'subsection', 'paragraph', …]`). */
export function sectionLadder(style: Style = 'us'): readonly LevelKind[] {
  return style === 'us' ? SECTION_US : SECTION_CA;
}

const SECTION_US: readonly LevelKind[] = ['section', ...ENUMERATED_RUNGS.us];
const SECTION_CA: readonly LevelKind[] = ['section', ...ENUMERATED_RUNGS.ca];

/** The names of the section and the rungs below it in both styles, for patterns: `section|subsection|…|subdivision`. */
export const SECTION_RUNG_NAMES = [...new Set([...SECTION_US, ...SECTION_CA])].join('|');

/** Structural rungs above the section, then the section, then the enumerated rungs from 10. */
const RANK: Record<LevelKind, number> = {
  division: 1,
  title: 2,
  subtitle: 3,
  part: 4,
  subpart: 5,
  chapter: 6,
  subchapter: 7,
  article: 8,
  // A bill's own sections hold the quoted law, chapters and all: they rank above everything quoted.
  billSection: 0.5,
  section: 9,
  subdivision: 10,
  subsection: 10,
  paragraph: 11,
  subparagraph: 12,
  clause: 13,
  subclause: 14,
  item: 15,
  subitem: 16,
};

/** The depth of a rung: smaller is further out (`rankOf('section') < rankOf('paragraph')`). */
export function rankOf(kind: LevelKind): number {
  return RANK[kind];
}

/** Whether `kind` is a rung the ladder knows (a string from outside, e.g. JSON). */
export function isRung(kind: string): kind is LevelKind {
  return Object.prototype.hasOwnProperty.call(RANK, kind);
}

/** Whether a rung is above the section: division, title, subtitle, part, subpart, chapter, subchapter, article. */
export function isStructural(kind: string): boolean {
  return STRUCTURAL_RUNGS.includes(kind as LevelKind);
}

/** Whether a rung is below the section, opened by a parenthesised designation: subsection (a) … subitem (AA). */
export function isEnumerated(kind: string): boolean {
  return isRung(kind) && RANK[kind] >= RANK.subsection;
}

/** Whether a rung is a section (of a law, or a bill's own `SEC. 2.`). */
export function isSection(kind: string): boolean {
  return kind === 'section' || kind === 'billSection';
}

/** Whether a rung is a section or above one (title, chapter, …): the levels that carry a heading of their own. */
export function isSectionOrAbove(kind: string): boolean {
  return isSection(kind) || isStructural(kind);
}

/**
 * The rung a designation takes directly under `kind`: `section` → `subsection` (or `subdivision`
 * in California), `subsection` → `paragraph`, … `item` → `subitem`; undefined below `subitem`
 * and above the section.
 */
export function rungBelow(kind: LevelKind, style: Style = kind === 'subdivision' ? 'ca' : 'us'): LevelKind | undefined {
  const ladder = sectionLadder(style);
  const at = kind === 'subdivision' || kind === 'subsection' ? 1 : ladder.indexOf(kind);
  return at < 0 ? undefined : ladder[at + 1];
}

// ---------------------------------------------------------------------------
// Series: the designations each rung prints

/** How a run of designations counts: `1 2 3`, `a b c`, `A B C`, `i ii iii`, `I II III`, `aa bb cc`, `AA BB CC`. */
export type Series = 'digit' | 'lower' | 'upper' | 'romanLower' | 'romanUpper' | 'doubleLower' | 'doubleUpper';

const SERIES: Partial<Record<LevelKind, Series>> = {
  subsection: 'lower',
  subdivision: 'lower',
  paragraph: 'digit',
  subparagraph: 'upper',
  clause: 'romanLower',
  subclause: 'romanUpper',
  item: 'doubleLower',
  subitem: 'doubleUpper',
};

/** The series a rung's designations are printed in; undefined for rungs not opened by `(…)`. */
export function seriesOfRung(kind: LevelKind): Series | undefined {
  return SERIES[kind];
}

const ROMAN_LOWER = /^(?=[ivxlc])m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$/;
const ROMAN_UPPER = /^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

/** Whether `text` is a well-formed roman numeral in one case (`iv`, `XII`; not `iiii`, not `Iv`). */
export function isRoman(text: string): boolean {
  return ROMAN_LOWER.test(text) || ROMAN_UPPER.test(text);
}

const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** The value of a roman numeral in either case: `iv` → 4, `XII` → 12 (0 for no numeral). */
export function romanValue(text: string): number {
  const s = text.toLowerCase();
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_DIGITS[s[i]!] ?? 0;
    const next = ROMAN_DIGITS[s[i + 1]!] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const ROMAN_PARTS: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** `4` → `iv` (`IV` with `upper`). */
export function toRoman(n: number, upper = false): string {
  let out = '';
  for (const [value, letters] of ROMAN_PARTS) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return upper ? out.toUpperCase() : out;
}

/**
 * The series a designation value could belong to, as printed: `c` → lower (and romanLower),
 * `iv` → romanLower, `aa` → doubleLower, `ab` → lower (after `z`), `IV` → romanUpper.
 */
export function seriesOf(value: string): Series[] {
  const base = value.split('.')[0]!;
  if (/^\d+[a-z]?$/.test(base)) return ['digit'];
  const lower = /^[a-z]+$/.test(base);
  if (!lower && !/^[A-Z]+$/.test(base)) return [];
  const out: Series[] = [lower ? 'lower' : 'upper'];
  if (lower ? ROMAN_LOWER.test(base) : ROMAN_UPPER.test(base)) out.push(lower ? 'romanLower' : 'romanUpper');
  if (/^([a-zA-Z])\1+$/.test(base)) out.push(lower ? 'doubleLower' : 'doubleUpper');
  return out;
}

/**
 * Whether a designation is printed in the series of a rung: `fits('clause', 'iv')`,
 * `fits('subsection', 'aa')` (the run goes on after `z`), not `fits('paragraph', 'A')`.
 */
export function fits(kind: LevelKind, value: string): boolean {
  const series = SERIES[kind];
  return series !== undefined && seriesOf(value).includes(series);
}

/** The 1-based place of a value in a series: `c` → 3, `aa` (lower) → 27, `iv` → 4, `bb` (doubled) → 2. */
export function seriesOrdinal(value: string, series: Series): number {
  const base = value.split('.')[0]!;
  switch (series) {
    case 'digit':
      return parseInt(base, 10);
    case 'romanLower':
    case 'romanUpper':
      return romanValue(base);
    case 'doubleLower':
    case 'doubleUpper':
      return letterValue(base[0]!) + 26 * (base.length - 2);
    default:
      return letterValue(base[0]!) + 26 * (base.length - 1);
  }
}

/** The designation at a place of a series: `(3, 'digit')` → `3`, `(4, 'romanUpper')` → `IV`, `(2, 'doubleLower')` → `bb`. */
export function designationAt(n: number, series: Series): string {
  const letter = (k: number, upper: boolean) => String.fromCharCode(((k - 1) % 26) + (upper ? 65 : 97));
  switch (series) {
    case 'digit':
      return String(n);
    case 'romanLower':
      return toRoman(n);
    case 'romanUpper':
      return toRoman(n, true);
    case 'doubleLower':
    case 'doubleUpper':
      return letter(n, series === 'doubleUpper').repeat(Math.floor((n - 1) / 26) + 2);
    default:
      return letter(n, series === 'upper').repeat(Math.floor((n - 1) / 26) + 1);
  }
}

function letterValue(ch: string): number {
  return ch.toLowerCase().charCodeAt(0) - 96;
}

/** The ordinal of a value read as the given rung (1-based), for checking sequence. */
export function ordinal(value: string, kind: LevelKind): number {
  // A map a rung, by value: no key string made at each call.
  let byValue = ordinalCache.get(kind);
  if (!byValue) ordinalCache.set(kind, (byValue = new Map()));
  let n = byValue.get(value);
  if (n === undefined) {
    n = seriesOrdinal(value, SERIES[kind] ?? 'lower');
    if (ordinalsCached < 10_000) {
      byValue.set(value, n);
      ordinalsCached++;
    }
  }
  return n;
}

const ordinalCache = new Map<LevelKind, Map<string, number>>();
let ordinalsCached = 0;

/** Is `value` the designation that opens a run of this rung: `a`, `1`, `A`, `i`, `I`, `aa`, `AA`? */
export function isFirst(value: string, kind: LevelKind): boolean {
  return ordinal(value, kind) === 1 && !value.includes('.');
}

/** Does `next` follow `prev` directly (or as an inserted `(a.5)`-style designation)? */
export function follows(prev: string, next: string, kind: LevelKind): boolean {
  const a = ordinal(prev, kind);
  const b = ordinal(next, kind);
  if (next.includes('.')) return b === a || b === a + 1;
  return b === a + 1;
}

/** Whether `a` comes before `b` in a run of the rung (`(b)` before `(c)`, `(ii)` before `(iv)`). */
export function precedes(a: string, b: string, kind: LevelKind): boolean {
  const x = ordinal(a, kind);
  const y = ordinal(b, kind);
  if (Number.isNaN(x) || Number.isNaN(y) || x === 0 || y === 0) return false;
  return x < y || (x === y && b.includes('.') && !a.includes('.'));
}

/**
 * The rungs a designation value could be, most likely first, in a drafting style:
 *
 * | value          | kinds                                          |
 * |----------------|------------------------------------------------|
 * | `a`            | subsection (subdivision in `ca`)               |
 * | `1`, `1.5`     | paragraph                                      |
 * | `A`            | subparagraph                                   |
 * | `i`, `v`, `x`  | subsection, then clause (`(i)` after `(h)`)    |
 * | `iv`           | clause                                         |
 * | `I`            | subparagraph, then subclause                   |
 * | `ii`           | clause, then item                              |
 * | `aa`           | item                                           |
 * | `AA`           | subitem                                        |
 *
 * Which one it is where the value is ambiguous is for the reader that knows the open rungs.
 */
export function interpretations(value: string, style: Style): LevelKind[] {
  const cache = interpretationCache[style];
  let kinds = cache.get(value);
  if (!kinds) {
    kinds = interpret(value, style);
    if (cache.size < 5_000) cache.set(value, kinds);
  }
  return kinds;
}

const interpretationCache: Record<Style, Map<string, LevelKind[]>> = { ca: new Map(), us: new Map() };

function interpret(value: string, style: Style): LevelKind[] {
  const sub: LevelKind = style === 'us' ? 'subsection' : 'subdivision';
  if (/^\d/.test(value)) return ['paragraph'];
  const base = value.split('.')[0]!;
  if (/^[a-z]$/.test(base)) return ROMAN_LOWER.test(base) ? [sub, 'clause'] : [sub];
  if (/^[A-Z]$/.test(base)) return ROMAN_UPPER.test(base) ? ['subparagraph', 'subclause'] : ['subparagraph'];
  if (/^[a-z]+$/.test(base)) {
    const doubled = base.length === 2 && base[0] === base[1];
    if (ROMAN_LOWER.test(base)) return doubled ? ['clause', 'item'] : ['clause'];
    return doubled ? ['item'] : [sub];
  }
  if (/^[A-Z]+$/.test(base)) {
    const doubled = base.length === 2 && base[0] === base[1];
    if (ROMAN_UPPER.test(base)) return doubled ? ['subclause', 'subitem'] : ['subclause'];
    return doubled ? ['subitem'] : ['subparagraph'];
  }
  return [sub];
}

// ---------------------------------------------------------------------------
// Ordinal words

/** Ordinal words as drafters use them ("the second sentence", "the last place it appears"); `-1` is the last. */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, last: -1,
};

/** A regular-expression source matching an ordinal in words or figures (`second`, `2nd`, `2d`, `21st`), case-insensitively. */
export const ORDINAL_PATTERN = `(?:${Object.keys(ORDINAL_WORDS).join('|')}|\\d{1,3}(?:st|nd|rd|d|th))`;

/** `second`, `2nd`, `2d` → 2; `last` → -1; undefined for anything else. */
export function ordinalNumber(text: string): number | undefined {
  const word = text.trim().toLowerCase();
  const named = ORDINAL_WORDS[word];
  if (named !== undefined) return named;
  const figures = /^(\d{1,3})(st|nd|rd|d|th)$/.exec(word);
  if (!figures) return undefined;
  const n = Number(figures[1]);
  return n > 0 ? n : undefined;
}

/** `2` → `second`, `-1` → `last`; figures past the twentieth (`21st`). */
export function ordinalWord(n: number): string {
  if (n === -1) return 'last';
  const word = Object.keys(ORDINAL_WORDS).find((w) => ORDINAL_WORDS[w] === n);
  if (word) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

// ---------------------------------------------------------------------------
// Ids

/** The id prefix of each rung at or above the section; enumerated rungs use the bare value. */
const ID_PREFIX: Partial<Record<LevelKind, string>> = {
  billSection: 'sec',
  section: 's',
  division: 'd',
  title: 't',
  subtitle: 'st',
  part: 'p',
  subpart: 'sp',
  chapter: 'ch',
  subchapter: 'sch',
  article: 'art',
};

/** Prefixes longest first, so `sch` is tried before `s` and `st` before `t`. */
const ID_PREFIXES = (Object.entries(ID_PREFIX) as Array<[LevelKind, string]>).sort((a, b) => b[1].length - a[1].length);

/** The id segment of a level: `sec2` (bill section), `s1050` (section), `ch17.25`, `a` (subdivision) … */
export function idPart(kind: LevelKind, value: string): string {
  return `${ID_PREFIX[kind] ?? ''}${value}`;
}

/** A level's id under its parent's: `childId('s1050/g', 'paragraph', '2')` → `s1050/g/2`. */
export function childId(parentId: string | undefined, kind: LevelKind, value: string): string {
  return parentId ? `${parentId}/${idPart(kind, value)}` : idPart(kind, value);
}

/**
 * Reads an id segment back, when it can only be a rung at or above the section: `s1050` →
 * section 1050, `ch17.25` → chapter 17.25, `tII` → title II. Undefined for a bare designation
 * (`g`, `2`), and for a segment whose prefix is not followed by a number or numeral.
 *
 * An enumerated segment such as `t` (subsection (t)) looks like no prefixed one: the value after
 * the prefix must start with a digit, a roman numeral or a single capital.
 */
export function readIdPart(segment: string): { kind: LevelKind; value: string } | undefined {
  for (const [kind, prefix] of ID_PREFIXES) {
    if (!segment.startsWith(prefix) || segment.length === prefix.length) continue;
    const value = segment.slice(prefix.length);
    if (/^(?:\d|[IVXLC]+(?![a-z])|[A-Z](?![a-z]))/.test(value)) return { kind, value };
  }
  return undefined;
}
