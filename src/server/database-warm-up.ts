/**
 * The database pages' warm-up when the server starts: bill, law-section and search pages of the
 * database rendered on the serving thread and thrown away, so that V8 has compiled and optimised
 * the code they run (queries, models, templates) before the first visitor asks. Bounded in time (it
 * runs before the server listens), and kept nowhere: the page cache, the sessions read once a
 * generation and the answers stay those of a cold start; only pure memos (the dates written, the
 * statements prepared) and the database's own caches are left warmer.
 */
import type { DatabaseRoutesContext } from './database-routes.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http, { type RequestListener } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { databasePages, warmUpRequests } from './database-routes.js';

export interface WarmUpOptions {
  /** Longest the warm-up runs, in milliseconds of wall clock. @default 1000 */
  budgetMs?: number;
  /** Most bill pages it renders. @default 600 */
  billPages?: number;
}

/** What the warm-up rendered. */
export interface WarmUpDone {
  bills: number;
  sections: number;
  searches: number;
  ms: number;
}

/** A section page every this many bill pages, a search page every SEARCH_EVERY. */
const SECTION_EVERY = 4;
const SEARCH_EVERY = 10;
/** Bills and sections sampled: distinct pages, each once, as a server's first visitors ask. */
const SAMPLES = 600;

/**
 * Renders the database's pages until `budgetMs` has passed or `billPages` bill pages are done; never
 * throws (a page it cannot render is the request's to report, not the start's).
 */
export async function warmDatabasePages(ctx: Pick<DatabaseRoutesContext, 'database' | 'views'>, options: WarmUpOptions = {}): Promise<WarmUpDone> {
  const start = performance.now();
  const end = start + (options.budgetMs ?? 1000);
  const most = options.billPages ?? 600;
  const done = { bills: 0, sections: 0, searches: 0, ms: 0 };
  const pages = databasePages(ctx);
  const ignore = () => {};
  try {
    const [samples, sessions] = await Promise.all([ctx.database.samples(Math.min(most, SAMPLES)), ctx.database.sessions()]);
    const words = samples.bills.length ? await wordsOf(pages, samples.bills[0]!) : [];
    // Searches wait on their threads (the first one on the threads' start): one at a time, beside the pages.
    let searching: Promise<void> | undefined;
    for (let i = 0; i < samples.bills.length && done.bills < most && performance.now() < end; i++) {
      if (i % SEARCH_EVERY === 0 && !searching) {
        // By citation (a bill's measure), and for a word of a page, in turn; each stops at the end of the budget.
        const turn = i / SEARCH_EVERY;
        const query = turn % 2 === 0 ? measureOf(samples.bills[i]!) : words[turn % Math.max(1, words.length)];
        const left = Math.floor(end - performance.now());
        if (query && left > 0) searching = pages.search(query, sessions, AbortSignal.timeout(left)).then(() => void done.searches++, ignore).finally(() => (searching = undefined));
      }
      await pages.bill(samples.bills[i]).then(() => done.bills++, ignore);
      // A turn of the event loop: on SQLite a page reads without one, and the search's answer waits on it.
      await turn();
      const section = samples.sections[Math.floor(i / SECTION_EVERY)];
      if (i % SECTION_EVERY === 0 && section) await pages.section(section.code, section.number).then(() => done.sections++, ignore);
    }
    await searching;
  } catch {
    // A database that cannot be read now: the first requests will say so.
  }
  done.ms = Math.round(performance.now() - start);
  return done;
}

/** The event loop's next turn (its I/O and timers first). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface IdleWarmUpOptions {
  /** True while users' requests are under way, or came a moment ago: the warm-up waits until it is false. */
  busy: () => boolean;
  /** Stops the warm-up for good (the server closing). */
  signal?: AbortSignal;
  /** Longest it runs, in milliseconds of wall clock, its waits included. @default 120000 */
  wallMs?: number;
  /** Most search pages it asks for. @default 3000 */
  searches?: number;
  /** Most bill pages it asks for. @default 1000 */
  billPages?: number;
}

/** How long the warm-up waits before it looks again when users are being served. */
const BUSY_WAIT_MS = 50;
/** Its requests under way at once (a process's search threads: two). */
const AT_ONCE = 2;
/** A bill page every this many search pages. */
const BILL_EVERY = 3;

/**
 * The serving thread's warm-up once the server listens: search and bill pages of the database asked of
 * the app itself, through a server of its own on a Unix socket (abstract on Linux, else in a private
 * folder): the same Node HTTP, Express and route code as a user's request, but the route keeps none
 * of its pages (warmUpRequests). Only while no user's request is under way (`busy`), two at a time;
 * every answer is thrown away.
 * The warm-up before listening (warmDatabasePages, ~1 s) runs the pages' code a few hundred times, and
 * none of a request's path around them; V8 optimises that path (the query's parameters, the search
 * pool's messages, the route's answer, its hash and headers) only after a few thousand requests, and a
 * server whose first users came at once served its first ~5,000 new searches at up to twice the
 * serving thread's CPU of its later ones. Its queries are the database's own, across it: bills'
 * citations, sections' numbers, the words of bills' titles one and two at a time.
 */
