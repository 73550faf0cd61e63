import type { Diagnostic, MarksMode, ParsedDocument, Root, SourceDocument, SourceFormat } from '../types.js';
import { parseLevels, parseTextLines, type LevelOptions } from './levels.js';
import { decodeInputNoting, detectFormat, type DecodedInput, type InputOptions } from './input.js';
import { readCaml } from './read-caml.js';
import { readFederal } from './read-federal.js';
import { isOlrcXhtml, readOlrcXhtml } from './read-olrc-xhtml.js';
import { isGpoText, readGpoText } from './read-gpo-text.js';
import { markReferences } from './references.js';
import { readMarkdown } from './read-markdown.js';
import { readText, TextLines } from './read-text.js';
import { checkDeadline } from '../util/deadline.js';

/** Options for `parseDocument`. */
export interface ParseOptions extends InputOptions, LevelOptions {
  /** The input's format; detected from the name and the text when absent. */
  format?: SourceFormat;
  /**
   * For CAML bill versions with change marks: compare the text as printed, or the text before the marks.
   * @default 'printed'
   */
  marks?: MarksMode;
  /**
   * Find cross-references and carry them on text nodes (`refs`); a caller that shows no links
   * can skip the work.
   * @default true
   */
  references?: boolean;
  /**
   * Keep the source's blocks (`source.blocks`) once the tree is built from them; a caller that
   * only aligns the tree can let them go (a sixth of a large text's memory).
   * @default true
   */
  blocks?: boolean;
}

/**
 * Reads one input (text, Markdown or CAML XML) into the common text model. `ascii`: a text given
 * as a string is known to be ASCII (bytes are looked at here).
 */
export function readDocument(input: string | Uint8Array, file: string, options: ParseOptions = {}, ascii = false): SourceDocument {
  const decoded = typeof input === 'string' ? { text: input, ascii } : decodeInputNoting(input, file, options);
  const { text } = decoded;
  return readSource(text, file, options.format ?? detectFormat(file, text), options, decoded.ascii === true);
}

function readSource(text: string, file: string, format: SourceFormat, options: ParseOptions, ascii: boolean): SourceDocument {
  switch (format) {
    case 'caml':
      return readCaml(text, file, { marks: options.marks, deadline: options.deadline });
    case 'federal':
      return (isOlrcXhtml(text) ? readOlrcXhtml(text, file) : readFederal(text, file, { deadline: options.deadline })).source;
    case 'markdown':
      return readMarkdown(text, file, { deadline: options.deadline });
    default:
      // GPO's text renditions of bills: line numbers, page heads and hard wraps removed.
      return isGpoText(text) ? readGpoText(text, file) : readText(text, file, ascii);
  }
}

/**
 * Reads an input and parses it into a level tree, with every diagnostic found on the way. The input
 * is bytes, a text, or the text `decodeInputNoting` made of its bytes (a caller that lets the bytes go
 * once decoded).
 */
export function parseDocument(input: string | Uint8Array | DecodedInput, file: string, options: ParseOptions = {}): ParsedDocument {
  const { text, messages: notes, ascii } =
    typeof input === 'string' ? { text: input, messages: [], ascii: false } : input instanceof Uint8Array ? decodeInputNoting(input, file, options) : input;
  const { deadline } = options;
  const format = options.format ?? detectFormat(file, text);
  if (format === 'federal') {
    // Federal XML carries its structure in its elements, the Law Revision Counsel's XHTML in its
    // classes and comments: the reader builds the tree itself.
    const { tree, source, messages } = isOlrcXhtml(text) ? readOlrcXhtml(text, file) : readFederal(text, file, { deadline });
    checkDeadline(deadline, file);
    if (options.references !== false) markReferences(tree);
    tree.data = { ...tree.data, file, format: 'federal' };
    if (source.title) tree.data.title = source.title;
    return { tree, source, messages: [...notes, ...messages] };
  }
  let source: SourceDocument;
  let parsed: { tree: Root; messages: Diagnostic[] };
  if (options.blocks === false && format === 'text' && !isGpoText(text)) {
    // Plain text whose blocks the caller lets go: its lines are read by offset and made blocks one at a time.
    source = { file, format: 'text', blocks: [], marks: [], messages: [] };
    parsed = parseTextLines(source, new TextLines(text, ascii === true), options);
  } else {
    source = readSource(text, file, format, options, ascii === true);
    checkDeadline(deadline, file);
    parsed = parseLevels(source, options);
    if (options.blocks === false) source.blocks = [];
  }
  const { tree, messages } = parsed;
  checkDeadline(deadline, file);
  if (options.references !== false) markReferences(tree);
  tree.data = { file, format: source.format };
  if (source.title) tree.data.title = source.title;
  if (source.marksMode) tree.data.marksMode = source.marksMode;
  return { tree, source, messages: [...notes, ...source.messages, ...messages] };
}

export { decodeInput, decodeInputNoting, detectFormat, defaultInputOptions, formatBytes, type DecodedInput } from './input.js';
export { parseLevels } from './levels.js';
export { findReferences } from './references.js';
export { readParenDesignation, readSectionDesignation, interpretations } from './designation.js';
