/**
 * Flattened text: a browser save of a bill page can come with its line breaks flattened away,
 * a whole bill on a few lines. There, the next designation that starts a sentence begins a new
 * level, and the text is split before it.
 */

/** Whether `count` blocks of `length` characters in all read as flattened text: paragraphs far longer than any level. */
export function isFlattened(count: number, length: number): boolean {
  return count > 0 && length / count > 1500;
}

/** Where flattened text splits, and whether the level there opens with a bare section number. */
export interface InlineSplit {
  index: number;
  section: boolean;
}

/** What the splitter asks of the level parser: how well a designation continues the open lists, and the open section. */
export interface SplitContext {
  /** How likely `(value)` opens a level here (2 or more: it continues a list, or starts one). */
  score(value: string): number;
  /** The number of the innermost open section, if any. */
  openSection(): string | undefined;
  /** The level just opened is above the section (a chapter), whose heading may run into its first section. */
  aboveSection: boolean;
}

const INLINE = /(?<=[.:;]["”’)]?\s+)(?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,4}(?:\.\d{1,3})?)\)\s|(?:SEC\.|SECTION)\s+\d+\.\s|(\d+(?:\.\d+)+|\d{3,})\.\s(?=[A-Z(“"]))/g;

/** What must come before any match of INLINE (its look-behind, without the look-behind). */
const SENTENCE_END = /[.:;]["”’)]?\s/;

/**
 * Where flattened text starts its next level: a designation after a sentence end that continues
 * a list, a bill section, or the next section number of a quoted chapter; a quoted chapter's
 * heading running straight into its first section ("… Authorities 7284. This chapter …").
 * `index` is -1 when the text holds no further level.
 */
export function findInlineSplit(text: string, context: SplitContext): InlineSplit {
  let split = firstDesignation(text, context);
  if (context.aboveSection) {
    const first = /\s(\d+(?:\.\d+)*[a-z]?)\.\s(?=[A-Z“"(])/.exec(text);
    if (first && (split.index < 0 || first.index < split.index)) split = { index: first.index + 1, section: true };
  }
  return split;
}

function firstDesignation(text: string, context: SplitContext): InlineSplit {
  INLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // (Quick checks first, for long texts that have none: INLINE's look-behind is slow to scan.)
  const sentences = SENTENCE_END.test(text);
  while (sentences && (m = INLINE.exec(text))) {
    const token = m[0];
    if (m[1] !== undefined) {
      const open = context.openSection();
      if (open !== undefined && sectionAfter(open, m[1])) return { index: m.index, section: true };
      continue;
    }
    if (token.startsWith('SEC')) return { index: m.index, section: false };
    if (context.score(token.trim().slice(1, -1)) >= 2) return { index: m.index, section: false };
  }
  const section = text.includes('to read:') ? /(?<=\bto read:\s+)\d+(?:\.\d+)*[a-z]?\.\s/.exec(text) : null;
  return section ? { index: section.index, section: true } : { index: -1, section: false };
}

/** Does section `next` come after section `prev` (7284.2 after 7284; 7284.10 after 7284.8)? */
function sectionAfter(prev: string, next: string): boolean {
  const a = prev.split('.').map(Number);
  const b = next.split('.').map(Number);
  if (a.some(Number.isNaN) || b.some(Number.isNaN)) return false;
  if (b[0]! - a[0]! > 50 || b[0]! < a[0]!) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return y > x;
  }
  return false;
}
