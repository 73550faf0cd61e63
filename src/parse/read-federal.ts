import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { SaxesParser } from 'saxes';
import type { Diagnostic, Level, LevelKind, Position, Root, SourceDocument, Text, TextRole } from '../types.js';
import { BilldiffError, diagnostic } from '../util/errors.js';
import { LineIndex } from '../util/position.js';
import { idPart } from './designation.js';

/**
 * U.S. federal XML: GPO/House USLM (bills, resolutions, public laws, statute compilations,
 * U.S. Code title files and `<section>`s cut from them) and GPO's older bill.dtd
 * (`bill`, `resolution`, `amendment-doc`). The clause tree is built from the markup itself:
 * every structural element becomes a `level`, its `num`/`enum` the designation, its
 * `heading`/`header` the heading, `chapeau`/`content`/`text`/`continuation` the text nodes.
 *
 * Quoted law (USLM `quotedContent`, bill.dtd `quoted-block`) is not the bill's own structure:
 * it is flattened into `text` nodes under the clause that quotes it, one per printed line.
 *
 * bill.dtd leaves some printed characters to its stylesheet; they are supplied here so that a
 * bill.dtd version reads like the USLM one of the same bill:
 * - `<enum>` of sections: `2.` → `SEC. 2.` (`SECTION 1.` for `section-type="section-one"`,
 *   `§ 2.` inside a `style="USC"` quoted block); of titles and other divisions: `I` → `TITLE I`;
 * - `<header>`: `In general` → `In general.—` below the section, `Short title` → `Short title.`
 *   for sections (case is left as marked up, not as printed in small caps);
 * - `<quote>`: the quotation marks around it, `“…”` (`‘…’` inside quoted material);
 * - each line of a `<quoted-block>` opens with `“` (`‘` when nested) and its last line closes
 *   with `”` before the `<after-quoted-block>` text.
 * USLM prints all of these in the text itself, and nothing is added there.
 */
export function readFederal(xml: string, file: string): { tree: Root; source: SourceDocument; messages: Diagnostic[] } {
  const index = new LineIndex(xml);
  const top = parseXml(xml, file, index);
  const reader = new FederalReader(index, file);
  const tree = reader.read(top);
  const title = reader.title;
  if (title) tree.data = { ...tree.data, title };
  const messages = reader.messages;
  const source: SourceDocument = { file, format: 'federal', title, blocks: [], marks: [], messages };
  return { tree, source, messages };
}

/** Roots that mark a federal document on their own. */
const FEDERAL_ROOTS = new Set([
  'bill',
  'resolution',
  'amendment-doc',
  'uscDoc',
  'lawDoc',
  'pLaw',
  'statutesAtLarge',
  'statuteCompilation',
  'engrossedAmendment',
]);
/** Roots that are federal only with the USLM namespace or USLM children (`<section>` cut from a title). */
const USLM_FRAGMENT_ROOTS = new Set(['section', 'subsection', 'chapter', 'subchapter', 'title', 'part', 'division']);

/**
 * Whether the start of a file (about 2 KB) looks like federal XML: a bill.dtd document
 * (`<!DOCTYPE bill`, `legis-body`) or a USLM one (root element `bill`, `uscDoc`, `pLaw`, …,
 * or a `<section>` in the USLM namespace or with USLM `num`/`heading` children).
 */
export function isFederalXml(head: string): boolean {
  const text = head.slice(0, 4096);
  if (/<!DOCTYPE\s+(bill|resolution|amendment-doc)\b/.test(text) || text.includes('<legis-body')) return true;
  const root = /<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(stripProlog(text));
  if (!root) return false;
  const name = root[2]!;
  const uslm = /xmlns(:\w+)?="http:\/\/(schemas\.gpo\.gov\/xml\/uslm|xml\.house\.gov\/schemas\/uslm\/)/.test(text);
  if (FEDERAL_ROOTS.has(name)) return uslm || name === 'bill' || name === 'resolution' || name === 'amendment-doc' || /<(main|meta|legis-body|form)\b/.test(text);
  if (USLM_FRAGMENT_ROOTS.has(name)) return uslm || /<num\b[^>]*\bvalue=/.test(text) || /identifier="\/us\//.test(text);
  return false;
}

