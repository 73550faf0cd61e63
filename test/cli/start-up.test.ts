/**
 * What the command line loads when it starts: a comparison of two plain texts loads neither the
 * database side (drivers, importers, progress bar), nor node:crypto (an output file's temporary name
 * comes from /dev/urandom), nor htmlparser2 (until a page of HTML is read), nor Node's streams when
 * it writes to a file and has nothing to say (standard output and error are made on first use); the
 * bundle is pure ASCII. Correctness
 * of the lazy loading, never timing (timings are `npm run bench`'s).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { isStoreCommand } from '../../src/cli/store-argv.js';
import { STORE_USAGE } from '../../src/cli/store-commands.js';
import { repoRoot } from '../helpers/paths.js';

describe('cli/start-up', () => {
  describe('#isStoreCommand', () => {
    it('should know every command the database usage names', () => {
      const commands = [...STORE_USAGE.matchAll(/^ {2}billdiff ([a-z]+)\b/gm)].map((m) => m[1]!);
      expect(commands).to.deep.equal(['import', 'search', 'section', 'bill']);
      for (const command of commands) expect(isStoreCommand([command, 'x']), command).to.equal(true);
    });

    it('should know the versions of a bill by name and --data, in either spelling', () => {
      for (const argv of [['AB 1656', '--from', 'introduced'], ['AB 1656', '--to=latest'], ['a.txt', 'b.txt', '--data', 'db'], ['--data=db', 'search', 'x']]) {
        expect(isStoreCommand(argv), argv.join(' ')).to.equal(true);
      }
    });

    it('should leave a comparison of files, and a file named like a command in second place, to main', () => {
      for (const argv of [['old.txt', 'new.txt'], ['old.txt', 'import'], ['bill.xml', '--law', 'law.xml', '--apply'], ['--help'], ['--fromage']]) {
        expect(isStoreCommand(argv), argv.join(' ')).to.equal(false);
      }
    });
  });

  // Needs `npm run build` first (the test script builds before mocha).
  describe('the bundle (bin/billdiff.js)', () => {
    const bundle = path.join(repoRoot, 'dist', 'cli', 'billdiff.cjs');

    it('should be pure ASCII, with its code cache beside it', () => {
      const text = fs.readFileSync(bundle, 'latin1');
      expect(text.match(/[^\x00-\x7f]/g) ?? []).to.deep.equal([]);
      expect(fs.statSync(`${bundle}.cache`).size).to.be.greaterThan(0);
    });

    it('should compare two texts without loading the database side, node:crypto or htmlparser2, nor streams to write a file', function () {
      this.timeout(15000);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-start-'));
      try {
        // Synthetic texts, not real law.
        fs.writeFileSync(path.join(dir, 'old.txt'), '(a) The old text.\n');
        fs.writeFileSync(path.join(dir, 'new.txt'), '(a) The new text.\n');
        // The process reports, as it exits, what it loaded: Node's own modules and the packages.
        const probe = `
          const { loadCli } = require(${JSON.stringify(path.join(repoRoot, 'bin', 'load.js'))});
          process.on('exit', () => {
            const loaded = [...process.moduleLoadList.filter((m) => /^NativeModule (crypto|zlib|readline|http|stream)$/.test(m)).map((m) => m.split(' ')[1]),
              ...Object.keys(require.cache).map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean)];
            process.stderr.write(JSON.stringify([...new Set(loaded)].sort()));
          });
          loadCli().then((cli) => cli.run());`;
        // A file, not `node -e`, which loads node:crypto itself.
        fs.writeFileSync(path.join(dir, 'probe.cjs'), probe);
        const run = (...args: string[]) => spawnSync(process.execPath, ['probe.cjs', ...args], { cwd: dir, encoding: 'utf8' });
        const toStdout = run('old.txt', 'new.txt');
        expect({ status: toStdout.status, stdout: toStdout.stdout, loaded: toStdout.stderr }).to.deep.equal({ status: 1, stdout: '(a) The [-old-] {+new+} text.\n', loaded: '["stream"]' });
        const toFile = run('old.txt', 'new.txt', '-o', 'out.txt');
        expect({ status: toFile.status, out: fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'), loaded: toFile.stderr }).to.deep.equal({ status: 1, out: '(a) The [-old-] {+new+} text.\n', loaded: '[]' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
