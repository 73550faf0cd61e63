/**
 * How people name bills, sessions and versions, and the keys the store files them under.
 *
 *     AB 2641, ab2641, A.B. 2641 2023-24, SB 54 (2017)     → California, type AB, number 2641
 *     H.R. 1, hr1-119, S. 1000 116th Congress              → Congress, type HR, number 1
 *     Pub. L. 119-21, P.L. 119-21, Public Law 119–21        → the 119th Congress's law 21, type PL
 *
 * A bill's key is `{jurisdiction}-{session}-{type}{number}`: `ca-20232024-0-ab2641`, `us-119-hr1`.
 * California sessions are `{first year}{second year}-{0 regular | n extraordinary}`; Congresses by
 * number.
 */
import { compareCodeUnits } from './codes.js';

/** California's measure types, longest first (so `ACR` wins over `AB`). */
const CA_TYPES = ['ACR', 'SCR', 'AJR', 'SJR', 'ACA', 'SCA', 'AB', 'SB', 'HR', 'SR'];
/** Congress's, longest first; `PL` and `PVTL` are public and private laws, numbered within their Congress. */
const US_TYPES = ['HCONRES', 'SCONRES', 'HJRES', 'SJRES', 'HRES', 'SRES', 'HR', 'S', 'PL', 'PVTL'];

/** How people write "public law" and "private law", dots and spaces taken out, upper case. */
const LAW_SPELLINGS: Record<string, 'PL' | 'PVTL'> = {
  PL: 'PL', PUBL: 'PL', PUBLAW: 'PL', PUBLICLAW: 'PL',
  PVTL: 'PVTL', PVTLAW: 'PVTL', PRIVL: 'PVTL', PRIVLAW: 'PVTL', PRIVATELAW: 'PVTL',
};

/**
 * A law by its Congress and number, as laws are cited: `Pub. L. 119-21`, `P.L. 119-21`, `Public Law
 * 119–21`, `pl119-21`, `Pub. L. No. 119-21`, `Private Law 112-1`, `Priv. L. 112-1`.
 */
function parseLaw(text: string): MeasureCitation | undefined {
  const m = /^\s*([A-Za-z][A-Za-z.\s]{0,14}?)\s*(?:No\.?\s*)?(\d{1,3})\s*[-–—]\s*(\d{1,5})\s*$/.exec(text);
  const type = m ? LAW_SPELLINGS[m[1]!.replace(/[.\s]/g, '').toUpperCase()] : undefined;
  if (!m || !type || Number(m[2]) < 1) return undefined;
  return { type, number: Number(m[3]), jurisdictions: ['us'], session: String(Number(m[2])) };
}

/** A bill citation as read: jurisdiction left open when the spelling fits both. */
export interface MeasureCitation {
  type: string;
  number: number;
  /** `ca`, `us`, or both when the spelling fits both (`H.R. 1` is also an Assembly resolution). */
  jurisdictions: Array<'ca' | 'us'>;
  /** A session key when the citation gives one: `20232024-0`, `119`; a year alone gives `year`. */
  session?: string;
  year?: number;
  /**
   * California: the citation gives the years (`SB 1 1999`, `AB 2641 2023-24`) and not which of their
   * sessions: `session` is their regular session's, whose bill comes first, and an extraordinary
   * session's of the same years is found where the regular session has none.
   */
  ofYears?: true;
  /** California: an extraordinary session's bill, of any years where none are given (`ABX1 1`, `SB 1 1st Ex. Sess.`). */
  extraordinary?: number;
}

/**
 * SQL narrowing the bills of `column` (a session key) to the sessions a citation names (` AND …`), and
 * its parameters: every session of the years it gives (`ofYears`, then `ofCitedSession`), the session
 * it names, or an extraordinary session of any years.
 */
export function citedSessions(c: MeasureCitation, column: string): { sql: string; params: string[] } {
  if (c.session && c.ofYears) return { sql: ` AND ${column} LIKE ?`, params: [c.session.replace(/-\d+$/, '-%')] };
  if (c.session) return { sql: ` AND ${column} = ?`, params: [c.session] };
  if (c.extraordinary) return { sql: ` AND ${column} LIKE ?`, params: [`%-${c.extraordinary}`] };
  return { sql: '', params: [] };
}

