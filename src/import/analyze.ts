/**
 * What the store computes once per bill version, at import: its plain text (for full-text search),
 * its words, the sections it amends, adds or repeals (California: the bill's own section headers;
 * federal: the instruction targets `src/amend` reads), the sections it cites ("Notwithstanding
 * Section 7282.5 or 7284.6", and which of them it would override), and — from the Legislative
 * Counsel's change marks, where the version carries them — its change counts and whether it guts and
 * amends. Versions without marks are counted against the version before by the aligner
 * (`countChanges`).
 */
import { alignTrees, defaultAlignOptions } from '../align/index.js';
import { doubleJoints } from './double-joints.js';
import { shortTitles } from './short-titles.js';
import { billInstructions, parseAction } from '../amend/index.js';
import type { InstructionAction } from '../amend/index.js';
import { parseDocument } from '../parse/index.js';
import { LEVEL_NUMBER, UNIT_KIND } from '../parse/references.js';
import { codeOf, normalizeSectionNumber } from '../store/codes.js';
import { contentHash } from '../store/database.js';
import type { OverrideWords, SectionRelation, SectionTouch } from '../store/types.js';
import type { Author, Content, DocumentMeta, Level, Reference, Root, SourceFormat } from '../types.js';

/**
 * What `analyzeVersion` computes, numbered: raised whenever a billdiff computes a version's facts
 * differently, so that a database an earlier billdiff wrote is brought up to date by importing its
 * inputs again. An input is recorded as imported under this number (`importKey`), and a version's
 * stored hash carries it (`versionHash`): the same input imported under a newer number is read again,
 * and each of its versions analysed again (its rows updated where the facts differ), where under the
 * same number it is skipped as already imported.
 *
 * 1. As first released.
 * 2. The Internal Revenue Code of 1986 filed under 26 U.S.C. (a tax bill's instructions name no title).
 * 3. A federal engrossed amendment's title read from the words that cite its bill ("(H.R. 1) entitled
 *    “An Act to …”": documents.ts, `entitledTitle`), where it had none; a U.S. Code section printed
 *    with an en dash (`1395w–4`) filed with its hyphen (`1395w-4`), as its title file and its links
 *    name it; a print's line number inside a citation ("(42 U.S.C. 10 1395w–4(d))") left out; a federal
 *    version dated by its latest action, in its preface or at its end, and a law by its approval (most
 *    had no date: `federalDate`); govinfo's IPH and IPS named "Indefinitely Postponed", not "Introduced".
 * 4. A federal law linked to the bill it enacted, as it names it under its title ("[H.R. 1]"): the bill
 *    no longer pending, "Became Pub. L. 119-21" (`enactedBill`, `Writer.settleEnactment`).
 * 5. A section overridden "without regard to" it, or which "shall not apply", beside those cited
 *    "notwithstanding" it (`overrides`).
 * 6. A section "exempt from" which the bill makes something, as those it overrides ("shall be exempt from
 *    the requirements of section 553 of title 5").
 * 7. The unit a bill repeals or cites whole ("Chapter 17.25 (commencing with Section 7284) … is
 *    repealed"), kept with the section it begins with (`SectionTouch.unit`); law sections keep their
 *    place in their code (`LawSectionInput.place`), by which the other sections of the unit are found.
 *    Citations filed by the code named after them ("Sections 270 and 273ab of the Penal Code", "Section
 *    664 of, or …, Section 182 of, the Penal Code", "Title 8 of the United States Code"), and a part of
 *    a section cited as the section ("Notwithstanding subdivision (b) of Section 42280").
 * 8. A section a bill overrides on its own and also cites as the first of a unit it only cites: the
 *    override kept (it was let go with the section's own citation). A range of sections cited by its
 *    ends, kept with the first (`SectionTouch.through`): "Sections 290 through 290.024, inclusive";
 *    "Sections 11340 to 11361, inclusive", whose last section was not read; a range repealed so.
 * 9. Who brought each version (`VersionAnalysis.authors`): a California version's authors (CAML
 *    `Authors`), a federal one's sponsor and cosponsors (its form's or preface's `sponsor`, `cosponsor`).
 * 10. The names a version gives its act or a unit of it, its short titles (`VersionAnalysis.names`:
 *    "This Act may be cited as the “CARES Act”"; short-titles.ts); and codes cited by the California
 *    Style Manual's abbreviations ("Pen. Code, § 1050").
 * 11. The units of the codes as a pubinfo table of contents (LAW_TOC_TBL) heads them (`law_units`:
 *    "CHAPTER 8. Continuances"), and as a U.S. Code title's file nests them ("CHAPTER 1—NATIONAL
 *    PARKS, …", "SUBCHAPTER I—…", with each section's place among them), which a code's page and a
 *    section's name above its sections.
 * 12. A law's citation in the statutes (`BillRow.statute`), by which a search finds it: a federal law's
 *    page of the Statutes at Large, from its file's `citableAs` ("130 Stat. 615"); a chaptered
 *    California bill's chapter, from BILL_TBL ("Stats. 2025, ch. 623"). A U.S. Code section's source
 *    credit, kept as its history ("(July 30, 1947, ch. 388, 61 Stat. 633; … Pub. L. 112–231, …)"), whose
 *    public laws the section's page links where the database holds them.
 * 13. A simple resolution agreed to by its one house no longer pending: a federal one's engrossed or
 *    agreed-to print (H.Res. EH, "Agreed to in House"; S.Res. ATS), a California one adopted (HR, SR).
 *    A section a California bill amends double-jointed with other bills (`SectionTouch.jointWith`):
 *    "Section 1.5 of this bill incorporates amendments to Section 54953 of the Government Code
 *    proposed by this bill and Senate Bill 537" (double-joints.ts).
 */
