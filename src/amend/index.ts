/** Amendatory instructions: reading what a bill tells the reader to do to the law. */
export { parseInstructions } from './instructions.js';
export { executeInstructions } from './execute.js';
export { sectionText, findLevel } from './section-text.js';
export { extractQuotations, type Quotation } from './quotes.js';
export type { Instruction, InstructionAction, InstructionTarget, Redesignation } from './types.js';
export { applyBills, billInstructions, type Application, type AppliedInstruction, type BillInput, type OtherInstruction } from './apply.js';
export type { AmendChange, ExecutionResult } from './execute.js';
export { changesInExistingLaw } from './changes.js';
