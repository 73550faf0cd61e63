/**
 * Worker thread entry: parses and aligns two documents off the main event loop.
 * It receives a `DiffTask` and answers with a `DiffReply`; nothing else.
 */
import { parentPort } from 'node:worker_threads';
import { alignTrees } from '../align/index.js';
import { compareBillToLaw } from '../align/law.js';
import { parseDocument } from '../parse/index.js';
import { renderJson } from '../render/json.js';
import { isBilldiffError } from '../util/errors.js';
import type { DiffReply, DiffTask } from './diff-task.js';

/** Runs one task; BilldiffErrors become data, anything else is reported as internal. */
export function runDiffTask(task: DiffTask): DiffReply {
  try {
    const parse = (side: DiffTask['old']) => parseDocument(side.bytes, side.file, { maxBytes: task.maxBytes, ...(task.format ? { format: task.format } : {}) });
    const alignment =
      task.mode === 'law'
        ? compareBillToLaw(parse(task.new), parse(task.old), { budget: task.budget })
        : alignTrees(parse(task.old).tree, parse(task.new).tree, { budget: task.budget });
    return task.render === 'json' ? { ok: true, json: renderJson(alignment) } : { ok: true, alignment };
  } catch (error) {
    if (isBilldiffError(error)) {
      return { ok: false, error: { message: error.message, code: error.code, file: error.file, place: error.place } };
    }
    return { ok: false, error: { message: (error as Error)?.stack ?? String(error), internal: true } };
  }
}

parentPort?.on('message', (message: { seq: number; task: DiffTask }) => {
  parentPort?.postMessage({ seq: message.seq, reply: runDiffTask(message.task) });
});
