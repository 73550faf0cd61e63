import type { LevelKind } from '../types.js';

/**
 * Designations: the enumerators that open a clause, and how they are normalised.
 *
 * | printed        | value   | kinds it may be                          |
 * |----------------|---------|------------------------------------------|
 * | `(a)`          | `a`     | subdivision (California) / subsection (federal) |
 * | `(1)`, `(1.5)` | `1`     | paragraph                                 |
 * | `(A)`          | `A`     | subparagraph                              |
 * | `(i)`, `(iv)`  | `i`     | clause, or a subdivision when it follows `(h)` |
 * | `(I)`, `(IV)`  | `I`     | subclause, or a subparagraph after `(H)`  |
 * | `(aa)`         | `aa`    | item (or clause `(ii)`)                   |
 * | `(AA)`         | `AA`    | subitem                                   |
 *
 * The roman-or-letter ambiguities are left to the clause parser, which knows the
 * designations already open (see `interpretations`).
 */

/** Drafting style: the name a rung gets, and the rungs' order. */
export type Style = 'ca' | 'us';

export function rankOf(kind: LevelKind): number {
  return RANK[kind];
}

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

/** A designation read at the start of a text. */
export interface LeadingDesignation {
  /** As printed, `(a)`. */
  text: string;
  /** The designator inside the parentheses, `a`. */
  value: string;
  /** Characters consumed, including the whitespace that follows. */
  length: number;
}

const PAREN = /^\(([a-z]{1,4}|[A-Z]{1,4}|\d{1,4}[a-z]?(?:\.\d{1,3})?|[a-z]{1,2}\.\d{1,3}|[A-Z]\.\d{1,3})\)(?=\s|\(|$|[A-Z“"])/;

/** Reads one parenthesised designation at the start of `text`, if there is one. */
export function readParenDesignation(text: string): LeadingDesignation | undefined {
  const m = PAREN.exec(text);
  if (!m) return undefined;
  let length = m[0].length;
  while (length < text.length && /\s/.test(text[length]!)) length++;
  return { text: m[0], value: m[1]!, length };
}

const ROMAN_LOWER = /^(?=[ivxlc])m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$/;
const ROMAN_UPPER = /^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

/** The kinds a designation value could be, most likely first. */
export function interpretations(value: string, style: Style): LevelKind[] {
  const key = `${style}:${value}`;
  let kinds = interpretationCache.get(key);
  if (!kinds) {
    kinds = interpret(value, style);
    if (interpretationCache.size < 10_000) interpretationCache.set(key, kinds);
  }
  return kinds;
}

const interpretationCache = new Map<string, LevelKind[]>();

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

/** The ordinal of a value read as the given kind (1-based), for checking sequence. */
export function ordinal(value: string, kind: LevelKind): number {
  const key = `${kind}:${value}`;
  let n = ordinalCache.get(key);
  if (n === undefined) {
    n = computeOrdinal(value, kind);
    if (ordinalCache.size < 10_000) ordinalCache.set(key, n);
  }
  return n;
}

const ordinalCache = new Map<string, number>();

function computeOrdinal(value: string, kind: LevelKind): number {
  const base = value.split('.')[0]!;
  switch (kind) {
    case 'paragraph':
      return parseInt(base, 10);
    case 'clause':
    case 'subclause':
      return romanValue(base);
    case 'item':
    case 'subitem':
      return letterValue(base[0]!) + 26 * (base.length - 1);
    default:
      return letterValue(base[0]!) + 26 * (base.length - 1);
  }
}

function letterValue(ch: string): number {
  return ch.toLowerCase().charCodeAt(0) - 96;
}

function romanValue(text: string): number {
  const map: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const s = text.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const v = map[s[i]!] ?? 0;
    const next = map[s[i + 1]!] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Is `value` the designation that opens a run of this kind: `a`, `1`, `A`, `i`, `I`, `aa`, `AA`? */
export function isFirst(value: string, kind: LevelKind): boolean {
  return ordinal(value, kind) === 1 && !value.includes('.');
}

/** Does `next` follow `prev` directly (or as an inserted `(a.5)`-style designation)? */
export function follows(prev: string, next: string, kind: LevelKind): boolean {
  const a = ordinal(prev, kind);
  const b = ordinal(next, kind);
  if (next.includes('.')) return b === a || b === a + 1;
  if (prev.includes('.')) return b === a + 1;
  return b === a + 1;
}

const STRUCTURAL = /^(DIVISION|Division|TITLE|Title|SUBTITLE|Subtitle|PART|Part|SUBPART|Subpart|CHAPTER|Chapter|SUBCHAPTER|Subchapter|ARTICLE|Article)\s+([0-9]+(?:\.[0-9]+)*[A-Za-z]?|[IVXLC]+|[A-Z])(\.(?=\s|$)|\s*[—–-]|:|$)\s*/;
// "Sec. 2." in a bill's table of contents is an entry, not the section: only the capitals open one.
const BILL_SECTION = /^(SECTION|SEC\.|Section)\s+(\d+(?:\.\d+)*[a-z]?)\.(?=\s|$)\s*/;
const SECTION_SIGN = /^§+\s*(\d+[A-Za-z0-9\-–]*(?:\.[0-9A-Za-z\-]+)*)\.?(?=\s|$)\s*/;
const SECTION_NUMBER = /^(\d+(?:\.\d+)*[a-z]?)\.(?=\s|$)\s*/;

/** A structural or section designation at the start of a line. */
export interface SectionDesignation extends LeadingDesignation {
  kind: LevelKind;
}

/**
 * Reads a section-level designation: `SEC. 2.`, `SECTION 1.`, `§ 7284.6.`, `Chapter 17.25.`,
 * or a bare section number (`1050.`, `7284.6.`) when the caller says a section may start here.
 */
export function readSectionDesignation(text: string, allowBareNumber: boolean): SectionDesignation | undefined {
  // Most lines open with "(": none of these patterns can match them.
  if (text.charCodeAt(0) === 40) return undefined;
  let m = BILL_SECTION.exec(text);
  if (m) {
    // "Section 1050 of the Penal Code" is an instruction, not a designation: the number must end in a period.
    return { text: m[0].trim(), value: m[2]!, length: m[0].length, kind: 'billSection' };
  }
  m = STRUCTURAL.exec(text);
  if (m && (m[1] === m[1]!.toUpperCase() || m[3] === '.' || /[—–]/.test(m[3]!))) {
    const kind = m[1]!.toLowerCase() as LevelKind;
    return { text: m[0].trim(), value: m[2]!, length: m[0].length, kind };
  }
  m = SECTION_SIGN.exec(text);
  if (m) return { text: m[0].trim(), value: m[1]!, length: m[0].length, kind: 'section' };
  if (allowBareNumber) {
    m = SECTION_NUMBER.exec(text);
    if (m) return { text: m[0].trim(), value: m[1]!, length: m[0].length, kind: 'section' };
  }
  return undefined;
}

/** The id segment of a level: `sec2` (bill section), `s1050` (section), `ch17.25`, `a` (subdivision) … */
export function idPart(kind: LevelKind, value: string): string {
  switch (kind) {
    case 'billSection':
      return `sec${value}`;
    case 'section':
      return `s${value}`;
    case 'division':
      return `d${value}`;
    case 'title':
      return `t${value}`;
    case 'subtitle':
      return `st${value}`;
    case 'part':
      return `p${value}`;
    case 'subpart':
      return `sp${value}`;
    case 'chapter':
      return `ch${value}`;
    case 'subchapter':
      return `sch${value}`;
    case 'article':
      return `art${value}`;
    default:
      return value;
  }
}
