import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { closeApp, createApp } from '../../src/server/app.js';

describe('server: cross-reference links', () => {
  let base: string;
  let stop: () => Promise<void>;

  before(async () => {
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-store-'));
    const app = createApp({ storeDir });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stop = async () => {
      await new Promise((resolve) => server.close(resolve));
      await closeApp(app);
      fs.rmSync(storeDir, { recursive: true, force: true });
    };
  });
  after(() => stop());

  it('should link a U.S. Code citation in H.R. 766 to the Code, and not the level’s own designation', async () => {
    const html = await (await fetch(`${base}/compare?old=us-114-hr766-ih&new=us-114-hr766-rh`)).text();
    expect(html).to.include(
      '<a class="ref" href="https://uscode.house.gov/view.xhtml?req&#x3D;granuleid:USC-prelim-title12-section1813">section 3 of the Federal Deposit Insurance Act (12 U.S.C. 1813)</a>',
    );
    expect(html).to.not.match(/<a class="ref"[^>]*>Section 1\.<\/a>/);
  });

  it('should never build a link from hostile text', async () => {
    const res = await fetch(`${base}/api/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ old: '(a) See section 3 of the Act (12 U.S.C. 1813).\n', new: '(a) See section 3 of the Act (12 U.S.C. javascript:alert(1)).\n' }),
    });
    expect(res.status).to.equal(200);
    const upload = new URLSearchParams({ old: '(a) See 12 U.S.C. 1813.\n', new: '(a) See 12 U.S.C. "><script>alert(1)</script>.\n' });
    const page = await fetch(`${base}/upload`, { method: 'POST', body: upload, redirect: 'follow' });
    const html = await page.text();
    expect(html).to.not.include('<script>alert(1)</script>');
    for (const m of html.matchAll(/<a class="ref" href="([^"]*)"/g)) expect(m[1]).to.match(/^(#c-|https:\/\/uscode\.house\.gov\/|https:\/\/leginfo\.legislature\.ca\.gov\/)/);
  });
});
