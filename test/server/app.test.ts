import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { alignTrees, parseDocument, renderJson } from '../../src/index.js';
import { closeApp, createApp, packageRoot } from '../../src/server/app.js';
import { runCli } from '../helpers/cli.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  '[x](javascript:alert(1))',
];

/** Starts an app on a free port; returns its base URL and a closer. */
async function start(options: Parameters<typeof createApp>[0] = {}) {
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-store-'));
  const app = createApp({ storeDir, ...options });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    storeDir,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await closeApp(app);
      fs.rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

describe('server/app', () => {
  let base: string;
  let storeDir: string;
  let close: () => Promise<void>;

  before(async () => {
    ({ base, storeDir, close } = await start({ maxBodyBytes: 64 * 1024 }));
  });
  after(async () => close());

  describe('GET /', () => {
    it('should list AB 1656 with its versions and the statute it amends', async () => {
      const res = await fetch(`${base}/`);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).to.contain('AB 1656');
      expect(html).to.contain('Introduced, January 29, 2026');
      expect(html).to.contain('Amended in Senate, June 11, 2026');
      expect(html).to.contain('Penal Code § 1050');
      expect(html).to.contain('2025–26 Regular Session');
    });

    it('should send a strict Content-Security-Policy and other security headers', async () => {
      const res = await fetch(`${base}/`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).to.contain("default-src 'none'");
      expect(csp).to.contain("script-src 'self'");
      expect(csp).to.contain("style-src 'self'");
      expect(csp).not.to.contain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('x-powered-by')).to.equal(null);
    });

    it('should serve the static stylesheet and script', async () => {
      expect((await fetch(`${base}/static/billdiff.css`)).status).to.equal(200);
      expect((await fetch(`${base}/static/app.js`)).status).to.equal(200);
    });
  });

  describe('GET /compare', () => {
    const url = '/compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate';

    it('should show the baseline, the change list and one row per level', async () => {
      const res = await fetch(base + url);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).to.contain('Changes relative to: <strong>Introduced, January 29, 2026</strong>');
      expect(html).to.match(/<a href="#c-sec1\/s1050\/g\/4"><span class="citation">§ 1050\(g\)\(4\)<\/span><\/a> <span class="what">added<\/span>/);
      expect(html).to.contain('<span class="citation">§ 1050(g)(2)</span>');
      expect(html).to.contain('<tr id="c-sec1/s1050/g/4"');
      expect(html).to.contain('<del><span class="sr">deleted: </span>When</del>');
      expect(html).to.contain('<ins><span class="sr">inserted: </span>If</ins>');
      expect(html).to.match(/<summary>\d+ unchanged clauses<\/summary>/);
      // One-click links to the other baselines.
      expect(html).to.contain('href="/compare?old&#x3D;ca-ab1656-2025-amended-assembly&amp;new&#x3D;ca-ab1656-2025-amended-senate"');
      expect(html).to.contain('href="/compare?bill&#x3D;ca-ab1656-2025-amended-senate&amp;law&#x3D;ca-penal-code-1050"');
      expect(html).not.to.match(/<script>(?!<\/script>)/);
      expect(html).not.to.contain('style=');
    });

    it('should name the unnumbered parts of a bill as a reader would: title, digest, enacting clause, action, quoted text', async () => {
      const citations = (html: string) => [...html.matchAll(/<tr id="(c-row\d+)"[^>]*>[\s\S]*?<span class="citation">([^<]*)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`);
      const ca = await (await fetch(base + url)).text();
      expect(citations(ca)).to.deep.equal(['c-row1 Title', 'c-row2 Legislative Counsel&#x27;s Digest', 'c-row3 Legislative Counsel&#x27;s Digest', 'c-row4 Legislative Counsel&#x27;s Digest', 'c-row5 Enacting clause', 'c-row7 SEC. 1, amending clause']);
      const us = await (await fetch(`${base}/compare?old=us-114-hr766-ih&new=us-114-hr766-rh`)).text();
      expect(citations(us)).to.deep.equal([
        'c-row1 Title',
        'c-row2 Title',
        'c-row3 Enacting clause',
        'c-row34 § 3(2)(B), quoted text',
        'c-row35 § 3(2)(B), quoted text',
        'c-row36 § 3(2)(B), quoted text',
        'c-row37 Action',
      ]);
      expect(us).to.match(/<a href="#c-row37"><span class="citation">Action<\/span><\/a> <span class="what">added<\/span>/);
    });

    it('should compare a bill with current law', async () => {
      const res = await fetch(`${base}/compare?bill=ca-ab1656-2025-amended-senate&law=ca-penal-code-1050`);
      expect(res.status).to.equal(200);
      const html = await res.text();
      expect(html).to.contain('Changes relative to: <strong>current Penal Code 1050</strong>');
      expect(html).to.contain('§ 1050(g)(4)');
    });

    it('should show the inline redline and the print view', async () => {
      const inline = await (await fetch(`${base + url}&view=inline`)).text();
      expect(inline).to.contain('class="clauses inline"');
      const print = await fetch(`${base}/print?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate&changes=only`);
      expect(print.status).to.equal(200);
      const html = await print.text();
      expect(html).to.contain('<dt>Old text</dt><dd>AB 1656, Introduced, January 29, 2026');
      expect(html).to.contain('Changed clauses');
      expect(html).not.to.contain('class="clause s-unchanged');
    });

    for (const [what, query] of [
      ['an unknown id', 'old=no-such-bill&new=ca-ab1656-2025-introduced'],
      ['a traversal attempt', 'old=..%2f..%2fpackage.json&new=ca-ab1656-2025-introduced'],
      ['an upload id that is not stored', `old=u:${'0'.repeat(64)}&new=ca-ab1656-2025-introduced`],
      ['an upload id with a path in it', 'old=u:..%2f..%2f..%2fetc%2fpasswd&new=ca-ab1656-2025-introduced'],
    ]) {
      it(`should answer 404 to ${what}`, async () => {
        const res = await fetch(`${base}/compare?${query}`);
        expect(res.status).to.equal(404);
        const html = await res.text();
        expect(html).to.contain('<h1>Not found</h1>');
        expect(html).not.to.match(/at \S+ \(/); // no stack trace
      });
    }

    it('should answer 404 to unknown paths and traversal in the path', async () => {
      for (const p of ['/nowhere', '/static/..%2f..%2fpackage.json', '/..%2fpackage.json', '/static/%2e%2e/src/server/app.ts']) {
        const res = await fetch(base + p);
        expect(res.status, p).to.equal(404);
        expect(await res.text(), p).not.to.contain('"name": "billdiff"');
      }
    });

    it('should answer 400 when an id is missing', async () => {
      const res = await fetch(`${base}/compare?old=ca-ab1656-2025-introduced`);
      expect(res.status).to.equal(400);
      expect(await res.text()).to.contain('name two documents to compare');
    });
  });

  describe('API', () => {
    it('GET /api/documents should list the corpus', async () => {
      const res = await fetch(`${base}/api/documents`);
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { documents: Array<{ id: string; kind: string; jurisdiction: string; versions: Array<{ id: string }> }> };
      const ab = body.documents.find((d) => d.id === 'ca-ab1656-2025-introduced');
      expect(ab).to.include({ kind: 'bill', jurisdiction: 'California' });
      expect(ab?.versions.map((v) => v.id)).to.deep.equal([
        'ca-ab1656-2025-introduced',
        'ca-ab1656-2025-amended-assembly',
        'ca-ab1656-2025-amended-senate',
      ]);
    });

    it('GET /api/compare should answer exactly the JSON of billdiff --format json', async () => {
      for (const [query, argv] of [
        ['old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate', ['ca-ab1656-2025-introduced', 'ca-ab1656-2025-amended-senate']],
        ['bill=ca-ab1656-2025-introduced&law=ca-penal-code-1050', ['ca-ab1656-2025-introduced', '--law', 'ca-penal-code-1050']],
        ['mode=apply&old=ca-penal-code-1050&new=ca-ab1656-2025-introduced', ['ca-ab1656-2025-introduced', '--law', 'ca-penal-code-1050', '--apply']],
      ] as const) {
        const res = await fetch(`${base}/api/compare?${query}`);
        expect(res.status, query).to.equal(200);
        expect(res.headers.get('content-type')).to.match(/^application\/json/);
        const cli = await runCli([...argv, '--format', 'json']);
        expect(cli.code, query).to.equal(1);
        expect(await res.text(), query).to.equal(cli.stdout);
      }
    });

    it('POST /api/compare should take JSON texts', async () => {
      const res = await fetch(`${base}/api/compare`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ old: '(a) The old rule.\n', new: '(a) The new rule.\n' }),
      });
      expect(res.status).to.equal(200);
      const expected = renderJson(alignTrees(parseDocument('(a) The old rule.\n', 'old').tree, parseDocument('(a) The new rule.\n', 'new').tree));
      expect(await res.text()).to.equal(expected);
    });

    it('POST /api/compare should take multipart files', async () => {
      const form = new FormData();
      form.set('old', new Blob(['(a) One.\n']), 'old.txt');
      form.set('new', new Blob(['(a) Two.\n']), 'new.txt');
      const res = await fetch(`${base}/api/compare`, { method: 'POST', body: form });
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { summary: { modified: number } };
      expect(body.summary.modified).to.be.greaterThan(0);
    });

    it('should answer JSON errors: 404 for unknown ids, 400 for bad input, 413 for too large', async () => {
      const missing = await fetch(`${base}/api/compare?old=nope&new=ca-ab1656-2025-introduced`);
      expect(missing.status).to.equal(404);
      expect(await missing.json()).to.have.property('error').that.contains('nope');

      const bad = await fetch(`${base}/api/compare`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"old":' });
      expect(bad.status).to.equal(400);
      expect(await bad.json()).to.deep.equal({ error: 'the request body is not valid JSON' });

      const big = await fetch(`${base}/api/compare`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ old: 'x'.repeat(70 * 1024), new: 'y' }),
      });
      expect(big.status).to.equal(413);
      expect((await big.json()).error).to.match(/larger than the 64 KB/);
    });

    it('should answer 400 with a clear message to binary and invalid UTF-8 uploads', async () => {
      for (const [bytes, message] of [
        [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /binary/],
        [new Uint8Array([0x28, 0x61, 0x29, 0x20, 0xc3, 0x28]), /not valid UTF-8/],
      ] as const) {
        const form = new FormData();
        form.set('old', new Blob([bytes]), 'old.txt');
        form.set('new', new Blob(['(a) Two.\n']), 'new.txt');
        const res = await fetch(`${base}/api/compare`, { method: 'POST', body: form });
        expect(res.status).to.equal(400);
        expect((await res.json()).error).to.match(message);
      }
    });
  });

  describe('uploads', () => {
    const post = (fields: Record<string, string | Blob>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return fetch(`${base}/upload`, { method: 'POST', body: form, redirect: 'manual' });
    };

    it('should store both texts by hash and redirect to their comparison', async () => {
      const res = await post({ oldText: '(a) The old rule.\n', newText: '(a) The new rule.\n' });
      expect(res.status).to.equal(303);
      const location = res.headers.get('location') ?? '';
      expect(location).to.match(/^\/compare\?old=u%3A[0-9a-f]{64}&new=u%3A[0-9a-f]{64}$/);
      const files = fs.readdirSync(storeDir).sort();
      expect(files).to.have.length(2);
      expect(files.every((f) => /^[0-9a-f]{64}$/.test(f))).to.equal(true);
      const page = await fetch(base + location);
      expect(page.status).to.equal(200);
      const html = await page.text();
      expect(html).to.contain('<del><span class="sr">deleted: </span>old</del>');
      // The same text again is stored once, and nothing is overwritten.
      await post({ oldText: '(a) The old rule.\n', newText: '(a) The new rule.\n' });
      expect(fs.readdirSync(storeDir)).to.have.length(2);
    });

    it('should show hostile markup as literal text', async () => {
      const text = HOSTILE.map((h, i) => `(${String.fromCharCode(97 + i)}) ${h}\n`).join('\n');
      const res = await post({ oldText: '(a) Plain.\n', newText: text });
      const page = await (await fetch(base + (res.headers.get('location') ?? ''))).text();
      expect(page).not.to.contain('<script>alert');
      expect(page).not.to.contain('<img');
      expect(page).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).to.contain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(page).to.contain('{{constructor.constructor(&#x27;alert(1)&#x27;)()}}');
      expect(page).to.contain('[x](javascript:alert(1))');
      expect(page).not.to.contain('href="javascript');
    });

    it('should answer 413 with a page when the upload is too large', async () => {
      const res = await post({ oldFile: new Blob(['a'.repeat(80 * 1024)]), newText: 'b' });
      expect(res.status).to.equal(413);
      expect(res.headers.get('content-type')).to.match(/^text\/html/);
      expect(await res.text()).to.contain('larger than the 64 KB this server accepts');
    });

    it('should answer 400 when a text is missing or binary', async () => {
      const empty = await post({ oldText: '  ', newText: 'b' });
      expect(empty.status).to.equal(400);
      expect(await empty.text()).to.contain('the old text is empty');
      const binary = await post({ oldFile: new File([new Uint8Array([0, 1, 2, 3])], 'x.txt'), newText: 'b' });
      expect(binary.status).to.equal(400);
      expect(await binary.text()).to.contain('input looks binary');
    });
  });

  describe('templates', () => {
    it('should never use a triple-stash', () => {
      const dir = path.join(packageRoot, 'views');
      const files = [...fs.readdirSync(dir).map((f) => path.join(dir, f)), ...fs.readdirSync(path.join(dir, 'partials')).map((f) => path.join(dir, 'partials', f))];
      for (const file of files.filter((f) => f.endsWith('.hbs'))) expect(fs.readFileSync(file, 'utf8'), file).not.to.contain('{{{');
    });
  });

  describe('budgets', () => {
    it('should keep answering other pages while a large diff runs, and never hang', async function () {
      this.timeout(30_000);
      const slow = await start({ maxBodyBytes: 8 * 1024 * 1024, diffBudgetMs: 300 });
      try {
        const paragraphs = (word: string) => Array.from({ length: 4000 }, (_, i) => `(${i + 1}) Clause ${i} says ${word} ${i % 7} and more words ${i * 3}.`).join('\n\n');
        const started = Date.now();
        const diff = fetch(`${slow.base}/api/compare`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ old: paragraphs('alpha'), new: paragraphs('beta') }),
        });
        await new Promise((r) => setTimeout(r, 50));
        const t = Date.now();
        const index = await fetch(`${slow.base}/api/documents`);
        expect(index.status).to.equal(200);
        // Liveness, not speed: the page answers while the diff runs in a worker (a blocked loop would wait for it).
        expect(Date.now() - t).to.be.lessThan(3000);
        const res = await diff;
        expect([200, 503]).to.include(res.status);
        expect(Date.now() - started).to.be.lessThan(20_000);
      } finally {
        await slow.close();
      }
    });
  });
});
