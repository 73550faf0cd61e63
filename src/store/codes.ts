/**
 * The codes sections belong to: California's codes by the Legislature's own abbreviation
 * (`PEN`, `GOV`, `EDC`, as in pubinfo's CODES_TBL and LAW_SECTION_TBL), U.S. Code titles as
 * `usc54`. An instruction names a code in words ("Penal Code"); the store keeps the abbreviation.
 */

/** California's codes (and the Constitution), by abbreviation. */
export const CALIFORNIA_CODES: Readonly<Record<string, string>> = {
  BPC: 'Business and Professions Code',
  CIV: 'Civil Code',
  CCP: 'Code of Civil Procedure',
  COM: 'Commercial Code',
  CONS: 'California Constitution',
  CORP: 'Corporations Code',
  EDC: 'Education Code',
  ELEC: 'Elections Code',
  EVID: 'Evidence Code',
  FAM: 'Family Code',
  FIN: 'Financial Code',
  FGC: 'Fish and Game Code',
  FAC: 'Food and Agricultural Code',
  GOV: 'Government Code',
  HNC: 'Harbors and Navigation Code',
  HSC: 'Health and Safety Code',
  INS: 'Insurance Code',
  LAB: 'Labor Code',
  MVC: 'Military and Veterans Code',
  PEN: 'Penal Code',
  PROB: 'Probate Code',
  PCC: 'Public Contract Code',
  PRC: 'Public Resources Code',
  PUC: 'Public Utilities Code',
  RTC: 'Revenue and Taxation Code',
  SHC: 'Streets and Highways Code',
  UIC: 'Unemployment Insurance Code',
  VEH: 'Vehicle Code',
  WAT: 'Water Code',
  WIC: 'Welfare and Institutions Code',
};

const BY_NAME = new Map<string, string>(Object.entries(CALIFORNIA_CODES).map(([abbr, name]) => [fold(name), abbr]));
BY_NAME.set(fold('Constitution'), 'CONS');

function fold(name: string): string {
  return name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * The code of a name as written: an abbreviation (`PEN`, `pen`), a California code's name
 * (`Penal Code`, `penal`), or a U.S. Code title (`usc54`, `54 U.S.C.`, `title 54`). Undefined when
 * it names none of them.
 */
export function codeOf(name: string): string | undefined {
  const trimmed = name.trim();
  const upper = trimmed.toUpperCase();
  if (CALIFORNIA_CODES[upper]) return upper;
  const usc = /^(?:usc\s*|title\s+)(\d+[a-z]?)$|^(\d+[a-z]?)\s*U\.?\s*S\.?\s*C\.?$/i.exec(trimmed);
  if (usc) return `usc${(usc[1] ?? usc[2])!.toLowerCase()}`;
  const folded = fold(trimmed);
  return BY_NAME.get(folded) ?? BY_NAME.get(`${folded} code`);
}

/** `Penal Code`, `54 U.S.C.`, or the code as stored. */
export function codeName(code: string): string {
  const usc = /^usc(\d+[a-z]?)$/.exec(code);
  if (usc) return `${usc[1]} U.S.C.`;
  return CALIFORNIA_CODES[code] ?? code;
}

/** "Penal Code § 1050", "54 U.S.C. § 200304". */
export function sectionName(code: string, number: string): string {
  return `${codeName(code)} § ${number}`;
}

/** A section number as stored: LAW_SECTION_TBL's `1050.` without its closing period. */
export function normalizeSectionNumber(number: string): string {
  return number.trim().replace(/^(?:section|sec\.?|§)\s*/i, '').replace(/\.$/, '');
}

/**
 * A section named in words: `Penal Code 1050`, `PEN 1050`, `Government Code § 7284.6`,
 * `section 7284.6 of the Government Code`, `54 U.S.C. 200304`. Undefined when the text names no
 * code and section.
 */
export function parseSectionCitation(text: string): { code: string; number: string } | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const number = String.raw`(\d+(?:\.\d+)*[a-z]?(?:-\d+)?)`;
  const usc = new RegExp(String.raw`^(\d+[a-z]?) U\.?S\.?C\.? (?:§+ ?)?${number}$`, 'i').exec(t);
  if (usc) return { code: `usc${usc[1]!.toLowerCase()}`, number: usc[2]! };
  const after = new RegExp(String.raw`^(?:section|sec\.?|§) ?${number} of (?:the )?(.+)$`, 'i').exec(t);
  if (after) {
    const code = codeOf(after[2]!);
    if (code) return { code, number: after[1]! };
  }
  const before = new RegExp(String.raw`^(.+?),? (?:section |sec\. ?|§+ ?)?${number}\.?$`, 'i').exec(t);
  if (before) {
    const code = codeOf(before[1]!);
    if (code) return { code, number: before[2]! };
  }
  return undefined;
}
