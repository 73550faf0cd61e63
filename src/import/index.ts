/**
 * `importPaths(db, paths)`: everything under the paths into the store. An input is a pubinfo zip or
 * folder, the bundled corpus (a folder with `index.json`), or one document (a govinfo XML file, a
 * U.S. Code title, a CAML bill version). Each input is imported in one transaction and recorded by
 * the sha256 of its bytes: importing it again changes nothing, and a crash (`kill -9`) leaves the
 * database as it was before that input or after it; the next run completes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../corpus/index.js';
import { contentHash, Writer, type Database } from '../store/database.js';
import type { Dialect } from '../store/dialect.js';
import { termIndexStale } from '../store/term-index.js';
import { folderSet, hashFile, hashFolder, zipSet, type FileSet } from './archive.js';
import { importKey } from './analyze.js';
import { importCorpus } from './corpus.js';
import { importDocument, kindOf } from './documents.js';
import { countRows, importPubinfo, setBytes, tablesOf } from './pubinfo.js';
import { emptySummary, endingOf, Tally, type ImportProgress, type ImportSummary, type Problem } from './report.js';

export { formatNotRecognised, formatOutcomes, formatProblem, formatSummary, ROW_OUTCOMES, type ImportProgress, type ImportSummary, type Problem, type RowOutcome } from './report.js';

/** One input found under the paths given. */
type Input =
  | { kind: 'pubinfo'; name: string; zip?: string; dir?: string; names?: string[] }
  | { kind: 'corpus'; name: string; dir: string }
  | { kind: 'document'; name: string; file: string };

const DOCUMENT = /\.(?:xml|lob)$/i;

/** Why a file found under the paths is none of the inputs. */
export const NOT_AN_INPUT = 'not a pubinfo zip, table (.dat) or lob, nor an XML document';

/** The inputs under a path, in a stable order. `ignored` gets the files that are none. */
export function findInputs(target: string, ignored: string[] = []): Input[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) {
    if (/\.zip$/i.test(target)) return [{ kind: 'pubinfo', name: target, zip: target }];
    if (DOCUMENT.test(target)) return [{ kind: 'document', name: target, file: target }];
    ignored.push(target);
    return [];
  }
  if (!stat.isDirectory()) return [];
  if (fs.existsSync(path.join(target, 'index.json'))) return [{ kind: 'corpus', name: target, dir: target }];
  const entries = fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const files = entries.filter((e) => e.isFile()).map((e) => e.name);
  const out: Input[] = [];
  const tables = files.filter((f) => /\.dat$/i.test(f));
  if (tables.length) {
    out.push({ kind: 'pubinfo', name: target, dir: target, names: files.filter((f) => /\.(?:dat|lob)$/i.test(f)) });
    for (const f of files) if (!/\.(?:dat|lob)$/i.test(f)) out.push(...findInputs(path.join(target, f), ignored));
  } else {
    for (const f of files) out.push(...findInputs(path.join(target, f), ignored));
  }
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') out.push(...findInputs(path.join(target, e.name), ignored));
  return out;
}

