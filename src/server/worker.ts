/**
 * Worker thread entry: runs one comparison (`compare`, the same the CLI runs) off the main event
 * loop, and makes of it what the task asks: the alignment, its JSON, or a page's HTML. It receives a
 * `DiffTask` and answers with a `DiffReply`; nothing else.
 */
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

parentPort?.on('message', (message: { seq: number; task: DiffTask }) => {
  const reply = runDiffTask(message.task);
  parentPort?.postMessage({ seq: message.seq, reply }, transferOf(reply));
});
