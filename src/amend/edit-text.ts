import { refuse, type Edit } from './edit.js';
import { citePlace, findIn, findWords, isCapitals, printed, select, WORD, type Match } from './find-text.js';
import { describe, editables, HeadingNode, locate, ownerOf, type Editable, type Place } from './locate.js';
import { describeStep } from './location.js';
import { promote } from './quoted-law.js';
import type { Instruction, LocationStep } from './types.js';

/**
 * Edits inside a text: words struck, replaced or inserted; a sentence, a heading or the mark at
 * the end of a text replaced. Each records what it changed on the level that holds the text.
 */


/** Edits applied from the end of each node backwards, so earlier offsets stay valid. */
function splice(edits: Array<Match & { insert: string }>): void {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const edit of sorted) {
    edit.node.value = edit.node.value.slice(0, edit.start) + edit.insert + edit.node.value.slice(edit.end);
  }
}

/** Records a text edit on the level that holds it. */
export function recordEdit(edit: Edit, node: Editable, struck: string, inserted: string): void {
  const kind = struck === '' ? 'inserted' : inserted === '' ? 'struck' : 'replaced';
  edit.record(ownerOf(edit.section, node), { kind, ...(struck ? { struck } : {}), ...(inserted ? { inserted } : {}) });
}

/** A strike can leave a doubled or edge space behind ("the  Act"): fold it. */
export function tidy(node: Editable): void {
  node.value = node.value.replace(/ {2,}/g, ' ').replace(/ ([,.;:])/g, '$1').trim();
}

/** Added words joined to a text: a space between, unless they open with a mark. */
export function joinText(value: string, insert: string): string {
  return /^[,.;:)]/.test(insert) ? value + insert : `${value} ${insert}`;
}

/** "by striking “X” and inserting “Y”", "by striking “X” and all that follows through “Z”", "the comma after “X”". */
export function replaceText(instruction: Instruction, edit: Edit): void {
  const section = edit.section;
  const strike = instruction.strike!;
  const place = locate(section, instruction.location);
  const where = citePlace(section, instruction.location);
  let matches: Match[];
  if (instruction.where === 'after' || instruction.where === 'before') {
    // "the comma after “X”": the struck text must touch the anchor.
    const anchor = instruction.anchor;
    if (!anchor || !('text' in anchor)) refuse(`a strike placed ${instruction.where} a clause is not executed`);
    // Touching ("the comma after “agreement”") or a space apart ("“and” after the semicolon").
    const joins = instruction.where === 'after' ? [anchor.text + strike, `${anchor.text} ${strike}`] : [strike + anchor.text, `${strike} ${anchor.text}`];
    const found = joins.flatMap((joined) => findIn(place, joined, instruction.occurrence)).sort((a, b) => (a.node === b.node ? a.start - b.start : 0));
    matches = select(found, joins[0]!, instruction.occurrence, where).map((m) =>
      instruction.where === 'after' ? { ...m, start: m.end - strike.length } : { ...m, end: m.start + strike.length },
    );
  } else {
    matches = findWords(edit, place, instruction, strike);
  }
  if (instruction.where === 'end') {
    matches = matches.filter((m) => m.node.value.slice(m.end).trim() === '');
    if (matches.length !== 1) refuse(`“${strike}” is not at the end of ${where}`);
  }
  if (instruction.through !== undefined) {
    if (matches.length !== 1) refuse('"all that follows through" with more than one place');
    const match = matches[0]!;
    const limit = place.stretch && place.stretch.node === match.node ? place.stretch.end : match.node.value.length;
    if (instruction.through === '') {
      match.end = limit;
      // "and all that follows before the period at the end": the period stays.
      if (instruction.stopBefore !== undefined) {
        const kept = match.node.value.slice(0, limit).trimEnd();
        if (!kept.endsWith(instruction.stopBefore)) refuse(`the ${instruction.stopBefore === '.' ? 'period' : `“${instruction.stopBefore}”`} at the end is not there: ${where} ends “${kept.slice(-20)}”`);
        match.end = kept.length - instruction.stopBefore.length;
      }
    } else {
      const end = printed(match.node.value).indexOf(printed(instruction.through), match.end);
      if (end < 0 || end + instruction.through.length > limit) refuse(`“${instruction.through}” not found after “${strike}” in the same text of ${where}`);
      match.end = end + instruction.through.length;
    }
  }
  if (instruction.from !== undefined) {
    // "and all that precedes it through “(1)”": back to the nearest of those words before.
    if (matches.length !== 1) refuse('"all that precedes it through" with more than one place');
    const match = matches[0]!;
    const from = printed(match.node.value).lastIndexOf(printed(instruction.from), match.start);
    if (from < 0) refuse(`“${instruction.from}” not found before “${strike}” in ${where}`);
    match.start = from;
  }
  const insert = instruction.action === 'strikeInsert' ? instruction.insert : '';
  if (insert === undefined) refuse('no text to insert');
  if (insert.includes('\n')) refuse('the inserted text runs over several lines; inserting clauses inside a text is not executed');
  const edits = matches.map((m) => {
    // Struck words take their separating space or comma with them (“, whichever is later” →
    // “until …”): a word inserted against a word gets a space, never glued.
    const before = m.node.value[m.start - 1] ?? '';
    const after = m.node.value[m.end] ?? '';
    let text = insert;
    if (text !== '' && WORD.test(text[0]!) && WORD.test(before)) text = ` ${text}`;
    if (text !== '' && WORD.test(text[text.length - 1]!) && WORD.test(after)) text = `${text} `;
    return { ...m, insert: text };
  });
  for (const m of edits) recordEdit(edit, m.node, m.node.value.slice(m.start, m.end), insert);
  // New text that opens with a designation and words, put at the start of a text, makes that text
  // a level (“There” → “(a) In general.—There”): it must become one, or the instruction is refused.
  const opening = /^\(([0-9]+|[a-zA-Z]+)\)\s+\S/.test(insert) ? new Set(matches.filter((m) => m.start === 0).map((m) => m.node)) : new Set<Editable>();
  splice(edits);
  for (const node of new Set(matches.map((m) => m.node))) {
    tidy(node);
    if (!promote(edit, node) && opening.has(node)) refuse(`the new text opens a clause (“${insert.slice(0, 40)}”) that cannot be placed in ${describe(ownerOf(section, node))}`);
  }
}

