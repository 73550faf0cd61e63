import { expect } from 'chai';
import { createImportProgress } from '../../src/cli/import-progress.js';
import { importPaths } from '../../src/import/index.js';
import { fixturePath } from '../helpers/paths.js';
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
    } finally {
      await db.close();
      await backend.dispose();
    }
  });
});
