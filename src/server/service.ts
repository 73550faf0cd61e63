/**
 * What the routes share: the corpus, the upload store, the worker pool, the templates and the
 * caches. `compare` resolves two ids and aligns them in a worker, once per pair of ids: the
 * result (or the promise of it, so concurrent requests share one run) is kept in an LRU.
 * Both corpus documents and uploads are immutable (uploads are named by their hash), so a
 * cached comparison never goes stale.
 */
import type { Corpus } from '../corpus/index.js';
import type { Database } from '../store/database.js';
import type { Alignment, SourceFormat } from '../types.js';
import { BilldiffError } from '../util/errors.js';
import { resolveDocument, type ResolvedDocument } from './documents.js';
import type { AppliedLaw, DiffInput, DiffTask } from './diff-task.js';
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
  keyOf(request: ComparisonRequest): string;
  compare(request: ComparisonRequest): Promise<Comparison>;
  compareTexts(old: DiffInput, next: DiffInput, format?: SourceFormat): Promise<Alignment>;
  /** The same comparison, answered as the JSON text `renderJson` makes (rendered in the worker). */
  compareTextsJson(old: DiffInput, next: DiffInput, format?: SourceFormat): Promise<string>;
}

export function createContext(parts: Pick<ServerContext, 'corpus' | 'store' | 'pool' | 'views' | 'options' | 'database'>): ServerContext {
  const comparisons = new LruCache<string, Promise<Comparison>>(parts.options.cache ? 64 : 0);
  const textsTask = (old: DiffInput, next: DiffInput, format?: SourceFormat): DiffTask => ({
    mode: 'versions',
    old,
    new: next,
    budget: parts.options.diffBudgetMs,
    maxBytes: parts.options.maxBodyBytes,
    ...(format ? { format } : {}),
  });
  const billsOf = (r: ComparisonRequest) => (r.mode === 'apply' && r.bills?.length ? r.bills : [r.new]);
  const keyOf = (r: ComparisonRequest) => `${r.mode}|${r.old}|${r.mode === 'apply' ? billsOf(r).join(',') : r.new}|${r.format ?? ''}`;
  const run = async (request: ComparisonRequest): Promise<Comparison> => {
    const info = ({ bytes: _bytes, ...rest }: ResolvedDocument): DocumentInfo => rest;
    const input = (d: ResolvedDocument): DiffInput => ({ bytes: d.bytes, file: d.id });
    const common = {
      budget: parts.options.diffBudgetMs,
      maxBytes: parts.options.maxBodyBytes,
      ...(request.format ? { format: request.format } : {}),
    };
    if (request.mode === 'apply') {
      const [law, ...bills] = await Promise.all([request.old, ...billsOf(request)].map((id) => resolveDocument(parts, id)));
      if (law!.entry && law!.entry.kind !== 'statute') {
        throw new BilldiffError(`${law!.id} is a bill, not a statute: name the law to amend as old=STATUTE and the bill as new=BILL`, { code: 'usage' });
      }
      const section = law!.entry?.kind === 'statute' ? law!.entry.section : undefined;
      const { alignment, applied } = await parts.pool.runWithLaw({
        mode: 'apply',
        old: input(law!),
        new: input(bills[0]!),
        bills: bills.map(input),
        ...(section ? { lawSection: section } : {}),
        ...common,
      });
      return { alignment, old: info(law!), new: info(bills[0]!), bills: bills.map(info), ...(applied ? { applied } : {}) };
    }
    const [old, next] = await Promise.all([resolveDocument(parts, request.old), resolveDocument(parts, request.new)]);
    const alignment = await parts.pool.run({ mode: request.mode, old: input(old), new: input(next), ...common });
    return { alignment, old: info(old), new: info(next) };
  };
  return {
    ...parts,
    pages: new LruCache<string, string>(parts.options.cache ? 256 : 0),
    keyOf,
    compare(request) {
      const key = keyOf(request);
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
    compareTexts(old, next, format) {
      return parts.pool.run(textsTask(old, next, format));
    },
  };
}
