// Bundles the CLI into one file (dist/cli/billdiff.cjs) and writes V8's code cache for it
// (dist/cli/billdiff.cjs.cache): bin/billdiff.js compiles the bundle from that cache, so Node
// loads one file and compiles none of its functions again (the cache is made by running the
// command once, here, on the bundled texts). The database side of the command line
// (cli/store-commands.js: import, search, section, --from/--to, with the drivers, the importers
// and the progress bar) is a second bundle, dist/cli/billdiff-store.cjs, which the first
// requires when a command needs it: a comparison reads, and compiles from its cache, only what it
// runs: 781 KB of source and a 653 KB cache, where the one bundle was 1.3 MB and 766 KB.
// Optional: when esbuild is not installed (a production install without devDependencies),
// bin/billdiff.js falls back to the unbundled dist/cli/bin.js; when the cache does not fit the
// Node that runs it, V8 ignores it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/cli/billdiff.cjs');
const storeBundle = path.join(root, 'dist/cli/billdiff-store.cjs');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('bundle: esbuild not installed; the CLI runs unbundled');
  process.exit(0);
}
for (const stale of ['billdiff.bundle.js', 'billdiff.cjs.cache', 'billdiff-store.cjs']) fs.rmSync(path.join(root, 'dist/cli', stale), { force: true });
/** What both bundles are built with. */
const common = {
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
};
/**
 * main.js's `import('./store-commands.js')`: a module that requires the second bundle beside the
 * first when a command needs it (a `require`, which the vm.Script the bundle runs in has, not an
 * `import()`, which it has not).
 */
const storeSide = {
  name: 'store-side',
  setup(build) {
    build.onResolve({ filter: /^\.\/store-commands\.js$/ }, () => ({ path: 'store-side', namespace: 'store-side' }));
    build.onLoad({ filter: /.*/, namespace: 'store-side' }, () => ({ contents: "module.exports = require('./billdiff-store.cjs');", loader: 'js' }));
    build.onResolve({ filter: /^\.\/billdiff-store\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};
await esbuild.build({
  ...common,
  // `run` for bin/billdiff.js, `main` for scripts/code-cache.mjs.
  stdin: { contents: "export { run } from './bin.js';\nexport { main } from './main.js';\n", resolveDir: path.join(root, 'dist/cli'), sourcefile: 'bundle-entry.js' },
  outfile: bundle,
  plugins: [storeSide],
});
await esbuild.build({
  ...common,
  entryPoints: [path.join(root, 'dist/cli/store-commands.js')],
  outfile: storeBundle,
  // Required as a plain CommonJS file: the URL the store side would have as a module, beside the first bundle's.
  banner: { js: "var __billdiffUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'bin.js')).href;" },
});
// Pure ASCII, so that Node reads the bundle as a one-byte string without decoding UTF-8 (~2 ms
// less at every start). esbuild escapes strings and plain templates, and leaves other characters
// only in regular-expression literals (`/[—–]/`), where a \u escape means the same, and in tagged
// templates, where the tag sees the raw text: in a String.raw template each becomes `${"\u2014"}`
// (the same string); another tag fails the build, as does a backslash before such a character.
for (const file of [bundle, storeBundle]) fs.writeFileSync(file, asciiOnly(fs.readFileSync(file, 'utf8')));

// The code cache, in a process of its own (see code-cache.mjs).
const cache = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.mjs')], { cwd: root, encoding: 'utf8' });
if (cache.status !== 0) console.log(`bundle: no code cache (${(cache.stderr || cache.stdout).trim().split('\n').pop()})`);

/** `code` with every character past U+007F written as an escape that means the same. */
function asciiOnly(code) {
  const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  const NON_ASCII = /[^\x00-\x7f]/g;
  const HAS_NON_ASCII = /[^\x00-\x7f]/;
  // String.raw templates whose substitutions are plain names (all the bundle holds).
  const raw = /String\.raw`(?:[^`\\$]|\\.|\$(?!\{)|\$\{[\w$.]*\})*`/g;
  const out = [];
  let at = 0;
  for (const m of code.matchAll(raw)) {
    out.push(code.slice(at, m.index), m[0].replace(NON_ASCII, (c) => `\${"${escape(c)}"}`));
    at = m.index + m[0].length;
  }
  out.push(code.slice(at));
  const ascii = out.join('');
  ascii.split('\n').forEach((line, i) => {
    if (!HAS_NON_ASCII.test(line) || /^\s*(?:\*|\/\/|\/\*)/.test(line)) return;
    if (/\\[^\x00-\x7f]/.test(line)) throw new Error(`bundle: line ${i + 1}: a backslash before a non-ASCII character`);
    // A tagged template (a name, `)` or `]` before a backtick) holding such a character, outside comments.
    if (/[\w$)\]]`[^`]*[^\x00-\x7f]/.test(line)) throw new Error(`bundle: line ${i + 1}: a non-ASCII character in a tagged template`);
  });
  return ascii.replace(NON_ASCII, escape);
}
