import { ORDINAL_PATTERN, ordinalNumber, type Style } from '../parse/ladder.js';
import { DESIGNATIONS, eachOf, RUNG_WORD, unit, unitSteps, type ReadStep } from './location.js';
import type { InstructionTarget, Path } from './types.js';

/**
 * The law an instruction amends and the place in it, read from the words before "is amended":
 *
 *     Section 200304 of title 54, United States Code        → {usc: {title: '54', section: '200304'}}
 *     Section 399BB of the Public Health Service Act (42 U.S.C. 280i-1)
 *                                                           → {act, section: '399BB', usc: {title: '42', section: '280i-1'}}
 *     The first sentence of section 701(f) of title 17, United States Code
 *                                                           → usc 17/701, location subsection (f), first sentence
 *     Section 1050 of the Penal Code                        → {code: 'Penal Code', section: '1050'}
 */

/**
 * What earlier text of the bill says about the law amended, carried from section to section:
 * the law named last ("Section 5c(f) of such Act"), and the law a title amends unless it says
 * otherwise ("whenever in this title an amendment … is expressed in terms of an amendment to
 * … a section or other provision, the reference shall be considered to be made to … the
 * Commodity Exchange Act"). The reader notes the laws it meets in `last`.
 */
export interface LawContext {
  /** The Act, code and U.S. Code title named last. */
  last?: { act?: string; code?: string; title?: string };
  /** The law a bare "Section 5 is amended" amends. */
  standing?: InstructionTarget;
}

/** What the subject of an instruction says. */
export interface SubjectReading {
  target: InstructionTarget;
  location: ReadStep[];
  /** The unit the subject names, for redesignations and renumbering: section 1050, paragraph (2). */
  unit?: Path;
}

const ORDINAL = `(${ORDINAL_PATTERN})`;

/** The drafting style of a target's rungs: a California code's sections have subdivisions. */
export function styleOf(target: InstructionTarget): Style {
  return target.code ? 'ca' : 'us';
}

/** Notes the law a target names, for a later "such Act". */
function remember(laws: LawContext, target: InstructionTarget): void {
  const last = { ...(laws.last ?? {}) };
  if (target.act) last.act = target.act;
  if (target.code) last.code = target.code;
  const title = target.usc?.title ?? target.title;
  if (title && !target.act) last.title = title;
  laws.last = last;
}

/**
 * The law an amendment-references clause names ("…the reference shall be considered to be made
 * to a section or other provision of the Commodity Exchange Act (7 U.S.C. 1 et seq.)."), if the
 * text has one.
 */
export function standingLaw(text: string): InstructionTarget | undefined {
  const m = /reference\s+shall\s+be\s+considered\s+to\s+be\s+made\s+to\s+(?:a|the)\s+section\s+or\s+other\s+provision\s+of\s+(?:the\s+)?([^.]+?)(?:\s+\([^()]*\))?\s*\./i.exec(text.replace(/\s+/g, ' '));
  if (!m) return undefined;
  const name = m[1]!.trim();
  const usc = /^title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(name);
  if (usc) return { title: usc[1]! };
  if (/Code$/.test(name) && !/United States Code/.test(name)) return { code: name };
  return { act: name };
}

