import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { SaxesParser } from 'saxes';
import { importPaths } from '../../src/import/index.js';
import { closeApp, createApp } from '../../src/server/app.js';
import { openDatabase, type Database } from '../../src/store/index.js';
import { listen } from '../helpers/browser.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { describeShared, sharedPath } from '../helpers/shared.js';
import { describeBackends, type Backend } from '../store/backends.js';

/** A page of the server at `base`, which must answer 200. */
async function pageAt(base: string, url: string): Promise<string> {
  const res = await fetch(base + url);
  expect(res.status, url).to.equal(200);
  return res.text();
}

/**
 * The app over a database of the suite's backend with `paths` imported, served on 127.0.0.1 before the
 * suite's tests and closed after them; resolves once it listens.
 */
function serveDatabase(backend: () => Backend, paths: () => string[]): Promise<{ base: string }> {
  let db: Database | undefined;
  let server: Server | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  let uploads: string | undefined;
  let ready!: (value: { base: string }) => void;
  const served = new Promise<{ base: string }>((resolve) => (ready = resolve));
  before(async () => {
    // Searches in worker threads, as the server runs them.
    db = await openDatabase({ ...backend().options, searchThreads: 2 });
    await importPaths(db, paths());
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-uploads-'));
    app = createApp({ database: db, storeDir: uploads });
    const listening = await listen(app);
    server = listening.server;
    ready({ base: listening.base });
  });
  after(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (app) await closeApp(app);
    await db?.close();
    if (uploads) fs.rmSync(uploads, { recursive: true, force: true });
  });
  return served;
}

