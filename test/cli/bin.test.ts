import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { repoRoot } from '../helpers/paths.js';

const BIN = path.join(repoRoot, 'bin', 'billdiff.js');

/** Runs `body` in a fresh folder holding old.txt and new.txt (synthetic, not real law); removes it after. */
function withTexts(body: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-bin-'));
  try {
    fs.writeFileSync(path.join(dir, 'old.txt'), '(a) The old text.\n(b) Same.\n');
    fs.writeFileSync(path.join(dir, 'new.txt'), '(a) The new text.\n(b) Same.\n');
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Needs `npm run build` first (the test script builds before mocha).
describe('cli/bin', () => {
  it('should run the built bin/billdiff.js for real: exit 1 and the wdiff on stdout', function () {
    this.timeout(15000);
    withTexts((dir) => {
      const result = spawnSync(process.execPath, [BIN, 'old.txt', 'new.txt'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(result.stderr).to.equal('');
      expect(result.stdout).to.equal('(a) The [-old-] {+new+} text.\n(b) Same.\n');
      expect(result.status).to.equal(1);

      const missing = spawnSync(process.execPath, [BIN, 'nope.txt', 'new.txt'], { cwd: dir, encoding: 'utf8' });
      expect(missing.status).to.equal(2);
      expect(missing.stderr).to.match(/^nope\.txt:1:1: /);
      expect(missing.stderr).to.not.match(/\n\s+at /);
    });
  });

  // Endless inputs: the process gets 2 GB of address space, so that a reader that does not stop at
  // the limit fails at once instead of filling the machine's memory.
  for (const [what, command, file] of [
    ['a device (/dev/zero)', '"$BILLDIFF" /dev/zero "$NEW" --max-size 1000', '/dev/zero'],
    ['standard input (from /dev/zero)', '"$BILLDIFF" - "$NEW" --max-size 1000 < /dev/zero', '<stdin>'],
  ] as const) {
    it(`should stop reading ${what} at --max-size with a clear error (exit 2)`, function () {
      this.timeout(15000);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-bin-'));
      try {
        fs.writeFileSync(path.join(dir, 'new.txt'), '(a) The new text.\n');
        const result = spawnSync('/bin/sh', ['-c', `ulimit -v 2000000; exec "$NODE" ${command}`], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NODE: process.execPath, BILLDIFF: path.join(repoRoot, 'bin', 'billdiff.js'), NEW: path.join(dir, 'new.txt') },
        });
        expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).to.deep.equal({
          status: 2,
          stdout: '',
          stderr: `${file}:1:1: input too large: more than the 1000 bytes billdiff reads (raise it with --max-size)\n`,
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('should say in one line that the output cannot be written (a full disk), exit 2, no stack trace', function () {
    this.timeout(15000);
    const full = fs.openSync('/dev/full', 'w');
    try {
      withTexts((dir) => {
        const result = spawnSync(process.execPath, [BIN, 'old.txt', 'new.txt'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        expect({ status: result.status, stderr: result.stderr }).to.deep.equal({
          status: 2,
          stderr: 'billdiff: cannot write the output: no space left on device (ENOSPC)\n',
        });
      });
    } finally {
      fs.closeSync(full);
    }
  });

  it('should stop quietly when the reader of its output stops early (| head), with the status of the comparison, in every format', function () {
    this.timeout(120000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-bin-'));
    try {
      // Synthetic: 3,000 numbered paragraphs, one changed, so that every format outgrows a pipe's buffer.
      const text = Array.from({ length: 3000 }, (_, i) => `(${i + 1}) Paragraph ${i + 1} of the synthetic text says nothing in particular, at some length.`).join('\n');
      fs.writeFileSync(path.join(dir, 'old.txt'), `${text}\n`);
      fs.writeFileSync(path.join(dir, 'new.txt'), `${text.replace('Paragraph 7 of the synthetic', 'Paragraph 7 of the revised')}\n`);
      const results = [];
      for (const format of ['wdiff', 'json', 'html', 'terminal']) {
        for (const reader of ['head -c 200', 'head -n 1']) {
          const result = spawnSync('/bin/sh', ['-c', `{ "$NODE" "$BILLDIFF" old.txt new.txt -f ${format} 2>err.txt; echo $? > status.txt; } | ${reader} > /dev/null`], {
            cwd: dir,
            encoding: 'utf8',
            env: { ...process.env, NODE: process.execPath, BILLDIFF: BIN, NO_COLOR: '1' },
          });
          const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
          results.push({ format, reader, shell: result.status, status: read('status.txt'), stderr: read('err.txt') });
        }
      }
      expect(results).to.deep.equal(
        ['wdiff', 'json', 'html', 'terminal'].flatMap((format) => ['head -c 200', 'head -n 1'].map((reader) => ({ format, reader, shell: 0, status: '1\n', stderr: '' }))),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
