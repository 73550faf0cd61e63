/** Amendatory instructions: reading what a bill tells the reader to do to the law, and doing it. */
export { parseInstructions } from './instructions.js';
export { executeInstructions } from './execute.js';
export { sectionText, findLevel } from './section-text.js';
export { extractQuotations, type Quotation } from './quotes.js';
export { describeLocation, describePath, describeStep } from './location.js';
export type { Anchor, CaliforniaAction, CaliforniaActionType, Instruction, InstructionAction, InstructionTarget, LocationStep, Path, Redesignation } from './types.js';
export { applyBills, billInstructions, describeTarget, type Application, type AppliedInstruction, type BillInput, type OtherInstruction } from './apply.js';
export type { AmendChange, ExecutionResult } from './execute.js';
export { amendedPart, changesInExistingLaw } from './changes.js';
export { parseAction, findAmendments } from './california.js';
export { compareBillToLaw, type LawOptions } from './bill-to-law.js';
