import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes as MdNode, Parents as MdParent } from 'mdast';
import type { Block, SourceDocument } from '../types.js';
import { LineIndex } from '../util/position.js';

/**
 * Markdown via unified + remark-parse: headings are section headings, a blockquote is
 * quoted bill language, and each line of a paragraph is a block (statutes are often written
 * one subdivision a line with no blank line between).
 */
export function readMarkdown(text: string, file: string): SourceDocument {
  const tree = unified().use(remarkParse).parse(text);
  const index = new LineIndex(text);
  const blocks: Block[] = [];
  let title: string | undefined;

  const visit = (node: MdNode, quoted: boolean): void => {
    switch (node.type) {
      case 'heading': {
        const value = inlineText(node).replace(/\s+/g, ' ').trim();
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
        for (const child of node.children) visit(child, true);
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
          for (const child of item.children) visit(child, quoted);
        }
        return;
      case 'thematicBreak':
      case 'definition':
        return;
      default:
        if ('children' in node) for (const child of (node as MdParent).children) visit(child as MdNode, quoted);
    }
  };

  // A paragraph's lines, read from its inline text; each line's place is found in the source.
  const pushLines = (node: MdNode, quoted: boolean): void => {
    const value = node.type === 'paragraph' ? inlineText(node) : 'value' in node ? String(node.value) : '';
    const start = node.position!.start.offset ?? 0;
    const end = node.position!.end.offset ?? text.length;
    let cursor = start;
    for (const raw of value.split('\n')) {
      const line = raw.replace(/\s+/g, ' ').trim();
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
  return { file, format: 'markdown', title, blocks, marks: [], messages: [] };
}

/** The marker of an ordered list item as printed (`1050.`, `2)`). */
function orderedMarker(text: string, offset: number): string | undefined {
  return /^\d{1,9}[.)]/.exec(text.slice(offset, offset + 12))?.[0];
}

/** The text of inline content, with hard and soft breaks kept as line breaks. */
function inlineText(node: MdNode): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node as MdParent).children.map((c) => inlineText(c as MdNode)).join('');
  return '';
}
