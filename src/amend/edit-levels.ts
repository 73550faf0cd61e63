import { precedes, rungBelow } from '../parse/ladder.js';
import type { Content, Level, LevelKind } from '../types.js';
import { Edit, refuse, Refusal } from './edit.js';
import { insertInText, joinText, recordEdit, replaceHeading, replaceMark, replaceSentence, tidy } from './edit-text.js';
import { isCapitals } from './find-text.js';
import { child, describe, findNamedLevel, isText, locate, type Place } from './locate.js';
import { describePath, soleLevel } from './location.js';
import { DESIGNATION, readQuotedLevels } from './quoted-law.js';
import type { Instruction, Redesignation } from './types.js';

/**
 * Edits of whole levels: struck, repealed, replaced, added at the end or beside another,
 * redesignated, or amended to read anew; and the new section an instruction gives whole.
 */

/** "by striking paragraph (5)", "… and inserting the following: …", and the texts named as units. */
export function replaceUnits(instruction: Instruction, edit: Edit): void {
  const units = instruction.units!;
  const only = units.length === 1 && units[0]!.length === 1 ? units[0]![0]! : undefined;
  if (only?.type === 'mark') return replaceMark(instruction, edit, only);
  if (only?.type === 'heading') return replaceHeading(instruction, edit, only);
  if (only?.type === 'sentence' || only?.type === 'provision') return replaceSentence(instruction, edit, only);
  if (only?.type === 'flush') return replaceFlush(instruction, edit);
  const place = locate(edit.section, instruction.location);
  if (place.stretch) refuse('clauses cannot be struck from a text');
  // `paragraph (6)(E)`: subparagraph (E) of paragraph (6) of the located level.
  const found = units.map((path) => findNamedLevel(place, path));
  if (instruction.action === 'strike') {
    // Struck levels go from wherever each one is ("paragraphs (3), (6)(E), and (9)").
    for (const f of found) {
      edit.recordStruck(f.level);
      f.parent.children.splice(f.parent.children.indexOf(f.level), 1);
    }
    return;
  }
  const parent = found[0]!.parent;
  if (found.some((f) => f.parent !== parent)) refuse('the clauses replaced are not siblings');
  const targets = found.map((f) => f.level);
  const indexes = targets.map((t) => parent.children.indexOf(t)).sort((a, b) => a - b);
  let levels: Level[] = [];
  if (instruction.action === 'strikeInsert') {
    if (instruction.insert === undefined) refuse('no text to insert');
    levels = readQuotedLevels(instruction.insert, targets[0]!.kind, parent.id);
  }
  for (const t of targets) edit.recordStruck(t);
  for (const level of levels) {
    edit.stampAll(level);
    edit.record(level, { kind: 'inserted', inserted: level.num?.text ?? '' }, false);
  }
  for (const index of [...indexes].reverse()) parent.children.splice(index, 1);
  parent.children.splice(indexes[0]!, 0, ...levels);
}

/** "by striking the flush sentence at the end of paragraph (1)": the text after a level's last subordinate. */
function replaceFlush(instruction: Instruction, edit: Edit): void {
  const place = locate(edit.section, [...instruction.location, { type: 'flush' }]);
  const node = place.stretch!.node as Content;
  const parent = place.level;
  const insert = instruction.action === 'strikeInsert' ? instruction.insert ?? '' : '';
  if (insert.includes('\n')) refuse('the new flush text runs over several lines');
  recordEdit(edit, place.stretch!.node, place.stretch!.node.value, insert);
  if (insert === '') parent.children.splice(parent.children.indexOf(node), 1);
  else (node as { value: string }).value = insert;
}

/**
 * "Subsection (e) of section 455 … is repealed", "by repealing paragraph (3)": the level goes
 * (no redesignation follows); "repealed and reserved" leaves its designation and "[Reserved]".
 */
export function repeal(instruction: Instruction, edit: Edit): void {
  let targets: Array<{ parent: Level; level: Level }>;
  if (instruction.units?.length) {
    const place = locate(edit.section, instruction.location);
    if (place.stretch) refuse('clauses cannot be repealed from a text');
    targets = instruction.units.map((path) => findNamedLevel(place, path));
  } else {
    const last = instruction.location[instruction.location.length - 1];
    if (last?.type !== 'level' || last.rung === 'section') refuse('a whole section is repealed by the statute, not inside it');
    const parent = locate(edit.section, instruction.location.slice(0, -1));
    if (parent.stretch) refuse('clauses cannot be repealed from a text');
    targets = [{ parent: parent.level, level: child(parent.level, last.designation, describePath([last])) }];
  }
  for (const { parent, level } of targets) {
    if (instruction.action === 'repealReserve') {
      edit.record(level, { kind: 'replaced', struck: level.num?.text ?? '', inserted: '[Reserved]' });
      delete level.heading;
      level.children = [{ type: 'text', value: '[Reserved].' }];
      continue;
    }
    edit.recordStruck(level);
    parent.children.splice(parent.children.indexOf(level), 1);
  }
}

