/**
 * Quotation marks in federal amendatory language.
 *
 * Quoted words sit between `“` and `”`; a quotation inside quoted material uses `‘ ’`. A quoted
 * block of several paragraphs opens *each* paragraph with `“` and closes only the last with `”`:
 *
 *     by adding at the end the following: “(b) Allocation of funds.— Of … — “(1) not less …; and “(2) not less ….”.
 *
 * Inside an open quotation, a run of opening marks that repeats the marks already open (`“`, or
 * `“‘` inside a nested block) starts a new quoted paragraph and is not part of the text. `’`
 * between letters is an apostrophe.
 */

/** One top-level quotation. */
export interface Quotation {
  /** As printed, quotation marks included. */
  raw: string;
  /** The quoted words, without the outer marks and without the marks that open each paragraph. */
  content: string;
  /** The closing mark was never found: the quotation runs to the end of the text. */
  open?: boolean;
}

/** Private-use characters that stand for a quotation in the skeleton: `\uE000` index `\uE001`. */
export const QUOTE_OPEN = '\uE000';
export const QUOTE_CLOSE = '\uE001';
export const QUOTE_TOKEN = /\uE000(\d+)\uE001/g;

const OPENING = new Set(['“', '‘']);

/**
 * Replaces every top-level quotation with a token, so that designations and words inside quoted
 * law never read as the bill's own list or instructions.
 *
 * Example: `by striking “There” and inserting “Here”` → skeleton
 * `by striking \uE0000\uE001 and inserting \uE0001\uE001`, quotations `There`, `Here`.
 */
export function extractQuotations(text: string): { skeleton: string; quotations: Quotation[] } {
  const quotations: Quotation[] = [];
  let skeleton = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char !== '“') {
      skeleton += char;
      index++;
      continue;
    }
    const start = index;
    const stack: string[] = ['“'];
    let content = '';
    index++;
    while (index < text.length && stack.length > 0) {
      const c = text[index]!;
      if (OPENING.has(c)) {
        const prefix = stack.join('');
        if (text.startsWith(prefix, index) && prefix.length > 1) {
          // A paragraph of a nested block: drop the outer mark, keep the inner ones.
          content += prefix.slice(1);
          index += prefix.length;
        } else if (c === stack[stack.length - 1]) {
          // The same mark as the one open: a new quoted paragraph.
          index++;
        } else {
          stack.push(c);
          content += c;
          index++;
        }
        continue;
      }
      if (c === '”') {
        while (stack.length > 0 && stack[stack.length - 1] !== '“') stack.pop();
        stack.pop();
        if (stack.length > 0) content += c;
        index++;
        continue;
      }
      if (c === '’' && stack[stack.length - 1] === '‘' && !/\p{L}/u.test(text[index + 1] ?? '')) {
        stack.pop();
      }
      content += c;
      index++;
    }
    const quotation: Quotation = { raw: text.slice(start, index), content: content.trim() };
    if (stack.length > 0) quotation.open = true;
    skeleton += QUOTE_OPEN + quotations.length + QUOTE_CLOSE;
    quotations.push(quotation);
  }
  return { skeleton, quotations };
}
