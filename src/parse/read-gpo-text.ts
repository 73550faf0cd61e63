import type { Block, Point, SourceDocument } from '../types.js';
import { foldWhiteSpace } from '../util/white-space.js';

/**
 * GPO plain-text renditions of bills (`BILLS-119hr1enr.txt`, or the text of a printed bill
 * with line numbers and running heads): the printing furniture is dropped and the
 * hard-wrapped lines are joined back into one block per paragraph.
 *
 * Two layouts are told apart from the text itself:
 * - **wrap-marked** (govinfo `.txt`): GPO leaves a trailing space on every line it wrapped
 *   and breaks words only at hyphens that are really there. A line without a trailing space
 *   ends its paragraph, unless it ends with a hyphen or `--` and the next line does not start
 *   with a designation (then the two are joined with no space, hyphen kept).
 * - **heuristic** (line-numbered or re-flowed text): a paragraph starts after a blank line,
 *   at a line that begins with a designation (`SEC. 2.`, `(a)`, `“(1)`…) unless the line
 *   before ends with a cross-reference word (`paragraph`, `and`…), or at a line indented
 *   deeper than the paragraph's wrapped lines after a line that ended a sentence.
 *
 * Furniture removed: the bracketed header lines (`[Congressional Bills 119th Congress]`…) at
 * the top, `<DOC>`/`</DOC>`/`<all>` and other tag-only lines, rules of underscores, form feeds,
 * line numbers (only when the file is line-numbered, and only when they run in sequence),
 * page numbers, running heads (`•HR 1 EH`) and print-shop lines (`VerDate …`, `… on DSK… with $$_JOB`).
 * The signatures and attestation that end an enrolled or engrossed bill ("Speaker of the House of
 * Representatives.", "Passed the House of Representatives May 22, 2025.", "Attest:", "Clerk.") end
 * its text, as the XML readers skip `<signatures>` and `<attestation>`: they are no words of the
 * bill's last section. Every other word is kept, in order.
 */

/** A designation that opens a paragraph: `SECTION 1.`, `SEC. 2.`, `TITLE I—`, `Subtitle A--`, `(a)`, `“(1)`, ``` ``(A) ```. */
const DESIGNATION =
  /^(?:``|''|“|‘‘|"|')?(?:(?:SECTION|SEC\.|Sec\.)\s+\d+[A-Za-z0-9-]*\.(?=\s|$)|(?:DIVISION|TITLE|SUBTITLE|Subtitle|PART|Part|SUBPART|Subpart|CHAPTER|Chapter|SUBCHAPTER|Subchapter|subchapter)\s+[A-Za-z0-9-]{1,12}(?=\s*(?:--|—|–|\.|:|$))|\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,4}[a-z]?)\)(?=\s|$|[A-Z“`"‘]))/;

/** Last words of a line after which a `(b)` at the start of the next line is a cross-reference, not a new paragraph. */
const REFERENCE_WORD =
  /(?:^|[\s—-])(?:sections?|subsections?|paragraphs?|subparagraphs?|clauses?|subclauses?|items?|subitems?|through|under|of|in|and|or)$/i;

/** `•HR 1 EH`, `†S 2062 RIS`, `HJ RES 59 ENR`: the running head of a printed bill page. */
const RUNNING_HEAD =
  /^[•†‡*◊]?\s*(?:H\.?\s?R\.?|S\.?|H\.?\s?J\.?\s?RES\.?|S\.?\s?J\.?\s?RES\.?|H\.?\s?CON\.?\s?RES\.?|S\.?\s?CON\.?\s?RES\.?|H\.?\s?RES\.?|S\.?\s?RES\.?)\s*\d{1,5}\s+[A-Z]{2,5}\d?$/;

/** Print-shop lines of a GPO page. */
const PRINT_SHOP = /^VerDate\b|\bon DSK[0-9A-Z]+PROD with\b|^E:\\BILLS\\|\bJkt \d+ PO \d+ Frm \d+\b/;

/** The bracketed header lines at the top of a govinfo text. */
const HEADER_LINE = /^\[(?:Congressional Bills[^\]]*|From the U\.S\. Government (?:Publishing|Printing) Office[^\]]*|[^\]]{1,120})\]$/;

