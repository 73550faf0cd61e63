import type { AlignedPair, Alignment, PairStatus, WordChange } from '../types.js';
import { isSectionOrAbove } from '../parse/ladder.js';
import { plainSides, type SideOf } from '../align/pairs.js';
import { isOwnChange } from '../align/summary.js';
import { RowWalk } from './linear.js';
import { Pieces, type WriteOptions } from './pieces.js';
import { citeSide } from './page/citation.js';
import { CONFORMING_WORDS, STATUS_WORDS, summaryCounts } from './vocabulary.js';

/** Options for the terminal rendering. */
export interface TerminalOptions {
  /**
   * ANSI colour. Non-colour cues (`[-…-]`, `{+…+}` and a status mark per line) are always there.
   * @default false
   */
  color?: boolean;
  /**
   * Unchanged levels shown around each change; longer runs fold into one line.
   * @default 1
   */
  context?: number;
}

const MARK: Record<PairStatus, string> = {
  unchanged: ' ',
  modified: '~',
  inserted: '+',
  deleted: '-',
  moved: '>',
  redesignated: '#',
};

const ANSI = {
  red: '\u001b[31m',
  green: '\u001b[32m',
  strike: '\u001b[9m',
  underline: '\u001b[4m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
};

/** A human-readable diff for a terminal: level headers, a status mark per line, folded unchanged runs. */
export function renderTerminal(alignment: Alignment, options: TerminalOptions = {}): string {
  const pieces: string[] = [];
  writeTerminal(alignment, (piece) => pieces.push(piece), options);
  return pieces.join('');
}

/** A row read ahead, kept until the rows after it say whether it is shown (its fields as `RowWalk` gave them). */
interface PendingRow {
  pair: AlignedPair;
  depth: number;
  words: WordChange[] | undefined;
  op: WordChange['op'];
  value: string;
}

/**
 * The same text as `renderTerminal`, handed to `write` in pieces as it is made: the rows are read
 * one at a time, and a row waits only for the `context` rows after it (whether one of them changed
 * decides whether it is shown), so no list of every row is made, and a folded row's words never are.
 */
export function writeTerminal(alignment: Alignment, write: (piece: string) => void, options: TerminalOptions & WriteOptions = {}): void {
  const color = options.color ?? false;
  const sideOf = options.sideOf ?? plainSides;
  const context = options.context ?? 1;
  const paint = (code: string, text: string) => (color ? `${code}${text}${ANSI.reset}` : text);
  const pieces = new Pieces(write);
  const line = (text: string) => pieces.out(`${text}\n`);
  const name = (d: Alignment['old']) => `${d.file}${d.label ? ` [${d.label}]` : ''}${d.title ? ` (${d.title})` : ''}`;
  line(paint(ANSI.bold, `--- ${name(alignment.old)}`));
  line(paint(ANSI.bold, `+++ ${name(alignment.new)}`));
  if (alignment.notice) line(paint(ANSI.bold, `! ${alignment.notice}`));
  line(summaryLine(alignment));
  if (alignment.instructions) {
    // Changes in Existing Law: the instructions first, refused ones with their reasons.
    const list = alignment.instructions;
    const refused = list.filter((i) => i.status === 'refused');
    line(`instructions: ${list.length - refused.length} applied, ${refused.length} refused`);
    for (const i of list) {
      const head = `${i.id} ${i.bill}, ${i.citation || 'unnumbered'} (${i.target})`;
      line(i.status === 'refused' ? paint(ANSI.bold, `! refused ${head}: ${i.reason ?? ''}`) : paint(ANSI.dim, `  applied ${head}`));
    }
  }

  const fold = (n: number) => {
    if (n) line(paint(ANSI.dim, `  … ${n} unchanged clause${n === 1 ? '' : 's'} …`));
  };
  // A level header waits for a line under it to be shown: a section with nothing to show folds,
  // header and all, into the count of unchanged levels around it.
  let header: string | undefined;
  let carried = 0; // folded before the waiting header
  let folded = 0;
  // Row `i` is shown when a row within `context` of it changed: it is decided once row `i + context`
  // is read, by the last changed row read so far.
  let lastChanged = -Infinity;
  const show = (row: PendingRow, i: number): void => {
    if (row.depth === 0 && isHeader(row.pair, sideOf)) {
      carried = header === undefined ? folded : carried + folded;
      folded = 0;
      header = paint(ANSI.cyan, `@@ ${citation(row.pair, sideOf)} @@ ${STATUS_WORDS[row.pair.status]}`);
    }
    if (lastChanged < i - context) {
      folded++;
      return;
    }
    if (header !== undefined) {
      fold(carried);
      line('');
      line(header);
      header = undefined;
    }
    fold(folded);
    folded = 0;
    // The mark says the line changed, as the summary counts: a level above a change keeps a blank.
    const mark = isOwnChange(row.pair) ? MARK[row.pair.status] : ' ';
    line(`${mark} ${'  '.repeat(row.depth)}${words(row.words ?? [{ op: row.op, value: row.value }], paint)}${note(row.pair, sideOf)}`);
  };
  const walk = new RowWalk(alignment.pairs, { movedWords: true }, sideOf);
  const pending: PendingRow[] = [];
  let read = 0;
  let shown = 0;
  for (; walk.next(); read++) {
    if (walk.pair.status !== 'unchanged') lastChanged = read;
    pending.push({ pair: walk.pair, depth: walk.depth, words: walk.words, op: walk.op, value: walk.value });
    if (pending.length > context) show(pending.shift()!, shown++);
  }
  for (const row of pending) show(row, shown++);
  fold(header === undefined ? folded : carried + folded);
  pieces.flush();
}

