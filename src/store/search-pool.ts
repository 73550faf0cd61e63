/**
 * Searches kept off the server's thread. better-sqlite3 is synchronous: a full-text search that scores
 * thousands of matches would hold the one thread every request needs, so searches run in a few worker
 * threads, each with a connection of its own (SQLite: read-only, WAL lets it read beside the writer;
 * PostgreSQL: a small pool of its own), and the main thread keeps answering the pages, whose queries
 * are index lookups. On PostgreSQL too: the queries wait off the thread, but a search's own JavaScript
 * (ranking, snippets, the term index's decoding, ~4 queries' traffic) held the serving thread.
 *
 * Either way the work is bounded: searches beyond the running ones wait in a queue of bounded length,
 * one more is refused at once (`SearchBusyError`: the server answers 503), and one that runs past its
 * time is refused too (its worker is replaced).
 *
 * A SQLite thread is sent SQLITE_DEPTH searches at once: the next waits in the thread's own message
 * queue and starts as the one before is answered, without a round trip through the server's thread.
 * It counts as waiting: the bound on searches admitted at once (threads + maxQueued) is as at one.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../util/worker.js';
import type { SearchAnswer, SearchFilters, SearchPage } from './types.js';

export interface SearchPoolOptions {
  /** Worker threads. */
  threads: number;
  /**
   * PostgreSQL: searches a thread runs at once, each on a connection of its own (its queries wait on
   * the database most of the time); 1 by default. SQLite runs one at a time, as its queries hold the thread.
   */
  perThread?: number;
  /** Searches waiting; one more is refused. */
  maxQueued?: number;
  /** Milliseconds a search may wait and run in all. */
  timeoutMs?: number;
  /** The threads' nice value (Linux), 10 by default: below the server's thread, which answers the pages. */
  nice?: number;
  /**
   * The threads start with the pool and each warms up on a few searches of its own (search-warm.ts)
   * before its first; true by default. False: each starts at its first search, cold.
   */
  warm?: boolean;
}

/** The server is busy with other searches, or this one ran past its time: try again (HTTP 503). */
export class SearchBusyError extends Error {}

/**
 * SQLite: searches a thread is sent at once (it runs them one after the other). At two, the next
 * search waits in the thread rather than in the pool, so the thread goes on to it without waiting for
 * the server's thread to hand it over. The session bench's new searches (50 connections, two quick
 * threads, 4 interleaved A/B pairs on a shared 2-core machine, medians): the serving thread forced off
 * a processor 0.93 times a request instead of 1.15, and gave it up 0.36 times instead of 0.60; the
 * server's CPU 1.15 ms a request instead of 1.30 (noisy: two pairs lower, two about even).
 */
const SQLITE_DEPTH = 2;