/** The bills `citedSessions` found: those of the regular session where the citation gives only years and it has one, else all. */
export function ofCitedSession<T extends { session: string }>(c: MeasureCitation, rows: T[]): T[] {
  if (!c.ofYears || !rows.some((r) => r.session === c.session)) return rows;
  return rows.filter((r) => r.session === c.session);
}

/**
 * A law's citation in the statutes as billdiff keeps it (`bills.statute`), from any usual spelling of
 * one; else undefined. A federal law's page of the Statutes at Large: "130 Stat. 615" ("130 STAT. 615",
 * "130 stat 615"). A California bill's chapter, as the California Style Manual cites it: "Stats. 2025,
 * ch. 623" ("Stats 2025 ch 623", "ch. 623, Stats. 2025", "Chapter 623, Statutes of 2025", "Statutes of
 * 2025, Chapter 623"), a resolution's "Stats. 1989, res. ch. 90" ("Res. Ch. 90, Stats. 1989",
 * "Resolution Chapter 90, Statutes of 1989"), and one of an extraordinary session, "Stats. 1999, 1st
 * Ex. Sess., ch. 4".
 */
export function statuteCitation(text: string): string | undefined {
  const t = text.trim().replace(/^\((.*)\)$/, '$1').replace(/\s+/g, ' ');
  const federal = STATUTES_AT_LARGE.exec(t);
  if (federal) return `${Number(federal[1])} Stat. ${Number(federal[2])}`;
  const year = CHAPTER_YEAR_FIRST.exec(t);
  if (year) return chapterCitation({ year: year[1]!, extraordinary: year[2] ? Number(year[2]) : 0, resolution: Boolean(year[3]), number: Number(year[4]) });
  const chapter = CHAPTER_FIRST.exec(t);
  if (chapter) return chapterCitation({ year: chapter[3]!, extraordinary: chapter[4] ? Number(chapter[4]) : 0, resolution: Boolean(chapter[1]), number: Number(chapter[2]) });
  return undefined;
}

/**
 * A California bill's chapter as the California Style Manual cites it and billdiff keeps it: "Stats.
 * 2025, ch. 623"; a resolution chapter, "Stats. 1989, res. ch. 90"; of an extraordinary session
 * (`extraordinary`, its number; 0 for the regular session), "Stats. 1999, 1st Ex. Sess., ch. 4".
 */
export function chapterCitation({ year, extraordinary, resolution, number }: { year: string; extraordinary: number; resolution: boolean; number: number }): string {
  const session = extraordinary > 0 ? ` ${ordinal(extraordinary)} Ex. Sess.,` : '';
  return `Stats. ${year},${session} ${resolution ? 'res. ch.' : 'ch.'} ${number}`;
}

const STATUTES_AT_LARGE = /^(\d{1,3}) ?Stat\.? ?(\d{1,5})$/i;
/** "Stats. 2025", "Statutes of 2025", "Stat. 2025". */
const STATS = String.raw`stat(?:ute)?s?\.?(?: of)? (\d{4})`;
/** "1st Ex. Sess.", "1st Extraordinary Session". */
const EX_SESSION = String.raw`(\d{1,2})(?:st|nd|rd|th|d) ex(?:\.|traordinary)? ?sess(?:\.|ion)?`;
/** "ch. 623", "Chapter 623", "res. ch. 90", "Resolution Chapter 90" (the resolution's words, the chapter's number). */
const CHAPTER = String.raw`(res(?:\.|olution)? )?ch(?:\.|apter)? ?(\d{1,4})`;
const CHAPTER_YEAR_FIRST = new RegExp(String.raw`^${STATS},? (?:${EX_SESSION},? )?${CHAPTER}$`, 'i');
const CHAPTER_FIRST = new RegExp(String.raw`^${CHAPTER},? (?:of (?:the )?)?${STATS}(?:,? ${EX_SESSION})?$`, 'i');

/**
 * Reads a bill citation in any usual spelling, or undefined. Dots, spaces and case do not matter:
 * `A.B. 2641`, `ab2641`, `AB-2641`, `A.B. No. 2641`, `Assembly Bill No. 2641`; a session may follow (`2023-24`, `2023–24`, `2024`, `-119`,
 * `119th Congress`, `(2017)`). A law is cited by its Congress first (`Pub. L. 119-21`: see `parseLaw`).
 */
