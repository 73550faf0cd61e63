import type { Content, Diagnostic, InstructionRecord, Level, Position, Root } from '../types.js';
import { findAmendments } from '../align/law.js';
import { executeInstruction, sectionFromText, type AmendChange } from './execute.js';
import { parseInstructions, standingLaw, type LawContext } from './instructions.js';
import { sectionText } from './section-text.js';
import type { Instruction, InstructionAction } from './types.js';

/** A bill whose instructions are applied: its clause tree and the name to cite it by. */
export interface BillInput {
  tree: Root;
  /** The bill's file or corpus id. */
  file: string;
}

/** One instruction of a bill that amends the statute given, what became of it, and the instruction as parsed. */
export interface AppliedInstruction extends InstructionRecord {
  action: InstructionAction;
  changes: AmendChange[];
  /** The parsed instruction. */
  instruction: Instruction;
}

/** An instruction of the bills that amends some other law, or whose target could not be read. */
export interface OtherInstruction {
  bill: string;
  citation: string;
  target: string;
  /** Set when the instruction could not be read at all. */
  reason?: string;
}

/** The statute as amended by the bills, and the account of every instruction. */
export interface Application {
  /** The statute before, as given. */
  law: Root;
  /** The statute as amended: clauses changed carry `amendedBy`, clauses kept carry `origin`. */
  amended: Root;
  /** The instructions that amend the statute given, in the order applied. */
  instructions: AppliedInstruction[];
  /** Instructions of the bills that amend other laws (not applied here). */
  elsewhere: OtherInstruction[];
  /** Instructions whose wording or target could not be read. */
  unread: OtherInstruction[];
  messages: Diagnostic[];
}

/**
 * Applies the amendatory instructions of each bill, bill by bill and in the order printed, to
 * a statute (one or more sections, or a title). Each instruction is matched to the statute's
 * sections by the section it names (a U.S. Code section, an Act's section, a section named
 * inside a chapter or title); instructions that amend other laws are listed, not applied.
 * An instruction that cannot be applied exactly is refused with a reason and changes nothing.
 *
 * Example (Pub. L. 116-9 on 54 U.S.C. 200304):
 *
 *     applyBills([{ tree: law, file: 'pl116-9.xml' }], section200304)
 *     // → { amended, instructions: [{ id: 'i1', citation: 'title III, sec. 3001(b)(1)',
 *     //       status: 'applied', changes: [{ kind: 'struck', … }] }, …], elsewhere: [...] }
 */
export function applyBills(bills: BillInput[], statute: Root, options: ApplyOptions = {}): Application {
  const read = new Map(bills.map((bill) => [bill, billInstructions(bill)] as const));
  const law = statuteSections(statute).length > 0 ? statute : asSection(statute, options.lawSection ?? soleNamed([...read.values()].flat()));
  const amended = structuredClone(law);
  stampOrigins(amended);
  const instructions: AppliedInstruction[] = [];
  const elsewhere: OtherInstruction[] = [];
  const unread: OtherInstruction[] = [];
  const messages: Diagnostic[] = [];
  // A California code the statute is: one whose sections the bills amend or repeal in it. A
  // section the bills add to that code is added to the statute (in the order of the numbers).
  const codes = new Set<string>();
  for (const bill of bills) {
    for (const { instruction } of read.get(bill)!) {
      if (instruction.target.code && !codes.has(instruction.target.code) && instruction.action !== 'add' && resolve(instruction, amended).kind === 'sections') codes.add(instruction.target.code);
    }
  }
  for (const bill of bills) {
    for (const found of read.get(bill)!) {
      const { instruction } = found;
      let targets = resolve(instruction, amended);
      if (targets.kind === 'elsewhere' && instruction.action === 'add' && instruction.target.code && codes.has(instruction.target.code) && found.replacement) {
        targets = { kind: 'newSection', number: instruction.target.section ?? '', ordered: true };
      }
      const base = { bill: bill.file, citation: found.citation, target: describeTarget(instruction) };
      if (targets.kind === 'elsewhere') {
        if (instruction.action === 'unknown' && !hasTarget(instruction)) unread.push({ ...base, reason: instruction.reason ?? 'not understood' });
        else elsewhere.push(base);
        continue;
      }
      const id = `i${instructions.length + 1}`;
      const entry: AppliedInstruction = {
        id,
        ...base,
        text: instruction.text,
        action: instruction.action,
        sections: [],
        status: 'refused',
        changes: [],
        ...(found.position ? { position: found.position } : {}),
        instruction,
      };
      instructions.push(entry);
      if (targets.kind === 'newSection' && targets.ordered && found.replacement) {
        addInOrder(entry, found.replacement, amended);
        continue;
      }
      if (targets.kind === 'refused' || (found.replacement !== undefined && targets.kind !== 'sections')) {
        entry.reason = targets.kind === 'refused' ? targets.reason : 'the section is not in the statute';
        continue;
      }
      // "Section 28 of the Act is repealed": the section goes from the statute.
      const wholeRepeal = instruction.action === 'repeal' && instruction.location.length === 0 && !instruction.units?.length;
      if (wholeRepeal && targets.kind === 'sections' && !targets.wide && found.replacement === undefined) {
        applyWholeSection(entry, targets.sections[0]!, null, amended);
        continue;
      }
      if (found.replacement !== undefined && targets.kind === 'sections') {
        applyWholeSection(entry, targets.sections[0]!, found.replacement, amended);
        continue;
      }
      if (targets.kind === 'newSection') {
        applyNewSection(entry, targets, amended);
        continue;
      }
      if (targets.kind === 'removeSections') {
        for (const level of targets.levels) removeSection(entry, level, amended);
        entry.status = 'applied';
        continue;
      }
      if (targets.kind === 'renumber') {
        for (const move of targets.moves) renumberSection(entry, findById(amended, move.level.id) ?? move.level, move.to);
        entry.status = 'applied';
        continue;
      }
      if (targets.note) entry.notes = [...(entry.notes ?? []), targets.note];
      runOn(entry, targets.sections, targets.wide, amended);
    }
  }
  return { law, amended, instructions, elsewhere, unread, messages };
}

