import type { Diagnostic, InstructionRecord, Root } from '../types.js';
import { billInstructions, describeTarget, hasTarget, type BillInput } from './bill-instructions.js';
import type { AmendChange } from './execute.js';
import { resolve, statuteSections } from './resolve.js';
import { addInOrder, applyNewSection, applyWholeSection, asSection, findById, removeSection, renumberSection, runOn, soleNamed, stampOrigins } from './statute-edit.js';
import type { Instruction, InstructionAction } from './types.js';

export { billInstructions, describeTarget, type BillInput, type FoundInstruction } from './bill-instructions.js';

/** One instruction of a bill that amends the statute given, what became of it, and the instruction as parsed. */
export interface AppliedInstruction extends InstructionRecord {
  action: InstructionAction;
  changes: AmendChange[];
  /** The parsed instruction. */
  instruction: Instruction;
}

/** An instruction of the bills that amends some other law, or whose target could not be read. */
export interface OtherInstruction {
  bill: string;
  citation: string;
  target: string;
  /** Set when the instruction could not be read at all. */
  reason?: string;
}

/** The statute as amended by the bills, and the account of every instruction. */
export interface Application {
  /** The statute before, as given. */
  law: Root;
  /** The statute as amended: levels changed carry `amendedBy`, levels kept carry `origin`. */
  amended: Root;
  /** The instructions that amend the statute given, in the order applied. */
  instructions: AppliedInstruction[];
  /** Instructions of the bills that amend other laws (not applied here). */
  elsewhere: OtherInstruction[];
  /** Instructions whose wording or target could not be read. */
  unread: OtherInstruction[];
  messages: Diagnostic[];
}

/**
 * Applies the amendatory instructions of each bill, bill by bill and in the order printed, to
 * a statute (one or more sections, or a title). Each instruction is matched to the statute's
 * sections by the section it names (a U.S. Code section, an Act's section, a section named
 * inside a chapter or title); instructions that amend other laws are listed, not applied.
 * An instruction that cannot be applied exactly is refused with a reason and changes nothing.
 *
 * Example (Pub. L. 116-9 on 54 U.S.C. 200304):
 *
 *     applyBills([{ tree: law, file: 'pl116-9.xml' }], section200304)
 *     // → { amended, instructions: [{ id: 'i1', citation: 'title III, sec. 3001(b)(1)',
 *     //       status: 'applied', changes: [{ kind: 'struck', … }] }, …], elsewhere: [...] }
 */
export function applyBills(bills: BillInput[], statute: Root, options: ApplyOptions = {}): Application {
  const read = new Map(bills.map((bill) => [bill, billInstructions(bill)] as const));
  const law = statuteSections(statute).length > 0 ? statute : asSection(statute, options.lawSection ?? soleNamed([...read.values()].flat()));
  const amended = structuredClone(law);
  stampOrigins(amended);
  const instructions: AppliedInstruction[] = [];
  const elsewhere: OtherInstruction[] = [];
  const unread: OtherInstruction[] = [];
  const messages: Diagnostic[] = [];
  // A California code the statute is: one whose sections the bills amend or repeal in it. A
  // section the bills add to that code is added to the statute (in the order of the numbers).
  const codes = new Set<string>();
  for (const bill of bills) {
    for (const { instruction } of read.get(bill)!) {
      if (instruction.target.code && !codes.has(instruction.target.code) && instruction.action !== 'add' && resolve(instruction, amended).kind === 'sections') codes.add(instruction.target.code);
    }
  }
  for (const bill of bills) {
    for (const found of read.get(bill)!) {
      const { instruction } = found;
      let targets = resolve(instruction, amended);
      if (targets.kind === 'elsewhere' && instruction.action === 'add' && instruction.target.code && codes.has(instruction.target.code) && found.replacement) {
        targets = { kind: 'newSection', number: instruction.target.section ?? '', ordered: true };
      }
      const base = { bill: bill.file, citation: found.citation, target: describeTarget(instruction) };
      if (targets.kind === 'elsewhere') {
        if (instruction.action === 'unknown' && !hasTarget(instruction)) unread.push({ ...base, reason: instruction.reason ?? 'not understood' });
        else elsewhere.push(base);
        continue;
      }
      const id = `i${instructions.length + 1}`;
      const entry: AppliedInstruction = {
        id,
        ...base,
        text: instruction.text,
        action: instruction.action,
        sections: [],
        status: 'refused',
        changes: [],
        ...(found.position ? { position: found.position } : {}),
        instruction,
      };
      instructions.push(entry);
      if (targets.kind === 'newSection' && targets.ordered && found.replacement) {
        addInOrder(entry, found.replacement, amended);
        continue;
      }
      if (targets.kind === 'refused' || (found.replacement !== undefined && targets.kind !== 'sections')) {
        entry.reason = targets.kind === 'refused' ? targets.reason : 'the section is not in the statute';
        continue;
      }
      // "Section 28 of the Act is repealed": the section goes from the statute.
      const wholeRepeal = instruction.action === 'repeal' && instruction.location.length === 0 && !instruction.units?.length;
      if (wholeRepeal && targets.kind === 'sections' && !targets.wide && found.replacement === undefined) {
        applyWholeSection(entry, targets.sections[0]!, null, amended);
        continue;
      }
      if (found.replacement !== undefined && targets.kind === 'sections') {
        applyWholeSection(entry, targets.sections[0]!, found.replacement, amended);
        continue;
      }
      if (targets.kind === 'newSection') {
        applyNewSection(entry, targets, amended);
        continue;
      }
      if (targets.kind === 'removeSections') {
        for (const level of targets.levels) removeSection(entry, level, amended);
        entry.status = 'applied';
        continue;
      }
      if (targets.kind === 'renumber') {
        for (const move of targets.moves) renumberSection(entry, findById(amended, move.level.id) ?? move.level, move.to);
        entry.status = 'applied';
        continue;
      }
      if (targets.note) entry.notes = [...(entry.notes ?? []), targets.note];
      runOn(entry, targets.sections, targets.wide, amended);
    }
  }
  return { law, amended, instructions, elsewhere, unread, messages };
}

// ---------------------------------------------------------------------------
// Finding the instructions in a bill

/** Options for `applyBills`. */
export interface ApplyOptions {
  /**
   * The section number of a statute input that does not print its own (a California law-section
   * file holds only the section's content).
   */
  lawSection?: string;
}

