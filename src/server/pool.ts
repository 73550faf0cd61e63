import v8 from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { Alignment } from '../types.js';
import { requestBytes } from '../compare/index.js';
import { BilldiffError } from '../util/errors.js';
import { startModuleWorker } from '../util/worker.js';
import { KEPT_COMPARISONS, type AppliedLaw, type DiffReply, type DiffTask, type LocateTask, type PageTask } from './diff-task.js';
import { HttpError } from './errors.js';
import { warmUpTask } from './warm-up.js';

/** A successful worker answer. */
type DiffResult = Extract<DiffReply, { ok: true }>;

/** Options for `DiffPool`. */
export interface DiffPoolOptions {
  /**
   * Worker threads kept warm.
   * @default 2
   */
  size?: number;
  /**
   * Milliseconds a task may run before its worker is stopped and the task fails with a
   * `budget` error. A backstop: the alignment's own budget normally ends it sooner.
   * @default 15000
   */
  hardTimeoutMs?: number;
  /**
   * A task whose documents hold at most this many bytes is small: besides the `size` workers, one
   * more worker takes only small tasks, so that a short comparison is answered at once while large
   * ones hold every other worker. 0 keeps no such worker.
   * @default 65536
   */
  smallTaskBytes?: number;
  /**
   * Megabytes of heap (V8's old generation) each worker may use. A comparison that needs more stops
   * with a `too-large` error and its worker is replaced, so that a pathological upload (a 15 MB line
   * of words holds a gigabyte while it is diffed) cannot take the server's memory: the pool never
   * holds much more than `size + 1` times this.
   * @default 1024
   */
  workerMemoryMb?: number;
  /**
   * Comparisons waiting for a worker; one more is refused at once (503, busy) rather than kept
   * waiting, with its documents held in memory, behind all the others.
   * @default 32
   */
  maxQueued?: number;
}

export const defaultDiffPoolOptions: Required<DiffPoolOptions> = { size: 2, hardTimeoutMs: 15_000, smallTaskBytes: 64 * 1024, workerMemoryMb: 1024, maxQueued: 32 };

interface Job {
  task: DiffTask;
  /** Buffers of the task's documents given to the worker rather than copied (see `DiffPool.page`). */
  give: ArrayBuffer[];
  resolve: (result: DiffResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** `small`: the worker kept for small tasks only. */
  lane: 'any' | 'small';
  job?: Job;
  timer?: NodeJS.Timeout;
  /** The keys of the comparisons the worker keeps (its `KEPT_COMPARISONS` most recent), oldest first. */
  keys: string[];
}

/**
 * A diff worker (`worker.ts` beside this module), its old generation bounded to `memoryMb` and its
 * young generation an eighth of that (128 MB of the default 1 GB). A comparison allocates tens of
 * megabytes that live only while it runs: in V8's default young generation they were promoted, so
 * that nearly every 1 MB page ended in a full collection, which also drops the optimised code of
 * every function made per call (re-optimised on the next request). 1 MB pair, page tasks in a
 * worker, per task: 0.6 → 0.2 full collections, 12 → 6.5 optimisations, the other threads' CPU
 * 76-83 → 45-48 ms, the worker's own 79-87 → 71-79 ms.
 */
function startWorker(memoryMb: number): Worker {
  const eighth = Math.ceil(memoryMb / 8);
  v8.setFlagsFromString(NO_PRETENURING);
  starting += 1;
  if (starting === 1) v8.setFlagsFromString(`--initial-old-space-size=${Math.ceil(memoryMb / 4)}`);
  const worker = startModuleWorker(import.meta.url, 'worker', { resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: eighth } });
  let started = false;
  const done = () => {
    if (started) return;
    started = true;
    starting -= 1;
    if (starting === 0) v8.setFlagsFromString('--initial-old-space-size=0');
  };
  worker.once('online', done).once('error', done).once('exit', done);
  return worker;
}

/**
 * V8's allocation-site pretenuring, off for the process (V8's flags belong to it; the workers read
 * this one as they run). V8 pretenures what a site allocates, making it in the old generation, once
 * most of it survived young-generation collections, as the trees did in a worker's first pages. A
 * worker collects its young generation after each page (./worker.ts), when nothing of the page is
 * alive, but that collection counts every pointer from the old generation as alive: the pretenured
 * objects of pages gone kept the young ones they point to, ~4 MB a page of the 1 MB pair, copied and
 * promoted for a full collection to free. 1 MB pair, page tasks through a pool of two workers, 40
 * after 10, CPU of all threads per task, A/B back to back under load ~10: with the page's folds as
 * plain data too (./compare-page.ts, render/page/folds.ts), 118-128 → 87-99 ms; pretenuring on
 * with those, 119 ms; pretenuring off alone, 119-121 ms.
 */
