import type { Content, Diagnostic, Level, LevelKind, Position, Root, SourceDocument } from '../types.js';
import { diagnostic } from '../util/errors.js';
import { LineIndex } from '../util/position.js';
import { idPart, rankOf } from './designation.js';
import { slug } from './federal-vocabulary.js';
import { decodeInto, foldChars, newChars, pushUnit, TokenStream, type Chars, type CommentToken, type Line, type OpenToken } from './html-tokens.js';
import { SectionLevels, type LevelHooks, type Paragraph } from './olrc-levels.js';
import { trimChildren } from '../util/arrays.js';

/**
 * The U.S. Code as the Law Revision Counsel published its annual editions (1994–2011 and
 * later): XHTML, one file per title (`2010usc17.htm`), or a piece of one cut between two
 * `<!-- documentid:… -->` comments (one section, often without `<html>` around it and not a
 * single-rooted document).
 *
 * The files are HTML rather than XML (named entities, `<p/>` and invented elements such as
 * `<cap-smallcap>`), and their structure is carried by comments and classes, not by nesting:
 * - `<!-- documentid:… -->` starts each unit (the title, a chapter, a section) and
 *   `<!-- itempath:/170/CHAPTER 1/Sec. 119 -->` names its place;
 * - `<!-- field-start:NAME -->` … `<!-- field-end:NAME -->` delimit its parts: `head`
 *   (`repealedhead`, `omittedhead` …), `statute`, `sourcecredit`, `notes`, `footnote` …;
 * - `<h1 class="usc-title-head">`, `<h3 class="chapter-head">` and `<h3 class="section-head">`
 *   (`§119. Heading`) are the headings;
 * - each printed paragraph of the law is one `<p class="statutory-body">`, with `-1em` …
 *   `-6em` for its indentation and `-block` for flush text after a list.
 *
 * Only the `statute` field is read as the section's text: source credits, notes, tables of
 * contents (`analysis`), footnotes and the footnote markers in the text are left out. The
 * designations and headings are read from each paragraph's text (`(a)`, `(b)(1)`,
 * `(2) Format.—(A) Such…`), the indentation saying how deep each paragraph sits.
 *
 * The tree has the shape `readFederal` gives the same section in USLM: `§ 119.` with heading
 * and subsection `(a)` with heading `Secondary Transmissions by Satellite Carriers.—`, ids
 * `s119/a/2/B` (`t17/ch1/s119/a/2/B` in a whole title, under its title and chapter levels),
 * chapeau before a level's children and continuation after them.
 */
export function readOlrcXhtml(text: string, file: string): { tree: Root; source: SourceDocument; messages: Diagnostic[] } {
  const reader = new OlrcReader(text, file);
  const tree = reader.read();
  trimChildren(tree);
  const title = reader.title;
  if (title) tree.data = { ...tree.data, title };
  const messages = reader.messages;
  const source: SourceDocument = { file, format: 'federal', title, blocks: [], marks: [], messages };
  return { tree, source, messages };
}

