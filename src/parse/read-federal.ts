import type { Author, Diagnostic, Level, Position, Root, SourceDocument, TextRole } from '../types.js';
import type { Deadline } from '../util/deadline.js';
import { diagnostic } from '../util/errors.js';
import { LineIndex } from '../util/position.js';
import { idPart } from './designation.js';
import { addToRun, headingText, inline, newRun, quotedLines, textOf, type Line, type Run } from './federal-text.js';
import {
  AFTER_QUOTED,
  BELOW,
  BLOCKS,
  CONTINUATIONS,
  decorateEnum,
  FEDERAL_SKIPPED,
  fold,
  GENERIC_LEVELS,
  hasBlockChild,
  isAfterQuoted,
  isInlineOnly,
  LEVEL_KINDS,
  normaliseValue,
  QUOTED,
  rootKind,
  ROWS,
  slug,
  TEXT_ELEMENTS,
} from './federal-vocabulary.js';
import { UniqueIds } from './unique-ids.js';
import { findAll, firstChild, parseXmlTree, type XmlElement } from './xml.js';
import { trimChildren } from '../util/arrays.js';
import { foldName } from '../util/white-space.js';

export { FEDERAL_SKIPPED, FEDERAL_SKIPPED_IN_QUOTED, normaliseValue } from './federal-vocabulary.js';

/**
 * U.S. federal XML: GPO/House USLM (bills, resolutions, public laws, statute compilations,
 * U.S. Code title files and `<section>`s cut from them) and GPO's older bill.dtd
 * (`bill`, `resolution`, `amendment-doc`). The level tree is built from the markup itself:
 * every structural element becomes a `level`, its `num`/`enum` the designation, its
 * `heading`/`header` the heading, `chapeau`/`content`/`text`/`continuation` the text nodes.
 *
 * Quoted law (USLM `quotedContent`, bill.dtd `quoted-block`) is not the bill's own structure:
 * it is flattened into `text` nodes under the level that quotes it, one per printed line.
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
export function readFederal(xml: string, file: string, options: { deadline?: Deadline } = {}): { tree: Root; source: SourceDocument; messages: Diagnostic[] } {
  const index = new LineIndex(xml);
  const top = parseXmlTree(xml, file, index, options);
  const reader = new FederalReader(xml, index, file);
  const tree = reader.read(top);
  trimChildren(tree);
  const title = reader.title;
  if (title) tree.data = { ...tree.data, title };
  const messages = reader.messages;
  const source: SourceDocument = { file, format: 'federal', title, blocks: [], marks: [], messages };
  const authors = sponsorsOf(top);
  if (authors.length) source.meta = { authors };
  return { tree, source, messages };
}

/** A document's parts that hold its text, where no sponsor is named (the rest, its form or preface, is read for them). */
const BODIES = new Set(['legis-body', 'resolution-body', 'engrossed-amendment-body', 'main', 'amendment-body']);
/** How deep under the form or preface its sponsors are: `form` › `action` › `action-desc` › `sponsor`. */
const SPONSOR_DEPTH = 4;

/**
 * The sponsor and cosponsors a bill's form or preface names as it prints them ("Ms. Wilson of
 * Florida"), each once, in order: bill.dtd's and USLM's `<sponsor>` and `<cosponsor>` in the actions
 * above the text (its body is not read).
 */
