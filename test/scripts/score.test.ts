import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { repoRoot } from '../helpers/paths.js';

describe('scripts/score', () => {
  it('should say plainly that ../shared is absent, and score nothing', () => {
    // The script beside no ../shared: a copy in a fresh folder.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-score-'));
    try {
      fs.mkdirSync(path.join(dir, 'repo', 'scripts'), { recursive: true });
      for (const file of ['score.mjs', 'lobo.mjs']) fs.copyFileSync(path.join(repoRoot, 'scripts', file), path.join(dir, 'repo', 'scripts', file));
      const r = spawnSync(process.execPath, [path.join(dir, 'repo', 'scripts', 'score.mjs')], { encoding: 'utf8' });
      expect(r.status).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.match(/^npm run score: \.\.\/shared\/eval is absent \(looked for .*\/shared\/eval\/cases and .*\/shared\/eval\/score\.mjs\)\.\n/);
      expect(r.stderr).to.include('Nothing was scored.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