export const ANALYSIS_VERSION = 13;

/** The key an input is recorded under in `imports`: its sha256 and the analysis it was imported with. */
export function importKey(hash: string): string {
  return `${hash}/a${ANALYSIS_VERSION}`;
}

/** The hash stored with a version: its bytes' sha256 and the analysis its facts were computed with. */
export function versionHash(bytes: Uint8Array): string {
  return importKey(contentHash(bytes));
}

export interface VersionAnalysis {
  text: string;
  words: number;
  marks: number;
  /** Counts from the change marks (absent when the version carries none). */
  marked?: { inserted: number; deleted: number; gutAndAmend: boolean; against: 'law' | 'previous' };
  sections: SectionTouch[];
  meta?: DocumentMeta;
  title?: string;
  format: SourceFormat;
  /** Who brought it, as it names them (none named: empty). */
  authors: Author[];
  /** The names it gives its act or a unit of it (`shortTitles`; none: empty). */
  names: string[];
}

const RELATIONS: Partial<Record<InstructionAction, SectionRelation>> = {
  amendToRead: 'amends',
  amendRenumber: 'amends',
  add: 'adds',
  repeal: 'repeals',
  repealReserve: 'repeals',
  strike: 'amends',
  insert: 'amends',
  strikeInsert: 'amends',
  addAtEnd: 'amends',
  insertAfter: 'amends',
  insertBefore: 'amends',
  redesignate: 'amends',
  transfer: 'amends',
};

/** Counts words the way the aligner's summary does: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,\-]*/gu)?.length ?? 0;
}

/** The text of a level tree, one level a line: designation, heading, words (`(a) The welfare …`). */
export function treeText(tree: Root | Level): string {
  const lines: string[] = [];
  const visit = (nodes: Content[]) => {
    for (const node of nodes) {
      if (node.type === 'level') {
        const own = [node.num?.text, node.heading].filter(Boolean).join(' ');
        const first = node.children[0];
        if (own && first && first.type !== 'level' && first.value.trim()) {
          lines.push(`${own} ${first.value}`);
          visit(node.children.slice(1));
        } else {
          if (own) lines.push(own);
          visit(node.children);
        }
      } else if (node.value.trim()) lines.push(node.value);
    }
  };
  visit(tree.children);
  return lines.join('\n');
}

/**
 * Reads one bill version. `first` says whether it is the bill's first version, whose change marks
 * (if any) are against current law rather than against a version before.
 */
export function analyzeVersion(bytes: Uint8Array | string, file: string, options: { first: boolean; format?: SourceFormat; context?: SectionContext }): VersionAnalysis {
  const doc = parseDocument(bytes, file, { references: true, ...(options.format ? { format: options.format } : {}) });
  const text = treeText(doc.tree);
  const words = countWords(text);
  const analysis: VersionAnalysis = {
    text,
    words,
    marks: doc.source.marks.length,
    sections: withDoubleJoints(touchedSections(doc.tree, file, options.context), text),
    format: doc.source.format,
    authors: doc.source.meta?.authors ?? [],
    names: shortTitles(text),
    ...(doc.source.meta ? { meta: doc.source.meta } : {}),
    ...(doc.source.title ? { title: doc.source.title.trim() } : {}),
  };
  if (doc.source.marks.length) {
    let inserted = 0;
    let deleted = 0;
    for (const m of doc.source.marks) {
      if (m.type === 'insertion') inserted += countWords(m.text);
      else deleted += countWords(m.text);
    }
    const oldWords = Math.max(0, words - inserted + deleted);
    const share = Math.max(0, oldWords - deleted) / Math.max(1, oldWords, words);
    const gutAndAmend = !options.first && oldWords >= 40 && words >= 40 && share < defaultAlignOptions.gutThreshold;
    analysis.marked = { inserted, deleted, gutAndAmend, against: options.first ? 'law' : 'previous' };
  }
  return analysis;
}

