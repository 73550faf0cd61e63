/**
 * Requests that name their documents: a path, a corpus id (`ca-ab1656-2025-introduced`), an upload
 * (`u:<sha256>`), or a name a database knows ("AB 1656 introduced"). A `DocumentSource` turns a name
 * into a document; each front door brings its own (files and standard input for the CLI, the corpus
 * and the upload store for the server), and a database is one more source beside them.
 */
import type { CompareDocument, CompareRequest } from './index.js';

/** Where named documents come from. `D` may carry more than the bytes (a page's labels, a corpus entry). */
export interface DocumentSource<D extends CompareDocument = CompareDocument> {
  /** The document `name` refers to, or a `not-found` BilldiffError that names it. */
  read(name: string): Promise<D>;
}

/** A `CompareRequest` whose documents are names. */
export interface NamedCompareRequest extends Omit<CompareRequest, 'documents' | 'law'> {
  documents: string[];
  law?: string;
}

/** The request with its documents read through `source`, and the documents as the source gave them. */
export async function resolveRequest<D extends CompareDocument>(
  named: NamedCompareRequest,
  source: DocumentSource<D>,
): Promise<{ request: CompareRequest; documents: D[]; law?: D }> {
  const { documents: names, law: lawName, ...options } = named;
  // In order, one at a time: standard input is read once, and errors come in the order named.
  const documents: D[] = [];
  for (const name of names) documents.push(await source.read(name));
  const law = lawName === undefined ? undefined : await source.read(lawName);
  return { request: { ...options, documents, ...(law ? { law } : {}) }, documents, ...(law ? { law } : {}) };
}
