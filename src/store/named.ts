/**
 * Bills and laws found by name: a search for "CARES Act", "California Values Act" or "the Ralph M. Brown
 * Act" names the bills whose versions give their act that short title, and the law sections that give it
 * their unit ("This chapter shall be known as …": import/short-titles.ts), beside the results of the
 * words (which rank a bill's long text, where its name is three words of thousands). Every name is read
 * once a generation of the data (`NameIndex`): a search looks it up in memory, with no query.
 */
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
}

/** A law section and a name it gives its unit or act ("This chapter shall be known as the Ralph M. Brown Act"). */
export interface NamedSection {
  kind: 'section';
  name: string;
  code: string;
  number: string;
}

export type Named = NamedBill | NamedSection;

/** Bills and sections a lookup names at most (the same name each Congress: "Consolidated Appropriations Act, 2016", …, 2020). */
export const MOST_NAMED = 10;

/** Characters of a query that may be a name, at most (the longest short title read is 200). */
const NAME_CHARS = 200;

/**
 * The spellings a short title is found by: as printed, without "the" before it, without its year ("Act
 * of 2019", "Act, 2020"), and without "Act" where two words or more are left ("Great American Outdoors");
 * letter case, quotes and punctuation aside.
 */
export function nameKeys(name: string): string[] {
  const full = fold(name).replace(/^the /, '');
  const undated = full.replace(/ (?:of )?(?:1[89]|20)\d\d$/, '');
  // Without "Act" only where two words or more are left: "great american outdoors", not "cases" (the CASES Act).
  const bare = undated.replace(/ act$/, '');
  return [...new Set([full, undated, ...(bare.includes(' ') ? [bare] : [])])].filter((key) => /\p{L}/u.test(key) && key.length >= 3);
}

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
  readonly #index: PerGeneration<{ byKey: Map<string, Named[]>; byBill: Map<string, string[]> }>;

  /** `load`: every section named, in the codes' order, then every bill named, newest session first (Queries' `sectionNames` and `billNames`). */
  constructor(load: () => Promise<Named[]>) {
    this.#index = new PerGeneration(() => load().then((named) => ({ byKey: indexOf(named), byBill: namesByBill(named) })));
  }

  /** The law sections, then the bills, `query` names (none where it names none), of the data of `generation`. */
  async find(query: string, generation: string): Promise<Named[]> {
    const key = nameQuery(query);
    if (key === undefined) return [];
    return ((await this.#index.of(generation)).byKey.get(key) ?? []).slice(0, MOST_NAMED);
  }

  /** The short titles the versions of bill `id` give (none: empty), in the order they give them, of the data of `generation`. */
  async of(id: string, generation: string): Promise<readonly string[]> {
    return (await this.#index.of(generation)).byBill.get(id) ?? NO_NAMES;
  }
}

const NO_NAMES: readonly string[] = Object.freeze([]);

function namesByBill(named: Named[]): Map<string, string[]> {
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
function indexOf(named: Named[]): Map<string, Named[]> {
  const index = new Map<string, Named[]>();
  for (const n of named) {
    for (const key of nameKeys(n.name)) {
      const list = index.get(key);
      if (!list) index.set(key, [n]);
      else if (!list.some((m) => sameOwner(m, n))) list.push(n);
    }
  }
  return index;
}

const sameOwner = (a: Named, b: Named) => (a.kind === 'bill' ? b.kind === 'bill' && a.id === b.id : b.kind === 'section' && a.code === b.code && a.number === b.number);