/**
 * The sections a version amends, each with the other bills whose amendments of it the version
 * incorporates, where it says so (double-jointed: `doubleJoints`).
 */
function withDoubleJoints(sections: SectionTouch[], text: string): SectionTouch[] {
  if (!/\bincorporates?\s/.test(text)) return sections;
  const joints = doubleJoints(text);
  for (const touch of sections) {
    const jointWith = touch.relation === 'amends' ? joints.get(`${touch.code}\u0000${touch.section}`) : undefined;
    if (jointWith) touch.jointWith = jointWith;
  }
  return sections;
}

/**
 * What a text that prints no instruction is known to be from elsewhere: an excerpt of the section a
 * bill adds (the corpus's "proposed Government Code § 7282.7") is in that code and adds that section.
 */
export interface SectionContext {
  code: string;
  adds?: string;
}

/** An instruction that adds a whole level by its first section: its number. */
const UNIT_ADDED = /^(?:Article|Chapter|Part|Division|Title|Subchapter|Subarticle)\s+(\d+(?:\.\d+)*[a-z]?)\s+\(commencing with Section/;

/** What follows a section of no code: a chapter of the statutes of a year, or the bill's own. */
const NO_CODE_SECTION = /^\s+of\s+(?:Chapter\s+\d+\s+of\s+the\s+Statutes\b|this\s+(?:act|bill)\b)/i;
/** What follows a section of the California Constitution: its article. */
const CONSTITUTION_ARTICLE = /^\s+of\s+Article\s+([IVXL]+(?:\s[A-Z]\b)?)\s+of\s+the\s+(?:California\s+)?Constitution\b/;

/** A citation of a part of a section that names the section: "subdivision (b) of Section 1050", "subsection (a) of section 101". */
const CITES_A_SECTION = /\bof\s+sections?\s/i;

/**
 * An instruction that repeals a whole level of a code, which the Legislature's law sections place
 * sections in (LAW_SECTION_TBL's division, title, part, chapter and article): its kind, its number and
 * the section it begins with.
 */
const UNIT_REPEALED = new RegExp(String.raw`^(${UNIT_KIND})\s+(${LEVEL_NUMBER})\s+\(commencing with Section (${LEVEL_NUMBER})\)`);

/** An instruction that repeals a range of sections by its ends ("Sections 97100 to 97103, inclusive, … are repealed"): the ends. */
const RANGE_REPEALED = new RegExp(String.raw`^Sections\s+(${LEVEL_NUMBER})\s+(?:to|through)\s+(${LEVEL_NUMBER}),\s+inclusive\b`);

/** The sections a bill version amends, adds, repeals or cites. */
export function touchedSections(tree: Root, file: string, context?: SectionContext): SectionTouch[] {
  const out: SectionTouch[] = [];
  const own = new Set<string>();
  if (context?.adds) {
    own.add(`${context.code}\u0000${context.adds}`);
    out.push({ code: context.code, section: context.adds, relation: 'adds' });
  }
  for (const { instruction } of billInstructions({ tree, file })) {
    const relation = RELATIONS[instruction.action];
    const t = instruction.target;
    if (!relation) continue;
    // An Act that is a Code title section for section (the Internal Revenue Code of 1986) is that title.
    const code = t.usc ? `usc${t.usc.title}` : t.code ? codeOf(t.code) : t.act ? codeOf(t.act) : undefined;
    const section = t.usc ? t.usc.section.replace(/\(.*$/, '') : t.section;
    if (!code || !section) continue;
    // "Article 4.5 (commencing with Section 44500) is added": 4.5 numbers the article, whose heading
    // the CAML reader reads like a section's; the sections it prints are recorded, not "4.5".
    if (!t.usc && UNIT_ADDED.exec(instruction.text)?.[1] === section) continue;
    const number = normalizeSectionNumber(section);
    own.add(`${code}\u0000${number}`);
    // "Chapter 17.25 (commencing with Section 7284) of … is repealed": the whole chapter goes; "Sections
    // 97100 to 97103, inclusive, … are repealed": those between its ends too.
    const unit = relation === 'repeals' && !t.usc ? UNIT_REPEALED.exec(instruction.text) : null;
    const range = relation === 'repeals' && !t.usc && !unit ? RANGE_REPEALED.exec(instruction.text) : null;
    if (unit && normalizeSectionNumber(unit[3]!) === number) out.push({ code, section: number, relation, unit: `${unit[1]} ${unit[2]}` });
    else if (range && normalizeSectionNumber(range[1]!) === number) out.push({ code, section: number, relation, through: normalizeSectionNumber(range[2]!) });
    else out.push({ code, section: number, relation });
  }
  // Cited sections: a bare "Section 7284.6" inside a bill section that amends the Government Code
  // is a Government Code section.
  const visit = (nodes: Content[], code: string | undefined) => {
    for (const node of nodes) {
      if (node.type === 'level') {
        const action = node.children.find((c) => c.type === 'action');
        const named = action?.type === 'action' ? parseAction(action.value)?.code : undefined;
        const here = named ? codeOf(named) ?? code : code;
        visit(node.children, here);
        continue;
      }
      if (node.type === 'action' || !node.refs) continue;
      for (const ref of node.refs) {
        // A section, or a part of one named with it: "subdivision (b) of Section 1050" cites Section
        // 1050; "paragraph (4) of subdivision (d)" names no section.
        if (!ref.path[0] || (ref.kind !== 'section' && !CITES_A_SECTION.test(ref.text))) continue;
        const after = ref.act || ref.usc ? '' : node.value.slice(ref.end, ref.end + 80);
        // "Section 3 of Chapter 285 of the Statutes of 2022", "Section 1 of this act": no code's section.
        if (NO_CODE_SECTION.test(after)) continue;
        // "Section 3 of Article I of the California Constitution": filed as the Legislature files it, `I-3`.
        const article = CONSTITUTION_ARTICLE.exec(after);
        const refCode = ref.usc ? `usc${ref.usc.title}` : article ? 'CONS' : ref.act ? codeOf(ref.act) : code;
        const number = ref.usc ? ref.usc.section.replace(/\(.*$/, '') : article ? `${article[1]}-${ref.path[0]}` : ref.path[0];
        if (!refCode || (!article && !/^\d/.test(number))) continue;
        const section = article ? number : normalizeSectionNumber(number);
        if (own.has(`${refCode}\u0000${section}`)) continue;
        const override = overrides(node.value, ref);
        const through = ref.through && !ref.unit ? normalizeSectionNumber(ref.through) : undefined;
        out.push({ code: refCode, section, relation: 'cites', ...(override ? { override } : {}), ...(ref.unit ? { unit: ref.unit } : {}), ...(through ? { through } : {}) });
      }
    }
  };
  visit(tree.children, context?.code);
  // One of each (code, section, relation): a section cited twice, once "notwithstanding" it, is one the
  // bill overrides (by the first words that say so).
  const kept = new Map<string, SectionTouch>();
  const wide = (t: SectionTouch) => Boolean(t.unit || t.through);
  for (const t of out) {
    const key = `${t.code}\u0000${t.section}\u0000${t.relation}`;
    const first = kept.get(key);
    if (!first) kept.set(key, t);
    // The whole unit or the range a section begins cited is more than the section: its citation is
    // kept, with its own override words (those of the section's own citation are not the unit's);
    // except where only the section's citation overrides it: the unit or range only cited is let go
    // (a unit only cited is listed where the section is), and the section's override kept.
    else if (wide(t) !== wide(first)) {
      const [whole, plain] = wide(t) ? [t, first] : [first, t];
      kept.set(key, plain.override && !whole.override ? plain : whole);
    } else if (t.override && !first.override) first.override = t.override;
  }
  return [...kept.values()];
}

/**
 * The words by which the sentence around the citation `ref` in `text` would prevail over the section
 * it cites, or undefined:
 * - "notwithstanding", "without regard to" or "exempt from" it: "Notwithstanding Section 7282.5 or
 *   7284.6, …", "notwithstanding subdivision (b) of Section 1050 of the Penal Code", "without regard to
 *   section 6101 of title 41", "shall be exempt from the requirements of section 553 of title 5": the
 *   words from the last such phrase to the citation are only other citations ("Section", designations,
 *   "of the … Code", "the requirements of", "or", "and"). "Notwithstanding any other law, a person
 *   described in Section 7284.6 …" does not override Section 7284.6, nor is an organization "exempt
 *   from tax under section 501(a)" exempt from that section: their words before the citation are more
 *   than a citation's.
 * - it "shall not apply": "Section 1341 of title 31, United States Code, shall not apply to …", "The
 *   provisions of Section 2314 do not apply …": the citation is the clause's subject, nothing but
 *   citations between the clause's start and "shall not apply". "The amendments made by section 101
 *   shall not apply to …" speaks of the bill's own section, not of one it overrides.
 * Never a note the U.S. Code prints under the section ("38 U.S.C. 4100 note"): that is another law's.
 */
export function overrides(text: string, ref: Pick<Reference, 'start' | 'end' | 'unitStart' | 'unitEnd'>): OverrideWords | undefined {
  // "(Public Law 115–31; 38 U.S.C. 4100 note)": a note printed under the section, not the section.
  if (/U\.S\.C\.\s+[\w.\u2013-]+\s+note\b/.test(text.slice(ref.start, ref.end + 8))) return undefined;
  // A whole level cited by its first section is read as one citation, from its kind to its code.
  const from = ref.unitStart ?? ref.start;
  const to = ref.unitEnd ?? ref.end;
  const before = text.slice(Math.max(0, from - 300), from);
  const m = GOVERNING.exec(before);
  if (m && onlyCitations(m[2]!)) return /^n/i.test(m[1]!) ? 'notwithstanding' : /^w/i.test(m[1]!) ? 'without regard to' : 'exempt from';
  const after = NOT_APPLY.exec(text.slice(to, to + 300));
  if (!after || !onlyCitations(after[1]!)) return undefined;
  // The clause's start: the text's, or after the last stop, colon, semicolon or dash before the citation.
  let start = 0;
  for (const stop of before.matchAll(CLAUSE_STOP)) start = stop.index + stop[0].length;
  return onlyCitations(before.slice(start)) ? 'shall not apply' : undefined;
}

/** The last "notwithstanding", "without regard to" or "exempt(ed) from" of a text, and the words after it. */
const GOVERNING =
  /\b(notwithstanding|without\s+regard\s+to|exempt(?:ed)?\s+from)\b(?![\s\S]*\b(?:notwithstanding|without\s+regard\s+to|exempt(?:ed)?\s+from)\b)([\s\S]*)$/i;

/**
 * Where a clause stops: a semicolon, a colon, a dash, or a full stop before a capital (or at the end),
 * not the stops of "U.S.C. 6101" or "Sec. 5".
 */
const CLAUSE_STOP = /[;:\u2014]|\.(?=\s+[A-Z(\u201c"]|\s*$)/g;

/** What follows a citation that "shall not apply", in the same clause: the words up to it (a citation's only, checked by the caller). */
const NOT_APPLY = /^((?:[^.;:\u2014]|\.(?!\s+[A-Z(\u201c"]))*?)\b(?:shall|does|do)\s+not\s+apply\b/;

/** Whether `words` are only a list of citations' words (`CITATION_WORD`), or none. */
function onlyCitations(words: string): boolean {
  return words.split(/[\s,]+/).every((w) => !w || CITATION_WORD.test(w));
}

/**
 * A word of a list of citations: the units' names, designations ("7284.6", "(b)(1)", "4501)"), the
 * names of Acts and codes ("of the Flood Control Act of 1944 (", "31 U.S.C.", "Anti-Deficiency Act"),
 * "the provisions of", "the limitations in", "or", "and".
 */
const CITATION_WORD =
  /^(?:sections?|§+|subdivisions?|subsections?|paragraphs?|subparagraphs?|clauses?|subclauses?|articles?|chapters?|subchapters?|parts?|divisions?|titles?|of|the|this|that|such|said|or|and|rulemaking|provisions?|limitations?|requirements?|contained|in|last|first|sentence|code|act|\(|[A-Z][A-Za-z'’-]*\.?|[A-Z](?:\.[A-Z])+\.?|\(?\d[0-9A-Za-z.\-–()]*|\(?[0-9A-Za-z]+\)(?:\([0-9A-Za-z]+\))*)$/;

/** Change counts of a version against the one before, by the aligner. */
export function countChanges(
  before: { bytes: Uint8Array; file: string; format?: SourceFormat },
  after: { bytes: Uint8Array; file: string; format?: SourceFormat },
  budget = 2000,
): { inserted: number; deleted: number; clauses: number; gutAndAmend: boolean } {
  const parse = (d: typeof before) => parseDocument(d.bytes, d.file, { references: false, ...(d.format ? { format: d.format } : {}) }).tree;
  const alignment = alignTrees(parse(before), parse(after), { budget });
  const s = alignment.summary;
  return { inserted: s.wordsInserted, deleted: s.wordsDeleted, clauses: s.modified + s.inserted + s.deleted + s.moved, gutAndAmend: alignment.replaced === true };
}
