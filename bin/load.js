// Loads the command line: the one-file bundle (dist/cli/billdiff.cjs) compiled from V8's code
// cache written when it was built, so that Node reads one file and compiles none of it again;
// else the plain build (dist/cli/bin.js). The database side is a second bundle, which the first
// requires only for a command that uses it (dist/cli/billdiff-store.cjs). See scripts/bundle.mjs.
// CommonJS, like bin/billdiff.js.
'use strict';
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const { pathToFileURL } = require('node:url');

const dir = path.join(__dirname, '..', 'dist', 'cli');
const BUNDLE = path.join(dir, 'billdiff.cjs');
const CODE_CACHE = `${BUNDLE}.cache`;

/** The bundle's exports and its script (whose code cache `createCachedData` makes). Throws when there is no bundle. */
function loadBundle({ useCache = true } = {}) {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = fs.readFileSync(CODE_CACHE);
    } catch {
      cachedData = undefined;
    }
  }
  // The CommonJS wrapper, and the URL the bundled modules would have as ES modules (`import.meta.url`).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __billdiffUrl) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dir, pathToFileURL(path.join(dir, 'bin.js')).href);
  return { exports: module.exports, script };
}

/** `run` and `main` of the command line. */
async function loadCli() {
  try {
    return loadBundle().exports;
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error;
    return import('../dist/cli/bin.js');
  }
}

module.exports = { BUNDLE, CODE_CACHE, loadBundle, loadCli };