export function parseMeasure(text: string): MeasureCitation | undefined {
  const law = parseLaw(text);
  if (law) return law;
  const words = spelledOut(text);
  if (words) return words;
  const extra = EXTRAORDINARY_MEASURE.exec(text);
  if (extra) {
    const [type, session, number, rest] = extra[1] ? [extra[1], extra[2]!, extra[3]!, extra[4]!] : [extra[5]!, extra[7]!, extra[6]!, extra[8]!];
    const letters = type.replace(/[.\s]/g, '').toUpperCase();
    if (!CA_TYPES.includes(letters)) return undefined;
    const cited = withSession({ type: letters, number: Number(number), jurisdictions: ['ca'], extraordinary: Number(session) }, rest);
    if (cited?.session) {
      // Years after it too: that extraordinary session of theirs.
      cited.session = cited.session.replace(/-\d+$/, `-${session}`);
      delete cited.ofYears;
    }
    return cited;
  }
  const m = /^\s*([A-Za-z][A-Za-z.\s]{0,17}?)\s*[-\s]?\s*(\d{1,5})\b\s*(.*)$/.exec(text);
  if (!m) return undefined;
  // "A.B. No. 1656", "SB No 54": the number's "No." is no part of the type.
  const letters = m[1]!.replace(/(?:^|[.\s])No\.?\s*$/i, (no) => (no.startsWith('.') ? '.' : '')).replace(/[.\s]/g, '').toUpperCase();
  const spelled: Record<string, string> = { HJRES: 'HJRES', HJ: 'HJRES', SJ: 'SJRES', HCON: 'HCONRES', SCON: 'SCONRES', ...LAW_SPELLINGS };
  const type = spelled[letters] ?? letters;
  const jurisdictions: Array<'ca' | 'us'> = [];
  if (CA_TYPES.includes(type)) jurisdictions.push('ca');
  if (US_TYPES.includes(type)) jurisdictions.push('us');
  if (!jurisdictions.length) return undefined;
  return withSession({ type, number: Number(m[2]), jurisdictions }, m[3]!);
}

/**
 * A California bill of an extraordinary session as the Legislature prints it, the session's number
 * after an X: before the bill's number, `ABX1 1`, `ABX1-1`, `AB X1 1`, `SBx2 5`; or after it, `AB 1 X1`,
 * `AB 1X1`. Its type, session and number, and what follows.
 */
const EXTRAORDINARY_MEASURE = /^\s*(?:([A-Za-z][A-Za-z.]{0,4}?)\s*X\s*(\d)\s*[-\s]\s*(\d{1,5})\b\s*(.*)|([A-Za-z][A-Za-z.]{0,4}?)\s*[-\s]?\s*(\d{1,5})\s*X\s*(\d)\b\s*(.*))$/i;

/**
 * A measure's type in words, as the Legislature and Congress print it: "Assembly Bill No. 1656",
 * "Senate Constitutional Amendment 1", "House Joint Resolution 1". Those two houses name alike ("Senate
 * Joint Resolution", "House Resolution", "Senate Resolution") are read as the one whose printing they are,
 * or not at all where both print them: California's, Congress's "S.J.Res." aside; neither's resolutions.
 */
const SPELLED_OUT: ReadonlyArray<readonly [string, string, 'ca' | 'us']> = [
  ['assembly bill', 'AB', 'ca'],
  ['senate bill', 'SB', 'ca'],
  ['assembly concurrent resolution', 'ACR', 'ca'],
  ['senate concurrent resolution', 'SCR', 'ca'],
  ['assembly joint resolution', 'AJR', 'ca'],
  ['senate joint resolution', 'SJR', 'ca'],
  ['assembly constitutional amendment', 'ACA', 'ca'],
  ['senate constitutional amendment', 'SCA', 'ca'],
  ['house bill', 'HR', 'us'],
  ['house joint resolution', 'HJRES', 'us'],
  ['house concurrent resolution', 'HCONRES', 'us'],
];

