/**
 * Bills and laws found by name: a search for "CARES Act", "California Values Act" or "the Ralph M. Brown
 * Act" names the bills whose versions give their act that short title, and the law sections that give it
 * their unit ("This chapter shall be known as …": import/short-titles.ts), beside the results of the
 * words (which rank a bill's long text, where its name is three words of thousands). Every name is read
 * once a generation of the data (`NameIndex`): a search looks it up in memory, with no query.
 */
import { codeTyped } from './codes.js';
import { lawsWithTheirBills } from './enacted.js';
import { PerGeneration } from './per-generation.js';

/** A bill and a short title one of its versions gives. */
export interface NamedBill {
  kind: 'bill';
  /** The short title as the bill prints it ("Autism CARES Act of 2019"). */
  name: string;
  /** The bill's key (`us-116-hr1058`). */
  id: string;
  measure: string;
  jurisdiction: string;
  session: string;
  /** A public law: the bill it enacted (`bills.enacts`), else null. */
  enacts: string | null;
  /** The public law that enacted the bill, where the same name found both: one measure (enacted.ts). */
  law?: { id: string; measure: string };
}

/** A law section and a name it gives its unit or act ("This chapter shall be known as the Ralph M. Brown Act"). */
export interface NamedSection {
  kind: 'section';
  name: string;
  code: string;
  number: string;
}

/** A code a search's words name ("Penal Code", "PEN", "54 U.S.C.": `codeNamed`), with how many of its sections the database holds. */
export interface NamedCode {
  kind: 'code';
  /** As billdiff names it ("Penal Code", "54 U.S.C."). */
  name: string;
  code: string;
  sections: number;
}

/** A bill or law section found by a short title it gives. */
export type Titled = NamedBill | NamedSection;

export type Named = Titled | NamedCode;

/**
 * The code a search's words name as a person names a code: by its name ("Penal Code", "Cal. Gov't
 * Code"), a U.S. Code title ("54 U.S.C.", "title 54", "usc54"), or an abbreviation typed in capitals
 * ("PEN", "W&I", "PC"). A common word that is a code's name without "Code" ("water", "penal", "pen")
 * is read as the word only. Undefined when the words name none.
 */
