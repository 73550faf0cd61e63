import { expect } from 'chai';
import { parseAction } from '../../src/index.js';

describe('amend/california', () => {
  describe('#parseAction', () => {
    it('should read an amending instruction', () => {
      expect(parseAction('Section 1050 of the Penal Code is amended to read:')).to.deep.equal({
        type: 'action',
        value: 'Section 1050 of the Penal Code is amended to read:',
        action: 'amend',
        sections: ['1050'],
        code: 'Penal Code',
      });
    });

    it('should read an adding instruction and its code', () => {
      expect(parseAction('Section 7282.7 is added to the Government Code, to read:')).to.deep.equal({
        type: 'action',
        value: 'Section 7282.7 is added to the Government Code, to read:',
        action: 'add',
        sections: ['7282.7'],
        code: 'Government Code',
      });
    });

    it('should read several sections', () => {
      expect(parseAction('Sections 7282 and 7282.5 of the Government Code are amended to read:')?.sections).to.deep.equal(['7282', '7282.5']);
    });

    it('should read a repeal and a code whose name has "and" in it', () => {
      expect(parseAction('Section 11369 of the Health and Safety Code is repealed.')).to.deep.include({
        action: 'repeal',
        sections: ['11369'],
        code: 'Health and Safety Code',
      });
    });

    it('should read an added chapter by the section it commences with', () => {
      expect(
        parseAction('Chapter 17.25 (commencing with Section 7284) is added to Division 7 of Title 1 of the Government Code, to read:'),
      ).to.deep.include({ action: 'add', sections: ['7284'], code: 'Government Code' });
    });

    it('should not take an ordinary sentence for an instruction', () => {
      expect(parseAction('Section 1050 of the Penal Code requires that cases be heard promptly.')).to.equal(undefined);
      expect(parseAction('The court is amended to read nothing.')).to.equal(undefined);
    });
  });
});

describe('amend/california #findAmendments', () => {
  it('should read what the action line of a CAML bill says, with the section printed after it', async () => {
    const { parseDocument } = await import('../../src/index.js');
    const { findAmendments } = await import('../../src/amend/california.js');
    const { readBill } = await import('../helpers/paths.js');
    const bill = parseDocument(readBill('ca/ca-ab1656-2025-introduced.xml'), 'ca-ab1656-2025-introduced');
    const found = findAmendments(bill.tree);
    expect(found.map((a) => ({ action: a.action.action, sections: a.action.sections, code: a.action.code, quoted: a.sections.map((s) => s.id) }))).to.deep.equal([
      { action: 'amend', sections: ['1050'], code: 'Penal Code', quoted: ['sec1/s1050'] },
    ]);
    expect(found[0]!.node.type).to.equal('action');
  });
});