/** A measure cited by its type in words (`SPELLED_OUT`), "No." or not before its number, a session or not after it. */
function spelledOut(text: string): MeasureCitation | undefined {
  const m = /^\s*([A-Za-z]+(?:\s+[A-Za-z]+){1,2})\s*(?:No\.?|Number)?\s*(\d{1,5})\b\s*(.*)$/i.exec(text);
  const words = m?.[1]!.toLowerCase().replace(/\s+/g, ' ').replace(/ (?:no|number)$/, '');
  const spelled = SPELLED_OUT.find(([name]) => name === words);
  return m && spelled ? withSession({ type: spelled[1], number: Number(m[2]), jurisdictions: [spelled[2]] }, m[3]!) : undefined;
}

/** `citation` with the session `after` it names (`2023-24`, `(2017)`, `-119`, `119th Congress`): undefined where `after` is something else. */
function withSession(citation: MeasureCitation, after: string): MeasureCitation | undefined {
  const rest = after.replace(/[()]/g, ' ').trim();
  if (!rest) return citation;
  const years = /^(?:-\s*)?(?:session\s+)?((?:19|20)\d\d)\s*(?:[-–/]\s*((?:19|20)?\d\d))?(?:,?\s+(regular\s+session|(\d)(?:st|nd|rd|th|d)?\s+ex\w*\.?\s*(?:sess(?:ion|\.)?)?))?$/i.exec(rest);
  if (years && citation.jurisdictions.includes('ca')) {
    const first = Number(years[1]);
    const start = first % 2 === 1 ? first : years[2] ? first : first - 1;
    citation.jurisdictions = ['ca'];
    citation.session = `${start}${start + 1}-${years[4] ?? '0'}`;
    citation.year = first;
    // The years alone: their regular session's bill, else an extraordinary session's.
    if (!years[3]) citation.ofYears = true;
    else delete citation.extraordinary;
    return citation;
  }
  // An extraordinary session without its years ("1st Ex. Sess.", "2nd Extraordinary Session"): any years'.
  const extraordinary = /^(\d)(?:st|nd|rd|th|d)?\s+ex\w*\.?\s*(?:sess(?:ion|\.)?)?$/i.exec(rest);
  if (extraordinary && citation.jurisdictions.includes('ca')) {
    citation.jurisdictions = ['ca'];
    citation.extraordinary = Number(extraordinary[1]);
    return citation;
  }
  const congress = /^-?\s*(\d{2,3})(?:st|nd|rd|th)?(?:\s+congress)?$/i.exec(rest);
  if (congress && citation.jurisdictions.includes('us')) {
    citation.jurisdictions = ['us'];
    citation.session = String(Number(congress[1]));
    return citation;
  }
  return undefined;
}

/** `AB 1656`, `H.R. 1`, `S. 1000`, `Pub. L. 113-287`. */
export function measureName(jurisdiction: string, type: string, number: number | string, session?: string): string {
  if (jurisdiction === 'us') {
    const names: Record<string, string> = { HR: 'H.R.', S: 'S.', HJRES: 'H.J.Res.', SJRES: 'S.J.Res.', HCONRES: 'H.Con.Res.', SCONRES: 'S.Con.Res.', HRES: 'H.Res.', SRES: 'S.Res.', PL: 'Pub. L.', PVTL: 'Priv. L.' };
    // A law is named by its Congress and number: `Pub. L. 119-21`.
    if ((type === 'PL' || type === 'PVTL') && session) return `${names[type]} ${session}-${number}`;
    return `${names[type] ?? type} ${number}`;
  }
  return `${type} ${number}`;
}

/** The measure a bill's store key names (`us-119-hr1` → `H.R. 1`, `us-119-pl21` → `Pub. L. 119-21`); undefined for no key. */
export function measureOfKey(key: string): string | undefined {
  const m = /^(ca|us)-(\d+(?:-\d+)?)-([a-z]+)(\d+)$/.exec(key);
  return m ? measureName(m[1]!, m[3]!.toUpperCase(), Number(m[4]), m[2]!) : undefined;
}

/** The jurisdiction a bill's store key names (`us-119-hr1` → `us`). */
export function jurisdictionOfKey(key: string): string {
  return key.slice(0, key.indexOf('-'));
}

/** The store's key of a bill. */
export function billKey(jurisdiction: string, session: string, type: string, number: number | string): string {
  return `${jurisdiction}-${session}-${type.toLowerCase()}${String(number).toLowerCase()}`;
}

