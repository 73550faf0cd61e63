/**
 * The routes: small named handlers, each with a `@route` line. They read the request,
 * ask the comparison service, and hand plain data to a template or to `renderJson`.
 */
import path from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { SourceFormat } from '../types.js';
import { decodeInput } from '../parse/input.js';
import type { CorpusEntry } from '../corpus/index.js';
import { compareHref, queryOf } from './compare-page.js';
import type { View } from './diff-task.js';
import { labelOf, nameOf, statutesOf, versionsOf } from './documents.js';
import { UploadGate, formOf, readForm } from './body.js';
import { HttpError, formatLimit } from './errors.js';
import type { ComparisonRequest, ServerContext } from './service.js';

const FORMATS = new Set<SourceFormat>(['text', 'markdown', 'caml', 'federal']);

/** Most bills one Changes in Existing Law comparison applies in turn. */
const MAX_BILLS = 8;

/** All routes of the app. */
export function createRoutes(ctx: ServerContext): Router {
  const router = express.Router();
  const maxBytes = ctx.options.maxBodyBytes;
  // Uploads up to 64 KB are always let in: they cost little, and a short comparison is never kept waiting.
  const gate = new UploadGate(ctx.options.maxLargeUploads, 64 * 1024);

  router.get('/', showIndex(ctx));
  router.get('/compare', showCompare(ctx, 'compare'));
  router.get('/compare/locate', locateLevel(ctx));
  router.get('/print', showCompare(ctx, 'print'));
  router.get('/upload', showUpload(ctx));
  router.post('/upload', ...readForm({ maxBytes, files: ['oldFile', 'newFile'], gate }), acceptUpload(ctx));
  router.get('/api/documents', listDocuments(ctx));
  router.get('/api/compare', compareApi(ctx));
  router.post('/api/compare', ...readForm({ maxBytes, files: ['old', 'new'], json: true, gate }), compareTextsApi(ctx));
  return router;
}

/** @route GET / — the corpus, by jurisdiction and session, each bill with its versions. */
function showIndex(ctx: ServerContext): RequestHandler {
  return (_req, res) => {
    const html = ctx.pages?.get('index') ?? Buffer.from(ctx.views.render('index', indexModel(ctx)));
    ctx.pages?.set('index', html);
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
  return { pageTitle: 'Bills in the corpus', sessions, statutes, options, hasDatabase: ctx.database !== undefined };
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
    res.type('html').send(await ctx.comparePage(request, { page, view, changesOnly, pageNumber }));
  };
}

/** `page=N`: a positive whole number, 1 when absent. */
function readPage(req: Request): number {
  const value = req.query['page'];
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value)) throw new HttpError(400, 'the page parameter must be a page number: 1, 2, 3…');
  return Number(value);
}

/** @route GET /compare/locate?old=ID&new=ID&anchor=c-… — which page of the comparison shows a level (JSON). */
function locateLevel(ctx: ServerContext): RequestHandler {
  return async (req, res) => {
    const request = readComparisonRequest(req);
    const anchor = req.query['anchor'];
    if (typeof anchor !== 'string' || !anchor || anchor.length > 1000) throw new HttpError(400, 'name the clause to find as anchor=c-…');
    const page = await ctx.locate(request, anchor.replace(/^#/, ''));
    if (page === undefined) throw new HttpError(404, 'no clause with that anchor in this comparison');
    const view = req.query['view'] === 'inline' ? 'inline' : undefined;
    res.json({ page, href: compareHref({ ...queryOf(request), view, page: page > 1 ? String(page) : undefined }) });
  };
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
    res.type('json').send(await ctx.compareJson(request));
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

function formatFromNames(names: string[]): SourceFormat | undefined {
  const formats = new Set(
    names.map((name) => (/\.(md|markdown)$/i.test(name) ? 'markdown' : /\.(caml|lob)$/i.test(name) ? 'caml' : /\.xml$/i.test(name) ? 'xml' : /\.txt$/i.test(name) ? 'text' : undefined)),
  );
  const [only] = formats;
  // `.xml` is CAML or federal bill XML: the parser tells them apart by the text.
  return formats.size === 1 && only && only !== 'xml' ? only : undefined;
}
