import fs from 'node:fs';
import { expect } from 'chai';
import { parseDocument } from '../../src/index.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

/**
 * Who brought a bill version, as its readers find it (`DocumentMeta.authors`). The CAML and bill.dtd
 * texts here are SYNTHETIC, cut to the elements read: made-up names, not any real bill's.
 */
const caml = (authors: string) =>
  `<?xml version="1.0"?>\n<caml:MeasureDoc xmlns:caml="http://lc.ca.gov/legalservices/schemas/caml.1#"><caml:Description><caml:AuthorText authorType="LEAD_AUTHOR">Introduced by a placeholder</caml:AuthorText><caml:Authors>${authors}</caml:Authors></caml:Description><caml:Bill><p>A placeholder.</p></caml:Bill></caml:MeasureDoc>\n`;
const member = (contribution: string, house: string, name: string) =>
  `<caml:Legislator><caml:Contribution>${contribution}</caml:Contribution><caml:House>${house}</caml:House><caml:Name>${name}</caml:Name></caml:Legislator>`;
const escaped = (xml: string) => xml.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('parse: who brought a bill version (synthetic)', () => {
  it('should read a CAML version’s authors in order, by contribution and house, a committee as one', () => {
    const xml = caml(
      member('LEAD_AUTHOR', 'ASSEMBLY', 'Placeholder') +
        member('PRINCIPAL_COAUTHOR', 'SENATE', 'Example-Sample') +
        member('COAUTHOR', 'ASSEMBLY', 'Dummy') +
        '<caml:Committee><caml:Contribution>COAUTHOR</caml:Contribution><caml:House>SENATE</caml:House><caml:Name>Committee on Placeholders</caml:Name><caml:Members>Senators Placeholder (Chair) and Example</caml:Members></caml:Committee>',
    );
    const doc = parseDocument(xml, 'bill.xml');
    expect(doc.source.meta?.authors).to.deep.equal([
      { name: 'Placeholder', role: 'lead author', house: 'Assembly' },
      { name: 'Example-Sample', role: 'principal coauthor', house: 'Senate' },
      { name: 'Dummy', role: 'coauthor', house: 'Assembly' },
      { name: 'Committee on Placeholders', role: 'coauthor', house: 'Senate', committee: true },
    ]);
    // Their names are not the bill's text.
    expect(JSON.stringify(doc.tree)).not.to.contain('Placeholder (Chair)');
  });

  it('should read the authors of a version as printed, or before its change marks', () => {
    // A lead author struck out and another inserted, as a gut and amend prints it.
    const xml = caml(`<?xm-deletion_mark data="${escaped(member('LEAD_AUTHOR', 'ASSEMBLY', 'Before'))}"?><?xm-insertion_mark_start?>${member('LEAD_AUTHOR', 'ASSEMBLY', 'After')}<?xm-insertion_mark_end?>${member('COAUTHOR', 'SENATE', 'Both')}`);
    expect(parseDocument(xml, 'bill.xml').source.meta?.authors).to.deep.equal([
      { name: 'After', role: 'lead author', house: 'Assembly' },
      { name: 'Both', role: 'coauthor', house: 'Senate' },
    ]);
    expect(parseDocument(xml, 'bill.xml', { marks: 'before' }).source.meta?.authors).to.deep.equal([
      { name: 'Before', role: 'lead author', house: 'Assembly' },
      { name: 'Both', role: 'coauthor', house: 'Senate' },
    ]);
  });

  it('should read a federal bill’s sponsor and cosponsors from its form, each once, as printed, and none from its text', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd"><bill bill-stage="Introduced-in-House"><form><congress>999th CONGRESS</congress>' +
      '<action><action-desc><sponsor name-id="P000001">Mr. <inline class="smallCaps">Placeholder</inline> of Nowhere</sponsor> (for himself and <cosponsor name-id="E000001">Ms. <inline class="smallCaps">Example</inline></cosponsor>) introduced the following bill</action-desc></action>' +
      '<action><action-desc><cosponsor name-id="E000001">Ms. <inline class="smallCaps">Example</inline></cosponsor> and <cosponsor name-id="D000001">Mr. Dummy</cosponsor> added</action-desc></action>' +
      '<official-title>To placehold.</official-title></form><legis-body><section><enum>1.</enum><text>A <sponsor>Mr. Not</sponsor> placeholder.</text></section></legis-body></bill>';
    expect(parseDocument(xml, 'bill.xml').source.meta?.authors).to.deep.equal([
      { name: 'Mr. Placeholder of Nowhere', role: 'sponsor' },
      { name: 'Ms. Example', role: 'cosponsor' },
      { name: 'Mr. Dummy', role: 'cosponsor' },
    ]);
  });

  it('should leave out of a name the control characters a terminal would read as commands', () => {
    const xml = caml(member('LEAD_AUTHOR', 'ASSEMBLY', 'Place\u009b31mholder  Example'));
    expect(parseDocument(xml, 'bill.xml').source.meta?.authors).to.deep.equal([{ name: 'Place31mholder Example', role: 'lead author', house: 'Assembly' }]);
  });

  it('should name no one where a version names no one', () => {
    expect(parseDocument(caml(''), 'bill.xml').source.meta?.authors).to.equal(undefined);
  });
});

describeShared('parse: who brought AB 831 (2025), before and after its gut and amend (ca-pubinfo sample)', () => {
  it('should read Assembly Member Ramos struck out as lead author, and Assembly Member Valencia put in', () => {
    const file = sharedPath('corpus', 'ca-pubinfo', 'mini', 'BILL_VERSION_TBL_5925.lob');
    const xml = fs.readFileSync(file, 'utf8');
    expect(parseDocument(xml, file, { format: 'caml' }).source.meta?.authors).to.deep.equal([{ name: 'Valencia', role: 'lead author', house: 'Assembly' }]);
    expect(parseDocument(xml, file, { format: 'caml', marks: 'before' }).source.meta?.authors).to.deep.equal([{ name: 'Ramos', role: 'lead author', house: 'Assembly' }]);
  });
});
