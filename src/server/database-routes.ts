/**
 * The database's routes: search, bill, law-section and session pages, their API, and the Atom feeds
 * of a bill, a law section, a session and an author's bills of a session (`…/feed`). Pages and feeds are
 * rendered once per data generation (every import bumps it, whichever process imports; each request
 * reads it, see ./generation.ts) and kept in an LRU with their ETag, so a busy server answers
 * repeated pages from memory and never shows stale ones.
 */
import { createHash } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { LRUCache } from 'lru-cache';
import { codeName, codeTyped, normalizeSectionNumber } from '../store/codes.js';
import type { Database } from '../store/database.js';
import { parseMeasure, sessionName, statuteCitation } from '../store/names.js';
import { PerGeneration } from '../store/per-generation.js';
import { unitOfQuery } from '../store/places.js';
import { authorJson, findBill as billByCitation, billReport, namedJson, NotFoundError, sectionReport, versionTextReport, type VersionTextReport } from '../store/reports.js';
import { authorsSought, readAuthorFilter, readSearchParams, SearchParamError, type SearchForm } from '../store/search-params.js';
import { SearchBusyError } from '../store/search-pool.js';
import type { SessionInfo } from '../store/queries.js';
import type { SearchFilters, SearchPage } from '../store/types.js';
import { authorFeedModel, authorModel, billFeedModel, FEED_ENTRIES, SECTION_BILLS_PER_PAGE, billModel, codeModel, codesModel, resultJson, searchModel, sectionFeedModel, sessionFeedModel, sectionModel, sessionAuthorsModel, sessionBillsModel, sessionModel, sessionsModel, unitPageUrl, versionModel } from './database-pages.js';
import { HttpError } from './errors.js';
import { securityHeaders, setSecurityHeaders } from './security-headers.js';
import type { Views } from './views.js';

/** Pages kept, and the longest kept: the cache stays within about 100 MB whatever is asked. */
const CACHED_PAGES = 800;
const CACHED_PAGE_CHARS = 128 * 1024;

/** An answer as it is sent: its bytes, its ETag, and every header of a 200 (the security headers first, as helmet set them). */
interface CachedAnswer {
  type: AnswerType;
  body: Buffer;
  etag: string;
  headers: string[];
}

/** Characters of an author's name a page takes at most (a member of Congress as printed: "Mr. Danny K. Davis of Illinois"). */
const AUTHOR_NAME_CHARS = 200;

