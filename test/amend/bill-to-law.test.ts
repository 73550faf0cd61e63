import { expect } from 'chai';
import { BilldiffError, compareBillToLaw, parseDocument, renderWdiff } from '../../src/index.js';
import { readBill } from '../helpers/paths.js';

describe('amend/bill-to-law', () => {
  describe('#compareBillToLaw', () => {
    const law = parseDocument(readBill('ca/ca-penal-code-1050-current.xml'), 'ca-penal-code-1050');

    it('should redline current Penal Code 1050 exactly as AB 1656 (introduced) marks it', () => {
      const bill = parseDocument(readBill('ca/ca-ab1656-2025-introduced.xml'), 'ca-ab1656-2025-introduced');
      const a = compareBillToLaw(bill, law, { lawSection: '1050' });
      expect(a.notice).to.equal(undefined);
      expect(a.summary).to.deep.include({ modified: 2, inserted: 0, deleted: 0, moved: 0, redesignated: 0 });
      const changes = [...renderWdiff(a).matchAll(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g)].map((m) => (m[1] !== undefined ? `-${m[1]}` : `+${m[2]}`));
      expect(changes).to.deep.equal([
        '-he or she has',
        '+they have',
        '-violence',
        '+violence,',
        '+or human trafficking, as defined in Section 236.1, or a violation of one or more of the sections specified in subdivision (b) of Section 236.1, except violations of Section 311.1, 311.2, and 311.5,',
      ]);
      // The Legislative Counsel's own marks in the bill say the same.
      // (it draws the insertion as two marks side by side, which billdiff reports as one phrase).
      expect(bill.source.marks.map((m) => `${m.type === 'deletion' ? '-' : '+'}${m.text}`)).to.deep.equal([
        ...changes.slice(0, 4),
        '+or human trafficking, as defined in Section 236.1,',
        '+or a violation of one or more of the sections specified in subdivision (b) of Section 236.1, except violations of Section 311.1, 311.2, and 311.5,',
      ]);
    });

    it('should name the section when the bill amends one the statute lacks', () => {
      // Synthetic, written for this test, not real law.
      const bill = parseDocument('SECTION 1. Section 9999 of the Penal Code is amended to read:\n9999.\n(a) A new rule.\n', 'bill.txt');
      expect(() => compareBillToLaw(bill, law, { lawSection: '1050' })).to.throw(
        BilldiffError,
        'the bill amends Section 9999 of the Penal Code, which the statute input (ca-penal-code-1050) does not contain',
      );
    });

    it('should leave out, and count, what the bill does to sections other than the one law section it is compared with', () => {
      // Synthetic, written for this test, not real law: Sections 9999 and 9998 of the Penal Code are not in the statute input.
      const bill = parseDocument(
        'SECTION 1. Section 9999 of the Penal Code is repealed.\nSEC. 2. Section 1050 of the Penal Code is repealed.\nSEC. 3. Section 9998 of the Penal Code is amended to read:\n9998.\n(a) A new rule.\n',
        'bill.txt',
      );
      const a = compareBillToLaw(bill, law, { lawSection: '1050' });
      expect(a.summary).to.deep.include({ modified: 0, inserted: 0, deleted: 16 });
      expect(renderWdiff(a).split('\n')[0]).to.equal('[-1050.-]');
      expect(a.messages.map((m) => `${m.ruleId} ${m.place?.start.line}:${m.place?.start.column} ${m.reason}`)).to.deep.equal([
        'other-sections 1:12 2 other instructions of the bill, amending or repealing sections other than Section 1050, left out of this comparison',
      ]);
      // Without `lawSection`, the statute is not one section: each section named must be in it.
      expect(() => compareBillToLaw(bill, law)).to.throw(BilldiffError, 'the bill repeals Section 9999 of the Penal Code, which the statute input (ca-penal-code-1050) does not contain');
    });

    it('should refuse a "bill" without any instruction, with a place', () => {
      const notBill = parseDocument('(a) Just a statute.\n', 'plain.txt');
      try {
        compareBillToLaw(notBill, law, { lawSection: '1050' });
        expect.fail('no error');
      } catch (e) {
        expect(String(e)).to.equal('plain.txt:1:1: found no instruction such as "Section … of the … Code is amended to read:" in the bill');
      }
    });

    it('should show an added section as all inserted', () => {
      // Synthetic, written for this test, not real law.
      const bill = parseDocument('SECTION 1. Section 1050.2 is added to the Penal Code, to read:\n1050.2.\n(a) A new rule about continuances.\n', 'bill.txt');
      const a = compareBillToLaw(bill, law, { lawSection: '1050' });
      expect(renderWdiff(a)).to.equal('{+1050.2.+}\n{+(a) A new rule about continuances.+}\n');
    });
  });
});
