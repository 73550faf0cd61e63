import type { Level, Root } from '../types.js';
import { isStructural } from '../parse/ladder.js';
import { describeLocation, soleLevel } from './location.js';
import type { Instruction, Path } from './types.js';

/**
 * Matching an instruction to the statute's sections: the section it names (a U.S. Code section,
 * an Act's section in a compilation of that Act or through the Code's classification), a chapter
 * or title given whole, a new section and where it goes, or another law (`elsewhere`).
 */

/** Where an instruction goes in the statute, or why it goes nowhere. */
export type Resolution =
  | { kind: 'sections'; sections: Level[]; wide: boolean; note?: string }
  | { kind: 'newSection'; number: string; placeholder?: Level; chapter?: Level | Root; beside?: { level: Level; after: boolean }; ordered?: boolean }
  | { kind: 'renumber'; moves: Array<{ level: Level; to: string }> }
  | { kind: 'removeSections'; levels: Level[] }
  | { kind: 'refused'; reason: string }
  | { kind: 'elsewhere' };

/** A statute section with what the statute says about where it is. */
export interface StatuteSection {
  level: Level;
  /** The heading of the chapter it is in (from the title file, or as the section's source says). */
  chapterHeading?: string;
  title?: string;
  chapter?: string;
}

export function statuteSections(root: Root): StatuteSection[] {
  const out: StatuteSection[] = [];
  const walk = (node: Root | Level, chapter: Level | undefined): void => {
    for (const c of node.children) {
      if (c.type !== 'level') continue;
      if (c.kind === 'section') {
        const title = /\/us\/usc\/t(\w+)\//.exec(c.xmlId ?? '')?.[1];
        const number = chapter?.num?.value;
        const heading = c.chapterHeading ?? chapter?.heading;
        out.push({ level: c, ...(title ? { title } : {}), ...(number ? { chapter: number } : {}), ...(heading ? { chapterHeading: heading } : {}) });
      } else {
        walk(c, c.kind === 'chapter' ? c : chapter);
      }
    }
  };
  walk(root, undefined);
  return out;
}

