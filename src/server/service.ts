/**
 * What the routes share: the corpus, the upload store, the worker pool, the templates and the
 * page cache. A comparison's documents are read here, on the main thread; the worker parses and
 * aligns them and answers with the page's HTML (or the JSON), so that only a string comes back
 * and the main thread never holds, copies or renders a large alignment. With the cache on, each
 * page (or the promise of it, so that concurrent requests share one run) is kept in an LRU, and
 * the worker keeps its last comparisons for the other pages of the same comparison. Corpus
 * documents and uploads are immutable (uploads are named by their hash); a database's versions
 * and law sections change when an import updates them, so a request naming one is keyed by the
 * data's generation too, and a cached page never goes stale.
 */
import { LRUCache } from 'lru-cache';
import type { CompareDocument, CompareRequest } from '../compare/index.js';
import type { Corpus } from '../corpus/index.js';
import type { Database } from '../store/database.js';
import type { SourceFormat } from '../types.js';
import { DATABASE_ID } from '../store/documents.js';
import { BilldiffError } from '../util/errors.js';
import { resolveRequest } from '../compare/source.js';
import { compareHref } from './compare-page.js';
import { labelOf, nameOf, serverSource, statutesOf, versionsOf, type ResolvedDocument } from './documents.js';
import type { Baseline, ComparedDocuments, PageTask, View } from './diff-task.js';
import type { DiffPool } from './pool.js';
import type { UploadStore } from './store.js';
import type { Views } from './views.js';

/**
 * Documents named by id: `versions` compares `old` with `new`; `law` a bill (`new`) with a
 * statute (`old`); `apply` applies the instructions of `bills` (in order; `new` is the first)
 * to the statute `old` and compares the law before with the law as amended.
 */
export interface ComparisonRequest {
  mode: 'versions' | 'law' | 'apply';
  old: string;
  new: string;
  /** For `apply`: every bill, in the order applied. */
  bills?: string[];
  format?: SourceFormat;
}

/** A document as the pages name it (its bytes are not kept). */
export type DocumentInfo = Omit<ResolvedDocument, 'bytes'>;

export interface ServerOptions {
  maxBodyBytes: number;
  diffBudgetMs: number;
  /** Large uploads read and compared at once (see `UploadGate`). */
  maxLargeUploads: number;
  /** Keep comparisons and rendered pages for the next request (off: every request does the work). */
  cache: boolean;
}

/** Which page of a comparison to show (see `PageTask`). */
export type PageRequest = Pick<PageTask, 'page' | 'view' | 'changesOnly' | 'pageNumber'>;

export interface ServerContext {
  corpus: Corpus;
  /** The database of bills and law sections, when the app has one: `ver:…` and `law:…` ids resolve there. */
  database?: Database;
  store: UploadStore;
  pool: DiffPool;
  views: Views;
  options: ServerOptions;
  /** Rendered pages by key (the corpus index, and comparisons' pages and JSON), as the UTF-8 bytes sent. */
  pages: LRUCache<string, Buffer> | undefined;
  /** One page of a comparison as HTML (the compare, apply or print template), made in a worker: its UTF-8 bytes. */
  comparePage(request: ComparisonRequest, page: PageRequest): Promise<Buffer>;
  /** The page (1-based) of a comparison that shows the level with this anchor, or undefined. */
  locate(request: ComparisonRequest, anchor: string): Promise<number | undefined>;
  /** The comparison as the JSON text `renderJson` makes (rendered in the worker), in UTF-8. */
  compareJson(request: ComparisonRequest): Promise<Buffer>;
  /** Two texts compared, answered as the JSON text `renderJson` makes (rendered in the worker), in UTF-8. */
  compareTextsJson(old: CompareDocument, next: CompareDocument, format?: SourceFormat): Promise<Buffer>;
}

