/**
 * The compare, apply and print pages of a comparison: the page model (from src/render/page) with
 * what only the web pages have — links between views, baselines and pages, the law as amended as
 * clean lines, and the notices of a Changes in Existing Law comparison.
 */
import { amendedElsewhere } from '../compare/index.js';
import { buildPageModel, changeAnchorsOf, completeRows, linkAcrossPages, LISTED_CHANGES, pagesOfAnchors, paginate, PAGE_ROWS, type AnchorPages, type Block, type BodyPage, type PageModel } from '../render/page/index.js';
import { statuteLines } from '../render/statute-text.js';
import type { Alignment } from '../types.js';
import { BilldiffError } from '../util/errors.js';
import type { AppliedLaw, Baseline, ComparedDocuments, View } from './diff-task.js';
import type { ComparisonRequest, DocumentInfo } from './service.js';

/** A comparison as its pages show it (made in a diff worker: ./page-task.ts). */
export interface Comparison extends ComparedDocuments {
  alignment: Alignment;
  /** For `apply`: the law as amended and the instructions not applied. */
  applied?: AppliedLaw;
  /** Its page model, made by `pagedModelOf` when first asked for and kept with it. */
  paged?: PagedModel;
}

/**
 * The page model of a comparison with its pages, built once per comparison kept. Only the changed
 * rows are complete: `comparePage` completes the rows of the page it shows.
 */
interface PagedModel {
  model: PageModel;
  pages: BodyPage[];
  pageOf: AnchorPages;
}

/**
 * The comparison's page model, kept on the comparison itself rather than in a WeakMap keyed by it:
 * V8's young-generation collector keeps a WeakMap's values alive whatever became of their keys, so
 * every collection during the next comparison copied the last one's page model, trees and all
 * (~19 MB of a 1 MB pair), and promoted it, for a full collection to free.
 */
export function pagedModelOf(comparison: Comparison): PagedModel {
  if (!comparison.paged) {
    const { alignment, old } = comparison;
    const section = old.entry?.kind === 'statute' ? old.entry.section : undefined;
    const model = buildPageModel(alignment, { ...(section ? { section } : {}), billNames: billNamesOf(comparison), complete: false });
    const pages = model.total > PAGE_ROWS ? paginate(model.blocks, PAGE_ROWS) : [{ blocks: model.blocks, rows: model.total, first: 1 }];
    comparison.paged = { model, pages, pageOf: pagesOfAnchors(pages) };
  }
  return comparison.paged;
}

/**
 * The blocks a page shows, each fold as plain data: its kind, summary and rows (completed). A fold
 * of the page model keeps the span of the comparison's rows it stands for, to make them when first
 * read. Handed to the templates as it was, it was still held when the diff worker collected its
 * young generation after sending the page (by what, not found), and through its span so were the
 * comparison's rows, pairs and trees: 1 MB pair, in process, ~8.4 MB kept by each collection after a
 * page, copied and promoted for a full collection to free; as plain data, 0.8-0.9 MB.
 */
function plainBlocks(blocks: Block[]): Block[] {
  return blocks.map((block) => ('row' in block ? block : { fold: { kind: block.fold.kind, summary: block.fold.summary, rows: block.fold.rows } }));
}

/** The bills of a comparison by the id their instructions carry, named as the pages name them. */
function billNamesOf(comparison: Comparison): Record<string, string> {
  return Object.fromEntries((comparison.bills ?? [comparison.new]).map((b) => [b.id, b.name]));
}

/** "AB 1656 (Introduced, January 29, 2026)", then the next bill. */
function billsPhrase(bills: DocumentInfo[]): string {
  return bills.map((b) => `${b.name} (${b.label})`).join(', then ');
}

