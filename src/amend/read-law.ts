import type { InstructionTarget } from './types.js';

/**
 * The law an instruction names: a U.S. Code title, an Act (with its U.S.C. parenthetical), a
 * code, a resolution, "such Act" (the law named last), or the law a title's amendment-references
 * clause says its bare "Section 5" means.
 */

/**
 * What earlier text of the bill says about the law amended, carried from section to section:
 * the law named last ("Section 5c(f) of such Act", "such section 1181"), and the law a title
 * amends unless it says otherwise ("whenever in this title an amendment … is expressed in terms of
 * an amendment to … a section or other provision, the reference shall be considered to be made to
 * … the Commodity Exchange Act"). The reader notes the laws it meets in `last`.
 */
export interface LawContext {
  /** The Act, code and U.S. Code title named last, and the section named last with its law. */
  last?: { act?: string; code?: string; title?: string; section?: InstructionTarget };
  /** The law a bare "Section 5 is amended" amends. */
  standing?: InstructionTarget;
}

/** Notes the law a target names, for a later "such Act" or "such section". */
export function remember(laws: LawContext, target: InstructionTarget): void {
  const last = { ...(laws.last ?? {}) };
  if (target.act) last.act = target.act;
  if (target.code) last.code = target.code;
  const title = target.usc?.title ?? target.title;
  if (title && !target.act) last.title = title;
  if (target.section || target.usc) last.section = target;
  laws.last = last;
}

/** The law the context names without a section: the standing law, else the Act or code named last. */
export function contextLaw(laws: LawContext): InstructionTarget | undefined {
  if (laws.standing) return laws.standing;
  if (laws.last?.code) return { code: laws.last.code };
  if (laws.last?.act) return { act: laws.last.act };
  return undefined;
}

/**
 * The law an amendment-references clause names ("…the reference shall be considered to be made
 * to a section or other provision of the Commodity Exchange Act (7 U.S.C. 1 et seq.)."), if the
 * text has one.
 */
export function standingLaw(text: string): InstructionTarget | undefined {
  // Most sections have no such clause: a plain search (the clause in lower case or capitals) rules
  // them out before any whitespace is folded.
  if (!text.includes('onsidered') && !text.includes('ONSIDERED')) return undefined;
  const m = /reference\s+shall\s+be\s+considered\s+to\s+be\s+made\s+to\s+(?:a|the)\s+section\s+or\s+other\s+provision\s+of\s+(?:the\s+)?([^.]+?)(?:\s+\([^()]*\))?\s*\./i.exec(text.replace(/\s+/g, ' '));
  if (!m) return undefined;
  const name = m[1]!.trim();
  const usc = /^title\s+(\d+[A-Z]?),\s+United States Code$/i.exec(name);
  if (usc) return { title: usc[1]! };
  if (/Code$/.test(name) && !/United States Code/.test(name)) return { code: name };
  return { act: name };
}

/** The law named after "Section N of" (or the law in scope when none is named). */
export function sourceTarget(source: string | undefined, section: string, outer: InstructionTarget, laws: LawContext): InstructionTarget | { error: string } {
  if (source === undefined) {
    // "Section 7282.7 is added to the Government Code" (the code follows the verb), or a section of the law already named.
    if (outer.act || outer.code) return { ...outer, section };
    if (outer.title) return uscTarget(outer, section);
    if (outer.usc) return { ...outer, usc: { ...outer.usc, section } };
    return { section };
  }
  const target = namedTarget(source, section, outer, laws);
  if (!('error' in target)) remember(laws, target);
  return target;
}

/** A U.S. Code citation in parentheses: `(7 U.S.C. 1a)`, `(42 U.S.C. 1396a(e)(1)(B), 1396r–6(f))`, `(25 U.S.C. 4101 note)`. */
export const USC_CITE = /\((\d+[A-Z]?)\s+U\.S\.C\.\s+((?:[^()]|\([^()]*\))*?)\)/;

/**
 * The section of a U.S. Code citation, its designations left out: `1396a(e)(1)(B), 1396r–6(f)` →
 * `1396a`; undefined for a note or a range (`4101 note`, `1 et seq.`), which name no one section, and
 * for the appendix of a title (`App.`).
 */
export function citedSection(cited: string): string | undefined {
  const first = cited.split(/,|;/)[0]!.trim();
  if (/\b(?:note|et\s+seq\.?)$/i.test(first)) return undefined;
  const section = first.replace(/(?:\([A-Za-z0-9]+\))+$/, '').trim();
  // A section is one word: a print's line number left inside the citation, "(42 U.S.C. 10 1395w–4(d))",
  // is left out; a dash the print lost, "(42 U.S.C. 1395w 4(c))", is put back.
  const lost = /^(\d+[a-z]+)\s+(\d+[a-z]*)$/i.exec(section);
  if (lost) return `${lost[1]}–${lost[2]}`;
  // A section's number starts with a digit: "(5 U.S.C. App.)", the title's appendix, names no section of it.
  return /^\d+\s+(\d\S*)$/.exec(section)?.[1] ?? (/^\d/.test(section) ? section : undefined);
}

