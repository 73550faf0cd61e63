import { expect } from 'chai';
import { BilldiffError, decodeInput, detectFormat } from '../../src/index.js';

describe('parse/input', () => {
  describe('#decodeInput', () => {
    it('should decode UTF-8 and drop a byte-order mark', () => {
      expect(decodeInput(Buffer.from('\ufeff(a) café', 'utf8'), 'x.txt')).to.equal('(a) café');
    });

    it('should refuse a NUL byte with its line and column', () => {
      expect(() => decodeInput(Buffer.from([0x28, 0x61, 0x29, 0x0a, 0x41, 0x00]), 'bin.txt')).to.throw(BilldiffError, /binary/);
      try {
        decodeInput(Buffer.from([0x28, 0x61, 0x29, 0x0a, 0x41, 0x00]), 'bin.txt');
      } catch (e) {
        expect(String(e)).to.equal('bin.txt:2:2: input looks binary (it holds a NUL byte); give a text, Markdown or XML file');
      }
    });

    it('should refuse invalid UTF-8 with the place of the bad byte', () => {
      try {
        decodeInput(Buffer.from('(a) ok\ncaf\xe9', 'latin1'), 'bad.txt');
        expect.fail('no error');
      } catch (e) {
        expect(String(e)).to.equal('bad.txt:2:4: input is not valid UTF-8 (bad byte 0xe9)');
      }
    });

    it('should refuse an input over maxBytes with code too-large', () => {
      try {
        decodeInput(Buffer.alloc(2048, 0x61), 'big.txt', { maxBytes: 1024 });
        expect.fail('no error');
      } catch (e) {
        expect((e as BilldiffError).code).to.equal('too-large');
        expect((e as BilldiffError).message).to.equal('input too large: 2.0 KB, more than the 1.0 KB billdiff reads (raise it with --max-size)');
      }
    });

    it('should apply the default 32 MiB limit when maxBytes is passed as undefined', () => {
      // The CLI passes { maxBytes: options.maxBytes }, undefined unless --max-size is given.
      const bytes = Buffer.alloc(32 * 1024 * 1024 + 1, 0x61);
      expect(() => decodeInput(bytes, 'big.txt', { maxBytes: undefined })).to.throw(BilldiffError, /more than the 32\.0 MB/);
    });
  });

  describe('#detectFormat', () => {
    it('should pick the reader by extension, then by content', () => {
      expect(detectFormat('a.md', '')).to.equal('markdown');
      expect(detectFormat('a.xml', '')).to.equal('caml');
      expect(detectFormat('a.lob', '')).to.equal('caml');
      expect(detectFormat('-', '<?xml version="1.0"?><Bill/>')).to.equal('caml');
      expect(detectFormat('a.txt', '(a) text')).to.equal('text');
    });
  });
});
