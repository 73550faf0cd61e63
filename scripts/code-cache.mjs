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
  // 1,230 lines (past the 1,024 a text's line index starts with), and the new text moves a section
  // (its 40 lines) to the end: the functions that only a longer text or a moved section runs are
  // compiled here too, not lazily in each run.
  const synthetic = (edit) => {
    const lines = Array.from({ length: 1200 }, (_, i) => `${i % 40 === 0 ? `${1000 + i / 40}.\n` : ''}(${'abcdefgh'[i % 8]}) The synthetic agency shall ${i === 77 && edit ? 'review' : 'adopt'} plan number ${i}, as follows: a clause of words.`);
    if (edit) lines.push(...lines.splice(120, 40));
    return lines.join('\n');
  };
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
  // Written to a file too (-o), as the benches do.
  await cli.main([...runs[0], '--format', 'json', '-o', path.join(tmp, 'out.json')], { stdout: sink, stderr: sink, env: {}, cwd: root, readStdin: async () => Buffer.alloc(0) });
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
fs.writeFileSync(CODE_CACHE, script.createCachedData());
