import type { LevelKind, Root } from '../types.js';
import { foldWhiteSpace, isWhiteSpace } from '../util/white-space.js';
import type { XmlElement } from './xml.js';

/**
 * The federal vocabulary: which USLM and bill.dtd elements are levels, blocks, quoted law,
 * text and skipped matter, and how designations are printed and normalised.
 */

/** Structural elements and the level kind they become. */
export const LEVEL_KINDS: Record<string, LevelKind> = {
  division: 'division',
  title: 'title',
  subtitle: 'subtitle',
  part: 'part',
  subpart: 'subpart',
  chapter: 'chapter',
  subchapter: 'subchapter',
  article: 'article',
  section: 'section',
  subsection: 'subsection',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
  clause: 'clause',
  subclause: 'subclause',
  item: 'item',
  subitem: 'subitem',
};
/** Levels with no kind of their own (USLM generic `level`, appropriations paragraphs). */
export const GENERIC_LEVELS = new Set(['level', 'appropriations']);
/** The rung below each kind, for generic levels with a designation. */
export const BELOW: Partial<Record<LevelKind, LevelKind>> = {
  section: 'subsection',
  subsection: 'paragraph',
  paragraph: 'subparagraph',
  subparagraph: 'clause',
  clause: 'subclause',
  subclause: 'item',
  item: 'subitem',
  subitem: 'subitem',
};
/** What bill.dtd prints before the enum of the rungs above the section. */
export const BILL_DTD_PREFIX: Partial<Record<LevelKind, string>> = {
  division: 'DIVISION',
  title: 'TITLE',
  subtitle: 'Subtitle',
  part: 'PART',
  subpart: 'Subpart',
  chapter: 'CHAPTER',
  subchapter: 'Subchapter',
};

/**
 * Not body text: document metadata, front and back matter, tables of contents, notes and
 * print artefacts. (`form` is skipped too, all but its `official-title`.)
 */
export const FEDERAL_SKIPPED = new Set([
  'meta',
  'metadata',
  'dublinCore',
  'preface',
  'amendMeta',
  'amendPreface',
  'pre-form',
  'amendment-form',
  'engrossed-amendment-form',
  'toc',
  'notes',
  'note',
  'sourceCredit',
  'editorialNote',
  'footnote',
  'sidenote',
  'page',
  'pagebreak',
  'signatures',
  'attestation',
  'attestation-group',
  'endorsement',
  'legislativeHistory',
  'endMarker',
  'action',
]);
/** Inside quoted law only print artefacts are skipped: a quoted table of contents or note is law text. */
export const FEDERAL_SKIPPED_IN_QUOTED = new Set(['footnote', 'sidenote', 'page', 'pagebreak']);
/** Quoted law: flattened, not read as the document's own structure. */
export const QUOTED = new Set(['quotedContent', 'quoted-block']);
/** Text after a quoted block, printed on its last line (`”.`, `; and`). */
export const AFTER_QUOTED = 'after-quoted-block';
/** Elements that are blocks of their own inside text; everything else is inline. */
export const BLOCKS = new Set([
  'p',
  'toc',
  'tocItem',
  'toc-entry',
  'table',
  'layout',
  'tr',
  'row',
  'list',
  'listItem',
  'ul',
  'ol',
  'li',
  'content',
  'text',
  'chapeau',
  'continuation',
  'continuation-text',
  'quoted-block-continuation-text',
  'heading',
  'header',
  'subheading',
  'num',
  'enum',
  'proviso',
  'quotedContent',
  'quoted-block',
  'level',
  'appropriations',
  'longTitle',
  'officialTitle',
  'docTitle',
  'official-title',
  'enactingFormula',
  'resolvingClause',
  'preamble',
  'recital',
  'amendmentInstruction',
  'amendment-instruction',
  'amendment-block',
  'amendment',
  'elided',
  ...Object.keys(LEVEL_KINDS),
]);
/** Blocks whose rows are lines (tables). */
export const ROWS = new Set(['tr', 'row', 'tocItem', 'toc-entry']);
export const TEXT_ELEMENTS = new Set(['content', 'text']);
export const CONTINUATIONS = new Set(['continuation', 'continuation-text', 'quoted-block-continuation-text']);

/** USLM's `<inline role="after-quoted-block">`. */
export function isAfterQuoted(element: XmlElement): boolean {
  return element.name === 'inline' && element.attributes['role'] === AFTER_QUOTED;
}

/** A quoted element with no blocks inside (`<quotedContent>''Short Title''</quotedContent>`). */
export function isInlineOnly(element: XmlElement): boolean {
  return !hasBlockChild(element);
}

