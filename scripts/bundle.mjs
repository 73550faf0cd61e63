// Bundles the CLI into one file (dist/cli/billdiff.cjs) and writes V8's code cache for it
// (dist/cli/billdiff.cjs.cache): bin/billdiff.js compiles the bundle from that cache, so Node
// loads one file and compiles none of its functions again (the cache is made by running the
// command once, here, on the bundled texts). Optional: when esbuild is not installed (a
// production install without devDependencies), bin/billdiff.js falls back to the unbundled
// dist/cli/bin.js; when the cache does not fit the Node that runs it, V8 ignores it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/cli/billdiff.cjs');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('bundle: esbuild not installed; the CLI runs unbundled');
  process.exit(0);
}
for (const stale of ['billdiff.bundle.js', 'billdiff.cjs.cache']) fs.rmSync(path.join(root, 'dist/cli', stale), { force: true });
await esbuild.build({
  // `run` for bin/billdiff.js, `main` for scripts/code-cache.mjs.
  stdin: { contents: "export { run } from './bin.js';\nexport { main } from './main.js';\n", resolveDir: path.join(root, 'dist/cli'), sourcefile: 'bundle-entry.js' },
  outfile: bundle,
  bundle: true,
  platform: 'node',
  // CommonJS, so that bin/billdiff.js can compile it as a vm.Script with a code cache (an ES
  // module cannot take one on Node 20).
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // Native addons load their compiled binary relative to their own files: they stay in node_modules.
  external: ['better-sqlite3', 'pg-native'],
  // The loader passes the URL the bundle would have as a module.
  define: { 'import.meta.url': '__billdiffUrl' },
});

// The code cache, in a process of its own (see code-cache.mjs).
const cache = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.mjs')], { cwd: root, encoding: 'utf8' });
if (cache.status !== 0) console.log(`bundle: no code cache (${(cache.stderr || cache.stdout).trim().split('\n').pop()})`);
