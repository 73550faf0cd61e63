/**
 * The worker's side of a page: the comparison (kept by its key for the next page of it, when the
 * server keeps results), its page model, and the page's HTML from the server's templates.
 */
import { LRUCache } from 'lru-cache';
import { compare } from '../compare/index.js';
import { comparePage, pagedModelOf, type Comparison } from './compare-page.js';
import { appliedLawOf, KEPT_COMPARISONS, utf8, type DiffReply, type DiffTask, type LocateTask, type PageTask } from './diff-task.js';
import { loadViews, type Views } from './views.js';

const kept = new LRUCache<string, Comparison>({ max: KEPT_COMPARISONS });
let views: Views | undefined;

/** Compares the task's documents, or finds the comparison kept under its key. */
function comparisonOf(task: DiffTask, render: PageTask | LocateTask): Comparison {
  const found = task.key !== undefined ? kept.get(task.key) : undefined;
  if (found) return found;
  const { alignment, application } = compare(task.request);
  const { documents } = render;
  const applying = render.comparison.mode === 'apply';
  const applied = applying && application ? { applied: appliedLawOf(application) } : {};
  const comparison: Comparison = { alignment, ...documents, ...applied };
  if (task.key !== undefined) kept.set(task.key, comparison);
  return comparison;
}

/** Answers a page task with the page's HTML, a locate task with the page that shows the level. */
export function runPageTask(task: DiffTask, render: PageTask | LocateTask): DiffReply {
  const comparison = comparisonOf(task, render);
  if (render.kind === 'locate') return { ok: true, page: pagedModelOf(comparison).pageOf.get(render.anchor) ?? null };
  views ??= loadViews();
  const template = render.page === 'compare' && render.comparison.mode === 'apply' ? 'apply' : render.page;
  const model = comparePage(comparison, render.comparison, render.view, render.changesOnly, render.pageNumber, render.baselines);
  return { ok: true, html: utf8(views.render(template, model)) };
}
