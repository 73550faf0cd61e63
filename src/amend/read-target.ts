import { ORDINAL_PATTERN, ordinalNumber, type Style } from '../parse/ladder.js';
import type { LevelKind } from '../types.js';
import { DESIGNATIONS, eachOf, phrasePaths, RUNG_WORD, levelStep, LEVEL_PHRASE, levelSteps, type ReadStep } from './location.js';
import { actName, contextLaw, remember, sourceTarget, USC_CITE, citedSection, type LawContext } from './read-law.js';
import type { InstructionTarget, Path } from './types.js';

export { standingLaw, type LawContext } from './read-law.js';

/**
 * The law an instruction amends and the place in it, read from the words before "is amended":
 *
 *     Section 200304 of title 54, United States Code        → {usc: {title: '54', section: '200304'}}
 *     Section 399BB of the Public Health Service Act (42 U.S.C. 280i-1)
 *                                                           → {act, section: '399BB', usc: {title: '42', section: '280i-1'}}
 *     The first sentence of section 701(f) of title 17, United States Code
 *                                                           → usc 17/701, location subsection (f), first sentence
 *     Section 1050 of the Penal Code                        → {code: 'Penal Code', section: '1050'}
 *     The table of sections for chapter 39 of title 44, United States Code
 *                                                           → {title: '44', chapter: '39'}, location table of sections
 */

/** What the subject of an instruction says. */
export interface SubjectReading {
  target: InstructionTarget;
  location: ReadStep[];
  /** The level the subject names, for redesignations and renumbering: section 1050, paragraph (2). */
  named?: Path;
  /** "The following sections of title 37 are amended …: (1) Section 301a(a)(4). (2) …": the targets are the items below. */
  list?: boolean;
  /** Slips in the words, read for their plain intent. */
  notes?: string[];
  /** "Sections 9005 and 9006 of …", "Sections 1902(e)(1)(B) and 1925(f) of …": several sections amended alike. */
  alike?: Array<{ target: InstructionTarget; location: ReadStep[]; named: Path }>;
}

/** What a subject reader works with. */
interface Subject {
  text: string;
  outer: InstructionTarget;
  laws: LawContext;
  /** Puts quotations back (`under the heading “…”`), for names kept as printed. */
  words: (text: string) => string;
  notes: string[];
}

const ORDINAL = `(${ORDINAL_PATTERN})`;
/** A chain of structural levels: `part VI of subchapter B of chapter 1 of `. */
const STRUCTURE = /^((?:(?:sub)?(?:chapter|part|title|division)|subtitle|subpart|appendix)\s+[\w.–-]+\s+of\s+)*/i;

/** The drafting style of a target's rungs: a California code's sections have subdivisions. */
export function styleOf(target: InstructionTarget): Style {
  return target.code ? 'ca' : 'us';
}

/** Reads what comes before "is amended": the law and the place in it. */
export function readSubject(subject: string, outer: InstructionTarget, laws: LawContext, words: (text: string) => string = (t) => t): SubjectReading | { error: string } {
  const notes: string[] = [];
  let text = subject
    .replace(/,\s*$/, '')
    // "Chapter 25 (relating to …)", "Paragraph (6), as redesignated by subsection (d)(2)(C) of this section, of section 251A"
    .replace(/\s*\(relating\s+to\s+(?:[^()]|\([^()]*\))*\)/gi, '')
    .replace(/,\s*as\s+(?:so\s+)?(?:amended|added|redesignated)\s+by\s+[^,\uE000]*?,(?=\s+of\s)/gi, '')
    .replace(/\s*\(as\s+(?:so\s+)?(?:previously\s+|most\s+recently\s+)?(?:amended|added|redesignated)(?:\s+or\s+(?:amended|added))?(?:\s+by\s+(?:[^()]|\([^()]*\))*)?\)/g, '')
    .replace(/,\s*as\s+(?:so\s+)?(?:previously\s+|most\s+recently\s+)?(?:amended|added|redesignated)(?:\s+or\s+(?:amended|added))?(?:\s+by\s+.*)?$/, '')
    // "Section 910(g) of title 37, United States Code, relating to income replacement payments …"
    .replace(/,\s*relating\s+to\s+[^,\uE000]*,?$/i, '')
    .replace(/\s*\((?:including\s+the\s+headings?\s+thereof|and\s+the\s+heading\s+for\s+such\s+[^()]*(?:\([^()]*\))*)\)/gi, '')
    .trim();
  const effective = /^Effective\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|on\s+the\s+date[^,]*),\s+/.exec(text);
  if (effective) text = text.slice(effective[0].length);
  if (/\bof\s+the\s+of\s+the\b/.test(text)) {
    notes.push('“of the of the” read as “of the”');
    text = text.replace(/\bof\s+the\s+of\s+the\b/, 'of the');
  }
  text = text.replace(/^the\s+/i, '');
  const s: Subject = { text, outer, laws, words, notes };
  for (const read of SUBJECTS) {
    const result = read(s);
    if (!result) continue;
    if ('error' in result) return result;
    if (notes.length) result.notes = [...notes, ...(result.notes ?? [])];
    return result;
  }
  return { error: `target not understood: "${words(subject)}"` };
}