/** `2025–26 Regular Session`, `1999–2000 First Extraordinary Session`, `119th Congress`. */
export function sessionName(jurisdiction: string, session: string): string {
  if (jurisdiction === 'us') return `${ordinal(Number(session))} Congress`;
  const m = /^(\d{4})(\d{4})-(\d+)$/.exec(session);
  if (!m) return session;
  const [first, second] = [m[1]!, m[2]!];
  const span = first.slice(0, 2) === second.slice(0, 2) ? `${first}–${second.slice(2)}` : `${first}–${second}`;
  const extra = Number(m[3]);
  const words = ['Regular', 'First Extraordinary', 'Second Extraordinary', 'Third Extraordinary', 'Fourth Extraordinary'];
  return `${span} ${words[extra] ?? `${ordinal(extra)} Extraordinary`} Session`;
}

/**
 * Two session keys, the older first: a Congress by its number (`99` before `119`), a California
 * session by its years, then its number (`20232024-0` before `20252026-0`).
 */
export function compareSessions(a: string, b: string): number {
  return a.length - b.length || compareCodeUnits(a, b);
}

/** The same order in SQL over `column` (a session key), newest first. */
export const newestSessionFirst = (column: string): string => `LENGTH(${column}) DESC, ${column} DESC`;

/** A California session key from a year and the session number (`2025`, `0` → `20252026-0`). */
export function californiaSession(year: number, extraordinary = 0): string {
  const start = year % 2 === 1 ? year : year - 1;
  return `${start}${start + 1}-${extraordinary}`;
}

/** A session key from a name as printed: `2025–26 Regular Session` → `20252026-0`. */
export function sessionFromName(name: string): string | undefined {
  const m = /((?:19|20)\d\d)\s*[-–]\s*(\d{2,4})(?:\s+(\w+)\s+Extraordinary)?/.exec(name);
  if (!m) return undefined;
  const words: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
  return californiaSession(Number(m[1]), m[3] ? words[m[3].toLowerCase()] ?? 1 : 0);
}

/**
 * A session's key from any way of naming it: the key itself (`20252026-0`, `119`), a name as printed
 * (`2025–26 Regular Session`, `2025-26`), a year (`2025`: the session it falls in), a Congress
 * (`119th`, `119th Congress`). Undefined when it names none.
 */
export function sessionKeyOf(name: string): string | undefined {
  const s = name.trim();
  if (/^\d{8}-\d$/.test(s)) return s;
  const congress = /^(\d{2,3})(?:st|nd|rd|th)?(?:\s+congress)?$/i.exec(s);
  if (congress) return String(Number(congress[1]));
  const year = /^((?:19|20)\d\d)$/.exec(s);
  if (year) return californiaSession(Number(year[1]));
  return sessionFromName(s);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * A version's name, the one `--from`/`--to` take: the stage in lower case with hyphens
 * (`introduced`, `amended-assembly`, `enrolled`, `chaptered`), with the date after it when a bill
 * has more than one version at that stage (`amended-senate-2025-07-16`).
 */
export function versionSlug(stage: string): string {
  return stage
    .toLowerCase()
    .replace(/\b(?:in|the)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Names every version of one bill (oldest first), adding the date (or a number) where a stage repeats. */
export function nameVersions(versions: Array<{ stage: string; date: string | null }>): string[] {
  const slugs = versions.map((v) => versionSlug(v.stage) || 'version');
  const counts = new Map<string, number>();
  for (const s of slugs) counts.set(s, (counts.get(s) ?? 0) + 1);
  const used = new Set<string>();
  return slugs.map((slug, i) => {
    let name = counts.get(slug)! > 1 && versions[i]!.date ? `${slug}-${versions[i]!.date}` : slug;
    for (let n = 2; used.has(name); n++) name = `${slug}-${n}`;
    used.add(name);
    return name;
  });
}

/** California's version stage words, from BILL_VERSION_TBL's `bill_version_action` or a CAML ActionText. */
export function stageLabel(action: string): string {
  const words = action
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/\b\w/g, (c) => c.toUpperCase());
  const m = /^Amended (Assembly|Senate)$/.exec(words);
  return m ? `Amended in ${m[1]}` : words;
}
