import { readUnits } from './location.js';
import type { Operation } from './read-action.js';
import type { Quotation } from './quotes.js';
import type { SubjectReading } from './read-target.js';
import { quoted, restore } from './words.js';

/**
 * The verbs of an instruction's subject other than "is amended": "is repealed" (and reserved),
 * California's "is added to the … Code, to read:" and "is amended and renumbered", "is transferred
 * to …", "is redesignated as …", "is enacted as follows:".
 */

/** What the words after the verb give: operations, or why they cannot be read. */
export type VerbReading = { operations: Operation[]; notes?: string[] } | { error: string };

/**
 * Words after "is repealed" that are no amendment of the text: "and the unobligated balances …
 * are rescinded", ", and the Internal Revenue Code of 1986 shall be applied … as though such
 * paragraph were never enacted", "and shall have no legal effect".
 */
const NOT_TEXT = /^,?\s*(?:and\s+)?(?:the\s+(?:unobligated\s+balances|amounts|[A-Z][\w ,'’–-]*\s+(?:Act|Code)\b)|all\s+unobligated\s+balances|any\s+provision\s+of\s+law|shall\s+have\s+no\s+(?:legal\s+)?(?:force\s+or\s+)?effect|except\s+with\s+respect\s+to)/i;

export function readOtherVerb(kind: string, rest: string, subject: SubjectReading, quotations: Quotation[]): VerbReading {
  switch (kind) {
    case 'repealed':
    case 'repealed and reserved': {
      const action = kind === 'repealed' ? 'repeal' : 'repealReserve';
      // "… is repealed (8 U.S.C. 1732(c))": where the Code has it, said after.
      const rest2 = rest.replace(/^\(\d+\s+U\.S\.C\.\s+(?:[^()]|\([^()]*\))*\)\s*/, '');
      if (rest2 === '' || /^:$/.test(rest2)) return { operations: [{ action }] };
      rest = rest2;
      if (NOT_TEXT.test(rest)) {
        return { operations: [{ action }], notes: [`the words after “is ${kind}” are no amendment of the text and are not applied: “${restore(rest, quotations).replace(/^,?\s*/, '')}”`] };
      }
      return { error: `unexpected words after "is ${kind}": "${restore(rest, quotations)}"` };
    }
    case 'added': {
      // "Section 7282.7 is added to the Government Code, to read: …"
      const added = /^(?:to\s+(?:the\s+)?(.+?Code)\s*,?\s*)?to read(?: as follows)?:?\s*(.*)$/.exec(rest);
      if (!added) return { error: `expected "to read:" after "is added", found "${restore(rest, quotations)}"` };
      const insert = quoted(added[2]!, quotations);
      if (insert === undefined) return { error: 'expected the new text after "to read:"' };
      if (added[1]) subject.target = { ...subject.target, code: added[1] };
      return { operations: [{ action: 'add', insert }] };
    }
    case 'enacted': {
      // "Title 54, United States Code, “National Park Service and Related Programs”, is enacted as follows: …"
      const enacted = /^as\s+follows:?\s*(.*)$/.exec(rest);
      const insert = enacted ? quoted(enacted[1]!, quotations) : undefined;
      if (insert === undefined) return { error: `expected the new law after "is enacted as follows:", found "${restore(rest, quotations)}"` };
      return { operations: [{ action: 'add', insert }] };
    }
    case 'amended and renumbered': {
      // "Section 1050 of the Penal Code is amended and renumbered to read:" (the new number is in the text).
      const renumbered = /^(?:as\s+(Section\s+[\w.-]+)\s*,?\s*)?(?:and\s+)?(?:to read(?: as follows)?:?\s*(.*))$/i.exec(rest);
      if (!renumbered) return { error: `expected "to read:" after "is amended and renumbered", found "${restore(rest, quotations)}"` };
      const insert = quoted(renumbered[2]!, quotations);
      if (insert === undefined) return { error: 'expected the new text after "to read:"' };
      const operation: Operation = { action: 'amendRenumber', insert };
      const to = renumbered[1] ? readUnits(renumbered[1].replace(/^Section/, 'section')) : undefined;
      if (to?.units.length === 1 && subject.named) operation.redesignate = [{ from: subject.named, to: to.units[0]! }];
      return { operations: [operation] };
    }
    case 'transferred': {
      // "Section 5 is transferred to appear after section 7", "… to chapter 3 and inserted after section 301".
      const transfer = /^to\s+(?:appear\s+)?(?:(after|before)\s+)?(.+?)(?:,?\s+and\s+inserted\s+(after|before)\s+(.+))?$/i.exec(rest);
      const place = transfer ? readUnits((transfer[4] ?? transfer[2])!) : undefined;
      if (!transfer || /\uE000/.test(rest) || !place || place.units.length !== 1 || place.rest !== '' || !(transfer[1] ?? transfer[3])) {
        return { error: `transfer not understood: "${restore(rest, quotations)}"` };
      }
      const where = (transfer[3] ?? transfer[1])!.toLowerCase() as 'after' | 'before';
      return { operations: [{ action: 'transfer', anchor: { at: place.units[0]! }, where, ...(subject.named ? { units: [subject.named] } : {}) }] };
    }
    case 'redesignated': {
      const to = /^as\s+(.+?)(?:,?\s+respectively)?$/.exec(rest);
      if (subject.alike && to) {
        // "Sections 9005 and 9006 of … are redesignated as sections 9007 and 9008, respectively"
        const units = readUnits(to[1]!);
        if (!units || units.rest !== '' || units.units.length !== subject.alike.length) return { error: `redesignation not understood: "${restore(rest, quotations)}"` };
        const from = subject.alike.map((each) => each.named);
        delete subject.alike;
        return { operations: [{ action: 'redesignate', redesignate: from.map((path, i) => ({ from: path, to: units.units[i]! })) }] };
      }
      const units = to ? readUnits(to[1]!) : undefined;
      if (!to || !units || units.rest !== '' || units.units.length !== 1 || !subject.named) return { error: `redesignation not understood: "${restore(rest, quotations)}"` };
      return { operations: [{ action: 'redesignate', redesignate: [{ from: subject.named, to: units.units[0]! }] }] };
    }
    default:
      return { error: `verb "is ${kind}" not understood` };
  }
}