type SubjectReader = (s: Subject) => SubjectReading | { error: string } | undefined;

const SUBJECTS: SubjectReader[] = [
  // "The heading of section 6041(a)", "The subsection heading for section 1902(kk) of such Act".
  (s) => {
    const m = /^(?:(section|subsection|paragraph|subparagraph|clause|subpart|part|subchapter|chapter)\s+)?head(?:ing|er)\s+(?:of|for)\s+(.+)$/i.exec(s.text);
    if (!m) return undefined;
    const inside = readSubject(m[2]!, s.outer, s.laws, s.words);
    if ('error' in inside) return inside;
    return { ...inside, location: [...inside.location, { type: 'heading' }] };
  },
  // "The item relating to section 6039H in the table of sections for subpart A of part III …".
  (s) => {
    const m = /^item\s+relating\s+to\s+(section|chapter|subchapter|part)\s+([\w.–-]+)\s+in\s+the\s+(.+)$/i.exec(s.text);
    if (!m) return undefined;
    const table = readSubject(m[3]!, s.outer, s.laws, s.words);
    if ('error' in table) return table;
    return { ...table, location: [...table.location, { type: 'tableItem', rung: m[1]!.toLowerCase(), designation: m[2]! }] };
  },
  // "The table of contents in section 1(b) of the Homeland Security Act of 2002", "The table of
  // sections at the beginning of chapter 553 of title 46", "The analysis for chapter 463 of title 49".
  (s) => {
    const m = /^((?:table\s+of\s+(?:sections|subchapters|parts|chapters|contents))|table|(?:chapter\s+)?analysis)(?:\s+at\s+the\s+beginning)?\s+(?:for|of|in|contained\s+in)\s+(.+)$/i.exec(s.text);
    if (!m) return undefined;
    const table: ReadStep = { type: 'table', of: /analysis/i.test(m[1]!) ? 'table of sections' : m[1]!.toLowerCase().replace(/\s+/g, ' ') };
    const place = m[2]!.replace(/^the\s+/i, '');
    const usc = new RegExp(`^${STRUCTURE.source.slice(1)}title\\s+(\\d+[A-Z]?),?\\s+United States Code,?$`, 'i').exec(place);
    if (usc) {
      const units = structurePath(place);
      const target: InstructionTarget = { title: usc[2]! };
      const chapter = units.find(([kind]) => kind === 'chapter');
      if (chapter) target.chapter = chapter[1];
      const rest = units.filter(([kind]) => kind !== 'chapter');
      if (rest.length) target.within = rest.map(([k, v]) => `${k} ${v}`).join(' of ');
      return { target, location: [table] };
    }
    const inner = readSubject(place, s.outer, s.laws, s.words);
    if (!('error' in inner)) return { ...inner, location: [...inner.location, table] };
    // "The table of sections for part VI of subchapter B of chapter 1" (of the law named before).
    const law = contextLaw(s.laws) ?? (Object.keys(s.outer).length ? s.outer : undefined);
    if (!law) return inner;
    return { target: { ...law, within: place }, location: [table] };
  },
  // "The following sections of title 37, United States Code, are amended …", "The following provisions of law are repealed: …".
  (s) => {
    const m = /^following(?:\s+(?:sections|provisions|regulations)(?:\s*\([^()]*\))?)?(?:\s+(?:of|in)\s+(.+))?$/i.exec(s.text);
    if (!m) return undefined;
    if (!m[1] || /^law$/i.test(m[1])) return { target: { ...s.outer }, location: [], list: true };
    const inner = readSubject(m[1], s.outer, s.laws, s.words);
    if (!('error' in inner)) return { ...inner, list: true };
    const law = /^title\s+(\d+[A-Z]?),?\s+United States Code,?$/i.exec(m[1]);
    if (law) return { target: { title: law[1]! }, location: [], list: true };
    const act = actName(s.words(m[1]));
    return act ? { target: act, location: [], list: true } : inner;
  },
  // "So much of section 448(c) as precedes paragraph (2)": the part of a level before (or after) a place.
  (s) => {
    const m = /^so\s+much\s+of\s+(.+?)\s+as\s+(precedes|follows)\s+(?:the\s+)?(.+)$/i.exec(s.text);
    if (!m) return undefined;
    const inner = readSubject(m[1]!, s.outer, s.laws, s.words);
    if ('error' in inner) return inner;
    return { ...inner, location: [...inner.location, { type: 'provision', name: `so much as ${m[2]!.toLowerCase()} the ${s.words(m[3]!)}` }] };
  },
  // "280F(a)(1)(A) is amended—": a section of the law in scope with "section" left out.
  (s) => {
    const m = /^(\d+[A-Z]*(?:[–-]\d+)?)((?:\([A-Za-z0-9]{1,6}\))+)$/.exec(s.text);
    const law = contextLaw(s.laws) ?? (Object.keys(s.outer).length ? s.outer : undefined);
    if (!m || !law) return undefined;
    const target = sourceTarget(undefined, m[1]!, law, s.laws);
    if ('error' in target) return target;
    return { target, location: levelSteps('section', m[2]!, styleOf(target)), notes: [`“${s.text}” read as “section ${s.text}”`] };
  },
  readLevelsOf,
  readSections,
  readStructure,
  // "Title 17, United States Code", "Title 54, United States Code, “National Park Service and Related Programs”"
  (s) => {
    const m = /^title\s+(\d+[A-Z]?),?\s+United States Code,?(?:\s*\uE000\d+\uE001,?)?$/i.exec(s.text);
    return m ? { target: { title: m[1]! }, location: [] } : undefined;
  },
  readSchedule,
  readUnderHeading,
  // "The Oil Region National Heritage Area Act (Public Law 108–447; 118 Stat. 3368)", "The Act of March 3, 1927 (…)".
  (s) => {
    if (!/^(?:(?:[A-Z][\w ,'’–-]*\bAct\b|Public Law \d+[–-]\d+\b)|(?:An\s+)?Act\s+(?:of|entitled)\b|(?:House|Senate)\s+(?:Concurrent\s+)?Resolution\b)/.test(s.text)) return undefined;
    if (/\bof\s+(?:the\s+)?(?:division|title|subtitle)\b/i.test(s.text)) return undefined;
    const act = actName(s.words(s.text));
    if (!act) return undefined;
    remember(s.laws, act);
    return { target: act, location: [] };
  },
];

/** `part VI of subchapter B of chapter 1 of …` → `[['part', 'VI'], ['subchapter', 'B'], ['chapter', '1']]`. */
function structurePath(text: string): Array<readonly [string, string]> {
  const chain = STRUCTURE.exec(text)![0];
  return [...chain.matchAll(/((?:sub)?(?:chapter|part|title|division)|subtitle|subpart|appendix)\s+([\w.–-]+)\s+of\s+/gi)].map((m) => [m[1]!.toLowerCase(), m[2]!] as const);
}

/**
 * levels of a section: "Subsections (a)(1), (b)(2)(B), and (c) of section 5 … are each amended"
 * (the same instruction in each), "first sentence of", "paragraph (2) of subsection (b) of",
 * "the first subsection (c) of", then the section itself, or the levels alone in a law already named.
 */
function readLevelsOf(s: Subject): SubjectReading | { error: string } | undefined {
  let text = s.text;
  const inner: ReadStep[] = [];
  const plural = /^(subsections?|paragraphs?|subparagraphs?|clauses?|subclauses?)\s+((?:\([A-Za-z0-9]{1,6}\))+(?:\s*,\s*(?:and\s+)?(?:\([A-Za-z0-9]{1,6}\))+|\s+and\s+(?:\([A-Za-z0-9]{1,6}\))+)+)\s+of\s+/i.exec(text);
  // "Subsection (b)(2)(B)(ii)(II), and clauses (i) and (ii) of subsection (j)(1)(B), of section 32"
  const mixed = plural ? null : new RegExp(`^(${LEVEL_PHRASE}(?:\\s*,\\s*(?:and\\s+)?${LEVEL_PHRASE})+),?\\s+of\\s+(?=section\\b)`, 'i').exec(text);
  if (plural) {
    inner.push(eachOf(plural[1]!.replace(/s?$/, 's'), plural[2]!, 'us'));
    text = text.slice(plural[0].length);
  } else if (mixed) {
    inner.push({ type: 'each', paths: [...mixed[1]!.matchAll(new RegExp(LEVEL_PHRASE, 'gi'))].flatMap((p) => phrasePaths(p[0])) });
    text = text.slice(mixed[0].length);
  }
  for (;;) {
    const ordinal = new RegExp(`^${ORDINAL}\\s+(sentence|paragraph)\\s+(?:of\\s+)?(?=section\\b|${RUNG_WORD}|the\\b)`, 'i').exec(text);
    if (ordinal) {
      if (!/\s+of\s+$/.test(ordinal[0])) s.notes.push(`“${ordinal[0].trim()}” read as “${ordinal[0].trim()} of”`);
      inner.unshift({ type: ordinal[2]!.toLowerCase() as 'sentence' | 'paragraph', ordinal: ordinalNumber(ordinal[1]!)! });
      text = text.slice(ordinal[0].length).replace(/^the\s+/i, '');
      continue;
    }
    const nth = new RegExp(`^${ORDINAL}\\s+(subsection|paragraph|subparagraph)\\s+\\(([A-Za-z0-9]+)\\)\\s+of\\s+`, 'i').exec(text);
    if (nth) {
      inner.unshift({ ...levelStep(nth[2]!.toLowerCase() as LevelKind, nth[3]!), nth: ordinalNumber(nth[1]!)! });
      text = text.slice(nth[0].length);
      continue;
    }
    const level = new RegExp(`^(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS}\\s+of\\s+(?:the\\s+)?`, 'i').exec(text);
    if (level) {
      inner.unshift(...levelSteps(level[1]!.toLowerCase(), level[2]!));
      text = text.slice(level[0].length);
      continue;
    }
    break;
  }
  if (inner.length === 0) {
    // "Paragraph (2) is amended …" inside a list that already named the law.
    const level = new RegExp(`^(?!section\\b)${RUNG_WORD}\\s+${DESIGNATIONS}$`, 'i').exec(text);
    if (!level || Object.keys(s.outer).length === 0) return undefined;
    return { target: { ...s.outer }, location: levelSteps(level[1]!.toLowerCase(), level[2]!) };
  }
  if (text === '') return { target: { ...s.outer }, location: inner };
  const rest = readSubject(text, s.outer, s.laws, s.words);
  if ('error' in rest) return rest;
  const { named: _named, ...reading } = rest;
  void _named;
  return { ...reading, location: [...rest.location, ...inner] };
}

/**
 * "Section 5 of …", "Sections 1902(e)(1)(B) and 1925(f) of the Social Security Act", "such section
 * 1181", "the first section of the Mineral Leasing Act", "section 213(a)(2) (52 U.S.C. 20943(a)(2))",
 * "Subsection (e) of section 455 the Higher Education Act" (read as "of the").
 */
function readSections(s: Subject): SubjectReading | { error: string } | undefined {
  const text = s.text;
  const such = /^such\s+section(?:\s+(\d[\w.–-]*?))?((?:\([A-Za-z0-9]{1,6}\))*)(?:\s+\(\d+\s+U\.S\.C\.[^()]*(?:\([^()]*\)[^()]*)*\))?$/i.exec(text);
  if (such) {
    const last = s.laws.last?.section;
    if (!last) return { error: `target not understood: "${text}" (no section is named before it)` };
    const number = such[1];
    const target: InstructionTarget = number ? (last.usc && !last.act ? { ...last, usc: { ...last.usc, section: number } } : { ...last, section: number }) : { ...last };
    return { target, location: such[2] ? levelSteps('section', such[2], styleOf(target)) : [], named: [levelStep('section', number ?? target.section ?? target.usc?.section ?? '')] };
  }
  // "Sections 6426(d)(5) and 6426(e)(3)", "Sections 55316 and 55317 of chapter 553 of title 46",
  // "Sections 674.33(g), 682.402(d), and 685.214 of title 34, Code of Federal Regulations".
  const item = String.raw`\d[\w.–-]*?(?:\([A-Za-z0-9]{1,6}\))*`;
  const several = new RegExp(String.raw`^sections\s+(${item}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)${item})+)(?:\s+of\s+(?:chapter\s+[\w.–-]+\s+of\s+)?(.+?))?(?:\s+\(\d+[A-Z]?\s+U\.S\.C\.[^()]*(?:\([^()]*\)[^()]*)*\))?$`, 'i').exec(text);
  if (several) {
    const all = [...several[1]!.matchAll(/(\d[\w.–-]*?)((?:\([A-Za-z0-9]{1,6}\))*)(?=\s*,|\s+and\b|$)/g)].map((m) => [m[1]!, m[2]!] as const);
    if (new Set(all.map(([n]) => n)).size === 1 && all.every(([, d]) => d)) {
      // One section, and its levels each.
      const found = sourceTarget(several[2], all[0]![0], s.outer, s.laws);
      if ('error' in found) return found;
      return { target: found, location: [{ type: 'each', paths: all.map(([, d]) => levelSteps('section', d, styleOf(found))) }] };
    }
    return alike(s, all, several[2]);
  }
  const first = /^first\s+section\s+of\s+(.+)$/i.exec(text);
  const section = new RegExp(`^sections?\\s+(\\d[\\w.–-]*?)${DESIGNATIONS}?(?:\\s+${USC_CITE.source})?(?:\\s+(of\\s+(?:the\\s+)?|the\\s+)(.+))?$`, 'i').exec(text);
  if (!first && !section) return undefined;
  const number = first ? '1' : section![1]!;
  let source = first ? first[1]! : section![6];
  if (section?.[5] && /^the\s+$/i.test(section[5])) {
    s.notes.push(`“section ${number} the” read as “section ${number} of the”`);
    source = `the ${source}`;
  }
  const found = sourceTarget(source, number, s.outer, s.laws);
  if ('error' in found) return found;
  let target = found;
  if (section?.[3] && !source) {
    // "section 213(a)(2) (52 U.S.C. 20943(a)(2))" in a law already named: where the Code has it.
    const cited = citedSection(section[4]!);
    if (cited && (target.act || !target.usc)) target = { ...target, usc: { title: section[3], section: cited } };
  }
  return {
    target,
    location: section?.[2] ? levelSteps('section', section[2], styleOf(target)) : [],
    named: [levelStep('section', number)],
  };
}

/** Several sections amended alike: one target each, with the levels named in each. */
function alike(s: Subject, sections: ReadonlyArray<readonly [string, string]>, source: string | undefined): SubjectReading | { error: string } {
  const each: NonNullable<SubjectReading['alike']> = [];
  for (const [number, designations] of sections) {
    const found = sourceTarget(source, number, s.outer, s.laws);
    if ('error' in found) return found;
    each.push({ target: found, location: designations ? levelSteps('section', designations, styleOf(found)) : [], named: [levelStep('section', number)] });
  }
  const { section: _section, usc: _usc, ...law } = each[0]!.target;
  void _section;
  void _usc;
  return { target: law, location: [], alike: each };
}

/**
 * "Chapter 8 of title 17, United States Code", "Subchapter I of chapter 33 of title 5, United
 * States Code", "Part F of title IV of the Higher Education Act of 1965 (20 U.S.C. 1087kk)",
 * "Part VII of subchapter B of chapter 1" (of the law the title amends), "Chapter 36".
 */
function readStructure(s: Subject): SubjectReading | { error: string } | undefined {
  const whole = /^(chapter|subchapter|part|subpart|subtitle|division)\s+([\w.–-]+)$/i.exec(s.text);
  const chained = /^(chapter|subchapter|part|subpart|subtitle|division|title)\s+([\w.–-]+)\s+of\s+(.+)$/i.exec(s.text);
  if (chained && /^title$/i.test(chained[1]!) && /United States Code/i.test(chained[3]!)) return undefined;
  if (!whole && !chained) return undefined;
  const units = whole ? [[whole[1]!.toLowerCase(), whole[2]!] as const] : structurePath(s.text);
  const law = whole ? '' : s.text.slice(STRUCTURE.exec(s.text)![0].length).trim();
  const usc = /^title\s+(\d+[A-Z]?),?\s+United States Code,?$/i.exec(law);
  if (usc) {
    const target: InstructionTarget = { title: usc[1]! };
    const ch = units.find(([kind]) => kind === 'chapter');
    if (ch) target.chapter = ch[1];
    const rest = units.filter(([kind]) => kind !== 'chapter');
    if (rest.length) target.within = rest.map(([k, v]) => `${k} ${v}`).join(' of ');
    return { target, location: [] };
  }
  const within = units.map(([k, v]) => `${k} ${v}`).join(' of ');
  const cfr = /^title\s+(\d+),?\s+Code of Federal Regulations,?$/i.exec(law);
  if (cfr) return { target: { act: `title ${cfr[1]}, Code of Federal Regulations`, within }, location: [] };
  if (law === '' || /^(?:(?:sub)?(?:chapter|part|title)|subtitle|subpart)\s+[\w.–-]+$/i.test(law)) {
    // The chain ends in the law the title amends ("Part VII of subchapter B of chapter 1").
    const context = contextLaw(s.laws) ?? (Object.keys(s.outer).length ? s.outer : undefined);
    if (!context) return undefined;
    return { target: { ...context, within: law ? `${within} of ${law.toLowerCase()}` : within }, location: [] };
  }
  // "Subtitle C of title II of such Act (52 U.S.C. 21081 et seq.)"
  const such = /^(?:such|that|said)\s+Act\b/i.test(law) ? sourceTarget(law, '', {}, s.laws) : undefined;
  const act = such && !('error' in such) ? such : actName(s.words(law));
  if (!act?.act) return { error: `target not understood: "${s.words(s.text)}"` };
  remember(s.laws, act);
  return { target: { act: act.act, within }, location: [] };
}

/**
 * The Harmonized Tariff Schedule of the United States and its notes and headings: "General Note
 * 3(e) of the …", "The additional U.S. notes to chapter 62 of the …", "U.S. Note 3 to subchapter II
 * of chapter 98 of the …", "The article description for heading 9801.00.10 of the …".
 */
function readSchedule(s: Subject): SubjectReading | undefined {
  const m = /^(.+?)\s+(?:of|to)\s+(?:the\s+)?(Harmonized Tariff Schedule of the United States)(?:\s+\([^()]*\))?$/i.exec(s.text);
  const whole = /^(?:the\s+)?(Harmonized Tariff Schedule of the United States)(?:\s+\([^()]*\))?$/i.exec(s.text);
  if (whole) return { target: { act: whole[1]! }, location: [] };
  if (!m) return undefined;
  return { target: { act: m[2]!, within: s.words(m[1]!) }, location: [] };
}

/**
 * Provisions of an appropriations Act, named by the headings they stand under: "The second
 * proviso under the heading “Hurricane Education Recovery” under the heading “Department of
 * Education” under title VIII of …", "The paragraph under the heading “administrative provisions”
 * … (43 U.S.C. 377b)", "The language under the heading “Rental Assistance Demonstration” in the …".
 */
function readUnderHeading(s: Subject): SubjectReading | undefined {
  const m = /^((?:matter\s+(?:preceding|following)\s+the\s+(?:first|second|third|last)\s+proviso\s+|(?:(?:first|second|third|fourth|fifth|last)\s+)?(?:paragraph|proviso|provision|language|matter|text)s?\s+)(?:under|in)\s+the\s+heading\s+\uE000\d+\uE001(?:\s*,?\s+(?:under|in)\s+the\s+heading\s+\uE000\d+\uE001)*(?:\s*,?\s+(?:under|in|of)\s+(?:title|chapter|division)\s+[\w.–-]+(?:\s+of\s+(?:sub)?division\s+[\w.–-]+)*(?:\s+of\s+division\s+[\w.–-]+)?)?)(?:\s*,?\s+(?:in|of)\s+(?:the\s+)?(.+?))?(\s+\(\d+\s+U\.S\.C\.[^()]*\))?$/i.exec(s.text);
  if (!m) return undefined;
  const within = s.words(m[1]!);
  if (m[2]) {
    const act = actName(s.words(m[2]));
    if (act) {
      remember(s.laws, act);
      return { target: { act: act.act!, within }, location: [] };
    }
  }
  const law = contextLaw(s.laws);
  if (m[3]) {
    const cite = /(\d+)\s+U\.S\.C\.\s+([\w.–-]+)/.exec(m[3]);
    return { target: { ...(law ?? {}), ...(cite ? { usc: { title: cite[1]!, section: cite[2]! } } : {}), within }, location: [] };
  }
  return law ? { target: { ...law, within }, location: [] } : undefined;
}
