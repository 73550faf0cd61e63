/**
 * What an import tells the person running it: each bad row as `file:line: reason` (skipped, counted,
 * the import goes on), progress as it goes, and a summary at the end.
 */
import path from 'node:path';
import { compareCodeUnits } from '../store/codes.js';
import type { WriteResult } from '../store/database.js';

/** One row or file that could not be imported. */
export interface Problem {
  /** The file (inside a zip: `pubinfo_2025.zip/BILL_VERSION_TBL.dat`). */
  file: string;
  /** 1-based line of a table, when the problem is a row's. */
  line?: number;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.reason}`;
}

/**
 * What became of each row read, one outcome a row: the counts of a summary always add up to its rows.
 * `contents` are LAW_TOC_TBL rows, read for the headings of the law sections and stored with them;
 * `inactive` rows are those the Legislature marks inactive (`active_flg` N), not imported; `skipped`
 * rows could not be read or imported (each reported as `file:line: reason`).
 */
export const ROW_OUTCOMES = ['inserted', 'updated', 'unchanged', 'contents', 'inactive', 'skipped'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** How each outcome is named in the summary line. */
const OUTCOME_WORDS: Record<RowOutcome, string> = {
  inserted: 'new',
  updated: 'updated',
  unchanged: 'unchanged',
  contents: 'table-of-contents rows (section headings)',
  inactive: 'inactive (not imported)',
  skipped: 'skipped (bad rows)',
};

/** Counts of an import. `rows` = the sum of the outcomes (`ROW_OUTCOMES`). */
export interface ImportSummary extends Record<RowOutcome, number> {
  /** Inputs imported in this run (a pubinfo zip or folder, one XML file, the bundled corpus). */
  imported: number;
  /** Inputs already imported, byte for byte: not read again. */
  alreadyImported: number;
  /** Inputs not imported: a truncated zip, a file that is not a document billdiff can place (reported). */
  failed: number;
  /** Rows read from the inputs imported, each counted under one outcome. */
  rows: number;
  /** Everything reported: rows skipped and inputs failed. */
  problems: number;
  /** Files not recognised as anything billdiff imports (a README beside the data, say). */
  ignored: number;
  /** Those files by their names' endings (`.md`, `.xml`; `(none)` for a name without one), as many of each. */
  notRecognised: Record<string, number>;
  seconds: number;
}

export function emptySummary(): ImportSummary {
  return { imported: 0, alreadyImported: 0, failed: 0, rows: 0, inserted: 0, updated: 0, unchanged: 0, contents: 0, inactive: 0, skipped: 0, problems: 0, ignored: 0, notRecognised: {}, seconds: 0 };
}

/** "1,428 rows = 291 new + 1 updated + 0 unchanged + 1,067 table-of-contents rows (section headings) + 69 skipped (bad rows)" */
export function formatOutcomes(s: ImportSummary): string {
  const n = (x: number) => x.toLocaleString('en-US');
  // New, updated, unchanged and skipped always; the others when there are any.
  const parts = ROW_OUTCOMES.filter((o) => s[o] > 0 || o === 'inserted' || o === 'updated' || o === 'unchanged' || o === 'skipped').map((o) => `${n(s[o])} ${OUTCOME_WORDS[o]}`);
  return `${n(s.rows)} row${s.rows === 1 ? '' : 's'} = ${parts.join(' + ')}`;
}

/** "Imported 3 inputs (1 already imported, unchanged): 1,234 rows = 1,200 new + 30 updated + 4 unchanged + 0 skipped (bad rows); 1 input not imported; 4.2 s" */
export function formatSummary(s: ImportSummary): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const inputs = `${n(s.imported)} input${s.imported === 1 ? '' : 's'}`;
  const already = s.alreadyImported ? ` (${n(s.alreadyImported)} already imported, unchanged)` : '';
  const failed = s.failed ? `; ${n(s.failed)} input${s.failed === 1 ? '' : 's'} not imported` : '';
  const ignored = s.ignored ? `; ${n(s.ignored)} file${s.ignored === 1 ? '' : 's'} not recognised (${formatEndings(s.notRecognised)})` : '';
  return `Imported ${inputs}${already}: ${formatOutcomes(s)}${failed}${ignored}; ${s.seconds.toFixed(1)} s`;
}

/** "32 .md, 18 .xml, 6 .html": most first, then by name. */
function formatEndings(endings: Record<string, number>): string {
  return Object.entries(endings)
    .sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))
    .map(([ending, count]) => `${count.toLocaleString('en-US')} ${ending}`)
    .join(', ');
}

/** A file's ending as the summary counts it: `.md`, `.xml` (in lower case), `(none)`. */
export function endingOf(file: string): string {
  const match = /(\.[A-Za-z0-9]{1,10})$/.exec(path.basename(file));
  return match ? match[1]!.toLowerCase() : '(none)';
}

/** "bills/README.md: not recognised: not a pubinfo zip, table (.dat) or lob, nor an XML document" */
export function formatNotRecognised(file: string, reason: string): string {
  return `${file}: not recognised: ${reason}`;
}

/** Progress of an import, for a bar or a log. */
export interface ImportProgress {
  /** The inputs found, before the first pass reads what each holds (its hash, its rows: a few seconds for a session's zip). */
  planning?(inputs: number): void;
  /**
   * The run begins: how many inputs it will import, how many rows they hold in all, and their bytes
   * (the tables' lines and the files they name, the documents), the measure of the work done and left:
   * a row of a bill's history is one short line, a bill version's a whole bill to read.
   */
  start(inputs: number, rows: number, bytes: number): void;
  /** An input begins (1-based place among the inputs). */
  input(name: string, place: number): void;
  /** Rows done. */
  advance(rows: number): void;
  /** Bytes of the inputs read and imported. */
  read?(bytes: number): void;
  /**
   * A step after the rows, which writes none (an input's, or the run's last): what it does, the items
   * it goes through and their name ("finishing each bill: …", 5,000, "bills"), or 0 and undefined for
   * a step of one piece ("indexing for search"). It lasts until the next step, input or the end.
   */
  step?(name: string, items: number, unit?: string): void;
  /** Items of the step done. */
  stepAdvance?(items: number): void;
  /** A problem, reported as it is found. */
  problem(p: Problem): void;
  /** A file not recognised as anything billdiff imports, and why (for a listing of them; not a problem). */
  notRecognised?(file: string, reason: string): void;
  /** The run is done. */
  stop(summary: ImportSummary): void;
}

/** Collects the counts of one input; `commit` adds them to the run's summary once the input committed. */
export class Tally {
  readonly counts: Record<RowOutcome, number> = { inserted: 0, updated: 0, unchanged: 0, contents: 0, inactive: 0, skipped: 0 };
  /** Bytes of the input reported read so far. */
  private bytesRead = 0;
  /** Bytes each row stands for, where rows are not read line by line (a document's sections, the corpus's documents). */
  private bytesPerRow = 0;

  constructor(private readonly progress: ImportProgress | undefined) {}

  /** The input's bytes shared among its rows, each row counted as read with its share. */
  share(bytes: number, rows: number): void {
    this.bytesPerRow = rows > 0 ? bytes / rows : 0;
  }

  /** Bytes of the input read (a table's line, the lob it names). */
  read(bytes: number): void {
    if (bytes <= 0) return;
    this.bytesRead += bytes;
    this.progress?.read?.(bytes);
  }

  /** The input is done: what is left of its `bytes` counted as read (the bar ends on its total). */
  settle(bytes: number): void {
    this.read(bytes - this.bytesRead);
  }

  /** A step after the input's rows (`ImportProgress.step`). */
  step(name: string, items: number, unit?: string): void {
    this.progress?.step?.(name, items, unit);
  }

  /** An item of the step done. */
  stepDone(): void {
    this.progress?.stepAdvance?.(1);
  }

  /** Rows read so far, whatever became of them. */
  get rows(): number {
    return ROW_OUTCOMES.reduce((n, o) => n + this.counts[o], 0);
  }

  /** Rows written (new or updated). */
  get written(): number {
    return this.counts.inserted + this.counts.updated;
  }

  /** A row and what became of it. */
  count(outcome: Exclude<RowOutcome, 'skipped'>): void {
    this.counts[outcome]++;
    this.progress?.advance(1);
    if (this.bytesPerRow) this.read(this.bytesPerRow);
  }

  /** A row that could not be imported: reported, skipped, counted. */
  problem(p: Problem): void {
    this.counts.skipped++;
    this.progress?.problem(p);
    this.progress?.advance(1);
    if (this.bytesPerRow) this.read(this.bytesPerRow);
  }

  commit(summary: ImportSummary): void {
    summary.imported++;
    for (const o of ROW_OUTCOMES) summary[o] += this.counts[o];
    summary.rows += this.rows;
    summary.problems += this.counts.skipped;
  }
}
