#!/usr/bin/env node
// The one-file bundle, compiled from its code cache, starts fastest; the plain build is the fallback
// (see load.js). CommonJS (bin/package.json), so that Node starts it without its ES module loader.
'use strict';
require('./load.js')
  .loadCli()
  .then((cli) => cli.run());
