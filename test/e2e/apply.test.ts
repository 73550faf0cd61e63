/**
 * The Changes in Existing Law view in a real Chromium (Debian's /usr/bin/chromium), on a law's
 * instructions amending a U.S. Code section: the synthetic case committed in test/fixtures, and the
 * same suite on Pub. L. 116-9 and 54 U.S.C. 200304 from ../shared/corpus/us/amend-truth (skipped by
 * name on a bare clone, see ../helpers/shared.ts). Fails, never skips, when the browser is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { createApp } from '../../src/server/app.js';
import { AXE, browserSuite } from '../helpers/browser.js';
import { type ApplyCase, REAL_APPLY, SYNTHETIC_APPLY } from '../helpers/apply-cases.js';
import { describeShared } from '../helpers/shared.js';

describe('e2e/apply: Changes in Existing Law', function () {
  this.timeout(60_000);
  describe(SYNTHETIC_APPLY.title, () => applyInBrowser(SYNTHETIC_APPLY));
  describeShared(REAL_APPLY.title, () => applyInBrowser(REAL_APPLY));
});

/** The suite, on one case (see ../helpers/apply-cases.ts). */
function applyInBrowser(c: ApplyCase): void {
  const QUERY = `mode=apply&old=${c.section}&new=${c.law1}`;
  const s = `s${c.num}`;
  const cite = `${c.code} § ${c.num}`;
  const suite = browserSuite(async () => {
    const corpus = c.corpus();
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-e2e-'));
    return {
      app: createApp({ storeDir, corpusDir: corpus.dir }),
      cleanup: () => {
        fs.rmSync(storeDir, { recursive: true, force: true });
        corpus.remove();
      },
    };
  });
  let page: Page;
  let base: string;
  beforeEach(() => {
    ({ page, base } = suite);
  });
  const open = async (options: { bypassCSP?: boolean } = {}) => (page = await suite.open(options));

  /** The id of the element the location hash targets (`:target`). */
  const targetId = () => page.evaluate(() => document.querySelector(':target')?.id ?? null);

  /** Whether the element's top is in the window, below the sticky site header. */
  const inView = (locator: Locator) =>
    locator.evaluate((el) => {
      const header = document.querySelector('header.site')?.getBoundingClientRect().bottom ?? 0;
      const r = el.getBoundingClientRect();
      return r.top >= header - 1 && r.top < window.innerHeight;
    });

  it('should follow a change to its instruction and back', async () => {
    await page.goto(`${base}/`);
    await page.locator(`a[href="/compare?mode=apply&old=${c.section}&new=${c.law1}"]`).first().click();
    await page.waitForURL(new RegExp(`/compare\\?mode=apply&old=${c.section}&new=${c.law1}$`));
    expect(await page.locator('h1').innerText()).to.equal(`${cite} as amended by ${c.law1Measure} (${c.law1Version})`);
    expect(await page.locator('#ins-h').innerText()).to.equal(`3 instructions amend ${cite}: 3 applied, 0 refused`);

    // The bill's words and the change they made sit side by side.
    const entry = page.locator('[id="ins-i2"]');
    const words = await entry.locator('.ins-text').boundingBox();
    const effect = await entry.locator('.ins-effect').boundingBox();
    expect(effect!.x).to.be.greaterThan(words!.x + words!.width);
    expect(Math.abs(effect!.y - words!.y)).to.be.lessThan(60);

    // From the changed level (subsection (b), added) to the instruction that added it.
    const row = page.locator(`[id="c-${s}/b"]`);
    expect(await row.locator('td.new ins').first().textContent()).to.contain(`${c.bHead} ${c.bChapeau}`);
    await row.locator('a[href="#ins-i3"]').click();
    await page.waitForFunction(() => location.hash === '#ins-i3');
    expect(await targetId()).to.equal('ins-i3');
    const i3 = page.locator('[id="ins-i3"]');
    expect(await inView(i3)).to.equal(true);
    expect(await i3.locator('.ins-text').innerText()).to.contain(`by adding at the end the following: “${c.bHead}`);
    expect(await i3.locator('.ins-status').innerText()).to.match(/applied/i);

    // …and back from the instruction to a level it changed.
    await i3.locator(`a[href="#c-${s}/b/2"]`).click();
    await page.waitForFunction((hash) => location.hash === hash, `#c-${s}/b/2`);
    expect(await targetId()).to.equal(`c-${s}/b/2`);
    expect(await inView(page.locator(`[id="c-${s}/b/2"]`))).to.equal(true);

    // A level two instructions amended links to both; the first of them struck the second sentence.
    const amended = page.locator(`[id="c-${s}/a"]`);
    expect(await amended.locator('.by a').allTextContents()).to.deep.equal(['sec. 3001(b)(1)', 'sec. 3001(b)(2)']);
    await amended.locator('a[href="#ins-i1"]').click();
    await page.waitForFunction(() => location.hash === '#ins-i1');
    expect(await targetId()).to.equal('ins-i1');
    const i1 = page.locator('[id="ins-i1"]');
    expect(await i1.locator('.ins-text').innerText()).to.equal('by striking the second sentence');
    expect(await i1.locator('.ins-changes del').innerText()).to.contain(c.struck);
    await i1.locator(`a[href="#c-${s}/a"]`).click();
    await page.waitForFunction((hash) => location.hash === hash, `#c-${s}/a`);
    expect(await targetId()).to.equal(`c-${s}/a`);

    // The same round trip in the inline redline.
    await page.getByRole('link', { name: 'Inline redline' }).click();
    await page.waitForURL(/view=inline/);
    await page.locator(`[id="c-${s}/b/1"] a[href="#ins-i3"]`).click();
    await page.waitForFunction(() => location.hash === '#ins-i3');
    expect(await targetId()).to.equal('ins-i3');
  });

  it('should show the law as amended without marks', async () => {
    await page.goto(`${base}/compare?${QUERY}`);
    await page.getByRole('link', { name: 'Law as amended' }).click();
    await page.waitForURL(/view=clean/);
    const text = await page.locator('.statute').innerText();
    expect(text).to.contain(`§ ${c.num}. ${c.heading}`);
    expect(text).to.contain(c.a);
    expect(text).to.contain(c.b2);
    expect(text).not.to.contain(c.struck);
    expect(await page.locator('main del, main ins').count()).to.equal(0);
  });

  it('should print the instruction list and the redline to a PDF', async () => {
    await page.goto(`${base}/print?${QUERY}`);
    await page.emulateMedia({ media: 'print' });
    // What the printed page holds: the instructions, refused first (none here), and both kinds of mark.
    const instructions = page.locator('section.instructions');
    expect(await instructions.isVisible()).to.equal(true);
    expect(await instructions.locator('h2').innerText()).to.equal(`3 instructions amend ${cite}: 3 applied, 0 refused`);
    expect(await instructions.locator('li.instruction .ins-text').allInnerTexts()).to.have.length(3);
    expect(await page.locator('table.printable del').allInnerTexts()).to.satisfy((texts: string[]) =>
      texts.some((t) => t.includes(c.struck)),
    );
    expect(await page.locator('table.printable ins').allInnerTexts()).to.satisfy((texts: string[]) =>
      texts.some((t) => t.includes(`${c.bHead} ${c.bChapeau}`)),
    );
    expect(await page.locator('header.site').isVisible()).to.equal(false);
    // Struck and inserted text stay marked in black and white.
    const del = await page.locator('table.printable del').first().evaluate((el) => getComputedStyle(el).textDecorationLine);
    const ins = await page.locator('table.printable ins').first().evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(del).to.contain('line-through');
    expect(ins).to.contain('underline');
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 4).toString('latin1')).to.equal('%PDF');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length).to.be.greaterThan(0);
  });

  it('should list refused instructions first in the browser too', async () => {
    await page.goto(`${base}/compare?mode=apply&old=${c.section}&new=${c.law1},${c.law1}`);
    const ids = await page.locator('li.instruction').evaluateAll((items) => items.map((li) => `${li.id} ${li.className.replace('instruction ', '')}`));
    expect(ids).to.deep.equal(['ins-i4 s-refused', 'ins-i5 s-refused', 'ins-i6 s-refused', 'ins-i1 s-applied', 'ins-i2 s-applied', 'ins-i3 s-applied']);
    expect(await page.locator('[id="ins-i6"] .reason').innerText()).to.match(/^Refused: .+/);
  });

  it('should have no serious or critical accessibility violations', async () => {
    await open({ bypassCSP: true });
    for (const url of [`/compare?${QUERY}`, `/compare?${QUERY}&view=inline`, `/compare?${QUERY}&view=clean`, `/print?${QUERY}`]) {
      await page.goto(base + url);
      await page.addScriptTag({ path: AXE });
      const results = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as {
        violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
      };
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, url).to.deep.equal([]);
    }
  });
}
