import type { PairSide } from '../types.js';

/** A bill section segment of a clause id: `sec1`, `sec2.5`. */
const BILL_SECTION = /^sec(\d[\w.\-]*)$/i;
/** A code section segment: `s1050`, `s7284.6`. */
const CODE_SECTION = /^s(\d[\w.\-]*)$/i;

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
  const rest: string[] = [];
  for (const segment of segments) {
    const bill = BILL_SECTION.exec(segment);
    const code = CODE_SECTION.exec(segment);
    if (bill && codeSection === undefined && !rest.length) billSection = bill[1];
    else if (code && codeSection === undefined && !rest.length) codeSection = code[1];
    else rest.push(segment);
  }
  const parts = rest.map((segment) => `(${segment})`).join('');
  const sectionNumber = codeSection ?? (billSection === undefined ? section : undefined);
  if (sectionNumber !== undefined) return `§ ${sectionNumber}${parts}`;
  if (billSection !== undefined) return `SEC. ${billSection}${parts ? ` ${parts}` : ''}`;
  return parts || undefined;
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
