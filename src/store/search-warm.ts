/**
 * A search thread's warm-up (search-worker.ts): a few hundred searches of its own database — a bill's
 * citation, a section's number, a title's words one and two at a time, the kinds of query users send —
 * so that V8 has compiled and optimised the rankers, the passage reader and the snippet code by the
 * time users' searches come in numbers. Bounded in its own processor time and in count. It gives way
 * to users' searches: while one is under way, or came a moment ago (`busy`), it waits, between two of
 * its own, and goes on once the thread has been idle that long; it stops for good at `stop` (the
 * thread closing). It used to stop at the first user's search: in the session bench, the few searches
 * asked as the server starts stopped it after none of its searches, and the threads met the run of new
 * searches with their code cold (107 warm-up searches left fullText, the rows' and passages' readers and
 * the rankers' callers unoptimised; a thousand or so more searches optimised them).
 * Its answers are dropped: it reads only, and what it leaves are the connection's own caches of the
 * index (term-rank.ts) and rows (search-rows.ts), which a search keeps anyway.
 */
import fs from 'node:fs';
import type { Dialect } from './dialect.js';
import { quickSearch, searchStore } from './search.js';

/**
 * At most this many searches a thread, this much processor time of its own searches (Linux; elsewhere
 * of wall time), and in any case none past `wallMs` after it starts (its waits for users' searches
 * included). `idleMs`: how long the thread is idle before the warm-up goes on after a user's search.
 * `words`: the most searches of one word, and of two, among its queries.
 */
export const WARM_UP = { ms: 1500, wallMs: 120_000, searches: 480, idleMs: 100, words: 40 } as const;

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

/**
 * The warm-up's queries, from the database's first bills, sections and passages (none on an empty
 * one): mostly words of their text, one and two at a time, as users search, and a bill's citation and a
 * section's number every fourth; a few dozen, which warmUp runs again and again. (From the first 48
 * bills' citations and title words and sections' numbers alone, the session bench's database, whose
 * titles repeat, gave 96 citations, 91 numbers and 16 searches of words: the full-text path, most
 * searches, was barely warmed.)
 */
export async function warmUpQueries(db: Dialect): Promise<string[]> {
  const bills = await db.all<{ measure: string; title: string }>('SELECT measure, title FROM bills ORDER BY key LIMIT 12');
  const sections = await db.all<{ number: string }>('SELECT number FROM law_sections ORDER BY key LIMIT 12');
  const passages = await db.all<{ text: string }>('SELECT text FROM passages ORDER BY id LIMIT 8');
  const singles = new Set<string>();
  const pairs = new Set<string>();
  for (const text of [...bills.map((b) => b.title), ...passages.map((p) => p.text)]) {
    const words = text.match(/[\p{L}]{3,}/gu) ?? [];
    for (const [i, word] of words.entries()) {
      singles.add(word);
      if (i + 1 < words.length) pairs.add(`${word} ${words[i + 1]}`);
    }
  }
  const [one, two] = [[...singles].slice(0, WARM_UP.words), [...pairs].slice(0, WARM_UP.words)];
  const queries: string[] = [];
  for (let i = 0; i < WARM_UP.words; i++) {
    if (i % 4 === 0 && bills[i / 4]) queries.push(bills[i / 4]!.measure);
    if (i % 4 === 2 && sections[(i - 2) / 4]) queries.push(sections[(i - 2) / 4]!.number);
    if (one[i]) queries.push(one[i]!);
    if (two[i]) queries.push(two[i]!);
  }
  return [...new Set(queries)];
}

/**
 * Runs the warm-up's searches as the thread runs a user's (a quick one first, else the whole), one at a
 * time, each after the thread's pending messages and once `busy()` (a user's search under way, or one
 * a moment ago) is false, until `stop()` or the bounds; resolves to how many ran.
 */
export async function warmUp(
  db: Dialect,
  stop: () => boolean,
  bounds: { ms: number; wallMs: number; searches: number; idleMs?: number } = WARM_UP,
  busy: () => boolean = () => false,
): Promise<number> {
  const started = performance.now();
  const used = clock();
  const page = { limit: 25, offset: 0 };
  let ran = 0;
  let own = 0;
  const queries = await warmUpQueries(db);
  // The data's generation, given to each search as the server gives it (termQuery's path without a statement).
  const generation = (await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'generation'"))?.value ?? undefined;
  const over = () => stop() || own >= bounds.ms || performance.now() - started >= bounds.wallMs;
  // The queries again and again, up to the bounds: V8 optimises a function once it has run often
  // enough, and a search's own functions run once or twice a search.
  for (let i = 0; i < bounds.searches && queries.length; i++) {
    const query = queries[i % queries.length]!;
    await new Promise((resolve) => setImmediate(resolve));
    while (busy() && !over()) await new Promise((resolve) => setTimeout(resolve, bounds.idleMs ?? WARM_UP.idleMs));
    if (over()) break;
    const before = used();
    (await quickSearch(db, query, {}, page, generation)) ?? (await searchStore(db, query, {}, page, generation));
    own += used() - before;
    ran++;
  }
  return ran;
}
