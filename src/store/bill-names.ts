/**
 * Bills found by name: a search for "CARES Act", "California Values Act" or "the Great American Outdoors
 * Act" names the bills whose versions give their act that short title (import/short-titles.ts), beside
 * the results of the words (which rank the bill's long text, where its name is three words of thousands).
 * Every name is read once a generation of the data (`NameIndex`): a search looks it up in memory, with
 * no query.
 */
import { PerGeneration } from './per-generation.js';

/** A bill and a short title one of its versions gives. */
export interface NamedBill {
  /** The short title as the bill prints it ("Autism CARES Act of 2019"). */
  name: string;
  /** The bill's key (`us-116-hr1058`). */
  id: string;
  measure: string;
  jurisdiction: string;
  session: string;
}

/** Bills a lookup names at most (the same name each Congress: "Consolidated Appropriations Act, 2016", …, 2020). */
export const MOST_BILLS_NAMED = 10;

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
 * Every short title the database's versions give, by each spelling (`nameKeys`), read again when the
 * data's generation changes; `load` reads them (Queries' `billNames`), newest session first.
 */
export class NameIndex {
  readonly #index: PerGeneration<{ byKey: Map<string, NamedBill[]>; byBill: Map<string, string[]> }>;

  constructor(load: () => Promise<NamedBill[]>) {
    this.#index = new PerGeneration(() => load().then((named) => ({ byKey: indexOf(named), byBill: namesByBill(named) })));
  }

  /** The bills `query` names (none where it names none), newest session first, of the data of `generation`. */
  async find(query: string, generation: string): Promise<NamedBill[]> {
    const key = nameQuery(query);
    if (key === undefined) return [];
    return ((await this.#index.of(generation)).byKey.get(key) ?? []).slice(0, MOST_BILLS_NAMED);
  }

  /** The short titles the versions of bill `id` give (none: empty), in the order they give them, of the data of `generation`. */
  async of(id: string, generation: string): Promise<readonly string[]> {
    return (await this.#index.of(generation)).byBill.get(id) ?? NO_NAMES;
  }
}

const NO_NAMES: readonly string[] = Object.freeze([]);

function namesByBill(named: NamedBill[]): Map<string, string[]> {
  const byBill = new Map<string, string[]>();
  for (const n of named) {
    const list = byBill.get(n.id);
    if (list) list.push(n.name);
    else byBill.set(n.id, [n.name]);
  }
  return byBill;
}

/** Each spelling's bills, each bill once (under the first of its names that has the spelling). */
function indexOf(named: NamedBill[]): Map<string, NamedBill[]> {
  const index = new Map<string, NamedBill[]>();
  for (const n of named) {
    for (const key of nameKeys(n.name)) {
      const list = index.get(key);
      if (!list) index.set(key, [n]);
      else if (!list.some((b) => b.id === n.id)) list.push(n);
    }
  }
  return index;
}
