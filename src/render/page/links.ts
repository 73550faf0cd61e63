/**
 * Cross-references in a page's text turned into links: to the cited section when it is part of
 * the comparison, else to the U.S. Code or the California code that holds it.
 */
import { findReferences } from '../../parse/references.js';
import type { Reference } from '../../types.js';
import type { Segment } from './types.js';

/** California code names as leginfo abbreviates them, for links to a cited section. */
const CA_CODES: Record<string, string> = {
  'Penal Code': 'PEN',
  'Government Code': 'GOV',
  'Education Code': 'EDC',
  'Health and Safety Code': 'HSC',
  'Welfare and Institutions Code': 'WIC',
  'Business and Professions Code': 'BPC',
  'Vehicle Code': 'VEH',
  'Civil Code': 'CIV',
  'Code of Civil Procedure': 'CCP',
  'Family Code': 'FAM',
  'Labor Code': 'LAB',
  'Revenue and Taxation Code': 'RTC',
  'Evidence Code': 'EVID',
};

/**
 * Turns the cross-references in kept and inserted text of one row into links: to the cited section
 * when it is part of this comparison (`sections`: its number → its row's anchor), else to the U.S.
 * Code or the California code that holds it. Links are built from the citation's checked parts,
 * never from raw bill text. `own` is the row's designation: opening its text, it is no citation.
 */
export function linkSegments(segs: Segment[], own: string | undefined, sections: Map<string, string>): Segment[] {
  // Most rows cite nothing: their segments are the answer.
  if (!segs.some(mayCite)) return segs;
  return segs.flatMap((seg, index) => {
    if (!mayCite(seg)) return [seg];
    const out: Segment[] = [];
    let at = 0;
    for (const ref of findReferences(seg.text)) {
      const href = hrefOf(ref, sections);
      if (!href || ref.start < at) continue;
      // The level's own designation ("Section 1." opening the line) is not a citation.
      if (index === 0 && ref.start === 0 && own && seg.text.startsWith(own)) continue;
      if (ref.start > at) out.push({ ...seg, text: seg.text.slice(at, ref.start) });
      out.push({ ...seg, text: ref.text, href });
      at = ref.end;
    }
    if (!out.length) return [seg];
    if (at < seg.text.length) out.push({ ...seg, text: seg.text.slice(at) });
    return out;
  });
}

/** A segment that may hold a cross-reference: kept or inserted text naming a section or the U.S. Code. */
function mayCite(seg: Segment): boolean {
  return !seg.del && /ection|U\.S\.C\./.test(seg.text);
}

/** Where a reference links: the U.S. Code, a California code, or the row of a section of this comparison. */
function hrefOf(ref: Reference, sections: Map<string, string>): string | undefined {
  if (ref.usc && /^\d{1,3}$/.test(ref.usc.title)) {
    const sectionBase = ref.usc.section.split('(')[0]!;
    if (/^[\w.\-–]+$/.test(sectionBase)) {
      return `https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title${ref.usc.title}-section${encodeURIComponent(sectionBase)}`;
    }
  }
  const cited = ref.path[0];
  if (!cited || !/^[\w.\-]+$/.test(cited)) return undefined;
  const code = ref.act ? CA_CODES[ref.act] : undefined;
  if (code) return `https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=${code}&sectionNum=${encodeURIComponent(cited)}`;
  if (!ref.act && ref.kind === 'section' && sections.has(cited)) return `#${sections.get(cited)}`;
  return undefined;
}
