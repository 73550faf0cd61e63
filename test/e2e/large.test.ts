/**
 * The compare views on the largest documents, in a real Chromium (Debian's /usr/bin/chromium;
 * the test fails, never skips, when it is missing). The old text is the FY2020 omnibus
 * (H.R. 1865, 3.1 MB of federal bill XML, ~7,800 clause rows) read from the shared corpus next
 * to the repository; the new text is a synthetic copy made in memory with a few words changed.
 * Both go through the app's upload route, as a user's files would.
 *
 * The diff is warmed before the timing (the inline view is fetched once, which aligns the two
 * texts and caches the alignment): the timed navigation measures rendering the side-by-side
 * page (building the page model, Handlebars, the network, the browser's layout and paint).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { type Browser, type Page } from 'playwright-core';
import { closeApp, createApp } from '../../src/server/app.js';
import { AXE, launchChromium, listen } from '../helpers/browser.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const OMNIBUS = path.resolve(repoRoot, '..', 'shared', 'corpus', 'us', 'bills', '116-hr1865', 'BILLS-116hr1865eah.xml');
const SCREENSHOT = process.env['BILLDIFF_SCREENSHOT'];

/** Synthetic: the omnibus with a few words changed near the start, the middle and the end. */
function syntheticRevision(text: string): string {
  let out = text.replace('Consolidated Appropriations Act', 'Consolidated Spending Act');
  for (const at of [0.3, 0.6, 0.9]) {
    const i = out.indexOf(' the ', Math.floor(out.length * at));
    out = `${out.slice(0, i)} a ${out.slice(i + 5)}`;
  }
  return out;
}

describe('e2e/large comparison', function () {
  this.timeout(120_000);
  let browser: Browser;
  let server: Server;
  let base: string;
  let storeDir: string;
  let app: ReturnType<typeof createApp>;
  let page: Page;
  let compareUrl: string;
  let consoleErrors: string[];

  before(async () => {
    if (!fs.existsSync(OMNIBUS)) throw new Error(`${OMNIBUS} is missing: the shared corpus should sit next to the repository`);
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-e2e-large-'));
    app = createApp({ storeDir });
    ({ server, base } = await listen(app));

    const original = fs.readFileSync(OMNIBUS, 'utf8');
    const form = new FormData();
    form.append('oldFile', new Blob([original], { type: 'application/xml' }), 'BILLS-116hr1865eah.xml');
    form.append('newFile', new Blob([syntheticRevision(original)], { type: 'application/xml' }), 'BILLS-116hr1865eah-edited.xml');
    const uploaded = await fetch(`${base}/upload`, { method: 'POST', body: form, redirect: 'manual' });
    expect(uploaded.status).to.equal(303);
    compareUrl = base + uploaded.headers.get('location')!;
    expect(compareUrl).to.match(/\/compare\?old=u%3A[0-9a-f]{64}&new=u%3A[0-9a-f]{64}$/);

    // Warm the diff (and the page model) through the other view, so the timing is rendering.
    const warm = await fetch(`${compareUrl}&view=inline`);
    expect(warm.status).to.equal(200);
    await warm.text();

    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (app) await closeApp(app);
    if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    consoleErrors = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterEach(async () => {
    await page?.context().close();
    expect(consoleErrors).to.deep.equal([]);
  });

  it('should render the first screen of the 3 MB comparison in under 2 s', async () => {
    await page.goto(compareUrl, { waitUntil: 'domcontentloaded' });
    // The first aligned row that is shown (rows folded away inside <details> are not).
    const firstRow = page.locator('table.clauses tr.clause:visible').first();
    await firstRow.waitFor({ state: 'visible' });
    // Milliseconds from the start of the navigation until the first aligned row is laid out
    // and the browser has painted a frame with it.
    const timing = await page.evaluate(
      () =>
        new Promise<{ firstScreen: number; domContentLoaded: number; responseEnd: number; bytes: number }>((resolve) => {
          requestAnimationFrame(() =>
            setTimeout(() => {
              const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
              resolve({ firstScreen: performance.now() - nav.startTime, domContentLoaded: nav.domContentLoadedEventEnd - nav.startTime, responseEnd: nav.responseEnd - nav.startTime, bytes: nav.transferSize });
            }, 0),
          );
        }),
    );
    console.log(`      first screen ${timing.firstScreen.toFixed(0)} ms (response end ${timing.responseEnd.toFixed(0)} ms, DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, ${(timing.bytes / 1024).toFixed(0)} KiB)`);
    expect(timing.firstScreen).to.be.below(2000);

    expect(await page.locator('.pager .where').first().textContent()).to.match(/^Clauses 1–300 of \d{4}, page 1 of \d+$/);
    expect(await page.locator('.change-list li').count()).to.equal(4);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });
  });

  it('should follow a change on a later page, go on with n and p, and find a clause from its permalink', async () => {
    await page.goto(compareUrl);
    // Change 3 is on a later page: its link carries page=.
    const link = page.locator('.change-list li#change-3 a');
    expect(await link.getAttribute('href')).to.match(/&page=\d+#c-/);
    await link.click();
    await page.waitForURL(/&page=\d+#c-/);
    const hash = await page.evaluate(() => location.hash);
    const row = page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`);
    expect(await row.isVisible()).to.equal(true);
    expect(await row.getAttribute('class')).to.contain('change');
    const pageOfChange3 = new URL(page.url()).searchParams.get('page');

    // n from the only change of this page goes on to change 4, on a later page.
    await page.keyboard.press('n');
    await page.waitForURL((url) => url.searchParams.get('page') !== pageOfChange3);
    await page.waitForLoadState('domcontentloaded');
    const hash4 = await page.evaluate(() => location.hash);
    expect(await page.locator('.change-list li#change-4 a').getAttribute('href')).to.equal(hash4);
    // p goes back to change 3.
    await page.keyboard.press('p');
    await page.waitForURL((url) => url.searchParams.get('page') === pageOfChange3);
    expect(await page.evaluate(() => location.hash)).to.equal(hash);

    // A permalink to that clause without the page (as a hand-made link would be) lands on its page.
    await page.goto(`${compareUrl}&view=inline${hash}`);
    await page.waitForURL((url) => url.searchParams.get('page') === pageOfChange3 && url.searchParams.get('view') === 'inline');
    await page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`).waitFor({ state: 'visible' });
  });

  it('should have no serious or critical accessibility violations on a later page', async () => {
    await page.context().close();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    await page.goto(`${compareUrl}&page=2`);
    await page.addScriptTag({ path: AXE });
    const results = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as {
      violations: Array<{ id: string; impact: string }>;
    };
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).to.deep.equal([]);
  });
});