/** "by inserting after paragraph (2) the following: …", "… before the period at the end …". */
export function insertBeside(instruction: Instruction, edit: Edit): void {
  const { insert, anchor } = instruction;
  if (insert === undefined || anchor === undefined) refuse('insertion without text or anchor');
  const place = locate(edit.section, instruction.location);
  if ('text' in anchor) return insertInText(instruction, edit, place);
  const first = anchor.at[0];
  if (anchor.at.length === 1 && (first?.type === 'mark' || first?.type === 'sentence')) return insertInText(instruction, edit, place);
  if (!anchor.at.every((s) => s.type === 'level' && s.rung !== 'section')) refuse(`anchor "${describePath(anchor.at)}" is not a clause`);
  if (place.stretch) refuse('clauses cannot be inserted into a text');
  const { parent, level: target } = findNamedLevel(place, anchor.at);
  const index = parent.children.indexOf(target);
  const levels = readQuotedLevels(insert, target.kind, parent.id);
  for (const level of levels) {
    edit.stampAll(level);
    edit.record(level, { kind: 'inserted', inserted: level.num?.text ?? '' }, false);
  }
  parent.children.splice(instruction.action === 'insertAfter' ? index + 1 : index, 0, ...levels);
}

/** The rung of a level's children: those it has, else the rung below its own. */
function childKind(level: Level): LevelKind {
  const existing = level.children.find((c): c is Level => c.type === 'level');
  if (existing) return existing.kind;
  const kind = rungBelow(level.kind);
  if (!kind) refuse(`no clause rung below ${level.kind}`);
  return kind;
}

/** "by adding at the end the following: …": words at the end of a text, or levels after the last. */
export function addAtEnd(instruction: Instruction, edit: Edit): void {
  const insert = instruction.insert;
  if (insert === undefined) refuse('nothing to add');
  const place = locate(edit.section, instruction.location);
  if (place.stretch) {
    const { node, end } = place.stretch;
    node.value = joinText(node.value.slice(0, end), insert) + node.value.slice(end);
    recordEdit(edit, node, '', insert);
    return;
  }
  const level = place.level;
  if (DESIGNATION.test(insert)) {
    const levels = readQuotedLevels(insert, childKind(level), level.id);
    const existing = level.children.filter((c): c is Level => c.type === 'level');
    for (const added of levels) {
      if (existing.some((c) => c.num?.value === added.num?.value)) refuse(`${added.num?.text ?? ''} is already a clause of ${describe(level)}`);
    }
    // "At the end" comes after the last level: a new (b) where (c) is the last one is misplaced.
    const last = existing[existing.length - 1];
    const first = levels[0];
    if (last?.num && first?.num && last.kind === first.kind && precedes(first.num.value, last.num.value, first.kind)) {
      refuse(`${first.num.text} added at the end would come after ${last.num.text}, the last ${last.kind} of ${describe(level)}`);
    }
    for (const added of levels) {
      edit.stampAll(added);
      edit.record(added, { kind: 'inserted', inserted: added.num?.text ?? '' }, false);
    }
    // Text that ran on after the last level (a continuation) stays after the new ones only
    // when the instruction says so; "at the end" of a level with levels means after them.
    level.children.push(...levels);
    return;
  }
  if (insert.includes('\n')) refuse('added text of several lines that do not start with a designation');
  if (level.children.some((c) => c.type === 'level')) refuse(`${describe(level)} has clauses: where the added text goes is not said exactly`);
  const texts = level.children.filter(isText);
  const last = texts[texts.length - 1];
  if (!last) {
    level.children.push({ type: 'text', value: insert });
  } else {
    last.value = joinText(last.value, insert);
  }
  edit.record(level, { kind: 'inserted', inserted: insert });
}