/** Reads what comes before "is amended": the law and the place in it. */
export function readSubject(subject: string, outer: InstructionTarget, laws: LawContext): SubjectReading | { error: string } {
  let text = subject
    .replace(/,\s*$/, '')
    .replace(/\s*\(as\s+(?:so\s+)?(?:amended|added|redesignated)(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)/g, '')
    .replace(/,\s*as\s+(?:so\s+)?(?:amended|added|redesignated)(?:\s+by\s+.*)?$/, '')
    .replace(/^the\s+/i, '')
    .trim();
  const inner: ReadStep[] = [];
  let named: Path | undefined;
  // "The heading of section 6041(a)", "The subsection heading for section 1902(kk) of such Act".
  const heading = /^(?:(section|subsection|paragraph|subparagraph|clause)\s+)?heading\s+(?:of|for)\s+(.+)$/i.exec(text);
  if (heading) {
    const inside = readSubject(heading[2]!, outer, laws);
    if ('error' in inside) return inside;
    return { target: inside.target, location: [...inside.location, { type: 'heading' }] };
  }
  // "The table of sections for part VI of subchapter B of chapter 1" (of the law named before).
  const tableOf = /^(table\s+of\s+(?:sections|subchapters|parts|chapters|contents))\s+(?:for|of)\s+(.+?)(?:,\s*as\s+amended\s+by\s+.*)?$/i.exec(text);
  if (tableOf && !/United States Code/i.test(tableOf[2]!)) {
    const law = laws.standing ?? (laws.last?.code ? { code: laws.last.code } : laws.last?.act ? { act: laws.last.act } : undefined);
    if (law || Object.keys(outer).length > 0) return { target: { ...(law ?? outer), within: tableOf[2]! }, location: [{ type: 'table', of: tableOf[1]!.toLowerCase() }] };
  }
  // "Subsections (a)(1), (b)(2)(B), and (c) of section 5 … are each amended": the same instruction in each.
  const plural = /^(subsections|paragraphs|subparagraphs|clauses|subclauses)\s+((?:\([A-Za-z0-9]{1,6}\))+(?:\s*,\s*(?:and\s+)?(?:\([A-Za-z0-9]{1,6}\))+|\s+and\s+(?:\([A-Za-z0-9]{1,6}\))+)+)\s+of\s+/i.exec(text);
  if (plural) {
    inner.push(eachOf(plural[1]!, plural[2]!, 'us'));
    text = text.slice(plural[0].length);
  }
  // "first sentence of", "paragraph (2) of subsection (b) of"
  for (;;) {
    const ordinal = new RegExp(`^${ORDINAL}\\s+(sentence|paragraph)\\s+of\\s+`, 'i').exec(text);
    if (ordinal) {
      inner.unshift({ type: ordinal[2]!.toLowerCase() as 'sentence' | 'paragraph', ordinal: ordinalNumber(ordinal[1]!)! });
      text = text.slice(ordinal[0].length);
      continue;
    }
    const level = new RegExp(`^(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS}\\s+of\\s+`, 'i').exec(text);
    if (level) {
      inner.unshift(...unitSteps(level[1]!.toLowerCase(), level[2]!));
      text = text.slice(level[0].length);
      continue;
    }
    break;
  }
  let target: InstructionTarget;
  let location: ReadStep[] = [];
  const first = /^first\s+section\s+of\s+(.+)$/i.exec(text);
  const section = new RegExp(`^sections?\\s+(\\d[\\w.–-]*?)${DESIGNATIONS}?(?:\\s+of\\s+(.+))?$`, 'i').exec(text);
  const chapter = /^(chapter|subchapter|part|subtitle|division)\s+([\w.–-]+)\s+of\s+(.+)$/i.exec(text);
  const title = /^title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(text);
  const table = /^(table\s+of\s+(?:sections|contents|chapters))(?:\s+(?:for|of)\s+(chapter|subchapter|part|subtitle)\s+([\w.–-]+))?\s+of\s+title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(text);
  if (table) {
    target = { title: table[4]! };
    if (table[2]?.toLowerCase() === 'chapter') target.chapter = table[3]!;
    else if (table[2]) return { error: `target not understood: "${subject}"` };
    return { target, location: [{ type: 'table', of: table[1]!.toLowerCase() }, ...inner] };
  }
  if (first || section) {
    const number = first ? '1' : section![1]!;
    const source = first ? first[1]! : section![3];
    const found = sourceTarget(source, number, outer, laws);
    if ('error' in found) return found;
    target = found;
    if (section?.[2]) location = unitSteps('section', section[2], styleOf(target));
    named = [unit('section', number)];
  } else if (chapter) {
    // "Chapter 8 of title 17, United States Code", "Subchapter I of chapter 33 of title 5, United
    // States Code", "Part F of title IV of the Higher Education Act of 1965 (20 U.S.C. 1087kk)".
    const chain = /^((?:(?:sub)?(?:chapter|part|title|division)|subtitle|subpart)\s+[\w.–-]+\s+of\s+)*/i.exec(text)![0];
    const law = text.slice(chain.length).trim();
    const units = [...chain.matchAll(/((?:sub)?(?:chapter|part|title|division)|subtitle|subpart)\s+([\w.–-]+)\s+of\s+/gi)].map((m) => [m[1]!.toLowerCase(), m[2]!] as const);
    const usc = /^title\s+(\d+[A-Z]?),\s+United States Code,?$/i.exec(law);
    if (usc) {
      target = { title: usc[1]! };
      const ch = units.find(([kind]) => kind === 'chapter');
      if (ch) target.chapter = ch[1];
      const rest = units.filter(([kind]) => kind !== 'chapter');
      if (rest.length) target.within = rest.map(([k, v]) => `${k} ${v}`).join(' of ');
    } else {
      const act = sourceTarget(law.replace(/^the\s+/i, ''), '', {}, laws);
      if ('error' in act || !act.act) return { error: `target not understood: "${subject}"` };
      target = { act: act.act, within: units.map(([k, v]) => `${k} ${v}`).join(' of ') };
    }
  } else if (title) {
    target = { title: title[1]! };
  } else if (/^(?:(?:the\s+)?[A-Z][\w ,'’–-]*\bAct\b|Public Law \d+[–-]\d+\b)/.test(text) && !/\bof\s+(?:the\s+)?(?:division|title|subtitle)\b/i.test(text)) {
    // "The Oil Region National Heritage Area Act (Public Law 108–447; 118 Stat. 3368)"
    const act = sourceTarget(text.replace(/^the\s+/i, ''), '', {}, laws);
    if ('error' in act || !act.act) return { error: `target not understood: "${subject}"` };
    target = act;
    delete target.section;
  } else if (inner.length > 0 && text === '') {
    target = { ...outer };
  } else {
    const level = new RegExp(`^(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS}$`, 'i').exec(text);
    if (!level || Object.keys(outer).length === 0) return { error: `target not understood: "${subject}"` };
    // "Paragraph (2) is amended …" inside a list that already named the law.
    target = { ...outer };
    const steps = unitSteps(level[1]!.toLowerCase(), level[2]!);
    inner.unshift(...steps);
    named = steps;
  }
  const reading: SubjectReading = { target, location: [...location, ...inner] };
  if (named && inner.length === 0) reading.unit = named;
  return reading;
}

/** The law named after "Section N of": a U.S. Code title, an Act (with its U.S.C. parenthetical), a code. */
export function sourceTarget(source: string | undefined, section: string, outer: InstructionTarget, laws: LawContext): InstructionTarget | { error: string } {
  if (source === undefined) {
    // "Section 7282.7 is added to the Government Code" (the code follows the verb), or a section of the law already named.
    if (outer.act || outer.code) return { ...outer, section };
    if (outer.title) return uscTarget(outer, section);
    return { section };
  }
  const target = namedTarget(source, section, outer, laws);
  if (!('error' in target)) remember(laws, target);
  return target;
}

function namedTarget(source: string, section: string, outer: InstructionTarget, laws: LawContext): InstructionTarget | { error: string } {
  // "such Act (7 U.S.C. 1a)", "such Code", "that Act", "such title": the law named last.
  const such = /^(?:such|that|said)\s+(Act|Code|title)(?:\s+\((\d+[A-Z]?)\s+U\.S\.C\.\s+((?:[^()]|\([^()]*\))*?)\))?$/i.exec(source);
  if (such) {
    const last = laws.last ?? {};
    const kind = such[1]!.toLowerCase();
    const cited = such[2] ? { usc: { title: such[2], section: such[3]!.replace(/(?:\([A-Za-z0-9]+\))+$/, '').trim() } } : {};
    if (kind === 'title' && last.title) return { usc: { title: last.title, section } };
    if (kind === 'code' && last.code) return { code: last.code, section, ...cited };
    if (kind === 'code' && last.act && /\bCode\b/.test(last.act)) return { act: last.act, section, ...cited };
    if (kind === 'act' && last.act) return { act: last.act, section, ...cited };
    return { error: `law not understood: "${source}" (no ${kind} is named before it)` };
  }
  const usc = /^title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(source);
  if (usc) return { usc: { title: usc[1]!, section } };
  if (/^this\s+(?:title|chapter)$/i.test(source) && outer.title) return uscTarget(outer, section);
  const code = /^(?:the\s+)?((?:[A-Z][\w&]*\s+(?:and\s+)?)+Code)$/.exec(source);
  if (code && !/United States Code/.test(source)) return { code: code[1]!, section };
  const act = /^(?:the\s+)?(.+?)(?:\s+\((?:known as|popularly known as|commonly known as)\s+[^)]*\))?(?:\s+\((?:(?:Public Law|Pub\. L\.)\s[^()]*|\d+\s+Stat\.\s[^()]*)\))?(?:\s+\((\d+[A-Z]?)\s+U\.S\.C\.\s+((?:[^()]|\([^()]*\))*?)\))?$/.exec(source);
  if (act && /^(?:[A-Z]|Public Law)/.test(act[1]!)) {
    const target: InstructionTarget = { act: act[1]!, section };
    if (act[2]) {
      const cited = act[3]!.replace(/(?:\([A-Za-z0-9]+\))+$/, '').trim();
      target.usc = { title: act[2], section: cited };
    }
    return target;
  }
  return { error: `law not understood: "${source}"` };
}

/** A section of the U.S. Code title (and chapter) already named: `title` moves into `usc`. */
export function uscTarget(outer: InstructionTarget, section: string): InstructionTarget {
  const { title, ...rest } = outer;
  return { ...rest, usc: { title: title!, section } };
}
