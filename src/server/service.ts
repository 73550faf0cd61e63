/**
 * What the routes share: the corpus, the upload store, the worker pool, the templates and the
 * caches. `compare` resolves two ids and aligns them in a worker, once per pair of ids: the
 * result (or the promise of it, so concurrent requests share one run) is kept in an LRU.
 * Corpus documents and uploads are immutable (uploads are named by their hash); a database's
 * versions and law sections change when an import updates them, so a request naming one is keyed
 * by the data's generation too, and a cached comparison never goes stale.
 */
import type { CompareDocument } from '../compare/index.js';
import type { Corpus } from '../corpus/index.js';
import type { Database } from '../store/database.js';
import type { Alignment, SourceFormat } from '../types.js';
import { DATABASE_ID } from '../store/documents.js';
import { BilldiffError } from '../util/errors.js';
import { resolveRequest } from '../compare/source.js';
import { serverSource, type ResolvedDocument } from './documents.js';
import type { AppliedLaw, DiffTask } from './diff-task.js';
import { LruCache } from './lru.js';
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

export interface Comparison {
  alignment: Alignment;
  old: DocumentInfo;
  new: DocumentInfo;
  /** For `apply`: every bill applied, in order (`new` is the first). */
  bills?: DocumentInfo[];
  /** For `apply`: the law as amended and the instructions not applied. */
  applied?: AppliedLaw;
}

export interface ServerOptions {
  maxBodyBytes: number;
  diffBudgetMs: number;
  /** Large uploads read and compared at once (see `UploadGate`). */
  maxLargeUploads: number;
  /** Keep comparisons and rendered pages for the next request (off: every request does the work). */
  cache: boolean;
}

export interface ServerContext {
  corpus: Corpus;
  /** The database of bills and law sections, when the app has one: `ver:…` and `law:…` ids resolve there. */
  database?: Database;
  store: UploadStore;
  pool: DiffPool;
  views: Views;
  options: ServerOptions;
  /** Rendered pages and JSON by request key. */
  pages: LruCache<string, string>;
  /** The cache key of a request: its ids, and the data's generation when it names a database document. */
  keyOf(request: ComparisonRequest): Promise<string>;
  compare(request: ComparisonRequest): Promise<Comparison>;
  /** The same comparison, answered as the JSON text `renderJson` makes (rendered in the worker). */
  compareTextsJson(old: CompareDocument, next: CompareDocument, format?: SourceFormat): Promise<string>;
}

export function createContext(
  parts: Pick<ServerContext, 'corpus' | 'store' | 'pool' | 'views' | 'options' | 'database'> & {
    /** The database's generation, read as the caches need it (./generation.ts). */
    generation?: () => Promise<string>;
  },
): ServerContext {
  const comparisons = new LruCache<string, Promise<Comparison>>(parts.options.cache ? 64 : 0);
  const source = serverSource(parts);
  const limits = { budget: parts.options.diffBudgetMs, maxBytes: parts.options.maxBodyBytes };
  const textsTask = (old: CompareDocument, next: CompareDocument, format?: SourceFormat): DiffTask => ({
    request: { documents: [old, next], ...limits, ...(format ? { format } : {}) },
  });
  const billsOf = (r: ComparisonRequest) => (r.mode === 'apply' && r.bills?.length ? r.bills : [r.new]);
  const keyOf = async (r: ComparisonRequest) => {
    const key = `${r.mode}|${r.old}|${r.mode === 'apply' ? billsOf(r).join(',') : r.new}|${r.format ?? ''}`;
    const fromDatabase = [r.old, r.new, ...(r.bills ?? [])].some((id) => DATABASE_ID.test(id));
    return fromDatabase && parts.generation ? `${key}|g${await parts.generation()}` : key;
  };
  const run = async (r: ComparisonRequest): Promise<Comparison> => {
    const info = ({ bytes: _bytes, ...rest }: ResolvedDocument): DocumentInfo => rest;
    // versions: old and new; law: the bill (new) against the statute (old); apply: the bills against the statute.
    const named = r.mode === 'versions' ? { documents: [r.old, r.new] } : { documents: billsOf(r), law: r.old, apply: r.mode === 'apply' };
    const { request, documents, law } = await resolveRequest({ ...named, ...limits, ...(r.format ? { format: r.format } : {}) }, source);
    if (r.mode === 'apply' && law!.entry && law!.entry.kind !== 'statute') {
      throw new BilldiffError(`${law!.id} is a bill, not a statute: name the law to amend as old=STATUTE and the bill as new=BILL`, { code: 'usage' });
    }
    const { alignment, applied } = await parts.pool.run({ request });
    if (r.mode === 'versions') return { alignment, old: info(documents[0]!), new: info(documents[1]!) };
    const bills = r.mode === 'apply' ? { bills: documents.map(info), ...(applied ? { applied } : {}) } : {};
    return { alignment, old: info(law!), new: info(documents[0]!), ...bills };
  };
  return {
    ...parts,
    pages: new LruCache<string, string>(parts.options.cache ? 256 : 0),
    keyOf,
    async compare(request) {
      const key = await keyOf(request);
      let pending = comparisons.get(key);
      if (!pending) {
        pending = run(request);
        comparisons.set(key, pending);
        // A failure (unknown id, timeout) is not cached: the next request tries again.
        pending.catch(() => {
          if (comparisons.peek(key) === pending) comparisons.delete(key);
        });
      }
      return pending;
    },
    compareTextsJson(old, next, format) {
      return parts.pool.runJson(textsTask(old, next, format));
    },
  };
}
