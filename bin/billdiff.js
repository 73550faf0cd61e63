#!/usr/bin/env node
// The one-file bundle, compiled from its code cache, starts fastest; the plain build is the fallback (see load.js).
import { loadCli } from './load.js';

(await loadCli()).run();
