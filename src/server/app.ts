/**
 * The web app: `createApp(options)` returns an Express app (no listen, no I/O at import).
 * Security headers come from helmet with a strict Content-Security-Policy (scripts and styles
 * only from /static, no inline code; ./security-headers.ts); diff work runs in a pool of worker threads.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type RequestHandler } from 'express';
import { loadCorpus } from '../corpus/index.js';
import { errorHandler, notFound } from './errors.js';
import { DiffPool } from './pool.js';
import type { Database } from '../store/database.js';
import { createDatabaseRoutes, noDatabaseRoutes } from './database-routes.js';
import { warmDatabasePages, warmWhileIdle, type IdleWarmUpOptions, type WarmUpDone, type WarmUpOptions } from './database-warm-up.js';
import { generationReader } from './generation.js';
import { createRoutes } from './routes.js';
import { securityHeadersMiddleware, setSecurityHeaders } from './security-headers.js';
import { createContext, type ServerContext } from './service.js';
import { UploadStore } from './store.js';
import { loadViews, viewsDir } from './views.js';

/** Options for `createApp`. */
export interface AppOptions {
  /**
   * Folder of the corpus (with its `index.json`).
   * @default the package's `bills/`
   */
  corpusDir?: string;
  /**
   * Folder of the content-addressed upload store.
   * @default `$BILLDIFF_STORE`, else `.billdiff-store/` under the working directory
   */
  storeDir?: string;
  /**
   * Largest request body (and largest document), in bytes.
   * @default 33554432 (32 MiB: a 20 MB omnibus fits)
   */
  maxBodyBytes?: number;
  /**
   * Milliseconds one alignment may take before it turns coarse; a worker still busy at
   * three times this (plus five seconds for parsing) is stopped and the request told so.
   * @default 5000
   */
  diffBudgetMs?: number;
  /**
   * The database of bills and law sections (`openDatabase` in src/store): serves the search, bill,
   * law-section and session pages, and its `ver:…`/`law:…` ids in comparisons. Without one those
   * pages say that none is configured.
   */
  database?: Database;
  /**
   * Worker threads for diff work.
   * @default 2
   */
  workers?: number;
  /**
   * Uploads over 64 KB read and compared at once; one more is answered 503 (busy) before its body
   * is read, so that memory stays bounded whatever arrives.
   * @default 4
   */
  maxLargeUploads?: number;
  /**
   * Keep each comparison and rendered page for the next request; off, every request parses,
   * aligns and renders again (what the benchmark measures).
   * @default true
   */
  cache?: boolean;
}

/** The package root: two folders up from `src/server/` or `dist/server/`. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const publicDir = path.join(packageRoot, 'public');

export const defaultAppOptions: Required<Omit<AppOptions, 'storeDir' | 'database'>> = {
  corpusDir: path.join(packageRoot, 'bills'),
  maxBodyBytes: 32 * 1024 * 1024,
  diffBudgetMs: 5000,
  workers: 2,
  maxLargeUploads: 4,
  cache: true,
};

const contexts = new WeakMap<Express, ServerContext>();

/** Builds the app. Call `closeApp(app)` to stop its worker threads (they never keep a process alive). */
export function createApp(options: AppOptions = {}): Express {
  const settings = { ...defaultAppOptions, ...options };
  const storeDir = options.storeDir ?? process.env['BILLDIFF_STORE'] ?? path.resolve('.billdiff-store');
  const store = new UploadStore(storeDir);
  // Half-written uploads of a server that crashed or was killed.
  store.removeStale();
  const database = options.database;
  const generation = database ? generationReader(() => database.generation()) : undefined;
  const ctx = createContext({
    corpus: loadCorpus(settings.corpusDir),
    ...(database && generation ? { database, generation } : {}),
    store,
    pool: new DiffPool({ size: settings.workers, hardTimeoutMs: settings.diffBudgetMs * 3 + 5000 }),
    views: loadViews(viewsDir),
    options: { maxBodyBytes: settings.maxBodyBytes, diffBudgetMs: settings.diffBudgetMs, maxLargeUploads: settings.maxLargeUploads, cache: settings.cache },
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // GET and HEAD of the database's pages first: they set the security headers themselves, in the one
  // writeHead call that sends their own (./database-routes.ts); every other request gets them here.
  const databaseRoutes = database && generation ? createDatabaseRoutes({ database, views: ctx.views, generation, cache: settings.cache }) : undefined;
  if (databaseRoutes) app.use(onlyReads(databaseRoutes, true));
  app.use(securityHeadersMiddleware);
  app.use('/static', express.static(publicDir, { index: false, maxAge: '1h', dotfiles: 'ignore', redirect: false }));
  // Their other methods (OPTIONS answered with Allow, the rest not found) as before, with the headers set.
  app.use(databaseRoutes ? onlyReads(databaseRoutes, false) : noDatabaseRoutes());
  app.use(createRoutes(ctx));
  app.use(notFound);
  app.use(errorHandler(ctx.views, settings.maxBodyBytes));
  contexts.set(app, ctx);
  return app;
}

/**
 * `handler` for GET and HEAD requests only (`reads`), or for every other method. Mounted before the
 * security headers' middleware, an error it passes on (a route's, or the router's own 400 for a bad
 * %-escape) gets them before it goes to the error handler, which that middleware would skip.
 */
function onlyReads(handler: RequestHandler, reads: boolean): RequestHandler {
  if (!reads) return (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : handler(req, res, next));
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    return handler(req, res, (error?: unknown) => {
      if (error && !res.headersSent) setSecurityHeaders(res);
      next(error);
    });
  };
}

/** Stops the app's worker threads. */
export async function closeApp(app: Express): Promise<void> {
  await contexts.get(app)?.pool.close();
}

/**
 * Starts the diff workers now rather than on the first comparison, opens the database's kept
 * connections (PostgreSQL), and renders the database's pages on this thread for at most `budgetMs`
 * (./database-warm-up.ts: nothing kept, no answer changed); resolves when that is done.
 */
export async function warmApp(app: Express, options: WarmUpOptions = {}): Promise<WarmUpDone | undefined> {
  const ctx = contexts.get(app);
  ctx?.pool.warm();
  if (!ctx?.database) return undefined;
  // PostgreSQL: the connections it keeps, open and ready (src/store/database.ts, openConnections).
  await ctx.database.openConnections();
  return warmDatabasePages({ database: ctx.database, views: ctx.views }, options);
}

/**
 * The database pages' warm-up once the server listens (./database-warm-up.ts, warmWhileIdle): pages
 * asked of the app while no user's request is under way, kept nowhere; resolves when it ends.
 */
export async function warmAppWhileIdle(app: Express, options: IdleWarmUpOptions): Promise<WarmUpDone | undefined> {
  const ctx = contexts.get(app);
  return ctx?.database ? warmWhileIdle(app, { database: ctx.database }, options) : undefined;
}
