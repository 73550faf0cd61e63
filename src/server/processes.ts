/**
 * Serving from several processes (`BILLDIFF_PROCESSES`, node:cluster): one port, the connections
 * shared out among the processes by the primary, each process with its own compare workers, search
 * threads and database connections, sized so that together they do not ask for more processors than
 * the machine has. The primary serves nothing: it starts the processes, starts another in place of one
 * that dies, and stops them all, letting their requests finish, on SIGTERM or SIGINT.
 *
 * The primary hands out the connections in turn (node:cluster's round robin, its default off Windows),
 * kept over the processes accepting for themselves (`SCHED_NONE`). Measured on 2 loaded cores (50
 * connections opened at once, new and cached bill pages, SQLite and PostgreSQL, 12 interleaved pairs):
 * neither answers a burst of new connections sooner, because either way a process takes one new
 * connection a turn of its event loop (libuv accepts one a turn since 1.45; the primary hands a process
 * its next once it has taken the last), and a turn serves every request waiting on the connections it
 * has (on SQLite now those it starts within 1 ms: turns.ts); and `SCHED_NONE` split the 50 unevenly
 * in 4 runs of 12 (14/36, 16/34, 33/17, 31/19; round robin 20/30 at worst), its 14/36 run at 0.6 times
 * the pair's throughput. Round robin is uneven too under new searches on PostgreSQL (36/19, 21/34,
 * 34/21, 23/32 connections served in 4 runs of 50 and a few more): a process takes its next only once
 * it has taken the last, so the quicker takes more.
 *
 * Tried and not kept: each process accepting on 8 sockets (the listening socket sent back to it 7 times
 * through the primary, `SCHED_NONE`), so that it takes up to 8 new connections a turn. The 50 came in
 * within ~15 ms instead of ~130, and each connection's first answer p99 fell from 117-255 ms to 49-116;
 * but the split was left to whichever process woke first (11/44, 27/28, 39/16, 27/28: p99 73, 50, 70,
 * 48 ms), and the session bench's p99 moved both ways (SQLite 36-48 ms against 43-55, PostgreSQL
 * searches 48-58 against 55-56, PostgreSQL bill pages 49-54 against 44-48).
 */
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';

/**
 * The processes `BILLDIFF_PROCESSES` names, or why it names none. Unset or empty: as many as the
 * machine has processors, at most `DEFAULT_MAX_PROCESSES` (measured on 2 cores: see the README).
 */
export function parseProcesses(value: string | undefined, cores = os.availableParallelism()): { processes: number } | { error: string } {
  if (value === undefined || value === '') return { processes: Math.max(1, Math.min(cores, DEFAULT_MAX_PROCESSES)) };
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_PROCESSES)) return { error: `BILLDIFF_PROCESSES must be a number of processes from 1 to ${MAX_PROCESSES}, not “${value}”` };
  return { processes: n };
}

/** The default's ceiling: each process holds its own database connections (up to 20 on PostgreSQL). */
export const DEFAULT_MAX_PROCESSES = 2;
const MAX_PROCESSES = 64;

/**
 * Each process's share of the machine: compare workers and search threads (per pool) such that
 * `processes` of them keep about one busy thread per processor. At least one of each.
 */
export function threadsPerProcess(processes: number, cores = os.availableParallelism()): { workers: number; searchThreads: number } {
  const share = Math.max(1, Math.floor(cores / processes));
  return { workers: Math.min(2, share), searchThreads: Math.min(2, share) };
}

/**
 * The search threads `BILLDIFF_SEARCH_THREADS` names for each process, else `sized` (threadsPerProcess's
 * share), or why it names none. 0 runs every search on the serving thread (what the threads are worth,
 * for the session bench's comparison).
 */
export function parseSearchThreads(value: string | undefined, sized: number): { searchThreads: number } | { error: string } {
  if (value === undefined || value === '') return { searchThreads: sized };
  const n = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= MAX_SEARCH_THREADS)) return { error: `BILLDIFF_SEARCH_THREADS must be a number of threads from 0 to ${MAX_SEARCH_THREADS}, not “${value}”` };
  return { searchThreads: n };
}

const MAX_SEARCH_THREADS = 16;

/** What a serving process tells the primary. */
export type ProcessMessage = { type: 'listening'; port: number } | { type: 'failed'; message: string };

export interface PrimaryOptions {
  processes: number;
  /** Every process listens (once, on the first start of them all): the port they share. */
  listening(port: number): void;
  /** A process could not start (a port in use, a database it cannot open): its one line; the others are stopped. */
  failed(message: string): void;
  /** A process died after it served and another takes its place. */
  replaced?(pid: number | undefined, why: string): void;
}

/** Quickest a dead process is replaced after the one before it: a crash loop costs a fork a second. */
const REPLACE_EVERY_MS = 1000;

/**
 * The primary: forks `processes` serving processes (this same script, `cluster.isPrimary` false) and
 * looks after them until SIGTERM or SIGINT, which it passes on; resolves once every process has gone.
 */
export function runPrimary(options: PrimaryOptions): Promise<void> {
  const served = new WeakSet<Worker>();
  let stopping = false;
  let listening = 0;
  let lastReplaced = 0;
  let port: number | undefined;
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  const fork = () => {
    const worker = cluster.fork();
    // A message to a process that is going (the primary's answer to its listen, sent as the process
    // stops) fails with EPIPE on its channel, and cluster re-emits that as the worker's 'error': with
    // no listener, it would throw in the primary. The process's 'exit' below says what became of it.
    worker.on('error', () => undefined);
    worker.on('message', (message: ProcessMessage) => {
      if (message.type === 'listening') {
        served.add(worker);
        port ??= message.port;
        if (++listening === options.processes) options.listening(port);
      } else if (message.type === 'failed' && !stopping) {
        options.failed(message.message);
        stop('SIGTERM');
      }
    });
  };
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => stop(signal);
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    cluster.on('exit', (worker, code, signal) => {
      if (!stopping) {
        if (!served.has(worker)) {
          // It died before it listened, without saying why: starting again would fail the same way.
          options.failed(`a server process stopped before it listened (${signal ?? `status ${code}`})`);
          stop('SIGTERM');
        } else {
          options.replaced?.(worker.process.pid, signal ?? `status ${code}`);
          const wait = Math.max(0, lastReplaced + REPLACE_EVERY_MS - Date.now());
          lastReplaced = Date.now() + wait;
          setTimeout(() => {
            if (!stopping) fork();
          }, wait);
        }
      }
      if (stopping && !Object.keys(cluster.workers ?? {}).length) {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        resolve();
      }
    });
    for (let i = 0; i < options.processes; i++) fork();
  });
}

/** A serving process tells the primary (nothing when it is the only process); resolves once it is sent. */
export function tellPrimary(message: ProcessMessage): Promise<void> {
  return new Promise((resolve) => (cluster.isWorker && process.send ? process.send(message, () => resolve()) : resolve()));
}
