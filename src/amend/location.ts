import type { LevelKind } from '../types.js';
import { designationAt, isEnumerated, isRung, ordinalWord, rungBelow, SECTION_RUNG_NAMES, sectionLadder, seriesOf, seriesOfRung, seriesOrdinal, type Style } from '../parse/ladder.js';
import type { LocationStep, Path } from './types.js';

/**
 * Places in the law as typed steps, and how they are written in words. The instruction reader
 * builds steps from the bill's words once (`levelSteps`, `readUnits`); the executor walks them;
 * `describeLocation` writes them back for a reader ("subsection (b)", "matter preceding paragraph (1)").
 */

/** The names of the section's rungs (both styles), as instructions write them: `(section|subsection|…|subdivision)`. */
export const RUNG_WORD = `(${SECTION_RUNG_NAMES})`;
/** One or more designations run together: `(b)`, `(6)(E)`. */
export const DESIGNATIONS = '((?:\\([A-Za-z0-9]{1,6}\\))+)';

/** A level step: `levelStep('paragraph', '2')` is paragraph (2). */
export function levelStep(rung: LevelKind, designation: string): LevelStep {
  return { type: 'level', rung, designation };
}

/** A step that names a level by rung and designation. */
export type LevelStep = Extract<LocationStep, { type: 'level' }>;

/** The values of designations run together: `(6)(E)` → `['6', 'E']`. */
export function designationValues(designations: string): string[] {
  return [...designations.matchAll(/\(([A-Za-z0-9]+)\)/g)].map((m) => m[1]!);
}

/**
 * A level named with its designations run together, as steps down the ladder:
 * `('paragraph', '(6)(E)')` → paragraph (6), subparagraph (E); `('section', '(b)(2)')` → subsection (b),
 * paragraph (2) (the section itself is the target, not a location).
 */
export function levelSteps(rung: string, designations: string, style: Style = 'us'): LocationStep[] {
  let kind: LevelKind = !isRung(rung) ? sectionLadder(style)[1]! : rung === 'section' ? rungBelow('section', style)! : rung;
  const steps: LocationStep[] = [];
  for (const value of designationValues(designations)) {
    steps.push(levelStep(kind, value));
    kind = rungBelow(kind) ?? kind;
  }
  return steps;
}

/** A level step's words: `paragraph (2)`, `section 5`. */
function levelWords(rung: string, designation: string): string {
  return isEnumerated(rung) ? `${rung} (${designation})` : `${rung} ${designation}`;
}

/** One step in words, as an instruction would name it. */
export function describeStep(step: LocationStep): string {
  switch (step.type) {
    case 'level':
      return `${step.nth ? `${ordinalWord(step.nth)} ` : ''}${levelWords(step.rung, step.designation)}`;
    case 'matter':
      return `matter ${step.side} ${levelWords(step.rung, step.designation)}`;
    case 'flush':
      return 'flush text';
    case 'sentence':
      return `${ordinalWord(step.ordinal)} sentence`;
    case 'paragraph':
      return `${ordinalWord(step.ordinal)} paragraph`;
    case 'heading':
      return step.rung ? `${step.rung} heading` : 'heading';
    case 'table':
      return step.of;
    case 'tableItem':
      return `item relating to ${step.rung} ${step.designation}`;
    case 'mark':
      return `${MARK_WORDS[step.mark] ?? step.mark}${step.atEnd ? ' at the end' : ''}`;
    case 'designation':
      return `${step.rung ? `${step.rung} ` : ''}designation${step.heading ? ' and heading' : ''}`;
    case 'provision':
      return step.name;
  }
}

/** A place in words, one string per step: `['subsection (b)', 'matter preceding paragraph (1)']`. */
export function describeLocation(path: Path): string[] {
  return path.map(describeStep);
}

/**
 * A level path as an instruction writes it, designations run together: paragraph (6), subparagraph (E)
 * → `paragraph (6)(E)`; any other path is its steps joined.
 */
export function describePath(path: Path): string {
  const first = path[0];
  if (first?.type === 'level' && path.every((s) => s.type === 'level' && !s.nth) && first.rung !== 'section') {
    return `${first.rung} ${path.map((s) => `(${(s as { designation: string }).designation})`).join('')}`;
  }
  return describeLocation(path).join(', ');
}

/** Marks instructions name in words ("the period at the end", "a semicolon"). */
export const MARK_NAMES: Readonly<Record<string, string>> = { comma: ',', period: '.', semicolon: ';', colon: ':', dash: '—' };
const MARK_WORDS: Record<string, string> = Object.fromEntries(Object.entries(MARK_NAMES).map(([word, mark]) => [mark, word]));

/** Whether two steps name the same place. */
export function sameStep(a: LocationStep, b: LocationStep): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The last step of a path when it is a single level step (a level named alone: `paragraph (3)`, `section 28`). */
export function soleLevel(path: Path): Extract<LocationStep, { type: 'level' }> | undefined {
  const step = path.length === 1 ? path[0] : undefined;
  return step?.type === 'level' ? step : undefined;
}

/**
 * Reads a list of levels: `paragraph (5)`, `clauses (ii) and (iii)`, `paragraphs (3), (6)(E), (9), (10),
 * and (13)`, `paragraphs (3) through (10)`, `subsections (e) and (h)`, `section 710`. Each level is a
 * path (`paragraph (6)(E)` is two steps).
 */