function stripProlog(text: string): string {
  return text.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/g, '');
}

// ---------------------------------------------------------------------------
// Vocabulary

/** Structural elements and the level kind they become. */
const LEVEL_KINDS: Record<string, LevelKind> = {
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
const GENERIC_LEVELS = new Set(['level', 'appropriations']);
/** The rung below each kind, for generic levels with a designation. */
const BELOW: Partial<Record<LevelKind, LevelKind>> = {
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
const BILL_DTD_PREFIX: Partial<Record<LevelKind, string>> = {
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
const QUOTED = new Set(['quotedContent', 'quoted-block']);
/** Text after a quoted block, printed on its last line (`”.`, `; and`). */
const AFTER_QUOTED = 'after-quoted-block';
/** Elements that are blocks of their own inside text; everything else is inline. */
const BLOCKS = new Set([
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
const ROWS = new Set(['tr', 'row', 'tocItem', 'toc-entry']);
const TEXT_ELEMENTS = new Set(['content', 'text']);
const CONTINUATIONS = new Set(['continuation', 'continuation-text', 'quoted-block-continuation-text']);

// ---------------------------------------------------------------------------
// A small element tree with offsets

interface XmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset after `>` of the end tag. */
  end: number;
}

interface XmlText {
  type: 'text';
  value: string;
  start: number;
  end: number;
}

type XmlNode = XmlElement | XmlText;

/** XML → element tree with offsets; a well-formedness error is a BilldiffError with a place. */
function parseXml(xml: string, file: string, index: LineIndex): XmlElement {
  const parser = new SaxesParser({ position: true });
  // A document with a DOCTYPE (GPO's bill.dtd) may use the character entities its DTD declares
  // (`&mdash;`, `&ldquo;`): those that name an HTML character are read as that character.
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096))) {
    for (const name of new Set([...xml.matchAll(/&([A-Za-z][A-Za-z0-9]{1,31});/g)].map((m) => m[1]!))) {
      if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(name)) continue;
      const value = decodeNamedCharacterReference(name);
      if (value !== false) parser.ENTITIES[name] = value;
    }
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let lastEnd = 0;
  let failure: BilldiffError | undefined;
  parser.on('error', (error) => {
    if (failure) return;
    const point = index.point(Math.min(parser.position, xml.length));
    const reason = error.message.replace(/^[^:]*:\d+:\d+:\s*/, '').replace(/^\d+:\d+:\s*/, '');
    failure = new BilldiffError(`XML is not well-formed: ${reason}`, { file, place: { start: point, end: point } });
  });
  parser.on('opentag', (tag) => {
    const at = parser.position;
    const start = Math.max(0, xml.lastIndexOf('<', at - 1));
    const element: XmlElement = {
      type: 'element',
      name: localName(tag.name),
      attrs: tag.attributes as Record<string, string>,
      children: [],
      start,
      end: at,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
    lastEnd = at;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) element.end = parser.position;
    lastEnd = parser.position;
  });
  const onText = (value: string): void => {
    const parent = stack[stack.length - 1];
    const end = Math.max(lastEnd, parser.position - 1);
    if (parent) parent.children.push({ type: 'text', value, start: lastEnd, end });
    lastEnd = end;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  const moved = (): void => {
    lastEnd = parser.position;
  };
  parser.on('comment', moved);
  parser.on('processinginstruction', moved);
  parser.on('doctype', moved);
  try {
    parser.write(xml);
    if (!failure) parser.close();
  } catch (error) {
    if (!failure) throw error;
  }
  if (failure) throw failure;
  if (!root) {
    const point = index.point(0);
    throw new BilldiffError('XML is not well-formed: expected a root element, found none', { file, place: { start: point, end: point } });
  }
  return root;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

// ---------------------------------------------------------------------------
// The reader

type Holder = Root | Level;
type FlowType = 'text' | 'chapeau' | 'continuation';

/** Inline text being collected, with the offsets it came from. */
interface Run {
  parts: string[];
  start: number;
  end: number;
}

/** One printed line of quoted law. */
interface Line {
  value: string;
  start: number;
  end: number;
}

class FederalReader {
  readonly messages: Diagnostic[] = [];
  title: string | undefined;
  private readonly ids = new Set<string>();
  private generic = 0;
  private genericAt: Position | undefined;

  constructor(
    private readonly index: LineIndex,
    private readonly file: string,
  ) {}

  read(top: XmlElement): Root {
    const root: Root = { type: 'root', kind: rootKind(top.name), children: [], position: this.position(top.start, top.end) };
    root.data = { file: this.file };
    if (LEVEL_KINDS[top.name] || GENERIC_LEVELS.has(top.name)) this.level(top, root, undefined);
    // Loose text of the document element itself is the action line (USLM 1.0 conversions print it after <main>).
    else this.container(top, root, 'action');
    this.title ??= this.fallbackTitle(top);
    if (this.generic) {
      this.messages.push(
        diagnostic(
          `read ${this.generic} appropriations or generic levels as 'subdivision' levels (no level kind of their own)`,
          this.file,
          this.genericAt,
          'federal-generic-level',
        ),
      );
    }
    return root;
  }

  // -- Containers (document, main, legis-body, …) --------------------------

  /** An element that is neither a level nor text: read its children in order. */
  private container(element: XmlElement, holder: Holder, looseRole?: TextRole): void {
    if (element.name === 'form') {
      for (const title of findAll(element, 'official-title')) this.titleText(title, holder);
      return;
    }
    let run = newRun();
    const flush = (): void => {
      if (this.pushRun(run, holder, this.flowTypeAt(holder)) && looseRole) (holder.children[holder.children.length - 1] as Text).role = looseRole;
      run = newRun();
    };
    for (const child of element.children) {
      if (child.type === 'text') {
        addToRun(run, child.value, child.start, child.end);
        continue;
      }
      const name = child.name;
      if (FEDERAL_SKIPPED.has(name)) continue;
      if (!BLOCKS.has(name) && !GENERIC_LEVELS.has(name) && !isInlineOnly(child)) {
        // An unknown wrapper (main, legis-body, amendMain, …).
        flush();
        this.container(child, holder);
        continue;
      }
      if (!BLOCKS.has(name)) {
        this.inline(child, run, 0);
        continue;
      }
      flush();
      this.block(child, holder);
    }
    flush();
  }

  /** The official title, kept as a text node at the root. */
  private titleText(element: XmlElement, holder: Holder): void {
    const value = fold(this.textOf(element, 0));
    if (!value) return;
    this.title ??= value;
    holder.children.push({ type: 'text', value, role: 'title', position: this.position(element.start, element.end) });
  }

  /** A block inside a container or a level. */
  private block(element: XmlElement, holder: Holder): void {
    const name = element.name;
    if (LEVEL_KINDS[name] || GENERIC_LEVELS.has(name)) {
      this.level(element, holder, holder.type === 'level' ? holder : undefined);
      return;
    }
    if (QUOTED.has(name)) {
      if (isInlineOnly(element)) {
        const run = newRun();
        this.inline(element, run, 0);
        this.pushRun(run, holder, this.flowTypeAt(holder));
      } else {
        this.quoted(element, holder, 1);
      }
      return;
    }
    if (name === AFTER_QUOTED || isAfterQuoted(element)) {
      this.appendToLast(holder, this.textOf(element, 0), element.end);
      return;
    }
    if (name === 'officialTitle' || name === 'official-title') {
      this.titleText(element, holder);
      return;
    }
    if (name === 'longTitle' || name === 'toc' || ROWS.has(name) || name === 'table' || name === 'layout') {
      if (ROWS.has(name)) {
        const run = newRun();
        this.inline(element, run, 0);
        this.pushRun(run, holder, this.flowTypeAt(holder));
      } else {
        const before = holder.children.length;
        this.container(element, holder);
        // A long title's lines ("A BILL", "To provide …") are the bill's title.
        if (name === 'longTitle') for (const c of holder.children.slice(before)) if (c.type === 'text') c.role = 'title';
      }
      return;
    }
    if (name === 'heading' || name === 'header' || name === 'num' || name === 'enum') {
      // A heading or designation outside a level (a division-less group heading): a text line.
      const run = newRun();
      this.inline(element, run, 0);
      this.pushRun(run, holder, this.flowTypeAt(holder));
      return;
    }
    const type: FlowType = name === 'chapeau' ? 'chapeau' : CONTINUATIONS.has(name) ? 'continuation' : TEXT_ELEMENTS.has(name) ? 'text' : this.flowTypeAt(holder);
    this.flow(element, holder, type);
  }

  /**
   * Text-bearing element (`content`, `chapeau`, `p`, …): inline children collect into one
   * node; a block inside (a paragraph, a quoted block, a table) ends it and starts the next.
   */
  private flow(element: XmlElement, holder: Holder, type: FlowType): void {
    let run = newRun();
    let current = type;
    let blocks = false;
    const before = holder.children.length;
    const flush = (): void => {
      // A chapeau is the text before the first block; what follows a block inside it is text.
      this.pushRun(run, holder, current);
      run = newRun();
    };
    for (const child of element.children) {
      if (child.type === 'text') {
        addToRun(run, child.value, child.start, child.end);
        continue;
      }
      const name = child.name;
      if (FEDERAL_SKIPPED.has(name)) continue;
      if (name === AFTER_QUOTED || isAfterQuoted(child)) {
        flush();
        this.appendToLast(holder, this.textOf(child, 0), child.end);
        continue;
      }
      if (!BLOCKS.has(name) && hasBlockChild(child)) {
        // An unknown wrapper with structure inside (`amendmentContent`): read as a container.
        flush();
        if (current === 'chapeau') current = 'text';
        blocks = true;
        this.container(child, holder);
        continue;
      }
      if (!BLOCKS.has(name) || (QUOTED.has(name) && isInlineOnly(child)) || name === 'proviso' || name === 'elided') {
        this.inline(child, run, 0);
        continue;
      }
      flush();
      if (current === 'chapeau') current = 'text';
      blocks = true;
      this.block(child, holder);
    }
    flush();
    // One element, one node: the node spans the element, tags included.
    if (!blocks && holder.children.length === before + 1) {
      const node = holder.children[before]!;
      node.position = this.position(element.start, element.end);
    }
  }

  /** Adds a run as a node; returns whether it had any text. */
  private pushRun(run: Run, holder: Holder, type: FlowType): boolean {
    const value = fold(run.parts.join(''));
    if (!value) return false;
    holder.children.push({ type, value, position: this.position(run.start, run.end) });
    return true;
  }

  /** What loose text in a holder is: a continuation after its child levels, else text. */
  private flowTypeAt(holder: Holder): FlowType {
    return holder.type === 'level' && holder.children.some((c) => c.type === 'level') ? 'continuation' : 'text';
  }

  /** Appends text (after a quoted block) to the last text node of a holder. */
  private appendToLast(holder: Holder, text: string, end: number): void {
    const value = fold(text);
    if (!value) return;
    const last = holder.children[holder.children.length - 1];
    if (last && last.type !== 'level' && last.type !== 'action') {
      last.value = fold(`${last.value}${text}`);
      if (last.position) last.position.end = this.index.point(end);
      return;
    }
    holder.children.push({ type: 'text', value, position: this.position(end - text.length, end) });
  }

  // -- Levels ----------------------------------------------------------------

  private level(element: XmlElement, holder: Holder, parent: Level | undefined): void {
    const num = firstChild(element, 'num') ?? firstChild(element, 'enum');
    const headingEl = firstChild(element, 'heading') ?? firstChild(element, 'header');
    let kind = LEVEL_KINDS[element.name];
    const billDtd = num?.name === 'enum' || headingEl?.name === 'header';
    const heading = headingEl ? this.headingText(headingEl, kind, billDtd) : undefined;
    let value = '';
    let printed = '';
    if (num) {
      printed = fold(this.textOf(num, 0));
      value = normaliseValue(num.attrs['value'] ?? '', printed);
      if (kind && num.name === 'enum') printed = decorateEnum(kind, printed, element);
    }
    if (!kind) {
      // Generic level: a designation makes it the rung below its parent; a heading alone names it.
      if (!num && !heading) {
        this.container(element, holder);
        return;
      }
      kind = (parent && BELOW[parent.kind]) || 'subdivision';
      if (kind === 'subdivision') {
        this.generic++;
        this.genericAt ??= this.position(element.start, element.end);
      }
    }
    if (!value && heading) value = slug(heading);
    const prefix = parent ? `${parent.id}/` : holder.type === 'level' ? `${holder.id}/` : '';
    const level: Level = { type: 'level', kind, id: this.uniqueId(prefix + idPart(kind, value)), children: [] };
    if (num && printed) level.num = { text: printed, value };
    if (heading) level.heading = heading;
    const xmlId = element.attrs['identifier'] ?? element.attrs['id'];
    if (xmlId) level.xmlId = xmlId;
    // The U.S. Code's source credit says which Act and section the Code section was enacted as.
    const credit = kind === 'section' ? firstChild(element, 'sourceCredit') : undefined;
    if (credit) level.sourceCredit = fold(this.textOf(credit, 1));
    level.position = this.position(element.start, element.end);
    holder.children.push(level);

    let run = newRun();
    const flush = (): void => {
      this.pushRun(run, level, this.flowTypeAt(level));
      run = newRun();
    };
    for (const child of element.children) {
      if (child === num || child === headingEl) continue;
      if (child.type === 'text') {
        addToRun(run, child.value, child.start, child.end);
        continue;
      }
      if (FEDERAL_SKIPPED.has(child.name)) continue;
      if (!BLOCKS.has(child.name) && !GENERIC_LEVELS.has(child.name) && !isAfterQuoted(child) && child.name !== AFTER_QUOTED) {
        if (!hasBlockChild(child)) {
          this.inline(child, run, 0);
          continue;
        }
        // An unknown wrapper with structure inside.
        flush();
        this.container(child, level);
        continue;
      }
      flush();
      this.block(child, level);
    }
    flush();
  }

  private headingText(element: XmlElement, kind: LevelKind | undefined, billDtd: boolean): string | undefined {
    let text = fold(this.textOf(element, 0));
    if (!text) return undefined;
    if (billDtd && element.name === 'header' && kind && !/[.?!:—–-]$/.test(text)) {
      if (kind === 'section') text += '.';
      else if (!BILL_DTD_PREFIX[kind]) text += '.—';
    }
    return text;
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}~${n}`;
    this.ids.add(id);
    return id;
  }

  // -- Quoted law --------------------------------------------------------------

  /** A quoted block: each printed line a text node under the clause that quotes it. */
  private quoted(element: XmlElement, holder: Holder, depth: number): void {
    const lines: Line[] = [];
    this.quotedLines(element, lines, depth, '');
    for (const line of lines) {
      const value = fold(line.value);
      if (value) holder.children.push({ type: 'text', value, position: this.position(line.start, line.end) });
    }
  }

  /**
   * The lines of quoted material. `open` is what bill.dtd prints at the start of each line
   * (`“`, `“‘` when nested); USLM prints its quotation marks itself.
   */
  private quotedLines(element: XmlElement, lines: Line[], depth: number, open: string): void {
    const billDtd = element.name === 'quoted-block';
    const lead = billDtd ? open + (depth % 2 ? '“' : '‘') : open;
    const style = element.attrs['style'] ?? '';
    const firstLine = lines.length;
    let after = '';
    let afterEnd = element.end;
    const visit = (node: XmlElement, inLevel: boolean): void => {
      let run = newRun();
      const flush = (): void => {
        const value = fold(run.parts.join(''));
        if (value) lines.push({ value: lead + value, start: run.start, end: run.end });
        run = newRun();
      };
      for (const child of node.children) {
        if (child.type === 'text') {
          addToRun(run, child.value, child.start, child.end);
          continue;
        }
        const name = child.name;
        if (FEDERAL_SKIPPED_IN_QUOTED.has(name)) continue;
        if (name === AFTER_QUOTED || isAfterQuoted(child)) {
          if (node === element) {
            after += this.textOf(child, depth);
            afterEnd = child.end;
          } else {
            flush();
            appendLine(lines, this.textOf(child, depth), child.end);
          }
          continue;
        }
        if (QUOTED.has(name) && !isInlineOnly(child)) {
          flush();
          this.quotedLines(child, lines, depth + 1, lead);
          continue;
        }
        if (LEVEL_KINDS[name] || GENERIC_LEVELS.has(name)) {
          flush();
          this.quotedLevel(child, lines, depth, lead, style);
          continue;
        }
        if (BLOCKS.has(name) && name !== 'proviso' && name !== 'elided' && !(QUOTED.has(name) && isInlineOnly(child))) {
          flush();
          if (ROWS.has(name) || !hasBlockChild(child)) {
            const inner = newRun();
            this.inline(child, inner, depth);
            const value = fold(inner.parts.join(''));
            if (value) lines.push({ value: lead + value, start: child.start, end: child.end });
          } else {
            visit(child, inLevel);
          }
          continue;
        }
        this.inline(child, run, depth);
      }
      flush();
    };
    visit(element, false);
    if (billDtd && lines.length > firstLine) {
      const last = lines[lines.length - 1]!;
      last.value = `${fold(last.value)}${depth % 2 ? '”' : '’'}`;
    }
    if (fold(after)) appendLine(lines, after, afterEnd);
  }

  /** One quoted level: designation, heading and first text on one line; the rest below. */
  private quotedLevel(element: XmlElement, lines: Line[], depth: number, lead: string, style: string): void {
    const kind = LEVEL_KINDS[element.name];
    const num = firstChild(element, 'num') ?? firstChild(element, 'enum');
    const headingEl = firstChild(element, 'heading') ?? firstChild(element, 'header');
    let printed = num ? fold(this.textOf(num, depth)) : '';
    if (num?.name === 'enum' && kind && printed) printed = decorateEnum(kind, printed, element, style);
    const heading = headingEl ? this.headingText(headingEl, kind, headingEl.name === 'header') ?? '' : '';
    let own = [printed, heading].filter(Boolean).join(' ');
    const ownStart = element.start;
    let ownEnd = Math.max(num?.end ?? element.start, headingEl?.end ?? element.start);
    let ownOpen = true;
    const rest: XmlNode[] = [];
    for (const child of element.children) {
      if (child === num || child === headingEl) continue;
      if (ownOpen && child.type === 'text') {
        own += child.value;
        continue;
      }
      if (ownOpen && child.type === 'element' && (child.name === 'chapeau' || TEXT_ELEMENTS.has(child.name)) && !hasBlockChild(child)) {
        const text = fold(this.textOf(child, depth));
        own = heading && /[—–]$/.test(heading) && !child.children.some((c) => c.type === 'text' && /^\s/.test(c.value)) ? `${fold(own)}${text}` : `${own} ${text}`;
        ownEnd = child.end;
        ownOpen = false;
        continue;
      }
      if (ownOpen && child.type === 'element' && FEDERAL_SKIPPED_IN_QUOTED.has(child.name)) continue;
      if (ownOpen && child.type === 'element' && !BLOCKS.has(child.name) && !LEVEL_KINDS[child.name] && !GENERIC_LEVELS.has(child.name) && !isAfterQuoted(child) && child.name !== AFTER_QUOTED) {
        own += this.textOf(child, depth);
        ownEnd = child.end;
        continue;
      }
      ownOpen = false;
      rest.push(child);
    }
    const value = fold(own);
    if (value) lines.push({ value: lead + value, start: ownStart, end: ownEnd });
    if (rest.length) {
      const wrapper: XmlElement = { type: 'element', name: '#rest', attrs: {}, children: rest, start: element.start, end: element.end };
      this.restLines(wrapper, lines, depth, lead, style);
    }
  }

  /** The children of a quoted level after its own line. */
  private restLines(element: XmlElement, lines: Line[], depth: number, lead: string, style: string): void {
    for (const child of element.children) {
      if (child.type === 'text') {
        const value = fold(child.value);
        if (value) lines.push({ value: lead + value, start: child.start, end: child.end });
        continue;
      }
      const name = child.name;
      if (FEDERAL_SKIPPED_IN_QUOTED.has(name)) continue;
      if (name === AFTER_QUOTED || isAfterQuoted(child)) {
        appendLine(lines, this.textOf(child, depth), child.end);
        continue;
      }
      if (LEVEL_KINDS[name] || GENERIC_LEVELS.has(name)) {
        this.quotedLevel(child, lines, depth, lead, style);
        continue;
      }
      if (QUOTED.has(name) && !isInlineOnly(child)) {
        this.quotedLines(child, lines, depth + 1, lead);
        continue;
      }
      if (hasBlockChild(child)) {
        const wrapper: XmlElement = { ...child, name: '#rest' };
        // Inline text of a mixed block goes on lines between its blocks.
        const parts: XmlNode[] = [];
        const flushParts = (): void => {
          if (!parts.length) return;
          const run = newRun();
          for (const part of parts) {
            if (part.type === 'text') addToRun(run, part.value, part.start, part.end);
            else this.inline(part, run, depth);
          }
          const value = fold(run.parts.join(''));
          if (value) lines.push({ value: lead + value, start: run.start, end: run.end });
          parts.length = 0;
        };
        for (const part of wrapper.children) {
          if (part.type === 'element' && (BLOCKS.has(part.name) || isAfterQuoted(part) || part.name === AFTER_QUOTED) && part.name !== 'proviso' && part.name !== 'elided' && !(QUOTED.has(part.name) && isInlineOnly(part))) {
            flushParts();
            this.restLines({ ...wrapper, children: [part] }, lines, depth, lead, style);
          } else if (!(part.type === 'element' && FEDERAL_SKIPPED_IN_QUOTED.has(part.name))) {
            parts.push(part);
          }
        }
        flushParts();
        continue;
      }
      const value = fold(this.textOf(child, depth));
      if (value) lines.push({ value: lead + value, start: child.start, end: child.end });
    }
  }

  // -- Inline text ---------------------------------------------------------------

  /** Collects the text of an inline element into a run. */
  private inline(element: XmlElement, run: Run, depth: number): void {
    // Read through a wrapper so that the element's own meaning (`<quote>` marks, `<br>`) applies.
    const text = this.textOf({ type: 'element', name: '#inline', attrs: {}, children: [element], start: element.start, end: element.end }, depth);
    if (!text) return;
    if (run.start === -1) run.start = element.start;
    run.parts.push(text);
    run.end = element.end;
  }

  /** All text of an element, skipped parts left out, bill.dtd `<quote>` marks supplied. */
  private textOf(element: XmlElement, depth: number): string {
    const out: string[] = [];
    const walk = (node: XmlElement, quoteDepth: number, inQuoted: boolean): void => {
      for (const child of node.children) {
        if (child.type === 'text') {
          out.push(child.value);
          continue;
        }
        const name = child.name;
        if (inQuoted ? FEDERAL_SKIPPED_IN_QUOTED.has(name) : FEDERAL_SKIPPED.has(name)) continue;
        // The Law Revision Counsel's footnote markers (`<ref class="footnoteRef">1</ref>`) are notes, not law.
        if (name === 'ref' && child.attrs['class'] === 'footnoteRef') continue;
        // …and so is a bare superscript number after a word or a mark (`(a)(6)(A),<sup>3</sup>`);
        // a power of ten (`10<sup>6</sup>`) follows a digit and is kept.
        if (!inQuoted && name === 'sup' && isFootnoteMark(child, out[out.length - 1] ?? '')) continue;
        if (name === 'br') {
          out.push(' ');
          continue;
        }
        if (name === 'quote') {
          const [open, close] = quoteDepth % 2 ? ['‘', '’'] : ['“', '”'];
          out.push(open);
          walk(child, quoteDepth + 1, inQuoted);
          out.push(close);
          continue;
        }
        if (BLOCKS.has(name) || ROWS.has(name) || name === 'td' || name === 'th' || name === 'column') out.push(' ');
        walk(child, quoteDepth, inQuoted || QUOTED.has(name));
        if (BLOCKS.has(name) || name === 'td' || name === 'th' || name === 'column') out.push(' ');
      }
    };
    walk(element, depth, depth > 0 || QUOTED.has(element.name));
    return out.join('');
  }

  private fallbackTitle(top: XmlElement): string | undefined {
    const dc = findAll(top, 'title', 2).find((el) => el.name === 'title' && !firstChild(el, 'num'));
    if (dc) return fold(this.textOf(dc, 0)) || undefined;
    return undefined;
  }

  private position(start: number, end: number): Position {
    return this.index.position(start, Math.max(start, end));
  }
}

// ---------------------------------------------------------------------------
// Helpers

function newRun(): Run {
  return { parts: [], start: -1, end: -1 };
}

function addToRun(run: Run, value: string, start: number, end: number): void {
  if (run.start === -1) {
    if (!/\S/.test(value)) return;
    run.start = start + (value.length - value.trimStart().length);
  }
  run.parts.push(value);
  const trailing = value.length - value.trimEnd().length;
  if (trailing < value.length) run.end = end - trailing;
}

function appendLine(lines: Line[], text: string, end: number): void {
  const value = fold(text);
  if (!value) return;
  const last = lines[lines.length - 1];
  if (last) {
    last.value = `${fold(last.value)}${text}`;
    last.end = end;
  } else {
    lines.push({ value, start: end - text.length, end });
  }
}

function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) if (child.type === 'element' && child.name === name) return child;
  return undefined;
}

/** Descendants named `name`, down to `maxDepth` levels. */
function findAll(element: XmlElement, name: string, maxDepth = Infinity): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (node: XmlElement, depth: number): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === name) out.push(child);
      if (depth < maxDepth) walk(child, depth + 1);
    }
  };
  walk(element, 1);
  return out;
}

/** USLM's `<inline role="after-quoted-block">`. */
function isAfterQuoted(element: XmlElement): boolean {
  return element.name === 'inline' && element.attrs['role'] === AFTER_QUOTED;
}

/** A quoted element with no blocks inside (`<quotedContent>''Short Title''</quotedContent>`). */
function isInlineOnly(element: XmlElement): boolean {
  return !hasBlockChild(element);
}

/** Whether blocks (levels, paragraphs, quoted blocks with structure) occur inside, at any depth. */
function hasBlockChild(element: XmlElement): boolean {
  let known = blockInside.get(element);
  if (known !== undefined) return known;
  known = false;
  for (const child of element.children) {
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

function rootKind(name: string): Root['kind'] {
  if (name === 'uscDoc' || name === 'statuteCompilation' || LEVEL_KINDS[name]) return 'statute';
  return 'bill';
}

/** Whitespace runs folded to one space, trimmed. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A designation's normalised value: the `value` attribute when present, else the printed
 * designation without quotation marks, `SEC.`/`§`/`TITLE`…, parentheses, dashes and periods.
 * Examples: `(a)` → `a`; `SEC. 2.` → `2`; `§ 200304.` → `200304`; `“(D)` → `D`; `TITLE I—` → `I`.
 */
export function normaliseValue(value: string, printed: string): string {
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

/** What bill.dtd prints for an `<enum>`: `SEC. 2.`, `TITLE I`; `(a)` stays as it is. */
function decorateEnum(kind: LevelKind, printed: string, element: XmlElement, style = ''): string {
  if (kind === 'section') {
    if (/^(SEC|SECTION|Sec|Section|§)/.test(printed)) return printed;
    if (style === 'USC') return `§ ${printed}`;
    return element.attrs['section-type'] === 'section-one' ? `SECTION ${printed}` : `SEC. ${printed}`;
  }
  const prefix = BILL_DTD_PREFIX[kind];
  if (prefix && !printed.toLowerCase().startsWith(prefix.toLowerCase())) return `${prefix} ${printed}`;
  return printed;
}

/** A heading turned into an id part for levels with no designation: `Salaries and Expenses` → `salaries-and-expenses`. */
function slug(heading: string): string {
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
function isFootnoteMark(element: XmlElement, before: string): boolean {
  if (element.children.length !== 1 || element.children[0]!.type !== 'text') return false;
  return /^\s*\d{1,2}\s*$/.test(element.children[0]!.value) && !/\d\s*$/.test(before);
}