interface Job {
  args: [string, SearchFilters, SearchPage, string | undefined];
  resolve: (answer: SearchAnswer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Runs at most `slots` searches at once through `run(slot, …)`, the others queued, each bounded in
 * time; at most `running` of the slots run (the others' searches wait in their thread) and
 * `running + maxQueued` searches are admitted at once.
 */
abstract class Bounded {
  readonly #queue: Job[] = [];
  readonly #idle: number[] = [];
  readonly #admitted: number;
  readonly #timeoutMs: number;

  constructor(slots: number, running: number, options: SearchPoolOptions) {
    this.#admitted = running + (options.maxQueued ?? 64);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    for (let slot = 0; slot < slots; slot++) this.#idle.push(slot);
  }

  protected abstract run(slot: number, args: Job['args']): Promise<SearchAnswer>;
  /** A search in `slot` ran past its time: stop what can be stopped. */
  protected abstract overran(slot: number): void;
  /** Which of the idle slots takes the next search (an index into `idle`): the latest freed. */
  protected pick(idle: readonly number[]): number {
    return idle.length - 1;
  }

  /**
   * A search; `signal` aborted while it waits (the client went away) drops it from the queue. `generation`:
   * the data's generation the answer is kept for only if the caller's read finds it (searchStore).
   */
  search = (query: string, filters: SearchFilters, page: SearchPage, signal?: AbortSignal, generation?: string): Promise<SearchAnswer> => {
    const others = this.#running.size + this.#queue.length;
    if (others >= this.#admitted) {
      return Promise.reject(new SearchBusyError(`the server is busy with ${others} other search${others === 1 ? '' : 'es'}: try again in a moment`));
    }
    return new Promise<SearchAnswer>((resolve, reject) => {
      const job: Job = { args: [query, filters, page, generation], resolve, reject, timer: setTimeout(() => this.#expire(job), this.#timeoutMs) };
      job.timer.unref();
      signal?.addEventListener('abort', () => this.#drop(job), { once: true });
      this.#queue.push(job);
      this.#next();
    });
  };

  readonly #running = new Map<number, Job>();

  #next(): void {
    while (this.#idle.length && this.#queue.length) {
      const slot = this.#idle.splice(this.pick(this.#idle), 1)[0]!;
      const job = this.#queue.shift()!;
      this.#running.set(slot, job);
      this.run(slot, job.args).then(
        (answer) => this.#done(slot, job, () => job.resolve(answer)),
        (error: Error) => this.#done(slot, job, () => job.reject(error)),
      );
    }
  }

  #done(slot: number, job: Job, settle: () => void): void {
    clearTimeout(job.timer);
    if (this.#running.get(slot) !== job) return;
    this.#running.delete(slot);
    this.#idle.push(slot);
    settle();
    this.#next();
  }

  #drop(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued < 0) return;
    this.#queue.splice(queued, 1);
    clearTimeout(job.timer);
    job.reject(new SearchBusyError('the request was closed before its search began'));
  }

  #expire(job: Job): void {
    const message = `the search took longer than ${this.#timeoutMs / 1000} s: narrow it with more words or a filter`;
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) this.#queue.splice(queued, 1);
    for (const [slot, running] of this.#running) {
      if (running !== job) continue;
      this.#running.delete(slot);
      this.overran(slot);
      this.#idle.push(slot);
    }
    job.reject(new SearchBusyError(message));
    this.#next();
  }

  protected rejectAll(): void {
    for (const job of [...this.#queue, ...this.#running.values()]) {
      clearTimeout(job.timer);
      job.reject(new SearchBusyError('the database is closing'));
    }
    this.#queue.length = 0;
    this.#running.clear();
  }
}

/** How long `close` waits for a thread's search under way before it stops the thread. */
const CLOSE_MS = 2000;

interface Pending {
  worker: Worker;
  slot: number;
  args: Job['args'];
  resolve: (answer: SearchAnswer) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; ok: true; answer: SearchAnswer } | { id: number; ok: false; message: string } | { warmed: number };

/**
 * `threads` worker threads, each with a connection to `source`: a SQLite file (read-only) or a
 * `postgres://` URL (a pool of its own, a connection for each search it runs at once).
 */
export class SearchPool extends Bounded {
  readonly #workers: Array<Worker | undefined> = [];
  /** The searches sent to a thread and not yet answered, by message id. */
  readonly #pending = new Map<number, Pending>();
  #id = 0;

  readonly #threads: number;
  readonly #perThread: number;
  readonly #postgres: boolean;
  readonly #nice: number;
  readonly #warm: boolean;
  readonly #warmed: Array<(ran: number) => void> = [];
  /** How many searches each thread started with the pool ran to warm up (for tests and measures). */
  readonly warmedUp: Promise<number[]>;

  constructor(private readonly source: string, options: SearchPoolOptions) {
    const postgres = /^postgres(?:ql)?:\/\//.test(source);
    // PostgreSQL: a thread's searches run at once, each on a connection; SQLite: one after the other.
    const perThread = postgres ? (options.perThread ?? 1) : 1;
    const sent = postgres ? perThread : SQLITE_DEPTH;
    super(options.threads * sent, options.threads * perThread, options);
    this.#threads = options.threads;
    this.#perThread = perThread;
    this.#postgres = postgres;
    this.#nice = options.nice ?? 10;
    this.#warm = options.warm ?? true;
    const warmed: Array<Promise<number>> = [];
    for (let slot = 0; slot < (this.#warm ? this.#threads : 0); slot++) {
      warmed.push(new Promise((resolve) => this.#warmed.push(resolve)));
      this.#workers[slot] = this.#start();
    }
    this.warmedUp = Promise.all(warmed);
  }

  // Slot s is thread s % threads: each thread has `perThread` (PostgreSQL) or SQLITE_DEPTH slots.
  protected run(slot: number, args: Job['args']): Promise<SearchAnswer> {
    return new Promise((resolve, reject) => this.#send({ slot, args, resolve, reject }));
  }

  #send(search: Omit<Pending, 'worker'>): void {
    const thread = search.slot % this.#threads;
    const worker = (this.#workers[thread] ??= this.#start());
    const id = ++this.#id;
    this.#pending.set(id, { ...search, worker });
    worker.postMessage({ id, args: search.args });
  }

  // SQLite: the thread with the fewest searches sent to it (the most idle slots), the latest freed of
  // its slots; PostgreSQL: the latest freed slot, as before.
  protected override pick(idle: readonly number[]): number {
    if (this.#postgres) return super.pick(idle);
    let best = idle.length - 1;
    let bestFree = 0;
    for (let i = idle.length - 1; i >= 0; i--) {
      const free = idle.filter((slot) => slot % this.#threads === idle[i]! % this.#threads).length;
      if (free > bestFree) [best, bestFree] = [i, free];
    }
    return best;
  }

  protected overran(slot: number): void {
    // PostgreSQL: the statement finishes on its connection, beside the thread's other searches; its
    // answer is dropped. A query inside SQLite cannot be interrupted from here: the worker is let go
    // (it ends when the query returns) and a fresh one takes its place. The other search sent to it,
    // not yet answered, is sent again to the fresh one: it only reads, and it is where it would have
    // run had it waited in the pool's queue (its own time runs on from when it was asked).
    if (this.#postgres) return;
    const thread = slot % this.#threads;
    const worker = this.#workers[thread];
    if (!worker) return;
    void worker.terminate();
    this.#workers[thread] = undefined;
    for (const [id, search] of this.#pending) {
      if (search.worker !== worker) continue;
      this.#pending.delete(id);
      if (search.slot !== slot) this.#send(search);
    }
  }

  #start(): Worker {
    const worker = startModuleWorker(import.meta.url, 'search-worker', { workerData: { source: this.source, connections: this.#perThread, nice: this.#nice, warm: this.#warm } });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      if ('warmed' in reply) return this.#warmed.shift()?.(reply.warmed);
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.answer);
      else pending.reject(new Error(reply.message));
    });
    // A thread that fails, or stops when not asked to, fails every search sent to it and not answered
    // (they are not sent again: one of them may be what stopped it); the other threads' go on.
    worker.on('error', (error) => this.#lost(worker, error));
    worker.on('exit', (code) => this.#lost(worker, new Error(`the search thread stopped (exit code ${code})`)));
    return worker;
  }

  #lost(worker: Worker, error: Error): void {
    const thread = this.#workers.indexOf(worker);
    if (thread >= 0) this.#workers[thread] = undefined;
    for (const [id, pending] of this.#pending) {
      if (pending.worker !== worker) continue;
      this.#pending.delete(id);
      pending.reject(error);
    }
  }

  /**
   * Refuses the searches queued and under way (`SearchBusyError`), then lets each thread close its
   * connection once its search under way returns, so that none is cut from under a query; a thread
   * still busy after CLOSE_MS is stopped.
   */
  async close(): Promise<void> {
    this.rejectAll();
    for (const resolve of this.#warmed.splice(0)) resolve(0);
    await Promise.all(
      this.#workers.map(async (worker) => {
        if (!worker) return;
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.postMessage({ close: true });
        const late = setTimeout(() => void worker.terminate(), CLOSE_MS);
        await exited;
        clearTimeout(late);
      }),
    );
    this.#workers.length = 0;
  }
}