/** Whether blocks (levels, paragraphs, quoted blocks with structure) occur inside, at any depth. */
export function hasBlockChild(element: XmlElement): boolean {
  const { children } = element;
  // Text alone (most inline elements) is answered at once, not remembered: a weak map's entries
  // are a look-up in the runtime each, and work for every garbage collection while they live.
  let elements = false;
  for (let i = 0; i < children.length; i++) {
    if (children[i]!.type === 'element') {
      elements = true;
      break;
    }
  }
  if (!elements) return false;
  let known = blockInside.get(element);
  if (known !== undefined) return known;
  known = false;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    if (child.name === 'proviso' || child.name === 'elided') continue;
    if (QUOTED.has(child.name) ? hasBlockChild(child) : BLOCKS.has(child.name) || GENERIC_LEVELS.has(child.name) || hasBlockChild(child)) {
      known = true;
      break;
    }
  }
  blockInside.set(element, known);
  return known;
}

const blockInside = new WeakMap<XmlElement, boolean>();

export function rootKind(name: string): Root['kind'] {
  if (name === 'uscDoc' || name === 'statuteCompilation' || LEVEL_KINDS[name]) return 'statute';
  return 'bill';
}

/** Whitespace runs folded to one space, trimmed. */
export function fold(text: string): string {
  // Most text is folded already: a look, and no copy. (Built-ins, not a scan of the characters in
  // JavaScript: a command line's one run reads most text before such a scan is optimised, and paid
  // about 10% of the federal parse's instructions for it.)
  return needsFolding(text) ? foldWhiteSpace(text).trim() : text;
}

/**
 * White space other than single spaces between words: at either end, two together, or other than
 * a space. (Three looks, each a plain search, cost less than one regular expression of four
 * alternatives tried at each character.)
 */
function needsFolding(text: string): boolean {
  const n = text.length;
  return n > 0 && (isWhiteSpace(text.charCodeAt(0)) || isWhiteSpace(text.charCodeAt(n - 1)) || text.includes('  ') || OTHER_SPACE.test(text));
}

/** White space other than a space. */
const OTHER_SPACE = /[^\S ]/;

/**
 * A designation's normalised value: the `value` attribute when present, else the printed
 * designation without quotation marks, `SEC.`/`§`/`TITLE`…, parentheses, dashes and periods.
 * Examples: `(a)` → `a`; `SEC. 2.` → `2`; `§ 200304.` → `200304`; `“(D)` → `D`; `TITLE I—` → `I`.
 */
export function normaliseValue(value: string, printed: string): string {
  // Most values given are digits, lower-case letters or a few capitals (`101`, `aa`, `IV`), which
  // none of the replacements below changes: no quotation mark, parenthesis, dash, period, space or
  // slash, and too short or the wrong letters for a word like `PART`.
  if (PLAIN_VALUE.test(value)) return value;
  const given = value.trim();
  const raw = given || printed;
  return raw
    .replace(/[“”‘’"'`]/g, '')
    .replace(/^\s*(SECTION|SEC\.|Sec\.|Section|§+|DIVISION|Division|TITLE|Title|SUBTITLE|Subtitle|PART|Part|SUBPART|Subpart|CHAPTER|Chapter|SUBCHAPTER|Subchapter|ARTICLE|Article)\s*/, '')
    .replace(/[()[\]]/g, '')
    .replace(/[—–]+\s*$/, '')
    .replace(/\.+\s*$/, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/\//g, '-');
}

/** A value `normaliseValue` gives back as it is. */
const PLAIN_VALUE = /^(?:[0-9]+|[a-z]+|[A-Z]{1,3}|[IVXLCDM]+)$/;

/** What bill.dtd prints for an `<enum>`: `SEC. 2.`, `TITLE I`; `(a)` stays as it is. */
export function decorateEnum(kind: LevelKind, printed: string, element: XmlElement, style = ''): string {
  if (kind === 'section') {
    if (/^(SEC|SECTION|Sec|Section|§)/.test(printed)) return printed;
    if (style === 'USC') return `§ ${printed}`;
    return element.attributes['section-type'] === 'section-one' ? `SECTION ${printed}` : `SEC. ${printed}`;
  }
  const prefix = BILL_DTD_PREFIX[kind];
  if (prefix && !printed.toLowerCase().startsWith(prefix.toLowerCase())) return `${prefix} ${printed}`;
  return printed;
}

/** A heading turned into an id part for levels with no designation: `Salaries and Expenses` → `salaries-and-expenses`. */
export function slug(heading: string): string {
  return (
    heading
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'level'
  );
}

/** A `<sup>` holding only a footnote number, after a word or a punctuation mark. */
export function isFootnoteMark(element: XmlElement, before: string): boolean {
  if (element.children.length !== 1 || element.children[0]!.type !== 'text') return false;
  return /^\s*\d{1,2}\s*$/.test(element.children[0]!.text) && !/\d\s*$/.test(before);
}
