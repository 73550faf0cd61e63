import { createRequire } from 'node:module';
import type { Tokenizer as HtmlTokenizer } from 'htmlparser2';

/**
 * htmlparser2's tokenizer, loaded the first time a page of HTML is read: loading it decodes the
 * entity tables of its dependencies (~8 ms), which a comparison of plain texts should not pay at
 * start-up. (Its CommonJS build: an ES module cannot be loaded synchronously.)
 */
let tokenizerClass: typeof HtmlTokenizer | undefined;
const loadTokenizer = (): typeof HtmlTokenizer => (tokenizerClass ??= (createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2')).Tokenizer);

/**
 * HTML as a stream of tokens with their offsets in the source, read with htmlparser2's tokenizer
 * (forgiving as browsers are: an unterminated comment or tag runs to the end, a `<` that opens no
 * markup is text, character references are decoded as HTML decodes them, `&#150;` as `–`), and
 * the decoded text of a run kept character by character with the source range each came from,
 * so that a reader can point back into the file.
 */

export interface CommentToken {
  type: 'comment';
  value: string;
  start: number;
  end: number;
  /** False for a comment that runs to the end of the text (`<!--` with no `-->`). */
  closed: boolean;
}

export interface OpenToken {
  type: 'open';
  /** Lower case. */
  name: string;
  attrs: Record<string, string>;
  start: number;
  end: number;
}

export interface CloseToken {
  type: 'close';
  /** Lower case. */
  name: string;
  start: number;
  end: number;
}

/** A run of text, with the character references in it decoded. */
export interface TextToken {
  type: 'text';
  start: number;
  end: number;
  /** The references in the run, in order: their source range and what they stand for. */
  references: Array<{ start: number; end: number; value: string }>;
}

export type HtmlToken = CommentToken | OpenToken | CloseToken | TextToken;

/** Reads `src` into tokens (doctype and processing instructions are left out). */
export function tokenizeHtml(src: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let open: OpenToken | undefined;
  let attribute: { name: string; value: string } | undefined;
  let text: TextToken | undefined;
  const textAt = (start: number, end: number): TextToken => {
    if (text && text.end === start) {
      text.end = end;
      return text;
    }
    text = { type: 'text', start, end, references: [] };
    tokens.push(text);
    return text;
  };
  const Tokenizer = loadTokenizer();
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        textAt(start, end);
      },
      ontextentity(codepoint, end) {
        const start = src.lastIndexOf('&', end - 1);
        textAt(start, end).references.push({ start, end, value: String.fromCodePoint(codepoint) });
      },
      onopentagname(start, end) {
        text = undefined;
        open = { type: 'open', name: src.slice(start, end).toLowerCase(), attrs: {}, start: start - 1, end };
      },
      onattribname(start, end) {
        attribute = { name: src.slice(start, end).toLowerCase(), value: '' };
      },
      onattribdata(start, end) {
        if (attribute) attribute.value += src.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attribute) attribute.value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (open && attribute && !(attribute.name in open.attrs)) open.attrs[attribute.name] = attribute.value;
        attribute = undefined;
      },
      onopentagend(end) {
        if (open) tokens.push({ ...open, end: end + 1 });
        open = undefined;
      },
      onselfclosingtag(end) {
        if (open) tokens.push({ ...open, end: end + 1 });
        open = undefined;
      },
      onclosetag(start, end) {
        text = undefined;
        const gt = src.indexOf('>', end);
        tokens.push({ type: 'close', name: src.slice(start, end).toLowerCase(), start: src.lastIndexOf('<', start), end: gt < 0 ? src.length : gt + 1 });
      },
      oncomment(start, end, endOffset) {
        text = undefined;
        tokens.push({ type: 'comment', value: src.slice(start, end - endOffset), start: start - 4, end: endOffset ? end + 1 : src.length, closed: endOffset > 0 });
      },
      oncdata() {
        text = undefined;
      },
      ondeclaration() {
        text = undefined;
      },
      onprocessinginstruction() {
        text = undefined;
      },
      onend() {},
    },
  );
  tokenizer.write(src);
  tokenizer.end();
  return tokens;
}

/** The tokens of a text, read one at a time. */
export class TokenStream {
  private readonly tokens: HtmlToken[];
  private index = 0;

  constructor(src: string) {
    this.tokens = tokenizeHtml(src);
  }

  peek(): HtmlToken | undefined {
    return this.tokens[this.index];
  }

  next(): HtmlToken | undefined {
    return this.tokens[this.index++];
  }

  /** Where a comment that runs to the end of the text opens, if one does. */
  get unclosedComment(): number | undefined {
    return this.tokens.find((t): t is CommentToken => t.type === 'comment' && !t.closed)?.start;
  }
}

// ---------------------------------------------------------------------------
// Text with offsets

/** Decoded characters (UTF-16 code units), each with the source range it came from. */
export interface Chars {
  units: string[];
  starts: number[];
  ends: number[];
}

/** A folded line of text: whitespace runs made one space, trimmed; each unit's source range kept. */
export interface Line {
  text: string;
  starts: number[];
  ends: number[];
}

export function newChars(): Chars {
  return { units: [], starts: [], ends: [] };
}

export function pushUnit(chars: Chars, unit: string, start: number, end: number): void {
  chars.units.push(unit);
  chars.starts.push(start);
  chars.ends.push(end);
}

/** Appends the decoded text of a text token. */
export function decodeInto(src: string, token: TextToken, chars: Chars): void {
  let i = token.start;
  for (const reference of token.references) {
    for (; i < reference.start; i++) pushUnit(chars, src[i]!, i, i + 1);
    for (let k = 0; k < reference.value.length; k++) pushUnit(chars, reference.value[k]!, reference.start, reference.end);
    i = reference.end;
  }
  for (; i < token.end; i++) pushUnit(chars, src[i]!, i, i + 1);
}

const SPACE = /\s/;

/** Whitespace runs folded to one space and trimmed, like `fold` in read-federal, ranges kept. */
export function foldChars(chars: Chars): Line {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let spaceAt = -1;
  for (let i = 0; i < chars.units.length; i++) {
    const unit = chars.units[i]!;
    if (SPACE.test(unit)) {
      if (spaceAt === -1) spaceAt = i;
      continue;
    }
    if (spaceAt !== -1 && out.length) {
      out.push(' ');
      starts.push(chars.starts[spaceAt]!);
      ends.push(chars.ends[i - 1]!);
    }
    spaceAt = -1;
    out.push(unit);
    starts.push(chars.starts[i]!);
    ends.push(chars.ends[i]!);
  }
  return { text: out.join(''), starts, ends };
}
