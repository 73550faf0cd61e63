import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { openSqlite } from '../../src/store/sqlite.js';

describe('store/sqlite', () => {
  it('should bind whole numbers as integers and others as they are (FTS5 reads a whole match list for a REAL rowid bound)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-sqlite-'));
    const db = openSqlite(path.join(dir, 'test.sqlite'));
    try {
      expect(await db.get('SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c, typeof(?) AS d', [42, 2 ** 40, 1.5, '7'])).to.deep.equal({ a: 'integer', b: 'integer', c: 'real', d: 'text' });
      await db.exec("CREATE VIRTUAL TABLE t USING fts5 (text); INSERT INTO t (rowid, text) VALUES (1, 'a synthetic word'), (2, 'another synthetic word'), (3, 'a third');");
      expect(await db.all('SELECT rowid AS id FROM t WHERE t MATCH ? AND rowid BETWEEN ? AND ?', ['"synthetic"', 2, 3])).to.deep.equal([{ id: 2 }]);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