/** What the compare, apply and print templates show of a comparison; `baselines` are the links to compare with another baseline. */
export function comparePage(comparison: Comparison, request: ComparisonRequest, view: View, changesOnly: boolean, pageNumber: number, baselines: Baseline[]) {
  const { alignment, old, new: next } = comparison;
  const section = old.entry?.kind === 'statute' ? old.entry.section : undefined;
  const here = (extra: Record<string, string | undefined>, route = '/compare') => compareHref({ ...queryOf(request), ...extra }, route);
  const viewParam = view === 'inline' || view === 'clean' ? view : undefined;
  const pageParam = pageNumber > 1 ? String(pageNumber) : undefined;
  const applying = request.mode === 'apply';
  const bills = comparison.bills ?? [next];
  const base = {
    pageTitle: applying ? `Changes in existing law: ${old.name} as amended by ${bills.map((b) => b.name).join(', then ')}` : `${next.name}: ${next.label} compared with ${old.label}`,
    old: { id: old.id, name: old.name, label: old.label },
    // In the Changes in Existing Law view the new text is the law as amended.
    new: applying ? { id: old.id, name: old.name, label: `as amended by ${billsPhrase(bills)}` } : { id: next.id, name: next.name, label: next.label },
    bills: bills.map((b) => ({ id: b.id, name: b.name, label: b.label })),
    billsPhrase: billsPhrase(bills),
    baselines,
    views: [
      { href: here({ view: undefined, page: view === 'clean' ? undefined : pageParam }), label: 'Side by side', current: view === 'side' },
      { href: here({ view: 'inline', page: view === 'clean' ? undefined : pageParam }), label: 'Inline redline', current: view === 'inline' },
      ...(applying ? [{ href: here({ view: 'clean' }), label: 'Law as amended', current: view === 'clean' }] : []),
    ],
    clean: view === 'clean',
    inline: view === 'inline',
    permalink: here({ view: viewParam, page: pageParam }),
    printHref: here({ view: undefined }, '/print'),
    printChangesHref: here({ view: undefined, changes: 'only' }, '/print'),
    printAllHref: here({ view: undefined }, '/print'),
    jsonHref: here({ view: undefined }, '/api/compare'),
    changesOnly,
    notice: alignment.notice,
    messages: alignment.messages.map((m) => m.reason),
  };
  const applied = applying ? appliedModel(comparison) : undefined;
  if (view === 'print') {
    const model = buildPageModel(alignment, { ...(section ? { section } : {}), changesOnly, billNames: billNamesOf(comparison) });
    return { ...base, ...applied, ...model, nothingChanged: model.changes.length === 0 };
  }
  const { model, pages, pageOf } = pagedModelOf(comparison);
  if (view === 'clean') {
    const lines = comparison.applied ? statuteLines(comparison.applied.amended) : [];
    return { ...base, ...applied, instructions: model.instructions, counts: model.counts, words: model.words, lines };
  }
  if (pageNumber > pages.length) {
    throw new BilldiffError(`there is no page ${pageNumber}: this comparison has ${pages.length} ${pages.length === 1 ? 'page' : 'pages'}`, { code: 'not-found' });
  }
  // Made once a page: every change on another page links to one.
  const pageHrefs: string[] = [];
  const hrefOfPage = (n: number) => (pageHrefs[n] ??= here({ view: viewParam, page: n > 1 ? String(n) : undefined }));
  const current = pages[pageNumber - 1]!;
  completeRows(current.blocks);
  const shown = plainBlocks(current.blocks);
  const onOtherPage = (href: string) => {
    const target = pageOf.get(href.slice(1));
    return target !== undefined && target !== pageNumber ? target : undefined;
  };
  const linkAcross = <T extends { href: string }>(c: T): T & { page?: number } => {
    const target = onOtherPage(c.href);
    return target === undefined ? c : { ...c, href: `${hrefOfPage(target)}${c.href}`, page: target };
  };
  // A long list of changes is paged with the rows: each page lists its own.
  const own = pages.length > 1 && model.changes.length > LISTED_CHANGES;
  const listed = own ? model.changes.filter((c) => (pageOf.get(c.href.slice(1)) ?? 1) === pageNumber) : model.changes;
  const changes = listed.map(linkAcross);
  const changesOfPage = own ? { total: model.changes.length, start: listed[0]?.number ?? 1 } : undefined;
  const instructions = model.instructions && {
    ...model.instructions,
    items: model.instructions.items.map((item) => ({ ...item, changes: item.changes.map(linkAcross) })),
  };
  let pager;
  if (pages.length > 1) {
    const before = pages.slice(0, pageNumber - 1).flatMap(changeAnchorsOf);
    const after = pages.slice(pageNumber).flatMap(changeAnchorsOf);
    const prevChange = before[before.length - 1];
    const nextChange = after[0];
    pager = {
      page: pageNumber,
      count: pages.length,
      from: current.first,
      to: current.first + current.rows - 1,
      total: model.total,
      prevHref: pageNumber > 1 ? hrefOfPage(pageNumber - 1) : undefined,
      nextHref: pageNumber < pages.length ? hrefOfPage(pageNumber + 1) : undefined,
      prevChange: prevChange ? `${hrefOfPage(pageOf.get(prevChange)!)}#${prevChange}` : undefined,
      nextChange: nextChange ? `${hrefOfPage(pageOf.get(nextChange)!)}#${nextChange}` : undefined,
      locate: here({ view: viewParam }, '/compare/locate'),
      links: pages.map((p, i) => ({ number: i + 1, href: hrefOfPage(i + 1), current: i + 1 === pageNumber, from: p.first, to: p.first + p.rows - 1 })),
    };
  }
  return {
    ...base,
    ...applied,
    ...model,
    blocks: pages.length > 1 ? linkAcrossPages(shown, pageNumber, pageOf, hrefOfPage) : shown,
    changes,
    changesOfPage,
    instructions,
    pager,
    nothingChanged: model.changes.length === 0,
  };
}

