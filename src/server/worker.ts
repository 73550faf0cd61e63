/**
 * Worker thread entry: runs one comparison (`compare`, the same the CLI runs) off the main event
 * loop, and makes of it what the task asks: the alignment, its JSON, or a page's HTML. It receives a
 * `DiffTask` and answers with a `DiffReply`; nothing else.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { compare } from '../compare/index.js';
import { renderJson } from '../render/json.js';
import { isBilldiffError } from '../util/errors.js';
import { appliedLawOf, transferOf, utf8, type DiffReply, type DiffTask } from './diff-task.js';
import { runPageTask } from './page-task.js';

/** Runs one task; BilldiffErrors become data, anything else is reported as internal. */
export function runDiffTask(task: DiffTask): DiffReply {
  try {
    if (typeof task.render === 'object') return runPageTask(task, task.render);
    const { alignment, application } = compare(task.request);
    if (task.render === 'json') return { ok: true, json: utf8(renderJson(alignment)) };
    if (!application) return { ok: true, alignment };
    return { ok: true, alignment, applied: appliedLawOf(application) };
  } catch (error) {
    if (isBilldiffError(error)) {
      return { ok: false, error: { message: error.message, code: error.code, file: error.file, place: error.place } };
    }
    return { ok: false, error: { message: (error as Error)?.stack ?? String(error), internal: true } };
  }
}

/** V8's `gc` function, which a script may call when started with `--expose-gc`. */
type Collect = (options: { type: 'minor' | 'major' }) => void;

/**
 * V8's collector of the young generation, to run between tasks. `--expose-gc` gives a new context a
 * `gc` function, so the flag is set (unless the thread has `gc` already) and one is made in a new
 * context. The flag stays set: V8's flags belong to the process, and the diff workers start at once,
 * so one worker turning it off again could do so between another's setting it and making its context
 * (CI saw that worker fail with "gc is not defined"). Contexts made later see a `gc` function; no
 * untrusted script runs in this process.
 */
function youngCollector(): () => void {
  let collect = (globalThis as { gc?: Collect }).gc;
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  return () => collect({ type: 'minor' });
}

/**
 * After each answer is sent, the young generation is collected while almost nothing in it is alive,
 * so that the next task starts with it empty: a 1 MB page allocates ~40 MB, which then fits in it, and
 * no collection falls in the middle of a comparison, copying and promoting the trees it holds (~20 MB)
 * for a full collection to free. 1 MB pair, page tasks one after another in a worker, per task:
 * CPU of all threads ~160 → ~110 ms, full collections ~0.5 → 0.
 */
const collectYoung = youngCollector();

parentPort?.on('message', (message: { seq: number; task: DiffTask }) => {
  const reply = runDiffTask(message.task);
  parentPort?.postMessage({ seq: message.seq, reply }, transferOf(reply));
  collectYoung();
});
