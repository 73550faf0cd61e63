/**
 * A search thread's warm-up (search-worker.ts): a few thousand searches of its own database — bills'
 * citations, sections' numbers, words of their text one and two at a time, the kinds of query users
 * send, drawn from across the database — so that V8 has compiled and optimised the rankers, the
 * readers of new words, rows and passages and the snippet code, and the thread has kept the words and
 * rows searches meet most, by the time users' searches come in numbers. Bounded in its own processor time and in count. It gives way
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
import { oneOf, type Dialect } from './dialect.js';
import { passageRange } from './passages.js';
import { quickSearch, searchStore } from './search.js';

/**
 * At most this many searches a thread, this much processor time of its own searches (Linux; elsewhere
 * of wall time), and in any case none past `wallMs` after it starts (its waits for users' searches
 * included). `idleMs`: how long the thread is idle before the warm-up goes on after a user's search.
 */
export const WARM_UP = { ms: 2500, wallMs: 120_000, searches: 3000, idleMs: 100 } as const;

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
 * Whether the thread `tid` of this process ran more than `share` of the last `windowMs` or so (Linux:
 * its run time in /proc's schedstat, in nanoseconds); always false where that cannot be read. For the
 * warm-up to give way to the server's thread while it answers pages: the warm-up's few seconds of
 * processor time, taken beside a server busy with cached pages as it starts, were taken from them.
 */
export function threadBusy(tid: number, share = 0.5, windowMs = 50): () => boolean {
  const file = `/proc/self/task/${tid}/schedstat`;
  const read = (): number => Number(fs.readFileSync(file, 'utf8').split(' ')[0]) / 1e6;
  let at = performance.now();
  let ran: number;
  try {
    ran = read();
  } catch {
    return () => false;
  }
  let verdict = false;
  return () => {
    const now = performance.now();
    if (now - at < windowMs) return verdict;
    let running: number;
    try {
      running = read();
    } catch {
      return false;
    }
    verdict = (running - ran) / (now - at) > share;
    [at, ran] = [now, running];
    return verdict;
  };
}

/** Bills, law sections and passages (the first of an owner's) the warm-up's queries are drawn from, at most. */
const SAMPLE = { bills: 240, sections: 240, passages: 480 } as const;

/** `n` keys spread evenly over 1..`largest` (a table's keys, given in turn). */
function spread(largest: number, n: number): number[] {
  const keys = new Set<number>();
  for (let i = 0; i < n && largest > 0; i++) keys.add(1 + Math.floor((i * largest) / n));
  return [...keys];
}

/**
 * The warm-up's queries, drawn from across the database (none on an empty one): bills' citations and
 * law sections' numbers, and words of their text, one and two at a time, as users search — a query
 * of each kind in turn, each query once (a small database's again and again, up to the bounds). Drawn
 * from the first few bills and passages, and run again and again, its few dozen queries warmed only
 * the path of a search whose words, rows and passages the thread has kept: the path that reads and
 * keeps them (a new word's postings, an owner's row and passage words, a passage's text and words)
 * ran once a query, and a thread met users' new words with that code cold and those caches empty
 * (in process, the session bench's new searches after the warm-up: 0.7-0.9 ms a search in the first
 * 500, 0.15-0.2 ms by the 3,000th).
 */
export async function warmUpQueries(db: Dialect, most: number = WARM_UP.searches): Promise<string[]> {
  const largest = await db.get<{ bills: number | null; sections: number | null }>('SELECT (SELECT MAX(key) FROM bills) AS bills, (SELECT MAX(key) FROM law_sections) AS sections');
  const billKeys = spread(Number(largest?.bills ?? 0), SAMPLE.bills);
  const sectionKeys = spread(Number(largest?.sections ?? 0), SAMPLE.sections);
  const ids = [
    ...billKeys.slice(0, SAMPLE.passages / 2).map((key) => passageRange('bill', key)[0]),
    ...sectionKeys.slice(0, SAMPLE.passages / 2).map((key) => passageRange('section', key)[0]),
  ];
  const read = async <T>(select: string, column: string, keys: number[]): Promise<T[]> => {
    if (!keys.length) return [];
    const among = oneOf(db.kind, column, keys);
    return db.all<T>(`${select} WHERE ${among.sql} ORDER BY ${column}`, among.params);
  };
  const [bills, sections, passages] = await Promise.all([
    read<{ measure: string; title: string }>('SELECT measure, title FROM bills', 'key', billKeys),
    read<{ number: string }>('SELECT number FROM law_sections', 'key', sectionKeys),
    read<{ text: string }>('SELECT text FROM passages', 'id', ids),
  ]);
  const singles = new Set<string>();
  const pairs = new Set<string>();
  for (const text of [...bills.map((b) => b.title), ...passages.map((p) => p.text)]) {
    const words = text.toLowerCase().match(/[\p{L}]{3,}/gu) ?? [];
    for (const [i, word] of words.entries()) {
      singles.add(word);
      if (i + 1 < words.length && words[i + 1] !== word) pairs.add(`${word} ${words[i + 1]}`);
    }
  }
  // The kinds in turn: a citation and a number every tenth query each, else a word or two.
  const lists = { measures: bills.map((b) => b.measure), numbers: sections.map((s) => s.number), singles: [...singles], pairs: [...pairs] };
  const at = { measures: 0, numbers: 0, singles: 0, pairs: 0 };
  const queries = new Set<string>();
  for (let i = 0; queries.size < most; i++) {
    const kind = i % 10 === 0 ? 'measures' : i % 10 === 5 ? 'numbers' : i % 2 ? 'pairs' : 'singles';
    const next = lists[kind][at[kind]++];
    if (next !== undefined) queries.add(next);
    if (Object.entries(at).every(([k, n]) => n >= lists[k as keyof typeof lists].length)) break;
  }
  return [...queries];
}

/**
 * Runs the warm-up's searches as the thread runs a user's (a quick one first, else the whole), `at` at
 * a time (PostgreSQL: as many as the thread's connections, so that each is opened and has planned the
 * statements before users' searches come: the pool opens one only when the searches at once need it,
 * and a new one is a new backend, its catalog caches empty and every statement planned again), each
 * turn after the thread's pending messages and once `busy()` (a user's search under way, or one a
 * moment ago) is false, until `stop()` or the bounds; resolves to how many ran.
 */
export async function warmUp(
  db: Dialect,
  stop: () => boolean,
  bounds: { ms: number; wallMs: number; searches: number; idleMs?: number } = WARM_UP,
  busy: () => boolean = () => false,
  at = 1,
): Promise<number> {
  const started = performance.now();
  const used = clock();
  const page = { limit: 25, offset: 0 };
  let ran = 0;
  let own = 0;
  const queries = await warmUpQueries(db, bounds.searches);
  // The data's generation, given to each search as the server gives it (termQuery's path without a statement).
  const generation = (await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'generation'"))?.value ?? undefined;
  const over = () => stop() || own >= bounds.ms || performance.now() - started >= bounds.wallMs;
  const search = async (query: string) => (await quickSearch(db, query, {}, page, generation)) ?? (await searchStore(db, query, {}, page, generation));
  // Each query once (a small database's again and again, up to the bounds): V8 optimises a function
  // once it has run often enough, and a search's own functions run once or twice a search.
  while (ran < bounds.searches && queries.length) {
    await new Promise((resolve) => setImmediate(resolve));
    while (busy() && !over()) await new Promise((resolve) => setTimeout(resolve, bounds.idleMs ?? WARM_UP.idleMs));
    if (over()) break;
    const turn: string[] = [];
    for (let k = 0; k < Math.min(Math.max(1, at), bounds.searches - ran); k++) turn.push(queries[(ran + k) % queries.length]!);
    const before = used();
    await Promise.all(turn.map(search));
    own += used() - before;
    ran += turn.length;
  }
  return ran;
}
