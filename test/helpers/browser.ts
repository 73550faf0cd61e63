/**
 * Real Chromium for the end-to-end tests: Debian's /usr/bin/chromium through playwright-core. A
 * missing browser fails the test (CI installs it with `apt-get install -y chromium`), never skips it.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import type { Express } from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { closeApp, type createApp } from '../../src/server/app.js';

export const CHROMIUM = '/usr/bin/chromium';
/** axe-core, injected into pages for the accessibility checks. */
export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Chromium, headless, with the flags the project's browser tests use. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serves an app on a free port of 127.0.0.1; returns the server and its base URL. */
export async function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; base: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** What `browserSuite` gives a suite: the app's base URL, and the page of the running test. */
export interface BrowserSuite {
  readonly base: string;
  readonly browser: Browser;
  /** The current test's page (a fresh context each test). */
  readonly page: Page;
  /**
   * Opens a fresh page in a new context (closing the one before); `bypassCSP` for a test that injects
   * a script (axe-core). The page's console errors fail the test.
   */
  open(options?: { bypassCSP?: boolean }): Promise<Page>;
}

/**
 * The app-plus-Chromium setup of an end-to-end suite, once: `start` makes the app (and says how to
 * clean up what it made) before the suite's tests; the app is served on 127.0.0.1 and Chromium
 * launched; each test gets a fresh page, and fails if the page logged an error (a resource that did not
 * load, a CSP violation); after the suite, the browser, the server, the app's workers and the rest close.
 * `ready` runs once the app listens, before the browser starts (warming a comparison, uploading).
 */
export function browserSuite(
  start: () => Promise<{ app: Express; cleanup?: () => Promise<void> | void }>,
  ready?: (base: string) => Promise<void>,
): BrowserSuite {
  let app: Express | undefined;
  let cleanup: (() => Promise<void> | void) | undefined;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let base = '';
  let errors: string[] = [];
  const suite: BrowserSuite = {
    get base() {
      return base;
    },
    get browser() {
      return browser!;
    },
    get page() {
      return page!;
    },
    async open(options = {}) {
      await page?.context().close();
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      return page;
    },
  };
  before(async () => {
    ({ app, cleanup } = await start());
    ({ server, base } = await listen(app));
    await ready?.(base);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (app) await closeApp(app);
    await cleanup?.();
  });
  beforeEach(async () => {
    errors = [];
    await suite.open();
  });
  afterEach(async () => {
    await page?.context().close();
    page = undefined;
    expect(errors).to.deep.equal([]);
  });
  return suite;
}
