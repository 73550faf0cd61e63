/**
 * Requests started a few at a time: each turn of the event loop starts the requests waiting, in the
 * order they came, for at most a given time; the others wait for the turns after.
 *
 * Why: libuv takes one new connection a turn of a process's event loop (1.45 and later), and the
 * cluster's primary hands a process its next connection only once it has taken the last
 * (processes.ts). On SQLite a page is read and rendered in its request's handler, without waiting, so a
 * turn that starts every request waiting on the connections a process holds lasts as long as all their
 * pages together; 50 connections opened at once wait about 25 such turns for their first answers (a
 * run of every bill new on the session bench asks 4,945 pages: those 50 answers are 1% of it, and set
 * its p99). Started for a millisecond a turn, the pages the others asked for wait for the next turns,
 * which come sooner. PostgreSQL's pages are not held: the bill pages asked for in one turn are read in
 * one statement (store/bill-page.ts), which a few a turn would split.
 *
 * Tried and not kept: holding only the database's pages, not the searches, each page timed whole (its
 * reads, its rendering and its answer, run in the turn's microtasks) and the next started once it had
 * answered. On the session bench over SQLite, 3 interleaved pairs against this: new searches p99 44, 44
 * and 40 ms against 35, 38 and 36, at 2,743-3,143 a second against 3,072-3,230; new bill pages p99 33,
 * 41 and 22 against 23, 30 and 24.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request handler of node:http. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * `handler`, started from the check phase of each turn of the event loop (setImmediate) for the requests
 * that wait, in the order they came, until `msATurn` has gone by (at least one a turn); the rest wait
 * for the next turn. What the clock sees is each handler's synchronous part: the routing and, on SQLite,
 * the page's reads up to its first `await` (a bill page: 0.40 ms of the 0.80 it takes to its answer,
 * one at a time on this machine). Its rendering and its answer run in the microtasks after this loop,
 * in the same turn, so a turn lasts about twice `msATurn`: bounded all the same. Requests whose handlers
 * return at once (a search handed to its thread) all start in one turn. `clock`: milliseconds.
 */
export function fewATurn(handler: Handler, msATurn: number, clock: () => number = () => performance.now()): Handler {
  const waiting: Array<[IncomingMessage, ServerResponse]> = [];
  let scheduled = false;
  const startSome = () => {
    scheduled = false;
    const end = clock() + msATurn;
    let started = 0;
    // Express's app answers a handler's error itself (its error handler): it never throws here.
    do {
      const [request, response] = waiting[started++]!;
      handler(request, response);
    } while (started < waiting.length && clock() < end);
    // The list holds a request or so a connection: taking the started off its front costs little.
    waiting.splice(0, started);
    // The others wait for the next turn: an immediate queued in this check phase runs in the next one.
    if (waiting.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(startSome);
  };
  return (request, response) => {
    waiting.push([request, response]);
    schedule();
  };
}