export async function warmWhileIdle(app: RequestListener, ctx: Pick<DatabaseRoutesContext, 'database'>, options: IdleWarmUpOptions): Promise<WarmUpDone> {
  const start = performance.now();
  const end = start + (options.wallMs ?? 120_000);
  const done = { bills: 0, sections: 0, searches: 0, ms: 0 };
  const live = () => !options.signal?.aborted && performance.now() < end;
  /** Resolves once users are not being served (false: the warm-up is to stop). */
  const idle = async (): Promise<boolean> => {
    while (live() && options.busy()) await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
    return live();
  };
  // On Linux an abstract socket: no file, so none is left behind by a process killed outright (SIGKILL).
  // Elsewhere a socket in a private folder; without one, the users' requests warm the server as they come.
  const abstract = process.platform === 'linux';
  const folder = abstract ? undefined : await fs.promises.mkdtemp(path.join(os.tmpdir(), 'billdiff-warm-')).catch(() => undefined);
  if (!abstract && folder === undefined) return done;
  const socketPath = folder === undefined ? `\0billdiff-warm-${process.pid}-${randomUUID()}` : path.join(folder, 'socket');
  const server = http.createServer((req, res) => {
    warmUpRequests.add(req);
    app(req, res);
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: AT_ONCE });
  const get = (url: string) =>
    new Promise<string>((resolve, reject) => {
      http
        .get({ socketPath, path: url, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(Buffer.concat(chunks).toString()));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  try {
    // exclusive: a serving process of several listens on its own, not through the cluster's primary.
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen({ path: socketPath, exclusive: true }, resolve));
    const most = options.billPages ?? 1000;
    const samples = await ctx.database.samples(most);
    const queries: string[] = [];
    let b = 0;
    const billPage = async () => {
      const id = samples.bills[b++];
      if (id === undefined) return;
      const page = await get(`/bills/${encodeURIComponent(id)}`);
      done.bills++;
      queries.push(...queriesOf(id, page, samples.sections[b % Math.max(1, samples.sections.length)]?.number));
    };
    const under = new Set<Promise<void>>();
    const ignore = () => {};
    let asked = 0;
    for (let i = 0; asked < (options.searches ?? 3000) && (await idle()); i++) {
      // Every bill asked for and every query: done.
      if (b >= samples.bills.length && !queries.length) break;
      // A bill page now and then, and whenever there is no query left (its title gives some).
      let step: Promise<void>;
      if (i % BILL_EVERY === 0 || !queries.length) step = billPage();
      else {
        asked++;
        step = get(`/search?q=${encodeURIComponent(queries.shift()!)}`).then(() => void done.searches++);
      }
      const held: Promise<void> = step.catch(ignore).finally(() => under.delete(held));
      under.add(held);
      if (under.size >= AT_ONCE) await Promise.race(under);
    }
    await Promise.all(under);
  } catch {
    // A database that cannot be read now, or no socket: the users' requests go on as they would.
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    if (folder !== undefined) await fs.promises.rm(folder, { recursive: true, force: true }).catch(() => {});
  }
  done.ms = Math.round(performance.now() - start);
  return done;
}

/** Queries of a bill's: its citation, a section's number, and words of its title, one and two. */
function queriesOf(id: string, page: string, section: string | undefined): string[] {
  const words = titleWords(page, 3);
  const out = [measureOf(id)];
  if (section) out.push(section);
  if (words.length) out.push(words[0]!);
  if (words.length > 2) out.push(`${words[1]} ${words[2]}`);
  return out;
}

/** "AB 1656" of a California bill id (ca-20252026-0-ab1656); a federal one's id as it is. */
function measureOf(id: string): string {
  return id.replace(/^ca-\d+-\d-([a-z]+)(\d+)$/, (_m, type: string, n: string) => `${type.toUpperCase()} ${n}`);
}

/** A few longer words of a bill's page, to search for. */
async function wordsOf(pages: ReturnType<typeof databasePages>, id: string): Promise<string[]> {
  const page = await pages.bill(id).catch(() => '');
  return [...new Set(titleWords(page, 6))].slice(0, 8);
}

/** The words of a page's <title> of at least `least` letters, in lower case, in order. */
function titleWords(page: string, least: number): string[] {
  const title = /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? '';
  return title.toLowerCase().match(new RegExp(`[a-z]{${least},}`, 'g')) ?? [];
}
