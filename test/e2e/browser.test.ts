/**
 * End-to-end tests in a real Chromium (Debian's /usr/bin/chromium). They fail, never skip,
 * when the browser is missing: CI installs it with `apt-get install -y chromium`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createApp } from '../../src/server/app.js';
import { AXE, browserSuite } from '../helpers/browser.js';


describe('e2e/browser', function () {
  this.timeout(60_000);
  const suite = browserSuite(async () => {
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-e2e-'));
    return { app: createApp({ storeDir }), cleanup: () => fs.rmSync(storeDir, { recursive: true, force: true }) };
  });
  let page: Page;
  let base: string;
  beforeEach(() => {
    ({ page, base } = suite);
  });
  /** A fresh page; axe-core is injected inline, so the a11y test alone bypasses the CSP. */
  const open = async (options: { bypassCSP?: boolean } = {}) => (page = await suite.open(options));

  /** Runs axe-core and returns the serious and critical violations. */
  async function seriousViolations(): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const results = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as {
      violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
    };
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('should go from the corpus to a comparison, follow a change, and switch baseline', async () => {
    await page.goto(`${base}/`);
    await expect(await page.locator('h1').textContent()).to.equal('Bills in the corpus');
    await page.locator('a', { hasText: 'changes from Amended in Assembly, March 5, 2026' }).click();
    await page.waitForURL(/\/compare\?old=ca-ab1656-2025-amended-assembly&new=ca-ab1656-2025-amended-senate/);
    // Switch the baseline to the introduced version.
    await page.getByRole('navigation', { name: 'Change the baseline' }).getByRole('link', { name: 'Introduced, January 29, 2026' }).click();
    await page.waitForURL(/old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate/);
    expect(await page.locator('.baseline .relative').textContent()).to.contain('Changes relative to: Introduced, January 29, 2026');

    const citations = await page.locator('.change-list .citation').allTextContents();
    expect(citations).to.include.members(['§ 1050(d)', '§ 1050(g)(2)', '§ 1050(g)(3)', '§ 1050(g)(4)']);
    expect(await page.locator('.change-list li', { hasText: '§ 1050(g)(4)' }).textContent()).to.contain('added');

    await page.locator('.change-list a', { hasText: '§ 1050(g)(4)' }).click();
    await page.waitForFunction(() => location.hash === '#c-sec1/s1050/g/4');
    const row = page.locator('[id="c-sec1/s1050/g/4"]');
    expect(await row.isVisible()).to.equal(true);
    expect(await row.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    })).to.equal(true);
    expect(await row.locator('td.new ins').first().textContent()).to.contain('In a case involving human trafficking');

    // Keyboard: n moves to the next change.
    await page.keyboard.press('n');
    await page.waitForFunction(() => location.hash !== '#c-sec1/s1050/g/4');
    expect(await page.evaluate(() => location.hash)).to.equal('#c-sec1/s1050/i');

    // Current law as the baseline.
    await page.getByRole('link', { name: 'current Penal Code 1050' }).click();
    await page.waitForURL(/bill=ca-ab1656-2025-amended-senate&law=ca-penal-code-1050/);
    expect(await page.locator('.baseline .relative').textContent()).to.contain('Changes relative to: current Penal Code 1050');
  });

  it('should keep the column headings and a level it jumps to clear of the site header, wide or narrow', async () => {
    for (const width of [1280, 1024, 600]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${base}/compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate#c-sec1/s1050/g/4`);
      const boxes = await page.evaluate(() => {
        const site = document.querySelector('header.site')!;
        const heading = document.querySelector('table.clauses > thead th')!.getBoundingClientRect();
        return {
          header: getComputedStyle(site).position === 'sticky' ? Math.round(site.getBoundingClientRect().bottom) : 0,
          headingTop: Math.round(heading.top),
          headingBottom: Math.round(heading.bottom),
          row: Math.round(document.querySelector('[id="c-sec1/s1050/g/4"]')!.getBoundingClientRect().top),
        };
      });
      // Scrolled to the level, the sticky headings sit right under the site header, the level under them.
      expect(boxes.headingTop, `${width} px: ${JSON.stringify(boxes)}`).to.be.within(boxes.header - 1, boxes.header + 1);
      expect(boxes.row, `${width} px: ${JSON.stringify(boxes)}`).to.be.at.least(boxes.headingBottom - 1);
    }
  });

  it('should print to a PDF of several pages', async () => {
    await page.goto(`${base}/print?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 4).toString('latin1')).to.equal('%PDF');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages.length).to.be.greaterThan(2);
  });

  it('should show hostile texts literally, run no script and fetch nothing from them', async () => {
    const hostile = [
      '(a) <script>alert(1)</script>',
      '(b) "><img src=x onerror=alert(1)>',
      "(c) {{constructor.constructor('alert(1)')()}}",
      '(d) [x](javascript:alert(1))',
    ].join('\n\n');
    const dialogs: string[] = [];
    const strayRequests: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(base)) strayRequests.push(request.url());
      else if (/\/x$/.test(new URL(request.url()).pathname)) strayRequests.push(request.url());
    });
    await page.goto(`${base}/upload`);
    await page.getByLabel('Paste the old text').fill('(a) Plain text.');
    await page.getByLabel('Paste the new text').fill(hostile);
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/\/compare\?old=u%3A[0-9a-f]{64}&new=u%3A[0-9a-f]{64}/);
    const text = await page.locator('table.clauses').innerText();
    expect(text).to.contain('<script>alert(1)</script>');
    expect(text).to.contain('"><img src=x onerror=alert(1)>');
    expect(text).to.contain("{{constructor.constructor('alert(1)')()}}");
    expect(text).to.contain('[x](javascript:alert(1))');
    expect(await page.locator('main img, main script').count()).to.equal(0);
    await page.goto(`${page.url()}&view=inline`);
    await page.waitForTimeout(200);
    expect(dialogs).to.deep.equal([]);
    expect(strayRequests).to.deep.equal([]);
  });

  it('should have no serious or critical accessibility violations', async () => {
    await open({ bypassCSP: true });
    for (const url of [
      '/',
      '/compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate',
      '/compare?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate&view=inline',
      '/print?old=ca-ab1656-2025-introduced&new=ca-ab1656-2025-amended-senate',
      '/compare?mode=apply&old=ca-penal-code-1050&new=ca-ab1656-2025-introduced',
      '/compare?mode=apply&old=ca-penal-code-1050&new=ca-ab1656-2025-introduced&view=clean',
      '/upload',
    ]) {
      await page.goto(base + url);
      expect(await seriousViolations(), url).to.deep.equal([]);
    }
  });
});
