import type { Content, Level, Position, Root } from '../types.js';
import { findAmendments, type Amendment } from './california.js';
import { parseInstructions, standingLaw, type LawContext, type Prose } from './instructions.js';
import { sectionText } from './section-text.js';
import type { Instruction, InstructionAction } from './types.js';
import { typeset } from './words.js';

/**
 * Finding a bill's amendatory instructions: federal ones read from each bill section's words,
 * California ones from each instruction line and the section printed after it.
 */

/** A bill whose instructions are applied: its level tree and the name to cite it by. */
export interface BillInput {
  tree: Root;
  /** The bill's file or corpus id. */
  file: string;
}

/** An instruction as found in a bill: read, with its citation and place in the bill. */
export interface FoundInstruction {
  instruction: Instruction;
  citation: string;
  position?: Position;
  /**
   * California style ("Section 1050 of the Penal Code is amended to read:"): the section as the
   * bill gives it, already a level tree; `undefined` for a repeal.
   */
  replacement?: Level | null;
}

/** Every amendatory instruction of a bill, section by section, with its citation in the bill. */
export function billInstructions(bill: BillInput): FoundInstruction[] {
  return readBill(bill).instructions;
}

/** Words of a bill that are no instruction, with their citation in the bill. */
export interface FoundProse extends Prose {
  position?: Position;
}

/**
 * A bill's amendatory instructions, section by section, and apart from them the words that read as
 * no instruction at all (findings, definitions, appropriations, directions to officers).
 */
export function readBill(bill: BillInput): { instructions: FoundInstruction[]; prose: FoundProse[] } {
  // California bills print the new section after "is amended to read:"; federal ones quote it.
  const amendments = bill.tree.data?.format === 'federal' ? [] : findAmendments(bill.tree).filter((a) => a.action.code !== undefined && /\bCode$/.test(a.action.code));
  if (amendments.length > 0) return { instructions: californiaInstructions(bill, amendments), prose: [] };
  const found: FoundInstruction[] = [];
  const prose: FoundProse[] = [];
  const units: Array<{ level: Level; prefix: string[] }> = [];
  const walk = (node: Root | Level, prefix: string[]): void => {
    for (const c of node.children) {
      if (c.type !== 'level') continue;
      if (c.kind === 'section' || c.kind === 'billSection') units.push({ level: c, prefix });
      else walk(c, c.num ? [...prefix, levelName(c)] : prefix);
    }
  };
  walk(bill.tree, []);
  if (units.length === 0) {
    // An excerpt of a section (its subsection (c)): its top levels are read as they are.
    for (const c of bill.tree.children) if (c.type === 'level') units.push({ level: c, prefix: [] });
  }
  // The law named last carries over from section to section; a title's amendment-references
  // clause names the law its bare "Section 5 is amended" means, within that title.
  const context: LawContext = {};
  let standing: { scope: string; law: Instruction['target'] } | undefined;
  for (const { level, prefix } of units) {
    const own = (level.kind === 'section' || level.kind === 'billSection') && level.num ? `sec. ${level.num.value}` : '';
    const text = typeset(sectionText(level, { depths: true }));
    const scope = prefix.join(', ');
    if (standing && !(scope === standing.scope || scope.startsWith(`${standing.scope}, `))) standing = undefined;
    const named = standingLaw(text);
    if (named) standing = { scope, law: named };
    if (standing) context.standing = standing.law;
    else delete context.standing;
    const cite = (citation: string) => [...prefix, `${own}${citation}`].filter((p) => p !== '').join(', ');
    const words: Prose[] = [];
    for (const instruction of parseInstructions(text, context, words)) {
      found.push({ instruction, citation: cite(instruction.citation), ...(level.position ? { position: level.position } : {}) });
    }
    for (const item of words) prose.push({ ...item, citation: cite(item.citation), ...(level.position ? { position: level.position } : {}) });
  }
  return { instructions: found, prose };
}

const CA_ACTIONS: Partial<Record<string, InstructionAction>> = { amend: 'amendToRead', add: 'add', repeal: 'repeal', amendRenumber: 'amendRenumber' };

/**
 * California bills print the whole new section after "is amended to read:", and the parser has
 * read it as levels: each instruction carries that section as its replacement.
 */
function californiaInstructions(bill: BillInput, amendments: Amendment[]): FoundInstruction[] {
  const found: FoundInstruction[] = [];
  const billSections = new Map<Content, Level>();
  const walk = (node: Root | Level): void => {
    for (const c of node.children) {
      if (c.type === 'action' && node.type === 'level') billSections.set(c, node);
      if (c.type === 'level') walk(c);
    }
  };
  walk(bill.tree);
  for (const { node, action, sections } of amendments) {
    const host = billSections.get(node);
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

/** The printed number of a level the level parser read as a section but that heads an article (`4.5` in "Article 4.5"). */
function isArticleNumber(value: string, sections: Level[]): boolean {
  const level = sections.find((s) => s.num?.value === value);
  return !!level && !level.children.some((c) => c.type !== 'level' && c.value.trim() !== '') && !level.children.some((c) => c.type === 'level');
}

/** `div. P`, `title XI`, `subtitle B`. */
function levelName(level: Level): string {
  const names: Partial<Record<Level['kind'], string>> = { division: 'div.', subdivision: 'subdiv.', title: 'title', subtitle: 'subtitle', part: 'part', subpart: 'subpart', chapter: 'ch.', subchapter: 'subch.' };
  return `${names[level.kind] ?? level.kind} ${level.num?.value ?? ''}`.trim();
}

/** Whether the instruction names any law at all. */
export function hasTarget(instruction: Instruction): boolean {
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

