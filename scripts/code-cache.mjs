// Writes V8's code cache of the CLI bundle (dist/cli/billdiff.cjs.cache): the bundle is compiled
// without a cache and run on the bundled texts — plain text, Markdown, CAML and federal XML, each
// output format, a bill against the law, and its instructions applied — then the code of every
// function compiled on the way is saved. bin/load.js compiles the bundle from it. The texts
// written here are SYNTHETIC; the others are the bundled corpus (bills/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_CACHE, loadBundle } from '../bin/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { exports: cli, script } = loadBundle({ useCache: false });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-code-cache-'));
try {
  const synthetic = (edit) =>
    Array.from({ length: 400 }, (_, i) => `${i % 40 === 0 ? `${1000 + i / 40}.\n` : ''}(${'abcdefgh'[i % 8]}) The synthetic agency shall ${i === 77 && edit ? 'review' : 'adopt'} plan number ${i}, as follows: a clause of words.`).join('\n');
  fs.writeFileSync(path.join(tmp, 'old.txt'), synthetic(false));
  fs.writeFileSync(path.join(tmp, 'new.txt'), synthetic(true));
  fs.writeFileSync(path.join(tmp, 'old.md'), `# Synthetic\n\n${synthetic(false)}\n`);
  fs.writeFileSync(path.join(tmp, 'new.md'), `# Synthetic\n\n> ${synthetic(true).split('\n').join('\n> ')}\n`);
  const bills = (...p) => path.join(root, 'bills', ...p);
  const runs = [
    [path.join(tmp, 'old.txt'), path.join(tmp, 'new.txt')],
    [path.join(tmp, 'old.md'), path.join(tmp, 'new.md')],
    [bills('ca', 'ca-ab1656-2025-introduced.xml'), bills('ca', 'ca-ab1656-2025-amended-senate-2026-06-11.xml')],
    [bills('us', 'us-114-hr766-ih.xml'), bills('us', 'us-114-hr766-rh.xml')],
    [bills('ca', 'ca-ab1656-2025-introduced.xml'), '--law', bills('ca', 'ca-penal-code-1050-current.xml')],
    [bills('ca', 'ca-ab1656-2025-introduced.xml'), '--law', bills('ca', 'ca-penal-code-1050-current.xml'), '--apply'],
  ];
  const sink = { write: () => true };
  for (const inputs of runs) {
    for (const format of ['json', 'wdiff', 'terminal', 'html']) {
      await cli.main([...inputs, '--format', format], { stdout: sink, stderr: sink, env: {}, cwd: root, readStdin: async () => Buffer.alloc(0) });
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
fs.writeFileSync(CODE_CACHE, script.createCachedData());
