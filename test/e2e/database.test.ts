/**
 * The database's pages in a real Chromium: the search box on every page, the section, bill and
 * session pages, and the comparisons they link to.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { importPaths } from '../../src/import/index.js';
import { createApp } from '../../src/server/app.js';
import { Writer } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/index.js';
import { AXE, browserSuite } from '../helpers/browser.js';
import { billsPath, fixturePath } from '../helpers/paths.js';

describe('e2e/database pages', function () {
  this.timeout(60_000);
  const suite = browserSuite(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-e2e-db-'));
    const db = await openDatabase({ dataDir: path.join(dir, 'data') });
    await importPaths(db, [billsPath(), fixturePath('store-pubinfo-synthetic', 'session')]);
    // 30 synthetic law sections that all hold the word "gadgetry" (more than a page of results), written straight into the table.
    const text = 'A made-up gadgetry provision, written for this test.';
    for (let i = 0; i < 30; i++) {
      await db.dialect.run('INSERT INTO law_sections (code, number, heading, format, content, content_hash, text) VALUES (?, ?, ?, ?, ?, ?, ?)', ['WAT', `${80000 + i}`, '', 'text', zlib.deflateSync(Buffer.from(text)), `h${i}`, text]);
    }
    await db.dialect.transaction((tx) => new Writer(tx).optimizeIndexes());
    return {
      app: createApp({ database: db, storeDir: path.join(dir, 'uploads') }),
      cleanup: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  });
  let page: Page;
  let base: string;
  beforeEach(() => {
    ({ page, base } = suite);
  });
  const open = async (options: { bypassCSP?: boolean } = {}) => (page = await suite.open(options));

  it('should find Government Code § 7284.6 from the search box and list the bills touching it', async () => {
    await open();
    await page.goto(`${base}/`);
    await page.fill('#site-q', '7284.6');
    await page.press('#site-q', 'Enter');
    await page.waitForURL(/\/search\?q=7284\.6$/);
    expect(await page.locator('.results .result a').allTextContents()).to.deep.equal([
      'Government Code § 7284.6',
      'AB 2641 (2023–24 Regular Session) — proposed Government Code § 7282.7 (excerpt)',
      'SB 54 (2017–18 Regular Session) — California Values Act (Stats. 2017, ch. 495)',
    ]);
    expect(await page.locator('.results mark').first().textContent()).to.equal('7284.6');
    await page.click('text=Government Code § 7284.6');
    await page.waitForURL(/\/sections\/GOV\/7284\.6$/);
    expect(await page.locator('h1').textContent()).to.equal('Government Code § 7284.6');
    const rows = await page.locator('table.section-bills tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 2).map((c) => ((c as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim())));
    expect(rows).to.deep.equal([
      // "Notwithstanding Section 7282.5 or 7284.6, law enforcement officials shall …": it would override the section.
      ['AB 2641 2023–24 Regular Session proposed Government Code § 7282.7 (excerpt)', 'overrides notwithstanding it'],
      ['SB 54 2017–18 Regular Session California Values Act (Stats. 2017, ch. 495)', 'adds'],
    ]);
  });

  it('should narrow a search to an author’s bills from the form, and list their bills with no words, each section page naming who brings each bill', async () => {
    await open();
    await page.goto(`${base}/search?q=continuance`);
    expect(await page.locator('.results .result > a').allTextContents()).to.include('Penal Code § 1050');
    await page.fill('#f-author', 'Assembly Member Davies');
    await page.click('.search-form button[type=submit]');
    await page.waitForURL(/\/search\?q=continuance&session=&house=&status=&code=&author=Assembly\+Member\+Davies$/);
    expect(await page.locator('.results .result > a').allTextContents()).to.deep.equal(['AB 1656 (2025–26 Regular Session) — Human trafficking case continuances']);
    await page.fill('#q', '');
    await page.click('.search-form button[type=submit]');
    await page.waitForURL(/author=Assembly\+Member\+Davies$/);
    expect(await page.locator('.lede').first().textContent()).to.equal('The one result for the author “Assembly Member Davies”, the newest session first, then by number.');
    await page.goto(`${base}/sections/PEN/1050`);
    await page.click('.bauthors >> text=Assembly Member Davies');
    await page.waitForURL(/\/sessions\/ca\/20252026-0\/authors\/Davies$/);
    expect(await page.locator('h1').textContent()).to.equal('Assembly Member Davies');
  });

  it('should say how many results a full-text search has, rank them all, and page through them', async () => {
    await open();
    await page.goto(`${base}/search?q=synthetic`);
    expect((await page.locator('p.lede').textContent())!.replace(/\s+/g, ' ')).to.equal(
      'Results 1–6 of 6 for “synthetic”, the best first: every match ranked by relevance (4 bills and 2 law sections, listed in turn).',
    );
    expect(await page.locator('nav.search-pages').count()).to.equal(0);
    await page.goto(`${base}/search?q=synthetic&page=2`);
    expect((await page.locator('p.lede').textContent())!.replace(/\s+/g, ' ')).to.equal('No results on page 2: “synthetic” has 6, on page 1.');
    expect(await page.locator('nav.search-pages a').allTextContents()).to.deep.equal(['Previous page']);
    const bad = await fetch(`${base}/search?q=synthetic&page=0`);
    expect(bad.status).to.equal(400);
    expect(await bad.text()).to.contain('the page parameter must be a whole number from 1 to 41');
  });

  it('should number the results of a later page on from the page before, as its heading says', async () => {
    await open();
    // The numbers Chromium draws before each result: the list markers of its accessibility tree.
    const markers = async () => {
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value?: string }; name?: { value?: string } }> };
      await cdp.detach();
      return nodes.filter((n) => n.role?.value === 'ListMarker').map((n) => n.name?.value?.trim());
    };
    await page.goto(`${base}/search?q=gadgetry`);
    expect((await page.locator('p.lede').textContent())!.replace(/\s+/g, ' ')).to.equal(
      'Results 1–25 of 30 for “gadgetry”, the best first: every match ranked by relevance (0 bills and 30 law sections, listed in turn).',
    );
    expect(await markers()).to.deep.equal(Array.from({ length: 25 }, (_, i) => `${i + 1}.`));
    await page.click('text=Next page');
    await page.waitForURL(/\/search\?q=gadgetry&page=2$/);
    expect((await page.locator('p.lede').textContent())!.replace(/\s+/g, ' ')).to.equal(
      'Results 26–30 of 30 for “gadgetry”, the best first: every match ranked by relevance (0 bills and 30 law sections, listed in turn).',
    );
    expect(await markers()).to.deep.equal(['26.', '27.', '28.', '29.', '30.']);
    expect(await page.locator('ol.results').getAttribute('start')).to.equal('26');
  });

  it('should name, under a section a bill amends, the other pending bills that would change it, and apply both in turn', async () => {
    await open();
    await page.goto(`${base}/bills/ca-20252026-0-ab9001`);
    const rivals = page.locator('.touch-list li').filter({ hasText: 'Penal Code § 99001' }).locator('.rivals');
    expect(await rivals.innerText()).to.equal('Other pending bills that would change it: AB 9005 · apply both in turn');
    // Its own line, below the section, in the muted colour.
    const [section, line] = await Promise.all([page.locator('.touch-list li a').first().boundingBox(), rivals.boundingBox()]);
    expect(line!.y).to.be.greaterThan(section!.y + section!.height - 1);
    await rivals.locator('text=AB 9005').click();
    await page.waitForURL(/\/bills\/ca-20252026-0-ab9005$/);
    await page.goBack();
    await rivals.locator('text=apply both in turn').click();
    await page.waitForURL(/\/compare\?mode=apply&old=law%3APEN%3A99001&new=ver%3A20250AB900198AMD%2Cver%3A20250AB900599INT$/);
    expect(await page.locator('h1').innerText()).to.contain('AB 9005');
  });

  it('should show a bill’s versions on a timeline and open its comparison with current law', async () => {
    await open();
    await page.goto(`${base}/bills/ca-20252026-0-ab1656`);
    expect(await page.locator('.timeline .version h3').allTextContents()).to.deep.equal(['Introduced', 'Amended in Assembly', 'Amended in Senate latest']);
    expect(await page.locator('.timeline .version .vname').last().textContent()).to.equal(
      'Version name amended-senate · 198 words inserted, 94 deleted against Amended in Assembly (the Legislative Counsel’s change marks)',
    );
    await page.click('text=compare with current law');
    await page.waitForURL(/\/compare\?bill=ca-ab1656-2025-amended-senate&law=ca-penal-code-1050$/);
    expect(await page.locator('tr.clause.change').count()).to.be.greaterThan(3);
    await page.goBack();
    await page.locator('.timeline .version').nth(1).locator('text=changes from the version before').click();
    await page.waitForURL(/\/compare\?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-assembly$/);
    expect(await page.locator('ins').count()).to.be.greaterThan(0);
    // Any two versions, chosen on the bill's page.
    await page.goBack();
    await page.selectOption('#cv-old', { label: 'Amended in Assembly, March 5, 2026' });
    await page.click('form.compare-versions button');
    await page.waitForURL(/\/compare\?old=ca-ab1656-2025-amended-assembly&new=ca-ab1656-2025-amended-senate$/);
    expect(await page.locator('h1').textContent()).to.equal('AB 1656 Amended in Senate, June 11, 2026');
    // Its author, and their bills of the session.
    await page.goBack();
    await page.click('.authors >> text=Assembly Member Davies');
    await page.waitForURL(/\/sessions\/ca\/20252026-0\/authors\/Davies$/);
    expect(await page.locator('h1').textContent()).to.equal('Assembly Member Davies');
    expect(await page.locator('.author-bills tbody th').allTextContents()).to.deep.equal(['AB 1656']);
  });

  it('should show the session’s contested sections, gut and amends, and apply contested bills in turn', async () => {
    await open();
    await page.goto(`${base}/sessions/ca/20252026-0`);
    expect(await page.locator('.contested h3 > a').first().textContent()).to.equal('Penal Code § 99001');
    expect(await page.locator('.contested').first().locator('.bill-card .measure').allTextContents()).to.deep.equal(['AB 9001', 'AB 9005']);
    expect((await page.locator('.gut-list li').first().textContent())!.replace(/\s+/g, ' ')).to.equal('AB 9002 Amended in Senate, June 1, 2026: now “Synthetic widgets.”, was “Synthetic hearings.” · the changes');
    await page.click('text=apply them in turn');
    await page.waitForURL(/mode=apply/);
    expect(await page.locator('h1').textContent()).to.contain('Penal Code § 99001');
  });

  it('should browse from the site’s menu to a code, its sections, a section and the bills touching it, and a session’s every bill', async () => {
    await open();
    await page.goto(`${base}/`);
    await page.click('nav[aria-label="Site"] >> text=Codes');
    await page.waitForURL(/\/codes$/);
    expect(await page.locator('main li').allTextContents()).to.deep.equal(['Government Code GOV · 1 section', 'Penal Code PEN · 2 sections', 'Water Code WAT · 30 sections']);
    await page.click('text=Penal Code');
    await page.waitForURL(/\/codes\/PEN$/);
    expect(await page.locator('.section-list a').allTextContents()).to.deep.equal(['§ 1050', '§ 99001']);
    await page.click('text=§ 99001');
    await page.waitForURL(/\/sections\/PEN\/99001$/);
    expect(await page.locator('.section-bills tbody th a').allTextContents()).to.deep.equal(['AB 9001', 'AB 9005', 'AB 9002']);
    await page.click('.lede >> text=Penal Code');
    await page.waitForURL(/\/codes\/PEN$/);
    await page.goto(`${base}/sessions/ca/20252026-0`);
    expect(await page.locator('.bills-list tbody th').allTextContents()).to.deep.equal(['AB 1656', 'AB 9001', 'AB 9002', 'AB 9005', 'SB 9003']);
    await page.click('.bills-list >> text=SB 9003');
    await page.waitForURL(/\/bills\/ca-20252026-0-sb9003$/);
  });

  it('should go from a bill among the results to the author who brings it, and from a code named to its page', async () => {
    await open();
    await page.goto(`${base}/search?q=AB%201656`);
    expect(await page.locator('.results .by a').allTextContents()).to.deep.equal(['Assembly Member Davies']);
    await page.click('.results .by >> text=Assembly Member Davies');
    await page.waitForURL(/\/sessions\/ca\/20252026-0\/authors\/Davies$/);
    await page.goto(`${base}/search?q=Penal%20Code`);
    await page.click('.names-found >> text=Penal Code');
    await page.waitForURL(/\/codes\/PEN$/);
  });

  it('should go from a bill’s page to a version’s text, from there to the next version and to the changes from the one before', async () => {
    await open();
    await page.goto(`${base}/bills/AB%201656`);
    await page.waitForURL(/\/bills\/ca-20252026-0-ab1656$/);
    await page.click('#v-amended-assembly >> text=its text');
    await page.waitForURL(/\/bills\/ca-20252026-0-ab1656\/versions\/amended-assembly$/);
    expect(await page.locator('h2#text-h').textContent()).to.equal('Text');
    expect(await page.locator('.bill-text p').first().textContent()).to.equal('An act to amend Section 1050 of the Penal Code, relating to human trafficking.');
    await page.click('.version-nav >> text=Amended in Senate, June 11, 2026 →');
    await page.waitForURL(/\/versions\/amended-senate$/);
    await page.click('.version-nav >> text=changes from the version before');
    // (The bundled versions compared by their ids in the bundle.)
    await page.waitForURL(/\/compare\?old=ca-ab1656-2025-amended-assembly&new=ca-ab1656-2025-amended-senate$/);
    expect(await page.title()).to.match(/^AB 1656/);
  });

  it('should have no serious accessibility problems on the search, bill, version, author, section, session and codes pages', async () => {
    for (const url of ['/search?q=synthetic', '/search?author=Davies', '/sections/PEN/1050', '/bills/ca-20252026-0-ab9002', '/bills/ca-20252026-0-ab1656', '/bills/ca-20252026-0-ab1656/versions/amended-assembly', '/sessions/ca/20252026-0/authors/Davies', '/sessions/ca/20252026-0/authors', '/sections/PEN/99001', '/sessions/ca/20252026-0', '/sessions', '/codes', '/codes/PEN']) {
      await open({ bypassCSP: true });
      await page.goto(base + url);
      await page.addScriptTag({ path: AXE });
      const results = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as { violations: Array<{ id: string; impact: string }> };
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), url).to.deep.equal([]);
    }
  });
});
