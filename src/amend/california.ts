import { ACTION_SUBJECT, ACTION_VERB } from '../parse/action.js';
import { isStructural } from '../parse/ladder.js';
import type { Action, Content, Level, Root } from '../types.js';
import type { CaliforniaAction, CaliforniaActionType } from './types.js';

/**
 * California's amendatory instructions. A California bill section prints one instruction line
 * and then the whole section as it is to read (or nothing, for a repeal); the level parser
 * keeps the line as an `action` node and reads the section after it as levels.
 */

const TYPES: Record<string, CaliforniaActionType> = {
  amended: 'amend',
  'amended and renumbered': 'amendRenumber',
  renumbered: 'amendRenumber',
  added: 'add',
  repealed: 'repeal',
  'repealed and added': 'repealAdd',
  'added and repealed': 'add',
};

/**
 * Reads a California bill section's instruction line:
 *
 *     Section 1050 of the Penal Code is amended to read:
 *     Section 7282.7 is added to the Government Code, to read:
 *     Sections 7282 and 7282.5 of the Government Code are amended to read:
 *     Chapter 17.25 (commencing with Section 7284) is added to Division 7 of Title 1 of the Government Code, to read:
 *     Section 11369 of the Health and Safety Code is repealed.
 *
 * Returns `undefined` for anything else, so ordinary sentences are never mistaken for one.
 */
export function parseAction(text: string): CaliforniaAction | undefined {
  if (!/^[SCAPDT]/.test(text)) return undefined;
  const subject = ACTION_SUBJECT.exec(text);
  if (!subject) return undefined;
  const verb = ACTION_VERB.exec(text);
  if (!verb) return undefined;
  const head = text.slice(0, verb.index);
  const kind = subject[1]!;
  let sections: string[];
  if (kind.startsWith('Section')) {
    const upTo = head.search(/\s(?:of|to|in)\s+the\s|,\s*as\s|\s(?:is|are)\s/);
    const list = upTo === -1 ? head : head.slice(0, upTo);
    sections = [...list.matchAll(/\d+(?:\.\d+)*[a-z]?/g)].map((m) => m[0]);
  } else {
    const commencing = /commencing with Section (\d+(?:\.\d+)*[a-z]?)/.exec(text);
    sections = commencing ? [commencing[1]!] : [];
  }
  const code = /\b(?:of|to)\s+the\s+((?:[A-Z][\w&]*\s+(?:and\s+)?)*?Code)\b/.exec(text)?.[1];
  const action: CaliforniaAction = { type: 'action', value: text, action: TYPES[verb[1]!] ?? 'other', sections };
  if (code) action.code = code;
  return action;
}

/** One instruction line of a bill, what it says, and the sections the bill prints after it. */
export interface Amendment {
  /** The line as it stands in the bill's tree. */
  node: Action;
  /** What it says. */
  action: CaliforniaAction;
  /** The quoted sections that follow the instruction. */
  sections: Level[];
}

/** Each instruction line of a bill with the quoted sections that follow it. */
export function findAmendments(tree: Root): Amendment[] {
  const out: Amendment[] = [];
  const visit = (children: Content[], inherited?: Amendment) => {
    let current = inherited;
    for (const child of children) {
      if (child.type === 'action') {
        const read = parseAction(child.value) ?? { type: 'action', value: child.value, action: 'other', sections: [] };
        current = { node: child, action: { ...read, value: child.value, ...(child.position ? { position: child.position } : {}) }, sections: [] };
        out.push(current);
      } else if (child.type === 'level' && child.kind === 'section' && current) {
        current.sections.push(child);
      } else if (child.type === 'level' && (child.kind === 'billSection' || isStructural(child.kind))) {
        // Sections quoted inside an added division, part, chapter or article belong to the instruction before it.
        visit(child.children, child.kind === 'billSection' ? undefined : current);
      }
    }
  };
  visit(tree.children);
  return out;
}

/** When the bill names one section only, a statute input without a section number is that section. */
export function soleSectionNamed(amendments: Amendment[]): string | undefined {
  const named = new Set(amendments.flatMap((a) => a.action.sections));
  return named.size === 1 ? [...named][0] : undefined;
}