export function createContext(
  parts: Pick<ServerContext, 'corpus' | 'store' | 'pool' | 'views' | 'options' | 'database'> & {
    /** The database's generation, read as the caches need it (./generation.ts). */
    generation?: () => Promise<string>;
  },
): ServerContext {
  const { cache } = parts.options;
  const pages = cache ? new LRUCache<string, Buffer>({ max: 256 }) : undefined;
  /** Pages and JSON being made, so that concurrent requests for one share its run (cache on only: off, each request does the work). */
  const making = new Map<string, Promise<Buffer>>();
  const source = serverSource(parts);
  // The pages find cross-references in the text they show; the trees need not carry them.
  const limits = { budget: parts.options.diffBudgetMs, maxBytes: parts.options.maxBodyBytes, references: false };
  const billsOf = (r: ComparisonRequest) => (r.mode === 'apply' && r.bills?.length ? r.bills : [r.new]);
  const keyOf = async (r: ComparisonRequest) => {
    const key = `${r.mode}|${r.old}|${r.mode === 'apply' ? billsOf(r).join(',') : r.new}|${r.format ?? ''}`;
    const fromDatabase = [r.old, r.new, ...(r.bills ?? [])].some((id) => DATABASE_ID.test(id));
    return fromDatabase && parts.generation ? `${key}|g${await parts.generation()}` : key;
  };
  /**
   * Reads the documents a request names: the request for the worker, the documents as the pages name
   * them, and the buffers of the bytes read for this request alone, which the worker is given.
   */
  const resolve = async (r: ComparisonRequest): Promise<{ request: CompareRequest; documents: ComparedDocuments; give: ArrayBuffer[] }> => {
    const info = ({ bytes: _bytes, ownBytes: _own, ...rest }: ResolvedDocument): DocumentInfo => rest;
    // versions: old and new; law: the bill (new) against the statute (old); apply: the bills against the statute.
    const named = r.mode === 'versions' ? { documents: [r.old, r.new] } : { documents: billsOf(r), law: r.old, apply: r.mode === 'apply' };
    const { request, documents, law } = await resolveRequest({ ...named, ...limits, ...(r.format ? { format: r.format } : {}) }, source);
    if (r.mode === 'apply' && law!.entry && law!.entry.kind !== 'statute') {
      throw new BilldiffError(`${law!.id} is a bill, not a statute: name the law to amend as old=STATUTE and the bill as new=BILL`, { code: 'usage' });
    }
    const give = ownBuffers(law ? [...documents, law] : documents);
    if (r.mode === 'versions') return { request, documents: { old: info(documents[0]!), new: info(documents[1]!) }, give };
    return { request, documents: { old: info(law!), new: info(documents[0]!), ...(r.mode === 'apply' ? { bills: documents.map(info) } : {}) }, give };
  };
  /** The answer kept under `key`, or made once by `make` however many ask for it meanwhile. */
  const shared = async (key: string, make: () => Promise<Buffer>): Promise<Buffer> => {
    const kept = pages?.get(key) ?? making.get(key);
    if (kept !== undefined) return kept;
    const made = make();
    if (!pages) return made;
    making.set(key, made);
    try {
      const text = await made;
      pages.set(key, text);
      return text;
    } finally {
      making.delete(key);
    }
  };
  return {
    ...parts,
    pages,
    async comparePage(r, page) {
      const key = await keyOf(r);
      return shared(`${page.page}|${page.view}|${page.changesOnly}|${page.pageNumber}|${key}`, async () => {
        const { request, documents, give } = await resolve(r);
        const baselines = baselinesOf(parts.corpus, documents, r, page.view === 'inline' ? 'inline' : undefined);
        return parts.pool.page({ request, render: { kind: 'page', ...page, comparison: r, documents, baselines }, ...(cache ? { key } : {}) }, give);
      });
    },
    async locate(r, anchor) {
      const key = await keyOf(r);
      const { request, documents, give } = await resolve(r);
      return parts.pool.locate({ request, render: { kind: 'locate', anchor, comparison: r, documents }, ...(cache ? { key } : {}) }, give);
    },
    async compareJson(r) {
      const key = await keyOf(r);
      return shared(`json|${key}`, async () => {
        const { request, give } = await resolve(r);
        return parts.pool.runJson({ request }, give);
      });
    },
    compareTextsJson(old, next, format) {
      return parts.pool.runJson({ request: { documents: [old, next], ...limits, ...(format ? { format } : {}) } });
    },
  };
}

/**
 * The buffers of documents whose bytes were read for this request alone, each wholly theirs (not a
 * slice of a larger or pooled buffer), once each. A diff worker is given them rather than a copy:
 * a main thread that copied them (2 MB a request of the 1 MB pair) grew V8's count of memory held
 * outside its heap, which starts full collections of the main thread's heap as it grows.
 */
function ownBuffers(documents: ResolvedDocument[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { bytes, ownBytes } of documents) {
    if (!ownBytes || !(bytes instanceof Uint8Array) || bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) continue;
    if (bytes.buffer instanceof ArrayBuffer) buffers.add(bytes.buffer);
  }
  return [...buffers];
}

/** One-click links to compare the same new text with another baseline, or to see it applied to the law it amends. */
function baselinesOf(corpus: Corpus, documents: ComparedDocuments, request: ComparisonRequest, view: View | undefined): Baseline[] {
  const bill = documents.new.entry;
  if (!bill || bill.kind !== 'bill') return [];
  const single = request.mode !== 'apply' || (request.bills ?? [request.new]).length === 1;
  const links = versionsOf(corpus, bill)
    .filter((v) => v.id !== bill.id)
    .map((v) => ({
      href: compareHref({ old: v.id, new: bill.id, view }),
      label: labelOf(v),
      current: request.mode === 'versions' && request.old === v.id,
    }));
  for (const law of statutesOf(corpus, bill)) {
    links.push({ href: compareHref({ bill: bill.id, law: law.id, view }), label: labelOf(law), current: request.mode === 'law' && request.old === law.id });
    links.push({
      href: compareHref({ mode: 'apply', old: law.id, new: bill.id, view }),
      label: `Changes in existing law (${nameOf(law)})`,
      current: request.mode === 'apply' && single && request.old === law.id,
    });
  }
  return links;
}