/** What the Changes in Existing Law pages add: the instructions of the bills not applied here, and a notice. */
function appliedModel(comparison: Comparison) {
  const { applied, alignment, old } = comparison;
  const records = alignment.instructions ?? [];
  const names = billNamesOf(comparison);
  const other = (list: NonNullable<Comparison['applied']>['elsewhere']) =>
    list.map((o) => ({ bill: names[o.bill] ?? o.bill, citation: o.citation || 'unnumbered', target: o.target || 'a law not named', reason: o.reason }));
  const refused = records.filter((r) => r.status === 'refused').length;
  const appliedCount = records.length - refused;
  let applyNotice: string | undefined;
  if (!records.length) {
    const elsewhere = applied ? amendedElsewhere(applied) : '';
    applyNotice = `No instruction of ${billsPhrase(comparison.bills ?? [comparison.new])} amends ${old.name}` + (elsewhere ? `: its instructions amend ${elsewhere}.` : ': no amendatory instruction was found.');
  } else if (!appliedCount) {
    applyNotice = 'No instruction could be applied exactly, so the law as amended is the law before. The reasons are in the list of instructions.';
  }
  return {
    applying: true,
    elsewhere: other(applied?.elsewhere ?? []),
    unread: other(applied?.unread ?? []),
    applyNotice,
  };
}

export function queryOf(request: ComparisonRequest): Record<string, string | undefined> {
  const ids =
    request.mode === 'law'
      ? { bill: request.new, law: request.old }
      : request.mode === 'apply'
        ? { mode: 'apply', old: request.old, new: (request.bills ?? [request.new]).join(',') }
        : { old: request.old, new: request.new };
  return { ...ids, format: request.format };
}

/** `/compare?old=…&new=…`, parameters in a fixed order, empty ones left out. */
export function compareHref(params: Record<string, string | undefined>, route = '/compare'): string {
  const order = ['mode', 'old', 'new', 'bill', 'law', 'format', 'view', 'changes', 'page'];
  const search = new URLSearchParams();
  for (const key of order) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  return `${route}?${search.toString()}`;
}