// ---------------------------------------------------------------------------
// Finding the instructions in a bill

interface FoundInstruction {
  instruction: Instruction;
  citation: string;
  position?: Position;
  /**
   * California style ("Section 1050 of the Penal Code is amended to read:"): the section as the
   * bill gives it, already a clause tree; `undefined` for a repeal.
   */
  replacement?: Level | null;
}

/** Options for `applyBills`. */
export interface ApplyOptions {
  /**
   * The section number of a statute input that does not print its own (a California law-section
   * file holds only the section's content).
   */
  lawSection?: string;
}

/** Every amendatory instruction of a bill, section by section, with its citation in the bill. */
export function billInstructions(bill: BillInput): FoundInstruction[] {
  // California bills print the new section after "is amended to read:"; federal ones quote it.
  const amendments = bill.tree.data?.format === 'federal' ? [] : findAmendments(bill.tree).filter((a) => a.action.code !== undefined && /\bCode$/.test(a.action.code));
  if (amendments.length > 0) return californiaInstructions(bill, amendments);
  const found: FoundInstruction[] = [];
  const units: Array<{ level: Level; prefix: string[] }> = [];
  const walk = (node: Root | Level, prefix: string[]): void => {
    for (const c of node.children) {
      if (c.type !== 'level') continue;
      if (c.kind === 'section' || c.kind === 'billSection') units.push({ level: c, prefix });
      else walk(c, c.num ? [...prefix, unitName(c)] : prefix);
    }
  };
  walk(bill.tree, []);
  if (units.length === 0) {
    // An excerpt of a section (its subsection (c)): its top clauses are read as they are.
    for (const c of bill.tree.children) if (c.type === 'level') units.push({ level: c, prefix: [] });
  }
  // The law named last carries over from section to section; a title's amendment-references
  // clause names the law its bare "Section 5 is amended" means, within that title.
  const context: LawContext = {};
  let standing: { scope: string; law: Instruction['target'] } | undefined;
  for (const { level, prefix } of units) {
    const own = (level.kind === 'section' || level.kind === 'billSection') && level.num ? `sec. ${level.num.value}` : '';
    const text = typeset(sectionText(level));
    const scope = prefix.join(', ');
    if (standing && !(scope === standing.scope || scope.startsWith(`${standing.scope}, `))) standing = undefined;
    const named = standingLaw(text);
    if (named) standing = { scope, law: named };
    if (standing) context.standing = standing.law;
    else delete context.standing;
    for (const instruction of parseInstructions(text, context)) {
      if (instruction.action === 'unknown' && instruction.reason === 'no amendatory instruction found') continue;
      const citation = [...prefix, `${own}${instruction.citation}`].filter((p) => p !== '').join(', ');
      found.push({ instruction, citation, ...(level.position ? { position: level.position } : {}) });
    }
  }
  return found;
}

