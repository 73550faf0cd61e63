import fs from 'node:fs';
import path from 'node:path';
import type { CompareDocument } from '../compare/index.js';
import { BilldiffError } from '../util/errors.js';

/** One document of a corpus, as its `index.json` describes it. */
export interface CorpusEntry {
  id: string;
  /** Path of the file, relative to the corpus folder (never taken from a request). */
  file: string;
  kind: 'bill' | 'statute';
  jurisdiction: string;
  title: string;
  session?: string;
  measure?: string;
  /** `Introduced`, `Amended in Assembly`, `Current law` … */
  stage?: string;
  /** ISO date of the stage. */
  date?: string;
  /** For statutes: the code and section number. */
  code?: string;
  section?: string;
  /** Ids of the statutes a bill amends. */
  touches?: string[];
}

/** A folder of documents with an `index.json`. */
export interface Corpus {
  dir: string;
  documents: CorpusEntry[];
  /** The entry with this id, or undefined: ids are looked up, never joined into paths. */
  get(id: string): CorpusEntry | undefined;
  /** The bytes of a document. */
  read(entry: CorpusEntry): Buffer;
}

const ID = /^[a-z0-9][a-z0-9.\-]*$/;

/** Loads a corpus folder; every file named by its index must stay inside the folder. */
export function loadCorpus(dir: string): Corpus {
  const indexFile = path.join(dir, 'index.json');
  let raw: string;
  try {
    raw = fs.readFileSync(indexFile, 'utf8');
  } catch {
    throw new BilldiffError(`no corpus index here (expected ${indexFile})`, { file: indexFile, code: 'not-found' });
  }
  let parsed: { documents?: CorpusEntry[] };
  try {
    parsed = JSON.parse(raw) as { documents?: CorpusEntry[] };
  } catch (error) {
    throw new BilldiffError(`corpus index is not valid JSON: ${(error as Error).message}`, { file: indexFile });
  }
  const root = path.resolve(dir);
  const documents = (parsed.documents ?? []).filter((entry) => {
    const resolved = path.resolve(root, entry.file);
    return ID.test(entry.id) && resolved.startsWith(root + path.sep);
  });
  const byId = new Map(documents.map((entry) => [entry.id, entry]));
  return {
    dir: root,
    documents,
    get: (id) => (ID.test(id) ? byId.get(id) : undefined),
    read: (entry) => fs.readFileSync(path.resolve(root, entry.file)),
  };
}

/** A corpus document as `compare` takes it: its bytes, its id for a name, and a statute's section number. */
export function corpusDocument(corpus: Corpus, entry: CorpusEntry): CompareDocument & { bytes: Buffer } {
  return { bytes: corpus.read(entry), file: entry.id, ...(entry.section ? { lawSection: entry.section } : {}) };
}

/** "Amended in Senate, June 11, 2026" */
export function describeVersion(entry: CorpusEntry): string {
  const parts = [entry.stage ?? entry.title];
  if (entry.date) {
    const date = new Date(`${entry.date}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) parts.push((longDate ??= new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).format(date));
  }
  return parts.join(', ');
}

/**
 * "January 29, 2026": one formatter, made on first use (`toLocaleDateString` with options makes one
 * at every call, ~0.3 ms; the server names two documents and their baselines at every comparison).
 */
let longDate: Intl.DateTimeFormat | undefined;