describeBackends('server: the database pages and API', (backend) => {
  const served = serveDatabase(backend, () => [billsPath(), fixturePath('store-pubinfo-synthetic', 'session')]);
  let base: string;
  before(async () => {
    ({ base } = await served);
  });

  const json = async (url: string) => {
    const res = await fetch(base + url);
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
  };

  it('GET /api/search should find a bill by citation and sections and bills by number, with highlights', async () => {
    const bill = await json('/api/search?q=AB%201656');
    expect(bill.status).to.equal(200);
    expect(bill.body).to.deep.equal({
      results: [
        {
          kind: 'bill',
          id: 'ca-20252026-0-ab1656',
          title: 'AB 1656 (2025–26 Regular Session) — Human trafficking case continuances',
          snippet: 'Human trafficking case continuances',
          url: '/bills/ca-20252026-0-ab1656',
          measure: 'AB 1656',
          session: '20252026-0',
          authors: [{ name: 'Davies', role: 'lead author', house: 'Assembly' }],
          highlights: [],
        },
      ],
      authors: [],
      named: [],
      total: 1,
      offset: 0,
      limit: 20,
      found: 'citation',
      matches: { bills: 1, sections: 0 },
      ranked: { bills: 0, sections: 0 },
    });
    const results = (await json('/api/search?q=7284.6')).body['results'] as Array<{ kind: string; id: string; snippet: string; highlights: Array<[number, number]> }>;
    expect(results.map((r) => `${r.kind} ${r.id}`)).to.have.members(['section GOV/7284.6', 'bill ca-20232024-0-ab2641', 'bill ca-20172018-0-sb54']);
    // Government Code § 7284.6 is not in the database: its result says so, how many bills touch it and how many would override it.
    expect(results.find((r) => r.kind === 'section')!.snippet).to.equal('Not in the database; 2 bills touch it, 1 of them would override it.');
    const ab2641 = results.find((r) => r.id === 'ca-20232024-0-ab2641')!;
    expect(ab2641.snippet).to.contain('Notwithstanding Section 7282.5 or 7284.6, law enforcement officials');
    expect(ab2641.highlights.map(([a, b]) => ab2641.snippet.slice(a, b))).to.deep.equal(['7284.6']);
  });

  it('should lead a bill’s citation in its address to its key’s, the newest session’s where it names none, and say which it cannot', async () => {
    const to = async (url: string) => {
      const res = await fetch(base + url, { redirect: 'manual' });
      return [res.status, res.headers.get('location') ?? ((await res.json().catch(() => undefined)) as { error?: string } | undefined)?.error];
    };
    expect(await to('/bills/AB%201656')).to.deep.equal([302, '/bills/ca-20252026-0-ab1656']);
    expect(await to('/bills/Assembly%20Bill%20No.%201656/feed')).to.deep.equal([302, '/bills/ca-20252026-0-ab1656/feed']);
    expect(await to('/api/bills/sb54-2017')).to.deep.equal([302, '/api/bills/ca-20172018-0-sb54']);
    expect(await to('/api/bills/hr766-114')).to.deep.equal([302, '/api/bills/us-114-hr766']);
    expect(await to('/api/bills/AB%209999')).to.deep.equal([404, 'no bill AB 9999 in the database']);
    // A page of the Statutes at Large is a law's citation too (this database holds no federal law).
    expect(await to('/api/bills/130%20Stat.%20615')).to.deep.equal([404, 'no law cited 130 Stat. 615 in the database']);
    // Not a citation, or a key: as before.
    expect(await to('/api/bills/nonsense')).to.deep.equal([404, 'no bill nonsense in the database']);
    expect((await to('/api/bills/ca-20252026-0-ab1656'))[0]).to.equal(200);
  });

  it('should show a version’s text by the version’s name, with the sections it touches and the versions either side', async () => {
    const html = await (await fetch(`${base}/bills/ca-20252026-0-ab9001/versions/introduced`)).text();
    expect(html).to.contain('<title>AB 9001 (2025–26 Regular Session), Introduced, January 5, 2026 · billdiff</title>');
    expect(html).to.contain(
      '<nav class="version-nav" aria-label="Versions of the bill"><p><a href="/bills/ca-20252026-0-ab9001/versions/amended-assembly" rel="next">Amended in Assembly, March 2, 2026 →</a></p></nav>',
    );
    const amended = await (await fetch(`${base}/bills/ca-20252026-0-ab9001/versions/latest`)).text();
    expect(amended).to.contain(
      '<p><a href="/bills/ca-20252026-0-ab9001/versions/introduced" rel="prev">← Introduced, January 5, 2026</a> · <a href="/compare?old&#x3D;ver%3A20250AB900199INT&amp;new&#x3D;ver%3A20250AB900198AMD">changes from the version before</a></p>',
    );
    expect(amended).to.contain('<p class="vsections">Amends <a href="/sections/PEN/99001">Penal Code § 99001</a> (<a href="/compare?bill&#x3D;ver%3A20250AB900198AMD&amp;law&#x3D;law%3APEN%3A99001">the changes</a>).</p>\n<p class="vsections">Also cites <a href="/sections/PEN/99002">Penal Code § 99002</a> (overrides).</p>');
    // Its text, a line to a paragraph, escaped.
    const { body } = await json('/api/bills/ca-20252026-0-ab9001/versions/2');
    expect(amended).to.contain(`<div class="law-text bill-text">${String(body['text']).split('\n').filter((l) => l.trim()).map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/=/g, '&#x3D;').replace(/`/g, '&#x60;')}</p>`).join('')}</div>`);
    expect([body['name'], body['docId'], body['url']]).to.deep.equal(['amended-assembly', 'ver:20250AB900198AMD', '/bills/ca-20252026-0-ab9001/versions/amended-assembly']);
    // A section it amends that the database holds: the version compared with it; one it cites: none.
    expect(body['sections']).to.deep.equal([
      { code: 'PEN', section: '99001', relation: 'amends', url: '/sections/PEN/99001', lawUrl: '/compare?bill=ver%3A20250AB900198AMD&law=law%3APEN%3A99001' },
      { code: 'PEN', section: '99002', relation: 'cites', override: 'notwithstanding', url: '/sections/PEN/99002' },
    ]);
    // The bill's page links each version's text.
    expect(await (await fetch(`${base}/bills/ca-20252026-0-ab9001`)).text()).to.contain('<p class="links"><a href="/bills/ca-20252026-0-ab9001/versions/introduced">its text</a></p>');
    const missing = await json('/api/bills/ca-20252026-0-ab9001/versions/enrolled');
    expect([missing.status, missing.body['error']]).to.deep.equal([404, 'AB 9001 has no version "enrolled"; its versions: introduced, amended-assembly, or first, latest, previous']);
  });

  it('GET /api/bills/:id should give the bill, its versions, history and the sections it touches', async () => {
    const { status, body } = await json('/api/bills/ca-20252026-0-ab9001');
    expect(status).to.equal(200);
    expect(body).to.include({ id: 'ca-20252026-0-ab9001', measure: 'AB 9001', session: '20252026-0', status: 'In Committee Process', pending: true });
    expect((body['versions'] as Array<Record<string, unknown>>).map((v) => [v['id'], v['name'], v['date'], v['compareUrl']])).to.deep.equal([
      ['20250AB900199INT', 'introduced', '2026-01-05', undefined],
      ['20250AB900198AMD', 'amended-assembly', '2026-03-02', '/compare?old=ver%3A20250AB900199INT&new=ver%3A20250AB900198AMD'],
    ]);
    expect((body['versions'] as Array<Record<string, unknown>>).map((v) => v['textUrl'])).to.deep.equal(['/bills/ca-20252026-0-ab9001/versions/introduced', '/bills/ca-20252026-0-ab9001/versions/amended-assembly']);
    expect((body['versions'] as Array<Record<string, unknown>>)[1]!['sections']).to.deep.equal([
      { code: 'PEN', section: '99001', relation: 'amends', url: '/sections/PEN/99001' },
      { code: 'PEN', section: '99002', relation: 'cites', override: 'notwithstanding', url: '/sections/PEN/99002' },
    ]);
    expect(body['history']).to.deep.equal([
      { date: '2026-01-05', action: 'Read first time. To print.' },
      { date: '2026-03-02', action: "From committee chair, with author's amendments: Amend, and re-refer." },
    ]);
    expect(body['sections']).to.deep.equal([
      // AB 9005, pending, amends it too in its latest version (AB 9002 did only as introduced): both bills' amendments applied in turn.
      {
        code: 'PEN',
        section: '99001',
        relation: 'amends',
        name: 'Penal Code § 99001',
        url: '/sections/PEN/99001',
        inDatabase: true,
        lawUrl: '/compare?bill=ver%3A20250AB900198AMD&law=law%3APEN%3A99001',
        otherPending: [{ id: 'ca-20252026-0-ab9005', measure: 'AB 9005', relation: 'amends', url: '/bills/ca-20252026-0-ab9005' }],
        inTurnUrl: '/compare?mode=apply&old=law%3APEN%3A99001&new=ver%3A20250AB900198AMD%2Cver%3A20250AB900599INT',
      },
      // "(b) This subdivision applies notwithstanding Section 99002.": a section the bill would override.
      { code: 'PEN', section: '99002', relation: 'cites', override: 'notwithstanding', name: 'Penal Code § 99002', url: '/sections/PEN/99002', inDatabase: false },
    ]);
  });

  it('GET /api/sections/:code/:number should give the section and every bill touching it, newest first', async () => {
    const { status, body } = await json('/api/sections/PEN/99001');
    expect(status).to.equal(200);
    expect(body).to.include({ code: 'PEN', number: '99001', heading: '', inDatabase: true, text: '(a) A synthetic court shall hear a synthetic motion within five days after it is filed.\n(b) This subdivision applies notwithstanding Section 99002.' });
    expect((body['bills'] as Array<Record<string, unknown>>).map((b) => [b['id'], b['measure'], b['session'], b['relation'], b['version'], b['url']])).to.deep.equal([
      ['ca-20252026-0-ab9001', 'AB 9001', '20252026-0', 'amends', 'amended-assembly', '/compare?bill=ver%3A20250AB900198AMD&law=law%3APEN%3A99001'],
      ['ca-20252026-0-ab9005', 'AB 9005', '20252026-0', 'amends', 'introduced', '/compare?bill=ver%3A20250AB900599INT&law=law%3APEN%3A99001'],
      ['ca-20252026-0-ab9002', 'AB 9002', '20252026-0', 'amends', 'introduced', '/compare?bill=ver%3A20250AB900299INT&law=law%3APEN%3A99001'],
    ]);
    const gov = await json('/api/sections/GOV/7284.6');
    expect(gov.body).to.include({ code: 'GOV', number: '7284.6', inDatabase: false });
    // AB 2641: "Notwithstanding Section 7282.5 or 7284.6, law enforcement officials shall …": a citation it would override.
    expect((gov.body['bills'] as Array<Record<string, unknown>>).map((b) => `${b['measure']} ${b['relation']} ${b['override']}`)).to.deep.equal(['AB 2641 cites notwithstanding', 'SB 54 adds undefined']);
    const byName = await json('/api/sections/Penal%20Code/1050');
    expect(byName.body).to.include({ code: 'PEN', number: '1050', inDatabase: true });
    // The code as courts abbreviate it, and as practitioners write it: the same section.
    for (const code of ['Pen.%20Code', 'PC']) expect((await json(`/api/sections/${code}/1050`)).body, code).to.deep.equal(byName.body);
    // Who brings each bill: the lead authors of its latest version naming any (AB 1656's CAML: Assembly Member Davies); none named, none given.
    expect((byName.body['bills'] as Array<Record<string, unknown>>).map((b) => [b['measure'], b['jurisdiction'], b['authors']])).to.deep.equal([['AB 1656', 'ca', [{ name: 'Davies', role: 'lead author', house: 'Assembly' }]]]);
    expect((gov.body['bills'] as Array<Record<string, unknown>>).map((b) => b['authors'])).to.deep.equal([[], []]);
  });

  it('should answer 404 and 400 in JSON, with a plain message', async () => {
    expect(await json('/api/sections/PEN/424242')).to.deep.include({ status: 404, body: { error: 'PEN 424242 is not in the database, and no bill in it touches it' } });
    expect(await json('/api/bills/ca-20252026-0-ab1')).to.deep.include({ status: 404, body: { error: 'no bill ca-20252026-0-ab1 in the database' } });
  });

  it('should send every page and error the security headers of the other pages, in their order, and answer HEAD and If-None-Match', async () => {
    /** Status, headers in the order sent (Date and Connection left out) and body of one request. */
    const raw = (method: string, url: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: string[]; body: string }>((resolve, reject) => {
        const req = http.request(base + url, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const pairs: string[] = [];
            for (let i = 0; i < res.rawHeaders.length; i += 2) if (!/^(?:date|connection|keep-alive)$/i.test(res.rawHeaders[i]!)) pairs.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
            resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks).toString() });
          });
        });
        req.on('error', reject);
        req.end();
      });
    // The corpus page's headers up to its own (helmet's, as the app configures it).
    const index = await raw('GET', '/');
    const security = index.headers.slice(0, index.headers.findIndex((h) => h.startsWith('Content-Type:')));
    expect(security[0]).to.match(/^Content-Security-Policy: default-src 'none';script-src 'self';style-src 'self';/);
    expect(security).to.include('X-Content-Type-Options: nosniff');
    expect(security).to.have.length(12);
    const url = '/bills/ca-20252026-0-ab1656';
    for (const [page, type] of [[url, 'text/html'], ['/api/bills/ca-20252026-0-ab1656', 'application/json'], ['/sections/PEN/1050', 'text/html'], ['/sessions', 'text/html']] as const) {
      const got = await raw('GET', page);
      expect(got.status, page).to.equal(200);
      const etag = got.headers[13]!.slice('ETag: '.length);
      expect(etag, page).to.match(/^W\/"[A-Za-z0-9_-]{27}"$/);
      expect(got.headers, page).to.deep.equal([...security, `Content-Type: ${type}; charset=utf-8`, `ETag: ${etag}`, `Content-Length: ${Buffer.byteLength(got.body)}`]);
      expect(await raw('HEAD', page), page).to.deep.equal({ status: 200, headers: got.headers, body: '' });
      for (const match of [etag, `"x", ${etag.slice(2)}`, '*']) expect(await raw('GET', page, { 'If-None-Match': match }), match).to.deep.equal({ status: 304, headers: [...security, `ETag: ${etag}`], body: '' });
      expect(await raw('GET', page, { 'If-None-Match': etag, 'Cache-Control': 'no-cache' })).to.deep.equal(got);
      expect(await raw('GET', page, { 'If-None-Match': 'W/"x"' })).to.deep.equal(got);
    }
    // Errors, the router's 400 for a bad escape, and the methods a page has not.
    for (const [method, page, status] of [['GET', '/bills/ca-20252026-0-ab1', 404], ['GET', '/bills/%E0%A4%A', 400], ['POST', url, 404], ['OPTIONS', url, 200]] as const) {
      const got = await raw(method, page);
      expect(got.status, `${method} ${page}`).to.equal(status);
      expect(got.headers.slice(0, 12), `${method} ${page}`).to.deep.equal(security);
    }
  });

  it('GET /api/search should refuse each bad parameter with a 400 that names it and its range', async () => {
    const refused = async (query: string) => {
      const { status, body } = await json(`/api/search?${query}`);
      expect(status, query).to.equal(400);
      return body['error'];
    };
    expect(await refused('q=a&limit=999999999')).to.equal('the limit parameter must be a whole number from 1 to 100');
    expect(await refused('q=a&limit=0')).to.equal('the limit parameter must be a whole number from 1 to 100');
    expect(await refused('q=a&limit=2.5')).to.equal('the limit parameter must be a whole number from 1 to 100');
    expect(await refused('q=a&limit=-1')).to.equal('the limit parameter must be a whole number from 1 to 100');
    expect(await refused('q=a&offset=1001')).to.equal('the offset parameter must be a whole number from 0 to 1000');
    expect(await refused('q=a&offset=x')).to.equal('the offset parameter must be a whole number from 0 to 1000');
    expect(await refused('q=a&limit=5&limit=6')).to.equal('the limit parameter must be given once, as text');
    expect(await refused('')).to.equal('give the words to search for as ?q=… (1 to 200 characters), or an author');
    expect(await refused(`q=${'x'.repeat(201)}`)).to.equal('the q parameter must be 1 to 200 characters long');
    expect(await refused('q=a&session=1887-88')).to.match(/^the session parameter must be a session of the database: 20252026-0 \(2025–26 Regular Session\), .*114 \(114th Congress\)$/);
    expect(await refused('q=a&code=XYZ')).to.equal("the code parameter must be a code: a California code's abbreviation or name (PEN, Penal Code) or a U.S. Code title (usc54, 54 U.S.C.)");
    expect(await refused('q=a&house=lords')).to.equal('the house parameter must be assembly, senate or house');
    expect(await refused('q=a&status=%3Cscript%3E')).to.equal('the status parameter must be pending, chaptered, or a status as the Legislature gives it (1 to 60 letters)');
    expect(await refused('q=a&page=2')).to.equal('unknown parameter "page": /api/search takes q, limit, offset, session, house, status, code and author');
    expect(await refused('q=a&author=Nobody')).to.equal('the author parameter must name an author of the database: no bill version names “Nobody”');
    expect(await refused(`q=a&author=${'x'.repeat(101)}`)).to.equal("the author parameter must be an author's name (1 to 100 characters): Davies, Senator Wiener, Shuster");
    expect(await refused('q=a&author=Davies%07')).to.equal("the author parameter must be an author's name (1 to 100 characters): Davies, Senator Wiener, Shuster");
    // An author as a person names them: the bills any version of which names them.
    for (const author of ['Davies', 'Assembly%20Member%20Davies', 'davies']) {
      const byAuthor = await json(`/api/search?q=continuance&author=${author}`);
      expect((byAuthor.body['results'] as Array<{ id: string }>).map((r) => r.id), author).to.deep.equal(['ca-20252026-0-ab1656']);
    }
    // No words but an author: their bills, newest session first, then by number, and the authors so named.
    const theirs = await json('/api/search?author=Davies&status=pending');
    expect([theirs.status, (theirs.body['results'] as Array<{ id: string }>).map((r) => r.id), theirs.body['found'], theirs.body['total'], (theirs.body['authors'] as Array<{ title: string }>).map((a) => a.title)]).to.deep.equal([
      200,
      ['ca-20252026-0-ab1656'],
      'filters',
      1,
      ['Assembly Member Davies'],
    ]);
    expect((await json('/api/search?author=Davies&house=senate')).body).to.deep.include({ results: [], total: 0 });
    // Every parameter in range is taken: a session by name, a code by name.
    const ok = await json('/api/search?q=synthetic&limit=100&offset=0&session=2025-26&house=assembly&status=pending&code=Penal%20Code');
    expect(ok.status).to.equal(200);
    expect((ok.body['results'] as Array<{ id: string }>).map((r) => r.id)).to.have.members(['ca-20252026-0-ab9001', 'ca-20252026-0-ab9005', 'ca-20252026-0-ab9002']);
    // A bill's status, as BILL_TBL gives it, beside its title: in the API and on the search page.
    expect(((await json('/api/search?q=AB%209002')).body['results'] as Array<{ id: string; status?: string }>).map((r) => [r.id, r.status])).to.deep.equal([['ca-20252026-0-ab9002', 'In Floor Process']]);
    expect(await pageAt(base, '/search?q=AB%209002')).to.contain('<a href="/bills/ca-20252026-0-ab9002">AB 9002 (2025–26 Regular Session) — Synthetic widgets.</a> <span class="status">· In Floor Process</span>\n');
    // Who brings a bill, linked to their page, before its status (the bundled AB 1656 has none).
    expect(await pageAt(base, '/search?q=AB%201656')).to.contain(
      '<a href="/bills/ca-20252026-0-ab1656">AB 1656 (2025–26 Regular Session) — Human trafficking case continuances</a> <span class="by">· by <a href="/sessions/ca/20252026-0/authors/Davies">Assembly Member Davies</a></span>\n',
    );
    // The search page takes the same parameters (and page for limit and offset).
    const page = await fetch(`${base}/search?q=a&page=42`);
    expect(page.status).to.equal(400);
    expect(await page.text()).to.contain('the page parameter must be a whole number from 1 to 41');
    // The search page: the author in its form; with no words, the authors it names, each linked to their bills.
    const byAuthor = await pageAt(base, '/search?q=continuance&author=Davies');
    expect(byAuthor).to.contain('<span class="filter"><label for="f-author">Author</label> <input id="f-author" name="author" value="Davies" size="12" maxlength="100" placeholder="Davies"></span>');
    expect(byAuthor).to.contain('<a href="/bills/ca-20252026-0-ab1656">AB 1656 (2025–26 Regular Session) — Human trafficking case continuances</a>');
    const noWords = await pageAt(base, '/search?author=davies');
    expect(noWords).to.contain('<title>Search: author davies · billdiff</title>');
    expect(noWords).to.contain('<p class="authors-found">Authors named “davies”: <a href="/sessions/ca/20252026-0/authors/Davies">Assembly Member Davies</a> (2025–26 Regular Session, 1 bill).</p>');
    expect(noWords).to.contain('<p class="lede">The one result for the author “davies”, the newest session first, then by number.</p>');
    // None left by the other filters: the author's bills without them.
    expect(await pageAt(base, '/search?author=davies&house=senate')).to.contain('<p class="lede">Nothing else found for the author “davies” with these filters (<a href="/search?author&#x3D;davies">search without them</a>).</p>');
  });

  it('GET /api/search should rank every full-text match, say how many there are, and page through them', async () => {
    const all = await json('/api/search?q=synthetic&limit=100');
    const results = all.body['results'] as Array<{ kind: string; id: string }>;
    expect(all.body).to.deep.include({ total: 6, offset: 0, limit: 100, found: 'full-text', matches: { bills: 4, sections: 2 }, ranked: { bills: 4, sections: 2 } });
    // Bills and sections in turn, each ranked by relevance; then the bills left.
    expect(results.map((r) => r.kind)).to.deep.equal(['bill', 'section', 'bill', 'section', 'bill', 'bill']);
    expect(results.map((r) => r.id)).to.have.members(['ca-20252026-0-ab9001', 'ca-20252026-0-ab9002', 'ca-20252026-0-ab9005', 'ca-20252026-0-sb9003', 'PEN/99001', 'GOV/99010']);
    const pages = [];
    for (const offset of [0, 4]) pages.push(...((await json(`/api/search?q=synthetic&limit=4&offset=${offset}`)).body['results'] as Array<{ id: string }>));
    expect(pages.map((r) => r.id)).to.deep.equal(results.map((r) => r.id));
  });

  it('should compare database versions and sections by their ids, and keep the old permalinks', async () => {
    const law = await fetch(`${base}/compare?bill=ver%3A20250AB900198AMD&law=law%3APEN%3A99001`);
    expect(law.status).to.equal(200);
    const html = await law.text();
    expect(html).to.contain('Penal Code § 99001');
    expect(html).to.contain('served on every party');
    const old = await fetch(`${base}/compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate`);
    expect(old.status).to.equal(200);
    expect(await fetch(`${base}/compare?old=ver%3ANOPE&new=ver%3A20250AB900198AMD`).then((r) => r.status)).to.equal(404);
  });

  it('GET /sessions/:jurisdiction/:session/authors/:name should list the session’s bills that name the author, each bill page linking its authors’', async () => {
    const res = await fetch(`${base}/sessions/ca/20252026-0/authors/Davies`);
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(html).to.contain('<title>Assembly Member Davies: bills of the 2025–26 Regular Session · billdiff</title>');
    expect(html).to.contain('<p class="lede">1 bill of the <a href="/sessions/ca/20252026-0">2025–26 Regular Session</a> names Assembly Member Davies as an author, by number · <a href="/sessions/ca/20252026-0/authors">all its authors</a> · <a href="/sessions/ca/20252026-0/authors/Davies/feed" type="application/atom+xml">Atom feed</a></p>');
    expect(html).to.contain('<link rel="alternate" type="application/atom+xml" href="/sessions/ca/20252026-0/authors/Davies/feed" title="Assembly Member Davies: bills of the 2025–26 Regular Session, by their latest versions">');
    // Their feed: their bills by their latest versions, newest first, well-formed Atom.
    const feed = await fetch(`${base}/sessions/ca/20252026-0/authors/Davies/feed`);
    expect(feed.headers.get('content-type')).to.match(/^application\/atom\+xml/);
    const xml = await feed.text();
    expect(feedTitles(xml)).to.deep.equal(['Assembly Member Davies: bills of the 2025–26 Regular Session, by their latest versions', 'AB 1656: Amended in Senate, June 11, 2026']);
    expect(xml).to.contain('<id>urn:billdiff:author:ca:20252026-0:Davies</id>\n<link rel="self" type="application/atom+xml" href="/sessions/ca/20252026-0/authors/Davies/feed"/>\n<link rel="alternate" type="text/html" href="/sessions/ca/20252026-0/authors/Davies"/>\n<updated>2026-06-11T00:00:00Z</updated>');
    expect(xml).to.contain('<id>urn:billdiff:version:ca-20252026-0-ab1656:amended-senate</id>\n<updated>2026-06-11T00:00:00Z</updated>\n<link rel="alternate" type="text/html" href="/bills/ca-20252026-0-ab1656"/>\n<summary>Human trafficking case continuances · Lead author</summary>');
    const noFeed = await fetch(`${base}/sessions/ca/20252026-0/authors/Nobody/feed`);
    expect(noFeed.status).to.equal(404);
    expect(await noFeed.text()).to.contain('no bill of the 2025–26 Regular Session in the database names “Nobody” as an author');
    expect(html).to.match(/<tr><th scope="row"><a href="\/bills\/ca-20252026-0-ab1656">AB 1656<\/a><\/th><td>[^<]+<\/td><td>lead author<\/td><td>Amended in Senate, June 11, 2026<\/td>/);
    // Every author of the session, each linked to their bills; a session none of whose versions names its authors says so.
    const all = await (await fetch(`${base}/sessions/ca/20252026-0/authors`)).text();
    expect(all).to.contain('<h1>Authors of the 2025–26 Regular Session</h1>\n<p class="lede">The bills of the <a href="/sessions/ca/20252026-0">2025–26 Regular Session</a> name 1 author: by surname, each with their bills.</p>\n<ul class="author-list">\n<li><a href="/sessions/ca/20252026-0/authors/Davies">Assembly Member Davies</a> <span class="muted">· 1 bill</span></li>\n</ul>');
    const none = await fetch(`${base}/sessions/us/114/authors`);
    expect(none.status).to.equal(200);
    const bill = await (await fetch(`${base}/bills/ca-20252026-0-ab1656`)).text();
    expect(bill).to.contain('<div class="authors"><p>Lead author: <a href="/sessions/ca/20252026-0/authors/Davies">Assembly Member Davies</a>.</p>\n</div>');
    const api = await json('/api/bills/ca-20252026-0-ab1656');
    expect(api.body['authors']).to.deep.equal([{ name: 'Davies', role: 'lead author', house: 'Assembly' }]);
    expect((api.body['versions'] as Array<Record<string, unknown>>).map((v) => v['authors'])).to.deep.equal(Array(3).fill([{ name: 'Davies', role: 'lead author', house: 'Assembly' }]));
    // A bill none of whose versions names its authors (the synthetic session's) has none.
    expect((await json('/api/bills/ca-20252026-0-ab9001')).body['authors']).to.deep.equal([]);
    for (const [url, says] of [
      ['/sessions/ca/20252026-0/authors/Nobody', 'no bill of the 2025–26 Regular Session in the database names “Nobody” as an author'],
      [`/sessions/ca/20252026-0/authors/${'x'.repeat(201)}`, 'an author is named as a bill names them, 1 to 200 characters'],
      ['/sessions/ca/19991900-0/authors/Davies', 'no bills of session 19991900-0 in the database'],
    ]) {
      const missing = await fetch(base + url);
      expect(missing.status, url).to.equal(404);
      expect(await missing.text(), url).to.contain(says);
    }
  });

  it('GET /search and /api/search should name the authors a query names, beside what the words find', async () => {
    for (const q of ['Davies', 'assembly member davies', 'Assemblymember Davies']) {
      const html = await (await fetch(`${base}/search?q=${encodeURIComponent(q)}`)).text();
      expect(html, q).to.contain(`<p class="authors-found">Authors named “${q}”: <a href="/sessions/ca/20252026-0/authors/Davies">Assembly Member Davies</a> (2025–26 Regular Session, 1 bill).</p>`);
      expect(html, q).to.contain(`<p class="lede">Nothing else found for “${q}”.</p>`);
    }
    // Its own quotes are not doubled.
    expect(await (await fetch(`${base}/search?q=${encodeURIComponent('“Davies”')}`)).text()).to.contain('<p class="authors-found">Authors named “Davies”: <a href="/sessions/ca/20252026-0/authors/Davies">');
    const davies = { name: 'Davies', title: 'Assembly Member Davies', jurisdiction: 'ca', session: '20252026-0', bills: 1, url: '/sessions/ca/20252026-0/authors/Davies' };
    expect((await json('/api/search?q=Davies')).body['authors']).to.deep.equal([davies]);
    // On the first page only; none for words that name no one.
    expect((await json('/api/search?q=Davies&offset=20')).body['authors']).to.deep.equal([]);
    expect((await json('/api/search?q=continuance')).body['authors']).to.deep.equal([]);
    expect(await (await fetch(`${base}/search?q=continuance`)).text()).not.to.contain('authors-found');
  });

  it('GET /search and /api/search should name the bills a query names by their short titles, and a bill’s page its short titles', async () => {
    // SB 54 (2017, bundled): "This chapter shall be known, and may be cited, as the California Values Act."
    const sb54 = { kind: 'bill', name: 'California Values Act', id: 'ca-20172018-0-sb54', measure: 'SB 54', session: '20172018-0', title: 'SB 54 (2017–18 Regular Session)', url: '/bills/ca-20172018-0-sb54' };
    expect((await json('/api/search?q=California%20Values%20Act')).body['named']).to.deep.equal([sb54]);
    expect((await json('/api/search?q=the%20california%20values%20act')).body['named']).to.deep.equal([sb54]);
    const html = await pageAt(base, '/search?q=California%20Values%20Act');
    expect(html).to.contain('<p class="names-found">By that name: <a href="/bills/ca-20172018-0-sb54">SB 54 (2017–18 Regular Session)</a> (“California Values Act”).</p>');
    // On the first page only; none for words that are no bill's name.
    expect((await json('/api/search?q=California%20Values%20Act&offset=20')).body['named']).to.deep.equal([]);
    expect((await json('/api/search?q=continuance')).body['named']).to.deep.equal([]);
    expect(await pageAt(base, '/search?q=continuance')).not.to.contain('names-found');
    // H.R. 1058 (116th Congress, bundled): "This Act may be cited as the “Autism Collaboration, …” or the “Autism CARES Act of 2019”."
    expect((await json('/api/bills/us-116-hr1058')).body['shortTitles']).to.deep.equal(['Autism Collaboration, Accountability, Research, Education, and Support Act of 2019', 'Autism CARES Act of 2019']);
    expect(await pageAt(base, '/bills/us-116-hr1058')).to.contain('<p class="short-titles">Short titles: “Autism Collaboration, Accountability, Research, Education, and Support Act of 2019”; “Autism CARES Act of 2019”.</p>');
    expect((await json('/api/bills/ca-20252026-0-ab9001')).body['shortTitles']).to.deep.equal([]);
    expect(await pageAt(base, '/bills/ca-20252026-0-ab9001')).not.to.contain('short-titles');
  });

  it('should render the bill, section, session and search pages, escaped, with a search box', async () => {
    const page = (url: string) => pageAt(base, url);
    const bill = await page('/bills/ca-20252026-0-ab9002');
    expect(bill).to.contain('<span class="tag gut">gut and amend</span>');
    expect(bill).to.contain('72 words inserted, 40 deleted against Introduced');
    expect(bill).to.contain('<form class="site-search" role="search" method="get" action="/search">');
    // A section cited "notwithstanding" it, apart from the other citations.
    expect(await page('/bills/ca-20232024-0-ab2641')).to.contain(
      '<p class="cites overrides"><span class="relation r-cites r-overrides" title="Cited “notwithstanding”: the bill’s words would prevail over the section’s">overrides</span> <a href="/sections/GOV/7282.5">Government Code § 7282.5</a>, <a href="/sections/GOV/7284.6">Government Code § 7284.6</a> <span class="muted">· notwithstanding them</span></p>\n<p class="cites">Also cites <a href="/sections/GOV/7284.4">Government Code § 7284.4</a>, <a href="/sections/PEN/261.5">Penal Code § 261.5</a>,',
    );
    // Any two of its versions compared: a form of the two, and the first against the latest in one click.
    expect(await page('/bills/ca-20252026-0-ab1656')).to.contain(
      '<form class="compare-versions" action="/compare" method="get">\n<p><label for="cv-old">Compare the version</label> <select id="cv-old" name="old"><option value="ca-ab1656-2025-introduced" selected>Introduced, January 29, 2026</option><option value="ca-ab1656-2025-amended-assembly">Amended in Assembly, March 5, 2026</option><option value="ca-ab1656-2025-amended-senate">Amended in Senate, June 11, 2026</option></select>\n<label for="cv-new">with</label> <select id="cv-new" name="new"><option value="ca-ab1656-2025-introduced">Introduced, January 29, 2026</option><option value="ca-ab1656-2025-amended-assembly">Amended in Assembly, March 5, 2026</option><option value="ca-ab1656-2025-amended-senate" selected>Amended in Senate, June 11, 2026</option></select>\n<button type="submit">Compare</button> <span class="or">or <a href="/compare?old&#x3D;ca-ab1656-2025-introduced&amp;new&#x3D;ca-ab1656-2025-amended-senate">the first version against the latest</a></span></p>\n</form>',
    );
    const section = await page('/sections/GOV/7284.6');
    expect(section).to.contain('The text of this section is not in the database');
    expect(section).to.contain('<h2 id="bills-h">Bills that would amend, repeal, add beside, override or cite it</h2>\n<p class="lede">2 bills, newest first.</p>\n<table class="section-bills">');
    expect(section).to.contain(
      '<td><span class="relation r-cites r-overrides" title="Cited “notwithstanding”: the bill’s words would prevail over the section’s">overrides</span> <span class="muted">notwithstanding it</span></td>',
    );
    expect(section).to.contain('<td><span class="relation r-adds">adds</span></td>');
    expect(section).to.contain('<a href="/bills/ca-20232024-0-ab2641">AB 2641</a>');
    // Who brings each bill, linked to their bills of its session (AB 1656's CAML: Assembly Member Davies).
    expect(await page('/sections/PEN/1050')).to.contain(
      '<br><span class="btitle">Human trafficking case continuances</span><br><span class="bauthors">by <a href="/sessions/ca/20252026-0/authors/Davies">Assembly Member Davies</a></span></th>',
    );
    // A session none of whose bills is pending says so, rather than only that no two of them amend a section.
    expect(await page('/sessions/ca/20232024-0')).to.contain(
      '<p>No bill of this session is pending (each has been chaptered, enacted or vetoed, or has died with its session), so none would chapter out another.</p>',
    );
    const session = await page('/sessions/ca/20252026-0');
    expect(session).to.match(/Penal Code § 99001<\/a> <span class="muted">2 bills<\/span> · <a href="\/compare\?mode&#x3D;apply&amp;old&#x3D;law%3APEN%3A99001&amp;new&#x3D;ver%3A20250AB900198AMD%2Cver%3A20250AB900599INT">apply them in turn<\/a>/);
    // The section's page links the same comparison; the API gives it.
    expect(await page('/sections/PEN/99001')).to.contain('<p class="in-turn">Two or more pending bills amend this section, where one would chapter out the other unless they are double-jointed: <a href="/compare?mode&#x3D;apply&amp;old&#x3D;law%3APEN%3A99001&amp;new&#x3D;ver%3A20250AB900198AMD%2Cver%3A20250AB900599INT">apply them in turn</a>.</p>');
    expect(await (await fetch(`${base}/api/sections/PEN/99001`)).json()).to.deep.include({ inTurnUrl: '/compare?mode=apply&old=law%3APEN%3A99001&new=ver%3A20250AB900198AMD%2Cver%3A20250AB900599INT' });
    expect(await page('/sections/GOV/99010')).to.not.contain('apply them in turn');
    // Applied in turn, each amends § 99001 to read as it prints it: the second's text replaces the first's, which says so.
    const inTurn = await page('/compare?mode=apply&old=law%3APEN%3A99001&new=ver%3A20250AB900198AMD%2Cver%3A20250AB900599INT');
    expect(inTurn).to.contain('none of its changes remains: AB 9005, sec. 1, applied after it, amends the section to read as it prints it');
    // Every bill of the session, by type and number, each linked; the codes, and each code's sections.
    expect(session).to.contain('<h2 id="bills-h">Every bill of the session</h2>');
    expect(session).to.contain('<p class="lede">5 bills, by number.</p>');
    expect(session).to.contain(
      '<tr><th scope="row"><a href="/bills/ca-20252026-0-ab9005">AB 9005</a></th><td>Synthetic filings.</td><td></td><td>Introduced, February 2, 2026</td><td>In Committee Process</td></tr><tr><th scope="row"><a href="/bills/ca-20252026-0-sb9003">SB 9003</a></th><td>Synthetic registers.</td><td></td><td>Chaptered, September 30, 2025</td><td>Chaptered</td></tr>\n</tbody>',
    );
    expect(session).to.not.contain('class="pager"');
    // The home page leads to the database's sessions and codes.
    expect(await page('/')).to.contain('<a href="/sessions">every bill, by session</a>; <a href="/codes">every law section, by code</a>');
    expect(await page('/codes')).to.contain(
      '<ul class="session-list">\n<li><a href="/codes/GOV">Government Code</a> <span class="muted">GOV · 1 section</span></li><li><a href="/codes/PEN">Penal Code</a> <span class="muted">PEN · 2 sections</span></li>\n</ul>',
    );
    const pen = await page('/codes/PEN');
    expect(pen).to.contain('<h1>Penal Code</h1>\n<p class="lede">2 sections in the database, in the code’s order · <a href="/codes">all codes</a></p>');
    expect(pen).to.contain('<ul class="section-list">\n<li><a href="/sections/PEN/1050">§ 1050</a></li><li><a href="/sections/PEN/99001">§ 99001</a></li>\n</ul>');
    expect(await page('/codes/penal%20code')).to.equal(pen);
    // A search that names the code links its list, above the results of its words, in the page and the API.
    expect(await page('/search?q=Penal%20Code')).to.contain('<p class="names-found">By that name: <a href="/codes/PEN">Penal Code</a> (2 sections in the database).</p>');
    expect((await (await fetch(`${base}/api/search?q=PEN`)).json()).named).to.deep.equal([{ kind: 'code', name: 'Penal Code', id: 'PEN', sections: 2, title: 'Penal Code', url: '/codes/PEN' }]);
    expect(await page('/codes/GOV')).to.contain('<p class="lede">1 section in the database, in the code’s order');
    // A section's page links its code's list; a section not in the database has no list to link.
    expect(await page('/sections/PEN/99001')).to.contain('<p class="lede"><a href="/codes/PEN">Penal Code</a> · <a href="/api/sections/PEN/99001">JSON</a> · <a href="/sections/PEN/99001/feed" type="application/atom+xml">Atom feed</a></p>');
    expect(section).to.contain('<p class="lede">Government Code · <a href="/api/sections/GOV/7284.6">JSON</a> · <a href="/sections/GOV/7284.6/feed" type="application/atom+xml">Atom feed</a></p>');
    // Past the last page, a code of none, a page that is no number: said.
    const status = async (url: string) => {
      const res = await fetch(base + url);
      return [res.status, /<span class="status">Error \d+:<\/span> ([^<]*)<\/p>/.exec(await res.text())?.[1]];
    };
    const notANumber = [400, 'the page parameter must be a whole number from 1 to 100000, given once'];
    expect(await status('/codes/PEN?page=2')).to.deep.equal([404, 'Penal Code has no page 2 of sections in the database']);
    expect(await status('/codes/EDC')).to.deep.equal([404, 'no section of Education Code is in the database (/codes lists the codes it holds)']);
    expect(await status('/codes/%3Cb%3E')).to.deep.equal([404, 'a code is /codes/CODE: /codes/PEN, /codes/GOV, /codes/usc54 (/codes lists them)']);
    expect(await status('/sessions/ca/20252026-0?page=2')).to.deep.equal([404, 'the bills of the 2025–26 Regular Session have no page 2']);
    expect(await status('/sections/GOV/7284.6?page=2')).to.deep.equal([404, 'the bills of Government Code § 7284.6 have no page 2']);
    expect(await status('/sections/GOV/7284.6?page=x')).to.deep.equal(notANumber);
    for (const bad of ['/codes/PEN?page=0', '/codes/PEN?page=x', '/codes/PEN?page=1&page=2', '/sessions/ca/20252026-0?page=100001']) expect(await status(bad), bad).to.deep.equal(notANumber);
    // Each section's Atom feed, named in its page's head: its newest bills, one entry a version, well-formed XML.
    expect(section).to.contain('<link rel="alternate" type="application/atom+xml" href="/sections/GOV/7284.6/feed" title="Bills that would amend, repeal, add beside, override or cite Government Code § 7284.6">');
    const feed = await fetch(`${base}/sections/GOV/7284.6/feed`);
    expect(feed.headers.get('content-type')).to.equal('application/atom+xml; charset=utf-8');
    const xml = await feed.text();
    const entries = feedTitles(xml);
    expect(entries).to.deep.equal([
      'Bills that would amend, repeal, add beside, override or cite Government Code § 7284.6',
      'AB 2641 (2023–24 Regular Session) overrides Government Code § 7284.6',
      'SB 54 (2017–18 Regular Session) adds Government Code § 7284.6',
    ]);
    expect(xml).to.contain(
      '<entry>\n<title>AB 2641 (2023–24 Regular Session) overrides Government Code § 7284.6</title>\n<id>urn:billdiff:touch:ca-20232024-0-ab2641:amended-assembly:GOV:7284.6</id>\n<updated>2024-04-11T00:00:00Z</updated>\n<link rel="alternate" type="text/html" href="/bills/ca-20232024-0-ab2641"/>\n<link rel="related" type="text/html" href="/bills/ca-20232024-0-ab2641"/>\n<summary>overrides notwithstanding it · Amended in Assembly, April 11, 2024 · proposed Government Code § 7282.7 (excerpt)</summary>\n</entry>',
    );
    expect(xml).to.contain('<updated>2024-04-11T00:00:00Z</updated>\n<author><name>billdiff</name></author>');
    expect(await status('/sections/PEN/424242/feed')).to.deep.equal([404, 'PEN 424242 is not in the database, and no bill in it touches it']);
    // Each bill's feed, named in its page's head: its versions and actions, newest first.
    const billPage = await page('/bills/ca-20252026-0-ab1656');
    expect(billPage).to.contain('<link rel="alternate" type="application/atom+xml" href="/bills/ca-20252026-0-ab1656/feed" title="AB 1656 (2025–26 Regular Session): its versions and actions">');
    const billFeed = await (await fetch(`${base}/bills/ca-20252026-0-ab1656/feed`)).text();
    const titles = feedTitles(billFeed);
    // (The bundled bill has no history: its feed is its versions.)
    expect(titles).to.deep.equal(['AB 1656 (2025–26 Regular Session): Human trafficking case continuances', 'AB 1656: Amended in Senate, June 11, 2026', 'AB 1656: Amended in Assembly, March 5, 2026', 'AB 1656: Introduced, January 29, 2026']);
    expect(billFeed).to.contain(
      '<entry>\n<title>AB 1656: Amended in Senate, June 11, 2026</title>\n<id>urn:billdiff:version:ca-20252026-0-ab1656:amended-senate</id>\n<updated>2026-06-11T00:00:00Z</updated>\n<link rel="alternate" type="text/html" href="/compare?old&#x3D;ca-ab1656-2025-amended-assembly&amp;new&#x3D;ca-ab1656-2025-amended-senate"/>\n<link rel="related" type="text/html" href="/bills/ca-20252026-0-ab1656"/>\n<summary>198 words inserted, 94 deleted against Amended in Assembly (the Legislative Counsel’s change marks) · amends Penal Code § 1050</summary>\n</entry>',
    );
    expect(await status('/bills/ca-20252026-0-ab99999/feed')).to.deep.equal([404, 'no bill ca-20252026-0-ab99999 in the database']);
    // Each session's feed: its bills by their latest versions, newest first, linked from its page.
    expect(await page('/sessions/ca/20252026-0')).to.contain('<h1>2025–26 Regular Session</h1>\n<p class="lede"><a href="/sessions/ca/20252026-0/feed" type="application/atom+xml">Atom feed</a> of its bills by their latest versions, newest first · its <a href="/sessions/ca/20252026-0/authors">authors</a>, each with their bills.</p>');
    const sessionFeed = await (await fetch(`${base}/sessions/ca/20252026-0/feed`)).text();
    expect(feedTitles(sessionFeed)).to.deep.equal([
      'Bills of the 2025–26 Regular Session, by their latest versions',
      'AB 1656: Amended in Senate, June 11, 2026',
      'AB 9002: Amended in Senate, June 1, 2026',
      'AB 9001: Amended in Assembly, March 2, 2026',
      'AB 9005: Introduced, February 2, 2026',
      'SB 9003: Chaptered, September 30, 2025',
    ]);
    expect(await status('/sessions/ca/18891890-0/feed')).to.deep.equal([404, 'no bills of session 18891890-0 in the database']);
    // A search that finds nothing says what the database lacks, and, filtered, links the search without its filters.
    const nothing = async (query: string) => /<p class="lede">Nothing found for .*<\/p>/.exec(await page(`/search?${query}`))?.[0];
    expect(await nothing('q=AB%2099999')).to.equal(
      '<p class="lede">Nothing found for “AB 99999”: no bill of that number is in the database, which holds the bills of 5 sessions (billdiff import brings in others).</p>',
    );
    expect(await nothing('q=AB%201656&session=20172018-0')).to.equal(
      '<p class="lede">Nothing found for “AB 1656”: no bill of that number matches the filters (<a href="/search?q&#x3D;AB+1656">search without them</a>).</p>',
    );
    expect(await nothing('q=PEN%20424242')).to.equal('<p class="lede">Nothing found for “PEN 424242”: the database holds no Penal Code § 424242, and no bill in it touches it.</p>');
    expect(await nothing('q=zzyzx&house=senate')).to.equal('<p class="lede">Nothing found for “zzyzx” with these filters (<a href="/search?q&#x3D;zzyzx">search without them</a>).</p>');
    expect(await nothing('q=zzyzx')).to.equal('<p class="lede">Nothing found for “zzyzx”.</p>');
    const search = await page('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(search).to.not.contain('<script>alert(1)</script>');
    expect(search).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

/** The titles of an Atom feed, the feed's first, parsed as XML (a feed that is not well-formed throws). */
function feedTitles(xml: string): string[] {
  const titles: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let inTitle = false;
  parser.on('opentag', (tag) => (inTitle = tag.local === 'title'));
  parser.on('text', (text) => inTitle && titles.push(text));
  parser.on('closetag', () => (inTitle = false));
  parser.write(xml).close();
  return titles;
}

describe('server: without a database', () => {
  it('should say that there is none, and keep the corpus pages', async () => {
    const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-uploads-'));
    const app = createApp({ storeDir: uploads });
    const { server, base } = await listen(app);
    try {
      const res = await fetch(`${base}/api/search?q=AB%201656`);
      expect(res.status).to.equal(404);
      expect(await res.json()).to.deep.equal({ error: 'this server has no database of bills: start it with npm start, or give createApp a database' });
      const home = await fetch(`${base}/`);
      expect(home.status).to.equal(200);
      expect(await home.text()).to.not.contain('every bill, by session');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await closeApp(app);
      if (uploads) fs.rmSync(uploads, { recursive: true, force: true });
    }
  });
});

/** `paths` imported into a new embedded database, the app over it served on 127.0.0.1 while `use` runs; all closed and removed after. */
async function withServedImport(paths: string[], use: (base: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-db-'));
  const db = await openDatabase({ dataDir: dir });
  await importPaths(db, paths);
  const app = createApp({ database: db, storeDir: path.join(dir, 'uploads') });
  const { server, base } = await listen(app);
  try {
    await use(base);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await closeApp(app);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeShared('server: a bill amending two codes against one law section of the database', () => {
  it('should compare AB 831 with Business and Professions Code § 17539.1, the section its lob does not number', async function () {
    this.timeout(60000);
    await withServedImport([sharedPath('corpus', 'ca-pubinfo', 'mini')], async (base) => {
      const res = await fetch(`${base}/compare?bill=ver%3A20250AB83196AMD&law=law%3ABPC%3A17539.1`);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).to.contain('<title>AB 831: Amended in Senate, September 3, 2025 compared with current Business and Professions Code 17539.1 · billdiff</title>');
      expect(html).to.contain('§ 337o(a)');
      // The section's page names the units holding it, as LAW_TOC_TBL heads them, and not its article's heading twice.
      const section = await (await fetch(`${base}/sections/BPC/17539.1`)).text();
      expect(section).to.contain('<h1><span class="measure">Business and Professions Code § 17539.1</span></h1>');
      expect(section).to.contain(
        '<p class="units"><a href="/codes/BPC?division&#x3D;7">DIVISION 7. GENERAL BUSINESS REGULATIONS</a> › <a href="/codes/BPC?division&#x3D;7&amp;part&#x3D;3">PART 3. REPRESENTATIONS TO THE PUBLIC</a> › <a href="/codes/BPC?division&#x3D;7&amp;part&#x3D;3&amp;chapter&#x3D;1">CHAPTER 1. Advertising</a> › <a href="/codes/BPC?division&#x3D;7&amp;part&#x3D;3&amp;chapter&#x3D;1&amp;article&#x3D;2">ARTICLE 2. Particular Offenses</a></p>',
      );
      // Each unit's address leads to the page of its first section, at its heading; a unit not there, or asked for with a page, is said.
      const unit = async (query: string) => {
        const res = await fetch(`${base}/codes/BPC${query}`, { redirect: 'manual' });
        return [res.status, res.headers.get('location') ?? /<span class="status">Error \d+:<\/span> ([^<]*)<\/p>/.exec(await res.text())?.[1]];
      };
      expect(await unit('?division=7&part=3')).to.deep.equal([302, '/codes/BPC#unit-division-7-part-3']);
      expect(await unit('?division=99')).to.deep.equal([404, 'Business and Professions Code has no such unit with a section in the database']);
      expect(await unit('?division=7&page=1')).to.deep.equal([400, 'a unit of a code is found on its page: give the unit or the page, not both']);
      expect(await unit('?division=7&division=8')).to.deep.equal([400, 'the division parameter must be a unit&#x27;s number, 1 to 20 characters, given once']);
      // The code's page lists its sections in that outline.
      expect(await (await fetch(`${base}/codes/BPC`)).text()).to.contain(
        '<ul class="section-list outlined">\n<li class="unit depth-0" id="unit-division-7">DIVISION 7. GENERAL BUSINESS REGULATIONS</li><li class="unit depth-1" id="unit-division-7-part-3">PART 3. REPRESENTATIONS TO THE PUBLIC</li><li class="unit depth-2" id="unit-division-7-part-3-chapter-1">CHAPTER 1. Advertising</li><li class="unit depth-3" id="unit-division-7-part-3-chapter-1-article-2">ARTICLE 2. Particular Offenses</li><li class="in-4"><a href="/sections/BPC/17539.1">§ 17539.1</a></li>\n</ul>',
      );
      const constitution = await (await fetch(`${base}/codes/CONS`)).text();
      expect(constitution).to.contain('<li class="unit depth-0" id="unit-article-I">ARTICLE I DECLARATION OF RIGHTS</li><li class="in-1"><a href="/sections/CONS/I-1">§ I-1</a></li><li class="in-1"><a href="/sections/CONS/I-2">§ I-2</a></li>');
    });
  });
});

describeShared('server: who brought AB 831 (2025), gutted and amended under another lead author', () => {
  it('should say on the version who came in and who went, and list the bill on both authors’ pages, the one no longer named as such', async function () {
    this.timeout(60000);
    await withServedImport([sharedPath('corpus', 'ca-pubinfo', 'mini')], async (base) => {
      const page = (url: string) => pageAt(base, url);
      const bill = await page('/bills/ca-20252026-0-ab831');
      expect(bill).to.contain('<div class="authors"><p>Lead author: <a href="/sessions/ca/20252026-0/authors/Valencia">Assembly Member Valencia</a>.</p>\n</div>');
      expect(bill).to.contain('<p class="vauthors">Added as lead author: Assembly Member Valencia. Removed as lead author: Assembly Member Ramos.</p>');
      expect(bill.match(/class="vauthors"/g)).to.have.length(1);
      const row = (as: string, former = false) =>
        `<tr${former ? ' class="former"' : ''}><th scope="row"><a href="/bills/ca-20252026-0-ab831">AB 831</a></th><td>Gambling: operation of a contest or sweepstakes.</td><td>${as}</td><td>Chaptered, October 11, 2025</td><td>Chaptered</td></tr>`;
      const ramos = await page('/sessions/ca/20252026-0/authors/Ramos');
      expect(ramos).to.contain('<h1>Assembly Member Ramos</h1>');
      expect(ramos).to.contain('<p class="lede">1 bill of the <a href="/sessions/ca/20252026-0">2025–26 Regular Session</a> names Assembly Member Ramos as an author, by number (1 no longer) · <a href="/sessions/ca/20252026-0/authors">all its authors</a> · <a href="/sessions/ca/20252026-0/authors/Ramos/feed" type="application/atom+xml">Atom feed</a></p>');
      // A feed says where a bill no longer names them.
      expect(await (await fetch(`${base}/sessions/ca/20252026-0/authors/Ramos/feed`)).text()).to.contain('<summary>Gambling: operation of a contest or sweepstakes. · Chaptered · Lead author of Introduced, February 19, 2025; no longer named</summary>');
      expect(ramos).to.contain(row('lead author of Introduced, February 19, 2025; no longer named', true));
      expect(await page('/sessions/ca/20252026-0/authors/Valencia')).to.contain(row('lead author'));
    });
  });
});

describeShared('server: who brings the bills that would each amend Penal Code § 1050 (AB 1656, bundled; AB 2052, pubinfo)', () => {
  it('should name each bill’s lead author beside it on the section’s page and the session’s, linked to their bills', async function () {
    this.timeout(60000);
    await withServedImport([billsPath(), sharedPath('corpus', 'ca-pubinfo', 'mini')], async (base) => {
      const by = (name: string) => `by <a href="/sessions/ca/20252026-0/authors/${name}">Assembly Member ${name}</a>`;
      const section = await pageAt(base, '/sections/PEN/1050');
      expect(section).to.contain(`<a href="/bills/ca-20252026-0-ab2052">AB 2052</a> <span class="muted">2025–26 Regular Session</span><br><span class="btitle">Criminal procedure: continuances.</span><br><span class="bauthors">${by('Stefani')}</span></th>`);
      expect(section).to.contain(`<br><span class="bauthors">${by('Davies')}</span></th>`);
      // The session's sections two pending bills amend: the two bills side by side, each with who brings it.
      const session = await pageAt(base, '/sessions/ca/20252026-0');
      expect(session).to.contain(`<p class="btitle">Criminal procedure: continuances.</p><p class="bauthors">${by('Stefani')}</p>`);
      expect(session).to.contain(`<p class="btitle">Human trafficking case continuances.</p><p class="bauthors">${by('Davies')}</p>`);
      // Every bill of the session, with who brings it.
      expect(session).to.contain(
        `<tr><th scope="row"><a href="/bills/ca-20252026-0-ab2052">AB 2052</a></th><td>Criminal procedure: continuances.</td><td>${by('Stefani').replace(/^by /, '')}</td><td>Amended in Senate, June 11, 2026</td><td>In Floor Process</td></tr>`,
      );
      const api = (await (await fetch(`${base}/api/sections/PEN/1050`)).json()) as { bills: Array<{ measure: string; authors: unknown }> };
      expect(api.bills.map((b) => [b.measure, b.authors]).sort()).to.deep.equal([
        ['AB 1656', [{ name: 'Davies', role: 'lead author', house: 'Assembly' }]],
        ['AB 2052', [{ name: 'Stefani', role: 'lead author', house: 'Assembly' }]],
      ]);
    });
  });
});

describeBackends('server: cached pages and comparisons follow an import by another process', (backend) => {
  const served = serveDatabase(backend, () => [fixturePath('store-pubinfo-synthetic', 'session')]);
  let base: string;
  before(async () => {
    ({ base } = await served);
  });

  it('should show the section, the search and the bill-versus-law comparison as the other import left them, at once', async () => {
    const section = async () => ((await (await fetch(`${base}/api/sections/PEN/99001`)).json()) as { text: string }).text;
    const search = async () => (await (await fetch(`${base}/search?q=${encodeURIComponent('synthetic motion within seven days')}`)).text()).includes('Penal Code § 99001');
    // The comparison's JSON: the law's side is § 99001 as the database holds it.
    const lawSide = async () => (await fetch(`${base}/api/compare?bill=ver%3A20250AB900198AMD&law=law%3APEN%3A99001`)).text();
    expect(await section()).to.contain('within five days after it is filed');
    expect(await search()).to.equal(false);
    expect(await lawSide()).to.contain('within five days after it is filed');
    // Another process (another connection, its own pool) imports the day's file, which amends § 99001.
    const other = await backend().open();
    try {
      await importPaths(other, [fixturePath('store-pubinfo-synthetic', 'daily')]);
    } finally {
      await other.close();
    }
    expect(await section()).to.contain('within seven days after it is filed');
    expect(await search()).to.equal(true);
    const after = await lawSide();
    expect(after).to.contain('within seven days after it is filed');
    expect(after).to.not.contain('within five days after it is filed');
  });
});

describeShared('server: U.S. Code sections printed with an en dash (113 H.J. Res. 59, Pub. L. 113-67, 114 H.R. 2029)', () => {
  it('should file "42 U.S.C. 1395w–4" as 1395w-4, link it, answer its page however the dash is typed, and list its bills newest first', async function () {
    this.timeout(60000);
    const bills = sharedPath('corpus', 'us', 'bills');
    await withServedImport([path.join(bills, '113-hjres59'), path.join(bills, '114-hr2029', '114hr2029enr_good.xml')], async (base) => {
      const report = (await (await fetch(`${base}/api/bills/us-113-hjres59`)).json()) as { sections: Array<{ code: string; section: string; relation: string }> };
      const usc42 = report.sections.filter((s) => s.code === 'usc42').map((s) => `${s.relation} ${s.section}`);
      // "(42 U.S.C. 10 1395w–4(d))": the print's line number is no part of the section.
      expect(usc42).to.include.members(['amends 1395w-4', 'amends 1395w-28', 'amends 1396r-4']);
      expect(report.sections.filter((s) => /[\s–]/.test(s.section))).to.deep.equal([]);
      const bill = await (await fetch(`${base}/bills/us-113-hjres59`)).text();
      expect(bill).to.contain('<a href="/sections/usc42/1395w-4">42 U.S.C. § 1395w-4</a>');
      for (const typed of ['1395w-4', encodeURIComponent('1395w–4')]) {
        const res = await fetch(`${base}/api/sections/usc42/${typed}`);
        expect(res.status).to.equal(200);
        const section = (await res.json()) as { number: string; bills: Array<{ id: string; relation: string }> };
        expect(section.number).to.equal('1395w-4');
        // Newest first: the 114th Congress's enrolled bill (it prints no date) before the 113th's law and bill.
        expect(section.bills.map((b) => `${b.id} ${b.relation}`)).to.deep.equal(['us-114-hr2029 amends', 'us-113-pl67 amends', 'us-113-hjres59 amends']);
      }
      // The search lists the law and the bill it enacted as one result: the bill, with its law, in the law's place.
      const listed = (r: { id: string; law?: { id: string } }) => `${r.id}${r.law ? ` (${r.law.id})` : ''}`;
      const search = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('42 U.S.C. 1395w–4')}`)).json()) as { results: Array<{ id: string; law?: { id: string } }>; total: number };
      expect([search.total, ...search.results.map(listed)]).to.deep.equal([4, 'usc42/1395w-4', 'us-114-hr2029', 'us-113-hjres59 (us-113-pl67)']);
      // The bare number, with either dash.
      for (const typed of ['1395w-4', '1395w–4']) {
        const bare = (await (await fetch(`${base}/api/search?q=${encodeURIComponent(typed)}`)).json()) as { results: Array<{ id: string; law?: { id: string } }>; found: string };
        expect([bare.found, ...bare.results.map(listed)], typed).to.deep.equal(['citation', 'usc42/1395w-4', 'us-114-hr2029', 'us-113-hjres59 (us-113-pl67)']);
      }
    });
  });
});

describeShared('server: a federal bill against a U.S. Code section of the database', () => {
  it('should link the Great American Outdoors Act to 54 U.S.C. § 200303 as amended by its instructions, from the bill and the section', async function () {
    this.timeout(60000);
    const truth = sharedPath('corpus', 'us', 'amend-truth', 'pl116-152_54usc200303');
    await withServedImport([path.join(truth, 'before.xml'), path.join(truth, 'law.xml')], async (base) => {
      // Its instructions applied to the section ("apply"): the bill prints only what to strike and insert.
      const link = '/compare?mode&#x3D;apply&amp;old&#x3D;law%3Ausc54%3A200303&amp;new&#x3D;ver%3ABILLS-116hr1957enr';
      const bill = await (await fetch(`${base}/bills/us-116-hr1957`)).text();
      expect(bill).to.contain(`<a href="/sections/usc54/200303">54 U.S.C. § 200303</a> · <a href="${link}">compare with current law</a>`);
      const section = await (await fetch(`${base}/sections/usc54/200303`)).text();
      expect(section).to.contain(`<a href="${link}">compare with current law</a>`);
      const res = await fetch(`${base}/compare?mode=apply&old=law%3Ausc54%3A200303&new=ver%3ABILLS-116hr1957enr`);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).to.match(/54 U\.S\.C\. § 200303<\/span> as amended by/);
      expect(html).to.contain('1 instruction amends 54 U.S.C. § 200303: 1 applied, 0 refused');
    });
  });
});

describeShared('server: a U.S. Code title browsed, with a section printed as two (16 U.S.C. §§ 10, 10a)', () => {
  it('should list the title’s sections in its order, and open each, "§§ 10, 10a." as its <num value="10, 10a"> names it', async function () {
    this.timeout(60000);
    await withServedImport([sharedPath('corpus', 'us', 'uscode', 'usc16-slice-119-102.xml')], async (base) => {
      const codes = await (await fetch(`${base}/codes`)).text();
      expect(codes).to.contain('<li><a href="/codes/usc16">16 U.S.C.</a> <span class="muted">158 sections</span></li>');
      const title = await (await fetch(`${base}/codes/usc16`)).text();
      const links = [...title.matchAll(/<li(?: class="in-\d")?><a href="(\/sections\/usc16\/[^"]+)">§ ([^<]+)<\/a>/g)];
      expect(links).to.have.length(158);
      // In the title's order: 1, 1a, 1a-1 … 1a-14, 1b …, 9, 9a, "10, 10a", 11.
      expect(links.slice(0, 4).map((m) => m[2])).to.deep.equal(['1', '1a', '1a-1', '1a-2']);
      const ten = links.findIndex((m) => m[2] === '10,-10a');
      expect(links.slice(ten - 1, ten + 2).map((m) => m[2])).to.deep.equal(['9a', '10,-10a', '11']);
      for (const [, url] of links) expect((await fetch(base + url)).status, url).to.equal(200);
      // In the title's outline: its chapters and subchapters as its file heads them, each section with its own heading.
      expect(title).to.contain(
        '<ul class="section-list outlined">\n<li class="unit depth-0" id="unit-chapter-1">CHAPTER 1—NATIONAL PARKS, MILITARY PARKS, MONUMENTS, AND SEASHORES</li><li class="unit depth-1" id="unit-chapter-1-subchapter-I">SUBCHAPTER I—NATIONAL PARK SERVICE</li><li class="in-2"><a href="/sections/usc16/1">§ 1</a> <span class="btitle">Repealed. Pub. L. 113–287, § 7, Dec. 19, 2014, 128 Stat. 3272</span></li>',
      );
      expect(title).to.contain('<li class="unit depth-1" id="unit-chapter-1-subchapter-III-A">SUBCHAPTER III-A—NATIONAL PARK SYSTEM VISITOR FACILITY</li>');
      const section = (await (await fetch(`${base}/api/sections/usc16/10%2C-10a`)).json()) as { heading: string; docId: string; units: Array<{ heading: string }> };
      expect(section.heading).to.match(/^Repealed\. Pub\. L\. 91–383/);
      expect(section.units).to.deep.equal([
        { heading: 'CHAPTER 1—NATIONAL PARKS, MILITARY PARKS, MONUMENTS, AND SEASHORES', url: '/codes/usc16?chapter=1' },
        { heading: 'SUBCHAPTER I—NATIONAL PARK SERVICE', url: '/codes/usc16?chapter=1&subchapter=I' },
      ]);
      expect((await fetch(`${base}/codes/usc16?chapter=1&subchapter=III-A`, { redirect: 'manual' })).headers.get('location')).to.equal('/codes/usc16#unit-chapter-1-subchapter-III-A');
      expect((await fetch(`${base}/compare?old=${encodeURIComponent(section.docId)}&new=${encodeURIComponent(section.docId)}`)).status).to.equal(200);
    });
  });
});
