#!/usr/bin/env node
/**
 * `npm start`: serves the bundled corpus on $PORT (default 3000). When it cannot start (a bad
 * PORT, a port in use), it says why in one line on stderr and exits with status 2.
 */
import { closeApp, createApp, warmApp } from './app.js';
import { listenOn, parsePort } from './listen.js';

function fail(message: string): void {
  process.stderr.write(`billdiff: ${message}\n`);
  process.exitCode = 2;
}

const parsed = parsePort(process.env['PORT']);
if ('error' in parsed) {
  fail(parsed.error);
} else {
  let app: ReturnType<typeof createApp> | undefined;
  try {
    app = createApp();
    const { port } = await listenOn(app, parsed.port);
    warmApp(app);
    console.log(`billdiff is listening on http://localhost:${port}/`);
  } catch (error) {
    if (app) await closeApp(app);
    fail((error as Error).message);
  }
}