/**
 * "by striking all that precedes “No income” and inserting …", "by striking all that follows
 * “section 21” and inserting a period": the words of the text before (or after) the anchor.
 */
export function replaceSpan(instruction: Instruction, edit: Edit): void {
  const span = instruction.span!;
  if (!('text' in span.anchor)) refuse(`all that ${span.side} a clause is not executed: say the words`);
  const place = locate(edit.section, instruction.location);
  const [match] = findWords(edit, place, { ...instruction, occurrence: instruction.occurrence ?? 1 }, span.anchor.text);
  const node = match!.node;
  const limit = place.stretch && place.stretch.node === node ? place.stretch : { start: 0, end: node.value.length };
  const [start, end] = span.side === 'precedes' ? [limit.start, match!.start] : [match!.end, limit.end];
  const insert = instruction.action === 'strikeInsert' ? instruction.insert ?? '' : '';
  if (insert.includes('\n')) refuse('the inserted text runs over several lines; inserting clauses inside a text is not executed');
  recordEdit(edit, node, node.value.slice(start, end), insert);
  const glue = span.side === 'precedes' ? (insert && !/\s$/.test(insert) && /^\w/.test(node.value.slice(end)) ? ' ' : '') : '';
  node.value = node.value.slice(0, start) + insert + glue + node.value.slice(end);
  tidy(node);
}

/** "by inserting “Y” after “X”", "… before the period at the end", "… after the first sentence". */
export function insertInText(instruction: Instruction, edit: Edit, place: Place): void {
  const insert = instruction.insert!;
  const anchor = instruction.anchor!;
  const after = instruction.action === 'insertAfter';
  if ('at' in anchor) {
    if (insert.includes('\n')) refuse('the inserted text runs over several lines');
    const step = anchor.at[0]!;
    if (anchor.at.length === 1 && step.type === 'mark') {
      // "by inserting “, and for other purposes” before the period at the end"
      const mark = endMark(edit, place, step);
      const at = after ? mark.end : mark.start;
      const text = after && WORD.test(insert[0] ?? '') ? ` ${insert}` : insert;
      recordEdit(edit, mark.node, '', insert);
      mark.node.value = mark.node.value.slice(0, at) + text + mark.node.value.slice(at);
      return;
    }
    // "by inserting after the first sentence the following: “…”"
    const sentence = locate(edit.section, [...instruction.location, step]).stretch!;
    const node = sentence.node;
    if (after) node.value = `${node.value.slice(0, sentence.end)} ${insert}${node.value.slice(sentence.end)}`;
    else node.value = `${node.value.slice(0, sentence.start)}${insert} ${node.value.slice(sentence.start)}`;
    tidy(node);
    recordEdit(edit, node, '', insert);
    return;
  }
  if (insert.includes('\n')) refuse('the inserted text runs over several lines; inserting clauses inside a text is not executed');
  const matches = findWords(edit, place, instruction, anchor.text);
  const edits = matches.map((m) => {
    const at = after ? m.end : m.start;
    const words = m.node instanceof HeadingNode && isCapitals(m.node.value) ? insert.toUpperCase() : insert;
    const value = m.node.value;
    // The inserted words are a phrase: separate them from the anchor by a space unless punctuation joins them.
    const text = after ? (/^[,.;:)]/.test(words) || value[at - 1] === ' ' ? '' : ' ') + words : words + (/[(]$/.test(words) || value[at] === ' ' ? '' : ' ');
    return { node: m.node, start: at, end: at, insert: text };
  });
  for (const m of edits) recordEdit(edit, m.node, '', insert);
  splice(edits);
}

