/**
 * Real Chromium for the end-to-end tests: Debian's /usr/bin/chromium through playwright-core. A
 * missing browser fails the test (CI installs it with `apt-get install -y chromium`), never skips it.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import type { createApp } from '../../src/server/app.js';

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