/** "by redesignating paragraphs (4) and (5) as paragraphs (3) and (4), respectively". */
export function redesignate(instruction: Instruction, edit: Edit): void {
  const pairs = instruction.redesignate;
  if (!pairs || pairs.length === 0) refuse('no designations given');
  const place = locate(edit.section, instruction.location);
  if (place.stretch) refuse('clauses cannot be redesignated inside a text');
  if (pairs.some((pair) => pair.to.length > 1 || pair.place)) {
    for (const pair of pairs) moveUnder(pair, place, edit);
    return;
  }
  const moves = pairs.map((pair) => {
    const from = soleLevel(pair.from);
    const to = soleLevel(pair.to);
    if (!from || !to) refuse(`cannot read the redesignation ${describePath(pair.from)} → ${describePath(pair.to)}`);
    if (from.rung !== to.rung) refuse(`redesignation changes the kind of clause (${describePath(pair.from)} → ${describePath(pair.to)})`);
    return { level: child(place.level, from.designation, describePath(pair.from)), to: to.designation };
  });
  const moved = new Set(moves.map((m) => m.level));
  for (const move of moves) {
    const clash = place.level.children.find((c) => c.type === 'level' && c.num?.value === move.to && !moved.has(c));
    if (clash) refuse(`${describe(place.level)} already has a clause (${move.to})`);
  }
  for (const move of moves) {
    const from = move.level.num?.text ?? '';
    renumber(move.level, move.to, place.level.id);
    edit.record(move.level, { kind: 'redesignated', struck: from, inserted: move.level.num?.text ?? '' });
  }
}

/**
 * "by redesignating subsection (e) as paragraph (2), … and moving the paragraph so as to appear at
 * the end of subsection (c)", "redesignating section 227 as subsection (c) of section 228": the level
 * leaves its place, takes its new rung and designation (its own levels one rung lower each), and goes
 * under the level named — at its end, after or before a level there, or where its designation falls.
 */
function moveUnder(pair: Redesignation, place: Place, edit: Edit): void {
  const last = pair.to[pair.to.length - 1];
  if (last?.type !== 'level') refuse(`cannot read the redesignation ${describePath(pair.from)} → ${describePath(pair.to)}`);
  let under = pair.to.slice(0, -1);
  const first = under[0];
  if (first?.type === 'level' && first.rung === 'section') {
    if (first.designation !== edit.section.num?.value) refuse(`${describePath(pair.from)} is moved into another section (${describePath(under)}), which this edit of ${describe(edit.section)} does not reach`);
    under = under.slice(1);
  }
  const found = findNamedLevel(place, pair.from);
  const destination = under.length ? findNamedLevel(place, under).level : found.parent;
  if (destination === found.level) refuse(`${describePath(pair.from)} cannot be moved into itself`);
  const clash = destination.children.find((c) => c.type === 'level' && c.num?.value === last.designation && c !== found.level);
  if (clash) refuse(`${describe(destination)} already has a ${last.rung} (${last.designation})`);
  const was = found.level.num?.text ?? '';
  found.parent.children.splice(found.parent.children.indexOf(found.level), 1);
  rekind(found.level, last.rung);
  renumber(found.level, last.designation, destination.id);
  const siblings = destination.children;
  const lastLevel = siblings.map((c) => c.type).lastIndexOf('level');
  let at = lastLevel >= 0 ? lastLevel + 1 : siblings.length;
  if (pair.place && pair.place.where !== 'end') {
    const anchor = findNamedLevel({ level: destination }, pair.place.at).level;
    at = siblings.indexOf(anchor) + (pair.place.where === 'after' ? 1 : 0);
  } else if (!pair.place) {
    const after = siblings.filter((c): c is Level => c.type === 'level' && c.num !== undefined && precedes(c.num.value, last.designation, last.rung));
    if (after.length) at = siblings.indexOf(after[after.length - 1]!) + 1;
  }
  siblings.splice(at, 0, found.level);
  edit.record(found.level, { kind: 'redesignated', struck: was, inserted: found.level.num?.text ?? '' });
}

/** A level given another rung, and its levels each one rung below their parent. */
function rekind(level: Level, kind: LevelKind): void {
  level.kind = kind;
  const below = rungBelow(kind);
  for (const c of level.children) if (c.type === 'level' && below) rekind(c, below);
}

function renumber(level: Level, value: string, parentId: string): void {
  const old = level.num?.value;
  if (!level.num || old === undefined) refuse('clause without a designation');
  level.num = { text: level.num.text.replace(old, value), value };
  reid(level, `${parentId}/${value}`);
}

function reid(level: Level, id: string): void {
  level.id = id;
  delete level.xmlId;
  for (const c of level.children) if (c.type === 'level') reid(c, `${id}/${c.num?.value ?? ''}`);
}

