import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes as MdNode, Parents as MdParent } from 'mdast';
import type { Block, Diagnostic, SourceDocument } from '../types.js';
import { checkDeadline, type Deadline } from '../util/deadline.js';
import { diagnostic } from '../util/errors.js';
import { LineIndex } from '../util/position.js';
import { foldWhiteSpace } from '../util/white-space.js';
import { checkDefinitions, checkNesting, crowdedEmphasis, crowdedLabels, MAX_EMPHASIS_MARKS, MAX_MARKDOWN_DEPTH, tooDeep } from './markdown-limits.js';

/**
 * Markdown via unified + remark-parse: headings are section headings, a blockquote is
 * quoted bill language, and each line of a paragraph is a block (statutes are often written
 * one subdivision a line with no blank line between).
 */
export function readMarkdown(text: string, file: string, options: { deadline?: Deadline } = {}): SourceDocument {
  const index = new LineIndex(text);
  checkNesting(text, file, index);
  checkDefinitions(text, file, index);
  const messages: Diagnostic[] = [];
  // The parser resolves each paragraph's text, and each link or image inside it, in turn: the
  // deadline is checked there, the only place a synchronous parse can be stopped.
  const { deadline } = options;
  const budget = { resolveAll: <T>(events: T): T => (checkDeadline(deadline, file), events) };
  const disable: string[] = [];
  const crowded = crowdedEmphasis(text);
  if (crowded !== -1) {
    // Matching thousands of emphasis marks in one paragraph takes the parser time that grows with
    // their square: past the limit they are read as the characters they are.
    disable.push('attention');
    messages.push(
      diagnostic(`more than ${MAX_EMPHASIS_MARKS} emphasis marks (* and _) in one paragraph; all read as plain characters`, file, index.position(crowded, crowded), 'markdown-emphasis'),
    );
  }
  const labels = crowdedLabels(text);
  if (labels) {
    // Brackets cost the parser the square of their number in a paragraph, images nested in images
    // the cube of their depth: past the limits, links and images are read as the characters they are.
    disable.push('labelStartLink', 'labelStartImage', 'labelEnd');
    messages.push(diagnostic(`${labels.reason}; all read as plain characters`, file, index.position(labels.offset, labels.offset), 'markdown-brackets'));
  }
  const processor = unified().use(remarkParse);
  processor.data('micromarkExtensions', [{ disable: { null: disable }, insideSpan: { null: [budget] } }]);
  checkDeadline(deadline, file);
  const tree = processor.parse(text);
  const blocks: Block[] = [];
  let title: string | undefined;

  const visit = (node: MdNode, quoted: boolean, depth = 0): void => {
    if (depth > MAX_MARKDOWN_DEPTH) tooDeep(file, index, node.position?.start.offset ?? 0);
    switch (node.type) {
      case 'heading': {
        const value = foldWhiteSpace(inlineText(node)).trim();
        if (!value || !node.position) return;
        if (node.depth === 1 && title === undefined) title = value;
        blocks.push({
          text: value,
          role: node.depth === 1 && !quoted ? 'title' : 'heading',
          quoted,
          position: index.position(node.position.start.offset ?? 0, node.position.end.offset ?? 0),
        });
        return;
      }
      case 'paragraph':
      case 'html':
      case 'code': {
        if (!node.position) return;
        pushLines(node, quoted);
        return;
      }
      case 'blockquote':
        for (const child of node.children) visit(child, true, depth + 1);
        return;
      case 'list':
        // "1050." at the start of a line is an ordered list to Markdown, a section number to us:
        // keep an ordered item's marker as text (a bullet is only formatting).
        for (const item of node.children) {
          const marker = node.ordered && item.position ? orderedMarker(text, item.position.start.offset ?? 0) : undefined;
          if (marker && item.position) {
            const at = item.position.start.offset ?? 0;
            blocks.push({ text: marker, role: 'body', quoted, position: index.position(at, at + marker.length) });
          }
          for (const child of item.children) visit(child, quoted, depth + 1);
        }
        return;
      case 'thematicBreak':
      case 'definition':
        return;
      default:
        if ('children' in node) for (const child of (node as MdParent).children) visit(child as MdNode, quoted, depth + 1);
    }
  };

  // A paragraph's lines, read from its inline text; each line's place is found in the source.
  const pushLines = (node: MdNode, quoted: boolean): void => {
    const value = node.type === 'paragraph' ? inlineText(node) : 'value' in node ? String(node.value) : '';
    const start = node.position!.start.offset ?? 0;
    const end = node.position!.end.offset ?? text.length;
    let cursor = start;
    for (const raw of value.split('\n')) {
      const line = foldWhiteSpace(raw).trim();
      if (!line) continue;
      const found = text.indexOf(line.slice(0, Math.min(line.length, 12)), cursor);
      const at = found === -1 || found > end ? cursor : found;
      const lineEnd = text.indexOf('\n', at);
      const stop = lineEnd === -1 || lineEnd > end ? end : lineEnd;
      blocks.push({ text: line, role: 'body', quoted, position: index.position(at, Math.max(at, stop)) });
      cursor = stop;
    }
  };

  for (const child of tree.children) visit(child, false);
  return { file, format: 'markdown', title, blocks, marks: [], messages };
}

/** The marker of an ordered list item as printed (`1050.`, `2)`). */
function orderedMarker(text: string, offset: number): string | undefined {
  return /^\d{1,9}[.)]/.exec(text.slice(offset, offset + 12))?.[0];
}

/** The text of inline content, with hard and soft breaks kept as line breaks. */
function inlineText(node: MdNode): string {
  const out: string[] = [];
  // Depth first, on a stack of its own: emphasis can nest as deep as the text is long.
  const stack: MdNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'break') out.push('\n');
    else if ('value' in n && typeof n.value === 'string') out.push(n.value);
    else if ('children' in n) {
      const children = (n as MdParent).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as MdNode);
    }
  }
  return out.join('');
}
