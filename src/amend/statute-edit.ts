import type { Content, Level, Root } from '../types.js';
import type { AppliedInstruction } from './apply.js';
import type { FoundInstruction } from './bill-instructions.js';
import { executeInstruction, sectionFromText, type AmendChange } from './execute.js';
import { sectionNumber, statuteSections, type Resolution } from './resolve.js';
import type { Instruction } from './types.js';

/**
 * Changes to the statute as a whole: an instruction run on the sections it names (all or none),
 * a section replaced, added, removed or renumbered, and the bookkeeping of ids and origins.
 */

/**
 * The one section the bills amend, when they amend one: a statute given as the bare text of a
 * section (no section number of its own) is taken to be that section.
 */
export function soleNamed(found: FoundInstruction[]): string | undefined {
  const numbers = new Set<string>();
  for (const { instruction } of found) {
    const t = instruction.target;
    const number = t.usc?.section ?? t.section;
    if (number && instruction.action !== 'unknown') numbers.add(sectionNumber(number));
  }
  return numbers.size === 1 ? [...numbers][0] : undefined;
}

/** A statute input holding one section's content (no section level) as that section. */
export function asSection(statute: Root, number: string | undefined): Root {
  if (!number || statuteSections(statute).length > 0) return statute;
  const section: Level = { type: 'level', kind: 'section', num: { text: `${number}.`, value: number }, id: `s${number}`, children: statute.children };
  if (statute.position) section.position = statute.position;
  return { ...statute, children: [section] };
}

/** A California section amended to read, repealed, or amended and renumbered. */
export function applyWholeSection(entry: AppliedInstruction, section: Level, replacement: Level | null, root: Root): void {
  const current = findById(root, section.id) ?? section;
  if (replacement === null) {
    if (removeSection(entry, current, root)) entry.status = 'applied';
    return;
  }
  const next = adopt(replacement, current.id, entry.id);
  if (current.origin) next.origin = current.origin;
  if (entry.action === 'amendRenumber' && next.num) next.id = `s${next.num.value}`;
  replace(root, current, next);
  entry.changes.push({ kind: 'replaced', clause: next.id, struck: current.num?.text ?? '', inserted: next.num?.text ?? '' });
  entry.sections.push(section.num?.value ?? '');
  entry.status = 'applied';
}

/**
 * A section the bill prints, taken into the statute: a copy with ids under `id`, marked as the
 * instruction's (`amendedBy`), without positions (they point into the bill, not the statute).
 */
function adopt(given: Level, id: string, mark: string): Level {
  const level: Level = structuredClone(given);
  const rebase = (node: Level, nodeId: string): void => {
    node.id = nodeId;
    node.amendedBy = [mark];
    delete node.position;
    for (const c of node.children) {
      if (c.type === 'level') rebase(c, `${nodeId}/${c.num?.value ?? ''}`);
      else delete c.position;
    }
  };
  rebase(level, id);
  return level;
}

/** "by striking section 28", "Section 28 is repealed": the section goes from the statute. */
export function removeSection(entry: AppliedInstruction, level: Level, root: Root): boolean {
  const current = findById(root, level.id) ?? level;
  const parent = parentOf(root, current);
  if (!parent) return false;
  parent.children.splice(parent.children.indexOf(current), 1);
  entry.changes.push({ kind: 'struck', clause: current.id, ...(current.origin ? { origin: current.origin } : {}), struck: current.num?.text ?? '' });
  entry.sections.push(current.num?.value ?? '');
  return true;
}

/** "by redesignating section 209 as section 210": its number, id and Code identifier follow. */
export function renumberSection(entry: AppliedInstruction, level: Level, to: string): void {
  const from = level.num?.text ?? '';
  if (level.num) level.num = { text: level.num.text.replace(level.num.value, to), value: to };
  // Its id follows its new number, so that a new section may take the old one.
  const oldId = level.id;
  const newId = oldId.replace(/[^/]*$/, `s${to}`);
  const reid = (node: Level): void => {
    node.id = newId + node.id.slice(oldId.length);
    for (const c of node.children) if (c.type === 'level') reid(c);
  };
  reid(level);
  if (level.xmlId) level.xmlId = level.xmlId.replace(/\/s[^/]*$/, `/s${to}`);
  level.amendedBy = [...(level.amendedBy ?? []), entry.id];
  entry.changes.push({ kind: 'redesignated', clause: level.id, struck: from, inserted: level.num?.text ?? '' });
  entry.sections.push(to);
}

/** A California section added to the code given: placed among its sections by number. */
export function addInOrder(entry: AppliedInstruction, given: Level, root: Root): void {
  const number = given.num?.value ?? '';
  const section = adopt(given, `s${number}`, entry.id);
  const after = statuteSections(root).find((s) => Number.parseFloat(s.level.num?.value ?? '') > Number.parseFloat(number))?.level;
  const parent = (after && parentOf(root, after)) ?? root;
  if (after) parent.children.splice(parent.children.indexOf(after), 0, section);
  else root.children.push(section);
  entry.changes.push({ kind: 'inserted', clause: section.id, inserted: section.num?.text ?? '' });
  entry.sections.push(number);
  entry.status = 'applied';
}

export function parentOf(node: Root | Level, target: Level): Root | Level | undefined {
  if (node.children.includes(target)) return node;
  for (const c of node.children) {
    if (c.type === 'level' && c.kind !== 'section') {
      const found = parentOf(c, target);
      if (found) return found;
    }
  }
  return undefined;
}

