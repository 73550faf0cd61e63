import { alignTrees, type AlignOptions } from '../align/index.js';
import type { AlignedPair, Alignment, InstructionRecord, Level, Root } from '../types.js';
import type { Application } from './apply.js';

/**
 * The Changes in Existing Law comparison (the Ramseyer form): the statute before aligned with the
 * statute as amended, each changed clause carrying the ids of the instructions that changed it
 * (`amendedBy`), and the instructions themselves, applied and refused, in `instructions`.
 *
 * Example:
 *
 *     const alignment = changesInExistingLaw(applyBills(bills, law.tree))
 *     alignment.pairs[0].children[1].amendedBy   // → ['i2']
 *     alignment.instructions[1].citation         // → 'title III, sec. 3001(b)(2)'
 */
export function changesInExistingLaw(application: Application, options: AlignOptions = {}): Alignment {
  const alignment = alignTrees(application.law, application.amended, options);
  const byNew = new Map<string, string[]>();
  collect(application.amended, byNew);
  const byOld = new Map<string, string[]>();
  for (const instruction of application.instructions) {
    for (const change of instruction.changes) {
      if (change.origin === undefined) continue;
      const ids = byOld.get(change.origin) ?? [];
      if (!ids.includes(instruction.id)) byOld.set(change.origin, [...ids, instruction.id]);
    }
  }
  // A clause whose own line did not change passes its instructions down to the changed rows
  // under it (its undivided text, struck in part and made subsection (a), is shown in (a)'s row).
  const annotate = (pair: AlignedPair, inherited: string[]): void => {
    let ids: string[] = [];
    if (pair.status !== 'unchanged') {
      ids = [...new Set([...(pair.new?.id ? byNew.get(pair.new.id) ?? [] : []), ...(pair.old?.id ? byOld.get(pair.old.id) ?? [] : [])])];
    }
    const ownLineChanged = pair.status !== 'modified' || pair.words !== undefined;
    // Only the row that holds the parent's former text (its old side a text, not a clause) inherits.
    if (pair.status !== 'unchanged' && ownLineChanged && pair.old !== undefined && pair.old.type !== 'level') ids = [...new Set([...inherited, ...ids])];
    if (ids.length > 0 && ownLineChanged) pair.amendedBy = ids;
    pair.children.forEach((child) => annotate(child, ownLineChanged ? [] : ids.length ? ids : inherited));
  };
  alignment.pairs.forEach((pair) => annotate(pair, []));
  alignment.instructions = application.instructions.map(record);
  alignment.otherInstructions = { elsewhere: application.elsewhere, unread: application.unread };
  const bills = [...new Set(application.instructions.map((i) => i.bill))];
  alignment.old.label = 'the law before';
  alignment.new.label = `as amended by ${bills.length ? bills.join(', then ') : 'the bill'}`;
  alignment.messages.push(...application.messages);
  return alignment;
}

/** The plain record of an applied instruction (the parsed form left out). */
export function record(applied: InstructionRecord & { instruction?: unknown }): InstructionRecord {
  const { instruction: _parsed, ...rest } = applied;
  void _parsed;
  return rest;
}

function collect(node: Root | Level, map: Map<string, string[]>): void {
  for (const c of node.children) {
    if (c.type !== 'level') continue;
    if (c.amendedBy?.length) map.set(c.id, c.amendedBy);
    collect(c, map);
  }
}
