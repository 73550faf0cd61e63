import { expect } from 'chai';
import { amendedElsewhere, compare, modeOf, requestBytes, type CompareDocument } from '../../src/compare/index.js';
import { decodeInputNoting } from '../../src/parse/input.js';
import { resolveRequest, type DocumentSource } from '../../src/compare/source.js';
import { renderStatuteText } from '../../src/render/statute-text.js';
import { renderWdiff } from '../../src/render/wdiff.js';
import { BilldiffError } from '../../src/util/errors.js';
import { readBill } from '../helpers/paths.js';

// Synthetic, written for these tests, not real law.
const doc = (file: string, text: string): CompareDocument => ({ bytes: Buffer.from(text), file });
const OLD = doc('old.txt', '(a) The old rule.\n(b) Same.\n');
const NEW = doc('new.txt', '(a) The new rule.\n(b) Same.\n');
const LAW = doc('law.txt', '§ 7. Rules\n\n(1) The rule says nothing.\n\n(2) The other rule.\n');
const BILL = doc('bill.txt', 'SEC. 2. AMENDMENT.\n\nSection 7 of title 99, United States Code, is amended in paragraph (1) by striking “nothing” and inserting “something”.\n');

describe('compare', () => {
  describe('#modeOf', () => {
    it('should choose the comparison from what the request holds', () => {
      expect(modeOf({ documents: [OLD, NEW] })).to.equal('versions');
      expect(modeOf({ documents: [OLD] })).to.equal('marks');
      expect(modeOf({ documents: [BILL], law: LAW })).to.equal('law');
      expect(modeOf({ documents: [BILL, BILL], law: LAW, apply: true })).to.equal('apply');
    });

    it('should say what to give when the request asks for no comparison', () => {
      const usage = (request: Parameters<typeof modeOf>[0]) => {
        try {
          modeOf(request);
        } catch (error) {
          return `${(error as BilldiffError).code}: ${(error as Error).message}`;
        }
        return 'no error';
      };
      expect(usage({ documents: [] })).to.equal('usage: give two texts to compare (old and new), not 0');
      expect(usage({ documents: [OLD, NEW, BILL] })).to.equal('usage: give two texts to compare (old and new), not 3');
      expect(usage({ documents: [OLD, NEW], law: LAW })).to.equal('usage: compare one bill with the law, not 2');
      expect(usage({ documents: [BILL], apply: true })).to.equal('usage: applying instructions needs the statute they amend (--law STATUTE)');
      expect(usage({ documents: [], law: LAW, apply: true })).to.equal('usage: name the bill whose instructions to apply');
    });
  });

  describe('#compare', () => {
    it('should align two versions, with the messages of both documents', () => {
      const result = compare({ documents: [OLD, NEW] });
      expect(result.mode).to.equal('versions');
      expect(renderWdiff(result.alignment)).to.equal('(a) The [-old-] {+new+} rule.\n(b) Same.\n');
      expect(result).to.not.have.property('application');
    });

    it('should compare a CAML bill version with its own change marks', () => {
      const result = compare({ documents: [{ bytes: readBill('ca', 'ca-ab1656-2025-introduced.xml'), file: 'ab1656.xml' }] });
      expect(result.mode).to.equal('marks');
      expect([result.alignment.old.label, result.alignment.new.label]).to.deep.equal(['text before the change marks', 'as printed']);
      expect(renderWdiff(result.alignment)).to.include('within two court days of learning that [-he or she has-] {+they have+} a conflict');
      expect(() => compare({ documents: [OLD] })).to.throw(BilldiffError, 'this input carries no change marks; give OLD and NEW to compare two texts');
    });

    it('should execute a bill against the law, and say what its instructions amend elsewhere', () => {
      const result = compare({ documents: [BILL], law: LAW, apply: true });
      expect(result.mode).to.equal('apply');
      expect(renderStatuteText(result.application!.amended)).to.equal('§ 7.\nRules\n(1) The rule says something.\n(2) The other rule.\n');
      expect(result.application!.instructions.map((i) => `${i.id} ${i.status}`)).to.deep.equal(['i1 applied']);
      const other = compare({ documents: [BILL], law: doc('law.txt', '§ 8. Other\n\n(1) Text.\n'), apply: true });
      expect(other.application!.instructions).to.deep.equal([]);
      expect(amendedElsewhere(other.application!)).to.equal('99 U.S.C. 7');
    });

    it('should compare a bill with the section of the law it amends, the section number given by the law document', () => {
      const bill = { bytes: readBill('ca', 'ca-ab1656-2025-introduced.xml'), file: 'ab1656.xml' };
      const law = { bytes: readBill('ca', 'ca-penal-code-1050-current.xml'), file: 'pc1050.xml', lawSection: '1050' };
      const result = compare({ documents: [bill], law });
      expect(result.mode).to.equal('law');
      expect(renderWdiff(result.alignment)).to.include('[-he or she has-] {+they have+}');
    });
    it('should compare documents decoded as read as it compares their bytes, the decoder\'s note kept', () => {
      // UTF-16 LE with its byte order mark, and UTF-8 that is not ASCII.
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('(a) The old rule.\n(b) Same.\n', 'utf16le')]);
      const accented = Buffer.from('(a) The new rule, café.\n(b) Same.\n');
      const asBytes = compare({ documents: [{ bytes: utf16, file: 'old.txt' }, { bytes: accented, file: 'new.txt' }] });
      const decoded = compare({
        documents: [
          { bytes: decodeInputNoting(utf16, 'old.txt'), file: 'old.txt' },
          { bytes: decodeInputNoting(accented, 'new.txt'), file: 'new.txt' },
        ],
      });
      expect(decoded.alignment).to.deep.equal(asBytes.alignment);
      expect(renderWdiff(decoded.alignment)).to.equal('(a) The [-old rule.-] {+new rule, café.+}\n(b) Same.\n');
      expect(decoded.alignment.messages.map((m) => m.reason)).to.deep.equal(['read as UTF-16 LE: the input opens with its byte order mark']);
      // A decoded text counts the bytes of its UTF-8 (what the CLI's V8 tuning weighs).
      expect(requestBytes({ documents: [{ bytes: decodeInputNoting(utf16, 'old.txt'), file: 'old.txt' }] })).to.equal(28);
      expect(requestBytes({ documents: [{ bytes: decodeInputNoting(accented, 'new.txt'), file: 'new.txt' }, OLD] })).to.equal(accented.length + 28);
    });
  });

  describe('#resolveRequest', () => {
    it('should read named documents through the source given, in order, the law last', async () => {
      // A source of documents held in memory, as a database would hold them by name.
      const read: string[] = [];
      const source: DocumentSource<CompareDocument & { title: string }> = {
        async read(name) {
          read.push(name);
          const found = { 'AB 1 introduced': OLD, 'AB 1 amended': NEW }[name];
          if (!found) throw new BilldiffError(`no document named ${name}`, { code: 'not-found' });
          return { ...found, title: `Title of ${name}` };
        },
      };
      const { request, documents } = await resolveRequest({ documents: ['AB 1 introduced', 'AB 1 amended'], budget: 100 }, source);
      expect(read).to.deep.equal(['AB 1 introduced', 'AB 1 amended']);
      expect(documents.map((d) => d.title)).to.deep.equal(['Title of AB 1 introduced', 'Title of AB 1 amended']);
      expect(request.budget).to.equal(100);
      expect(renderWdiff(compare(request).alignment)).to.equal('(a) The [-old-] {+new+} rule.\n(b) Same.\n');
      let missing: unknown;
      await resolveRequest({ documents: ['AB 2'] }, source).catch((error: unknown) => (missing = error));
      expect(missing).to.be.instanceOf(BilldiffError).with.property('message', 'no document named AB 2');
    });
  });
});
