/**
 * What each change of a page says in the change list: `amended: 3 words struck, 2 inserted`,
 * `paragraphs (3) to (9) redesignated (4) to (10)`, and a short excerpt of the struck and inserted words.
 */
import type { WordChange } from '../../types.js';
import type { SideOf } from '../../align/pairs.js';
import { STATUS_WORDS } from '../vocabulary.js';
import type { LevelRow, RowWithPair, Segment } from './types.js';

const KIND_PLURAL: Record<string, string> = { subdivision: 'subdivisions', paragraph: 'paragraphs', subparagraph: 'subparagraphs' };
/** "paragraphs (3) to (9) redesignated (4) to (10)" */
export function redesignationSummary(run: RowWithPair[], sideOf: SideOf): string {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const kinds = new Set(run.map((r) => (sideOf(r.pair, 'new') ?? sideOf(r.pair, 'old'))?.kind));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  const noun = kind ? (KIND_PLURAL[kind] ?? `${kind}s`) : 'clauses';
  const num = (row: RowWithPair, side: 'old' | 'new') => sideOf(row.pair, side)?.num?.text ?? row.citation;
  return `${noun} ${num(first, 'old')} to ${num(last, 'old')} redesignated ${num(first, 'new')} to ${num(last, 'new')}`;
}

export function describe(row: RowWithPair, sideOf: SideOf): string {
  const { pair } = row;
  const num = (side: 'old' | 'new') => sideOf(pair, side)?.num?.text;
  switch (pair.status) {
    case 'inserted':
    case 'deleted':
      return STATUS_WORDS[pair.status];
    case 'moved':
      return row.move?.label ?? STATUS_WORDS.moved;
    case 'redesignated':
      return `${num('old') ?? '?'} redesignated ${num('new') ?? '?'}`;
    default: {
      const words = pair.words ?? [];
      const struck = wordsOf(words, 'delete');
      const inserted = wordsOf(words, 'insert');
      const parts = [`${struck} ${struck === 1 ? 'word' : 'words'} struck`, `${inserted} inserted`];
      if (pair.redesignated) {
        // Undivided text that became a numbered level had no designation to renumber.
        const old = num('old');
        parts.unshift(old !== undefined ? `renumbered ${old} → ${num('new') ?? ''}`.trim() : `designated ${num('new') ?? ''}`.trim());
      }
      return `${STATUS_WORDS.modified}: ${parts.join(', ')}`;
    }
  }
}

/** The words of the changes of one kind. */
function wordsOf(changes: WordChange[], op: WordChange['op']): number {
  let n = 0;
  for (const change of changes) if (change.op === op) n += countWords(change.value);
  return n;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A short view of what changed: the first few deleted and inserted runs, trimmed. */
export function excerptOf(row: LevelRow, max = 80): Segment[] {
  if (row.status !== 'modified') return [];
  const out: Segment[] = [];
  for (const segment of row.inline) {
    if (!segment.del && !segment.ins) continue;
    if (out.length) out.push({ text: ' … ' });
    out.push({ ...segment, text: clip(segment.text.trim(), max) });
    if (out.length >= 5) break;
  }
  return out;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