const NO_PRETENURING = '--no-allocation-site-pretenuring';

/**
 * Diff workers being started. While there are any, V8's `--initial-old-space-size` (a flag of the
 * process, read when a thread's heap is made) is a quarter of a worker's heap: V8 starts a full
 * collection when what the old generation may still grow before its limit is less than its young
 * generation's room (~100 MB with a young generation of 128 MB), and keeps that limit (the heap was
 * sized) whatever the last full collection left. Without the flag the limit followed what the last
 * full collection left (~13 MB) plus a step of ~8 MB, and a full collection ran every 4-6 pages of a
 * 1 MB pair; at an eighth (128 MB), once the old generation held ~30 MB, every ~16 pages of a worker;
 * at a quarter (256 MB) it holds ~150 MB first, ~150 pages at the ~0.9 MB a page leaves there. Each
 * full collection costs far more than its own pause: it drops the optimised code that holds objects
 * of the pages gone (`--trace-deopt`: "weak objects", ~35 functions of the parser, the aligner and
 * the page model), compiled again over the next pages (a full collection forced after every page:
 * ~50 compilations a page, CPU of all threads 100 → 270-280 ms a page). Once the workers are up, the
 * flag is set back to V8's default (0, unset), so that no other thread's heap starts with it.
 */
let starting = 0;

/**
 * A small pool of warm worker threads that parse and align documents, so a huge input never
 * blocks the event loop. Workers start on first use, are `unref`'d (they never keep the
 * process alive), and one that overruns its time is terminated and replaced. One more worker
 * takes small tasks only, so large ones never keep a short comparison waiting.
 */
export class DiffPool {
  readonly #options: Required<DiffPoolOptions>;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #seq = 0;
  #closed = false;

  constructor(options: DiffPoolOptions = {}) {
    this.#options = { ...defaultDiffPoolOptions, ...options };
  }

  /**
   * Runs a task on the first free worker: the alignment and, for an `apply` comparison, the law as
   * amended and the instructions not applied. Rejects with a BilldiffError on bad input or timeout.
   */
  async run(task: DiffTask): Promise<{ alignment: Alignment; applied?: AppliedLaw }> {
    const result = await this.#submit({ ...task, render: undefined });
    if (!('alignment' in result)) throw new Error('the diff worker answered without an alignment');
    return result.applied ? { alignment: result.alignment, applied: result.applied } : { alignment: result.alignment };
  }

  /** Like `run`, but the worker renders the JSON itself (no large object graph to copy back): its UTF-8 bytes. */
  async runJson(task: DiffTask, give: ArrayBuffer[] = []): Promise<Buffer> {
    const result = await this.#submit({ ...task, render: 'json' }, give);
    if (!('json' in result)) throw new Error('the diff worker answered without JSON');
    return bufferOf(result.json);
  }

  /**
   * Runs a task whose `render` is a page: the worker answers with the page's HTML, as UTF-8 bytes.
   * `give` (here and in `runJson`, `locate`): buffers of the task's documents that the caller gives
   * up, moved to the worker when it starts the task rather than copied; the caller's views of them
   * are then empty.
   */
  async page(task: DiffTask & { render: PageTask }, give: ArrayBuffer[] = []): Promise<Buffer> {
    const result = await this.#submit(task, give);
    if (!('html' in result)) throw new Error('the diff worker answered without a page');
    return bufferOf(result.html);
  }

  /** Runs a task whose `render` is a clause to locate: the page that shows it, or undefined. */
  async locate(task: DiffTask & { render: LocateTask }, give: ArrayBuffer[] = []): Promise<number | undefined> {
    const result = await this.#submit(task, give);
    if (!('page' in result)) throw new Error('the diff worker answered without a page number');
    return result.page ?? undefined;
  }

  #submit(task: DiffTask, give: ArrayBuffer[] = []): Promise<DiffResult> {
    if (this.#closed) return Promise.reject(shuttingDown());
    if (this.#queue.length >= this.#options.maxQueued) {
      const message = `the server is busy with other comparisons (${this.#queue.length} waiting for a worker); try again in a minute`;
      return Promise.reject(new HttpError(503, message, 'The server is busy'));
    }
    return new Promise<DiffResult>((resolve, reject) => {
      this.#queue.push({ task, give, resolve, reject });
      this.#dispatch();
    });
  }