export function runOn(entry: AppliedInstruction, sections: Level[], wide: boolean, root: Root): void {
  const instruction = entry.instruction;
  const refusals: string[] = [];
  const done: Array<{ current: Level; next: Level; changes: AmendChange[] }> = [];
  let notFound = 0;
  for (const section of sections) {
    const current = findById(root, section.id) ?? section;
    const styled = codeStyle(instruction, current);
    if (styled.note && !entry.notes?.includes(styled.note)) entry.notes = [...(entry.notes ?? []), styled.note];
    const { section: next, result } = executeInstruction(styled.instruction, current, entry.id);
    if (result.status === 'refused') {
      // Across a whole chapter, "each place it appears" need not appear in every section.
      if (wide && /not found in/.test(result.reason ?? '')) notFound++;
      else refusals.push(sections.length > 1 ? `§ ${section.num?.value ?? ''}: ${result.reason}` : result.reason ?? 'refused');
      continue;
    }
    done.push({ current, next, changes: result.changes });
    for (const note of result.notes ?? []) if (!entry.notes?.includes(note)) entry.notes = [...(entry.notes ?? []), note];
  }
  if (refusals.length > 0 || done.length === 0) {
    // Nothing is half done: an instruction refused in one section changes none.
    entry.reason = refusals.length > 0 ? refusals.join('; ') : `the text to change was not found in ${notFound === 1 ? 'the section' : `any of the ${notFound} sections`} given`;
    return;
  }
  for (const { current, next, changes } of done) {
    replace(root, current, next);
    entry.sections.push(next.num?.value ?? '');
    entry.changes.push(...changes);
  }
  entry.status = 'applied';
}

/**
 * Titles of the U.S. Code enacted as positive law (1 U.S.C. 204 note; uscode.house.gov): their
 * text is the law as enacted. The other titles are the Law Revision Counsel's compilation of Acts,
 * and in them it prints a reference to "title 54, United States Code" as "title 54".
 */
const POSITIVE_LAW_TITLES = new Set([
  '1', '3', '4', '5', '9', '10', '11', '13', '14', '17', '18', '23', '28', '31', '32', '35', '36', '37', '38', '39', '40', '41', '44', '46', '49', '51', '52', '54',
]);

/** The instruction as it is printed in a non-positive-law title of the U.S. Code. */
function codeStyle(instruction: Instruction, section: Level): { instruction: Instruction; note?: string } {
  const title = /^\/us\/usc\/t(\w+)\//.exec(section.xmlId ?? '')?.[1];
  const insert = instruction.insert;
  if (!title || POSITIVE_LAW_TITLES.has(title) || insert === undefined) return { instruction };
  const styled = insert.replace(/\b(title \d+[A-Z]?), United States Code\b/g, '$1');
  if (styled === insert) return { instruction };
  return {
    instruction: { ...instruction, insert: styled },
    note: `“title N, United States Code” is printed “title N”, as the Code prints references in title ${title}, which is not positive law`,
  };
}

export function applyNewSection(entry: AppliedInstruction, target: Extract<Resolution, { kind: 'newSection' }>, root: Root): void {
  const section = sectionFromText(entry.instruction.insert ?? '', target.placeholder?.id ?? `s${target.number}`);
  if (section?.num && /^SEC/i.test(entry.instruction.insert ?? '')) section.num.text = `SEC. ${section.num.value}.`;
  if (!section) {
    entry.reason = 'the new section could not be read';
    return;
  }
  const stamp = (level: Level): void => {
    level.amendedBy = [entry.id];
    for (const c of level.children) if (c.type === 'level') stamp(c);
  };
  stamp(section);
  if (target.placeholder) {
    if (target.placeholder.xmlId) section.xmlId = target.placeholder.xmlId;
    replace(root, target.placeholder, section);
    entry.changes.push({ kind: 'replaced', clause: section.id, struck: target.placeholder.heading ?? '', inserted: `${section.num?.text ?? ''} ${section.heading ?? ''}`.trim() });
  } else if (target.beside) {
    // Among sections whose headings are printed in capitals, the new one's is too.
    const neighbour = target.beside.level.heading ?? '';
    if (section.heading && /\p{L}{3}/u.test(neighbour) && neighbour === neighbour.toUpperCase()) section.heading = section.heading.toUpperCase();
    const parent = parentOf(root, target.beside.level) ?? root;
    const at = parent.children.indexOf(target.beside.level);
    parent.children.splice(target.beside.after ? at + 1 : at, 0, section);
    entry.changes.push({ kind: 'inserted', clause: section.id, inserted: `${section.num?.text ?? ''} ${section.heading ?? ''}`.trim() });
  } else {
    const chapter = target.chapter ?? root;
    chapter.children.push(section);
    entry.changes.push({ kind: 'inserted', clause: section.id, inserted: `${section.num?.text ?? ''} ${section.heading ?? ''}`.trim() });
  }
  entry.sections.push(target.number);
  entry.status = 'applied';
}

export function stampOrigins(node: Root | Level): void {
  for (const c of node.children) {
    if (c.type !== 'level') continue;
    c.origin = c.id;
    stampOrigins(c);
  }
}

export function findById(node: Root | Level, id: string): Level | undefined {
  for (const c of node.children) {
    if (c.type !== 'level') continue;
    if (c.id === id && c.kind === 'section') return c;
    if (c.kind !== 'section') {
      const found = findById(c, id);
      if (found) return found;
    }
  }
  return undefined;
}

export function replace(node: Root | Level, old: Level, next: Level): boolean {
  const children: Content[] = node.children;
  const index = children.indexOf(old);
  if (index >= 0) {
    children[index] = next;
    return true;
  }
  for (const c of children) if (c.type === 'level' && c.kind !== 'section' && replace(c, old, next)) return true;
  return false;
}
