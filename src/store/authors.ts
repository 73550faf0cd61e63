/**
 * Authors found by name: a search for "Davies", "Senator Wiener" or "Shuster" names the authors the
 * database's versions give that name, each in the sessions where they brought bills, beside the results
 * of the words (which never hold the authors: their names are not the bills' text). Every name is read
 * once a generation of the data (`AuthorIndex`): a search looks it up in memory, with no query.
 */
import { PerGeneration } from './per-generation.js';

/** An author as a search names them: as the versions name them, in one session, and how many of its bills. */
export interface AuthorMatch {
  name: string;
  house: string | null;
  committee: boolean;
  jurisdiction: string;
  session: string;
  bills: number;
}

/** Courtesy titles and offices a name may be typed or printed with ("Mr. Shuster", "Senator Wiener"). */
const TITLES = /^(?:mr|mrs|ms|miss|dr|senator|sen|assembly ?member|assemblyman|assemblywoman|representative|rep|delegate|del|resident commissioner)\.?\s+/;
/** A member of Congress's state, as a bill prints it to tell two members apart ("Mr. Smith of Texas"). */
const OF_STATE = /\s+of\s+[a-z .'-]+$/;
/** Words a query of a name holds at most. */
const NAME_WORDS = 6;
/** Characters a query of a name holds at most. */
const NAME_CHARS = 80;

/** The spellings a name is found by, lower-case: as printed, without a title or state, and its surname. */
export function authorKeys(name: string): string[] {
  const full = fold(name);
  const bare = full.replace(TITLES, '').replace(OF_STATE, '');
  const surname = bare.split(' ').pop() ?? bare;
  return [...new Set([full, bare, surname].filter(Boolean))];
}

/** A query as a name is looked up: lower-case, without a title (undefined where it cannot be a name: digits, or too long). */
export function nameQuery(query: string): string | undefined {
  const folded = fold(query.replace(/["“”]/g, ' '));
  if (!folded || folded.length > NAME_CHARS || /[0-9]/.test(folded) || folded.split(' ').length > NAME_WORDS) return undefined;
  return folded.replace(TITLES, '') || undefined;
}

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Authors that lookups beyond this many for one name leave out (a surname many members share). */
export const MOST_AUTHORS_FOUND = 10;

/**
 * Every author the database names, by each spelling (`authorKeys`), read again when the data's
 * generation changes; `load` reads them (Queries' `authorNames`).
 */
export class AuthorIndex {
  readonly #index: PerGeneration<{ all: AuthorMatch[]; byKey: Map<string, AuthorMatch[]> }>;

  constructor(load: () => Promise<AuthorMatch[]>) {
    this.#index = new PerGeneration(() => load().then((all) => ({ all, byKey: indexOf(all) })));
  }

  /** The authors `query` names, newest session first (none where it cannot be a name), of the data of `generation`. */
  async find(query: string, generation: string): Promise<AuthorMatch[]> {
    const key = nameQuery(query);
    if (key === undefined) return [];
    return ((await this.#read(generation)).byKey.get(key) ?? []).slice(0, MOST_AUTHORS_FOUND);
  }

  /** Every author of a session, by name, of the data of `generation`. */
  async ofSession(jurisdiction: string, session: string, generation: string): Promise<AuthorMatch[]> {
    const { all } = await this.#read(generation);
    return all.filter((a) => a.jurisdiction === jurisdiction && a.session === session).sort((a, b) => compareNames(a.name, b.name));
  }

  #read(generation: string) {
    return this.#index.of(generation);
  }
}

/** Names in the order a reader looks for them: by surname (a member of Congress's title and state aside), then as printed. */
function compareNames(a: string, b: string): number {
  return NAMES.compare(surname(a), surname(b)) || NAMES.compare(a, b);
}

const surname = (name: string) => authorKeys(name).at(-1)!;

const NAMES = new Intl.Collator('en', { sensitivity: 'base' });

function indexOf(authors: AuthorMatch[]): Map<string, AuthorMatch[]> {
  const index = new Map<string, AuthorMatch[]>();
  for (const a of authors) {
    for (const key of authorKeys(a.name)) {
      const list = index.get(key);
      if (list) list.push(a);
      else index.set(key, [a]);
    }
  }
  return index;
}
