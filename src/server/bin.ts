#!/usr/bin/env node
/** `npm start`: serves the bundled corpus on $PORT (default 3000). */
import { createApp, warmApp } from './app.js';

const port = Number(process.env['PORT'] ?? 3000);
const app = createApp();
warmApp(app);
app.listen(port, () => {
  console.log(`billdiff is listening on http://localhost:${port}/`);
});
