import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { BilldiffError, describeVersion, loadCorpus, parseDocument } from '../../src/index.js';
import { billsPath } from '../helpers/paths.js';

describe('corpus/index', () => {
  describe('#loadCorpus', () => {
    const corpus = loadCorpus(billsPath());

    it('should list the bundled documents by id', () => {
      expect(corpus.documents.map((d) => d.id)).to.deep.equal([
        'ca-ab1656-2025-introduced',
        'ca-ab1656-2025-amended-assembly',
        'ca-ab1656-2025-amended-senate',
        'ca-penal-code-1050',
        'ca-sb54-2017-chaptered',
        'ca-ab2641-2024-7282.7',
        'us-114-hr766-ih',
        'us-114-hr766-rh',
        'us-116-hr1058-rds',
      ]);
    });

    it('should read every bundled document and parse it without a fatal diagnostic', () => {
      for (const entry of corpus.documents) {
        const parsed = parseDocument(corpus.read(entry), entry.file);
        expect(parsed.tree.children.length, entry.id).to.be.greaterThan(0);
        expect(parsed.messages.filter((m) => m.fatal), entry.id).to.deep.equal([]);
      }
    });

    it('should give the statute its code and section', () => {
      expect(corpus.get('ca-penal-code-1050')).to.deep.include({ kind: 'statute', code: 'Penal Code', section: '1050' });
    });

    it('should never resolve an id that is a path', () => {
      expect(corpus.get('../package.json')).to.equal(undefined);
      expect(corpus.get('ca/ca-ab1656-2025-introduced.xml')).to.equal(undefined);
      expect(corpus.get('CA-AB1656-2025-INTRODUCED')).to.equal(undefined);
    });

    it('should drop index entries whose file lies outside the folder', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-corpus-'));
      try {
        fs.writeFileSync(path.join(dir, 'ok.txt'), '(a) ok\n');
        fs.writeFileSync(
          path.join(dir, 'index.json'),
          JSON.stringify({
            documents: [
              { id: 'ok', file: 'ok.txt', kind: 'bill', jurisdiction: 'x', title: 'ok' },
              { id: 'escape', file: '../../etc/passwd', kind: 'bill', jurisdiction: 'x', title: 'bad' },
              { id: 'abs', file: '/etc/passwd', kind: 'bill', jurisdiction: 'x', title: 'bad' },
            ],
          }),
        );
        const c = loadCorpus(dir);
        expect(c.documents.map((d) => d.id)).to.deep.equal(['ok']);
        expect(c.read(c.get('ok')!).toString()).to.equal('(a) ok\n');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('should throw a not-found BilldiffError for a folder with no index', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-corpus-'));
      try {
        expect(() => loadCorpus(dir)).to.throw(BilldiffError, /no corpus index here/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('#describeVersion', () => {
    it('should name the stage and the date', () => {
      const entry = loadCorpus(billsPath()).get('ca-ab1656-2025-amended-senate')!;
      expect(describeVersion(entry)).to.equal('Amended in Senate, June 11, 2026');
    });

    it('should leave out a missing date', () => {
      expect(describeVersion({ id: 'x', file: 'x', kind: 'statute', jurisdiction: 'x', title: 'T', stage: 'Current law' })).to.equal('Current law');
    });
  });
});
