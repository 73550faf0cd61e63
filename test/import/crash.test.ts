import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { billsPath, fixturePath, repoRoot } from '../helpers/paths.js';
import { termIndexStale } from '../../src/store/term-index.js';
import { describeBackends } from '../store/backends.js';

/**
 * A pubinfo folder of `count` synthetic bills (renumbered copies of the synthetic AB 9001), one
 * version each; the row in the middle names a lob that is not there, so the import reports it on
 * stderr half way through.
 */
function syntheticSet(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const lob = fs.readFileSync(fixturePath('store-pubinfo-synthetic', 'session', 'BILL_VERSION_TBL_1.lob'), 'utf8');
  const bills: string[] = [];
  const versions: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 20000 + i;
    bills.push(`\`202520260AB${n}\`\t\`20252026\`\t\`0\`\t\`AB\`\t${n}\t\`Introduced\`\tNULL\tNULL\tNULL\tNULL\t\`20250AB${n}99INT\`\t\`Y\`\t\`LEG_ESI\`\tNULL\tNULL\tNULL\t\`Assembly\`\t\`In Committee Process\`\tNULL`);
    const file = i === Math.floor(count / 2) ? 'BILL_VERSION_TBL_999999.lob' : `BILL_VERSION_TBL_${n}.lob`;
    versions.push(`\`20250AB${n}99INT\`\t\`202520260AB${n}\`\t99\t2026-01-05 00:00:00\t\`Introduced\`\tNULL\t\`Synthetic motions ${n}.\`\t\`Majority\`\t\`No\`\t\`No\`\t\`No\`\tNULL\t\`No\`\t\`No\`\t${file}\t\`Y\`\t\`LEG_ESI\`\tNULL`);
    fs.writeFileSync(path.join(dir, `BILL_VERSION_TBL_${n}.lob`), lob.replace('20250AB__900199INT', `20250AB__${n}99INT`).replace('<caml:MeasureNum>9001<', `<caml:MeasureNum>${n}<`));
  }
  fs.writeFileSync(path.join(dir, 'BILL_TBL.dat'), `${bills.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'BILL_VERSION_TBL.dat'), `${versions.join('\n')}\n`);
}

/** Runs `billdiff import` in a child process; with `killOn`, kills it (SIGKILL) when stderr shows that text. */
function runImport(args: string[], env: Record<string, string>, killOn?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'billdiff.js'), 'import', ...args], { env: { ...process.env, ...env, BILLDIFF_DATA: env['BILLDIFF_DATA'] ?? '', DATABASE_URL: env['DATABASE_URL'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (killOn && stderr.includes(killOn)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describeBackends('import: kill -9 half way through an input, then again', (backend) => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-crash-'));
    syntheticSet(path.join(dir, 'session'), 240);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should leave the database as it was before the input, and complete it on the next run', async function () {
    this.timeout(120000);
    const args = [billsPath(), path.join(dir, 'session')];
    const killed = await runImport(args, backend().env, 'missing lob BILL_VERSION_TBL_999999.lob');
    expect(killed.signal).to.equal('SIGKILL');
    expect(killed.stdout).to.equal('');

    const db = await backend().open();
    try {
      // The bundled corpus, imported first, committed; nothing of the killed input.
      expect(await db.dialect.all('SELECT name, kind FROM imports')).to.deep.equal([{ name: billsPath(), kind: 'corpus' }]);
      expect(await db.dialect.all('SELECT COUNT(*) AS n FROM bills WHERE measure_num >= 20000')).to.deep.equal([{ n: 0 }]);
      expect(await db.dialect.all('SELECT COUNT(*) AS n FROM versions')).to.deep.equal([{ n: 8 }]);
      // The term index is made once, after the inputs: killed before that, it is left stale (never read).
      expect(await termIndexStale(db.dialect)).to.equal(true);
    } finally {
      await db.close();
    }

    const again = await runImport(args, backend().env);
    expect(again.code).to.equal(1);
    expect(again.stderr).to.equal(`${path.join(dir, 'session')}/BILL_VERSION_TBL.dat:121: missing lob BILL_VERSION_TBL_999999.lob\n`);
    expect(again.stdout).to.match(/^Imported 1 input \(1 already imported, unchanged\): 480 rows = 479 new \+ 0 updated \+ 0 unchanged \+ 1 skipped \(bad rows\); .* s into /);
    const after = await backend().open();
    try {
      expect(await after.dialect.all('SELECT COUNT(*) AS n FROM bills WHERE measure_num >= 20000')).to.deep.equal([{ n: 240 }]);
      expect(await after.dialect.all('SELECT COUNT(*) AS n FROM versions WHERE bill_id LIKE \'ca-20252026-0-ab2%\'')).to.deep.equal([{ n: 239 }]);
      expect(await after.dialect.all('SELECT COUNT(*) AS n FROM imports')).to.deep.equal([{ n: 2 }]);
      expect(await termIndexStale(after.dialect)).to.equal(false);
      // Left stale by a run killed after its last input: the next run makes it, though it imports nothing.
      await after.dialect.run("UPDATE meta SET value = 'stale' WHERE key = 'terms:bill'");
    } finally {
      await after.close();
    }
    const third = await runImport(args, backend().env);
    expect(third.stdout).to.match(/^Imported 0 inputs \(2 already imported, unchanged\)/);
    const last = await backend().open();
    try {
      expect(await termIndexStale(last.dialect)).to.equal(false);
      expect((await last.search('synthetic motions')).results.length).to.be.greaterThan(0);
    } finally {
      await last.close();
    }
  });
});
