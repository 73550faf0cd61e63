/**
 * One comparison for every front door. `compare(request)` chooses what to do from what the
 * request holds — two versions, one version against its own change marks, a bill against the law
 * it amends, or a bill's instructions executed against that law — reads the documents and aligns
 * them. The CLI and the server's worker threads only translate their arguments and requests into a
 * `CompareRequest` (see ./source.ts for requests that name their documents).
 *
 *   versions  documents: [old, new]                 alignTrees
 *   marks     documents: [a version with marks]     the text before the marks against the text as printed
 *   law       documents: [bill], law                compareBillToLaw
 *   apply     documents: bills, law, apply: true    applyBills, then changesInExistingLaw
 */
import { alignTrees, alignTreesToWrite, defaultAlignOptions, type AlignOptions, type SideOf } from '../align/index.js';
import { applyBills, type Application } from '../amend/apply.js';
import { compareBillToLaw } from '../amend/bill-to-law.js';
import { changesInExistingLaw } from '../amend/changes.js';
import { decodeInputNoting, parseDocument, type DecodedInput, type ParseOptions } from '../parse/index.js';
import type { Alignment, MarksMode, ParsedDocument, SourceFormat } from '../types.js';
import { deadlineIn } from '../util/deadline.js';
import { BilldiffError } from '../util/errors.js';

/** A document to compare: its bytes (or text) and the name messages and the JSON give it. */
export interface CompareDocument {
  /**
   * Its bytes, its text, or the text decoded from its bytes (`decodeInputNoting`: a reader that
   * decodes each input as it reads it lets the bytes go before the comparison, the CLI's 5 MB files).
   */
  bytes: Uint8Array | string | DecodedInput;
  /** A path, a corpus id, an upload id: how the document is named in messages and output. */
  file: string;
  /** The section number of a statute that does not print its own (a California law-section file). */
  lawSection?: string;
}

/** What to compare, and how. */
export interface CompareRequest {
  /** Two versions, oldest first; one version that carries change marks; or the bills, in the order applied. */
  documents: CompareDocument[];
  /** The statute: each section the bill amends is compared with it, or, with `apply`, the bills' instructions are executed against it. */
  law?: CompareDocument;
  /** Execute the bills' amendatory instructions against `law`. */
  apply?: boolean;
  /**
   * How CAML change marks are read in `documents` (the law is read as printed).
   * @default 'printed'
   */
  marks?: MarksMode;
  /** The documents' format, when the user chose one; detected from each name and text otherwise. */
  format?: SourceFormat;
  /**
   * Look for cross-references (for pages that link them).
   * @default true
   */
  references?: boolean;
  /**
   * Milliseconds the comparison may take: reading the documents (past it, a `budget` error), then
   * aligning them (past it, what remains is shown as whole replacements).
   * @default 5000
   */
  budget?: number;
  /** Largest document, in bytes. */
  maxBytes?: number;
}

export type CompareMode = 'versions' | 'marks' | 'law' | 'apply';

/** What `compare` found. */
export interface CompareResult {
  mode: CompareMode;
  alignment: Alignment;
  /** For `apply`: the law as amended and the account of every instruction. */
  application?: Application;
}

/** The bytes of the documents a request compares, the law included. */
export function requestBytes(request: CompareRequest): number {
  return sumOver(request, bytesOf);
}

/** The lines of the documents a request compares, the law included (its line feeds, and a last line without one). */
export function requestLines(request: CompareRequest): number {
  return sumOver(request, linesOf);
}

/** `measure` summed over the documents a request compares, the law included. */
function sumOver(request: CompareRequest, measure: (input: CompareDocument['bytes']) => number): number {
  let total = request.law ? measure(request.law.bytes) : 0;
  for (const d of request.documents) total += measure(d.bytes);
  return total;
}

function linesOf(input: CompareDocument['bytes']): number {
  const text = typeof input === 'string' ? input : input instanceof Uint8Array ? input : input.text;
  // indexOf finds each line feed with one native search (a megabyte of 200,000 lines: ~2 ms).
  let lines = 0;
  let at = 0;
  for (;;) {
    const next = typeof text === 'string' ? text.indexOf('\n', at) : text.indexOf(10, at);
    if (next < 0) break;
    lines++;
    at = next + 1;
  }
  return at < text.length ? lines + 1 : lines;
}

function bytesOf(input: CompareDocument['bytes']): number {
  if (typeof input === 'string') return Buffer.byteLength(input);
  if (input instanceof Uint8Array) return input.length;
  return input.ascii ? input.text.length : Buffer.byteLength(input.text);
}

/** Which comparison a request asks for; a request that asks for none is a `usage` error that says what to give. */
export function modeOf(request: CompareRequest): CompareMode {
  const n = request.documents.length;
  if (request.apply) {
    if (!request.law) throw usage('applying instructions needs the statute they amend (--law STATUTE)');
    if (n === 0) throw usage('name the bill whose instructions to apply');
    return 'apply';
  }
  if (request.law) {
    if (n !== 1) throw usage(`compare one bill with the law, not ${n}`);
    return 'law';
  }
  if (n === 1) return 'marks';
  if (n === 2) return 'versions';
  throw usage(`give two texts to compare (old and new), not ${n}`);
}

