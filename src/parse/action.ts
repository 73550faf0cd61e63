import type { Action, ActionType } from '../types.js';

const SUBJECT = /^(?:The heading of\s+)?(Sections?|Chapter|Article|Part|Division|Title)\s+(\d[\w.]*)/;
const VERB = /\b(?:is|are)\s+(?:hereby\s+)?(amended and renumbered|repealed and added|added and repealed|amended|added|repealed|renumbered)\b/;

const TYPES: Record<string, ActionType> = {
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
export function parseAction(text: string): Action | undefined {
  if (!/^[SCAPDT]/.test(text)) return undefined;
  const subject = SUBJECT.exec(text);
  if (!subject) return undefined;
  const verb = VERB.exec(text);
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
  const action: Action = { type: 'action', value: text, action: TYPES[verb[1]!] ?? 'other', sections };
  if (code) action.code = code;
  return action;
}
