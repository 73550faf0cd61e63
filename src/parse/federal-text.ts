import type { LevelKind } from '../types.js';
import {
  AFTER_QUOTED,
  BILL_DTD_PREFIX,
  BLOCKS,
  decorateEnum,
  FEDERAL_SKIPPED,
  FEDERAL_SKIPPED_IN_QUOTED,
  fold,
  GENERIC_LEVELS,
  hasBlockChild,
  isAfterQuoted,
  isFootnoteMark,
  isInlineOnly,
  LEVEL_KINDS,
  QUOTED,
  ROWS,
  TEXT_ELEMENTS,
} from './federal-vocabulary.js';
import { isWhiteSpace } from '../util/white-space.js';
import { firstChild, type XmlElement, type XmlNode } from './xml.js';

/**
 * The text of federal XML: inline text collected into runs with their offsets, headings, and
 * quoted law read as the lines it prints (designation, heading and first text on one line).
 */

/** Inline text being collected, with the offsets it came from. */
export interface Run {
  parts: string[];
  start: number;
  end: number;
}

/** One printed line of quoted law. */
export interface Line {
  value: string;
  start: number;
  end: number;
}

/** An empty run. */
export function newRun(): Run {
  return { parts: [], start: -1, end: -1 };
}

/** Adds a text node's value to a run; the run starts at its first non-space character and ends after its last. */
export function addToRun(run: Run, value: string, start: number, end: number): void {
  // The white space at either end is counted where it is, a character or two: trimming would copy
  // the rest of the text to learn its length.
  const n = value.length;
  if (run.start === -1) {
    let lead = 0;
    while (lead < n && isWhiteSpace(value.charCodeAt(lead))) lead++;
    if (lead === n) return;
    run.start = start + lead;
  }
  run.parts.push(value);
  let last = n;
  while (last > 0 && isWhiteSpace(value.charCodeAt(last - 1))) last--;
  if (last > 0) run.end = end - (n - last);
}

/** Text printed at the end of the last line (`”.`, `; and`), or a line of its own when there is none. */
export function appendLine(lines: Line[], text: string, end: number): void {
  const value = fold(text);
  if (!value) return;
  const last = lines[lines.length - 1];
  if (last) {
    last.value = `${fold(last.value)}${text}`;
    last.end = end;
  } else {
    lines.push({ value, start: end - text.length, end });
  }
}

/** Collects the text of an inline element into a run. */
export function inline(element: XmlElement, run: Run, depth: number): void {
  // Read as a child is, so that the element's own meaning (`<quote>` marks, `<br>`) applies.
  const out: string[] = [];
  childText(out, element, depth, depth > 0);
  const text = out.join('');
  if (!text) return;
  if (run.start === -1) run.start = element.start;
  run.parts.push(text);
  run.end = element.end;
}

/** All text of an element, skipped parts left out, bill.dtd `<quote>` marks supplied. */
export function textOf(element: XmlElement, depth: number): string {
  const out: string[] = [];
  childrenText(out, element, depth, depth > 0 || QUOTED.has(element.name));
  return out.join('');
}

/**
 * The text of a node's children, onto `out`. (Module functions and indexed loops, not a closure
 * and `for…of`: a command line's one run reads most of a document before this code is optimised,
 * and unoptimised, each step of an iterator makes an object.)
 */
function childrenText(out: string[], node: XmlElement, quoteDepth: number, inQuoted: boolean): void {
  const { children } = node;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text') out.push(child.text);
    else childText(out, child, quoteDepth, inQuoted);
  }
}

