import { ordinalNumber } from '../parse/ladder.js';
import type { LevelKind } from '../types.js';
import { DESIGNATIONS, MARK_NAMES, readUnits, RUNG_WORD, levelStep, levelSteps } from './location.js';
import { markStep, matterSteps, ORDINAL, quote, readAnchor, readModifiers, type Operation, type Reading } from './read-modifiers.js';
import { Q } from './words.js';

/**
 * "by striking …": what is struck (quoted words, a mark, a heading, a sentence, a designation,
 * levels, all that precedes or follows a place), the phrases that say where and how often, and
 * what is inserted in its place.
 */

/** What a strike names, each form with what it sets. */
const STRUCK: Array<[RegExp, (m: RegExpExecArray, op: Operation, r: Reading) => void]> = [
  // "by striking the “and” after “2023,”", "by striking “and” after the semicolon"
  [
    new RegExp(`^(?:the\\s+)?${Q}\\s+(after|before)\\s+(?:${Q}|the\\s+(comma|period|semicolon|colon|dash))`, 'i'),
    (m, op, r) => {
      op.strike = quote(r, m[1]!);
      op.where = m[2]!.toLowerCase() as 'after' | 'before';
      op.anchor = { text: m[3] !== undefined ? quote(r, m[3]) : MARK_NAMES[m[4]!.toLowerCase()]! };
    },
  ],
  // "by striking “X”"
  [new RegExp(`^(?:the\\s+)?${Q}`, 'i'), (m, op, r) => void (op.strike = quote(r, m[1]!))],
  // "by striking the comma after “agreement”", "by striking the 2nd comma"
  [
    new RegExp(`^the\\s+(comma|period|semicolon|colon|dash)\\s+(after|before)\\s+(?:the\\s+words?\\s+)?${Q}`, 'i'),
    (m, op, r) => {
      op.strike = MARK_NAMES[m[1]!.toLowerCase()]!;
      op.where = m[2]!.toLowerCase() as 'after' | 'before';
      op.anchor = { text: quote(r, m[3]!) };
    },
  ],
  [new RegExp(`^the\\s+${ORDINAL}\\s+(comma|semicolon|colon)`, 'i'), (m, op) => Object.assign(op, { strike: MARK_NAMES[m[2]!.toLowerCase()]!, occurrence: ordinalNumber(m[1]!)! })],
  // "by striking the period at the end of paragraph (5)", "… at the end", "the period"
  [
    new RegExp(`^the\\s+(period|semicolon|comma|colon)\\s+at\\s+the\\s+end\\s+of\\s+(?:the\\s+)?${RUNG_WORD}\\s+${DESIGNATIONS}`, 'i'),
    (m, op) => {
      op.units = [[markStep(m[1]!, true)]];
      op.location = [...(op.location ?? []), ...levelSteps(m[2]!.toLowerCase(), m[3]!)];
    },
  ],
  [/^the\s+(period|semicolon|comma|colon)\s+at\s+the\s+end(?:\s+thereof)?/i, (m, op) => void (op.units = [[markStep(m[1]!, true)]])],
  [/^the\s+(period|semicolon|comma|colon)(?=\s+and\b|\s*$)/i, (m, op) => void (op.units = [[markStep(m[1]!, false)]])],
  // "by striking the subsection designation and heading", "by striking the section designation"
  [
    /^the\s+(section|subsection|paragraph|subparagraph|clause)\s+designation(\s+and\s+(?:the\s+)?heading)?/i,
    (m, op) => void (op.units = [[{ type: 'designation', rung: m[1]!.toLowerCase() as LevelKind, heading: Boolean(m[2]) }]]),
  ],
  // "by striking the subsection heading"
  [
    /^the\s+(?:(section|subsection|paragraph|subparagraph|clause|subclause|item|title|subtitle|part|subpart|chapter|subchapter|division)\s+heading|heading)/i,
    (m, op) => void (op.units = [[m[1] ? { type: 'heading', rung: m[1].toLowerCase() as LevelKind } : { type: 'heading' }]]),
  ],
  // "by striking the item relating to subparagraph (E)(iv) and all that follows through the item relating to
  // subparagraph (E)(ix)" (a table of rates by subparagraph)
  [
    /^the\s+item\s+relating\s+to\s+(subsection|paragraph|subparagraph|clause)\s+((?:\([A-Za-z0-9]{1,6}\))+)(?:\s+and\s+all\s+that\s+follows\s+through\s+the\s+item\s+relating\s+to\s+(?:subsection|paragraph|subparagraph|clause)\s+((?:\([A-Za-z0-9]{1,6}\))+))?/i,
    (m, op) =>
      void (op.units = [[m[3] ? { type: 'provision', name: `the items relating to ${m[1]!.toLowerCase()} ${m[2]!} through ${m[3]}` } : { type: 'tableItem', rung: m[1]!.toLowerCase(), designation: m[2]! }]]),
  ],
  // "by striking the item relating to section 5", "the items relating to sections 55316 and 55317"
  [
    /^the\s+items?\s+relating\s+to\s+(?:(section|chapter|subchapter|part|subpart|title|subtitle|division)s?\s+)?((?:\d[\w.–-]*|[A-Z]+\b)(?:\s+of\s+(?:title|subtitle|part|division)\s+[\w.–-]+)*)((?:,?\s+(?:and\s+)?\d[\w.–-]*)*)/i,
    (m, op) => {
      const rung = (m[1] ?? 'section').toLowerCase();
      const more = [...(m[3] ?? '').matchAll(/[\w.–-]+/g)].map((x) => x[0]).filter((v) => v !== 'and');
      op.units = [m[2]!, ...more].map((designation) => [{ type: 'tableItem', rung, designation }]);
    },
  ],
  // "by striking the date specified in section 106(3)": the date there, not quoted.
  [
    /^the\s+date\s+specified\s+in\s+section\s+(\d[\w.–-]*?)((?:\([A-Za-z0-9]{1,6}\))*)(?=\s|$)/i,
    (m, op) => {
      op.location = [...(op.location ?? []), levelStep('section', m[1]!), ...(m[2] ? levelSteps('section', m[2]) : [])];
      op.units = [[{ type: 'provision', name: 'the date' }]];
    },
  ],
  // "by striking the proviso", "the second proviso": the words from ": Provided, That" to the end of the sentence.
  [
    new RegExp(`^the\\s+(?:(${ORDINAL}|final)\\s+)?proviso(?=[\\s,;.]|$)(?!\\s+(?:under|in)\\s+the\\s+heading)`, 'i'),
    (m, op) => void (op.units = [[{ type: 'provision', name: m[0].toLowerCase().replace(/\s+/g, ' ') }]]),
  ],
  // "by striking the first section 9703 (relating to …)": one of two levels with one designation.
  [
    new RegExp(`^the\\s+${ORDINAL}\\s+(section|subsection|paragraph)\\s+(\\d[\\w.–-]*|\\([A-Za-z0-9]+\\))(?:\\s+\\(relating\\s+to\\s+[^()]*\\))?`, 'i'),
    (m, op) => void (op.units = [[{ ...levelStep(m[2]!.toLowerCase() as LevelKind, m[3]!.replace(/[()]/g, '')), nth: ordinalNumber(m[1]!)! }]]),
  ],
  // "by striking the second sentence", "the second and third sentences"
  [
    new RegExp(`^the\\s+${ORDINAL}(?:\\s*,?\\s*(?:and\\s+)?${ORDINAL})?\\s+(sentences?|paragraphs?)`, 'i'),
    (m, op) => {
      const type = m[3]!.toLowerCase().replace(/s$/, '') as 'sentence' | 'paragraph';
      op.units = [m[1]!, m[2]].filter((w): w is string => w !== undefined).map((w) => [{ type, ordinal: ordinalNumber(w)! }]);
    },
  ],
  // "by striking the flush sentence at the end of paragraph (1)", "the flush language after clause (vii)"
  [
    new RegExp(`^the\\s+flush\\s+(?:text|matter|language|sentence)\\s+(?:at\\s+the\\s+end|(?:after|following)\\s+${RUNG_WORD}\\s+${DESIGNATIONS})`, 'i'),
    (m, op) => {
      if (m[1]) {
        op.location = [...(op.location ?? []), ...matterSteps('following', m[1], m[2]!)];
        op.units = [[{ type: 'flush' }]];
      } else {
        op.units = [[{ type: 'flush' }]];
      }
    },
  ],
  // Provisions of a tariff schedule: "subheading 6211.32.00", "subheadings 6201.92.10 through 6201.92.20 and the immediate superior text …".
  [
    /^(subheadings?|headings?|subchapter)\s+([\d.]+|[A-Z]+)(?:\s+through\s+([\d.]+))?(?:,?\s+and\s+the\s+(?:immediate\s+)?superior\s+text\s+to\s+subheading\s+[\d.]+)?/i,
    (m, op) => void (op.units = [[{ type: 'provision', name: m[0] }]]),
  ],
  // "by striking the matter in the column 1 special rate of duty column" (a tariff schedule)
  [/^the\s+matter\s+in\s+the\s+[^\uE000,]*?\s+column(?=\s+and\b|\s*$)/i, (m, op) => void (op.units = [[{ type: 'provision', name: m[0] }]])],
  // "by striking the part heading for part B of title IV"
  [
    /^the\s+(part|subpart|subtitle|title|chapter|subchapter|division)\s+heading\s+for\s+((?:(?:sub)?(?:part|title|chapter)|subtitle|division)\s+[\w.–-]+(?:\s+of\s+(?:(?:sub)?(?:part|title|chapter)|subtitle|division)\s+[\w.–-]+)*)/i,
    (m, op) => void (op.units = [[{ type: 'provision', name: m[2]! }, { type: 'heading', rung: m[1]!.toLowerCase() as LevelKind }]]),
  ],
];