export function codeNamed(query: string): string | undefined {
  const words = query.trim();
  const code = /\bcode\b/i.test(words) || /^(?:usc\s*\d|title\s+\d|\d+[a-z]?\s*u\.?\s*s\.?\s*c\b)/i.test(words) || /^[A-Z&.' ]{2,12}$/.test(words);
  return code ? codeTyped(words) : undefined;
}

/** Bills and sections a lookup names at most (the same name each Congress: "Consolidated Appropriations Act, 2016", …, 2020). */
export const MOST_NAMED = 10;

/** Characters of a query that may be a name, at most (the longest short title read is 200). */
const NAME_CHARS = 200;

/**
 * The spellings a short title is found by: as printed, without "the" before it, without its year ("Act
 * of 2019", "Act, 2020"), without "Act" where two words or more are left ("Great American Outdoors"),
 * and an act named for a person by a given name and initials, by the surname alone, as it is called
 * ("Brown Act" for the Ralph M. Brown Act), or for its sponsors, by their surnames ("Dodd-Frank Act":
 * `SPONSORS_ACT`); letter case, quotes and punctuation aside.
 */
export function nameKeys(name: string): string[] {
  const full = fold(name).replace(/^the /, '');
  const undated = full.replace(/ (?:of )?(?:1[89]|20)\d\d$/, '');
  // Without "Act" only where two words or more are left: "great american outdoors", not "cases" (the CASES Act).
  const bare = undated.replace(/ act$/, '');
  const surname = PERSON_ACT.exec(name.trim())?.[1] ?? SPONSORS_ACT.exec(name.trim())?.[1];
  return [...new Set([full, undated, ...(bare.includes(' ') ? [bare] : []), ...(surname ? [fold(`${surname} Act`)] : [])])].filter((key) => /\p{L}/u.test(key) && key.length >= 3);
}

/**
 * An act whose name begins with its sponsors' surnames, hyphened, then other words: "Dodd-Frank Wall
 * Street Reform and Consumer Protection Act", "Bagley-Keene Open Meeting Act" (the surnames, called
 * "the Dodd-Frank Act"). Not one named by them alone ("Gramm-Leach-Bliley Act": as printed).
 */
const SPONSORS_ACT = /^(?:the\s+)?(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+)\s+(?:\p{L}[\p{L},'’-]*\s+)+Act(?:,?\s+(?:of\s+)?\d{4})?$/u;

/**
 * The initials an act is called by ("CEQA" for the California Environmental Quality Act, "WRRDA 2014"
 * for the Water Resources Reform and Development Act of 2014): the first letter of each word to its
 * "Act", of each part of a hyphened word ("NAHASDA": Self-Determination), both without the small words
 * ("of", "in", "with", …) and with them but "and" and "the" ("FOIA": Freedom of Information Act;
 * "FICALA": Fairness in Class Action Litigation Act), each alone and with the act's year. None for a
 * name not ending in "Act", one of fewer than three words, one with a word in capitals (the "Autism
 * CARES Act" is called by that word), or one named for a person.
 */
export function initialisms(name: string): string[] {
  const trimmed = name.trim().replace(/^the\s+/i, '');
  if (PERSON_ACT.test(trimmed)) return [];
  const dated = /^(.*?\bAct)(?:,?\s+(?:of\s+)?((?:1[89]|20)\d\d))?$/u.exec(trimmed);
  if (!dated) return [];
  const words = dated[1]!.split(/[\s\u2010-\u2015-]+/u).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  if (words.length < 3 || words.some((w) => /^\p{Lu}{2,}$/u.test(w) || !/^\p{L}/u.test(w))) return [];
  const of = (list: string[]) => list.map((w) => w[0]!.toUpperCase()).join('');
  const letters = [...new Set([of(words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()))), of(words.filter((w) => !/^(?:and|the)$/i.test(w)))])].filter((a) => a.length >= 3);
  const year = dated[2];
  return letters.flatMap((a) => (year ? [a, `${a} ${year}`] : [a]));
}

/** Words an act's initials leave out ("Water Resources Reform and Development Act": WRRDA). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * The initials a query names an act by: letters, "Act" after them or not, then a year or not ("CEQA",
 * "ceqa", "the SPACE Act", "WRRDA of 2014"); undefined for other words. Three letters or two and "Act"
 * only in capitals ("ADA", "HR Act"): in small letters, short words are too often the initials of some
 * act ("tax", "law", "ada").
 */
export function initialsQuery(query: string): string | undefined {
  const m = /^(?:the\s+)?(\p{L}{2,12})(\s+Act)?(?:,?\s+(?:of\s+)?((?:1[89]|20)\d\d))?$/iu.exec(query.trim().replace(/[“”"'‘’]/g, ''));
  if (!m) return undefined;
  const typed = m[1]!;
  if (typed.length < 4 && !/^\p{Lu}+$/u.test(typed)) return undefined;
  const letters = `${typed.toUpperCase()}${m[2] ? 'A' : ''}`;
  return letters.length < 3 ? undefined : m[3] ? `${letters} ${m[3]}` : letters;
}

/** An act named for a person, a given name and initials before the surname: "Ralph M. Brown Act" (the surname). */
const PERSON_ACT = /^(?:the\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)+\s+(\p{Lu}[\p{L}'’-]+)\s+Act(?:\s+of\s+\d{4})?$/u;

/** A query as a name is looked up (undefined where it is too long to be one). */
function nameQuery(query: string): string | undefined {
  if (query.length > NAME_CHARS) return undefined;
  return fold(query).replace(/^the /, '') || undefined;
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Every name the database's law sections and bill versions give, by each spelling (`nameKeys`), and each
 * bill's, read again when the data's generation changes.
 */
export class NameIndex {
  readonly #index: PerGeneration<{ byKey: Map<string, Titled[]>; byBill: Map<string, string[]> }>;

  /** `load`: every section named, in the codes' order, then every bill named, newest session first (Queries' `sectionNames` and `billNames`). */
  constructor(load: () => Promise<Titled[]>) {
    this.#index = new PerGeneration(() => load().then((named) => ({ byKey: indexOf(named), byBill: namesByBill(named) })));
  }

  /** The law sections, then the bills, `query` names (none where it names none), of the data of `generation`. */
  async find(query: string, generation: string): Promise<Titled[]> {
    const key = nameQuery(query);
    if (key === undefined) return [];
    const { byKey } = await this.#index.of(generation);
    const initials = initialsQuery(query);
    const named = byKey.get(key) ?? [];
    const byInitials = initials === undefined ? [] : (byKey.get(INITIALS + initials) ?? []).filter((n) => !named.some((m) => sameOwner(m, n)));
    return withLaws([...named, ...byInitials]).slice(0, MOST_NAMED);
  }

  /** The short titles the versions of bill `id` give (none: empty), in the order they give them, of the data of `generation`. */
  async of(id: string, generation: string): Promise<readonly string[]> {
    return (await this.#index.of(generation)).byBill.get(id) ?? NO_NAMES;
  }
}

const NO_NAMES: readonly string[] = Object.freeze([]);

/** The bills and sections found with each law whose bill is among them folded into the bill's entry (`law`: enacted.ts). */
function withLaws(found: Titled[]): Titled[] {
  // (Only bills have an id here, so both the fold is given are bills.)
  return lawsWithTheirBills(
    found,
    (n) => (n.kind === 'bill' ? n.id : undefined),
    (n) => (n.kind === 'bill' ? n.enacts : undefined),
    (bill, law) => ({ ...(bill as NamedBill), law: { id: (law as NamedBill).id, measure: (law as NamedBill).measure } }),
  );
}

function namesByBill(named: Titled[]): Map<string, string[]> {
  const byBill = new Map<string, string[]>();
  for (const n of named) {
    if (n.kind !== 'bill') continue;
    const list = byBill.get(n.id);
    if (list) list.push(n.name);
    else byBill.set(n.id, [n.name]);
  }
  return byBill;
}

/** Each spelling's sections and bills, each once (under the first of its names that has the spelling). */
function indexOf(named: Titled[]): Map<string, Titled[]> {
  const index = new Map<string, Titled[]>();
  for (const n of named) {
    for (const key of [...nameKeys(n.name), ...initialisms(n.name).map((a) => INITIALS + a)]) {
      const list = index.get(key);
      if (!list) index.set(key, [n]);
      else if (!list.some((m) => sameOwner(m, n))) list.push(n);
    }
  }
  return index;
}

/** Before an act's initials in the index: no spelling of a name (`nameKeys`, small letters) begins with it. */
const INITIALS = '=';

const sameOwner = (a: Titled, b: Titled) => (a.kind === 'bill' ? b.kind === 'bill' && a.id === b.id : b.kind === 'section' && a.code === b.code && a.number === b.number);