const TAG_LINE = /^(?:<\/?[A-Za-z][^<>]*>\s*)+$/;

/** A paragraph that opens the signatures or the attestation at the end of a bill. */
const ATTESTATION_START =
  /^(?:Speaker of the House of Representatives|(?:Vice )?President of the United States and President of the Senate|President of the Senate pro tempore|Passed the (?:House of Representatives|Senate) [A-Z][a-z]+\.? \d{1,2}, \d{4}|Attest:(?: (?:[A-Z][A-Za-z.'-]* ?){1,6},)?)\.?$/;
/** A paragraph of the signatures or attestation after the first: a name, an office, or both. */
const ATTESTATION_OFFICE = /^(?:(?:[A-Z][A-Za-z.'-]* ?){1,6},)$|^(?:(?:[A-Z][A-Za-z.'-]* ?){1,6}, )?(?:Clerk|Secretary)\.$/;

/** Does `text` look like a GPO plain-text bill? Only the first few KB are read. */
export function isGpoText(text: string): boolean {
  const head = text.slice(0, 6000);
  if (/^[ \t]*\[Congressional Bills\b[^\]\n]*\][ \t]*\r?$/m.test(head)) return true;
  if (/^[ \t]*\[From the U\.S\. Government (?:Publishing|Printing) Office\][ \t]*\r?$/m.test(head)) return true;
  if (/^[ \t]*<DOC>[ \t]*\r?$/m.test(head)) return true;
  // A line-numbered bill page: a run of consecutively numbered lines and something bill-like.
  const lines = head.split('\n');
  if (lines.length > 1) lines.pop(); // the last line may be cut short
  let run = 0;
  let best = 0;
  let last = -1;
  for (const raw of lines) {
    const m = /^[ \t\f]{0,6}(\d{1,2})[ \t]+\S/.exec(raw);
    if (!m) continue;
    const value = Number(m[1]);
    run = value === last + 1 ? run + 1 : 1;
    last = value;
    if (run > best) best = run;
  }
  if (best < 5) return false;
  return lines.some((raw) => {
    const s = raw.replace(/^[ \t\f]{0,6}\d{1,2}[ \t]+/, '').trim();
    return RUNNING_HEAD.test(s) || /^(?:SECTION|SEC\.)\s+\d+\.|^Be it enacted\b|^(?:A BILL|AN ACT|JOINT RESOLUTION)$|^\d+(?:ST|ND|RD|TH) CONGRESS$/.test(s);
  });
}

/** One line of the source, as the reader sees it. */
interface Line {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the first character of its text (after whitespace and any line number). */
  textStart: number;
  /** Offset after the last non-blank character of its text. */
  textEnd: number;
  /** The line had blanks after its text (GPO's mark of a wrapped line). */
  trailing: boolean;
  kind: 'text' | 'blank' | 'furniture';
}

/** Read a GPO plain-text bill: one block per paragraph, furniture dropped. */
export function readGpoText(text: string, file: string): SourceDocument {
  const lines = splitLines(text);
  let title: string | undefined;

  // Furniture that needs no context.
  let seen = 0;
  for (const l of lines) {
    if (l.kind !== 'text') continue;
    const s = text.slice(l.textStart, l.textEnd);
    if (seen < 12 && HEADER_LINE.test(s)) {
      l.kind = 'furniture';
      const inner = s.slice(1, -1);
      if (!title && /\((?:[A-Z]{2,5}\d?)\)$/.test(inner)) title = inner;
      continue;
    }
    seen++;
    if (TAG_LINE.test(s) || /^_{8,}$/.test(s) || RUNNING_HEAD.test(s) || PRINT_SHOP.test(s)) l.kind = 'furniture';
    else if (/^\d{1,4}$/.test(s) && text.slice(l.start, l.textStart).includes('\f')) l.kind = 'furniture';
  }

  const numbered = stripLineNumbers(text, lines);
  const textLines = lines.filter((l) => l.kind === 'text');
  const trailing = textLines.filter((l) => l.trailing).length;
  const wrapMarked = !numbered && textLines.length > 0 && trailing >= 0.15 * textLines.length;
  const vocabulary = wrapMarked ? new Set<string>() : collectVocabulary(text, textLines);

  const blocks: Block[] = [];
  let current: { first: Line; last: Line; parts: string[]; contIndent: number | undefined; count: number } | undefined;
  let gap: 'none' | 'blank' | 'page' = 'none';

  const flush = (): void => {
    if (!current) return;
    blocks.push({
      text: current.parts.join(''),
      role: 'body',
      position: { start: point(current.first, current.first.textStart), end: point(current.last, current.last.textEnd) },
    });
    current = undefined;
  };

  for (const l of lines) {
    if (l.kind === 'blank') {
      if (gap === 'none') gap = 'blank';
      continue;
    }
    if (l.kind === 'furniture') {
      gap = 'page';
      continue;
    }
    const s = fold(text.slice(l.textStart, l.textEnd));
    const indent = l.textStart - l.start;
    let joiner: string | undefined; // undefined: start a new block
    if (current && gap !== 'blank') {
      const prev = current.last;
      const prevText = current.parts.slice(-3).join(''); // the last line, and the one before it
      joiner = wrapMarked
        ? joinWrapMarked(prev, prevText, s)
        : joinHeuristic(prevText, s, indent, prev.textStart - prev.start, current.contIndent, vocabulary);
    }
    if (joiner === undefined) {
      flush();
      current = { first: l, last: l, parts: [s], contIndent: undefined, count: 1 };
    } else if (current) {
      if (joiner === 'drop-hyphen') {
        const lastPart = current.parts.pop() ?? '';
        current.parts.push(lastPart.slice(0, -1), s);
      } else {
        current.parts.push(joiner, s);
      }
      if (current.count === 1) current.contIndent = indent;
      current.count++;
      current.last = l;
    }
    gap = 'none';
  }
  flush();
  dropAttestation(blocks);

  const doc: SourceDocument = { file, format: 'text', blocks, marks: [], messages: [] };
  if (title) doc.title = title;
  return doc;
}

/**
 * The signatures and attestation end the bill's text: the trailing run of paragraphs that are
 * signatures, attestations, offices and names is dropped from the first that opens one on.
 */
function dropAttestation(blocks: Block[]): void {
  let run = blocks.length;
  while (run > 0 && (ATTESTATION_START.test(blocks[run - 1]!.text) || ATTESTATION_OFFICE.test(blocks[run - 1]!.text))) run--;
  while (run < blocks.length && !ATTESTATION_START.test(blocks[run]!.text)) run++;
  blocks.length = run;
}

/** Wrap-marked layout: the separator to join `s` to the paragraph, or undefined for a new one. */
function joinWrapMarked(prev: Line, prevText: string, s: string): string | undefined {
  if (prev.trailing) return ' ';
  if (/[^\s-]-$|--$|[—–]$/.test(prevText) && !DESIGNATION.test(s)) return '';
  return undefined;
}

/** Heuristic layout: the separator (or `'drop-hyphen'`), or undefined for a new paragraph. */
function joinHeuristic(
  prevText: string,
  s: string,
  indent: number,
  prevIndent: number,
  contIndent: number | undefined,
  vocabulary: Set<string>,
): string | undefined {
  const hyphen = /[A-Za-z0-9]-$/.test(prevText);
  const dash = /--$|[—–]$/.test(prevText);
  if (DESIGNATION.test(s)) {
    if (!REFERENCE_WORD.test(prevText)) return undefined;
    // `(A) one; and` / `(i) one, or` end a list item; `paragraphs (1) and` does not.
    if (/[;,]\s+(?:and|or)$/.test(prevText)) return undefined;
  } else if (!hyphen && !dash && /(?:[.:;]|--|[—–])["”’')]*$/.test(prevText)) {
    // A deeper line after a finished sentence opens a new paragraph.
    const wrapped = contIndent ?? prevIndent;
    if (indent > wrapped + 1) return undefined;
  }
  if (hyphen && /[A-Za-z]-$/.test(prevText) && /^[a-z]/.test(s)) return isBreakHyphen(prevText, s, vocabulary) ? 'drop-hyphen' : '';
  if (hyphen || dash) return '';
  return ' ';
}

/**
 * A hyphen at a line end is a break hyphen only when the joined word is used elsewhere in the
 * document and the hyphenated one never is (`Secre-` + `tary`); otherwise it is kept.
 */
function isBreakHyphen(prevText: string, s: string, vocabulary: Set<string>): boolean {
  const left = /([A-Za-z]+)-$/.exec(prevText)?.[1];
  const right = /^([a-z]+)/.exec(s)?.[1];
  if (!left || !right) return false;
  const joined = (left + right).toLowerCase();
  return vocabulary.has(joined) && !vocabulary.has(`${left.toLowerCase()}-${right}`);
}

/** Words used inside lines (not at a line break), lower-cased, for `isBreakHyphen`. */
function collectVocabulary(text: string, lines: Line[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines) {
    const tokens = text.slice(l.textStart, l.textEnd).split(/\s+/);
    tokens.pop(); // the last word may be cut by a break hyphen
    for (const t of tokens) {
      const w = /^[^A-Za-z]*([A-Za-z][A-Za-z-]*[A-Za-z])/.exec(t)?.[1];
      if (w) words.add(w.toLowerCase());
    }
  }
  return words;
}

/**
 * Strip line numbers when the file is line-numbered (a run of at least 10 consecutively
 * numbered lines, and numbered lines are at least 30% of the text). A number is taken off
 * only when it continues the sequence (or restarts it at 1 on a new page). Returns whether
 * the file is line-numbered; page numbers on their own line are furniture then.
 */
function stripLineNumbers(text: string, lines: Line[]): boolean {
  const candidate = (l: Line): RegExpExecArray | null =>
    l.kind === 'text' && l.textStart - l.start <= 6 ? /^(\d{1,2})(?=[ \t]|$)/.exec(text.slice(l.textStart, l.textEnd)) : null;
  let numberedCount = 0;
  let consecutive = 0;
  let last = -1;
  let textCount = 0;
  for (const l of lines) {
    if (l.kind !== 'text') continue;
    textCount++;
    const m = candidate(l);
    if (!m) continue;
    numberedCount++;
    const value = Number(m[1]);
    if (value === last + 1) consecutive++;
    last = value;
  }
  if (consecutive < 10 || numberedCount < 0.3 * textCount) return false;

  last = 0;
  for (const l of lines) {
    if (l.kind !== 'text') continue;
    const s = text.slice(l.textStart, l.textEnd);
    if (/^\d{1,4}$/.test(s) && l.textStart - l.start > 8) {
      l.kind = 'furniture'; // a page number
      continue;
    }
    const m = candidate(l);
    if (!m) continue;
    const value = Number(m[1]);
    if (!(value === 1 || (value > last && value <= last + 3))) continue;
    last = value;
    let at = l.textStart + m[1].length;
    while (at < l.textEnd && isSpace(text.charCodeAt(at))) at++;
    if (at >= l.textEnd) l.kind = 'furniture'; // a numbered empty line
    else l.textStart = at;
  }
  return true;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    let lead = start;
    while (lead < stop && isSpace(text.charCodeAt(lead))) lead++;
    let tail = stop;
    while (tail > lead && isSpace(text.charCodeAt(tail - 1))) tail--;
    const formFeedOnly = lead === stop && text.slice(start, stop).includes('\f');
    lines.push({
      line,
      start,
      textStart: lead,
      textEnd: tail,
      trailing: tail < stop,
      kind: lead < stop ? 'text' : formFeedOnly ? 'furniture' : 'blank',
    });
    if (end === text.length) break;
    start = end + 1;
    line++;
  }
  return lines;
}

function point(l: Line, offset: number): Point {
  return { line: l.line, column: offset - l.start + 1, offset };
}

function fold(s: string): string {
  return /\s\s|[\t\v\f\r\u00a0\u2000-\u200a\u2028\u2029\u3000]/.test(s) ? foldWhiteSpace(s) : s;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}