/** Runs the comparison a request asks for. Bad input is a `BilldiffError` with its file and place. */
export function compare(request: CompareRequest): CompareResult {
  return compareReading(request, LEAN_READING);
}

/** What `compareToWrite` found: with `sideOf` when the alignment's sides are read through it. */
export interface CompareToWriteResult extends CompareResult {
  sideOf?: SideOf;
}

/**
 * `compare`, for a caller that writes the alignment out at once with a writer that takes `sideOf`
 * (`writeJson`, `writeWdiff`, `writeTerminal`, `writeHtml`) and reads nothing else of its pairs:
 * two versions are aligned by `alignTreesToWrite`, and `sideOf` makes each side as it is written
 * (the sides then die young instead of living to the end of the alignment with the trees: 5 MB
 * pair, 8.7 MB less heap). Other comparisons are as `compare` makes them, with no `sideOf`.
 */
export function compareToWrite(request: CompareRequest): CompareToWriteResult {
  return compareReading(request, LEAN_READING, true);
}

/**
 * What of a document's tree no output of a comparison reads, left out when it is read (a tenth of a
 * large text's tree): the positions of the texts on their enumerated levels' own lines, which the
 * alignment takes from the levels' positions and never writes out.
 */
const LEAN_READING: Pick<ParseOptions, 'inlineTextPositions'> = { inlineTextPositions: false };

/**
 * `compare`, its documents read with `reading` in place of `LEAN_READING` (for tests, which check
 * that every output is the same as from trees that keep every position); `toWrite`: as
 * `compareToWrite`.
 */
export function compareReading(request: CompareRequest, reading: Pick<ParseOptions, 'inlineTextPositions'>, toWrite = false): CompareToWriteResult {
  const mode = modeOf(request);
  // One budget covers the comparison: reading the documents, then aligning them with what remains.
  const deadline = deadlineIn(request.budget ?? defaultAlignOptions.budget);
  const parse = (d: CompareDocument, marks: MarksMode = request.marks ?? 'printed'): ParsedDocument =>
    parseDocument(d.bytes, d.file, {
      marks,
      deadline,
      // The comparison keeps each document's tree, not the blocks it was read from.
      blocks: false,
      ...reading,
      ...(request.references === false ? { references: false } : {}),
      ...(request.format ? { format: request.format } : {}),
      ...(request.maxBytes ? { maxBytes: request.maxBytes } : {}),
    });
  const alignOptions: AlignOptions = { deadline };
  const lawSection = request.law?.lawSection ? { lawSection: request.law.lawSection } : {};

  if (mode === 'apply') {
    const bills = request.documents.map((d) => parse(d));
    const law = parse(request.law!, 'printed');
    const application = applyBills(bills.map((b) => ({ tree: b.tree, file: b.source.file })), law.tree, lawSection);
    const alignment = changesInExistingLaw(application, alignOptions);
    alignment.messages.unshift(...bills.flatMap((b) => b.messages), ...law.messages);
    return { mode, alignment, application };
  }
  if (mode === 'law') {
    return { mode, alignment: compareBillToLaw(parse(request.documents[0]!), parse(request.law!, 'printed'), { ...alignOptions, ...lawSection }) };
  }
  if (mode === 'marks') {
    const before = parse(request.documents[0]!, 'before');
    if (!before.source.marks.length) {
      throw new BilldiffError('this input carries no change marks; give OLD and NEW to compare two texts', { file: before.source.file, code: 'usage' });
    }
    const printed = parse(request.documents[0]!, 'printed');
    const alignment = alignTrees(before.tree, printed.tree, alignOptions);
    alignment.old.label = 'text before the change marks';
    alignment.new.label = 'as printed';
    alignment.messages.unshift(...before.messages);
    return { mode, alignment };
  }
  // Each text decoded here (as parseDocument would), so that the alignment can take the levels' lines from it.
  const [a, b] = request.documents.map((d) => {
    const input = d.bytes instanceof Uint8Array ? decodeInputNoting(d.bytes, d.file, request.maxBytes ? { maxBytes: request.maxBytes } : {}) : d.bytes;
    return { ...parse({ ...d, bytes: input }), text: typeof input === 'string' ? input : input.text };
  });
  const options: AlignOptions = { ...alignOptions, texts: { old: a!.text, new: b!.text } };
  const { alignment, sideOf } = toWrite ? alignTreesToWrite(a!.tree, b!.tree, options) : { alignment: alignTrees(a!.tree, b!.tree, options), sideOf: undefined };
  alignment.messages.unshift(...a!.messages, ...b!.messages);
  return sideOf ? { mode, alignment, sideOf } : { mode, alignment };
}

/**
 * What the bills' instructions amend instead of the law given, in a phrase: "54 U.S.C. 200302;
 * 54 U.S.C. 200305" (the first eight, then how many more).
 */
export function amendedElsewhere(application: Pick<Application, 'elsewhere'>): string {
  const targets = [...new Set(application.elsewhere.map((e) => e.target))];
  return targets.slice(0, 8).join('; ') + (targets.length > 8 ? `; and ${targets.length - 8} more` : '');
}

function usage(message: string): BilldiffError {
  return new BilldiffError(message, { code: 'usage' });
}