/** The text of one element inside another, onto `out`. */
function childText(out: string[], child: XmlElement, quoteDepth: number, inQuoted: boolean): void {
  const name = child.name;
  if (inQuoted ? FEDERAL_SKIPPED_IN_QUOTED.has(name) : FEDERAL_SKIPPED.has(name)) return;
  // The Law Revision Counsel's footnote markers (`<ref class="footnoteRef">1</ref>`) are notes, not law.
  if (name === 'ref' && child.attributes['class'] === 'footnoteRef') return;
  // …and so is a bare superscript number after a word or a mark (`(a)(6)(A),<sup>3</sup>`);
  // a power of ten (`10<sup>6</sup>`) follows a digit and is kept.
  if (!inQuoted && name === 'sup' && isFootnoteMark(child, out[out.length - 1] ?? '')) return;
  if (name === 'br') {
    out.push(' ');
    return;
  }
  if (name === 'quote') {
    const odd = quoteDepth % 2 !== 0;
    out.push(odd ? '‘' : '“');
    childrenText(out, child, quoteDepth + 1, inQuoted);
    out.push(odd ? '’' : '”');
    return;
  }
  if (BLOCKS.has(name) || ROWS.has(name) || name === 'td' || name === 'th' || name === 'column') out.push(' ');
  childrenText(out, child, quoteDepth, inQuoted || QUOTED.has(name));
  if (BLOCKS.has(name) || name === 'td' || name === 'th' || name === 'column') out.push(' ');
}

export function headingText(element: XmlElement, kind: LevelKind | undefined, billDtd: boolean): string | undefined {
  let text = fold(textOf(element, 0));
  if (!text) return undefined;
  if (billDtd && element.name === 'header' && kind && !/[.?!:—–-]$/.test(text)) {
    if (kind === 'section') text += '.';
    else if (!BILL_DTD_PREFIX[kind]) text += '.—';
  }
  return text;
}

// ---------------------------------------------------------------------------
// Quoted law

/**
 * The lines of quoted material. `open` is what bill.dtd prints at the start of each line
 * (`“`, `“‘` when nested); USLM prints its quotation marks itself.
 */
export function quotedLines(element: XmlElement, lines: Line[], depth: number, open: string): void {
  const billDtd = element.name === 'quoted-block';
  const lead = billDtd ? open + (depth % 2 ? '“' : '‘') : open;
  const style = element.attributes['style'] ?? '';
  const firstLine = lines.length;
  let after = '';
  let afterEnd = element.end;
  const visit = (node: XmlElement, inLevel: boolean): void => {
    let run = newRun();
    const flush = (): void => {
      const value = fold(run.parts.join(''));
      if (value) lines.push({ value: lead + value, start: run.start, end: run.end });
      run = newRun();
    };
    const { children } = node;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'text') {
        addToRun(run, child.text, child.start, child.end);
        continue;
      }
      const name = child.name;
      if (FEDERAL_SKIPPED_IN_QUOTED.has(name)) continue;
      if (name === AFTER_QUOTED || isAfterQuoted(child)) {
        if (node === element) {
          after += textOf(child, depth);
          afterEnd = child.end;
        } else {
          flush();
          appendLine(lines, textOf(child, depth), child.end);
        }
        continue;
      }
      if (QUOTED.has(name) && !isInlineOnly(child)) {
        flush();
        quotedLines(child, lines, depth + 1, lead);
        continue;
      }
      if (LEVEL_KINDS[name] || GENERIC_LEVELS.has(name)) {
        flush();
        quotedLevel(child, lines, depth, lead, style);
        continue;
      }
      if (BLOCKS.has(name) && name !== 'proviso' && name !== 'elided' && !(QUOTED.has(name) && isInlineOnly(child))) {
        flush();
        if (ROWS.has(name) || !hasBlockChild(child)) {
          const inner = newRun();
          inline(child, inner, depth);
          const value = fold(inner.parts.join(''));
          if (value) lines.push({ value: lead + value, start: child.start, end: child.end });
        } else {
          visit(child, inLevel);
        }
        continue;
      }
      inline(child, run, depth);
    }
    flush();
  };
  visit(element, false);
  if (billDtd && lines.length > firstLine) {
    const last = lines[lines.length - 1]!;
    last.value = `${fold(last.value)}${depth % 2 ? '”' : '’'}`;
  }
  if (fold(after)) appendLine(lines, after, afterEnd);
}