const CONTENT_TYPES = { html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8', atom: 'application/atom+xml; charset=utf-8' } as const;
type AnswerType = keyof typeof CONTENT_TYPES;

/**
 * The answer made once from the page's text: the bytes Express would encode again for every answer,
 * and the ETag it would hash again. Kept as bytes, a page lives outside V8's heap: the page cache's
 * newest pages are not copied by each young-generation collection, and again when promoted.
 */
function cachedAnswer(type: AnswerType, text: string): CachedAnswer {
  const body = Buffer.from(text);
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
  return { type, body, etag, headers: [...securityHeaders, 'Content-Type', CONTENT_TYPES[type], 'ETag', etag, 'Content-Length', String(body.length)] };
}

/**
 * Sends an answer. A request without If-None-Match or If-Modified-Since cannot be answered 304
 * (fresh's first test): its headers, computed with the answer, go in one writeHead call. A conditional
 * request goes through Express's own send (freshness, 304 and the headers it strips), as before.
 */
function sendAnswer(req: Request, res: Response, hit: CachedAnswer): void {
  if (req.headers['if-none-match'] === undefined && req.headers['if-modified-since'] === undefined) {
    res.writeHead(200, hit.headers);
    if (req.method === 'HEAD') res.end();
    else res.end(hit.body);
    return;
  }
  setSecurityHeaders(res);
  res.type(CONTENT_TYPES[hit.type]).set('ETag', hit.etag).send(hit.body);
}

/** Requests of the server's warm-up (./database-warm-up.ts, warmWhileIdle): answered as any, their pages kept nowhere. */
export const warmUpRequests = new WeakSet<object>();

export interface DatabaseRoutesContext {
  database: Database;
  views: Views;
  /** The data's generation, read for each request (./generation.ts). */
  generation: () => Promise<string>;
  /** Keep rendered pages for the next request (createApp's `cache`). */
  cache: boolean;
}

/** The routes; when the app has no database they answer that none is configured. */
export function createDatabaseRoutes(ctx: DatabaseRoutesContext): Router {
  const router = express.Router();
  const cache = ctx.cache ? new LRUCache<string, CachedAnswer>({ max: CACHED_PAGES }) : undefined;
  /** The newest generation read: a read that began before any request now arriving. */
  let known: string | undefined;
  const generationNow = () => ctx.generation().then((generation) => (known = generation));
  /**
   * Answers from the cache, or builds the answer once (an HttpError from build: its status). A page not
   * in the cache under the newest generation read is most likely new: it is built beside the read of
   * the generation, not after it (on PostgreSQL a round trip fewer before its own queries), and kept if
   * that read finds the same generation. Each import writes a generation never written before, so none
   * committed between that earlier read and this one: the page, read after the earlier one, is of this
   * generation (or newer), never older. Else it is built again, after the read, as any other.
   */
  const cached = (type: AnswerType, build: (req: Request, res: Response, generation: string) => Promise<string>): RequestHandler => {
    return async (req, res) => {
      const guess = known;
      const keep = !warmUpRequests.has(req);
      let generation: string;
      let text: string | undefined;
      if (guess !== undefined && !(keep && cache?.has(`${guess}|${type}|${req.originalUrl}`))) {
        const [read, built] = await Promise.allSettled([generationNow(), build(req, res, guess)]);
        if (read.status === 'rejected') throw read.reason;
        generation = read.value;
        if (generation === guess) {
          if (built.status === 'rejected') throw built.reason;
          text = built.value;
        }
      } else {
        generation = await generationNow();
      }
      const key = `${generation}|${type}|${req.originalUrl}`;
      let hit = text === undefined && keep ? cache?.get(key) : undefined;
      if (!hit) {
        text ??= await build(req, res, generation);
        hit = cachedAnswer(type, text);
        if (keep && text.length <= CACHED_PAGE_CHARS) cache?.set(key, hit);
      }
      sendAnswer(req, res, hit);
    };
  };
  const render = (page: Parameters<Views['render']>[0], model: object) => renderPage(ctx.views, page, model);
  /** The session a request's path names (`/sessions/ca/20252026-0`), one of the database's; else a 404 that says what a session's path is. */
  const knownSession = async (req: Request) => {
    const jurisdiction = String(req.params['jurisdiction']);
    const session = String(req.params['session']);
    if (!/^(?:ca|us)$/.test(jurisdiction) || !/^[0-9\-]{1,12}$/.test(session)) throw new HttpError(404, 'no such session: sessions are /sessions/ca/20252026-0, /sessions/us/119');
    const known = (await ctx.database.sessions()).some((s) => s.jurisdiction === jurisdiction && s.session === session);
    if (!known) throw new HttpError(404, `no bills of session ${session} in the database`);
    return { jurisdiction, session };
  };

  /**
   * A search; one the server has no room for now is a 503 (search-pool.ts bounds them), and one whose
   * client goes away while it waits is dropped.
   */
  const search = async (res: Response, query: string, filters: SearchFilters, page: SearchPage, generation: string) => {
    const gone = new AbortController();
    // Every response closes: only one closed before it was sent means the client went away (an abort
    // makes an AbortError, stack and all, which a search answered has no use for).
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    try {
      // The generation the page is built for: the search thread trusts its caches of it (the page is kept only if the read finds it).
      return await ctx.database.search(query, filters, page, gone.signal, generation);
    } catch (error) {
      throw error instanceof SearchBusyError ? new HttpError(503, error.message, 'The search could not be answered now') : error;
    }
  };
  /** The sessions (on every search page), read once a generation of the data: a round trip fewer a search on PostgreSQL. */
  const sessionsRead = new PerGeneration(() => ctx.database.sessions());
  const sessionsOf = (generation: string): Promise<SessionInfo[]> => sessionsRead.of(generation);
  /** The search's parameters, each checked: a bad one is a 400 naming it and its range. */
  const searchRequest = async (req: Request, form: SearchForm, generation: string) => {
    const sessions = await sessionsOf(generation);
    try {
      const request = readSearchParams(req.query as Record<string, unknown>, sessions, form);
      return { ...request, filters: await readAuthorFilter(request.filters, (name) => ctx.database.authorsNamed(name, generation)), sessions };
    } catch (error) {
      throw error instanceof SearchParamError ? new HttpError(400, error.message, 'The search could not be run') : error;
    }
  };
  /** The authors a search names, on its first page (a later page repeats none). */
  const authorsNamed = (query: string, page: SearchPage, generation: string) => (page.offset === 0 ? ctx.database.authorsNamed(query, generation) : Promise.resolve([]));
  /** The law sections and bills a search's words name by their short titles, on its first page (a later page repeats none). */
  const namedBy = (query: string, page: SearchPage, generation: string) => (page.offset === 0 && query ? ctx.database.named(query, generation) : Promise.resolve([]));
  router.get('/search', cached('html', async (req, res, generation) => {
    const { query, filters, page, sessions } = await searchRequest(req, 'page', generation);
    // No words but an author: their bills, and the authors it names, each linked to their bills of a session.
    const sought = authorsSought(query, filters);
    const [answer, authors, named] = sought ? await Promise.all([search(res, query, filters, page, generation), authorsNamed(sought, page, generation), namedBy(query, page, generation)]) : [undefined, [], []];
    return render('search', searchModel(sessions, query, filters, page, answer, authors, named));
  }));
  router.get('/api/search', cached('json', async (req, res, generation) => {
    const { query, filters, page } = await searchRequest(req, 'api', generation);
    const [answer, authors, named] = await Promise.all([search(res, query, filters, page, generation), authorsNamed(authorsSought(query, filters), page, generation), namedBy(query, page, generation)]);
    return JSON.stringify({
      results: answer.results.map(resultJson),
      authors: authors.map(authorJson),
      named: named.map(namedJson),
      total: answer.total,
      offset: page.offset,
      limit: page.limit,
      found: answer.by,
      matches: { bills: answer.bills, sections: answer.sections },
      ranked: { bills: answer.rankedBills, sections: answer.rankedSections },
    });
  }));
  const pages = databasePages(ctx);
  // A bill by its citation (`/bills/AB%201656`, `/api/bills/hr1-119`): the address of its key, the newest session's where the citation names none.
  for (const route of ['/bills/:id', '/bills/:id/feed', '/api/bills/:id', '/bills/:id/versions/:version', '/api/bills/:id/versions/:version']) {
    router.get(route, async (req, res, next) => {
      try {
        const given = String(req.params['id']);
        if (given.length > 80 || /^(?:ca|us)-/.test(given) || !(parseMeasure(given) || statuteCitation(given))) return next();
        let key: string;
        try {
          key = (await billByCitation(ctx.database, given)).id;
        } catch (error) {
          // (The command line's advice, "billdiff import PATH… brings bills in", is not this page's.)
          throw error instanceof NotFoundError ? new HttpError(404, error.message.replace(/ \(billdiff import [^)]*\)$/, '')) : error;
        }
        // The same route with the key for the citation.
        const to = route.replace(':id', encodeURIComponent(key)).replace(':version', () => encodeURIComponent(String((req.params as Record<string, string>)['version'])));
        res.redirect(302, `${req.baseUrl}${to}`);
      } catch (error) {
        next(error);
      }
    });
  }
  router.get('/bills/:id', cached('html', async (req, _res, generation) => pages.bill(req.params['id'], generation)));
  router.get('/bills/:id/feed', cached('atom', async (req, _res, generation) => ctx.views.render('feed', billFeedModel(await findBill(ctx.database, req.params['id'], generation)))));
  router.get('/api/bills/:id', cached('json', async (req, _res, generation) => JSON.stringify(await findBill(ctx.database, req.params['id'], generation))));
  router.get('/bills/:id/versions/:version', cached('html', async (req) => render('version', versionModel(await findVersion(ctx.database, req.params['id'], req.params['version'])))));
  router.get('/api/bills/:id/versions/:version', cached('json', async (req) => JSON.stringify(await findVersion(ctx.database, req.params['id'], req.params['version']))));
  router.get('/sections/:code/:number', cached('html', async (req) => pages.section(req.params['code'], req.params['number'], pageNumber(req))));
  router.get('/sections/:code/:number/feed', cached('atom', async (req) => ctx.views.render('feed', sectionFeedModel(await findSection(ctx.database, req.params['code'], req.params['number'], { offset: 0, limit: FEED_ENTRIES })))));
  router.get('/api/sections/:code/:number', cached('json', async (req) => JSON.stringify(await findSection(ctx.database, req.params['code'], req.params['number']))));
  router.get('/sessions', cached('html', async () => render('sessions', await sessionsModel(ctx.database))));
  router.get('/sessions/:jurisdiction/:session', cached('html', async (req) => {
    const { jurisdiction, session } = await knownSession(req);
    const page = pageNumber(req);
    const [model, bills] = await Promise.all([sessionModel(ctx.database, jurisdiction, session), sessionBillsModel(ctx.database, jurisdiction, session, page)]);
    if (!bills) throw new HttpError(404, `the bills of the ${sessionName(jurisdiction, session)} have no page ${page}`);
    return render('session', { ...model, ...bills });
  }));
  router.get('/sessions/:jurisdiction/:session/authors', cached('html', async (req, _res, generation) => {
    const { jurisdiction, session } = await knownSession(req);
    return render('authors', sessionAuthorsModel(jurisdiction, session, await ctx.database.sessionAuthors(jurisdiction, session, generation)));
  }));
  /** An author's bills of a session (`authorBills`), by the name the address gives: a 404 where it is no name, or none of the session's bills gives it. */
  const authorOf = async (req: Request) => {
    const { jurisdiction, session } = await knownSession(req);
    const name = String(req.params['name']);
    if (!name.trim() || name.length > AUTHOR_NAME_CHARS || /[\u0000-\u001f\u007f]/.test(name)) throw new HttpError(404, `an author is named as a bill names them, 1 to ${AUTHOR_NAME_CHARS} characters: /sessions/ca/20252026-0/authors/Davies`);
    const bills = await ctx.database.authorBills(jurisdiction, session, name);
    if (!bills.length) throw new HttpError(404, `no bill of the ${sessionName(jurisdiction, session)} in the database names “${name}” as an author`);
    return { jurisdiction, session, name, bills };
  };
  router.get('/sessions/:jurisdiction/:session/authors/:name', cached('html', async (req) => {
    const { jurisdiction, session, name, bills } = await authorOf(req);
    return render('author', authorModel(jurisdiction, session, name, bills));
  }));
  router.get('/sessions/:jurisdiction/:session/authors/:name/feed', cached('atom', async (req) => {
    const { jurisdiction, session, name, bills } = await authorOf(req);
    return ctx.views.render('feed', authorFeedModel(jurisdiction, session, name, bills));
  }));
  router.get('/sessions/:jurisdiction/:session/feed', cached('atom', async (req) => {
    const { jurisdiction, session } = await knownSession(req);
    return ctx.views.render('feed', await sessionFeedModel(ctx.database, jurisdiction, session));
  }));
  router.get('/codes', cached('html', async () => render('codes', await codesModel(ctx.database))));
  // A unit of a code (`/codes/BPC?division=7&part=3`, as a section's page links its units): the page of its first section, at its heading.
  router.get('/codes/:code', async (req, res, next) => {
    try {
      let place: string | undefined;
      try {
        place = unitOfQuery(req.query as Record<string, unknown>);
      } catch (error) {
        throw new HttpError(400, (error as Error).message);
      }
      if (place === undefined) return next();
      if (req.query['page'] !== undefined) throw new HttpError(400, 'a unit of a code is found on its page: give the unit or the page, not both');
      const code = codeParam(req.params['code']);
      const url = code ? await unitPageUrl(ctx.database, code, place) : undefined;
      if (!url) throw new HttpError(404, `${code ? codeName(code) : 'that code'} has no such unit with a section in the database`);
      res.redirect(302, url);
    } catch (error) {
      next(error);
    }
  });
  router.get('/codes/:code', cached('html', async (req) => {
    const code = codeParam(req.params['code']);
    if (!code) throw new HttpError(404, 'a code is /codes/CODE: /codes/PEN, /codes/GOV, /codes/usc54 (/codes lists them)');
    const page = pageNumber(req);
    const model = await codeModel(ctx.database, code, page);
    if (!model) throw new HttpError(404, page > 1 ? `${codeName(code)} has no page ${page} of sections in the database` : `no section of ${codeName(code)} is in the database (/codes lists the codes it holds)`);
    return render('code', model);
  }));
  return router;
}

