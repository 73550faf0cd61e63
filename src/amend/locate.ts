import type { Chapeau, Content, Continuation, Level, Text } from '../types.js';
import { ordinalNumber, readIdPart } from '../parse/ladder.js';
import { refuse } from './edit.js';
import { describeLocation, describeStep } from './location.js';
import type { LocationStep, Path } from './types.js';

/**
 * Finding the place an instruction names in a section: a level, or a stretch of one of its texts
 * (the matter preceding a paragraph, a sentence, the heading). Every step the executor cannot
 * find refuses the instruction with what is there instead.
 */

export type TextNode = Text | Chapeau | Continuation;

/** A level's heading, searched and edited like a text. */
export class HeadingNode {
  readonly type = 'heading';
  constructor(readonly level: Level) {}
  get value(): string {
    return this.level.heading ?? '';
  }
  set value(value: string) {
    this.level.heading = value;
  }
}

/** Something whose words an instruction edits: a text node or a heading. */
export type Editable = TextNode | HeadingNode;

/** A stretch of an editable: the whole of it, or one sentence. */
export interface Stretch {
  node: Editable;
  start: number;
  end: number;
}

/** Where an instruction applies: a level, or a stretch of one of its texts. */
export interface Place {
  level: Level;
  /** Set when the location names a part of the level's text ("the matter preceding paragraph (1)", "the second sentence", "the section heading"). */
  stretch?: Stretch;
}

/** Walks the steps of a path down from the section. */
export function locate(section: Level, path: Path): Place {
  let place: Place = { level: section };
  path.forEach((step, i) => {
    if (place.stretch && step.type !== 'sentence') refuse(`cannot descend below "${describeStep(path[i - 1]!)}" to "${describeStep(step)}"`);
    place = stepInto(section, place, step);
  });
  return place;
}

function stepInto(section: Level, place: Place, step: LocationStep): Place {
  const { level } = place;
  const words = describeStep(step);
  switch (step.type) {
    case 'level':
      if (step.rung === 'section') {
        if (level !== section || section.num?.value !== step.designation) refuse(`target ${words} is not the section executed`);
        return place;
      }
      return { level: child(level, step.designation, words, step.nth) };
    case 'matter': {
      if (step.side === 'preceding') {
        const index = level.children.findIndex((c) => c.type === 'level');
        const first = level.children[index];
        if (index < 0 || first?.type !== 'level' || first.num?.value !== step.designation) {
          refuse(`${words}: ${describe(level)} has no ${step.rung} (${step.designation}) as its first clause`);
        }
        const before = level.children.slice(0, index).filter(isText);
        if (before.length !== 1) refuse(`${words}: expected one text before it in ${describe(level)}, found ${before.length}`);
        return { level, stretch: whole(before[0]!) };
      }
      // "in the matter following paragraph (2)": the text after the level, before any other level.
      const index = level.children.findIndex((c) => c.type === 'level' && c.num?.value === step.designation);
      if (index < 0) refuse(`${words}: ${describe(level)} has no ${step.rung} (${step.designation})`);
      const after = textsAfter(level, index);
      if (after.length !== 1) refuse(`${words}: expected one text after it in ${describe(level)}, found ${after.length}`);
      return { level, stretch: whole(after[0]!) };
    }
    case 'flush': {
      // "the flush text": what follows the level's last subordinate level.
      const last = level.children.map((c) => c.type).lastIndexOf('level');
      if (last < 0) refuse(`${words}: ${describe(level)} has no clauses for text to follow`);
      const after = textsAfter(level, last);
      if (after.length !== 1) refuse(`${words}: expected one text after the last clause of ${describe(level)}, found ${after.length}`);
      return { level, stretch: whole(after[0]!) };
    }
    case 'paragraph': {
      // "in the fifth paragraph" of a section whose paragraphs are not designated.
      if (level.children.some((c) => c.type === 'level')) refuse(`${describe(level)} has designated clauses; "${words}" does not say which`);
      const paragraphs = level.children.filter(isText);
      const chosen = step.ordinal === -1 ? paragraphs[paragraphs.length - 1] : paragraphs[step.ordinal - 1];
      if (!chosen) refuse(`${describe(level)} has ${paragraphs.length} paragraphs, not a ${words.replace(/ paragraph$/, '')}`);
      return { level, stretch: whole(chosen) };
    }
    case 'sentence': {
      const host = place.stretch ?? soleText(level, words);
      const found = sentences(host.node.value.slice(host.start, host.end));
      const sentence = step.ordinal === -1 ? found[found.length - 1] : found[step.ordinal - 1];
      if (!sentence) refuse(`${words}: the text of ${describe(level)} has ${found.length} sentence${found.length === 1 ? '' : 's'}`);
      return { level, stretch: { node: host.node, start: host.start + sentence.start, end: host.start + sentence.end } };
    }
    case 'heading':
      if (level.heading === undefined || level.heading.trim() === '') refuse(`${describe(level)} has no heading`);
      return { level, stretch: whole(new HeadingNode(level)) };
    case 'provision': {
      const proviso = /^the (?:(\w+) )?proviso$/.exec(step.name);
      if (!proviso) return refuse(`location "${words}" is not one the executor can find`);
      return { level, stretch: provisoIn(level, proviso[1], words) };
    }
    default:
      return refuse(`location "${words}" is not one the executor can find`);
  }
}

