/**
 * The import's progress: on a terminal, a bar (cli-progress) with the inputs, rows, rate and time
 * left, a second line for the steps after an input's rows (its bills finished, the search index
 * made), problems printed above them as they come; elsewhere nothing but the problems (the summary
 * line is printed by the command).
 *
 * The bar measures the work by bytes read, not rows: a row of a bill's history is one short line, a
 * bill version's a whole bill to read and analyse. Counted by rows, the synthetic session of the bench
 * (`bench/session.mjs`) said 3m55s left 15 s in, and 5m10s 65 s in, of an import of 110 s: its law
 * sections and versions come first and its 111,000 history rows, a second's work, last.
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
      format: ' {bar} {percentage}% | input {input}/{inputs} | {rows}/{totalRows} rows | {rate} rows/s | {left} left | {name}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      fps: 5,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  // The bars are drawn on a timer, which never fires while an import step runs without waiting on
  // input or output (SQLite answers at once): drawn here too, at most 5 times a second.
  let drawn = 0;
  const draw = (now = false) => {
    const t = performance.now();
    if (!now && t - drawn < 200) return;
    drawn = t;
    bars.update();
  };
  let started = 0;
  let rows = 0;
  let totalRows = 0;
  let bytes = 0;
  let totalBytes = 0;
  let inputs = 0;
  const payload = (extra: Record<string, unknown> = {}) => {
    const seconds = (performance.now() - started) / 1000;
    return { rate: seconds > 0 ? Math.round(rows / seconds) : 0, inputs, rows, totalRows, left: timeLeft(seconds, bytes, totalBytes), ...extra };
  };

  // The step under way after an input's rows, on a line of its own below the bar.
  let stepBar: cliProgress.SingleBar | undefined;
  const step = { name: '', items: 0, unit: '', done: 0, started: 0 };
  const stepPayload = () => {
    const seconds = (performance.now() - step.started) / 1000;
    const detail = step.items ? `${step.done}/${step.items} ${step.unit} | ${timeLeft(seconds, step.done, step.items)} left` : 'under way';
    return { name: step.name, detail };
  };
  const endStep = () => {
    if (!stepBar || !step.name) return;
    stepBar.update(stepBar.getTotal(), { name: step.name, detail: 'done' });
    step.name = '';
    draw(true);
  };

  // A line while the first pass reads the inputs, if it takes more than a second.
  let planning: NodeJS.Timeout | undefined;
  return {
    planning(count) {
      planning = setTimeout(() => void stream.write(`Reading ${count === 1 ? 'the input' : `${count} inputs`}: what ${count === 1 ? 'it holds' : 'each holds'}, and whether it was imported before…\n`), 1000);
      planning.unref();
    },
    start(count, rowCount, byteCount) {
      clearTimeout(planning);
      inputs = count;
      totalRows = rowCount;
      totalBytes = Math.max(byteCount, 1);
      started = performance.now();
      if (count > 0) bar = bars.create(totalBytes, 0, { input: 0, name: '', ...payload() });
    },
    input(name, place) {
      endStep();
      bar?.update(bytes, { input: place, name: name.length > 40 ? `…${name.slice(-39)}` : name, ...payload() });
    },
    advance(n) {
      rows += n;
      if (rows > totalRows) totalRows = rows;
      bar?.update(bytes, payload());
      draw();
    },
    read(n) {
      bytes += n;
      if (bytes > totalBytes) {
        totalBytes = bytes;
        bar?.setTotal(totalBytes);
      }
      bar?.update(bytes, payload());
      draw();
    },
    step(name, items, unit) {
      if (!bar) return;
      endStep();
      Object.assign(step, { name, items, unit: unit ?? '', done: 0, started: performance.now() });
      stepBar ??= bars.create(1, 0, stepPayload(), { format: ' {bar} {percentage}% | {detail} | {name}' });
      stepBar.setTotal(Math.max(items, 1));
      stepBar.update(0, stepPayload());
      draw(true);
    },
    stepAdvance(n) {
      if (!stepBar || !step.name) return;
      step.done += n;
      stepBar.update(Math.min(step.done, stepBar.getTotal()), stepPayload());
      draw();
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
      endStep();
      // The bar ends on the rows the summary counts, and what became of them (their parts add up).
      totalRows = rows = summary.rows;
      bar?.update(totalBytes, payload({ name: formatOutcomes(summary) }));
      bars.stop();
    },
  };
}

/**
 * The time left, at the rate so far, for `done` of `total` done in `seconds`: "45s", "3m05s",
 * "1h02m"; "0s" when done, "…" for the first 2 seconds (the first rows, a table's headings, say
 * nothing of the rate).
 */
export function timeLeft(seconds: number, done: number, total: number): string {
  if (done >= total) return '0s';
  if (done <= 0 || seconds < 2) return '…';
  const left = Math.round((seconds * (total - done)) / done);
  if (left >= 3600) return `${Math.floor(left / 3600)}h${String(Math.floor((left % 3600) / 60)).padStart(2, '0')}m`;
  if (left >= 60) return `${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s`;
  return `${left}s`;
}