/** `{usc}` for a citation that names one section, else nothing. */
function cite(title: string | undefined, cited: string | undefined): { usc?: { title: string; section: string } } {
  const section = title && cited ? citedSection(cited) : undefined;
  return title && section ? { usc: { title, section } } : {};
}

function namedTarget(source: string, section: string, outer: InstructionTarget, laws: LawContext): InstructionTarget | { error: string } {
  // "such Act (7 U.S.C. 1a)", "such Code", "that Act", "such title": the law named last.
  const such = new RegExp(`^(?:such|that|said)\\s+(Act|Code|title)(?:\\s+${USC_CITE.source})?$`, 'i').exec(source);
  if (such) {
    const last = laws.last ?? {};
    const kind = such[1]!.toLowerCase();
    const cited = cite(such[2], such[3]);
    if (kind === 'title' && last.title) return { usc: { title: last.title, section } };
    if (kind === 'code' && last.code) return { code: last.code, section, ...cited };
    if (kind === 'code' && last.act && /\bCode\b/.test(last.act)) return { act: last.act, section, ...cited };
    if (kind === 'act' && last.act) return { act: last.act, section, ...cited };
    return { error: `law not understood: "${source}" (no ${kind} is named before it)` };
  }
  const usc = /^title\s+(\d+[A-Z]?),?\s+United States Code,?$/i.exec(source);
  if (usc) return { usc: { title: usc[1]!, section } };
  // "Sections 674.33(g) … of title 34, Code of Federal Regulations": regulations, named as an Act is.
  const cfr = /^title\s+(\d+),?\s+Code of Federal Regulations(?:\s+\([^()]*\))?,?$/i.exec(source);
  if (cfr) return { act: `title ${cfr[1]}, Code of Federal Regulations`, section };
  if (/^this\s+(?:title|chapter)$/i.test(source) && outer.title) return uscTarget(outer, section);
  const code = /^(?:the\s+)?((?:[A-Z][\w&]*\s+(?:and\s+)?)+Code)$/.exec(source);
  if (code && !/United States Code/.test(source)) return { code: code[1]!, section };
  const act = actName(source);
  if (!act) return { error: `law not understood: "${source}"` };
  const { usc: cited, ...named } = act;
  return { ...named, section, ...(cited ? { usc: cited } : {}) };
}

/**
 * An Act or other law by its name, as printed: "the Public Health Service Act (42 U.S.C. 201)",
 * "Public Law 99–239", "the Act of March 3, 1927 (44 Stat. 1381, chapter 348; 19 U.S.C. 2071 et
 * seq.)", "the Act entitled “An Act to …”, approved March 3, 1931", "House Resolution 967, agreed
 * to May 15, 2020", "the Harmonized Tariff Schedule of the United States".
 */
export function actName(source: string): InstructionTarget | undefined {
  const text = source.replace(/^the\s+/i, '').replace(/,\s*$/, '').trim();
  const dated = /^((?:An\s+)?Act\s+(?:of\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|entitled\s+\uE000\d+\uE001,?\s+approved\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})|(?:House|Senate)\s+(?:Concurrent\s+)?Resolution\s+\d+(?:,\s+\d+\w*\s+Congress)?(?:,\s+agreed\s+to\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?)(?:\s+\(([^()]*)\))?$/.exec(text);
  if (dated) {
    const cited = dated[2] ? /(\d+[A-Z]?)\s+U\.S\.C\.\s+([\w.–-]+(?:\s+(?:note|et\s+seq\.?))?)/.exec(dated[2]) : null;
    return { act: dated[1]!, ...cite(cited?.[1], cited?.[2]) };
  }
  // "title I of division B of the Miscellaneous Appropriations Act, 2001": a part of an Act, its sections numbered within it.
  const part = /^((?:(?:sub)?(?:title|division|part|chapter)|subtitle|appendix)\s+[\w.–-]+\s+of\s+)+(?:the\s+)?(.+)$/i.exec(text);
  if (part) {
    const law = actName(part[2]!);
    const within = part[0].slice(0, part[0].length - part[2]!.length).replace(/\s+of\s+(?:the\s+)?$/i, '').trim();
    return law ? { ...law, within: law.within ? `${within} of ${law.within}` : within } : undefined;
  }
  const m = new RegExp(
    `^(.+?)(?:\\s+\\((?:known as|popularly known as|commonly known as|also known as)\\s+[^)]*\\))?(?:\\s+\\((?:(?:Public Law|Pub\\. L\\.)\\s[^()]*|\\d+\\s+Stat\\.\\s[^()]*|division\\s+[A-Z]+\\s+of\\s+Public\\s+Law\\s[^()]*)\\))?(?:\\s+${USC_CITE.source})?$`,
  ).exec(text);
  if (!m || !/^(?:[A-Z]|\d+(?:st|nd|rd|th)\s+[A-Z]|Public Law)/.test(m[1]!) || /\b(?:shall|may|must)\b/.test(m[1]!)) return undefined;
  return { act: m[1]!, ...cite(m[2], m[3]) };
}

/** A section of the U.S. Code title (and chapter) already named: `title` moves into `usc`. */
export function uscTarget(outer: InstructionTarget, section: string): InstructionTarget {
  const { title, ...rest } = outer;
  return { ...rest, usc: { title: title!, section } };
}
