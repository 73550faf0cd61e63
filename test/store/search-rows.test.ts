import { expect } from 'chai';
import { importPaths, type ImportProgress } from '../../src/import/index.js';
import { Writer } from '../../src/store/database.js';
import type { Database } from '../../src/store/index.js';
import { ownerNumber } from '../../src/store/passages.js';
import { keptRows } from '../../src/store/search-rows.js';
import { billsPath } from '../helpers/paths.js';
import { describeBackends } from './backends.js';

const quiet: ImportProgress = { start() {}, input() {}, advance() {}, problem() {}, stop() {} };

describeBackends('store/search-rows: the rows a search thread keeps', (backend) => {
  let db: Database;
  before(async () => {
    db = await backend().open();
    await importPaths(db, [billsPath()], quiet);
  });
  after(async () => {
    await db?.close();
  });

  it('should answer from the rows kept exactly as from the database, and read again those of a new generation', async () => {
    const first = await db.search('penal');
    const bill = first.results.find((r) => r.kind === 'bill');
    expect(bill, 'a bill says "penal"').to.not.equal(undefined);
    // Kept now: the same search answers the same.
    const generation = await db.generation();
    expect(keptRows(db.dialect, generation)!.owners.size).to.be.greaterThan(0);
    expect(await db.search('penal')).to.deep.equal(first);

    // An import changes a bill's title, in the transaction that bumps the generation.
    const row = (await db.dialect.get<{ id: string; title: string; jurisdiction: string; session: string; measure: string; measure_type: string; measure_num: number }>(
      'SELECT id, title, jurisdiction, session, measure, measure_type, measure_num FROM bills WHERE id = ?',
      [bill!.id],
    ))!;
    await db.dialect.transaction(async (tx) => {
      const writer = new Writer(tx);
      await writer.upsertBill({ ...row, title: 'A title changed by an import' });
      await writer.bumpGeneration();
    });
    const after = (await db.search('penal')).results.find((r) => r.id === bill!.id)!;
    expect(after.title).to.contain('A title changed by an import');
    // Kept anew, for the new generation.
    const now = await db.generation();
    expect(now).to.not.equal(generation);
    const key = Number((await db.dialect.get<{ key: number }>('SELECT key FROM bills WHERE id = ?', [bill!.id]))!.key);
    expect(keptRows(db.dialect, now)!.owners.get(ownerNumber('bill', key))!.bill!.title).to.equal('A title changed by an import');
  });
});
