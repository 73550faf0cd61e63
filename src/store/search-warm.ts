/**
 * A search thread's warm-up (search-worker.ts): before its first search, a few searches of its own
 * database — a bill's citation, a section's number, a title's words one and two at a time, the kinds
 * of query users send — so that V8 has compiled and optimised the rankers, the passage reader and the
 * snippet code by the time a user's search comes. Bounded in time and count; it stops as soon as a
 * user's search arrives (`stop`), between two of its own. Its answers are dropped: it reads only, and
 * what it leaves are the connection's own caches of the index (term-rank.ts), which a search keeps anyway.
 */
import fs from 'node:fs';
import type { Dialect } from './dialect.js';
import { quickSearch, searchStore } from './search.js';

/**
 * At most this many searches a thread, this much of its processor time (Linux; elsewhere this long),
 * and in any case `wallMs` long: on a loaded machine the thread waits for the processor.
 */
export const WARM_UP = { ms: 500, wallMs: 2500, searches: 120 } as const;

/** Milliseconds of processor time the calling thread has used (Linux), else of wall time. */
function clock(): () => number {
  const read = (): number => {
    // utime and stime, in ticks of 10 ms, after the command's closing parenthesis.
    const fields = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  try {
    const start = read();
    return () => read() - start;
  } catch {
    const start = performance.now();
    return () => performance.now() - start;
  }
}

/** The warm-up's queries, from the database's first bills and sections (none on an empty one). */
export async function warmUpQueries(db: Dialect): Promise<string[]> {
  const bills = await db.all<{ measure: string; title: string }>('SELECT measure, title FROM bills ORDER BY key LIMIT 48');
  const sections = await db.all<{ number: string }>('SELECT number FROM law_sections ORDER BY key LIMIT 48');
  const queries: string[] = [];
  for (const [i, bill] of bills.entries()) {
    const words = bill.title.match(/[\p{L}]{3,}/gu) ?? [];
    queries.push(bill.measure, ...words.slice(0, 2));
    if (words.length > 3) queries.push(`${words[2]} ${words[3]}`);
    if (sections[i]) queries.push(sections[i]!.number);
  }
  return [...new Set(queries)].slice(0, WARM_UP.searches);
}

/**
 * Runs the warm-up's searches as the thread runs a user's (a quick one first, else the whole), one at a
 * time, each after the thread's pending messages, until `stop()` says a user's search came or the
 * bounds are reached; resolves to how many ran.
 */
export async function warmUp(db: Dialect, stop: () => boolean, bounds: { ms: number; wallMs: number; searches: number } = WARM_UP): Promise<number> {
  const started = performance.now();
  const used = clock();
  const page = { limit: 25, offset: 0 };
  let ran = 0;
  const queries = await warmUpQueries(db);
  for (const query of queries.slice(0, bounds.searches)) {
    await new Promise((resolve) => setImmediate(resolve));
    if (stop() || used() >= bounds.ms || performance.now() - started >= bounds.wallMs) break;
    (await quickSearch(db, query, {}, page)) ?? (await searchStore(db, query, {}, page));
    ran++;
  }
  return ran;
}