/** A proviso's opening words: ": Provided, That", ": Provided further, That", "; provided, however, that". */
const PROVISO = /[:;,]\s*(?:provided|Provided)(?:\s+(?:further|also|however))?,?\s+(?:That|that)\b/g;

/**
 * "the proviso", "the second proviso" of a level's own text: from the mark that opens it (": Provided,
 * That") to the next proviso or the period that ends the text. "The proviso" of a text with
 * several is refused, naming how many.
 */
function provisoIn(level: Level, ordinal: string | undefined, words: string): Stretch {
  const found: Stretch[] = [];
  for (const node of level.children.filter(isText)) {
    const starts = [...node.value.matchAll(PROVISO)].map((m) => m.index!);
    const tail = node.value.trimEnd();
    const end = /[.;:]$/.test(tail) ? tail.length - 1 : tail.length;
    starts.forEach((start, i) => found.push({ node, start, end: starts[i + 1] ?? end }));
  }
  const n = ordinal === undefined ? 0 : ordinal === 'final' || ordinal === 'last' ? -1 : ordinalNumber(ordinal);
  if (n === undefined) refuse(`${words}: “${ordinal}” is not an ordinal`);
  if (n === 0 && found.length !== 1) refuse(`${words}: the text of ${describe(level)} has ${found.length} provisos${found.length ? '; the instruction does not say which' : ''}`);
  const chosen = n === 0 ? found[0] : n === -1 ? found[found.length - 1] : found[n - 1];
  if (!chosen) refuse(`${words}: the text of ${describe(level)} has ${found.length} proviso${found.length === 1 ? '' : 's'}`);
  return chosen;
}

/** The texts after a level's child at `index`, up to its next child level. */
function textsAfter(level: Level, index: number): TextNode[] {
  const after: TextNode[] = [];
  for (const c of level.children.slice(index + 1)) {
    if (c.type === 'level') break;
    if (isText(c)) after.push(c);
  }
  return after;
}

export function whole(node: Editable): Stretch {
  return { node, start: 0, end: node.value.length };
}

/** The one text a level has of its own (for "the first sentence of subsection (f)"). */
function soleText(level: Level, words: string): Stretch {
  const own = level.children.filter(isText);
  if (own.length !== 1) refuse(`${words}: ${describe(level)} has ${own.length} texts of its own, not one`);
  return whole(own[0]!);
}

/** Words after which a period does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(“"])(?:U\.S\.C|U\.S|Stat|No|Nos|Pub|Sec|Secs|sec|secs|e\.g|i\.e|etc|Inc|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|v|vs|seq|ch|cl|subch|pt|div|App|Fed|Reg|C\.F\.R|[A-Z])$/;

/**
 * The sentences of a text, as offsets: a sentence ends at a period (or ? !), with any closing
 * quotation mark or parenthesis, followed by a space and a capital letter — unless the period
 * ends an abbreviation (`U.S.C.`, `Pub. L.`, `Stat.`, `No.`).
 */
export function sentences(value: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let start = value.length - value.trimStart().length;
  const boundary = /[.?!][”’")]*(?=\s+[“‘"(]?[A-Z])/g;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(value))) {
    if (m[0][0] === '.' && ABBREVIATION.test(value.slice(Math.max(0, m.index - 12), m.index))) continue;
    const end = m.index + m[0].length;
    found.push({ start, end });
    start = end + (/^\s+/.exec(value.slice(end))?.[0].length ?? 0);
  }
  const tail = value.trimEnd().length;
  if (tail > start) found.push({ start, end: tail });
  return found;
}

