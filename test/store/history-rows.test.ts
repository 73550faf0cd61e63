/**
 * A session's history rows are written a batch at a time (src/import/pubinfo.ts, `writeHistory`): what
 * each row became and each bad row's problem must come out as they did one row at a time, in the order
 * of their lines, across batches. And `insertRows` (src/store/dialect.ts), which writes them, must
 * write any text as given. The tables are SYNTHETIC, written here at test time in the layout of
 * the Legislature's pubinfo tables: AB 9101 and AB 9102 of 2025–26 do not exist, nor do their actions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { formatProblem, importPaths, type ImportProgress, type Problem } from '../../src/import/index.js';
import { insertRows } from '../../src/store/dialect.js';
import type { Database } from '../../src/store/index.js';
import { describeBackends } from './backends.js';

const BILL = (n: number) =>
  `\`202520260AB${n}\`\t\`20252026\`\t\`0\`\t\`AB\`\t${n}\t\`Introduced\`\tNULL\tNULL\tNULL\tNULL\tNULL\t\`Y\`\t\`LEG_ESI\`\tNULL\tNULL\tNULL\t\`Assembly\`\t\`In Committee Process\`\tNULL`;
const ROW = (bill: number, id: number, action: string, seq: number) =>
  `\`202520260AB${bill}\`\t${id}\t\`2026-01-05 00:00:00\`\t\`${action}\`\t\`LEG_ESI\`\tNULL\t${seq}\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL`;

/**
 * 1,201 history lines (more than two batches): line 5 gives line 2's row again, reworded; line 6 gives
 * line 1's as it was; lines 700 and 1201 are of bills in no table, line 701 has 3 fields, and line
 * 1001's sequence is no number.
 */
function historyLines(): string[] {
  const lines: string[] = [];
  for (let i = 1; i <= 1201; i++) lines.push(ROW(9101 + (i % 2), 7000 + i, `Synthetic action ${i}.`, i));
  lines[4] = ROW(9101, 7002, 'Synthetic action 2, reworded.', 2);
  lines[5] = lines[0]!;
  lines[699] = ROW(9999, 7700, 'Synthetic action of a bill in no table.', 1);
  lines[700] = '`202520260AB9101`\t7701\t`2026-01-05 00:00:00`';
  lines[1200] = ROW(9998, 8201, 'Synthetic action of another bill in no table.', 1);
  lines[1000] = ROW(9101, 8001, 'Synthetic action with a sequence that is no number.', 1001).replace('\t1001\t', '\t`x1`\t');
  return lines;
}

function writeSet(dir: string, history: string[]): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'BILL_TBL.dat'), `${BILL(9101)}\n${BILL(9102)}\n`);
  fs.writeFileSync(path.join(dir, 'BILL_HISTORY_TBL.dat'), `${history.join('\n')}\n`);
}

async function importing(db: Database, dir: string) {
  const problems: string[] = [];
  const progress: ImportProgress = { start() {}, input() {}, advance() {}, problem: (p: Problem) => problems.push(formatProblem(p).replace(`${path.dirname(dir)}/`, '')), stop() {} };
  return { summary: await importPaths(db, [dir], progress), problems };
}

