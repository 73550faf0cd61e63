import type { PairSide } from '../types.js';
import { STRUCTURAL_RUNGS } from '../parse/ladder.js';

/** A bill section segment of a clause id: `sec1`, `sec2.5`. */
const BILL_SECTION = /^sec(\d[\w.\-]*)$/i;
/** A code section segment: `s1050`, `s7284.6`. */
const CODE_SECTION = /^s(\d[\w.\-]*)$/i;
/** Units above a section, as ids spell them (`dE`, `tII`, `stA`, `p1`, `ch17.25`) and as citations name them. */
const STRUCTURAL: Array<[RegExp, string]> = [
  [/^d(.+)$/, 'Div.'],
  [/^st(.+)$/, 'Subtitle'],
  [/^t(.+)$/, 'Title'],
  [/^sp(.+)$/, 'Subpart'],
  [/^p(.+)$/, 'Part'],
  [/^sch(.+)$/, 'Subch.'],
  [/^ch(.+)$/, 'Ch.'],
  [/^art(.+)$/, 'Art.'],
];

/**
 * A legal citation for one side of an aligned pair, built from its id:
 * `sec1/s1050/g/2` → `§ 1050(g)(2)`, `sec2` → `SEC. 2`, and, when the id names no section
 * (a statute file holding one section's content), `g/2` → `§ 1050(g)(2)` with
 * `section: '1050'`, or `(g)(2)` without it. Undefined for a side without an id.
 */
export function citeSide(side: PairSide | undefined, section?: string): string | undefined {
  if (!side?.id) return undefined;
  const segments = side.id.split('/').filter(Boolean);
  let billSection: string | undefined;
  let codeSection: string | undefined;
  const units: string[] = [];
  const rest: string[] = [];
  for (const segment of segments) {
    const bill = BILL_SECTION.exec(segment);
    const code = CODE_SECTION.exec(segment);
    const unit = codeSection === undefined && !rest.length ? structural(segment) : undefined;
    if (bill && codeSection === undefined && !rest.length) billSection = bill[1];
    else if (code && codeSection === undefined && !rest.length) codeSection = code[1];
    // A segment before the section is a unit (Title II) when the clause is a unit or sits in a section;
    // otherwise "t" could as well be subdivision (t).
    else if (unit && (UNIT_KINDS.has(side.kind ?? '') || segments.some((s) => CODE_SECTION.test(s)))) units.push(unit);
    else rest.push(segment);
  }
  const parts = rest.map((segment) => `(${segment})`).join('');
  // Sections are numbered anew in each division of an omnibus: name the division (or, without
  // a section, the units themselves: "Div. E, Title II").
  const division = units.find((u) => u.startsWith('Div.'));
  const sectionNumber = codeSection ?? (billSection === undefined ? section : undefined);
  if (sectionNumber !== undefined) return `${division ? `${division}, ` : ''}§ ${sectionNumber}${parts}`;
  if (billSection !== undefined) return `SEC. ${billSection}${parts ? ` ${parts}` : ''}`;
  if (units.length && !parts) return units.join(', ');
  return parts || undefined;
}

const UNIT_KINDS = new Set<string>([...STRUCTURAL_RUNGS, 'section']);

function structural(segment: string): string | undefined {
  for (const [re, name] of STRUCTURAL) {
    const m = re.exec(segment);
    if (m) return `${name} ${m[1]}`;
  }
  return undefined;
}

/**
 * How deep a clause sits below its section, from its id: `s1050` → 0, `s1050/g` → 1,
 * `s1050/g/2` → 2; an id without a section counts from its first segment (`g/2` → 2).
 */
export function depthOf(side: PairSide | undefined): number {
  if (!side?.id) return 0;
  const segments = side.id.split('/').filter(Boolean);
  const section = segments.findIndex((s) => CODE_SECTION.test(s));
  if (section !== -1) return segments.length - 1 - section;
  return segments.filter((s) => !BILL_SECTION.test(s)).length;
}