const CA_ACTIONS: Partial<Record<string, InstructionAction>> = { amend: 'amendToRead', add: 'add', repeal: 'repeal', amendRenumber: 'amendRenumber' };

/**
 * California bills print the whole new section after "is amended to read:", and the parser has
 * read it as clauses: each instruction carries that section as its replacement.
 */
function californiaInstructions(bill: BillInput, amendments: ReturnType<typeof findAmendments>): FoundInstruction[] {
  const found: FoundInstruction[] = [];
  const billSections = new Map<Content, Level>();
  const walk = (node: Root | Level): void => {
    for (const c of node.children) {
      if (c.type === 'action' && node.type === 'level') billSections.set(c, node);
      if (c.type === 'level') walk(c);
    }
  };
  walk(bill.tree);
  for (const { action, sections } of amendments) {
    const host = billSections.get(action);
    const citation = host?.num ? `sec. ${host.num.value}` : '';
    const kind = CA_ACTIONS[action.action] ?? 'unknown';
    // The sections the bill prints after the instruction are the ones it amends or adds ("Article
    // 4.5 (commencing with Section 44500) is added …" names one and prints eight).
    const printed = sections.map((s) => s.num?.value).filter((v): v is string => v !== undefined && /^\d/.test(v));
    const numbers =
      action.action === 'amendRenumber' ? action.sections.slice(0, 1) : action.action === 'add' && printed.length > 0 ? printed.filter((v) => !isArticleNumber(v, sections)) : action.sections;
    for (const number of numbers) {
      const given = sections.find((s) => s.num?.value === number) ?? (sections.length === 1 ? sections[0] : undefined);
      const instruction: Instruction = {
        citation,
        text: action.value,
        target: { section: number, ...(action.code ? { code: action.code } : {}) },
        location: [],
        action: kind,
        ...(kind === 'unknown' ? { reason: `"${action.value}" is not an instruction billdiff executes` } : {}),
      };
      const replacement = kind === 'repeal' ? null : given;
      found.push({ instruction, citation, ...(action.position ? { position: action.position } : {}), ...(replacement !== undefined ? { replacement } : {}) });
    }
  }
  return found;
}

/** The printed number of a unit the clause parser read as a section but that heads an article (`4.5` in "Article 4.5"). */
function isArticleNumber(value: string, sections: Level[]): boolean {
  const level = sections.find((s) => s.num?.value === value);
  return !!level && !level.children.some((c) => c.type !== 'level' && c.value.trim() !== '') && !level.children.some((c) => c.type === 'level');
}

/**
 * The one section the bills amend, when they amend one: a statute given as the bare text of a
 * section (no section number of its own) is taken to be that section.
 */
function soleNamed(found: FoundInstruction[]): string | undefined {
  const numbers = new Set<string>();
  for (const { instruction } of found) {
    const t = instruction.target;
    const number = t.usc?.section ?? t.section;
    if (number && instruction.action !== 'unknown') numbers.add(sectionNumber(number));
  }
  return numbers.size === 1 ? [...numbers][0] : undefined;
}

/** A statute input holding one section's content (no section level) as that section. */
function asSection(statute: Root, number: string | undefined): Root {
  if (!number || statuteSections(statute).length > 0) return statute;
  const section: Level = { type: 'level', kind: 'section', num: { text: `${number}.`, value: number }, id: `s${number}`, children: statute.children };
  if (statute.position) section.position = statute.position;
  return { ...statute, children: [section] };
}