/** "striking …", "deleting …", "strike …". */
export function readStrike(r: Reading): Operation[] | { error: string } {
  const { cursor } = r;
  const operation: Operation = { action: 'strike' };
  if (cursor.eat(/^by\s+striking\s+/i)) operation.notes = ['“by striking by striking” read as “by striking”'];
  // "by striking at the end “and”", "by striking, in the matter preceding paragraph (1), “Unless” …"
  if (cursor.eat(/^at\s+the\s+end\s+(?=\uE000)/i)) operation.where = 'end';
  if (/^,?\s*in\s/i.test(cursor.rest)) readModifiers(r, operation);
  cursor.eat(/^\s*,?\s*/);
  const spans = readSpan(r, operation);
  if (spans === false) {
    let read = false;
    for (const [pattern, apply] of STRUCK) {
      const m = cursor.eat(pattern);
      if (!m) continue;
      apply(m, operation, r);
      read = true;
      break;
    }
    if (!read) {
      const units = readUnits(cursor.rest.replace(/^the\s+/i, ''));
      if (!units) return { error: `expected quoted text or a unit to strike, found ${r.found()}` };
      operation.units = units.units;
      cursor.rest = units.rest;
    }
  }
  // "by striking “beef,” and “pork,”": several words struck alike.
  const more: string[] = [];
  let match: RegExpExecArray | null;
  while (operation.strike !== undefined && !operation.where && (match = cursor.eat(new RegExp(`^\\s*,?\\s*(?:and\\s+)?${Q}`)))) more.push(quote(r, match[1]!));
  readModifiers(r, operation);
  // "by striking clause (v) of paragraph (1)(C) and clause (v) of paragraph (2)(C)": more levels, each with its place.
  while (operation.units && /^\s*,?\s*and\s+(?:the\s+)?(?:subsection|paragraph|subparagraph|clause|subclause|item)s?\s+\(/i.test(cursor.rest)) {
    const at = cursor.rest;
    cursor.eat(/^\s*,?\s*and\s+(?:the\s+)?/i);
    const next = readUnits(cursor.rest);
    if (!next) {
      cursor.rest = at;
      break;
    }
    cursor.rest = next.rest;
    const extra: Operation = { action: 'strike', units: next.units };
    readModifiers(r, extra);
    operation.units = [...operation.units, ...extra.units!];
  }
  const inserts: string[] = [];
  if (cursor.eat(/^\s*,?\s*and\s+(?:inserting|substituting|insert|replacing\s+it\s+with)(?:\s+in\s+lieu\s+thereof)?\s*,?\s*(?:the\s+following(?:\s+new\s+[a-z]+)?)?\s*:?\s*/i)) {
    // "and inserting the following, with the superior text to subheading 6201.92.05 having the same degree of
    // indentation as …:": a direction to the printer.
    if ((match = cursor.eat(/^,?\s*with\s+the\s+[^\uE000]*?:\s*(?=\uE000)/i))) operation.notes = [...(operation.notes ?? []), `a direction to the printer, not applied: “${match[0].replace(/^,?\s*/, '').replace(/:\s*$/, '')}”`];
    if ((match = cursor.eat(new RegExp(`^${Q}`)))) {
      inserts.push(quote(r, match[1]!));
      while ((match = cursor.eat(new RegExp(`^\\s*,?\\s*(?:and\\s+)?${Q}`)))) inserts.push(quote(r, match[1]!));
    } else if ((match = cursor.eat(/^an?\s+(period|semicolon|comma|colon)/i))) {
      // "and inserting a semicolon"
      inserts.push(MARK_NAMES[match[1]!.toLowerCase()]!);
    } else {
      return { error: `expected quoted text to insert, found ${r.found()}` };
    }
    operation.action = 'strikeInsert';
    operation.insert = inserts[0]!;
    readModifiers(r, operation);
    // "by striking “, and 6431” and inserting “and” before “36B”": the new words go elsewhere than the old.
    if (inserts.length === 1 && more.length === 0 && (match = cursor.eat(/^\s*(after|before)\s+(?=\uE000)/i))) {
      const anchor = readAnchor(r);
      if (!anchor) return { error: `expected what to insert ${match[1]}, found ${r.found()}` };
      const { insert, ...struck } = operation;
      return [
        { ...struck, action: 'strike' },
        { action: match[1]!.toLowerCase() === 'after' ? 'insertAfter' : 'insertBefore', insert: insert!, anchor, ...(operation.location ? { location: operation.location } : {}) },
      ];
    }
  }
  if (more.length === 0) return [operation];
  // "by striking “A” and “B” and inserting “C” and “D”, respectively": pairs; with no insertion, each struck.
  const strikes = [operation.strike!, ...more];
  if (inserts.length > 1 && inserts.length !== strikes.length) return { error: `${strikes.length} words struck and ${inserts.length} inserted` };
  if (inserts.length === 1) return { error: `${strikes.length} words struck and one text inserted: which goes where is not said` };
  return strikes.map((strike, i) => ({ ...operation, strike, ...(inserts[i] !== undefined ? { insert: inserts[i] } : {}) }));
}

/**
 * "all that precedes “X”", "all that follows “section 21”", "all that precedes subparagraph (D)":
 * the text from the edge of the place to the anchor. False when the words are not one of these.
 */
function readSpan(r: Reading, operation: Operation): boolean {
  const m = r.cursor.eat(/^all\s+that\s+(precedes|follows)\s+/i);
  if (!m) return false;
  const anchor = readAnchor(r);
  if (!anchor) {
    r.cursor.rest = `${m[0]}${r.cursor.rest}`;
    return false;
  }
  operation.span = { side: m[1]!.toLowerCase() as 'precedes' | 'follows', anchor };
  return true;
}
