import { ordinalNumber, ordinalWord } from '../parse/ladder.js';
import { QUOTE_CLOSE, QUOTE_OPEN, QUOTE_TOKEN, type Quotation } from './quotes.js';

/**
 * The instruction reader's view of words: the skeleton (quotations replaced by tokens) read with a
 * cursor, and the small clean-ups applied to a bill section's text before and after reading.
 */

/** A quotation token in the skeleton; group 1 is its index. */
export const Q = `${QUOTE_OPEN}(\\d+)${QUOTE_CLOSE}`;

/** A read position in an instruction's words. */
export class Cursor {
  constructor(public rest: string) {}

  /** Consumes `pattern` (anchored with `^`) at the position; returns the match, or null. */
  eat(pattern: RegExp): RegExpExecArray | null {
    const match = pattern.exec(this.rest);
    if (match) this.rest = this.rest.slice(match[0].length);
    return match;
  }
}

/** The text of a quotation token, or `undefined` when `text` is not exactly one quotation. */
export function quoted(text: string, quotations: Quotation[]): string | undefined {
  const match = new RegExp(`^${Q}\\s*[.;]?$`).exec(text.trim());
  if (!match) return undefined;
  const quotation = quotations[Number(match[1])]!;
  return quotation.open ? undefined : quotation.content;
}

/** Puts the quotations back, as printed. */
export function restore(text: string, quotations: Quotation[]): string {
  return text.replace(QUOTE_TOKEN, (_, index: string) => quotations[Number(index)]!.raw).replace(/\s+/g, ' ').trim();
}

/** Folds whitespace and the space a joined line leaves before punctuation (`”\n; and` → `”; and`). */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ ([;,.:])/g, '$1').trim();
}

/**
 * Where the run of `chars` that ends `text` starts. A pattern anchored at the end (`…$`) that
 * matches only such characters is tried by V8 at every position from the start of the string:
 * tried on this tail alone it finds the same match, without reading a long text again and again.
 */
export function tailStart(text: string, chars: RegExp): number {
  let i = text.length;
  while (i > 0 && chars.test(text[i - 1]!)) i--;
  return i;
}

/**
 * `text.replace(pattern, '')` for a pattern anchored at the end that matches only `chars`: what is
 * left is a slice of the text, never a copy of it.
 */
function dropEnd(text: string, pattern: RegExp, chars: RegExp): string {
  const at = tailStart(text, chars);
  const match = pattern.exec(text.slice(at));
  return match ? text.slice(0, at + match.index) : text;
}

/** Drops "; and", "; or", a final period or semicolon. */
export function trimConnectors(text: string): string {
  return dropEnd(dropEnd(text, /(?:\s*[;,.]\s*(?:and|or)?\s*)+$/, CONNECTOR_CHARS), /\s+(?:and|or)$/, CONNECTOR_CHARS).trim();
}

/** Every character a connector at the end of an item can hold: blanks, `;`, `,`, `.`, "and", "or". */
const CONNECTOR_CHARS = /[\s;,.adnor]/;

/** "the 1st place it appears", "the 2d sentence": ordinals in figures read as words. */
export function ordinalWords(text: string): string {
  return text.replace(/\b\d{1,3}(?:st|nd|rd|d|th)\b(?=\s+(?:place|sentence|paragraph)\b)/g, (m) => ordinalWord(ordinalNumber(m)!));
}

/** Words quoted in a reason, cut short: the reader needs where it went wrong, not the whole quoted law. */
export function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 160).replace(/\s+\S*$/, '')} …` : text;
}

/** The verbs of an instruction's subject: "is amended", "are repealed", "is transferred" … */
export const VERB =
  /\b(?:is|are)\s+(?:hereby\s+|further\s+|each\s+)?(amended and renumbered|amended|repealed and reserved|repealed|added|transferred|redesignated|enacted)\b/;

/** Drops an item's heading: "In general.—", "Allocation of Funds.—", "U.s. copyright office.—". */
export function stripHeading(text: string): string {
  const heading = /^[A-Z0-9][^—:\uE000]{0,160}?\.\s?—\s*/.exec(text);
  if (!heading || VERB.test(heading[0])) return text;
  return text.slice(heading[0].length);
}

/**
 * Drops the bill section's own number and heading ("Sec. 3001. Reauthorization of …." on its own
 * line, "SECTION 1." before a California instruction).
 */
export function stripSectionHeader(text: string): string {
  const header = /^\s*(?:SEC\.|Sec\.|SECTION|§)\s*\d[\w.–-]*?\.\s*/.exec(text);
  if (!header) return text;
  let rest = text.slice(header[0].length);
  const line = /^([^\n]*)\n/.exec(rest);
  const heading = /^[^.\n\uE000“()]{1,160}\.\s+/.exec(rest);
  if (line && !VERB.test(line[1]!) && !/^(?:\uE002\d+\uE003)?[(“]/.test(line[1]!)) rest = rest.slice(line[0].length);
  else if (!line && heading && !VERB.test(heading[0])) rest = rest.slice(heading[0].length);
  return rest;
}

/**
 * California bills print the new law after "to read:" without quotation marks: the rest of the
 * text becomes one quotation, so its subdivisions are never read as instructions.
 */
export function unquotedBody(skeleton: string, quotations: Quotation[]): string {
  const match = /\b(?:to read(?: as follows)?|(?:is|are) enacted as follows):[ \t]*(?:\r?\n|[ \t])\s*(?!\uE000)(?=\S)/.exec(skeleton);
  if (!match) return skeleton;
  const body = skeleton.slice(match.index + match[0].length);
  const restored = body.replace(QUOTE_TOKEN, (_, index: string) => quotations[Number(index)]!.raw);
  const lines = restored.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const raw = lines.join('\n');
  quotations.push({ raw, content: raw });
  return skeleton.slice(0, match.index + match[0].length) + QUOTE_OPEN + (quotations.length - 1) + QUOTE_CLOSE;
}

/**
 * GPO's plain-text bills print quotation marks as ``…'', a quotation inside one as `…', and dashes
 * as --: read as the printed “…”, ‘…’ and —, which is what the instruction parser reads.
 * ```$500,000''' is “‘$500,000’”; an apostrophe between letters (`Secretary's`) stays one.
 */
export function typeset(text: string): string {
  const dashed = text.replace(/(?<!-)--(?!-)/g, '—');
  if (!dashed.includes('`') && !dashed.includes("'")) return dashed;
  let out = '';
  let singles = 0;
  for (let i = 0; i < dashed.length; i++) {
    const c = dashed[i]!;
    if (c === '`') {
      if (dashed[i + 1] === '`') {
        out += '“';
        i++;
      } else {
        out += '‘';
        singles++;
      }
    } else if (c === "'") {
      const between = /\p{L}/u.test(dashed[i - 1] ?? '') && /\p{L}/u.test(dashed[i + 1] ?? '');
      if (singles > 0 && !between) {
        out += '’';
        singles--;
      } else if (dashed[i + 1] === "'") {
        out += '”';
        i++;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}