/** `1111(a)` → `1111`; dashes folded so `136a–2` matches `136a-2`. */
export function sectionNumber(value: string): string {
  return value.replace(/\(.*$/, '').replace(/[–—]/g, '-').trim();
}

export function resolve(instruction: Instruction, root: Root): Resolution {
  const t = instruction.target;
  const sections = statuteSections(root);
  // A statute any of whose sections is identified as other than the Code's (a compilation of an
  // Act, a public law) numbers all its sections as that law does.
  const compilation = sections.some((s) => s.level.xmlId?.startsWith('/us/') && !s.level.xmlId.startsWith('/us/usc/'));
  const sameTitle = (s: StatuteSection, title: string | undefined): boolean => !title || !s.title || s.title === title;
  let number: string | undefined;
  let title: string | undefined;
  // An Act's own section number means nothing in another statute: it is matched only in a
  // compilation of that Act, or through the Code's classification (below).
  // The Act's section is named by the target or, in a list under the Act, by the place ("in section 1").
  const inLocation = sectionNamed(instruction.location);
  const actSection = t.act ? (t.section ?? (t.usc ? undefined : inLocation)) : undefined;
  const actOnly = Boolean(t.act && actSection && !t.usc && !isTheAct(root, t.act));
  if (t.usc) {
    number = sectionNumber(t.usc.section);
    title = t.usc.title;
  } else if (t.section && !actOnly) {
    number = sectionNumber(t.section);
  }
  if (!number && inLocation && !actOnly) number = sectionNumber(inLocation);
  title ??= t.title;
  if (number || actOnly) {
    // A Code citation is a Code section (or a section of a statute that does not say what it is);
    // a compilation's sections are numbered as its Act numbers them.
    const numbering = (level: Level): 'code' | 'other' | 'unknown' =>
      compilation ? 'other' : !level.xmlId || !level.xmlId.startsWith('/us/') ? 'unknown' : level.xmlId.startsWith('/us/usc/') ? 'code' : 'other';
    const named = Boolean(t.usc || t.code || t.act || t.title || t.chapter);
    const fits = (level: Level): boolean => {
      const kind = numbering(level);
      if (t.usc) return kind !== 'other';
      if (!named) return kind === 'unknown';
      return true;
    };
    let matched = number ? sections.filter((s) => sectionNumber(s.level.num?.value ?? '') === number && sameTitle(s, title) && fits(s.level)) : [];
    // A statute that is the Act itself (a compilation of it) numbers its sections as the Act does.
    if (matched.length === 0 && t.act && actSection && isTheAct(root, t.act)) {
      const own = sectionNumber(actSection);
      matched = sections.filter((s) => sectionNumber(s.level.num?.value ?? '') === own);
    }
    let note: string | undefined;
    if (matched.length === 0 && t.act && actSection && !t.usc) {
      // An Act's section the bill cites without its Code section: the Code's own classification
      // (its chapter named for the Act, the section's source credit naming the Act's section).
      const classified = sections.filter((s) => enactedAs(s, t.act!, sectionNumber(actSection)));
      if (classified.length === 1) {
        matched = classified;
        const level = classified[0]!.level;
        note = `${t.act}, sec. ${sectionNumber(actSection)}, is § ${level.num?.value ?? ''} of the Code: its chapter is “${classified[0]!.chapterHeading}” and its source credit names § ${sectionNumber(actSection)}`;
      }
    }
    if (matched.length === 0) return { kind: 'elsewhere' };
    if (matched.length > 1) return { kind: 'refused', reason: `the statute holds § ${number ?? ''} more than once` };
    if (isTableEdit(instruction)) return { kind: 'refused', reason: 'edits to a table of sections or contents are not executed' };
    return { kind: 'sections', sections: [matched[0]!.level], wide: false, ...(note ? { note } : {}) };
  }
  // Only part of a chapter, title or Act (its subchapter I, its part F): where that part ends, or
  // which of its sections it holds, is not known here.
  if (t.within && (instruction.action === 'addAtEnd' || (instruction.occurrence === 'each' && !t.usc))) {
    const here = Boolean((t.act && isTheAct(root, t.act)) || (t.chapter && findChapter(root, t.chapter)));
    return here ? { kind: 'refused', reason: `the instruction amends ${t.within} only, which the statute does not mark out` } : { kind: 'elsewhere' };
  }
  // An instruction not read that names no section cannot be placed in the statute.
  if (instruction.action === 'unknown' && !t.usc && !t.section && !sectionNamed(instruction.location)) return { kind: 'elsewhere' };
  // A chapter or title of another title of the Code than the statute's: "Chapter 1 of title 23" is not chapter 1 of title 16.
  const titles = new Set(sections.map((s) => s.title).filter((x): x is string => x !== undefined));
  if (t.title && !t.act && titles.size > 0 && !titles.has(t.title)) return { kind: 'elsewhere' };
  const theAct = Boolean(t.act && !actSection && isTheAct(root, t.act));
  const wholeLaw = Boolean(t.chapter || t.title || theAct);
  // A chapter or title of the Code is not in a compilation of an Act, and the reverse.
  const inCode = (level: Level) => !compilation && (!level.xmlId?.startsWith('/us/') || level.xmlId.startsWith('/us/usc/'));
  const lawSections = sections.filter((s) => (theAct ? true : inCode(s.level)) && sameTitle(s, t.title));
  if (wholeLaw && instruction.location.length === 0) {
    const placed = sectionUnits(instruction, root, lawSections);
    if (placed) return placed;
  }
  if (t.chapter || t.title) {
    // A chapter or title as a whole: "Chapter 3084 of title 54 is amended by striking … each place it appears".
    const inTitle = lawSections;
    const known = inTitle.filter((s) => s.chapter !== undefined);
    // Sections cut from their title do not say their chapter: in titles numbered by chapter
    // (54 U.S.C. 308402 is in chapter 3084) the number tells; otherwise the sections given are taken.
    const byNumber = (s: StatuteSection) => {
      const n = s.level.num?.value ?? '';
      return !(/^\d{6}$/.test(n) && /^\d{4}$/.test(t.chapter ?? '')) || n.startsWith(t.chapter!);
    };
    const scope = t.chapter ? (known.length > 0 ? inTitle.filter((s) => s.chapter === t.chapter) : inTitle.filter(byNumber)) : inTitle;
    const numbered = scope.every((s) => /^\d{6}$/.test(s.level.num?.value ?? '')) && /^\d{4}$/.test(t.chapter ?? '');
    const given = scope.length === 1 ? `§ ${scope[0]!.level.num?.value ?? ''}` : `the ${scope.length} sections given`;
    const chapterNote =
      t.chapter && known.length === 0 && scope.length > 0
        ? numbered
          ? `${given} ${scope.length === 1 ? 'is' : 'are'} in chapter ${t.chapter} by ${scope.length === 1 ? 'its number' : 'their numbers'}; other sections of the chapter were not given`
          : `the statute does not say which chapter its sections are in: ${given} ${scope.length === 1 ? 'is' : 'are'} taken to be in chapter ${t.chapter}`
        : undefined;
    const added = instruction.action === 'addAtEnd' ? NEW_SECTION.exec(instruction.insert ?? '') : null;
    if (added && instruction.location.length === 0) {
      const n = sectionNumber(added[1]!);
      const existing = sections.find((s) => sectionNumber(s.level.num?.value ?? '') === n && sameTitle(s, t.title));
      const chapter = t.chapter ? findChapter(root, t.chapter) : undefined;
      if (!existing && !chapter) return { kind: 'elsewhere' };
      if (existing && !isPlaceholder(existing.level)) return { kind: 'refused', reason: `§ ${n} is already in the statute` };
      return { kind: 'newSection', number: n, ...(existing ? { placeholder: existing.level } : {}), ...(chapter ? { chapter } : {}) };
    }
    if (scope.length === 0) return { kind: 'elsewhere' };
    if (isTableEdit(instruction)) return { kind: 'elsewhere' };
    if (instruction.location.length > 0) return { kind: 'refused', reason: `the instruction names ${describeLocation(instruction.location).join(', ')} of a ${t.chapter ? 'chapter' : 'title'} without a section` };
    return { kind: 'sections', sections: scope.map((s) => s.level), wide: true, ...(chapterNote ? { note: chapterNote } : {}) };
  }
  return { kind: 'elsewhere' };
}

/** The first line of a new section: `§ 710. Emergency relief authority`, `SEC. 206. TREATMENT OF FUNDS.` */
export const NEW_SECTION = /^(?:§|SEC(?:TION)?\.?|Sec\.)\s*([0-9][\w.\-–]*)\./;

/**
 * Instructions about whole sections of a law given whole (an Act's compilation, a chapter or
 * title): "by inserting after section 205 the following: “SEC. 206. …”", "by redesignating
 * section 209 as section 210". Undefined when the instruction is not one of these.
 */
function sectionUnits(instruction: Instruction, root: Root, sections: StatuteSection[]): Resolution | undefined {
  const find = (n: string) => sections.find((s) => sectionNumber(s.level.num?.value ?? '') === sectionNumber(n));
  if ((instruction.action === 'insertAfter' || instruction.action === 'insertBefore') && instruction.anchor && 'at' in instruction.anchor) {
    const structural = soleLevel(instruction.anchor.at);
    if (structural && isStructural(structural.rung)) {
      // "by inserting after chapter 2003 the following: “Chapter 2004 …”": a new level above the sections.
      const there = structural.rung === 'chapter' && findChapter(root, structural.designation);
      return there ? { kind: 'refused', reason: `a new ${structural.rung} inserted beside ${describeLocation(instruction.anchor.at).join(', ')} is not executed` } : { kind: 'elsewhere' };
    }
    const anchor = sectionOf(instruction.anchor.at);
    const added = NEW_SECTION.exec(instruction.insert ?? '');
    if (!anchor || !added) return undefined;
    const beside = find(anchor);
    if (!beside) return sections.length > 0 ? { kind: 'refused', reason: `§ ${anchor} is not in the statute` } : { kind: 'elsewhere' };
    if (find(added[1]!)) return { kind: 'refused', reason: `§ ${added[1]} is already in the statute` };
    return { kind: 'newSection', number: sectionNumber(added[1]!), beside: { level: beside.level, after: instruction.action === 'insertAfter' } };
  }
  if ((instruction.action === 'strike' || instruction.action === 'repeal') && instruction.units?.length && instruction.units.every((u) => sectionOf(u) !== undefined)) {
    // "is amended by striking section 28", "by repealing sections 5 and 6".
    const levels: Level[] = [];
    for (const path of instruction.units) {
      const found = find(sectionOf(path)!);
      if (!found) return sections.length > 0 ? { kind: 'refused', reason: `section ${sectionOf(path)} is not in the statute` } : { kind: 'elsewhere' };
      levels.push(found.level);
    }
    return { kind: 'removeSections', levels };
  }
  if (instruction.action === 'redesignate' && instruction.redesignate?.every((r) => sectionOf(r.from) !== undefined && sectionOf(r.to) !== undefined)) {
    const moves: Array<{ level: Level; to: string }> = [];
    for (const r of instruction.redesignate) {
      const from = find(sectionOf(r.from)!);
      if (!from) return { kind: 'refused', reason: `section ${sectionOf(r.from)} is not in the statute` };
      moves.push({ level: from.level, to: sectionOf(r.to)! });
    }
    const moving = new Set(moves.map((m) => m.level));
    const clash = moves.find((m) => sections.some((s) => !moving.has(s.level) && sectionNumber(s.level.num?.value ?? '') === sectionNumber(m.to)));
    if (clash) return { kind: 'refused', reason: `§ ${clash.to} is already in the statute` };
    return { kind: 'renumber', moves };
  }
  return undefined;
}

/**
 * Whether a U.S. Code section was enacted as `section` of `act`, by the Code's own account: its
 * chapter is named for the Act (`RAILROAD UNEMPLOYMENT INSURANCE` for the Railroad Unemployment
 * Insurance Act) and its source credit opens with the Act's section (`(June 25, 1938, ch. 680, §2, …`),
 * not with a later law that added it.
 */
function enactedAs({ level, chapterHeading }: StatuteSection, act: string, section: string): boolean {
  if (!chapterHeading || !level.sourceCredit) return false;
  const name = (text: string) =>
    text
      .toLowerCase()
      .replace(/\bof\s+\d{4}\b/g, '')
      .replace(/\bact\b/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  if (name(chapterHeading) === '' || name(chapterHeading) !== name(act)) return false;
  const enacting = level.sourceCredit.replace(/^\(/, '').split(';')[0]!;
  if (/^\s*(?:Added|As added)\b/i.test(enacting)) return false;
  const cited = /§\s*([0-9][\w.-]*)/.exec(enacting)?.[1];
  return cited !== undefined && cited === section;
}

/** Whether the statute is the Act named (a compilation titled with its name). */
export function isTheAct(root: Root, act: string): boolean {
  const title = root.data?.title;
  if (!title) return false;
  const name = (text: string) => text.replace(/^the\s+/i, '').replace(/[\s,]+/g, ' ').trim().toLowerCase();
  return name(title) === name(act);
}

function isTableEdit(instruction: Instruction): boolean {
  return instruction.location.some((step) => step.type === 'table' || step.type === 'tableItem');
}

/** The section a path names alone (`section 28`), if it does. */
function sectionOf(path: Path): string | undefined {
  const step = soleLevel(path);
  return step?.rung === 'section' ? step.designation : undefined;
}

/** The section an instruction's location opens with, if it names one. */
function sectionNamed(location: Path): string | undefined {
  const first = location[0];
  return first?.type === 'level' && first.rung === 'section' ? first.designation : undefined;
}

/** `[§ 710. Repealed. Pub. L. 106–379 …]`: a section kept only as a note that it is gone. */
function isPlaceholder(level: Level): boolean {
  return /^\[?\s*(Repealed|Omitted|Transferred|Renumbered)\b/.test(level.heading?.trim() ?? '') && !level.children.some((c) => c.type === 'level');
}

export function findChapter(node: Root | Level, chapter: string): Level | undefined {
  for (const c of node.children) {
    if (c.type !== 'level') continue;
    if (c.kind === 'chapter' && c.num?.value === chapter) return c;
    if (c.kind !== 'section') {
      const found = findChapter(c, chapter);
      if (found) return found;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Running one instruction
