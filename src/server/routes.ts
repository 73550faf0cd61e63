/**
 * The routes: small named handlers, each with a `@route` line. They read the request,
 * ask the comparison service, and hand plain data to a template or to `renderJson`.
 */
import path from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { renderJson } from '../render/json.js';
import type { SourceFormat } from '../types.js';
import { decodeInput } from '../parse/input.js';
import type { CorpusEntry } from '../corpus/index.js';
import { cleanLines } from './clean-view.js';
import { buildCompareModel, changeAnchorsOf, linkAcrossPages, pagesOfAnchors, paginate, PAGE_ROWS, type BodyPage, type CompareModel } from './compare-view.js';
import { labelOf, nameOf, statutesOf, versionsOf } from './documents.js';
import { formOf, readForm } from './body.js';
import { HttpError, formatLimit } from './errors.js';
import type { Comparison, ComparisonRequest, DocumentInfo, ServerContext } from './service.js';

const FORMATS = new Set<SourceFormat>(['text', 'markdown', 'caml', 'federal']);

/** Most bills one Changes in Existing Law comparison applies in turn. */
const MAX_BILLS = 8;

/** All routes of the app. */
export function createRoutes(ctx: ServerContext): Router {
  const router = express.Router();
  const maxBytes = ctx.options.maxBodyBytes;

  router.get('/', showIndex(ctx));
  router.get('/compare', showCompare(ctx, 'compare'));
  router.get('/compare/locate', locateClause(ctx));
  router.get('/print', showCompare(ctx, 'print'));
  router.get('/upload', showUpload(ctx));
  router.post('/upload', ...readForm({ maxBytes, files: ['oldFile', 'newFile'] }), acceptUpload(ctx));
  router.get('/api/documents', listDocuments(ctx));
  router.get('/api/compare', compareApi(ctx));
  router.post('/api/compare', ...readForm({ maxBytes, files: ['old', 'new'], json: true }), compareTextsApi(ctx));
  return router;
}

/** @route GET / — the corpus, by jurisdiction and session, each bill with its versions. */
function showIndex(ctx: ServerContext): RequestHandler {
  return (_req, res) => {
    const html = ctx.pages.get('index') ?? ctx.views.render('index', indexModel(ctx));
    ctx.pages.set('index', html);
    res.type('html').send(html);
  };
}

function indexModel(ctx: ServerContext) {
  const { corpus } = ctx;
  const groups = new Map<string, { jurisdiction: string; session: string; bills: Map<string, CorpusEntry[]> }>();
  const statutes: Array<{ id: string; name: string; title: string }> = [];
  for (const entry of corpus.documents) {
    if (entry.kind === 'statute') {
      statutes.push({ id: entry.id, name: nameOf(entry), title: entry.title });
      continue;
    }
    const key = `${entry.jurisdiction}\u0000${entry.session ?? ''}`;
    const group = groups.get(key) ?? { jurisdiction: entry.jurisdiction, session: entry.session ?? 'Session not given', bills: new Map() };
    groups.set(key, group);
    const measure = entry.measure ?? entry.id;
    group.bills.set(measure, [...(group.bills.get(measure) ?? []), entry]);
  }
  const sessions = [...groups.values()]
    .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || b.session.localeCompare(a.session))
    .map((group) => ({
      jurisdiction: group.jurisdiction,
      session: group.session,
      bills: [...group.bills.entries()].map(([measure, entries]) => {
        const versions = [...entries].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
        const latest = versions[versions.length - 1]!;
        const touches = statutesOf(corpus, latest);
        return {
          measure,
          latestId: latest.id,
          title: latest.title.replace(/^\S+ \S+ — /, ''),
          versions: versions.map((v, i) => ({
            id: v.id,
            label: labelOf(v),
            compareHref: i > 0 ? compareHref({ old: versions[i - 1]!.id, new: v.id }) : undefined,
            previous: i > 0 ? labelOf(versions[i - 1]!) : undefined,
            laws: statutesOf(corpus, v).map((s) => ({
              href: compareHref({ bill: v.id, law: s.id }),
              label: labelOf(s),
              applyHref: compareHref({ mode: 'apply', old: s.id, new: v.id }),
              name: nameOf(s),
            })),
          })),
          touches: touches.map((s) => ({ id: s.id, name: nameOf(s), applyHref: compareHref({ mode: 'apply', old: s.id, new: latest.id }) })),
          single: versions.length === 1,
        };
      }),
    }));
  const options = corpus.documents.map((d) => ({ id: d.id, label: `${nameOf(d)} — ${labelOf(d)}` }));
  return { pageTitle: 'Bills in the corpus', sessions, statutes, options };
}

