/**
 * Long comparisons are shown a page of rows at a time; print and short comparisons stay whole.
 * The texts are synthetic: 900 numbered paragraphs, three of them changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { closeApp, createApp } from '../../src/server/app.js';
import { alignTrees, parseDocument } from '../../src/index.js';
import { buildPageModel, completeRows, pagesOfAnchors, paginate, type Block, type LevelRow } from '../../src/render/page/index.js';
import { UploadStore } from '../../src/server/store.js';
import { comparePage } from '../../src/server/compare-page.js';

const PARAGRAPHS = 900;
const oldText = Array.from({ length: PARAGRAPHS }, (_, i) => `(${i + 1}) Paragraph ${i + 1} of the synthetic text says nothing in particular.`).join('\n\n');
const newText = oldText
  .replace('Paragraph 2 of the synthetic', 'Paragraph 2 of the revised')
  .replace('Paragraph 450 of the synthetic', 'Paragraph 450 of the revised')
  .replace('Paragraph 880 of the synthetic', 'Paragraph 880 of the revised');

describe('server/paging', () => {
  let base: string;
  let storeDir: string;
  let server: Server;
  let app: ReturnType<typeof createApp>;
  let query: string;

  before(async () => {
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-paging-'));
    const store = new UploadStore(storeDir);
    const [o, n] = await Promise.all([store.put(Buffer.from(oldText)), store.put(Buffer.from(newText))]);
    query = `old=${encodeURIComponent(o)}&new=${encodeURIComponent(n)}&format=text`;
    app = createApp({ storeDir });
    server = await new Promise((resolve) => {
      const s = app.listen(0, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await closeApp(app);
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  const rowsOf = (html: string) => (html.match(/<tr id="/g) ?? []).length;

  it('should show the first page of rows, the whole change list, and links to the other pages', async () => {
    const res = await fetch(`${base}/compare?${query}`);
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(rowsOf(html)).to.equal(300);
    expect(html).to.contain(`Clauses 1–300 of ${PARAGRAPHS}, page 1 of 3`);
    expect(html).to.match(/<h2 id="changes-h">3 changes<\/h2>/);
    // A change on this page links in the page; one on a later page carries its page.
    expect(html).to.match(/<li id="change-1"><a href="#c-/);
    expect(html).to.match(/<li id="change-2"><a href="\/compare\?[^"]*&amp;page&#x3D;2#c-[^"]+">/);
    expect(html).to.match(/<li id="change-3"><a href="\/compare\?[^"]*&amp;page&#x3D;3#c-[^"]+">/);
    expect(html).to.match(/data-next-change="\/compare\?[^"]*page&#x3D;2#c-/);
    expect(html).to.contain('rel="next"');
    expect(html).not.to.contain('style=');
  });

  it('should show a later page in either view, and refuse pages that do not exist', async () => {
    for (const view of ['', '&view=inline']) {
      const html = await (await fetch(`${base}/compare?${query}${view}&page=3`)).text();
      expect(rowsOf(html)).to.equal(PARAGRAPHS - 600);
      expect(html).to.contain('page 3 of 3');
      expect(html).to.match(/data-prev-change="\/compare\?[^"]*page&#x3D;2#c-/);
      expect(html).to.match(/<li id="change-3"><a href="#c-/);
    }
    expect((await fetch(`${base}/compare?${query}&page=4`)).status).to.equal(404);
    expect((await fetch(`${base}/compare?${query}&page=0`)).status).to.equal(400);
    expect((await fetch(`${base}/compare?${query}&page=two`)).status).to.equal(400);
  });

  it('should say which page holds a level', async () => {
    const page3 = await (await fetch(`${base}/compare?${query}&page=3`)).text();
    const anchor = /<li id="change-3"><a href="#(c-[^"]+)"/.exec(page3)![1]!;
    const res = await fetch(`${base}/compare/locate?${query}&view=inline&anchor=${encodeURIComponent(anchor)}`);
    expect(res.status).to.equal(200);
    const { page, href } = (await res.json()) as { page: number; href: string };
    expect(page).to.equal(3);
    expect(href).to.match(/^\/compare\?old=.*&view=inline&page=3$/);
    // Its errors are JSON too, as it answers.
    const missing = await fetch(`${base}/compare/locate?${query}&anchor=c-nowhere`);
    expect({ status: missing.status, type: missing.headers.get('content-type'), body: await missing.json() }).to.deep.equal({
      status: 404,
      type: 'application/json; charset=utf-8',
      body: { error: 'no clause with that anchor in this comparison' },
    });
  });

  it('should keep the print view whole', async () => {
    const html = await (await fetch(`${base}/print?${query}`)).text();
    expect(rowsOf(html)).to.equal(PARAGRAPHS);
    expect(html).not.to.contain('class="pager"');
  });

  it('should leave a short comparison on one page', async () => {
    const html = await (await fetch(`${base}/compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate`)).text();
    expect(html).not.to.contain('class="pager"');
    expect(html).not.to.contain('page&#x3D;');
  });

  it('should list on each page only its own changes when there are more than it lists whole, numbered as in the whole list', async () => {
    // Two paragraphs of every three changed: 600 changes, 200 on each page of 300 rows.
    const many = oldText.replace(/Paragraph (\d+) of the synthetic/g, (m, n: string) => (Number(n) % 3 ? `Paragraph ${n} of the revised` : m));
    const store = new UploadStore(storeDir);
    const [o, n] = await Promise.all([store.put(Buffer.from(oldText)), store.put(Buffer.from(many))]);
    const pageOf = async (page: number) => (await fetch(`${base}/compare?old=${encodeURIComponent(o)}&new=${encodeURIComponent(n)}&format=text&page=${page}`)).text();
    const items = (html: string) => [...html.matchAll(/<li id="change-(\d+)"><a href="([^"]*)"/g)].map((m) => [Number(m[1]), m[2]!.startsWith('#c-')]);
    const first = await pageOf(1);
    expect(first).to.contain('<h2 id="changes-h">600 changes, 200 on this page</h2>');
    expect(first).to.contain('<ol class="change-list" start="1">');
    expect(items(first)).to.deep.equal(Array.from({ length: 200 }, (_, i) => [i + 1, true]));
    const second = await pageOf(2);
    expect(second).to.contain('<h2 id="changes-h">600 changes, 200 on this page</h2>');
    expect(second).to.contain('<ol class="change-list" start="201">');
    expect(items(second)).to.deep.equal(Array.from({ length: 200 }, (_, i) => [i + 201, true]));
  });

  describe('paginate', () => {
    const row = (n: number, changed = false): LevelRow => ({
      anchor: `c-${n}`, citation: `(${n})`, status: changed ? 'modified' : 'unchanged', statusLabel: '', changed, depth: 0,
      old: [], new: [], inline: [], hasOld: true, hasNew: true,
    });
    it('should split folds of unchanged rows at page ends and never a redesignation', () => {
      const blocks: Block[] = [
        { fold: { kind: 'unchanged', summary: '12 unchanged clauses', rows: Array.from({ length: 12 }, (_, i) => row(i + 1)) } },
        { row: row(13, true) },
        { fold: { kind: 'redesignated', summary: 'x', rows: [row(14), row(15), row(16)] } },
        { row: row(17) },
      ];
      const pages = paginate(blocks, 5);
      expect(pages.map((p) => p.rows)).to.deep.equal([5, 5, 3, 4]);
      expect(pages.map((p) => p.first)).to.deep.equal([1, 6, 11, 14]);
      expect(pages[2]!.blocks.map((b) => ('row' in b ? b.row.anchor : b.fold.summary))).to.deep.equal(['c-11', 'c-12', 'c-13']);
      expect(pages[3]!.blocks.map((b) => ('row' in b ? b.row.anchor : b.fold.kind))).to.deep.equal(['redesignated', 'c-17']);
    });

    it('should page a model whose unchanged rows are made only when shown as one whose rows are all made', () => {
      // Two paragraphs deleted as well, so that runs of one and two unchanged rows stand between changes.
      const edited = newText.replace('(451) Paragraph 451 of the synthetic text says nothing in particular.', '').replace('(453) Paragraph 453 of the synthetic text says nothing in particular.', '');
      const alignment = alignTrees(parseDocument(oldText, 'old.txt').tree, parseDocument(edited, 'new.txt').tree);
      const whole = buildPageModel(alignment);
      const lazy = buildPageModel(alignment, { complete: false });
      expect([lazy.total, lazy.changes.length]).to.deep.equal([whole.total, whole.changes.length]).and.to.deep.equal([PARAGRAPHS, 5]);
      const [wholePages, lazyPages] = [paginate(whole.blocks, 100), paginate(lazy.blocks, 100)];
      expect(lazyPages.map((p) => [p.first, p.rows])).to.deep.equal(wholePages.map((p) => [p.first, p.rows]));
      // Every anchor, unchanged ones included, is on the same page before any row of the lazy model's later pages is made.
      const [wholeOf, lazyOf] = [pagesOfAnchors(wholePages), pagesOfAnchors(lazyPages)];
      const anchors = wholePages.flatMap((p) => p.blocks.flatMap((b) => ('row' in b ? [b.row] : b.fold.rows))).map((r) => r.anchor);
      expect(anchors).to.have.length(PARAGRAPHS);
      expect(anchors.map((a) => lazyOf.get(a))).to.deep.equal(anchors.map((a) => wholeOf.get(a)));
      expect(lazyOf.get('c-nothing')).to.equal(undefined);
      lazyPages.forEach((page, i) => {
        completeRows(page.blocks);
        expect(JSON.stringify(page.blocks), `page ${i + 1}`).to.equal(JSON.stringify(wholePages[i]!.blocks));
      });
    });

    it('should give every lazy fold the same getter, and the templates folds of plain data', () => {
      // A getter made per fold, or a fold handed on with its span, kept the comparison alive through the
      // diff worker's young-generation collection after each page (src/render/page/folds.ts, src/server/compare-page.ts).
      const alignment = alignTrees(parseDocument(oldText, 'old.txt').tree, parseDocument(newText, 'new.txt').tree);
      const lazyFolds = buildPageModel(alignment, { complete: false }).blocks.flatMap((b) => ('fold' in b ? [b.fold] : []));
      expect(lazyFolds).to.have.length(3);
      const getters = new Set(lazyFolds.map((f) => Object.getOwnPropertyDescriptor(f, 'rows')!.get));
      expect(getters.size).to.equal(1);
      expect([...getters][0]).to.be.a('function');
      const doc = (id: string) => ({ id, file: `${id}.txt`, name: 'Synthetic text', label: id });
      const comparison = { alignment, old: doc('old'), new: doc('new') };
      for (const pageNumber of [1, 2, 3]) {
        const page = comparePage(comparison, { mode: 'versions', old: 'old', new: 'new' }, 'side', false, pageNumber, []);
        const folds = page.blocks.flatMap((b) => ('fold' in b ? [b.fold] : []));
        expect(folds, `page ${pageNumber}`).to.not.have.length(0);
        for (const fold of folds) {
          expect(Reflect.ownKeys(fold), `page ${pageNumber}`).to.deep.equal(['kind', 'summary', 'rows']);
          expect(Object.getOwnPropertyDescriptor(fold, 'rows')!.value).to.be.an('array').that.is.not.empty;
        }
      }
    });
  });
});
