/**
 * The import's progress: on a terminal, a bar (cli-progress) with the inputs, rows, rate and time
 * left, problems printed above it as they come; elsewhere nothing but the problems (the summary
 * line is printed by the command).
 */
import cliProgress from 'cli-progress';
import { formatNotRecognised, formatOutcomes, formatProblem, type ImportProgress, type Problem } from '../import/index.js';

export function createImportProgress(
  stream: { write(chunk: string): unknown },
  interactive: boolean,
  onProblem: (p: Problem) => void,
  onNotRecognised?: (file: string, reason: string) => void,
): ImportProgress {
  if (!interactive) {
    return { start() {}, input() {}, advance() {}, problem: onProblem, ...(onNotRecognised ? { notRecognised: onNotRecognised } : {}), stop() {} };
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: ' {bar} {percentage}% | input {input}/{inputs} | {value}/{total} rows | {rate} rows/s | {eta_formatted} left | {name}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  let started = 0;
  let done = 0;
  let inputs = 0;
  const payload = (extra: Record<string, unknown> = {}) => {
    const seconds = (performance.now() - started) / 1000;
    return { rate: seconds > 0 ? Math.round(done / seconds) : 0, inputs, ...extra };
  };
  return {
    start(count, rows) {
      inputs = count;
      started = performance.now();
      if (count > 0) bar = bars.create(Math.max(rows, 1), 0, { input: 0, name: '', ...payload() });
    },
    input(name, place) {
      bar?.update(done, { input: place, name: name.length > 40 ? `…${name.slice(-39)}` : name, ...payload() });
    },
    advance(rows) {
      done += rows;
      if (bar && done > bar.getTotal()) bar.setTotal(done);
      bar?.update(done, payload());
    },
    problem(p) {
      if (bar) bars.log(`${formatProblem(p)}\n`);
      else onProblem(p);
    },
    ...(onNotRecognised
      ? {
          notRecognised(file: string, reason: string) {
            if (bar) bars.log(`${formatNotRecognised(file, reason)}\n`);
            else onNotRecognised(file, reason);
          },
        }
      : {}),
    stop(summary) {
      // The bar ends on the rows the summary counts, and what became of them (their parts add up).
      bar?.setTotal(Math.max(summary.rows, 1));
      bar?.update(summary.rows, payload({ name: formatOutcomes(summary) }));
      bars.stop();
    },
  };
}