/**
 * @route GET /compare?old=ID&new=ID | ?bill=ID&law=ID | ?mode=apply&old=STATUTE&new=BILL[,BILL…] [&view=inline|clean] [&page=N]
 * — and GET /print?…[&changes=only]. `mode=apply` is the Changes in Existing Law view: the bills'
 * instructions applied to the statute, the law before beside the law as amended; `view=clean`
 * shows the law as amended without marks.
 */
function showCompare(ctx: ServerContext, page: 'compare' | 'print'): RequestHandler {
  return async (req, res) => {
    const request = readComparisonRequest(req);
    const asked = req.query['view'];
    const view: View = page === 'print' ? 'print' : asked === 'inline' ? 'inline' : asked === 'clean' && request.mode === 'apply' ? 'clean' : 'side';
    const changesOnly = page === 'print' && req.query['changes'] === 'only';
    const pageNumber = page === 'print' || view === 'clean' ? 1 : readPage(req);
    const key = `${page}|${view}|${changesOnly}|${pageNumber}|${ctx.keyOf(request)}`;
    let html = ctx.pages.get(key);
    if (!html) {
      const comparison = await ctx.compare(request);
      const template = page === 'compare' && request.mode === 'apply' ? 'apply' : page;
      html = ctx.views.render(template, compareModel(ctx, comparison, request, view, changesOnly, pageNumber));
      ctx.pages.set(key, html);
    }
    res.type('html').send(html);
  };
}

type View = 'side' | 'inline' | 'clean' | 'print';

/** `page=N`: a positive whole number, 1 when absent. */
function readPage(req: Request): number {
  const value = req.query['page'];
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value)) throw new HttpError(400, 'the page parameter must be a page number: 1, 2, 3…');
  return Number(value);
}

/** The full page model of a comparison with its pages, built once per cached comparison. */
interface PagedModel {
  model: CompareModel;
  pages: BodyPage[];
  pageOf: Map<string, number>;
}
const pagedModels = new WeakMap<Comparison, PagedModel>();

function pagedModelOf(comparison: Comparison): PagedModel {
  let paged = pagedModels.get(comparison);
  if (!paged) {
    const { alignment, old } = comparison;
    const section = old.entry?.kind === 'statute' ? old.entry.section : undefined;
    const model = buildCompareModel(alignment, { ...(section ? { section } : {}), billNames: billNamesOf(comparison) });
    const pages = model.total > PAGE_ROWS ? paginate(model.blocks, PAGE_ROWS) : [{ blocks: model.blocks, rows: model.total, first: 1 }];
    paged = { model, pages, pageOf: pagesOfAnchors(pages) };
    pagedModels.set(comparison, paged);
  }
  return paged;
}

