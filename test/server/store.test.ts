import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { closeApp, createApp } from '../../src/server/app.js';
import { UploadStore } from '../../src/server/store.js';

describe('server/store', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should store bytes under their sha256 and give them back', async () => {
    const store = new UploadStore(dir);
    const id = await store.put(Buffer.from('(a) One.\n'));
    expect(id).to.equal(`u:${createHash('sha256').update('(a) One.\n').digest('hex')}`);
    expect((await store.get(id))?.toString()).to.equal('(a) One.\n');
    expect(fs.readdirSync(dir)).to.deep.equal([id.slice(2)]);
  });

  it('should remove at start-up the half-written files of processes that are gone, and keep those of running ones', async () => {
    const stored = 'a'.repeat(64);
    const files = {
      // Written by a process that no longer runs (a pid above Linux's largest).
      dead: `.tmp-4194305-0123456789abcdef-a1b2c3d4e5f6`,
      // The name the store used before temporary files carried a pid.
      unnamed: '.tmp-0123456789abcdef-a1b2c3d4e5f6',
      // Being written by a running process (this one).
      running: `.tmp-${process.pid}-0123456789abcdef-a1b2c3d4e5f6`,
    };
    fs.writeFileSync(path.join(dir, stored), 'kept');
    for (const name of Object.values(files)) fs.writeFileSync(path.join(dir, name), 'half a text');
    const app = createApp({ storeDir: dir });
    await closeApp(app);
    expect(fs.readdirSync(dir).sort()).to.deep.equal([files.running, stored].sort());
  });

  it('should start on a store folder that does not exist yet', async () => {
    const app = createApp({ storeDir: path.join(dir, 'not-yet') });
    await closeApp(app);
    expect(fs.existsSync(path.join(dir, 'not-yet'))).to.equal(false);
  });
});