/** Imports into one PostgreSQL database by several processes take turns: a transaction's turn, on one advisory lock. */
async function takeImportTurn(tx: Dialect): Promise<void> {
  if (tx.kind === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(727466)');
}

/** Imports every input under the paths; problems are reported and counted, never fatal. */
export async function importPaths(db: Database, paths: string[], progress?: ImportProgress): Promise<ImportSummary> {
  const started = performance.now();
  const summary = emptySummary();
  /** An input (or a path) not imported at all: reported, and counted apart from the rows. */
  const report = (p: Problem) => {
    summary.failed++;
    summary.problems++;
    progress?.problem(p);
  };
  const notRecognised = (file: string, reason: string) => {
    summary.ignored++;
    const ending = endingOf(file);
    summary.notRecognised[ending] = (summary.notRecognised[ending] ?? 0) + 1;
    progress?.notRecognised?.(file, reason);
  };
  const ignored: string[] = [];
  const inputs: Input[] = [];
  for (const p of paths) {
    try {
      inputs.push(...findInputs(p, ignored));
    } catch (error) {
      report({ file: p, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message });
    }
  }
  for (const file of ignored) notRecognised(file, NOT_AN_INPUT);
  progress?.planning?.(inputs.length);

  // First pass: what each input is, whether it is already in, and how many rows it holds.
  const planned: Array<{ input: Input; hash: string; rows: number; bytes: number; set?: FileSet }> = [];
  for (const input of inputs) {
    try {
      const read = await plan(input);
      // Recorded under the analysis it is imported with: imported by an earlier billdiff, it is read again.
      const hash = importKey(read.hash);
      const { rows, bytes, set } = read;
      if ((await db.dialect.get('SELECT 1 AS found FROM imports WHERE hash = ?', [hash])) !== undefined) {
        summary.alreadyImported++;
        await set?.close();
        continue;
      }
      planned.push({ input, hash, rows, bytes, ...(set ? { set } : {}) });
    } catch (error) {
      report({ file: input.name, reason: (error as Error).message });
    }
  }
  progress?.start(
    planned.length,
    planned.reduce((n, p) => n + p.rows, 0),
    planned.reduce((n, p) => n + p.bytes, 0),
  );

  let wrote = false;
  for (const [i, { input, hash, rows, bytes, set }] of planned.entries()) {
    progress?.input(input.name, i + 1);
    const tally = new Tally(progress);
    // A table's rows are read line by line; a document's or the corpus's, by their share of its bytes.
    if (input.kind !== 'pubinfo') tally.share(bytes, rows);
    try {
      let notImported: string | undefined;
      let importedMeanwhile = false;
      await db.dialect.transaction(async (tx) => {
        const writer = new Writer(tx);
        await takeImportTurn(tx);
        // Another process imported the same bytes since the first pass.
        if (await writer.hasImport(hash)) return void (importedMeanwhile = true);
        if (input.kind === 'pubinfo') await importPubinfo(writer, set!, tally);
        else if (input.kind === 'corpus') await importCorpus(writer, loadCorpus(input.dir), tally);
        else notImported = await importDocument(writer, await fs.promises.readFile(input.file), input.file, tally);
        if (notImported) return;
        await writer.closeOldSessions();
        await writer.refreshSessions();
        await writer.recordImport(hash, input.name, input.kind, tally.rows, tally.counts.skipped);
        await writer.bumpGeneration();
      });
      if (notImported) {
        if (/^not a bill, law section/.test(notImported)) notRecognised(input.name, notImported);
        else report({ file: input.name, reason: notImported });
        progress?.advance(1);
      } else if (importedMeanwhile) summary.alreadyImported++;
      else {
        tally.commit(summary);
        if (tally.written > 0) wrote = true;
      }
    } catch (error) {
      report({ file: input.name, reason: `not imported: ${(error as Error).message}` });
    } finally {
      tally.settle(bytes);
      await set?.close();
    }
  }
  // Once, after the inputs (not after each: a folder of 136 federal bills took 57 s, 45 of them
  // optimising the indexes again after each bill). Until then the term index is stale, and searches,
  // which never read a stale one, go to the full-text indexes; an import killed before this point
  // leaves it so, and the next import makes it, even one that finds every input imported already.
  if (wrote || (await termIndexStale(db.dialect))) {
    progress?.step?.('indexing for search', 0);
    try {
      await db.dialect.transaction(async (tx) => {
        await takeImportTurn(tx);
        const writer = new Writer(tx);
        await writer.optimizeIndexes();
        await writer.bumpGeneration();
      });
    } catch (error) {
      // A problem of the run, not of an input: the inputs are imported.
      summary.problems++;
      progress?.problem({ file: 'the search index', reason: `not made again (searches read the full-text indexes until the next import makes it): ${(error as Error).message}` });
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  progress?.stop(summary);
  return summary;
}

/** What an input is (its hash), and how many rows and bytes it holds (the progress bar's totals). */
async function plan(input: Input): Promise<{ hash: string; rows: number; bytes: number; set?: FileSet }> {
  switch (input.kind) {
    case 'pubinfo': {
      const set = input.zip ? await zipSet(input.zip) : folderSet(input.dir!, input.names!);
      try {
        const hash = input.zip ? await hashFile(input.zip) : await hashFolder(input.dir!, input.names!);
        const tables = await tablesOf(set);
        return { hash, rows: await countRows(set, tables), bytes: setBytes(set, tables), set };
      } catch (error) {
        await set.close();
        throw error;
      }
    }
    case 'corpus': {
      const corpus = loadCorpus(input.dir);
      const hash = await hashFolder(corpus.dir, ['index.json', ...corpus.documents.map((d) => d.file)]);
      const bytes = corpus.documents.reduce((n, d) => n + fs.statSync(path.join(corpus.dir, d.file)).size, 0);
      return { hash, rows: corpus.documents.length, bytes };
    }
    case 'document': {
      const bytes = await fs.promises.readFile(input.file);
      return { hash: contentHash(bytes), rows: documentRows(bytes), bytes: bytes.length };
    }
  }
}

/**
 * The rows a document will give, for the progress bar's total: a U.S. Code title's sections (its
 * `<section identifier="/us/usc/t54/s200304">`, one row each), else one (a bill version). 16 U.S.C.,
 * 5 MB: 158 rows, where 1 was counted and the bar sat at 99% while they were written.
 */
function documentRows(bytes: Buffer): number {
  if (kindOf(bytes.subarray(0, 16384).toString('utf8')) !== 'us-code') return 1;
  const text = bytes.toString('utf8');
  const sections = text.match(/<section\b[^>]*\bidentifier="\/us\/usc\/t[^/"]+\/s[^/"]+"/g);
  return Math.max(1, sections?.length ?? 0);
}
