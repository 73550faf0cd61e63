/**
 * The parameters of a search as the API, the search page and the CLI take them, checked in one place:
 * each bad one is refused with a message that names it and what it may be (the API answers 400 with
 * it, the CLI prints it). Nothing is clamped or guessed silently.
 */
import { codeTyped } from './codes.js';
import { sessionKeyOf, sessionName } from './names.js';
import { SEARCH_BOUNDS } from './search.js';
import { FILTER_KEYS, type SearchFilters, type SearchPage } from './types.js';
import type { AuthorMatch } from './authors.js';

/** A parameter out of its range; the message names it and the range. */
export class SearchParamError extends Error {}

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  page: SearchPage;
}

/** Results a page of the search page shows. */
export const PAGE_SIZE = 25;
/** The last page the search page offers (its first result is at most `SEARCH_BOUNDS.offset`). */
export const LAST_PAGE = Math.floor(SEARCH_BOUNDS.offset / PAGE_SIZE) + 1;

/**
 * `api`: `/api/search` (q required; limit, offset; no other parameter); `page`: `/search` (q may be
 * empty; page; other parameters ignored); `cli`: `billdiff search` (limit, offset).
 */
export type SearchForm = 'api' | 'page' | 'cli';

const TAKEN: Record<SearchForm, string[]> = {
  api: ['q', 'limit', 'offset', ...FILTER_KEYS],
  page: ['q', 'page', ...FILTER_KEYS],
  cli: ['q', 'limit', 'offset', ...FILTER_KEYS],
};
/** Characters an author filter holds at most. */
const AUTHOR_CHARS = 100;
const HOUSES = ['assembly', 'senate', 'house'];
/** The sessions named in a message about the session parameter, at most. */
const SESSIONS_NAMED = 12;

/**
 * Reads and checks a search's parameters. `sessions` are the database's: a session filter must name one
 * of them (by key, by name, by year or by Congress).
 */
export function readSearchParams(params: Record<string, unknown>, sessions: Array<{ jurisdiction: string; session: string }>, form: SearchForm): SearchRequest {
  if (form === 'api') {
    const unknown = Object.keys(params).find((k) => !TAKEN.api.includes(k));
    if (unknown !== undefined) throw new SearchParamError(`unknown parameter "${unknown.slice(0, 40)}": /api/search takes ${TAKEN.api.slice(0, -1).join(', ')} and ${TAKEN.api.at(-1)}`);
  }
  const one = (name: string): string | undefined => {
    const value = params[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new SearchParamError(`the ${name} parameter must be given once, as text`);
    return value.trim() === '' ? undefined : value.trim();
  };
  const query = one('q') ?? '';
  if (query.length > SEARCH_BOUNDS.query) throw new SearchParamError(`the q parameter must be 1 to ${SEARCH_BOUNDS.query} characters long`);

  const filters: SearchFilters = {};
  const session = one('session');
  if (session !== undefined) {
    const key = session.length <= 60 ? sessionKeyOf(session) : undefined;
    if (!key || !sessions.some((s) => s.session === key)) throw new SearchParamError(sessionMessage(sessions));
    filters.session = key;
  }
  const house = one('house');
  if (house !== undefined) {
    if (!HOUSES.includes(house.toLowerCase())) throw new SearchParamError('the house parameter must be assembly, senate or house');
    filters.house = house.toLowerCase();
  }
  const status = one('status');
  if (status !== undefined) {
    if (status.length > 60 || !/^[\p{L}\p{N} ,.'’()-]+$/u.test(status)) throw new SearchParamError('the status parameter must be pending, chaptered, or a status as the Legislature gives it (1 to 60 letters)');
    filters.status = status;
  }
  const code = one('code');
  if (code !== undefined) {
    const known = code.length <= 60 ? codeTyped(code) : undefined;
    if (!known) throw new SearchParamError("the code parameter must be a code: a California code's abbreviation or name (PEN, Penal Code) or a U.S. Code title (usc54, 54 U.S.C.)");
    filters.code = known;
  }
  const author = one('author');
  if (author !== undefined) {
    if (author.length > AUTHOR_CHARS || /[\p{Cc}]/u.test(author)) throw new SearchParamError(`the author parameter must be an author's name (1 to ${AUTHOR_CHARS} characters): Davies, Senator Wiener, Shuster`);
    filters.author = author;
  }
  // Words, or an author: no words lists the author's bills.
  if (!query && form !== 'page' && filters.author === undefined) throw new SearchParamError(`give the words to search for${form === 'api' ? ' as ?q=…' : ''} (1 to ${SEARCH_BOUNDS.query} characters), or an author`);

  if (form === 'page') {
    const page = whole(one('page'), 'page', 1, LAST_PAGE) ?? 1;
    return { query, filters, page: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } };
  }
  return { query, filters, page: { limit: whole(one('limit'), 'limit', 1, SEARCH_BOUNDS.limit) ?? 20, offset: whole(one('offset'), 'offset', 0, SEARCH_BOUNDS.offset) ?? 0 } };
}

/** What a search's authors are looked up by (`Database.authorsNamed`): its words, or, with none, its author filter. */
export function authorsSought(query: string, filters: SearchFilters): string {
  return query || filters.author || '';
}

/**
 * The filters with the names the database files their author under (`authorNames`), as `named` finds
 * them (`Database.authorsNamed`): a name no bill version gives is refused, saying so.
 */
export async function readAuthorFilter(filters: SearchFilters, named: (name: string) => Promise<AuthorMatch[]>): Promise<SearchFilters> {
  if (filters.author === undefined) return filters;
  const names = [...new Set((await named(filters.author)).map((a) => a.name))];
  if (!names.length) throw new SearchParamError(`the author parameter must name an author of the database: no bill version names “${filters.author}”`);
  return { ...filters, authorNames: names };
}

/** A whole number from `min` to `max`, or undefined when not given. */
function whole(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) throw new SearchParamError(`the ${name} parameter must be a whole number from ${min} to ${max}`);
  return n;
}

function sessionMessage(sessions: Array<{ jurisdiction: string; session: string }>): string {
  if (!sessions.length) return 'the session parameter must be a session of the database, and it has none yet';
  const named = sessions.slice(0, SESSIONS_NAMED).map((s) => `${s.session} (${sessionName(s.jurisdiction, s.session)})`);
  return `the session parameter must be a session of the database: ${named.join(', ')}${sessions.length > SESSIONS_NAMED ? ', …' : ''}`;
}
