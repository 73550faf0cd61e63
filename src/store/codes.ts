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

/**
 * California's codes as the California Style Manual abbreviates them (the form of the courts' opinions
 * and of much that is written about a bill: "Pen. Code, § 1050", "Welf. & Inst. Code, § 300"), and the
 * Bluebook's forms where they differ ("Cal. Gov't Code § 7284.6": the "Cal." is read apart, `codeTyped`).
 */
const ABBREVIATED: Readonly<Record<string, readonly string[]>> = {
  BPC: ['Bus. & Prof. Code'],
  CIV: ['Civ. Code'],
  CCP: ['Code Civ. Proc.', 'Civ. Proc. Code'],
  COM: ['Com. Code'],
  CONS: ['Cal. Const.', 'Const.'],
  CORP: ['Corp. Code'],
  EDC: ['Ed. Code', 'Educ. Code'],
  ELEC: ['Elec. Code'],
  EVID: ['Evid. Code'],
  FAM: ['Fam. Code'],
  FIN: ['Fin. Code'],
  FGC: ['Fish & G. Code'],
  FAC: ['Food & Agr. Code', 'Food & Agric. Code'],
  GOV: ['Gov. Code', "Gov't Code"],
  HNC: ['Harb. & Nav. Code'],
  HSC: ['Health & Saf. Code'],
  INS: ['Ins. Code'],
  LAB: ['Lab. Code'],
  MVC: ['Mil. & Vet. Code'],
  PEN: ['Pen. Code'],
  PROB: ['Prob. Code'],
  PCC: ['Pub. Contract Code', 'Pub. Cont. Code'],
  PRC: ['Pub. Resources Code', 'Pub. Res. Code'],
  PUC: ['Pub. Util. Code'],
  RTC: ['Rev. & Tax. Code'],
  SHC: ['Sts. & Hy. Code', 'Sts. & High. Code'],
  UIC: ['Unemp. Ins. Code'],
  VEH: ['Veh. Code'],
  WAT: ['Wat. Code'],
  WIC: ['Welf. & Inst. Code'],
};

/**
 * The shorthand of practitioners and the press for the codes most cited ("PC 187", "W&I 5150", "H&S
 * 11350", "VC 23152"): read only in what a person types (`codeTyped`), never in a bill's text, where
 * two letters could be anything. (EC, FC and LC are left out: each is said of two codes.)
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['PC', 'PEN'],
  ['VC', 'VEH'],
  ['HS', 'HSC'],
  ['H&S', 'HSC'],
  ['WI', 'WIC'],
  ['W&I', 'WIC'],
  ['BP', 'BPC'],
  ['B&P', 'BPC'],
  ['R&T', 'RTC'],
  ['CC', 'CIV'],
  ['GC', 'GOV'],
].map(([typed, code]) => [squash(typed!), code!]));

const BY_NAME = new Map<string, string>(Object.entries(CALIFORNIA_CODES).map(([abbr, name]) => [fold(name), abbr]));
BY_NAME.set(fold('Constitution'), 'CONS');
for (const [abbr, names] of Object.entries(ABBREVIATED)) for (const name of names) BY_NAME.set(fold(name), abbr);
/**
 * The Acts that are a U.S. Code title section for section, under their own names: the Internal Revenue
 * Code of 1986 is title 26 (enacted as the Internal Revenue Code of 1954 and so renamed in 1986), its
 * sections numbered alike, so that "Section 1(f) of the Internal Revenue Code of 1986" is 26 U.S.C. § 1(f).
 * Other Acts number their sections apart from the Code's and are not mapped.
 */
for (const name of ['Internal Revenue Code of 1986', 'Internal Revenue Code of 1954', 'Internal Revenue Code', 'IRC']) BY_NAME.set(fold(name), 'usc26');

