import { expect } from 'chai';
import { createImportProgress, timeLeft } from '../../src/cli/import-progress.js';
import { importPaths, type ImportProgress } from '../../src/import/index.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { sqliteBackend } from '../store/backends.js';

describe('cli/import-progress', () => {
  it('should end the bar on the rows the summary counts, with what became of them adding up', async () => {
    const written: string[] = [];
    // A terminal of 240 columns: the bar's line is drawn whole.
    const stream = { isTTY: true, columns: 240, write: (chunk: string) => void written.push(chunk), cursorTo() {}, clearLine() {}, moveCursor() {}, on() {}, removeListener() {} };
    const backend = await sqliteBackend();
    const db = await backend.open();
    try {
      const progress = createImportProgress(stream, true, () => undefined);
      const summary = await importPaths(db, [fixturePath('store-pubinfo-synthetic', 'session')], progress);
      expect(summary.rows).to.equal(22);
      // The bar's last state. Each drawing of the bar starts by moving the cursor to the line's start
      // (an escape sequence, not a carriage return), so a drawing made between the last problem's line
      // and the end sits on the same line as the last one: the escapes separate drawings, as newlines do.
      const last = written.join('').split(/\u001b\[[0-9;?]*[A-Za-z]|[\r\n]/).filter((l) => l.includes('rows/s')).pop();
      expect(last).to.match(/^ █+ 100% \| input 1\/1 \| 22\/22 rows \| \d+ rows\/s \| 0s left \| 22 rows = 17 new \+ 0 updated \+ 0 unchanged \+ 5 skipped \(bad rows\)$/);
      // The steps after the rows, on the line below: the bills finished one by one, then the search index.
      const lines = written.join('').split(/\u001b\[[0-9;?]*[A-Za-z]|[\r\n]/);
      expect(lines.filter((l) => l.includes('finishing each bill')).pop()).to.equal(' ████████████████████████████████████████ 100% | done | finishing each bill: its versions in order, their changes, its search text');
      expect(lines.some((l) => /^ ░+ 0% \| 0\/4 bills \| … left \| finishing each bill/.test(l))).to.equal(true);
      expect(lines.filter((l) => l.includes('indexing for search')).pop()).to.equal(' ████████████████████████████████████████ 100% | done | indexing for search');
    } finally {
      await db.close();
      await backend.dispose();
    }
  });

  it('should measure the work by the bytes read, which add up to the total it started with, and name the steps after the rows', async () => {
    const backend = await sqliteBackend();
    const db = await backend.open();
    try {
      const totals: number[] = [];
      const steps: string[] = [];
      let read = 0;
      let bills = 0;
      const progress: ImportProgress = {
        start: (_inputs, _rows, bytes) => void totals.push(bytes),
        input() {},
        advance() {},
        read: (bytes) => void (read += bytes),
        step: (name, items, unit) => void steps.push(`${name} (${items}${unit ? ` ${unit}` : ''})`),
        stepAdvance: (n) => void (bills += n),
        problem() {},
        stop() {},
      };
      // A session's tables and lobs, a federal bill and the bundled corpus, in one run.
      await importPaths(db, [fixturePath('store-pubinfo-synthetic', 'session.zip'), fixturePath('enacted-synthetic', 'BILLS-999hr9001ih.xml'), billsPath()], progress);
      expect(totals).to.have.length(1);
      expect(Math.round(read)).to.equal(totals[0]);
      expect(steps).to.deep.equal([
        'finishing each bill: its versions in order, their changes, its search text (4 bills)',
        // Once, after the inputs.
        'indexing for search (0)',
      ]);
      expect(bills).to.equal(4);
    } finally {
      await db.close();
      await backend.dispose();
    }
  });

  it('should say the time left at the rate so far, once there is a rate to say', () => {
    expect([timeLeft(10, 25, 100), timeLeft(130, 50, 100), timeLeft(3600, 1, 2), timeLeft(100, 1, 100), timeLeft(1, 5, 10), timeLeft(5, 0, 10), timeLeft(5, 10, 10)]).to.deep.equal([
      '30s',
      '2m10s',
      '1h00m',
      '2h45m',
      '…',
      '…',
      '0s',
    ]);
  });
});