/** @route GET /compare/locate?old=ID&new=ID&anchor=c-… — which page of the comparison shows a clause (JSON). */
function locateClause(ctx: ServerContext): RequestHandler {
  return async (req, res) => {
    const request = readComparisonRequest(req);
    const anchor = req.query['anchor'];
    if (typeof anchor !== 'string' || !anchor || anchor.length > 1000) throw new HttpError(400, 'name the clause to find as anchor=c-…');
    const { pageOf } = pagedModelOf(await ctx.compare(request));
    const page = pageOf.get(anchor.replace(/^#/, ''));
    if (page === undefined) throw new HttpError(404, 'no clause with that anchor in this comparison');
    const view = req.query['view'] === 'inline' ? 'inline' : undefined;
    res.json({ page, href: compareHref({ ...queryOf(request), view, page: page > 1 ? String(page) : undefined }) });
  };
}

/** The bills of a comparison by the id their instructions carry, named as the pages name them. */
function billNamesOf(comparison: Comparison): Record<string, string> {
  return Object.fromEntries((comparison.bills ?? [comparison.new]).map((b) => [b.id, b.name]));
}

/** "AB 1656 (Introduced, January 29, 2026)", then the next bill. */
function billsPhrase(bills: DocumentInfo[]): string {
  return bills.map((b) => `${b.name} (${b.label})`).join(', then ');
}

function compareModel(ctx: ServerContext, comparison: Comparison, request: ComparisonRequest, view: View, changesOnly: boolean, pageNumber = 1) {
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
    baselines: baselinesOf(ctx, comparison, request, view === 'inline' ? 'inline' : undefined),
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
    const model = buildCompareModel(alignment, { ...(section ? { section } : {}), changesOnly, billNames: billNamesOf(comparison) });
    return { ...base, ...applied, ...model, nothingChanged: model.changes.length === 0 };
  }
  const { model, pages, pageOf } = pagedModelOf(comparison);
  if (view === 'clean') {
    const lines = comparison.applied ? cleanLines(comparison.applied.amended) : [];
    return { ...base, ...applied, instructions: model.instructions, counts: model.counts, words: model.words, lines };
  }
  if (pageNumber > pages.length) throw new HttpError(404, `there is no page ${pageNumber}: this comparison has ${pages.length} ${pages.length === 1 ? 'page' : 'pages'}`);
  const hrefOfPage = (n: number) => here({ view: viewParam, page: n > 1 ? String(n) : undefined });
  const current = pages[pageNumber - 1]!;
  const onOtherPage = (href: string) => {
    const target = pageOf.get(href.slice(1));
    return target !== undefined && target !== pageNumber ? target : undefined;
  };
  const linkAcross = <T extends { href: string }>(c: T): T & { page?: number } => {
    const target = onOtherPage(c.href);
    return target === undefined ? c : { ...c, href: `${hrefOfPage(target)}${c.href}`, page: target };
  };
  const changes = model.changes.map(linkAcross);
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
    blocks: pages.length > 1 ? linkAcrossPages(current.blocks, pageNumber, pageOf, hrefOfPage) : model.blocks,
    changes,
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
    const targets = [...new Set((applied?.elsewhere ?? []).map((e) => e.target))];
    applyNotice =
      `No instruction of ${billsPhrase(comparison.bills ?? [comparison.new])} amends ${old.name}` +
      (targets.length ? `: its instructions amend ${targets.slice(0, 8).join('; ')}${targets.length > 8 ? `; and ${targets.length - 8} more` : ''}.` : ': no amendatory instruction was found.');
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

/** One-click links to compare the same new text with another baseline, or to see it applied to the law it amends. */
function baselinesOf(ctx: ServerContext, comparison: Comparison, request: ComparisonRequest, view: string | undefined) {
  const bill = comparison.new.entry;
  if (!bill || bill.kind !== 'bill') return [];
  const single = request.mode !== 'apply' || (request.bills ?? [request.new]).length === 1;
  const links = versionsOf(ctx.corpus, bill)
    .filter((v) => v.id !== bill.id)
    .map((v) => ({
      href: compareHref({ old: v.id, new: bill.id, view }),
      label: labelOf(v),
      current: request.mode === 'versions' && request.old === v.id,
    }));
  for (const law of statutesOf(ctx.corpus, bill)) {
    links.push({ href: compareHref({ bill: bill.id, law: law.id, view }), label: labelOf(law), current: request.mode === 'law' && request.old === law.id });
    links.push({
      href: compareHref({ mode: 'apply', old: law.id, new: bill.id, view }),
      label: `Changes in existing law (${nameOf(law)})`,
      current: request.mode === 'apply' && single && request.old === law.id,
    });
  }
  return links;
}

/** @route GET /upload — paste or upload two texts. */
function showUpload(ctx: ServerContext): RequestHandler {
  return (_req, res) => {
    res.type('html').send(ctx.views.render('upload', { pageTitle: 'Compare your own texts', limit: formatLimit(ctx.options.maxBodyBytes) }));
  };
}

/** @route POST /upload — store both texts, then redirect to their comparison. */
function acceptUpload(ctx: ServerContext): RequestHandler {
  return async (req, res) => {
    const { fields: body, files } = formOf(req);
    const sides = (['old', 'new'] as const).map((side) => {
      const file = files[`${side}File`];
      const text = body[`${side}Text`] ?? '';
      const chosen = file && file.bytes.length > 0 ? file : undefined;
      const bytes = chosen ? chosen.bytes : Buffer.from(text, 'utf8');
      const name = chosen ? path.basename(chosen.name) : `${side} text`;
      if (!chosen && !text.trim()) {
        throw new HttpError(400, `the ${side} text is empty: paste it or choose a file`);
      }
      decodeInput(bytes, name, { maxBytes: ctx.options.maxBodyBytes });
      return { bytes, name };
    });
    const chosen = typeof body['format'] === 'string' && FORMATS.has(body['format'] as SourceFormat) ? (body['format'] as SourceFormat) : undefined;
    const format = chosen ?? formatFromNames(sides.map((s) => s.name));
    const [oldId, newId] = await Promise.all(sides.map((s) => ctx.store.put(s.bytes)));
    res.redirect(303, compareHref({ old: oldId!, new: newId!, format }));
  };
}

/** @route GET /api/documents — the corpus as JSON. */
function listDocuments(ctx: ServerContext): RequestHandler {
  return (_req, res) => {
    const documents = ctx.corpus.documents.map((entry) => ({
      id: entry.id,
      title: entry.title,
      jurisdiction: entry.jurisdiction,
      kind: entry.kind,
      ...(entry.measure ? { measure: entry.measure } : {}),
      ...(entry.session ? { session: entry.session } : {}),
      ...(entry.stage ? { stage: entry.stage } : {}),
      ...(entry.date ? { date: entry.date } : {}),
      versions: versionsOf(ctx.corpus, entry).map((v) => ({ id: v.id, stage: v.stage ?? null, date: v.date ?? null })),
      touches: entry.touches ?? [],
    }));
    res.json({ documents });
  };
}

/** @route GET /api/compare?old=ID&new=ID | ?bill=ID&law=ID — `renderJson` of the alignment. */
function compareApi(ctx: ServerContext): RequestHandler {
  return async (req, res) => {
    const request = readComparisonRequest(req);
    const key = `json|${ctx.keyOf(request)}`;
    let json = ctx.pages.get(key);
    if (!json) {
      json = renderJson((await ctx.compare(request)).alignment);
      ctx.pages.set(key, json);
    }
    res.type('json').send(json);
  };
}

/** @route POST /api/compare — JSON `{"old": text, "new": text}` or multipart files `old`, `new`. */
function compareTextsApi(ctx: ServerContext): RequestHandler {
  return async (req, res) => {
    const form = formOf(req);
    const body = (req.body ?? form.fields) as Record<string, unknown>;
    const input = (side: 'old' | 'new') => {
      const file = form.files[side];
      if (file) return { bytes: new Uint8Array(file.bytes), file: path.basename(file.name) || side };
      const text = body[side];
      if (typeof text !== 'string') {
        throw new HttpError(400, `send both texts: JSON {"old": "…", "new": "…"} or multipart files named old and new (the ${side} text is missing)`);
      }
      return { bytes: new Uint8Array(Buffer.from(text, 'utf8')), file: side };
    };
    const format = typeof body['format'] === 'string' && FORMATS.has(body['format'] as SourceFormat) ? (body['format'] as SourceFormat) : undefined;
    res.type('json').send(await ctx.compareTextsJson(input('old'), input('new'), format));
  };
}

/** Reads `old`/`new` or `bill`/`law` (and `format`) from the query; ids are only looked up later. */
function readComparisonRequest(req: Request): ComparisonRequest {
  const q = req.query as Record<string, unknown>;
  const one = (name: string): string | undefined => {
    const value = q[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !value || value.length > 200) throw new HttpError(400, `the ${name} parameter must be one document id`);
    return value;
  };
  const format = one('format');
  const formatOption = format && FORMATS.has(format as SourceFormat) ? { format: format as SourceFormat } : {};
  const mode = one('mode');
  if (mode !== undefined && mode !== 'apply') throw new HttpError(400, 'the mode parameter must be apply (the Changes in Existing Law view), or left out');
  if (mode === 'apply') {
    const statute = one('old');
    // `new=A,B` or `new=A&new=B`: the bills, applied in that order.
    const given = q['new'];
    const list = (Array.isArray(given) ? given : [given]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
    if (!statute || !list.length || list.some((id) => typeof id !== 'string' || !id || id.length > 200)) {
      throw new HttpError(400, 'name the statute and the bill to apply to it: ?mode=apply&old=STATUTE&new=BILL (several bills as new=A,B, applied in order)');
    }
    const bills = list as string[];
    if (bills.length > MAX_BILLS) throw new HttpError(400, `apply at most ${MAX_BILLS} bills at a time`);
    return { mode: 'apply', old: statute, new: bills[0]!, bills, ...formatOption };
  }
  const bill = one('bill');
  const law = one('law');
  if (bill !== undefined || law !== undefined) {
    if (!bill || !law) throw new HttpError(400, 'compare a bill with the law it amends as ?bill=ID&law=ID');
    return { mode: 'law', old: law, new: bill, ...formatOption };
  }
  const old = one('old');
  const next = one('new');
  if (!old || !next) throw new HttpError(400, 'name two documents to compare: ?old=ID&new=ID (or ?bill=ID&law=ID)');
  return { mode: 'versions', old, new: next, ...formatOption };
}

function queryOf(request: ComparisonRequest): Record<string, string | undefined> {
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

function formatFromNames(names: string[]): SourceFormat | undefined {
  const formats = new Set(
    names.map((name) => (/\.(md|markdown)$/i.test(name) ? 'markdown' : /\.(caml|lob)$/i.test(name) ? 'caml' : /\.xml$/i.test(name) ? 'xml' : /\.txt$/i.test(name) ? 'text' : undefined)),
  );
  const [only] = formats;
  // `.xml` is CAML or federal bill XML: the parser tells them apart by the text.
  return formats.size === 1 && only && only !== 'xml' ? only : undefined;
}