/** A California section amended to read, repealed, or amended and renumbered. */
function applyWholeSection(entry: AppliedInstruction, section: Level, replacement: Level | null, root: Root): void {
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
function removeSection(entry: AppliedInstruction, level: Level, root: Root): boolean {
  const current = findById(root, level.id) ?? level;
  const parent = parentOf(root, current);
  if (!parent) return false;
  parent.children.splice(parent.children.indexOf(current), 1);
  entry.changes.push({ kind: 'struck', clause: current.id, ...(current.origin ? { origin: current.origin } : {}), struck: current.num?.text ?? '' });
  entry.sections.push(current.num?.value ?? '');
  return true;
}

/** "by redesignating section 209 as section 210": its number, id and Code identifier follow. */
function renumberSection(entry: AppliedInstruction, level: Level, to: string): void {
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
function addInOrder(entry: AppliedInstruction, given: Level, root: Root): void {
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

function parentOf(node: Root | Level, target: Level): Root | Level | undefined {
  if (node.children.includes(target)) return node;
  for (const c of node.children) {
    if (c.type === 'level' && c.kind !== 'section') {
      const found = parentOf(c, target);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * GPO's plain-text bills print quotation marks as ``…'' and dashes as --: read as the printed
 * “…” and —, which is what the instruction parser reads.
 */
function typeset(text: string): string {
  return text.replace(/``/g, '“').replace(/''/g, '”').replace(/(?<!-)--(?!-)/g, '—');
}

/** `div. P`, `title XI`, `subtitle B`. */
function unitName(level: Level): string {
  const names: Partial<Record<Level['kind'], string>> = { division: 'div.', subdivision: 'subdiv.', title: 'title', subtitle: 'subtitle', part: 'part', subpart: 'subpart', chapter: 'ch.', subchapter: 'subch.' };
  return `${names[level.kind] ?? level.kind} ${level.num?.value ?? ''}`.trim();
}

function hasTarget(instruction: Instruction): boolean {
  const t = instruction.target;
  return Boolean(t.usc || t.section || t.title || t.chapter || t.act || t.code);
}

/** What an instruction amends, as the bill names it: `54 U.S.C. 200304`, `Penal Code § 1050`. */
export function describeTarget(instruction: Instruction): string {
  const t = instruction.target;
  if (t.usc) return `${t.usc.title} U.S.C. ${t.usc.section}`;
  if (t.section && t.code) return `${t.code} § ${t.section}`;
  if (t.section && t.act) return `${t.act}, sec. ${t.section}`;
  if (t.chapter) return `chapter ${t.chapter}${t.title ? ` of title ${t.title}` : ''}`;
  if (t.title) return `title ${t.title}`;
  if (t.act) return t.act;
  return 'not named';
}

// ---------------------------------------------------------------------------
// Matching an instruction to the statute's sections

type Resolution =
  | { kind: 'sections'; sections: Level[]; wide: boolean; note?: string }
  | { kind: 'newSection'; number: string; placeholder?: Level; chapter?: Level | Root; beside?: { level: Level; after: boolean }; ordered?: boolean }
  | { kind: 'renumber'; moves: Array<{ level: Level; to: string }> }
  | { kind: 'removeSections'; levels: Level[] }
  | { kind: 'refused'; reason: string }
  | { kind: 'elsewhere' };

/** A statute section with what the statute says about where it is. */
interface StatuteSection {
  level: Level;
  /** The heading of the chapter it is in (from the title file, or as the section's source says). */
  chapterHeading?: string;
  title?: string;
  chapter?: string;
}

function statuteSections(root: Root): StatuteSection[] {
  const out: StatuteSection[] = [];
  const walk = (node: Root | Level, chapter: Level | undefined): void => {
    for (const c of node.children) {
      if (c.type !== 'level') continue;
      if (c.kind === 'section') {
        const title = /\/us\/usc\/t(\w+)\//.exec(c.xmlId ?? '')?.[1];
        const number = chapter?.num?.value;
        const heading = c.chapterHeading ?? chapter?.heading;
        out.push({ level: c, ...(title ? { title } : {}), ...(number ? { chapter: number } : {}), ...(heading ? { chapterHeading: heading } : {}) });
      } else {
        walk(c, c.kind === 'chapter' ? c : chapter);
      }
    }
  };
  walk(root, undefined);
  return out;
}

/** `1111(a)` → `1111`; dashes folded so `136a–2` matches `136a-2`. */
function sectionNumber(value: string): string {
  return value.replace(/\(.*$/, '').replace(/[–—]/g, '-').trim();
}

function resolve(instruction: Instruction, root: Root): Resolution {
  const t = instruction.target;
  const sections = statuteSections(root);
  // A statute any of whose sections is identified as other than the Code's (a compilation of an
  // Act, a public law) numbers all its sections as that law does.
  const compilation = sections.some((s) => s.level.xmlId?.startsWith('/us/') && !s.level.xmlId.startsWith('/us/usc/'));
  const sameTitle = (s: StatuteSection, title: string | undefined): boolean => !title || !s.title || s.title === title;
  let number: string | undefined;
  let title: string | undefined;
  // An Act's own section number means nothing in another statute: it is matched only in a
  // compilation of that Act, or through the Code's classification (below).
  const actOnly = Boolean(t.act && t.section && !t.usc && !isTheAct(root, t.act));
  if (t.usc) {
    number = sectionNumber(t.usc.section);
    title = t.usc.title;
  } else if (t.section && !actOnly) {
    number = sectionNumber(t.section);
  }
  const inLocation = /^section \(?([^()\s]+)\)?$/.exec(instruction.location[0] ?? '');
  if (!number && inLocation && !actOnly) number = sectionNumber(inLocation[1]!);
  title ??= t.title;
  if (number || actOnly) {
    // A Code citation is a Code section (or a section of a statute that does not say what it is);
    // a compilation's sections are numbered as its Act numbers them.
    const numbering = (level: Level): 'code' | 'other' | 'unknown' =>
      compilation ? 'other' : !level.xmlId || !level.xmlId.startsWith('/us/') ? 'unknown' : level.xmlId.startsWith('/us/usc/') ? 'code' : 'other';
    const named = Boolean(t.usc || t.code || t.act || t.title || t.chapter);
    const fits = (level: Level): boolean => {
      const kind = numbering(level);
      if (t.usc) return kind !== 'other';
      if (!named) return kind === 'unknown';
      return true;
    };
    let matched = number ? sections.filter((s) => sectionNumber(s.level.num?.value ?? '') === number && sameTitle(s, title) && fits(s.level)) : [];
    // A statute that is the Act itself (a compilation of it) numbers its sections as the Act does.
    if (matched.length === 0 && t.act && t.section && isTheAct(root, t.act)) {
      const own = sectionNumber(t.section);
      matched = sections.filter((s) => sectionNumber(s.level.num?.value ?? '') === own);
    }
    let note: string | undefined;
    if (matched.length === 0 && t.act && t.section && !t.usc) {
      // An Act's section the bill cites without its Code section: the Code's own classification
      // (its chapter named for the Act, the section's source credit naming the Act's section).
      const classified = sections.filter((s) => enactedAs(s, t.act!, sectionNumber(t.section!)));
      if (classified.length === 1) {
        matched = classified;
        const level = classified[0]!.level;
        note = `${t.act}, sec. ${sectionNumber(t.section)}, is § ${level.num?.value ?? ''} of the Code: its chapter is “${classified[0]!.chapterHeading}” and its source credit names § ${sectionNumber(t.section)}`;
      }
    }
    if (matched.length === 0) return { kind: 'elsewhere' };
    if (matched.length > 1) return { kind: 'refused', reason: `the statute holds § ${number ?? ''} more than once` };
    if (isTableEdit(instruction)) return { kind: 'refused', reason: 'edits to a table of sections or contents are not executed' };
    return { kind: 'sections', sections: [matched[0]!.level], wide: false, ...(note ? { note } : {}) };
  }
  // Only part of a chapter, title or Act (its subchapter I, its part F): where that part ends, or
  // which of its sections it holds, is not known here.
  if (t.within && (instruction.action === 'addAtEnd' || (instruction.occurrence === 'each' && !t.usc))) {
    const here = Boolean((t.act && isTheAct(root, t.act)) || (t.chapter && findChapter(root, t.chapter)));
    return here ? { kind: 'refused', reason: `the instruction amends ${t.within} only, which the statute does not mark out` } : { kind: 'elsewhere' };
  }
  // An instruction not read that names no section cannot be placed in the statute.
  if (instruction.action === 'unknown' && !t.usc && !t.section && !/^section /.test(instruction.location[0] ?? '')) return { kind: 'elsewhere' };
  const theAct = Boolean(t.act && !t.section && isTheAct(root, t.act));
  const wholeLaw = Boolean(t.chapter || t.title || theAct);
  // A chapter or title of the Code is not in a compilation of an Act, and the reverse.
  const inCode = (level: Level) => !compilation && (!level.xmlId?.startsWith('/us/') || level.xmlId.startsWith('/us/usc/'));
  const lawSections = sections.filter((s) => (theAct ? true : inCode(s.level)) && sameTitle(s, t.title));
  if (wholeLaw && instruction.location.length === 0) {
    const placed = sectionUnits(instruction, root, lawSections);
    if (placed) return placed;
  }
  if (t.chapter || t.title) {
    // A chapter or title as a whole: "Chapter 3084 of title 54 is amended by striking … each place it appears".
    const inTitle = lawSections;
    const known = inTitle.filter((s) => s.chapter !== undefined);
    // Sections cut from their title do not say their chapter: in titles numbered by chapter
    // (54 U.S.C. 308402 is in chapter 3084) the number tells; otherwise the sections given are taken.
    const byNumber = (s: StatuteSection) => {
      const n = s.level.num?.value ?? '';
      return !(/^\d{6}$/.test(n) && /^\d{4}$/.test(t.chapter ?? '')) || n.startsWith(t.chapter!);
    };
    const scope = t.chapter ? (known.length > 0 ? inTitle.filter((s) => s.chapter === t.chapter) : inTitle.filter(byNumber)) : inTitle;
    const numbered = scope.every((s) => /^\d{6}$/.test(s.level.num?.value ?? '')) && /^\d{4}$/.test(t.chapter ?? '');
    const given = scope.length === 1 ? `§ ${scope[0]!.level.num?.value ?? ''}` : `the ${scope.length} sections given`;
    const chapterNote =
      t.chapter && known.length === 0 && scope.length > 0
        ? numbered
          ? `${given} ${scope.length === 1 ? 'is' : 'are'} in chapter ${t.chapter} by ${scope.length === 1 ? 'its number' : 'their numbers'}; other sections of the chapter were not given`
          : `the statute does not say which chapter its sections are in: ${given} ${scope.length === 1 ? 'is' : 'are'} taken to be in chapter ${t.chapter}`
        : undefined;
    const added = instruction.action === 'addAtEnd' ? NEW_SECTION.exec(instruction.insert ?? '') : null;
    if (added && instruction.location.length === 0) {
      const n = sectionNumber(added[1]!);
      const existing = sections.find((s) => sectionNumber(s.level.num?.value ?? '') === n && sameTitle(s, t.title));
      const chapter = t.chapter ? findChapter(root, t.chapter) : undefined;
      if (!existing && !chapter) return { kind: 'elsewhere' };
      if (existing && !isPlaceholder(existing.level)) return { kind: 'refused', reason: `§ ${n} is already in the statute` };
      return { kind: 'newSection', number: n, ...(existing ? { placeholder: existing.level } : {}), ...(chapter ? { chapter } : {}) };
    }
    if (scope.length === 0) return { kind: 'elsewhere' };
    if (isTableEdit(instruction)) return { kind: 'elsewhere' };
    if (instruction.location.length > 0) return { kind: 'refused', reason: `the instruction names ${instruction.location.join(', ')} of a ${t.chapter ? 'chapter' : 'title'} without a section` };
    return { kind: 'sections', sections: scope.map((s) => s.level), wide: true, ...(chapterNote ? { note: chapterNote } : {}) };
  }
  return { kind: 'elsewhere' };
}

/** The first line of a new section: `§ 710. Emergency relief authority`, `SEC. 206. TREATMENT OF FUNDS.` */
const NEW_SECTION = /^(?:§|SEC(?:TION)?\.?|Sec\.)\s*([0-9][\w.\-–]*)\./;

/**
 * Instructions about whole sections of a law given whole (an Act's compilation, a chapter or
 * title): "by inserting after section 205 the following: “SEC. 206. …”", "by redesignating
 * section 209 as section 210". Undefined when the instruction is not one of these.
 */
function sectionUnits(instruction: Instruction, root: Root, sections: StatuteSection[]): Resolution | undefined {
  const find = (n: string) => sections.find((s) => sectionNumber(s.level.num?.value ?? '') === sectionNumber(n));
  if ((instruction.action === 'insertAfter' || instruction.action === 'insertBefore') && instruction.anchorKind === 'unit') {
    const anchor = /^section (\S+)$/.exec(instruction.anchor ?? '');
    const added = NEW_SECTION.exec(instruction.insert ?? '');
    if (!anchor || !added) return undefined;
    const beside = find(anchor[1]!);
    if (!beside) return sections.length > 0 ? { kind: 'refused', reason: `§ ${anchor[1]} is not in the statute` } : { kind: 'elsewhere' };
    if (find(added[1]!)) return { kind: 'refused', reason: `§ ${added[1]} is already in the statute` };
    return { kind: 'newSection', number: sectionNumber(added[1]!), beside: { level: beside.level, after: instruction.action === 'insertAfter' } };
  }
  if ((instruction.action === 'strike' || instruction.action === 'repeal') && instruction.units?.length && instruction.units.every((u) => /^section \S+$/.test(u))) {
    // "is amended by striking section 28", "by repealing sections 5 and 6".
    const levels: Level[] = [];
    for (const unit of instruction.units) {
      const found = find(unit.slice(8));
      if (!found) return sections.length > 0 ? { kind: 'refused', reason: `${unit} is not in the statute` } : { kind: 'elsewhere' };
      levels.push(found.level);
    }
    return { kind: 'removeSections', levels };
  }
  if (instruction.action === 'redesignate' && instruction.redesignate?.every((r) => /^section \S+$/.test(r.from) && /^section \S+$/.test(r.to))) {
    const moves: Array<{ level: Level; to: string }> = [];
    for (const r of instruction.redesignate) {
      const from = find(r.from.slice(8));
      if (!from) return { kind: 'refused', reason: `${r.from} is not in the statute` };
      moves.push({ level: from.level, to: r.to.slice(8) });
    }
    const moving = new Set(moves.map((m) => m.level));
    const clash = moves.find((m) => sections.some((s) => !moving.has(s.level) && sectionNumber(s.level.num?.value ?? '') === sectionNumber(m.to)));
    if (clash) return { kind: 'refused', reason: `§ ${clash.to} is already in the statute` };
    return { kind: 'renumber', moves };
  }
  return undefined;
}

/**
 * Whether a U.S. Code section was enacted as `section` of `act`, by the Code's own account: its
 * chapter is named for the Act (`RAILROAD UNEMPLOYMENT INSURANCE` for the Railroad Unemployment
 * Insurance Act) and its source credit opens with the Act's section (`(June 25, 1938, ch. 680, §2, …`),
 * not with a later law that added it.
 */
function enactedAs({ level, chapterHeading }: StatuteSection, act: string, section: string): boolean {
  if (!chapterHeading || !level.sourceCredit) return false;
  const name = (text: string) =>
    text
      .toLowerCase()
      .replace(/\bof\s+\d{4}\b/g, '')
      .replace(/\bact\b/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  if (name(chapterHeading) === '' || name(chapterHeading) !== name(act)) return false;
  const enacting = level.sourceCredit.replace(/^\(/, '').split(';')[0]!;
  if (/^\s*(?:Added|As added)\b/i.test(enacting)) return false;
  const cited = /§\s*([0-9][\w.-]*)/.exec(enacting)?.[1];
  return cited !== undefined && cited === section;
}

/** Whether the statute is the Act named (a compilation titled with its name). */
function isTheAct(root: Root, act: string): boolean {
  const title = root.data?.title;
  if (!title) return false;
  const name = (text: string) => text.replace(/^the\s+/i, '').replace(/[\s,]+/g, ' ').trim().toLowerCase();
  return name(title) === name(act);
}

function isTableEdit(instruction: Instruction): boolean {
  return instruction.location.some((step) => /^table of (sections|contents|chapters)|^item relating to/.test(step));
}

/** `[§ 710. Repealed. Pub. L. 106–379 …]`: a section kept only as a note that it is gone. */
function isPlaceholder(level: Level): boolean {
  return /^\[?\s*(Repealed|Omitted|Transferred|Renumbered)\b/.test(level.heading?.trim() ?? '') && !level.children.some((c) => c.type === 'level');
}

function findChapter(node: Root | Level, chapter: string): Level | undefined {
  for (const c of node.children) {
    if (c.type !== 'level') continue;
    if (c.kind === 'chapter' && c.num?.value === chapter) return c;
    if (c.kind !== 'section') {
      const found = findChapter(c, chapter);
      if (found) return found;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Running one instruction

function runOn(entry: AppliedInstruction, sections: Level[], wide: boolean, root: Root): void {
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

function applyNewSection(entry: AppliedInstruction, target: Extract<Resolution, { kind: 'newSection' }>, root: Root): void {
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

function stampOrigins(node: Root | Level): void {
  for (const c of node.children) {
    if (c.type !== 'level') continue;
    c.origin = c.id;
    stampOrigins(c);
  }
}

function findById(node: Root | Level, id: string): Level | undefined {
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

function replace(node: Root | Level, old: Level, next: Level): boolean {
  const children: Content[] = node.children;
  const index = children.indexOf(old);
  if (index >= 0) {
    children[index] = next;
    return true;
  }
  for (const c of children) if (c.type === 'level' && c.kind !== 'section' && replace(c, old, next)) return true;
  return false;
}
