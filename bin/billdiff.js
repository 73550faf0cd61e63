#!/usr/bin/env node
// The one-file bundle starts twice as fast; the plain build is the fallback.
const { run } = await import('../dist/cli/billdiff.bundle.js').catch(() => import('../dist/cli/bin.js'));
run();