/** Each model is made for its one page: the search box's query is set on it, not on a spread copy. */
function renderPage(views: Views, page: Parameters<Views['render']>[0], model: object): string {
  (model as { searchQuery?: string }).searchQuery ??= '';
  return views.render(page, model);
}

/**
 * The pages the routes render, as they render them, kept nowhere: the routes keep them in their
 * cache, the warm-up (./database-warm-up.ts) throws them away.
 */
export function databasePages(ctx: Pick<DatabaseRoutesContext, 'database' | 'views'>) {
  return {
    /** A bill's page, of the data of `generation` (read where none is given). */
    bill: async (id: unknown, generation?: string) => renderPage(ctx.views, 'bill', billModel(await findBill(ctx.database, id, generation))),
    section: async (code: unknown, number: unknown, page = 1) => {
      // Who brings each bill read for the page's bills only.
      const report = await findSection(ctx.database, code, number, { offset: (page - 1) * SECTION_BILLS_PER_PAGE, limit: SECTION_BILLS_PER_PAGE });
      const model = sectionModel(report, page);
      if (!model) throw new HttpError(404, `the bills of ${report.name} have no page ${page}`);
      return renderPage(ctx.views, 'section', model);
    },
    /** A search page for `q` (its parameters read as a request's are), the sessions given. */
    search: async (q: string, sessions: SessionInfo[], signal?: AbortSignal) => {
      const { query, filters, page } = readSearchParams({ q }, sessions, 'page');
      return renderPage(ctx.views, 'search', searchModel(sessions, query, filters, page, query ? await ctx.database.search(query, filters, page, signal) : undefined));
    },
  };
}