export function readUnits(text: string, style: Style = 'us'): { units: Path[]; rest: string } | undefined {
  const head = new RegExp(`^${RUNG_WORD}s?\\s+`, 'i').exec(text);
  if (!head) return undefined;
  const kind = head[1]!.toLowerCase();
  let rest = text.slice(head[0].length);
  const designation = kind === 'section' ? /^(\d[\w.–-]*)/ : /^((?:\([A-Za-z0-9]{1,6}\))+)/;
  const units: Path[] = [];
  const name = (value: string): Path => (kind === 'section' ? [levelStep('section', value)] : levelSteps(kind, value, style));
  for (;;) {
    const match = designation.exec(rest);
    if (!match) return undefined;
    rest = rest.slice(match[0].length);
    const through = /^\s+(?:through|to)\s+(?=\(|\d)/i.exec(rest);
    if (through) {
      const end = designation.exec(rest.slice(through[0].length));
      if (!end) return undefined;
      const range = expandRange(match[1]!, end[1]!, kind);
      if (!range) return undefined;
      units.push(...range.map(name));
      rest = rest.slice(through[0].length + end[0].length);
    } else {
      units.push(name(match[1]!));
    }
    const separator = /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?=\(|\d)/i.exec(rest);
    if (!separator) break;
    rest = rest.slice(separator[0].length);
  }
  return { units, rest: rest.trim() };
}

/** `(3)` … `(10)` → `(3)`, `(4)`, … `(10)`; works for numbers, letters and roman numerals. */
export function expandRange(from: string, to: string, kind: string): string[] | undefined {
  const a = /^\(([A-Za-z0-9]+)\)$/.exec(from)?.[1];
  const b = /^\(([A-Za-z0-9]+)\)$/.exec(to)?.[1];
  if (a === undefined || b === undefined) return undefined;
  // The level names the series: subparagraphs (H) through (U) are letters, clauses (i) through (v) numerals.
  const named = isRung(kind) ? seriesOfRung(kind) : undefined;
  const shared = seriesOf(a).filter((series) => seriesOf(b).includes(series));
  const ordered = named && shared.includes(named) ? [named, ...shared.filter((s) => s !== named)] : shared;
  for (const series of ordered) {
    const start = seriesOrdinal(a, series);
    const end = seriesOrdinal(b, series);
    if (!(end > start) || end - start > 200) continue;
    const values: string[] = [];
    for (let n = start; n <= end; n++) values.push(`(${designationAt(n, series)})`);
    return values;
  }
  return undefined;
}

/**
 * A step as the reader gathers it: a place, or several places amended alike ("in subsections (a)
 * and (d)", "Subsections (b)(2) and (c) of section 5 are each amended"), which become one
 * instruction each.
 */
export type ReadStep = LocationStep | { type: 'each'; paths: Path[] };

/** `rungs` + `(e), (g)(5), and (i)(5)` → one step standing for each of those levels. */
export function eachOf(plural: string, list: string, style: Style): ReadStep {
  const rung = plural.toLowerCase().replace(/s$/, '');
  const each = list.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter((d) => d !== '');
  return { type: 'each', paths: each.map((d) => levelSteps(rung, d, style)) };
}

/** One path per place the steps name: `[a, each[[b],[c]], d]` → `[a, b, d]`, `[a, c, d]`. */
export function expandLocations(steps: ReadStep[]): Path[] {
  let out: Path[] = [[]];
  for (const step of steps) {
    if (step.type !== 'each') {
      out = out.map((l) => [...l, step]);
      continue;
    }
    out = out.flatMap((l) => step.paths.map((a) => [...l, ...a]));
  }
  return out;
}

/** One level phrase of a list: `subparagraph (A)`, `clauses (i)(III) and (ii) of subparagraph (B)`. */
export const LEVEL_PHRASE = `(?:sub)?(?:paragraph|clause|section|item)s?\\s+(?:\\([A-Za-z0-9]{1,6}\\))+(?:\\s+and\\s+(?:\\([A-Za-z0-9]{1,6}\\))+)*(?:\\s+of\\s+(?:sub)?(?:paragraph|clause|section)\\s+(?:\\([A-Za-z0-9]{1,6}\\))+)*`;

/** The paths a level phrase names: `clauses (i)(III) and (ii) of subparagraph (B)` → (B)(i)(III), (B)(ii). */
export function phrasePaths(phrase: string, style: Style = 'us'): Path[] {
  const m = /^(\w+?)s?\s+((?:\([A-Za-z0-9]{1,6}\))+(?:\s+and\s+(?:\([A-Za-z0-9]{1,6}\))+)*)((?:\s+of\s+\w+\s+(?:\([A-Za-z0-9]{1,6}\))+)*)$/i.exec(phrase.trim())!;
  const above = [...m[3]!.matchAll(/of\s+(\w+)\s+((?:\([A-Za-z0-9]{1,6}\))+)/gi)].reverse().flatMap((x) => levelSteps(x[1]!.toLowerCase(), x[2]!, style));
  return m[2]!.split(/\s+and\s+/).map((d) => [...above, ...levelSteps(m[1]!.toLowerCase(), d, style)]);
}
