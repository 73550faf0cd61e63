import { readStreamBounded } from './files.js';
import { main } from './main.js';

/** The process adapter: the only place that touches `process`. */
export function run(): void {
  // A reader that stops early (`billdiff … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    readStdin: (maxBytes) => readStreamBounded(process.stdin, maxBytes),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`billdiff: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
