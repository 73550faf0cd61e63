/**
 * billdiff: shows exactly how a bill changes the law.
 * The library is the pipeline parse → align → render; the CLI and the server are adapters over it.
 */
export type * from './types.js';
export { parseDocument, readDocument, parseLevels, findReferences, decodeInput, detectFormat } from './parse/index.js';
export type { ParseOptions } from './parse/index.js';
export { alignTrees, summarize, defaultAlignOptions } from './align/index.js';
export type { AlignOptions } from './align/index.js';
export type { LinearOptions } from './render/linear.js';
export { diffLevelWords, diffRows, defaultWordDiffOptions } from './align/words.js';
/** @deprecated Earlier names, kept for callers: `parseLevels` and `diffLevelWords` (a tree node is a level). */
export { parseLevels as parseClauses } from './parse/index.js';
/** @deprecated See `parseClauses`. */
export { diffLevelWords as diffClauseWords } from './align/words.js';
export { linearRows, rowChanges } from './render/linear.js';
export { renderWdiff } from './render/wdiff.js';
export { renderJson } from './render/json.js';
export { renderTerminal } from './render/terminal.js';
export { renderHtml } from './render/html.js';
export { compare } from './compare/index.js';
export type { CompareDocument, CompareMode, CompareRequest, CompareResult } from './compare/index.js';
export { resolveRequest } from './compare/source.js';
export type { DocumentSource, NamedCompareRequest } from './compare/source.js';
export { loadCorpus, describeVersion } from './corpus/index.js';
export { renderStatuteText } from './render/statute-text.js';
export { compareBillToLaw, parseAction, parseInstructions, sectionText, applyBills, billInstructions, changesInExistingLaw, executeInstructions } from './amend/index.js';
export type { Instruction, InstructionAction, InstructionTarget, Application, AppliedInstruction, BillInput, OtherInstruction, AmendChange, ExecutionResult } from './amend/index.js';
export type { Corpus, CorpusEntry } from './corpus/index.js';
export { BilldiffError, isBilldiffError, formatDiagnostic } from './util/errors.js';