/** The one child level with a designation; refused when there is none or more than one. */
export function child(level: Level, value: string, words: string, nth?: number): Level {
  const all = level.children.filter((c): c is Level => c.type === 'level' && c.num?.value === value);
  // "the first subsection (c)": one of several levels with one designation.
  const found = nth === undefined ? all : all.slice(nth === -1 ? -1 : nth - 1, nth === -1 ? undefined : nth);
  if (nth !== undefined && all.length < 2) refuse(`${words}: ${describe(level)} has ${all.length} ${words.replace(/^\w+\s+/, '')}, not several`);
  if (found.length !== 1) {
    if (found.length > 1) refuse(`${words} found more than once in ${describe(level)}`);
    const there = level.children.filter((c): c is Level => c.type === 'level').map((c) => c.num?.text ?? '');
    refuse(`${words} not found in ${describe(level)}${there.length ? `; it has ${listed(there)}` : ''}`);
  }
  return found[0]!;
}

/** `(a), (b), … (f)`: a list of designations, cut short when long. */
function listed(designations: string[]): string {
  return designations.length <= 6 ? designations.join(', ') : `${designations.slice(0, 3).join(', ')} … ${designations[designations.length - 1]}`;
}

/** A level named from a place (`paragraph (6)(E)`: subparagraph (E) of paragraph (6)) and its parent. */
export function findNamedLevel(place: Place, path: Path): { parent: Level; level: Level } {
  if (path.length === 0 || !path.every((s) => s.type === 'level' && s.rung !== 'section')) refuse(`"${describeLocation(path).join(', ')}" is not a clause the executor can find`);
  const words = describeLocation(path).join(', ');
  let parent = place.level;
  for (const step of path.slice(0, -1)) parent = child(parent, (step as { designation: string }).designation, words, (step as { nth?: number }).nth);
  const last = path[path.length - 1] as { designation: string; nth?: number };
  return { parent, level: child(parent, last.designation, describeStep(path[path.length - 1]!), last.nth) };
}

/** A level as a refusal names it: `§ 119`, `paragraph (2)`. */
export function describe(level: Level): string {
  const title = /^\/us\/usc\/t(\w+)\//.exec(level.xmlId ?? '')?.[1];
  if (level.kind === 'section' && level.num) return title ? `${title} U.S.C. ${level.num.value}` : `§ ${level.num.value}`;
  // A level of a section, cited from its id (`t16/ch1/s1/c/2` → `§ 1(c)(2)`; `16 U.S.C. 1(c)(2)` when it says its title).
  const segments = level.id.split('/');
  const at = segments.map((x) => readIdPart(x)?.kind).lastIndexOf('section');
  const designations = segments.slice(at + 1).map((x) => x.replace(/~\d+$/, ''));
  if (at >= 0 && designations.length > 0 && designations.every((d) => /^[A-Za-z0-9]{1,8}$/.test(d))) {
    const section = readIdPart(segments[at]!)!.value;
    return `${title ? `${title} U.S.C. ` : '§ '}${section}${designations.map((d) => `(${d})`).join('')}`;
  }
  return level.num ? `${level.kind} ${level.num.text}` : level.kind;
}

export function isText(node: Content): node is TextNode {
  return node.type === 'text' || node.type === 'chapeau' || node.type === 'continuation';
}

/** Every heading and text of a level, its child levels' included, in reading order. */
export function editables(level: Level): Editable[] {
  const nodes: Editable[] = [];
  if (level.heading !== undefined && level.heading.trim() !== '') nodes.push(new HeadingNode(level));
  for (const c of level.children) {
    if (isText(c)) nodes.push(c);
    else if (c.type === 'level') nodes.push(...editables(c));
  }
  return nodes;
}

/** The level that holds an editable (its own text or heading). */
export function ownerOf(section: Level, node: Editable): Level {
  if (node instanceof HeadingNode) return node.level;
  const search = (level: Level): Level | undefined => {
    for (const c of level.children) {
      if (c === node) return level;
      if (c.type === 'level') {
        const found = search(c);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(section) ?? section;
}
