/**
 * The compare views on large documents, in a real Chromium (Debian's /usr/bin/chromium; the test
 * fails, never skips, when it is missing). Two old texts: a synthetic statute of 2,000 paragraphs
 * made in memory (runs everywhere), and the FY2020 omnibus (H.R. 1865, 3.1 MB of federal bill XML,
 * ~7,800 level rows) read from the shared corpus next to the repository (skipped by name on a bare
 * clone, see ../helpers/shared.ts). The new text is a synthetic copy made in memory with a few words
 * changed. Both go through the app's upload route, as a user's files would.
 *
 * The diff is warmed before the timing (the inline view is fetched once, which aligns the two
 * texts and caches the alignment): the timed navigation measures rendering the side-by-side
 * page (building the page model, Handlebars, the network, the browser's layout and paint).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createApp } from '../../src/server/app.js';
import { AXE, browserSuite } from '../helpers/browser.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const SCREENSHOT = process.env['BILLDIFF_SCREENSHOT'];

/** A large document to compare with a copy of itself with a few words changed. */
interface LargeCase {
  /** The file name the upload gives, its media type, and its text. */
  name: string;
  type: string;
  text(): string;
  /** Words of its title, changed in the copy (one change; the copy changes three more words). */
  title: [string, string];
}

/** Synthetic: the text with its title changed and a few words changed near the start, the middle and the end. */
function syntheticRevision(text: string, [from, to]: [string, string]): string {
  let out = text.replace(from, to);
  for (const at of [0.3, 0.6, 0.9]) {
    const i = out.indexOf(' the ', Math.floor(out.length * at));
    out = `${out.slice(0, i)} a ${out.slice(i + 5)}`;
  }
  return out;
}

/** Synthetic, written for this test, not real law: 40 sections of 50 paragraphs each. */
function syntheticStatute(): string {
  const lines = ['SYNTHETIC CONSOLIDATED RULES ACT (synthetic, written for this test, not real law)'];
  for (let s = 1; s <= 40; s++) {
    lines.push(`SEC. ${s}. RULES OF PART ${s}.`);
    for (let p = 1; p <= 50; p++) lines.push(`(${p}) Rule ${p} of part ${s}: the clerk shall keep the record of the matter for ${p + s} days.`);
  }
  return `${lines.join('\n')}\n`;
}

const SYNTHETIC_LARGE: LargeCase = {
  name: 'synthetic-rules.txt',
  type: 'text/plain',
  text: syntheticStatute,
  title: ['CONSOLIDATED RULES', 'CONSOLIDATED SPENDING RULES'],
};

const OMNIBUS: LargeCase = {
  name: 'BILLS-116hr1865eah.xml',
  type: 'application/xml',
  text: () => fs.readFileSync(sharedPath('corpus', 'us', 'bills', '116-hr1865', 'BILLS-116hr1865eah.xml'), 'utf8'),
  title: ['Consolidated Appropriations Act', 'Consolidated Spending Act'],
};

describe('e2e/large comparison', function () {
  this.timeout(120_000);
  describe('a synthetic statute of 2,000 paragraphs', () => largeSuite(SYNTHETIC_LARGE));
  describeShared('the FY2020 omnibus (H.R. 1865 EAH, ../shared/corpus/us)', () => largeSuite(OMNIBUS));
});

/** The suite, on one document. */
function largeSuite(c: LargeCase): void {
  let compareUrl: string;
  const suite = browserSuite(
    async () => {
      const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-e2e-large-'));
      // A budget no loaded machine reaches: what is shown must not depend on the budget's fallback.
      return { app: createApp({ storeDir, diffBudgetMs: 120_000 }), cleanup: () => fs.rmSync(storeDir, { recursive: true, force: true }) };
    },
    async (base) => {
      const original = c.text();
      const form = new FormData();
      form.append('oldFile', new Blob([original], { type: c.type }), c.name);
      form.append('newFile', new Blob([syntheticRevision(original, c.title)], { type: c.type }), c.name.replace('.', '-edited.'));
      const uploaded = await fetch(`${base}/upload`, { method: 'POST', body: form, redirect: 'manual' });
      expect(uploaded.status).to.equal(303);
      compareUrl = base + uploaded.headers.get('location')!;
      expect(compareUrl).to.match(/\/compare\?old=u%3A[0-9a-f]{64}&new=u%3A[0-9a-f]{64}(?:&format=text)?$/);

      // Compute the diff (and the page model) once, through the other view.
      const warm = await fetch(`${compareUrl}&view=inline`);
      expect(warm.status).to.equal(200);
      await warm.text();
    },
  );
  let page: Page;
  beforeEach(() => {
    page = suite.page;
  });

  it('should show the first screen of the comparison: the first aligned row, the pager and the changes on the page', async () => {
    // How fast the first screen comes is measured by `npm run bench`, never by a test.
    await page.goto(compareUrl, { waitUntil: 'domcontentloaded' });
    // The first aligned row that is shown (rows folded away inside <details> are not).
    await page.locator('table.clauses tr.clause:visible').first().waitFor({ state: 'visible' });
    expect(await page.locator('.pager .where').first().textContent()).to.match(/^Clauses 1–300 of \d{4}, page 1 of \d+$/);
    expect(await page.locator('.change-list li').count()).to.equal(4);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });
  });

  it('should follow a change on a later page, go on with n and p, and find a level from its permalink', async () => {
    await page.goto(compareUrl);
    // Change 3 is on a later page: its link carries page=.
    const link = page.locator('.change-list li#change-3 > a');
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

    // A permalink to that level without the page (as a hand-made link would be) lands on its page.
    await page.goto(`${compareUrl}&view=inline${hash}`);
    await page.waitForURL((url) => url.searchParams.get('page') === pageOfChange3 && url.searchParams.get('view') === 'inline');
    await page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`).waitFor({ state: 'visible' });
  });

  it('should have no serious or critical accessibility violations on a later page', async () => {
    page = await suite.open({ bypassCSP: true });
    await page.goto(`${compareUrl}&page=2`);
    await page.addScriptTag({ path: AXE });
    const results = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as {
      violations: Array<{ id: string; impact: string }>;
    };
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).to.deep.equal([]);
  });
}
