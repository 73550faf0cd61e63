// Bundles the CLI into one file (dist/cli/billdiff.bundle.js): Node then loads one module
// instead of a few hundred, which halves the command's start-up time. Optional: when esbuild
// is not installed (a production install without devDependencies), bin/billdiff.js falls back
// to the unbundled dist/cli/bin.js.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('bundle: esbuild not installed; the CLI runs unbundled');
  process.exit(0);
}
await esbuild.build({
  entryPoints: [path.join(root, 'dist/cli/bin.js')],
  outfile: path.join(root, 'dist/cli/billdiff.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Native addons load their compiled binary relative to their own files: they stay in node_modules.
  external: ['better-sqlite3', 'pg-native'],
  // CommonJS dependencies bundled into ESM still call require().
  banner: { js: "import { createRequire as __billdiffRequire } from 'node:module'; const require = __billdiffRequire(import.meta.url);" },
});
