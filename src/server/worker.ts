/**
 * Worker thread entry: parses and aligns two documents off the main event loop (or, for
 * `apply`, executes a bill's instructions against a statute and aligns the law before with the
 * law as amended). It receives a `DiffTask` and answers with a `DiffReply`; nothing else.
 */
import { parentPort } from 'node:worker_threads';
import { alignTrees } from '../align/index.js';
import { compareBillToLaw } from '../amend/bill-to-law.js';
import { applyBills } from '../amend/apply.js';
import { changesInExistingLaw } from '../amend/changes.js';
import { parseDocument } from '../parse/index.js';
import { renderJson } from '../render/json.js';
import type { Alignment } from '../types.js';
import { deadlineIn } from '../util/deadline.js';
import { isBilldiffError } from '../util/errors.js';
import type { AppliedLaw, DiffReply, DiffTask } from './diff-task.js';

/** Runs one task; BilldiffErrors become data, anything else is reported as internal. */
export function runDiffTask(task: DiffTask): DiffReply {
  try {
    // One budget covers the task: reading the inputs, then aligning them with what remains.
    const deadline = deadlineIn(task.budget);
    const parse = (side: DiffTask['old']) => parseDocument(side.bytes, side.file, { maxBytes: task.maxBytes, deadline, blocks: false, ...(task.format ? { format: task.format } : {}) });
    let alignment: Alignment;
    let applied: AppliedLaw | undefined;
    if (task.mode === 'apply') {
      const bills = (task.bills?.length ? task.bills : [task.new]).map(parse);
      const law = parse(task.old);
      const application = applyBills(
        bills.map((b) => ({ tree: b.tree, file: b.source.file })),
        law.tree,
        task.lawSection ? { lawSection: task.lawSection } : {},
      );
      alignment = changesInExistingLaw(application, { deadline });
      alignment.messages.unshift(...bills.flatMap((b) => b.messages), ...law.messages);
      applied = { amended: application.amended, elsewhere: application.elsewhere, unread: application.unread };
    } else if (task.mode === 'law') {
      alignment = compareBillToLaw(parse(task.new), parse(task.old), { deadline });
    } else {
      alignment = alignTrees(parse(task.old).tree, parse(task.new).tree, { deadline });
    }
    if (task.render === 'json') return { ok: true, json: renderJson(alignment) };
    return applied ? { ok: true, alignment, applied } : { ok: true, alignment };
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