/** A section, or a level above one (title, chapter, …): the levels that open a `@@ … @@` header. */
function isHeader(pair: AlignedPair, sideOf: SideOf): boolean {
  const kind = sideOf(pair, 'new')?.kind ?? sideOf(pair, 'old')?.kind;
  return kind !== undefined && isSectionOrAbove(kind);
}

/** The header's citation, as the HTML's change list cites the level (`§ 1050`, `SEC. 2`, `Title II`). */
function citation(pair: AlignedPair, sideOf: SideOf): string {
  const [old, next] = [sideOf(pair, 'old'), sideOf(pair, 'new')];
  const side = next ?? old;
  return citeSide(next) ?? citeSide(old) ?? side?.num?.text ?? side?.text.slice(0, 40) ?? '';
}

function words(changes: WordChange[], paint: (code: string, text: string) => string): string {
  return changes
    .map((c) => {
      if (c.op === 'equal') return c.value;
      if (c.op === 'delete') return paint(ANSI.red + ANSI.strike, `[-${c.value}-]`);
      return paint(ANSI.green + ANSI.underline, `{+${c.value}+}`);
    })
    .join('');
}

function note(pair: AlignedPair, sideOf: SideOf): string {
  const by = pair.amendedBy?.length ? `  [${pair.amendedBy.join(', ')}]` : '';
  return designationNote(pair, sideOf) + by;
}

function designationNote(pair: AlignedPair, sideOf: SideOf): string {
  if (pair.conforming) return `  (${CONFORMING_WORDS})`;
  if (pair.status === 'moved' && pair.movedTo !== undefined) return `  (moved to ${pair.movedTo})`;
  if (pair.status === 'moved' && pair.movedFrom !== undefined) return `  (moved from ${pair.movedFrom})`;
  if (!pair.redesignated) return '';
  const [old, next] = [sideOf(pair, 'old'), sideOf(pair, 'new')];
  if (old?.num && next?.num) return `  (redesignated ${old.num.text} → ${next.num.text})`;
  return '';
}

function summaryLine(alignment: Alignment): string {
  const s = alignment.summary;
  return `clauses: ${summaryCounts(s).map((c) => `${c.value} ${c.label}`).join(', ')}; words: +${s.wordsInserted} -${s.wordsDeleted}`;
}
