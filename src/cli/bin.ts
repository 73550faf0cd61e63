import { readStreamBounded, systemReason } from './files.js';
import { main } from './main.js';

/** The process adapter: the only place that touches `process`. */
export function run(): void {
  // process.stdout and process.stderr are made on first use: a run that writes to a file (-o) and has
  // nothing to say on stderr never builds the streams nor loads Node's stream modules for them.
  let stdout: NodeJS.WriteStream | undefined;
  const stdoutOf = (): NodeJS.WriteStream => {
    if (stdout) return stdout;
    stdout = process.stdout;
    // A reader that stops early (`billdiff … | head`) is not an error.
    stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // A full disk or a broken device: one line, and trouble's exit status (not 1, "differences").
      process.stderr.write(`billdiff: cannot write the output: ${systemReason(error)}\n`);
      process.exit(2);
    });
    return stdout;
  };
  main(process.argv.slice(2), {
    get stdout() {
      return stdoutOf();
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    cwd: process.cwd(),
    oneComparison: true,
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