  /**
   * Starts every worker now, each with a warm-up comparison (./warm-up.ts), so that the first
   * comparisons neither wait for a worker to boot nor run its code before it is compiled.
   */
  warm(): void {
    const ignore = () => {};
    const warmUp = (slot: Slot) => this.#start(slot, { task: warmUpTask(), give: [], resolve: ignore, reject: ignore });
    while (!this.#closed && this.#count('any') < this.#options.size) warmUp(this.#spawn('any'));
    if (!this.#closed && this.#options.smallTaskBytes > 0 && this.#count('small') === 0) warmUp(this.#spawn('small'));
  }

  /**
   * Stops every worker. The comparisons running or waiting fail as the server's answer to a request
   * that arrives while it shuts down (503, which the error handler does not log): closing is no
   * failure of theirs. Closing an idle pool, or one closed already, does nothing more.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(shuttingDown());
    await Promise.all(
      this.#slots.splice(0).map((slot) => {
        clearTimeout(slot.timer);
        slot.job?.reject(shuttingDown());
        slot.job = undefined;
        return slot.worker.terminate();
      }),
    );
  }

  /** Starts the queued jobs, in order, on the workers free for them; a large job waiting lets small ones by on the small lane. */
  #dispatch(): void {
    for (let i = 0; i < this.#queue.length; ) {
      const job = this.#queue[i]!;
      const slot = this.#freeSlot(requestBytes(job.task.request) <= this.#options.smallTaskBytes, job.task.key);
      if (!slot) {
        i += 1;
        continue;
      }
      this.#queue.splice(i, 1);
      this.#start(slot, job);
    }
  }

  /** A free worker for a job (one is started when the pool has room), or undefined; one that keeps the job's comparison first. */
  #freeSlot(small: boolean, key: string | undefined): Slot | undefined {
    const free = (lane: Slot['lane']) => {
      const slots = this.#slots.filter((s) => !s.job && s.lane === lane);
      return (key !== undefined ? slots.find((s) => s.keys.includes(key)) : undefined) ?? slots[0];
    };
    let slot = free('any');
    if (!slot && this.#count('any') < this.#options.size) slot = this.#spawn('any');
    if (!slot && small && this.#options.smallTaskBytes > 0) slot = free('small') ?? (this.#count('small') === 0 ? this.#spawn('small') : undefined);
    return slot;
  }

  #count(lane: Slot['lane']): number {
    return this.#slots.filter((s) => s.lane === lane).length;
  }

  #spawn(lane: Slot['lane']): Slot {
    const worker = startWorker(this.#options.workerMemoryMb);
    worker.unref();
    const slot: Slot = { worker, lane, keys: [] };
    worker.on('message', (message: { seq: number; reply: DiffReply }) => this.#finish(slot, message.reply));
    worker.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') {
        this.#fail(slot, error);
        return;
      }
      const limit = this.#options.workerMemoryMb;
      const message = `the comparison needed more than the ${limit} MB of memory this server gives one comparison, and was stopped; try shorter texts, or compare one section at a time`;
      this.#fail(slot, new BilldiffError(message, { code: 'too-large' }));
    });
    worker.on('exit', () => this.#fail(slot, new Error('diff worker exited')));
    this.#slots.push(slot);
    return slot;
  }

  #start(slot: Slot, job: Job): void {
    slot.job = job;
    const limit = this.#options.hardTimeoutMs;
    slot.timer = setTimeout(() => {
      this.#fail(
        slot,
        new BilldiffError(
          `the comparison did not finish within ${formatSeconds(limit)} and was stopped; try shorter texts, or compare one section at a time`,
          { code: 'budget' },
        ),
      );
    }, limit);
    slot.timer.unref();
    const { task } = job;
    if (task.key !== undefined) slot.keys = [...slot.keys.filter((k) => k !== task.key), task.key].slice(-KEPT_COMPARISONS);
    slot.worker.postMessage({ seq: ++this.#seq, task }, job.give);
  }

  #finish(slot: Slot, reply: DiffReply): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (job) {
      if (reply.ok) job.resolve(reply);
      else if (reply.error.internal) job.reject(new Error(reply.error.message));
      else job.reject(new BilldiffError(reply.error.message, reply.error));
    }
    this.#dispatch();
  }

  /** A worker failed or overran: fail its job, drop it, and start the queue on a fresh one. */
  #fail(slot: Slot, error: Error): void {
    const index = this.#slots.indexOf(slot);
    if (index === -1) return;
    this.#slots.splice(index, 1);
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
    job?.reject(error);
    if (!this.#closed) this.#dispatch();
  }
}

/** Bytes a worker moved to this thread, as a Buffer over the same memory. */
function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** What a comparison asked of a closed (or closing) pool is told: the server is shutting down (503). */
function shuttingDown(): HttpError {
  return new HttpError(503, 'the server is shutting down; try again in a minute', 'The server is shutting down');
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}