/** `§ 200303. Availability of funds`: the first line of a section's new text. */
const SECTION_LINE = /^(?:§|SEC(?:TION)?\.?|Sec\.)\s*([0-9][\w.\-–]*)\.\s*(.*)$/;

/** "… is amended to read as follows: …": a text, a level or the whole section given anew. */
export function amendToRead(instruction: Instruction, edit: Edit): void {
  const insert = instruction.insert;
  if (insert === undefined) refuse('no new text given');
  const place = locate(edit.section, instruction.location);
  if (place.stretch) {
    if (insert.includes('\n')) refuse('new text of several lines for a part of a text');
    const { node, start, end } = place.stretch;
    recordEdit(edit, node, node.value.slice(start, end), insert);
    node.value = node.value.slice(0, start) + insert + node.value.slice(end);
    tidy(node);
    return;
  }
  const level = place.level;
  const lines = insert.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const sectionLine = SECTION_LINE.exec(lines[0] ?? '');
  if (sectionLine) {
    // "Section 200303 … is amended to read as follows: “§ 200303. Availability of funds …”".
    if (level.kind !== 'section' || level.num?.value !== sectionLine[1]) refuse(`new text is for § ${sectionLine[1]}, the clause is ${describe(level)}`);
    replaceBody(edit, level, sectionLine[2]!, lines.slice(1), 'subsection');
    return;
  }
  const head = DESIGNATION.exec(insert);
  if (head) {
    if (head[1] !== level.num?.value) refuse(`new text starts with (${head[1]}), the clause is ${describe(level)}`);
    const [replacement] = readQuotedLevels(insert, level.kind, level.id.split('/').slice(0, -1).join('/'));
    if (!replacement) refuse('new text could not be read');
    for (const c of replacement.children) if (c.type === 'level') edit.stampAll(c);
    edit.record(level, { kind: 'replaced', struck: level.num?.text ?? '', inserted: insert.split('\n')[0]! });
    if (replacement.heading === undefined) delete level.heading;
    else level.heading = replacement.heading;
    level.children = replacement.children;
    for (const c of level.children) if (c.type === 'level') reid(c, `${level.id}/${c.num?.value ?? ''}`);
    return;
  }
  if (level.children.some((c) => c.type === 'level') || insert.includes('\n')) {
    refuse('new text without a designation for a clause with clauses');
  }
  edit.record(level, { kind: 'replaced', struck: level.children.filter(isText).map((t) => t.value).join(' '), inserted: insert });
  level.children = [{ type: 'text', value: insert }];
}

/** A section's heading and body replaced by new text: its lines below the heading line. */
function replaceBody(edit: Edit, level: Level, heading: string, lines: string[], kind: LevelKind): void {
  const struck = level.heading ?? '';
  if (heading.trim() === '') delete level.heading;
  // A compilation that prints its headings in capitals prints the new one so.
  else level.heading = isCapitals(struck) ? heading.trim().toUpperCase() : heading.trim();
  if (lines.length === 0) {
    level.children = [];
  } else if (DESIGNATION.test(lines[0]!)) {
    level.children = readQuotedLevels(lines.join('\n'), kind, level.id);
  } else if (lines.every((l) => !DESIGNATION.test(l))) {
    level.children = lines.map((value) => ({ type: 'text', value }));
  } else {
    // Undesignated text followed by levels: a chapeau, then the levels.
    const first = lines.findIndex((l) => DESIGNATION.test(l));
    level.children = [
      ...lines.slice(0, first).map((value): Content => ({ type: 'chapeau', value })),
      ...readQuotedLevels(lines.slice(first).join('\n'), kind, level.id),
    ];
  }
  for (const c of level.children) if (c.type === 'level') edit.stampAll(c);
  edit.record(level, { kind: 'replaced', struck, inserted: heading });
}

/**
 * A new section given as quoted text (`§ 710. Emergency relief authority` and its lines), as
 * "is amended by adding at the end the following" gives it to a chapter.
 */
export function sectionFromText(text: string, id: string): Level | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const head = SECTION_LINE.exec(lines[0] ?? '');
  if (!head) return undefined;
  const level: Level = { type: 'level', kind: 'section', num: { text: `§ ${head[1]}.`, value: head[1]! }, id, children: [] };
  try {
    replaceBody(new Edit(level, undefined), level, head[2]!, lines.slice(1), 'subsection');
    return level;
  } catch (error) {
    if (error instanceof Refusal) return undefined;
    throw error;
  }
}