/**
 * The mark that ends the located level's text ("the period at the end of paragraph (2)"): its
 * last text, in reading order, must end with it (a closing quotation mark may follow).
 */
export function endMark(edit: Edit, place: Place, step: Extract<LocationStep, { type: 'mark' }>): Match {
  const texts = place.stretch ? [place.stretch.node] : editables(place.level).filter((n) => !(n instanceof HeadingNode));
  const last = texts[texts.length - 1];
  if (!last) refuse(`${describe(place.level)} has no text`);
  const value = last.value.trimEnd();
  const mark = step.mark;
  const at = value.endsWith(mark) ? value.length - 1 : value.endsWith(`${mark}”`) || value.endsWith(`${mark}’`) ? value.length - 2 : -1;
  if (at < 0) refuse(`the ${describeStep({ ...step, atEnd: false })} at the end is not there: the text of ${describe(ownerOf(edit.section, last))} ends “${value.slice(-20)}”`);
  return { node: last, start: at, end: at + 1 };
}

/** "by striking the period at the end and inserting “; and”". */
export function replaceMark(instruction: Instruction, edit: Edit, step: Extract<LocationStep, { type: 'mark' }>): void {
  const place = locate(edit.section, instruction.location);
  const mark = endMark(edit, place, step);
  const insert = instruction.action === 'strikeInsert' ? instruction.insert ?? '' : '';
  recordEdit(edit, mark.node, mark.node.value.slice(mark.start, mark.end), insert);
  mark.node.value = mark.node.value.slice(0, mark.start) + insert + mark.node.value.slice(mark.end);
}

/**
 * "by striking the heading and inserting “In general”": the heading replaced, keeping the mark
 * that ends it in the law (`.—`) when the new words do not bring their own.
 */
export function replaceHeading(instruction: Instruction, edit: Edit, step: LocationStep): void {
  const place = locate(edit.section, [...instruction.location, step]);
  const node = place.stretch!.node;
  if (!(node instanceof HeadingNode)) refuse('no heading to replace');
  const old = node.value;
  if (instruction.action !== 'strikeInsert' || instruction.insert === undefined) refuse('a heading struck without a new one is not executed');
  const ending = /[.—:\s]+$/.exec(old)?.[0] ?? '';
  const insert = instruction.insert.trim();
  node.value = /[.—:]$/.test(insert) ? insert : insert + ending.trim();
  recordEdit(edit, node, old, node.value);
}

/** "by striking the second sentence", "by striking the last sentence and inserting …". */
export function replaceSentence(instruction: Instruction, edit: Edit, step: LocationStep): void {
  const stretch = locate(edit.section, [...instruction.location, step]).stretch!;
  const node = stretch.node;
  const insert = instruction.action === 'strikeInsert' ? instruction.insert : '';
  if (insert === undefined) refuse('no text to insert');
  if (insert.includes('\n')) refuse('the new sentence runs over several lines');
  let { start, end } = stretch;
  if (insert === '') {
    // The space that separated the sentence goes with it.
    const after = /^\s+/.exec(node.value.slice(end))?.[0].length ?? 0;
    if (after > 0) end += after;
    else start -= /\s+$/.exec(node.value.slice(0, start))?.[0].length ?? 0;
  }
  recordEdit(edit, node, node.value.slice(stretch.start, stretch.end), insert);
  node.value = node.value.slice(0, start) + insert + node.value.slice(end);
  tidy(node);
}
