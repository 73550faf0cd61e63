import { alignTrees, type AlignOptions } from '../align/index.js';
import type { AlignedPair, Alignment, InstructionRecord, Level, Root } from '../types.js';
import type { Application } from './apply.js';

/**
 * The Changes in Existing Law comparison (the Ramseyer form): the statute before aligned with the
 * statute as amended, each changed level carrying the ids of the instructions that changed it
 * (`amendedBy`), and the instructions themselves, applied and refused, in `instructions`.
 *
 * Example:
 *
 *     const alignment = changesInExistingLaw(applyBills(bills, law.tree))
 *     alignment.pairs[0].children[1].amendedBy   // → ['i2']
 *     alignment.instructions[1].citation         // → 'title III, sec. 3001(b)(2)'
 */
export function changesInExistingLaw(application: Application, options: AlignOptions = {}): Alignment {
  // A statute of many sections (a title, a compilation) is shown by the sections the bills amend.
  const many = countedSections(application.law) > 1;
  const law = many ? amendedPart(application, application.law) : application.law;
  const amended = many ? amendedPart(application, application.amended) : application.amended;
  const alignment = alignTrees(law, amended, options);
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
  // A level whose own line did not change passes its instructions down to the changed rows
  // under it (its undivided text, struck in part and made subsection (a), is shown in (a)'s row).
  const annotate = (pair: AlignedPair, inherited: string[]): void => {
    let ids: string[] = [];
    if (pair.status !== 'unchanged') {
      ids = [...new Set([...(pair.new?.id ? byNew.get(pair.new.id) ?? [] : []), ...(pair.old?.id ? byOld.get(pair.old.id) ?? [] : [])])];
    }
    const ownLineChanged = pair.status !== 'modified' || pair.words !== undefined;
    // Only the row that holds the parent's former text (its old side a text, not a level) inherits.
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

/** How many sections a statute holds. */
export function countedSections(node: Root | Level): number {
  let n = 0;
  for (const c of node.children) if (c.type === 'level') n += c.kind === 'section' ? 1 : countedSections(c);
  return n;
}

/**
 * The part of a statute (before or as amended) that the bills' instructions changed: each section
 * an applied instruction changed, added or struck, under the chapters and titles that hold it.
 *
 *     renderStatuteText(amendedPart(application, application.amended)) // the amended sections, clean
 */
export function amendedPart(application: Application, root: Root): Root {
  const changed = new Set<string>();
  for (const instruction of application.instructions) {
    if (instruction.status !== 'applied') continue;
    for (const change of instruction.changes) {
      changed.add(change.clause);
      if (change.origin) changed.add(change.origin);
    }
  }
  const touched = (id: string): boolean => [...changed].some((c) => c === id || c.startsWith(`${id}/`));
  const keep = (node: Root | Level): Level[] =>
    node.children.flatMap((c): Level[] => {
      if (c.type !== 'level') return [];
      if (c.kind === 'section') return touched(c.id) || (c.origin !== undefined && touched(c.origin)) ? [c] : [];
      const inner = keep(c);
      // The words a title or chapter opens with, not the marks of text left out ("* * *") between the sections dropped.
      const first = c.children.findIndex((x) => x.type === 'level');
      const opening = c.children.slice(0, first < 0 ? c.children.length : first).filter((x) => !/^[\s*]*$/.test((x as { value?: string }).value ?? ''));
      return inner.length ? [{ ...c, children: [...opening, ...inner] }] : [];
    });
  return { ...root, children: keep(root) };
}