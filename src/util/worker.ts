import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module `name` beside the module at `base` (its `import.meta.url`): `NAME.js` in
 * `dist/`. When the sources run as TypeScript (the tests, through tsx), the worker registers tsx
 * before loading `NAME.ts`, since the main thread's loader hooks do not reach worker threads on
 * Node 20; the ESM build of tsx's API is used (its CommonJS build cannot register hooks from a worker).
 */
export function startModuleWorker(base: string, name: string, options: WorkerOptions): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base), options);
  const tsx = pathToFileURL(createRequire(base).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const script = new URL(`./${name}.ts`, base).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { ...options, eval: true });
}