function fold(name: string): string {
  return name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Shorthand as `SHORTHAND` keys it: folded, without spaces ("W&I", "w & i", "W & I" alike). */
function squash(name: string): string {
  return fold(name).replace(/ /g, '');
}

/**
 * The code of a name as written: an abbreviation (`PEN`, `pen`), a California code's name
 * (`Penal Code`, `penal`), or a U.S. Code title (`usc54`, `54 U.S.C.`, `title 54`, or the Internal
 * Revenue Code, title 26). Undefined when it names none of them.
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

/**
 * The code of a name as a person types it in a search, a page's address or a command: `codeOf`'s, and
 * also the practitioners' shorthand (`PC`, `W&I`, `H&S`: `SHORTHAND`) and a California code's name after
 * "Cal." or "California" (the Bluebook's "Cal. Penal Code", "Cal. Gov't Code"). Undefined when it names none.
 */
export function codeTyped(name: string): string | undefined {
  const code = codeOf(name);
  if (code) return code;
  // The annotated codes' "49 U.S.C.A." and "49 U.S.C.S.", and a title as the bills name one ("title 49, United States Code").
  const usc = USC_TYPED.exec(name.trim());
  if (usc) return `usc${(usc[1] ?? usc[2])!.toLowerCase()}`;
  const folded = fold(name);
  const shorthand = SHORTHAND.get(squash(name));
  if (shorthand) return shorthand;
  const bare = /^(?:cal|california) (.+)$/.exec(folded);
  const named = bare ? codeOf(bare[1]!) : undefined;
  return named && !isUsCode(named) ? named : undefined;
}

/** A U.S. Code title as the annotated codes cite it ("49 U.S.C.A.", "49 USCS") or as the bills name it ("title 49, United States Code", "title 49 of the United States Code"). */
const USC_TYPED = /^(\d+[a-z]?)\s*U\.?\s*S\.?\s*C\.?\s*[AS]\.?$|^title\s+(\d+[a-z]?)(?:,|\s+of\s+the)?\s+(?:United\s+States\s+Code|U\.\s?S\.\s?Code)$/i;

/** Whether a stored code is a U.S. Code title (`usc54`), not one of California's codes. */
export function isUsCode(code: string): boolean {
  return code.startsWith('usc');
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

const SECTION_NUMBER = /^(\d+)(?:\.(\d+))?([a-z]*)(.*)$/i;

/** Two runs of digits (ASCII) as whole numbers, however long; read in place, without a copy (pages sort sections on every request). */
function compareDigits(a: string, b: string): number {
  // Leading zeros skipped, the last digit kept.
  let i = 0;
  while (i < a.length - 1 && a.charCodeAt(i) === 48) i++;
  let j = 0;
  while (j < b.length - 1 && b.charCodeAt(j) === 48) j++;
  const length = a.length - i - (b.length - j);
  if (length !== 0) return length;
  for (; i < a.length; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * The parts after the points: none first; then those opening with a zero, which the Legislature uses
 * to insert sections before `.1` (1203.01, 1203.016, 1203.02), digit by digit; then the others as
 * whole numbers (.1, .2, … .9, .10).
 */
function compareDecimals(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const za = a.charCodeAt(0) === 48;
  const zb = b.charCodeAt(0) === 48;
  if (za !== zb) return za ? -1 : 1;
  return za ? compareCodeUnits(a, b) : compareDigits(a, b);
}

/**
 * Section numbers in the order the Legislature lists them: by the whole number, then the part after
 * the point as a whole number, then a letter suffix, then anything after (a U.S. Code `1395w-22`).
 * California numbers sections it inserts with decimals read as whole numbers, not as fractions: the
 * Legislative Counsel's titles list "Sections 186.2, 186.9, and 186.10", "311.4, 311.10, 311.11",
 * "12022.5, 12022.53, 12022.55", "266, 266a, 266b, … 267" (none puts 186.10 before 186.2). So
 * 12 < 12.1 < 12.5 < 12.10 < 100 < 100.5 < 100.5a; a section without a point comes before its
 * decimals (266 < 266a < 266.5), and a decimal opening with a zero before the others (1203.016 <
 * 1203.02 < 1203.1). Numbers that do not start with a digit come last, in text order.
 */
export function compareSectionNumbers(a: string, b: string): number {
  const x = partsOf(a);
  const y = partsOf(b);
  const { text, numeric } = collators();
  if (!x || !y) return x ? -1 : y ? 1 : numeric.compare(a, b);
  return (
    compareDigits(x[1]!, y[1]!) ||
    compareDecimals(x[2], y[2]) ||
    // The same text is equal to a collator too: asked only when they differ (most numbers have neither part).
    (x[3] === y[3] ? 0 : text.compare(x[3]!.toLowerCase(), y[3]!.toLowerCase())) ||
    (x[4] === y[4] ? 0 : numeric.compare(x[4]!, y[4]!)) ||
    compareCodeUnits(a, b)
  );
}

/**
 * Whether the section `number` falls strictly between the ends of the range `from` … `through` of
 * `code` (each end is a citation of its own), in the Legislature's order of section numbers. A U.S.
 * Code title numbers its sections without points (`1395w-4`, `7284a`): a number with one (California's
 * `7284.6`, searched for alone) is none of its sections, though 7284.6 falls between 7251 and 7298.
 */
export function rangeHolds(code: string, from: string, through: string, number: string): boolean {
  if (isUsCode(code) && number.includes('.')) return false;
  return compareSectionNumbers(from, number) < 0 && compareSectionNumbers(number, through) < 0;
}

/** A section number's parts (SECTION_NUMBER), read once: the pages sort the same numbers again and again. */
function partsOf(number: string): RegExpExecArray | null {
  let parts = PARTS.get(number);
  if (parts === undefined) {
    parts = SECTION_NUMBER.exec(number);
    if (PARTS.size >= 20000) PARTS.clear();
    PARTS.set(number, parts);
  }
  return parts;
}
const PARTS = new Map<string, RegExpExecArray | null>();

// `localeCompare(b, 'en', …)` made a collator for each comparison: a quarter of a bill page's time.
// Made on first use, not at load: loading ICU's collation data costs ~7 ms, and every CLI run loads
// this module (a plain file comparison never sorts section numbers).
let COLLATORS: { text: Intl.Collator; numeric: Intl.Collator } | undefined;
function collators(): { text: Intl.Collator; numeric: Intl.Collator } {
  return (COLLATORS ??= { text: new Intl.Collator('en'), numeric: new Intl.Collator('en', { numeric: true }) });
}

/** Two strings by their UTF-16 code units, without a collator (codes, ISO dates, the last tie-break). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sections by code, then number (`compareSectionNumbers`): the one order every list of sections uses.
 * California's codes by their abbreviation; U.S. Code titles by their number (6 U.S.C. before 20 U.S.C.).
 */
export function compareSections(a: { code: string; section: string }, b: { code: string; section: string }): number {
  const codes = isUsCode(a.code) && isUsCode(b.code) ? compareSectionNumbers(a.code.slice(3), b.code.slice(3)) : compareCodeUnits(a.code, b.code);
  return codes || compareSectionNumbers(a.section, b.section);
}

/**
 * Codes as a list of codes gives them (the codes page): California's by name (Business and Professions
 * Code, Civil Code, …), then the U.S. Code's titles by number.
 */
export function compareCodes(a: string, b: string): number {
  const ua = isUsCode(a);
  const ub = isUsCode(b);
  if (ua !== ub) return ua ? 1 : -1;
  if (ua) return compareSectionNumbers(a.slice(3), b.slice(3));
  return compareCodeUnits(codeName(a), codeName(b)) || compareCodeUnits(a, b);
}

/**
 * A section number as stored: LAW_SECTION_TBL's `1050.` without its closing period; a U.S. Code
 * section printed with an en dash, `1395w–4`, with the hyphen of its identifier (`/us/usc/t42/s1395w-4`)
 * and of the way people type it, so that a bill's citation, the title's section and a link all name it alike.
 */
export function normalizeSectionNumber(number: string): string {
  return number.trim().replace(/^(?:section|sec\.?|§)\s*/i, '').replace(/\.$/, '').replace(DASHES, '-');
}

/** The dashes a printed section number may join its parts with: hyphen, non-breaking hyphen, figure dash, en dash, minus. */
const DASHES = /[\u2010-\u2013\u2212]/g;

/** A section's number in a citation: `1050`, `7284.6`, `25A`, and the U.S. Code's `1395w-4`, `460hhh-5`, `1320a-7b`. */
const CITED_NUMBER = String.raw`(\d+(?:\.\d+)*[a-z]{0,4}(?:-\d+[a-z]{0,2})?)`;

/** A bare section number searched for, as `normalizeSectionNumber` leaves it: `7284.6`, `1050`, `1395w-4`. */
export const BARE_SECTION_NUMBER = new RegExp(String.raw`^${CITED_NUMBER}$`, 'i');

/** A subdivision, paragraph … cited after a section's number ("1050(a)(1)", "7284.6, subd. (b)"): the number kept (`$1`). */
const SUBDIVISIONS_CITED = /(\d[0-9a-z.-]*)(?:,? (?:subd(?:ivision)?|para(?:graph)?)\.?)?(?: ?\([0-9a-z]{1,6}\))+(?= |$)/gi;

/** A section's number first, its code after it ("187 PC", "1050 Penal Code"): `parseSectionCitation` takes the code in capitals or named with "Code" only, not "2024 water". */
const NUMBER_FIRST = new RegExp(String.raw`^(?:section |sec\. ?|§+ ?)?${CITED_NUMBER},? (.+)$`, 'i');

/**
 * A section named in words: `Penal Code 1050`, `PEN 1050`, `Government Code § 7284.6`,
 * `section 7284.6 of the Government Code`, `54 U.S.C. 200304`, `187 PC`, `Pen. Code, § 1050, subd. (a)`
 * (the section's). Undefined when the text names no code and section.
 */
export function parseSectionCitation(text: string): { code: string; number: string } | undefined {
  // A subdivision, paragraph … cited after the number is of the section: "§ 1050(a)(1)", "7284.6, subd. (b)".
  const t = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(DASHES, '-')
    .replace(SUBDIVISIONS_CITED, '$1');
  const number = CITED_NUMBER;
  const first = NUMBER_FIRST.exec(t);
  if (first && (/^[A-Z&.' ]{2,12}$/.test(first[2]!) || /\bcode$/i.test(first[2]!))) {
    const code = codeTyped(first[2]!);
    if (code && !isUsCode(code)) return { code, number: first[1]! };
  }
  const usc = new RegExp(String.raw`^(\d+[a-z]?) U\.?S\.?C\.? (?:§+ ?)?${number}$`, 'i').exec(t);
  if (usc) return { code: `usc${usc[1]!.toLowerCase()}`, number: usc[2]! };
  const after = new RegExp(String.raw`^(?:section|sec\.?|§+) ?${number} of (?:the )?(.+)$`, 'i').exec(t);
  if (after) {
    const code = codeTyped(after[2]!);
    if (code) return { code, number: after[1]! };
  }
  const before = new RegExp(String.raw`^(.+?),? (?:sections? |secs?\. ?|§+ ?)?${number}\.?$`, 'i').exec(t);
  if (before) {
    const code = codeTyped(before[1]!);
    if (code) return { code, number: before[2]! };
  }
  return undefined;
}