describeBackends('store: history rows written in batches', (backend) => {
  let db: Database;
  let tmp: string;
  before(async () => {
    db = await backend().open();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-history-'));
  });
  after(async () => {
    await db?.close();
    // (Unset where the suite is skipped: its `before` never ran.)
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('should count each row and report each bad one in the order of its line, as one row at a time did', async () => {
    writeSet(path.join(tmp, 'session'), historyLines());
    const { summary, problems } = await importing(db, path.join(tmp, 'session'));
    // Not sorted: in the order they were found.
    expect(problems).to.deep.equal([
      "session/BILL_HISTORY_TBL.dat:700: no bill AB 9999 (202520260AB9999) in the database or in this set's BILL_TBL",
      'session/BILL_HISTORY_TBL.dat:701: BILL_HISTORY_TBL has 13 fields a line; this line has 3',
      'session/BILL_HISTORY_TBL.dat:1001: a history row\'s action_sequence is a number, not "x1"',
      "session/BILL_HISTORY_TBL.dat:1201: no bill AB 9998 (202520260AB9998) in the database or in this set's BILL_TBL",
    ]);
    // 2 bills and 1,201 history lines: the 5th updates the 2nd's row, the 6th is the 1st's again; 4 bad.
    expect(summary).to.include({ rows: 1203, inserted: 1197, updated: 1, unchanged: 1, skipped: 4, problems: 4 });
    expect(await db.dialect.get("SELECT COUNT(*) AS n FROM history WHERE bill_id IN ('ca-20252026-0-ab9101', 'ca-20252026-0-ab9102')")).to.deep.equal({ n: 1195 });
    expect(await db.dialect.all("SELECT bill_id, id, date, action, seq FROM history WHERE id IN ('7001', '7002', '7005', '7006', '7700', '7701') ORDER BY id")).to.deep.equal([
      { bill_id: 'ca-20252026-0-ab9102', id: '7001', date: '2026-01-05', action: 'Synthetic action 1.', seq: 1 },
      { bill_id: 'ca-20252026-0-ab9101', id: '7002', date: '2026-01-05', action: 'Synthetic action 2, reworded.', seq: 2 },
    ]);
  });

  it('should write only the rows a later file changes', async () => {
    const lines = historyLines();
    lines[999] = ROW(9101, 8000, 'Synthetic action 1000, amended.', 1000);
    lines.push(ROW(9101, 9000, 'Synthetic action added by a daily file.', 1300));
    writeSet(path.join(tmp, 'daily'), lines);
    const { summary, problems } = await importing(db, path.join(tmp, 'daily'));
    expect(problems).to.have.length(4);
    // The bills unchanged; the 1,000th line's row updated, and the 2nd's and 5th's each in turn (the 2nd
    // sets the row back to its first wording, the 5th to its second); one new row.
    expect(summary).to.include({ rows: 1204, inserted: 1, updated: 3, unchanged: 1196, skipped: 4 });
    expect(await db.dialect.all("SELECT bill_id, id, action FROM history WHERE id IN ('7002', '8000', '9000') ORDER BY id")).to.deep.equal([
      { bill_id: 'ca-20252026-0-ab9101', id: '7002', action: 'Synthetic action 2, reworded.' },
      { bill_id: 'ca-20252026-0-ab9101', id: '8000', action: 'Synthetic action 1000, amended.' },
      { bill_id: 'ca-20252026-0-ab9101', id: '9000', action: 'Synthetic action added by a daily file.' },
    ]);
  });
});

describeBackends('store: insertRows', (backend) => {
  let db: Database;
  before(async () => {
    db = await backend().open();
  });
  after(async () => {
    await db?.close();
  });

  it('should write every row as given, over several statements, whatever the characters of its text', async () => {
    // Texts an array literal must escape (PostgreSQL binds each column as one array), and a null.
    const awkward = ['"quoted, with a comma"', '{braces}', 'back\\slash', 'NULL', '', ' padded ', 'line\nbreak\ttab', 'ümlaut § 7284.6 — 😀', "it's"];
    const rows = Array.from({ length: 2345 }, (_, i) => [`ca-20252026-0-ab${9101 + (i % 2)}`, `r${i}`, i % 7 === 0 ? null : '2026-01-05', awkward[i % awkward.length]!, i % 5 === 0 ? null : i]);
    await db.dialect.transaction((tx) =>
      insertRows(tx, 'history', [
        { name: 'bill_id', type: 'text' },
        { name: 'id', type: 'text' },
        { name: 'date', type: 'text' },
        { name: 'action', type: 'text' },
        { name: 'seq', type: 'integer' },
      ], rows),
    );
    const stored = await db.dialect.all<{ bill_id: string; id: string; date: string | null; action: string; seq: number | null }>(
      "SELECT bill_id, id, date, action, seq FROM history WHERE id LIKE 'r%' ORDER BY seq IS NULL, seq, id",
    );
    const expected = rows.map(([bill_id, id, date, action, seq]) => ({ bill_id, id, date, action, seq }));
    const order = (r: { seq: unknown; id: unknown }) => `${r.seq === null ? 1 : 0}|${String(r.seq ?? '').padStart(6, '0')}|${r.id}`;
    expected.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    expect(stored).to.have.length(2345);
    expect(stored).to.deep.equal(expected);
  });
});
