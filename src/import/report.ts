/**
 * What an import tells the person running it: each bad row as `file:line: reason` (skipped, counted,
 * the import goes on), progress as it goes, and a summary at the end.
 */
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

/** Counts of an import. */
export interface ImportSummary {
  /** Inputs imported in this run (a pubinfo zip or folder, one XML file, the bundled corpus). */
  imported: number;
  /** Inputs already imported, byte for byte: skipped. */
  alreadyImported: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Bad rows and files, skipped. */
  problems: number;
  /** Files not recognised as anything billdiff imports (a README beside the data, say). */
  ignored: number;
  seconds: number;
}

export function emptySummary(): ImportSummary {
  return { imported: 0, alreadyImported: 0, rows: 0, inserted: 0, updated: 0, unchanged: 0, problems: 0, ignored: 0, seconds: 0 };
}

/** "Imported 3 inputs (1 already imported): 1,234 rows — 1,200 new, 30 updated, 4 unchanged; 2 problems skipped; 4.2 s" */
export function formatSummary(s: ImportSummary): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const inputs = `${n(s.imported)} input${s.imported === 1 ? '' : 's'}`;
  const already = s.alreadyImported ? ` (${n(s.alreadyImported)} already imported, unchanged)` : '';
  const problems = s.problems ? `; ${n(s.problems)} problem${s.problems === 1 ? '' : 's'} skipped` : '; no problems';
  const ignored = s.ignored ? `; ${n(s.ignored)} file${s.ignored === 1 ? '' : 's'} not recognised` : '';
  return `Imported ${inputs}${already}: ${n(s.rows)} rows — ${n(s.inserted)} new, ${n(s.updated)} updated, ${n(s.unchanged)} unchanged${problems}${ignored}; ${s.seconds.toFixed(1)} s`;
}

/** Progress of an import, for a bar or a log. */
export interface ImportProgress {
  /** The run begins: how many inputs it will import and how many rows they hold in all. */
  start(inputs: number, rows: number): void;
  /** An input begins (1-based place among the inputs). */
  input(name: string, place: number): void;
  /** Rows done. */
  advance(rows: number): void;
  /** A problem, reported as it is found. */
  problem(p: Problem): void;
  /** The run is done. */
  stop(summary: ImportSummary): void;
}

/** Collects the counts of one input; `commit` adds them to the run's summary once the input committed. */
export class Tally {
  rows = 0;
  inserted = 0;
  updated = 0;
  unchanged = 0;
  problems = 0;

  constructor(private readonly progress: ImportProgress | undefined) {}

  count(result: WriteResult): void {
    this.rows++;
    this[result]++;
    this.progress?.advance(1);
  }

  /** A row read that writes nothing by itself (a table of contents heading, used by the sections). */
  read(): void {
    this.rows++;
    this.progress?.advance(1);
  }

  problem(p: Problem): void {
    this.problems++;
    this.progress?.problem(p);
    this.progress?.advance(1);
  }

  commit(summary: ImportSummary): void {
    summary.imported++;
    summary.rows += this.rows;
    summary.inserted += this.inserted;
    summary.updated += this.updated;
    summary.unchanged += this.unchanged;
    summary.problems += this.problems;
  }
}