function sponsorsOf(top: XmlElement): Author[] {
  const out: Author[] = [];
  const seen = new Set<string>();
  const take = (element: XmlElement, role: Author['role']): void => {
    const name = foldName(textOf(element, 0));
    if (!name || seen.has(`${role}\u0000${name}`)) return;
    seen.add(`${role}\u0000${name}`);
    out.push({ name, role });
  };
  for (const part of top.children) {
    if (part.type !== 'element' || BODIES.has(part.name)) continue;
    for (const element of findAll(part, 'sponsor', SPONSOR_DEPTH)) take(element, 'sponsor');
    for (const element of findAll(part, 'cosponsor', SPONSOR_DEPTH)) take(element, 'cosponsor');
  }
  return out;
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
// The reader

type Holder = Root | Level;
type FlowType = 'text' | 'chapeau' | 'continuation';

class FederalReader {
  readonly messages: Diagnostic[] = [];
  title: string | undefined;
  private readonly ids = new UniqueIds();
  private generic = 0;
  private genericAt: Position | undefined;

  constructor(
    private readonly xml: string,
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
      if (looseRole) this.pushActions(run, holder, looseRole);
      else this.pushRun(run, holder, this.flowTypeAt(holder));
      run = newRun();
    };
    const { children } = element;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'text') {
        addToRun(run, child.text, child.start, child.end);
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
        inline(child, run, 0);
        continue;
      }
      flush();
      this.block(child, holder);
    }
    flush();
  }

  /** The official title, kept as a text node at the root. */
  private titleText(element: XmlElement, holder: Holder): void {
    const value = fold(textOf(element, 0));
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
        inline(element, run, 0);
        this.pushRun(run, holder, this.flowTypeAt(holder));
      } else {
        this.quoted(element, holder, 1);
      }
      return;
    }
    if (name === AFTER_QUOTED || isAfterQuoted(element)) {
      this.appendToLast(holder, textOf(element, 0), element.end);
      return;
    }
    if (name === 'officialTitle' || name === 'official-title') {
      this.titleText(element, holder);
      return;
    }
    if (name === 'longTitle' || name === 'toc' || ROWS.has(name) || name === 'table' || name === 'layout') {
      if (ROWS.has(name)) {
        const run = newRun();
        inline(element, run, 0);
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
      inline(element, run, 0);
      this.pushRun(run, holder, this.flowTypeAt(holder));
      return;
    }
    if (name === 'enactingFormula') {
      const before = holder.children.length;
      this.flow(element, holder, 'text');
      for (const c of holder.children.slice(before)) if (c.type === 'text') c.role = 'enacting';
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
    const { children } = element;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'text') {
        addToRun(run, child.text, child.start, child.end);
        continue;
      }
      const name = child.name;
      if (FEDERAL_SKIPPED.has(name)) continue;
      if (name === AFTER_QUOTED || isAfterQuoted(child)) {
        flush();
        this.appendToLast(holder, textOf(child, 0), child.end);
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
        inline(child, run, 0);
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

  /**
   * Loose text of the document element, beside its body: what a conversion to USLM kept of a
   * bill's endorsement or actions, each action's date and description run together
   * ("January 28, 2016Committed to the Committee …"). Each action is a line, as printed, with
   * its date apart.
   */
  private pushActions(run: Run, holder: Holder, role: TextRole): void {
    const value = fold(run.parts.join(''));
    if (!value) return;
    let cursor = run.start;
    for (const action of splitActions(value)) {
      const found = this.xml.indexOf(action.slice(0, 12), cursor);
      const start = found === -1 || found >= run.end ? cursor : found;
      const end = Math.min(run.end, Math.max(start, this.xml.indexOf(action.slice(-12), start) + Math.min(12, action.length)));
      holder.children.push({ type: 'text', value: action, role, position: this.position(start, end > start ? end : run.end) });
      cursor = end > start ? end : start;
    }
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
    const heading = headingEl ? headingText(headingEl, kind, billDtd) : undefined;
    let value = '';
    let printed = '';
    if (num) {
      printed = fold(textOf(num, 0));
      value = normaliseValue(num.attributes['value'] ?? '', printed);
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
    const level: Level = { type: 'level', kind, id: this.ids.take(prefix + idPart(kind, value)), children: [] };
    if (num && printed) level.num = { text: printed, value };
    if (heading) level.heading = heading;
    const xmlId = element.attributes['identifier'] ?? element.attributes['id'];
    if (xmlId) level.xmlId = xmlId;
    // The U.S. Code's source credit says which Act and section the Code section was enacted as.
    const credit = kind === 'section' ? firstChild(element, 'sourceCredit') : undefined;
    if (credit) level.sourceCredit = fold(textOf(credit, 1));
    level.position = this.position(element.start, element.end);
    holder.children.push(level);

    let run = newRun();
    const flush = (): void => {
      this.pushRun(run, level, this.flowTypeAt(level));
      run = newRun();
    };
    const { children } = element;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child === num || child === headingEl) continue;
      if (child.type === 'text') {
        addToRun(run, child.text, child.start, child.end);
        continue;
      }
      if (FEDERAL_SKIPPED.has(child.name)) continue;
      if (!BLOCKS.has(child.name) && !GENERIC_LEVELS.has(child.name) && !isAfterQuoted(child) && child.name !== AFTER_QUOTED) {
        if (!hasBlockChild(child)) {
          inline(child, run, 0);
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

  /** A quoted block: each printed line a text node under the level that quotes it. */
  private quoted(element: XmlElement, holder: Holder, depth: number): void {
    const lines: Line[] = [];
    quotedLines(element, lines, depth, '');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const value = fold(line.value);
      if (value) holder.children.push({ type: 'text', value, position: this.position(line.start, line.end) });
    }
  }

  private fallbackTitle(top: XmlElement): string | undefined {
    const dc = findAll(top, 'title', 2).find((el) => el.name === 'title' && !firstChild(el, 'num'));
    if (dc) return fold(textOf(dc, 0)) || undefined;
    return undefined;
  }

  private position(start: number, end: number): Position {
    return this.index.position(start, Math.max(start, end));
  }
}

const DATE = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}`;

/** A date run into the text before it: a new action starts there. */
const ACTION_START = new RegExp(String.raw`(?<=\S)(?=${DATE})`);

/** A date run into the description after it. */
const GLUED_DATE = new RegExp(String.raw`^(${DATE})(?=[^\s,.;:])`);

/** "January 28, 2016Committed …February 2, 2016Reported …" → each action, its date set apart. */
function splitActions(text: string): string[] {
  return text.split(ACTION_START).map((action) => action.trim().replace(GLUED_DATE, '$1 '));
}