/** One quoted level: designation, heading and first text on one line; the rest below. */
export function quotedLevel(element: XmlElement, lines: Line[], depth: number, lead: string, style: string): void {
  const kind = LEVEL_KINDS[element.name];
  const num = firstChild(element, 'num') ?? firstChild(element, 'enum');
  const headingEl = firstChild(element, 'heading') ?? firstChild(element, 'header');
  let printed = num ? fold(textOf(num, depth)) : '';
  if (num?.name === 'enum' && kind && printed) printed = decorateEnum(kind, printed, element, style);
  const heading = headingEl ? headingText(headingEl, kind, headingEl.name === 'header') ?? '' : '';
  let own = [printed, heading].filter(Boolean).join(' ');
  const ownStart = element.start;
  let ownEnd = Math.max(num?.end ?? element.start, headingEl?.end ?? element.start);
  let ownOpen = true;
  const rest: XmlNode[] = [];
  const { children } = element;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child === num || child === headingEl) continue;
    if (ownOpen && child.type === 'text') {
      own += child.text;
      continue;
    }
    if (ownOpen && child.type === 'element' && (child.name === 'chapeau' || TEXT_ELEMENTS.has(child.name)) && !hasBlockChild(child)) {
      const text = fold(textOf(child, depth));
      own = heading && /[—–]$/.test(heading) && !child.children.some((c) => c.type === 'text' && /^\s/.test(c.text)) ? `${fold(own)}${text}` : `${own} ${text}`;
      ownEnd = child.end;
      ownOpen = false;
      continue;
    }
    if (ownOpen && child.type === 'element' && FEDERAL_SKIPPED_IN_QUOTED.has(child.name)) continue;
    if (ownOpen && child.type === 'element' && !BLOCKS.has(child.name) && !LEVEL_KINDS[child.name] && !GENERIC_LEVELS.has(child.name) && !isAfterQuoted(child) && child.name !== AFTER_QUOTED) {
      own += textOf(child, depth);
      ownEnd = child.end;
      continue;
    }
    ownOpen = false;
    rest.push(child);
  }
  const value = fold(own);
  if (value) lines.push({ value: lead + value, start: ownStart, end: ownEnd });
  if (rest.length) {
    const wrapper: XmlElement = { type: 'element', name: '#rest', attributes: {}, children: rest, start: element.start, end: element.end };
    restLines(wrapper, lines, depth, lead, style);
  }
}

/** The children of a quoted level after its own line. */
export function restLines(element: XmlElement, lines: Line[], depth: number, lead: string, style: string): void {
  const { children } = element;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text') {
      const value = fold(child.text);
      if (value) lines.push({ value: lead + value, start: child.start, end: child.end });
      continue;
    }
    const name = child.name;
    if (FEDERAL_SKIPPED_IN_QUOTED.has(name)) continue;
    if (name === AFTER_QUOTED || isAfterQuoted(child)) {
      appendLine(lines, textOf(child, depth), child.end);
      continue;
    }
    if (LEVEL_KINDS[name] || GENERIC_LEVELS.has(name)) {
      quotedLevel(child, lines, depth, lead, style);
      continue;
    }
    if (QUOTED.has(name) && !isInlineOnly(child)) {
      quotedLines(child, lines, depth + 1, lead);
      continue;
    }
    if (hasBlockChild(child)) {
      const wrapper: XmlElement = { type: 'element', name: '#rest', attributes: child.attributes, children: child.children, start: child.start, end: child.end };
      // Inline text of a mixed block goes on lines between its blocks.
      const parts: XmlNode[] = [];
      const flushParts = (): void => {
        if (!parts.length) return;
        const run = newRun();
        for (let p = 0; p < parts.length; p++) {
          const part = parts[p]!;
          if (part.type === 'text') addToRun(run, part.text, part.start, part.end);
          else inline(part, run, depth);
        }
        const value = fold(run.parts.join(''));
        if (value) lines.push({ value: lead + value, start: run.start, end: run.end });
        parts.length = 0;
      };
      for (let p = 0; p < wrapper.children.length; p++) {
        const part = wrapper.children[p]!;
        if (part.type === 'element' && (BLOCKS.has(part.name) || isAfterQuoted(part) || part.name === AFTER_QUOTED) && part.name !== 'proviso' && part.name !== 'elided' && !(QUOTED.has(part.name) && isInlineOnly(part))) {
          flushParts();
          restLines({ ...wrapper, children: [part] }, lines, depth, lead, style);
        } else if (!(part.type === 'element' && FEDERAL_SKIPPED_IN_QUOTED.has(part.name))) {
          parts.push(part);
        }
      }
      flushParts();
      continue;
    }
    const value = fold(textOf(child, depth));
    if (value) lines.push({ value: lead + value, start: child.start, end: child.end });
  }
}