/** Marks of the annual-edition XHTML: its field and document comments and its classes. */
const OLRC_MARK = /<!--\s*(?:field-start:|documentid:)|\bclass\s*=\s*["']?(?:statutory-body|section-head)\b/;

/**
 * Whether a text (the start of a file is enough) is OLRC annual-edition XHTML, a whole title
 * or a fragment: it carries `<!-- field-start:… -->` or `<!-- documentid:… -->` comments, or
 * `statutory-body` paragraphs or a `section-head`.
 */
export function isOlrcXhtml(head: string): boolean {
  return OLRC_MARK.test(head.length > 16384 ? head.slice(0, 16384) : head);
}

// ---------------------------------------------------------------------------
// The reader

/** Structural headings by class (`chapter-head` …) and the level kinds they open. */
const STRUCTURAL_CLASSES: Record<string, LevelKind> = {
  'division-head': 'division',
  'subtitle-head': 'subtitle',
  'part-head': 'part',
  'subpart-head': 'subpart',
  'chapter-head': 'chapter',
  'subchapter-head': 'subchapter',
  'article-head': 'article',
};
const STRUCTURAL_HEAD = /^(DIVISION|SUBTITLE|PART|SUBPART|CHAPTER|SUBCHAPTER|ARTICLE)\s+([^\s—–]+?)\s*([—–]+|--|\.(?=\s)|$)\s*([\s\S]*)$/i;
const TITLE_HEAD = /^TITLE\s+([^—–]+?)\s*(?:[—–]+|--)\s*([\s\S]*)$/i;
/** `§119. Heading`, `§§41, 42. Repealed. …`, `[§322. Repealed. …]`, `§§1 to 5. Omitted`. */
const SECTION_HEAD = /^(\[?)\s*(§§?)\s*([^\s.,\]]+(?:(?:,\s*|\s+(?:to|and|through)\s+)[^\s.,\]]+)*)\.?(?=\s|$)\s*([\s\S]*)$/;
/** Elements that end a paragraph left open. */
const BLOCK_OPEN = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr']);
const BLOCK_CLOSE = new Set(['div', 'body', 'html', 'table', 'tr', 'td', 'th', 'li', 'ul', 'ol', 'blockquote']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Comments that end whatever was open: a new unit, or a field boundary. */
const UNIT_COMMENT = /^\s*(?:documentid:|field-start:|field-end:)/;

type Holder = Root | Level;

/** A structural level (title, chapter …) and its place in the title (`itempath`). */
interface OpenStructure {
  level: Level;
  path?: string[];
  rank: number;
}

class OlrcReader implements LevelHooks {
  readonly messages: Diagnostic[] = [];
  title: string | undefined;
  private readonly index: LineIndex;
  private readonly lexer: TokenStream;
  private readonly root: Root;
  private readonly hasFields: boolean;
  private readonly ids = new Set<string>();
  /** Open fields, innermost last. */
  private fields: string[] = [];
  private itemPath: string[] | undefined;
  private titleNumber: string | undefined;
  /** The heading of the chapter of the unit being read, from its `expcite` comment. */
  private chapterHeading: string | undefined;
  /** The title of the unit being read, from its `documentid` comment (`4_114` → `4`). */
  private documentTitle: string | undefined;
  private structures: OpenStructure[] = [];
  private section: Level | undefined;
  /** The levels of the current section, as they are placed. */
  private sectionLevels: SectionLevels | undefined;
  /** Footnote markers met in the current unit's text, by number: the words each follows. */
  private markers = new Map<string, string>();
  private sectionCount = 0;
  private looseText: Position | undefined;

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {
    this.index = new LineIndex(src);
    this.lexer = new TokenStream(src);
    this.root = { type: 'root', kind: 'statute', children: [], position: this.position(0, src.length), data: { file } };
    this.hasFields = /<!--\s*field-start:/.test(src);
  }

  read(): Root {
    for (let token = this.lexer.next(); token; token = this.lexer.next()) {
      if (token.type === 'comment') this.comment(token);
      else if (token.type === 'open') this.element(token);
    }
    if (this.lexer.unclosedComment !== undefined) {
      const at = this.lexer.unclosedComment;
      this.messages.push(diagnostic('comment not closed: `<!--` with no `-->`; what follows it was not read', this.file, this.position(at, at + 4), 'olrc-unclosed-comment'));
    }
    if (this.looseText) {
      this.messages.push(diagnostic('statute text outside any section heading; read under the document itself', this.file, this.looseText, 'olrc-no-section-head'));
    }
    if (!this.sectionCount && !this.looseText) {
      const place = this.position(0, 0);
      this.messages.push(
        diagnostic(
          'no U.S. Code section found: expected OLRC annual-edition XHTML with a <h3 class="section-head"> heading and <p class="statutory-body"> text',
          this.file,
          place,
          'olrc-no-section',
        ),
      );
    }
    return this.root;
  }

  // -- Comments: units and fields ----------------------------------------------

  private comment(token: CommentToken): void {
    const value = token.value.trim();
    let m = /^field-start:\s*(\S+)/.exec(value);
    if (m) {
      this.fields.push(m[1]!);
      return;
    }
    m = /^field-end:\s*(\S+)/.exec(value);
    if (m) {
      const at = this.fields.lastIndexOf(m[1]!);
      if (at !== -1) this.fields.length = at;
      return;
    }
    if (value.startsWith('documentid:')) {
      // A new unit: what was open belongs to the one before.
      this.documentTitle = /^documentid:\s*(\w+?)_/.exec(value)?.[1];
      this.chapterHeading = undefined;
      this.fields = [];
      this.itemPath = undefined;
      this.section = undefined;
      this.sectionLevels = undefined;
      this.markers = new Map();
      return;
    }
    // `expcite:TITLE 45-RAILROADS!@!CHAPTER 11-RAILROAD UNEMPLOYMENT INSURANCE!@!Sec. 352`
    m = /^expcite:(.*)$/.exec(value);
    if (m) {
      const chapter = m[1]!.split('!@!').find((part) => /^CHAPTER\s/i.test(part.trim()));
      this.chapterHeading = chapter ? chapter.trim().replace(/^CHAPTER\s+[\w.-]+\s*[-—]\s*/i, '').trim() || undefined : undefined;
      return;
    }
    m = /^itempath:\s*(.*)$/.exec(value);
    if (m) {
      this.itemPath = m[1]!.split('/').map((s) => s.trim()).filter(Boolean);
      return;
    }
    m = /^AUTHORITIES-USC-TITLE-ENUM:\s*(\S+)/.exec(value);
    if (m) this.titleNumber = m[1]!;
  }

  /** The innermost field, `''` outside all fields. */
  private get field(): string {
    return this.fields[this.fields.length - 1] ?? '';
  }

  // -- Elements ------------------------------------------------------------------

  private element(token: OpenToken): void {
    const field = this.field;
    const cls = (token.attrs['class'] ?? '').trim();
    if (field === 'footnote' && this.section && token.name === 'p') {
      // `<p class="footnote"><sup>1</sup> So in original.</p>`: the note on the text its marker follows.
      const note = /^(\d+)\s+(.+)$/.exec(this.inlineLine(token.name).text.trim());
      const after = note ? this.markers.get(note[1]!) : undefined;
      if (note && after !== undefined) this.section.footnotes = [...(this.section.footnotes ?? []), { after, text: note[2]! }];
      return;
    }
    if (field === 'sourcecredit' && this.section && (token.name === 'p' || token.name === 'div')) {
      const credit = this.inlineLine(token.name).text.trim();
      if (credit) this.section.sourceCredit = this.section.sourceCredit ? `${this.section.sourceCredit} ${credit}` : credit;
      return;
    }
    if (HEADINGS.has(token.name)) {
      if (field === 'statute') {
        // `<h4 class="subsection-head">(a) Definitions</h4>`: a designation and its heading.
        this.paragraph(token, undefined, false, true);
        return;
      }
      // Headings in notes, source credits, tables of contents … are not the law's own.
      if (field && !field.endsWith('head')) return;
      if (cls === 'usc-title-head' || field === 'titlehead') this.titleHead(token);
      else if (STRUCTURAL_CLASSES[cls] || field === 'structuralhead') this.structuralHead(token, STRUCTURAL_CLASSES[cls]);
      else if (cls === 'section-head' || (field.endsWith('head') && field !== 'titlehead' && field !== 'structuralhead')) this.sectionHead(token);
      return;
    }
    const statutory = /^statutory-body/.test(cls);
    if (field === 'statute' || (!field && statutory && (!this.hasFields || this.section))) {
      if (token.name === 'p') {
        if (statutory) {
          const m = /-(\d+)em\b/.exec(cls) ?? /flush(\d+)/.exec(cls);
          this.paragraph(token, m ? Number(m[1]) : 0, /-block\b/.test(cls));
        } else {
          this.paragraph(token, undefined, false);
        }
      } else if (token.name === 'table') {
        this.table(token);
      }
    }
  }

  // -- Headings ------------------------------------------------------------------

  private titleHead(token: OpenToken): void {
    const line = this.inlineLine(token.name);
    if (!line.text) return;
    const m = TITLE_HEAD.exec(line.text);
    const value = m ? m[1]!.trim().replace(/\s+/g, '-') : (this.titleNumber ?? slug(line.text));
    const level: Level = { type: 'level', kind: 'title', id: '', children: [], position: this.position(token.start, line.end) };
    if (m) level.num = { text: `TITLE ${m[1]!.trim()}—`, value };
    const heading = m ? m[2]!.trim() : line.text;
    if (heading) level.heading = heading;
    this.openStructure(level, value);
    this.title ??= `Title ${value}`;
  }

  private structuralHead(token: OpenToken, kindByClass: LevelKind | undefined): void {
    const line = this.inlineLine(token.name);
    if (!line.text) return;
    const m = STRUCTURAL_HEAD.exec(line.text);
    const kind = (m ? (m[1]!.toLowerCase() as LevelKind) : kindByClass) ?? 'chapter';
    const level: Level = { type: 'level', kind, id: '', children: [], position: this.position(token.start, line.end) };
    let value: string;
    if (m) {
      value = m[2]!.replace(/\.$/, '');
      level.num = { text: `${m[1]!} ${m[2]!}${m[3] === '.' ? '.' : '—'}`, value };
      if (m[4]!.trim()) level.heading = m[4]!.trim();
    } else {
      value = slug(line.text);
      level.heading = line.text;
    }
    this.openStructure(level, value);
  }

  /** Places a title, chapter … under the structure that holds it (by `itempath`, else by rank). */
  private openStructure(level: Level, value: string): void {
    const path = this.itemPath;
    const rank = rankOf(level.kind);
    while (this.structures.length) {
      const top = this.structures[this.structures.length - 1]!;
      if (path && top.path ? isProperPrefix(top.path, path) : top.rank < rank) break;
      this.structures.pop();
    }
    const parent = this.structures[this.structures.length - 1]?.level;
    level.id = this.uniqueId((parent ? `${parent.id}/` : '') + idPart(level.kind, value));
    (parent ?? this.root).children.push(level);
    this.structures.push({ level, path, rank });
    this.section = undefined;
    this.sectionLevels = undefined;
  }

  private sectionHead(token: OpenToken): void {
    const line = this.inlineLine(token.name);
    if (!line.text) return;
    const m = SECTION_HEAD.exec(line.text);
    const level: Level = { type: 'level', kind: 'section', id: '', children: [], position: this.position(token.start, line.end) };
    let value: string;
    if (m) {
      value = m[3]!.replace(/\s*(?:,|\bto\b|\band\b|\bthrough\b)\s*/g, '-');
      level.num = { text: `${m[1]!}${m[2]!} ${m[3]!}.`, value };
      if (m[4]!.trim()) level.heading = m[4]!.trim();
    } else {
      const last = this.itemPath?.[this.itemPath.length - 1];
      const fromPath = last && /^\[?Secs?\.\s*(.+)$/.exec(last);
      value = fromPath ? fromPath[1]!.trim().replace(/\s+/g, '-') : slug(line.text);
      level.heading = line.text;
    }
    // The section's place among the structures: the nearest one whose itempath holds it.
    const path = this.itemPath;
    if (path) {
      for (let top = this.structures[this.structures.length - 1]; top?.path && !isProperPrefix(top.path, path); top = this.structures[this.structures.length - 1]) {
        this.structures.pop();
      }
    }
    const parent = this.structures[this.structures.length - 1]?.level;
    level.id = this.uniqueId((parent ? `${parent.id}/` : '') + idPart('section', value));
    // `<!-- documentid:4_114 -->`: the section's title, kept as USLM writes it (`/us/usc/t4/s114`).
    const title = this.documentTitle ?? this.titleNumber;
    if (title && m) level.xmlId = `/us/usc/t${title.replace(/^0+/, '')}/s${value}`;
    if (this.chapterHeading) level.chapterHeading = this.chapterHeading;
    (parent ?? this.root).children.push(level);
    this.section = level;
    this.sectionLevels = new SectionLevels(level, this);
    this.sectionCount++;
    this.extend(line.end);
  }

  // -- Statute text ----------------------------------------------------------------

  /** One `<p>` (or a heading inside the statute field): its text, then its place in the tree. */
  private paragraph(token: OpenToken, indent: number | undefined, block: boolean, heading = false): void {
    const smallCaps: Array<[number, number]> = [];
    const { chars, end } = this.inline(token.name, smallCaps);
    const line = foldChars(chars);
    if (!line.text) return;
    this.place({ line, indent, block, smallCaps, start: token.start, end, ...(heading ? { heading } : {}) });
  }

  /** A table in the statute field: each row (and the caption) one line of text. */
  private table(token: OpenToken): void {
    let end = token.end;
    for (let next = this.lexer.peek(); next; next = this.lexer.peek()) {
      if (next.type === 'comment' && UNIT_COMMENT.test(next.value)) break;
      this.lexer.next();
      if (next.type === 'close' && next.name === 'table') {
        end = next.end;
        break;
      }
      if (next.type === 'open' && (next.name === 'tr' || next.name === 'caption')) {
        const { chars, end: rowEnd } = this.inline(next.name, [], true);
        const line = foldChars(chars);
        if (line.text) this.place({ line, block: false, smallCaps: [], start: next.start, end: rowEnd });
        end = rowEnd;
      }
    }
    this.extend(end);
  }

  /** Opens the levels a paragraph designates and adds its text where it belongs. */
  private place(paragraph: Paragraph): void {
    if (!this.sectionLevels) {
      // Statute text with no section heading before it (a bare fragment): read under the root.
      this.sectionLevels = new SectionLevels(this.root, this);
      this.looseText ??= this.position(paragraph.start, paragraph.end);
    }
    this.sectionLevels.place(paragraph);
    this.extend(paragraph.end);
  }

  /** Extends the open levels (those below the section, the section, structures) to `end`. */
  private extend(end: number): void {
    const point = this.index.point(end);
    const reach = (level: Level): void => {
      if (level.position && level.position.end.offset < end) level.position.end = point;
    };
    for (const open of this.sectionLevels?.open ?? []) reach(open);
    if (this.section) reach(this.section);
    for (const structure of this.structures) reach(structure.level);
  }

  // -- Inline text ---------------------------------------------------------------

  /** The folded text of a heading element. */
  private inlineLine(name: string): Line & { end: number } {
    const { chars, end } = this.inline(name, []);
    return { ...foldChars(chars), end };
  }

  /**
   * Reads inline content after the open tag of `name` up to its close tag (consumed), or up
   * to what ends it in broken markup: a block, or a unit or field comment (not consumed).
   * Footnote markers (`<sup><a href="#…_target">1</a></sup>`) and comments are left out; `<br>`
   * is a space. In a table row (`row`), cells are spaces and nested blocks are read through.
   */
  private inline(name: string, smallCaps: Array<[number, number]>, row = false): { chars: Chars; end: number } {
    const chars = newChars();
    const sups: Array<{ mark: number; footnote: boolean }> = [];
    const caps: Array<{ name: string; start: number }> = [];
    let end = this.src.length;
    for (let token = this.lexer.peek(); token; token = this.lexer.peek()) {
      if (token.type === 'comment') {
        if (UNIT_COMMENT.test(token.value)) {
          end = token.start;
          break;
        }
        this.lexer.next();
        continue;
      }
      if (token.type === 'close') {
        if (token.name === name) {
          this.lexer.next();
          end = token.end;
          break;
        }
        if (row ? token.name === 'table' : BLOCK_CLOSE.has(token.name)) {
          end = token.start;
          break;
        }
        this.lexer.next();
        if (token.name === 'sup') {
          const sup = sups.pop();
          if (sup?.footnote) {
            // The marker is left out of the text; what it follows is kept to find its footnote's place.
            const number = chars.units.slice(sup.mark).join('').trim();
            const after = chars.units.slice(Math.max(0, sup.mark - 60), sup.mark).join('').replace(/\s+/g, ' ').trimStart();
            if (number) this.markers.set(number, after);
            for (const list of [chars.units, chars.starts, chars.ends]) list.length = sup.mark;
          }
        } else if (caps.length && caps[caps.length - 1]!.name === token.name) {
          smallCaps.push([caps.pop()!.start, token.start]);
        } else if (row && (token.name === 'td' || token.name === 'th')) {
          pushUnit(chars, ' ', token.start, token.end);
        }
        continue;
      }
      if (token.type === 'open') {
        if (row ? token.name === 'tr' || token.name === 'table' : BLOCK_OPEN.has(token.name)) {
          end = token.start;
          break;
        }
        this.lexer.next();
        const cls = token.attrs['class'] ?? '';
        if (token.name === 'br' || (row && (token.name === 'td' || token.name === 'th' || token.name === 'p'))) {
          pushUnit(chars, ' ', token.start, token.end);
        } else if (token.name === 'sup') {
          sups.push({ mark: chars.units.length, footnote: /footnote/i.test(cls) });
        } else if (token.name === 'a' && sups.length && (/^#/.test(token.attrs['href'] ?? '') || 'name' in token.attrs)) {
          sups[sups.length - 1]!.footnote = true;
        } else if (token.name === 'cap-smallcap' || /small-?caps?/i.test(cls)) {
          caps.push({ name: token.name, start: token.end });
        }
        continue;
      }
      this.lexer.next();
      if (token.type === 'text') decodeInto(this.src, token, chars);
    }
    for (const open of caps) smallCaps.push([open.start, end]);
    return { chars, end };
  }

  // -- Helpers -------------------------------------------------------------------

  uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}~${n}`;
    this.ids.add(id);
    return id;
  }

  position(start: number, end: number): Position {
    return this.index.position(start, Math.max(start, end));
  }
}

/** Whether `prefix` is a proper prefix of `path` (`/040/CHAPTER 1` of `/040/CHAPTER 1/Sec. 2`). */
function isProperPrefix(prefix: string[], path: string[]): boolean {
  if (prefix.length >= path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}