/** Routes that say plainly that this server has no database (a test app made without one). */
export function noDatabaseRoutes(): Router {
  const router = express.Router();
  const none: RequestHandler = () => {
    throw new HttpError(404, 'this server has no database of bills: start it with npm start, or give createApp a database');
  };
  for (const route of ['/search', '/api/search', '/bills/:id', '/bills/:id/feed', '/api/bills/:id', '/bills/:id/versions/:version', '/api/bills/:id/versions/:version', '/sections/:code/:number', '/sections/:code/:number/feed', '/api/sections/:code/:number', '/sessions', '/sessions/:jurisdiction/:session', '/sessions/:jurisdiction/:session/feed', '/sessions/:jurisdiction/:session/authors', '/sessions/:jurisdiction/:session/authors/:name', '/sessions/:jurisdiction/:session/authors/:name/feed', '/codes', '/codes/:code']) router.get(route, none);
  return router;
}

async function findBill(db: Database, id: unknown, generation?: string) {
  const key = String(id);
  const report = key.length <= 80 ? await billReport(db, key, generation) : undefined;
  if (!report) throw new HttpError(404, `no bill ${key.slice(0, 80)} in the database`);
  return report;
}

/** A version of a bill by its name (`versionTextReport`), or a 404 that says what the bill's versions are. */
async function findVersion(db: Database, id: unknown, version: unknown) {
  const key = String(id);
  const name = String(version);
  let report: VersionTextReport | undefined;
  if (name.length > 80) throw new HttpError(404, 'a version is named by at most 80 characters: introduced, latest, amended-senate-2025-07-16, a date or a number');
  try {
    report = key.length <= 80 ? await versionTextReport(db, key, name) : undefined;
  } catch (error) {
    throw error instanceof NotFoundError ? new HttpError(404, error.message) : error;
  }
  if (!report) throw new HttpError(404, `no bill ${key.slice(0, 80)} in the database`);
  return report;
}

