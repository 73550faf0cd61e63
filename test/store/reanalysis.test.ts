import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { ANALYSIS_VERSION } from '../../src/import/analyze.js';
import { importPaths } from '../../src/import/index.js';
import { billReport } from '../../src/store/reports.js';
import type { Database } from '../../src/store/index.js';
import { billsPath, fixturePath } from '../helpers/paths.js';
import { describeBackends } from './backends.js';

describeBackends('store: a database an earlier billdiff analysed, brought up to date by importing its inputs again (synthetic)', (backend) => {
  let db: Database;
  before(async () => {
    db = await backend().open();
  });
  after(async () => {
    await db?.close();
  });

  it('should analyse again, on its next import, a version recorded under an earlier analysis, and skip it once up to date', async () => {
    const folder = fixturePath('citation-snippet-synthetic');
    expect(await importPaths(db, [folder])).to.include({ imported: 1, inserted: 1 });
    // As analysis 1 left it: the input and the version under their bytes' sha256 alone, and no section
    // touched (it did not read the Internal Revenue Code as 26 U.S.C.).
    const sha = createHash('sha256').update(fs.readFileSync(path.join(folder, 'BILLS-999hr9998ih.xml'))).digest('hex');
    expect(await db.dialect.all('SELECT hash FROM imports')).to.deep.equal([{ hash: `${sha}/a${ANALYSIS_VERSION}` }]);
    await db.dialect.run('UPDATE imports SET hash = ?', [sha]);
    await db.dialect.run('UPDATE versions SET content_hash = ?', [sha]);
    await db.dialect.run('DELETE FROM version_sections');
    expect((await billReport(db, 'us-999-hr9998'))!.sections).to.deep.equal([]);

    expect(await importPaths(db, [folder])).to.include({ imported: 1, alreadyImported: 0, inserted: 0, updated: 1 });
    expect((await billReport(db, 'us-999-hr9998'))!.sections.map((s) => `${s.relation} ${s.code} ${s.section}`)).to.deep.equal(['amends usc26 24']);
    expect(await importPaths(db, [folder])).to.include({ imported: 0, alreadyImported: 1, updated: 0 });
  });

  it('should read, on the next import, who brought each version of a database analysed before authors were read (analysis 8)', async () => {
    const db = await backend().open();
    try {
      await authorsReadAgain(db);
    } finally {
      await db.close();
    }
  });
});

async function authorsReadAgain(db: Database): Promise<void> {
  const authors = () => db.dialect.all("SELECT a.version_id, a.seq, a.name, a.role, a.house, a.committee FROM version_authors a JOIN versions v ON v.id = a.version_id WHERE v.bill_id = 'ca-20252026-0-ab1656' ORDER BY a.version_id, a.seq");
  expect(await importPaths(db, [billsPath()])).to.include({ imported: 1 });
  const read = await authors();
  expect(read).to.deep.equal(['20250AB165697AMD', '20250AB165698AMD', '20250AB165699INT'].map((id) => ({ version_id: id, seq: 0, name: 'Davies', role: 'lead author', house: 'Assembly', committee: 0 })));
  expect((await billReport(db, 'ca-20252026-0-ab1656'))!.authors).to.deep.equal([{ name: 'Davies', role: 'lead author', house: 'Assembly' }]);
  // As analysis 8 left it: no authors.
  await db.dialect.run(`UPDATE imports SET hash = replace(hash, '/a${ANALYSIS_VERSION}', '/a8')`);
  await db.dialect.run(`UPDATE versions SET content_hash = replace(content_hash, '/a${ANALYSIS_VERSION}', '/a8')`);
  await db.dialect.run('DELETE FROM version_authors');
  await db.dialect.run('UPDATE bills SET leads = NULL');
  expect((await billReport(db, 'ca-20252026-0-ab1656'))!.authors).to.deep.equal([]);
  expect([...(await db.leadAuthors(['ca-20252026-0-ab1656']))]).to.deep.equal([]);

  expect(await importPaths(db, [billsPath()])).to.include({ imported: 1, alreadyImported: 0, inserted: 0 });
  expect(await authors()).to.deep.equal(read);
  // Who brings the bill, on its row again, as a search's results and a section's bills read it.
  expect([...(await db.leadAuthors(['ca-20252026-0-ab1656']))]).to.deep.equal([['ca-20252026-0-ab1656', [{ name: 'Davies', role: 'lead author', house: 'Assembly' }]]]);
  expect((await db.search('AB 1656')).results.map((r) => [r.id, r.authors])).to.deep.equal([['ca-20252026-0-ab1656', [{ name: 'Davies', role: 'lead author', house: 'Assembly' }]]]);
  // Each once, however often the versions are analysed.
  await db.dialect.run('DELETE FROM imports WHERE hash LIKE ?', [`%/a${ANALYSIS_VERSION}`]);
  await db.dialect.run(`UPDATE versions SET content_hash = replace(content_hash, '/a${ANALYSIS_VERSION}', '/a8')`);
  expect(await importPaths(db, [billsPath()])).to.include({ imported: 1, inserted: 0 });
  expect(await authors()).to.deep.equal(read);
}
