import { getHeapStatistics } from 'node:v8';
import { expect } from 'chai';
import { BilldiffError, decodeInput, detectFormat, parseDocument } from '../../src/index.js';
import { decodeInputNoting } from '../../src/parse/input.js';
import { formatDiagnostic } from '../../src/util/errors.js';

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

    it('should read UTF-16 LE and BE that open with a byte order mark, and note the encoding', () => {
      const text = '(a) The “new” text.\n(b) Café.\n';
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const be = Buffer.from(le).swap16();
      expect(decodeInput(le, 'le.txt')).to.equal(text);
      expect(decodeInput(be, 'be.txt')).to.equal(text);
      expect(decodeInputNoting(be, 'be.txt').messages).to.deep.equal([
        { reason: 'read as UTF-16 BE: the input opens with its byte order mark', file: 'be.txt', place: undefined, ruleId: 'encoding', source: 'billdiff:input', fatal: false },
      ]);
      expect(parseDocument(le, 'le.txt').messages.map(formatDiagnostic)).to.deep.equal(['le.txt:1:1: warning: read as UTF-16 LE: the input opens with its byte order mark']);
    });

    it('should name UTF-32 and UTF-16 without a byte order mark rather than call them binary', () => {
      const refused = (bytes: Buffer) => {
        try {
          decodeInput(bytes, 'x.txt');
        } catch (e) {
          return String(e);
        }
        return 'read';
      };
      expect(refused(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('(\0\0\0a\0\0\0', 'latin1')]))).to.equal(
        'x.txt:1:1: input is UTF-32; billdiff reads UTF-8 and UTF-16 with a byte order mark: save it as UTF-8',
      );
      expect(refused(Buffer.from('(a) Some text.\n', 'utf16le'))).to.equal(
        'x.txt:1:1: input is UTF-16 LE without a byte order mark; billdiff reads UTF-8 and UTF-16 with a byte order mark: save it as UTF-8',
      );
      expect(refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('(a)\n\0', 'utf16le')]))).to.equal(
        'x.txt:2:1: input looks binary (it holds a NUL character); give a text, Markdown or XML file',
      );
      expect(refused(Buffer.from([0xff, 0xfe, 0x28, 0x00, 0x61]))).to.equal('x.txt:1:1: input is not valid UTF-16 LE (an odd number of bytes, or a lone surrogate)');
    });

    it('should read UTF-8 exactly as a strict decoder does: ASCII, other scripts, byte order marks, bad bytes', () => {
      // What decodeInput read before it checked bytes with simdutf: TextDecoder, fatal, then a
      // second byte order mark dropped. Texts SYNTHETIC, bytes from a seeded generator.
      const reference = (bytes: Uint8Array): string => {
        try {
          const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        } catch {
          return 'refused';
        }
      };
      const ours = (bytes: Uint8Array): string => {
        try {
          return decodeInput(bytes, 'x.txt');
        } catch (e) {
          expect(String(e)).to.match(/^x\.txt:\d+:\d+: input (?:is not valid UTF-8|looks binary)/);
          return 'refused';
        }
      };
      const texts = ['(a) plain ASCII.\n', '\ufeff(a) café § 1050 — “quoted”.\n', '\ufeff\ufeff(b) two marks', '\ufeff', '(c) 🪦 astral', ''];
      const cases: Uint8Array[] = texts.map((t) => Buffer.from(t, 'utf8'));
      let seed = 7;
      const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / 0x1000000;
      for (let k = 0; k < 300; k++) {
        // A valid text with one byte changed (often making it invalid: a stray continuation, an overlong form, a surrogate).
        const bytes = Buffer.from(texts[k % texts.length]! + 'tail ü', 'utf8');
        bytes[Math.floor(random() * bytes.length)] = [0x80, 0xbf, 0xc0, 0xc1, 0xe0, 0xed, 0xf4, 0xf5, 0xff, 0x41][k % 10]!;
        cases.push(bytes);
      }
      for (const bytes of cases) expect(ours(bytes), Buffer.from(bytes).toString('hex')).to.equal(reference(bytes).includes('\0') ? 'refused' : reference(bytes));
    });

    it('should decode a large ASCII text into V8\'s heap, not into memory V8 counts as external', () => {
      // 1,100,000 bytes: above the size from which Node makes a Latin-1 string outside the heap.
      const line = '(a) The Secretary shall report to Congress.\n';
      const bytes = Buffer.from(line.repeat(Math.ceil(1_100_000 / line.length)), 'latin1');
      const before = getHeapStatistics().external_memory;
      const text = decodeInput(bytes, 'big.txt');
      expect(getHeapStatistics().external_memory - before).to.be.below(bytes.length / 2);
      expect(text).to.equal(bytes.toString('latin1'));
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
