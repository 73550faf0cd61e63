import type { AlignedPair, Alignment, PairStatus, WordChange } from '../types.js';
import { isSectionOrAbove } from '../parse/ladder.js';
import { isOwnChange } from '../align/summary.js';
import { linearRows, type LinearRow } from './linear.js';
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
  const color = options.color ?? false;
  const context = options.context ?? 1;
  const paint = (code: string, text: string) => (color ? `${code}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  const name = (d: Alignment['old']) => `${d.file}${d.label ? ` [${d.label}]` : ''}${d.title ? ` (${d.title})` : ''}`;
  out.push(paint(ANSI.bold, `--- ${name(alignment.old)}`));
  out.push(paint(ANSI.bold, `+++ ${name(alignment.new)}`));
  if (alignment.notice) out.push(paint(ANSI.bold, `! ${alignment.notice}`));
  out.push(summaryLine(alignment));
  if (alignment.instructions) {
    // Changes in Existing Law: the instructions first, refused ones with their reasons.
    const list = alignment.instructions;
    const refused = list.filter((i) => i.status === 'refused');
    out.push(`instructions: ${list.length - refused.length} applied, ${refused.length} refused`);
    for (const i of list) {
      const head = `${i.id} ${i.bill}, ${i.citation || 'unnumbered'} (${i.target})`;
      out.push(i.status === 'refused' ? paint(ANSI.bold, `! refused ${head}: ${i.reason ?? ''}`) : paint(ANSI.dim, `  applied ${head}`));
    }
  }

  const rows = linearRows(alignment.pairs, { movedWords: true });
  const changed = rows.map((row) => row.pair.status !== 'unchanged');
  const keep = rows.map((_, i) => {
    for (let k = Math.max(0, i - context); k <= Math.min(rows.length - 1, i + context); k++) if (changed[k]) return true;
    return false;
  });
  const fold = (n: number) => {
    if (n) out.push(paint(ANSI.dim, `  … ${n} unchanged clause${n === 1 ? '' : 's'} …`));
  };
  // A level header waits for a line under it to be shown: a section with nothing to show folds,
  // header and all, into the count of unchanged levels around it.
  let header: string | undefined;
  let carried = 0; // folded before the waiting header
  let folded = 0;
  rows.forEach((row, i) => {
    if (row.depth === 0 && isHeader(row.pair)) {
      carried = header === undefined ? folded : carried + folded;
      folded = 0;
      header = paint(ANSI.cyan, `@@ ${citation(row)} @@ ${STATUS_WORDS[row.pair.status]}`);
    }
    if (!keep[i]) {
      folded++;
      return;
    }
    if (header !== undefined) {
      fold(carried);
      out.push('', header);
      header = undefined;
    }
    fold(folded);
    folded = 0;
    // The mark says the line changed, as the summary counts: a level above a change keeps a blank.
    const mark = isOwnChange(row.pair) ? MARK[row.pair.status] : ' ';
    out.push(`${mark} ${'  '.repeat(row.depth)}${words(row.changes, paint)}${note(row.pair)}`);
  });
  fold(header === undefined ? folded : carried + folded);
  return out.join('\n') + '\n';
}

/** A section, or a level above one (title, chapter, …): the levels that open a `@@ … @@` header. */
function isHeader(pair: AlignedPair): boolean {
  const kind = pair.new?.kind ?? pair.old?.kind;
  return kind !== undefined && isSectionOrAbove(kind);
}

/** The header's citation, as the HTML's change list cites the level (`§ 1050`, `SEC. 2`, `Title II`). */
function citation(row: LinearRow): string {
  const side = row.pair.new ?? row.pair.old;
  return citeSide(row.pair.new) ?? citeSide(row.pair.old) ?? side?.num?.text ?? side?.text.slice(0, 40) ?? '';
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

function note(pair: AlignedPair): string {
  const by = pair.amendedBy?.length ? `  [${pair.amendedBy.join(', ')}]` : '';
  return designationNote(pair) + by;
}

function designationNote(pair: AlignedPair): string {
  if (pair.conforming) return `  (${CONFORMING_WORDS})`;
  if (pair.status === 'moved' && pair.movedTo !== undefined) return `  (moved to ${pair.movedTo})`;
  if (pair.status === 'moved' && pair.movedFrom !== undefined) return `  (moved from ${pair.movedFrom})`;
  if (pair.redesignated && pair.old?.num && pair.new?.num) return `  (redesignated ${pair.old.num.text} → ${pair.new.num.text})`;
  return '';
}

function summaryLine(alignment: Alignment): string {
  const s = alignment.summary;
  return `clauses: ${summaryCounts(s).map((c) => `${c.value} ${c.label}`).join(', ')}; words: +${s.wordsInserted} -${s.wordsDeleted}`;
}
