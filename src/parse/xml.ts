import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { SaxesParser } from 'saxes';
import { checkDeadline, type Deadline } from '../util/deadline.js';
import { BilldiffError } from '../util/errors.js';
import type { LineIndex } from '../util/position.js';

/**
 * The XML readers' common ground: saxes driven over a whole document with offsets for every
 * event, well-formedness errors as `file:line:col` BilldiffErrors, a bound on nesting, and the
 * comparison's deadline checked as the text is read. `readCaml` takes the events as they come;
 * `readFederal` builds the small element tree below (`parseXmlTree`) from the same events.
 */

/** Deepest element nesting read. Real bills and codes nest about 20 deep; past this, an error. */
export const MAX_XML_DEPTH = 200;

/** Characters handed to the parser at a time, between checks of the deadline. */
const CHUNK = 1 << 20;

/** What the driver reports: offsets are into the document (`start` inclusive, `end` exclusive). */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, start: number, end: number, selfClosing: boolean): void;
  close(name: string, start: number, end: number, selfClosing: boolean): void;
  text(value: string, start: number, end: number): void;
  /** CDATA sections; read as text when absent. */
  cdata?(value: string, start: number, end: number): void;
  pi?(target: string, body: string, start: number, end: number): void;
}

export interface XmlReadOptions {
  /** Stop with a `budget` error when this passes. */
  deadline?: Deadline;
  /** Offset of the text in its file, for a fragment parsed on its own. */
  base?: number;
  /** A fragment: every event is placed at `base` (its text has no place of its own in the file). */
  fragment?: boolean;
}

/**
 * saxes' parser, made through a class of our own. `on()` stores each handler under a computed
 * name; made directly, the parser has no room left for the eight handlers `readXml` sets, and
 * V8 turns it into a dictionary-mode object, whose every field read in saxes' per-character loop
 * is a hash lookup (5× slower: 200 against 40 ms for H.R. 1 and P.L. 119-21). V8 sizes an object
 * made by a subclass for the fields of both constructors, so this one keeps its fast fields.
 */
class Saxes extends SaxesParser {}

/** A saxes parser as `readXml` drives it (a test checks that it keeps fast properties). */
export function newXmlParser(): SaxesParser {
  return new Saxes({ position: true });
}

/** Drives saxes over `xml`; a well-formedness error, or nesting past `MAX_XML_DEPTH`, is a BilldiffError with a place. */
export function readXml(xml: string, file: string, index: LineIndex, handlers: XmlHandlers, options: XmlReadOptions = {}): void {
  const parser = newXmlParser();
  const base = options.base ?? 0;
  const at = (n: number) => (options.fragment ? base : base + n);
  const placeAt = (offset: number) => {
    const point = index.point(Math.max(0, Math.min(offset, base + xml.length)));
    return { start: point, end: point };
  };
  defineDtdEntities(parser, xml);
  let last = 0;
  let depth = 0;
  let failure: BilldiffError | undefined;
  let doctype = false;
  parser.on('error', (error) => {
    if (failure) return;
    const reason = error.message.replace(/^[^:]*:\d+:\d+:\s*/, '').replace(/^\d+:\d+:\s*/, '');
    const open = doctype ? -1 : unclosedDoctype(xml, last, reason);
    failure =
      open === -1
        ? new BilldiffError(`XML is not well-formed: ${reason}`, { file, place: placeAt(at(parser.position)) })
        : new BilldiffError('XML is not well-formed: the DOCTYPE declaration does not end (an open quote, or markup in its internal subset, runs on to the end of the file).', { file, place: placeAt(at(open)) });
  });
  parser.on('opentag', (tag) => {
    const end = parser.position;
    const start = Math.max(last, xml.lastIndexOf('<', end - 1));
    if (++depth > MAX_XML_DEPTH) {
      failure ??= new BilldiffError(`XML nested deeper than ${MAX_XML_DEPTH} elements`, { file, place: placeAt(at(start)) });
      throw failure;
    }
    handlers.open(localName(tag.name), tag.attributes as Record<string, string>, at(start), at(end), tag.isSelfClosing);
    last = end;
  });
  parser.on('closetag', (tag) => {
    depth--;
    const end = parser.position;
    handlers.close(localName(tag.name), at(tag.isSelfClosing ? end : last), at(end), tag.isSelfClosing);
    last = end;
  });
  const onText = (handler: (value: string, start: number, end: number) => void) => (value: string) => {
    const end = Math.max(last, parser.position - 1);
    handler(value, at(last), at(end));
    last = end;
  };
  parser.on('text', onText(handlers.text));
  parser.on('cdata', onText(handlers.cdata ?? handlers.text));
  parser.on('processinginstruction', (pi) => {
    handlers.pi?.(pi.target, pi.body, at(last), at(parser.position));
    last = parser.position;
  });
  const moved = (): void => {
    last = parser.position;
  };
  parser.on('comment', moved);
  parser.on('doctype', () => {
    doctype = true;
    moved();
  });
  try {
    for (let i = 0; i < xml.length && !failure; i += CHUNK) {
      parser.write(xml.length <= CHUNK ? xml : xml.slice(i, i + CHUNK));
      checkDeadline(options.deadline, file);
    }
    if (!failure) parser.close();
  } catch (error) {
    if (!failure) throw error;
  }
  if (failure) throw failure;
}

