import type { Level } from '../types.js';
import { Edit, Refusal, refuse, type AmendChange } from './edit.js';
import { replaceSpan, replaceText } from './edit-text.js';
import { addAtEnd, amendToRead, insertBeside, redesignate, repeal, replaceUnits } from './edit-levels.js';
import type { Instruction, InstructionAction } from './types.js';

export type { AmendChange } from './edit.js';
export { sectionFromText } from './edit-levels.js';

/** What became of one instruction. */
export interface ExecutionResult {
  instruction: Instruction;
  status: 'applied' | 'refused';
  /** Why the instruction was refused. */
  reason?: string;
  /** What it changed (none when refused). */
  changes: AmendChange[];
  /** What the reader should know about how it was applied. */
  notes?: string[];
}

/** The executed section and one result per instruction, in order. */
export interface Execution {
  section: Level;
  results: ExecutionResult[];
}

/**
 * Applies amendatory instructions, in order, to a copy of a statute section's level tree (the
 * input is never changed). An instruction that cannot be applied exactly — its text is not found,
 * or found a different number of times than it says, its target level is missing, its action is
 * not one we execute — is refused with a reason and changes nothing. Nothing is guessed.
 *
 * Example (Pub. L. 116-94, § 1102(c)(2), on 17 U.S.C. 501):
 *
 *     executeInstructions([{ action: 'strikeInsert', location: [{type: 'level', rung: 'subsection', designation: 'e'}],
 *       strike: 'section 119(a)(5)', insert: 'section 119(a)(3)', … }], section501)
 *     // → { section: <501 with (e) amended>, results: [{ status: 'applied', … }] }
 */
export function executeInstructions(instructions: Instruction[], section: Level): Execution {
  let current = structuredClone(section);
  const results: ExecutionResult[] = [];
  for (const instruction of instructions) {
    const outcome = executeInstruction(instruction, current);
    current = outcome.section;
    results.push(outcome.result);
  }
  return { section: current, results };
}

/**
 * Applies one instruction to a copy of `section`. The copy is returned when the instruction
 * applies; when it is refused, `section` itself comes back unchanged. Levels the instruction
 * changes or adds carry `mark` in their `amendedBy`.
 */
export function executeInstruction(instruction: Instruction, section: Level, mark?: string): { section: Level; result: ExecutionResult } {
  const edit = new Edit(structuredClone(section), mark);
  try {
    apply(lawQuotes(instruction), edit);
    const notes = [...(instruction.notes ?? []), ...edit.notes];
    return { section: edit.section, result: { instruction, status: 'applied', changes: edit.changes, ...(notes.length ? { notes } : {}) } };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { section, result: { instruction, status: 'refused', reason: error.message, changes: [] } };
  }
}

/** What each action does to the draft. */
const ACTIONS: Partial<Record<InstructionAction, (instruction: Instruction, edit: Edit) => void>> = {
  strike: strikeOrReplace,
  strikeInsert: strikeOrReplace,
  insertAfter: insertBeside,
  insertBefore: insertBeside,
  addAtEnd,
  redesignate,
  amendToRead,
  repeal,
  repealReserve: repeal,
  reformat: (_, edit) => edit.note('a direction to the printer (margins, indentation): billdiff keeps the words, not their margins, so the text is unchanged'),
};

function apply(instruction: Instruction, edit: Edit): void {
  if (instruction.action === 'unknown') refuse(`instruction not understood${instruction.reason ? `: ${instruction.reason}` : ''}`);
  const run = ACTIONS[instruction.action];
  if (!run) refuse(`action ${instruction.action} is not executed`);
  run(instruction, edit);
}

function strikeOrReplace(instruction: Instruction, edit: Edit): void {
  if (instruction.span !== undefined) return replaceSpan(instruction, edit);
  if (instruction.strike !== undefined) return replaceText(instruction, edit);
  if (instruction.units !== undefined) return replaceUnits(instruction, edit);
  refuse('nothing to strike is given');
}

/**
 * Quoted text as the law prints it: inside the bill's quotation marks, quotations in the law are
 * printed with single marks (“the term ‘short market’ means”); in the law they are double.
 * An apostrophe (`Register’s`, `DMAs’ `) is not a closing mark unless an opening one precedes it.
 */
function lawQuotes(instruction: Instruction): Instruction {
  const swap = (text: string | undefined): string | undefined => text?.replace(/‘([^‘]*?)’(?![\p{L}\p{N}])/gu, '“$1”');
  const copy = { ...instruction };
  for (const key of ['strike', 'insert', 'through'] as const) {
    const value = swap(copy[key]);
    if (value !== undefined) copy[key] = value;
  }
  if (copy.anchor && 'text' in copy.anchor) copy.anchor = { text: swap(copy.anchor.text)! };
  return copy;
}