/** A code as a route names it: an abbreviation or a name (`PEN`, `Penal Code`, `usc54`), else one the database may hold; undefined for none. */
function codeParam(value: unknown): string | undefined {
  const given = String(value);
  if (given.length > 40) return undefined;
  return codeTyped(given) ?? (/^[A-Za-z0-9]{1,40}$/.test(given) ? given : undefined);
}

/** A list page's `?page=N` (1 when there is none): a whole number from 1 to 100,000, given once. */
function pageNumber(req: Request): number {
  const value = req.query['page'];
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value) || Number(value) > 100_000) throw new HttpError(400, 'the page parameter must be a whole number from 1 to 100000, given once');
  return Number(value);
}

/** A section's report (`sectionReport`, the authors of `authorsOf`'s bills, else of every bill), or a 404. */
async function findSection(db: Database, codeValue: unknown, numberParam: unknown, authorsOf?: { offset: number; limit: number }) {
  const code = codeParam(codeValue);
  const number = normalizeSectionNumber(String(numberParam));
  // (A comma: a U.S. Code section printed as two, "§§ 10, 10a.", is stored as its <num value="10, 10a"> reads, 10,-10a.)
  if (!code || !/^[0-9A-Za-z.,\-]{1,40}$/.test(number)) throw new HttpError(404, 'a section is /sections/CODE/NUMBER: /sections/PEN/1050, /sections/GOV/7284.6, /sections/usc54/200304');
  const report = await sectionReport(db, code, number, authorsOf);
  if (!report) throw new HttpError(404, `${code} ${number} is not in the database, and no bill in it touches it`);
  return report;
}