/**
 * Where a DOCTYPE that never ends starts, or -1. saxes reads a DOCTYPE left open, or an internal
 * subset it cannot make out (`[<]`), to the end of the file and then says only that the document
 * has no root element, at its end: the error is placed at the DOCTYPE instead. `reason` is saxes'
 * first error, `from` the end of the last thing read before it.
 */
function unclosedDoctype(xml: string, from: number, reason: string): number {
  if (reason !== 'document must contain a root element.') return -1;
  const open = xml.indexOf('<!DOCTYPE', from);
  return open !== -1 && xml.lastIndexOf('<!--', open) < from ? open : -1;
}

/**
 * A document with a DOCTYPE (GPO's bill.dtd) may use the character entities its DTD declares
 * (`&mdash;`, `&ldquo;`): those that name an HTML character are read as that character.
 */
function defineDtdEntities(parser: SaxesParser, xml: string): void {
  if (!hasDoctype(xml)) return;
  for (const name of new Set([...xml.matchAll(/&([A-Za-z][A-Za-z0-9]{1,31});/g)].map((m) => m[1]!))) {
    if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(name)) continue;
    const value = dtdEntity(name);
    if (value !== undefined) parser.ENTITIES[name] = value;
  }
}

function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE/i.test(xml.slice(0, 4096));
}

/** The character an entity of the DTD names (`mdash` → `—`), for names of 2 to 32 letters and digits. */
function dtdEntity(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9]{1,31}$/.test(name)) return undefined;
  const value = decodeNamedCharacterReference(name);
  return value === false ? undefined : value;
}

/** `caml:Bill` → `Bill`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

// ---------------------------------------------------------------------------
// A small element tree with offsets

export interface XmlElement {
  type: 'element';
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset after `>` of the end tag. */
  end: number;
}

export interface XmlText {
  type: 'text';
  text: string;
  start: number;
  end: number;
}

export type XmlNode = XmlElement | XmlText;

/** The attributes of every element that has none (saxes makes a dictionary object for each tag). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/**
 * XML → element tree with offsets (namespace prefixes dropped from names).
 *
 * The whole tree outlives the read, so every object made for it is copied by V8's young collections
 * and then promoted: each element's children are gathered on one stack and copied into an array of
 * their own size when the element closes (an array pushed into holds 17 places from its first child),
 * and the elements without attributes share one empty set instead of keeping saxes' dictionary.
 */
export function parseXmlTree(xml: string, file: string, index: LineIndex, options: XmlReadOptions = {}): XmlElement {
  // The open elements, and where each one's children start on `pending` (the children read so far of every open element).
  const stack: XmlElement[] = [];
  const from: number[] = [];
  const pending: XmlNode[] = [];
  let root: XmlElement | undefined;
  readXml(
    xml,
    file,
    index,
    {
      open(name, attrs, start, end, selfClosing) {
        // `<name>` or `<name/>` has no attributes (told by its length: enumerating saxes' dictionary costs more).
        const bare = end - start === name.length + (selfClosing ? 3 : 2);
        const element: XmlElement = { type: 'element', name, attributes: bare ? NO_ATTRIBUTES : attrs, children: NO_CHILDREN, start, end };
        if (stack.length !== 0) pending.push(element);
        else root ??= element;
        stack.push(element);
        from.push(pending.length);
      },
      close(_name, _start, end) {
        const element = stack.pop();
        const first = from.pop();
        if (!element || first === undefined) return;
        element.end = end;
        element.children = pending.slice(first);
        pending.length = first;
      },
      text(value, start, end) {
        if (stack.length !== 0) pending.push({ type: 'text', text: value, start, end });
      },
    },
    options,
  );
  if (!root) {
    const point = index.point(0);
    throw new BilldiffError('XML is not well-formed: expected a root element, found none', { file, place: { start: point, end: point } });
  }
  return root;
}

/** The children of an element not yet closed (replaced by its own array when it closes). */
const NO_CHILDREN: XmlNode[] = [];

/** The first child element named `name`. */
export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  const { children } = element;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element' && child.name === name) return child;
  }
  return undefined;
}

/** Descendants named `name`, down to `maxDepth` levels. */
export function findAll(element: XmlElement, name: string, maxDepth = Infinity): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (node: XmlElement, depth: number): void => {
    const { children } = node;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'element') continue;
      if (child.name === name) out.push(child);
      if (depth < maxDepth) walk(child, depth + 1);
    }
  };
  walk(element, 1);
  return out;
}
