/**
 * Names and finds the documents a request refers to: corpus ids (looked up in the corpus
 * index, never joined into paths) and uploads (`u:<sha256>`, read from the store).
 */
import type { CompareDocument } from '../compare/index.js';
import type { DocumentSource } from '../compare/source.js';
import { corpusDocument, describeVersion, type Corpus, type CorpusEntry } from '../corpus/index.js';
import type { Database } from '../store/database.js';
import { DATABASE_ID, databaseDocument } from '../store/documents.js';
import { BilldiffError } from '../util/errors.js';
import { UPLOAD_ID, type UploadStore } from './store.js';

/** A document ready to compare (its `file` is its id), with the words the pages use for it. */
export interface ResolvedDocument extends CompareDocument {
  id: string;
  bytes: Uint8Array;
  /** "AB 1656" or "Penal Code § 1050" or "Uploaded text". */
  name: string;
  /** "Amended in Assembly, March 5, 2026", "current Penal Code 1050", "uploaded text 1a2b3c4d5e6f". */
  label: string;
  entry?: CorpusEntry;
  /**
   * The bytes were read from a file for this request alone (a corpus document, an upload), so that
   * the diff worker may be given them (./pool.ts) rather than a copy: nothing else holds them.
   */
  ownBytes?: true;
}

/** Where the server's documents are kept. */
export interface ServerDocuments {
  corpus: Corpus;
  store: UploadStore;
  /** The database (`ver:…` and `law:…` ids), when there is one. */
  database?: Database;
}

/**
 * The server's documents: uploads by id (`u:<sha256>`, read from the store), the database's
 * versions and law sections (`ver:…`, `law:…`), and the corpus by id (looked up in its index,
 * never joined into a path). A `not-found` BilldiffError names an id that is none of these.
 */
export function serverSource(parts: ServerDocuments): DocumentSource<ResolvedDocument> {
  return {
    async read(id) {
      if (UPLOAD_ID.test(id)) {
        const bytes = await parts.store.get(id);
        if (!bytes) throw new BilldiffError(`no uploaded text is stored under ${id}`, { code: 'not-found' });
        return { id, file: id, bytes, name: 'Uploaded text', label: `uploaded text ${id.slice(2, 14)}`, ownBytes: true };
      }
      if (DATABASE_ID.test(id)) return resolveDatabaseDocument(parts, id);
      const entry = parts.corpus.get(id);
      if (!entry) throw new BilldiffError(`no document with the id “${clip(id)}” in the corpus`, { code: 'not-found' });
      return { id, ...corpusDocument(parts.corpus, entry), name: nameOf(entry), label: labelOf(entry), entry, ownBytes: true };
    },
  };
}

/** A `ver:…` or `law:…` document of the database, described as a corpus entry so the pages name it alike. */
async function resolveDatabaseDocument(source: ServerDocuments, id: string): Promise<ResolvedDocument> {
  const doc = source.database ? await databaseDocument(source.database, id) : undefined;
  if (!doc) throw new BilldiffError(`no document with the id “${clip(id)}” in the database`, { code: 'not-found' });
  const entry: CorpusEntry = {
    id,
    file: '',
    kind: doc.kind,
    jurisdiction: '',
    title: doc.title,
    ...(doc.measure ? { measure: doc.measure } : {}),
    ...(doc.stage ? { stage: doc.stage } : {}),
    ...(doc.date ? { date: doc.date } : {}),
    ...(doc.code ? { code: doc.code } : {}),
    ...(doc.section ? { section: doc.section } : {}),
  };
  return { id, file: id, bytes: doc.bytes, name: doc.name, label: doc.label, entry, ...(doc.section ? { lawSection: doc.section } : {}) };
}

/** "AB 1656", "Penal Code § 1050", or the title. */
export function nameOf(entry: CorpusEntry): string {
  if (entry.kind === 'statute' && entry.code && entry.section) return `${entry.code} § ${entry.section}`;
  return entry.measure ?? entry.title;
}

/** The version label of a bill, or "current Penal Code 1050" for a statute. */
export function labelOf(entry: CorpusEntry): string {
  if (entry.kind === 'statute') return entry.code && entry.section ? `current ${entry.code} ${entry.section}` : `current law (${entry.title})`;
  return describeVersion(entry);
}

/** The other versions of the same measure, oldest first (the entry itself included). */
export function versionsOf(corpus: Corpus, entry: CorpusEntry): CorpusEntry[] {
  if (entry.kind !== 'bill' || !entry.measure) return [entry];
  return corpus.documents
    .filter((d) => d.kind === 'bill' && d.measure === entry.measure && d.session === entry.session && d.jurisdiction === entry.jurisdiction)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/** The statutes a bill touches that the corpus holds. */
export function statutesOf(corpus: Corpus, entry: CorpusEntry): CorpusEntry[] {
  return (entry.touches ?? []).map((id) => corpus.get(id)).filter((d): d is CorpusEntry => d?.kind === 'statute');
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
