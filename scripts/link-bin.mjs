// Links this package's own command into node_modules/.bin, so that node_modules/.bin/billdiff
// works in a checkout as it does for a dependent package (npx billdiff works either way).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
if (fs.existsSync(binDir)) {
  const link = path.join(binDir, 'billdiff');
  try {
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'billdiff.js')), link);
  } catch (error) {
    console.log(`link-bin: could not link ${link}: ${error.message}`);
  }
}
