/**
 * Citations and depths of aligned levels, read from their ids with the ladder (`readIdPart`):
 * `sec1/s1050/g/2` is paragraph (2) of subdivision (g) of section 1050 as quoted in the bill's
 * section 1.
 */
import { isSectionOrAbove, isStructural, readIdPart } from '../../parse/ladder.js';
import type { LevelKind, PairSide } from '../../types.js';

/** How a citation names each level above a section (the ladder's structural rungs). */
const STRUCTURAL_NAMES: Partial<Record<LevelKind, string>> = {
  division: 'Div.',
  title: 'Title',
  subtitle: 'Subtitle',
  part: 'Part',
  subpart: 'Subpart',
  chapter: 'Ch.',
  subchapter: 'Subch.',
  article: 'Art.',
};

/**
 * A legal citation for one side of an aligned pair, built from its id:
 * `sec1/s1050/g/2` → `§ 1050(g)(2)`, `sec2` → `SEC. 2`, and, when the id names no section
 * (a statute file holding one section's content), `g/2` → `§ 1050(g)(2)` with
 * `section: '1050'`, or `(g)(2)` without it. Undefined for a side without an id.
 */
export function citeSide(side: PairSide | undefined, section?: string): string | undefined {
  if (!side?.id) return undefined;
  const segments = side.id.split('/').filter(Boolean);
  const read = segments.map(readIdPart);
  let billSection: string | undefined;
  let codeSection: string | undefined;
  const structural: string[] = [];
  const rest: string[] = [];
  segments.forEach((segment, i) => {
    const part = codeSection === undefined && !rest.length ? read[i] : undefined;
    if (part?.kind === 'billSection') billSection = part.value;
    else if (part?.kind === 'section') codeSection = part.value;
    // A segment before the section is a structural level (Title II) when the level cited is a section or above, or sits in a section;
    // otherwise "t" could as well be subdivision (t).
    else if (part && isStructural(part.kind) && (isNamedByName(side.kind) || read.some((r) => r?.kind === 'section'))) structural.push(`${STRUCTURAL_NAMES[part.kind] ?? part.kind} ${part.value}`);
    else rest.push(segment);
  });
  const parts = rest.map((segment) => `(${segment})`).join('');
  // Sections are numbered anew in each division of an omnibus: name the division (or, without
  // a section, the structural levels themselves: "Div. E, Title II").
  const division = structural.find((u) => u.startsWith(STRUCTURAL_NAMES.division!));
  const sectionNumber = codeSection ?? (billSection === undefined ? section : undefined);
  if (sectionNumber !== undefined) return `${division ? `${division}, ` : ''}§ ${sectionNumber}${parts}`;
  if (billSection !== undefined) return `SEC. ${billSection}${parts ? ` ${parts}` : ''}`;
  if (structural.length && !parts) return structural.join(', ');
  return parts || undefined;
}

/** A section of a law or a level above one (title, chapter, …): the rungs a citation names by name. */
function isNamedByName(kind: string | undefined): boolean {
  return kind !== undefined && kind !== 'billSection' && isSectionOrAbove(kind);
}

/**
 * How deep a level sits below its section, from its id: `s1050` → 0, `s1050/g` → 1,
 * `s1050/g/2` → 2; an id without a section counts from its first segment (`g/2` → 2).
 */
export function depthOf(side: PairSide | undefined): number {
  if (!side?.id) return 0;
  const read = side.id.split('/').filter(Boolean).map(readIdPart);
  const section = read.findIndex((r) => r?.kind === 'section');
  if (section !== -1) return read.length - 1 - section;
  return read.filter((r) => r?.kind !== 'billSection').length;
}
