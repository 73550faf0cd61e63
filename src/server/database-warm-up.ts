/**
 * The database pages' warm-up when the server starts: bill, law-section and search pages of the
 * database rendered on the serving thread and thrown away, so that V8 has compiled and optimised
 * the code they run (queries, models, templates) before the first visitor asks. Bounded in time (it
 * runs before the server listens), and kept nowhere: the page cache, the sessions read once a
 * generation and the answers stay those of a cold start; only pure memos (the dates written, the
 * statements prepared) and the database's own caches are left warmer.
 */
import type { DatabaseRoutesContext } from './database-routes.js';
import { databasePages } from './database-routes.js';

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

/** "AB 1656" of a California bill id (ca-20252026-0-ab1656); a federal one's id as it is. */
function measureOf(id: string): string {
  return id.replace(/^ca-\d+-\d-([a-z]+)(\d+)$/, (_m, type: string, n: string) => `${type.toUpperCase()} ${n}`);
}

/** A few longer words of a bill's page, to search for. */
async function wordsOf(pages: ReturnType<typeof databasePages>, id: string): Promise<string[]> {
  const page = await pages.bill(id).catch(() => '');
  const title = /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? '';
  return [...new Set(title.toLowerCase().match(/[a-z]{6,}/g) ?? [])].slice(0, 8);
}
