import fs from 'node:fs';
import { expect } from 'chai';
import { federalFacts } from '../../src/import/documents.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

/**
 * The metadata a govinfo file opens with, cut to the elements `federalFacts` reads. SYNTHETIC: made
 * here in the shape of the real files below; the titles are placeholders, not real bills' titles.
 */
function head({ title, citable = [], congress, stage }: { title?: string; citable?: string[]; congress?: string; stage?: string }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?><bill xmlns:dc="http://purl.org/dc/elements/1.1/"><meta>',
    title ? `<dc:title>${title}</dc:title>` : '',
    ...citable.map((c) => `<citableAs>${c}</citableAs>`),
    congress ? `<congress>${congress}</congress>` : '',
    stage ? `<docStage>${stage}</docStage>` : '',
    '</meta></bill>',
  ].join('\n');
}

/** The facts as one line: id, bill, stage, title. */
function facts(h: string, file: string): string {
  const f = federalFacts(h, file);
  if (typeof f === 'string') return f;
  return `${f.id} | ${f.bill.jurisdiction}-${f.bill.session}-${f.bill.type}${f.bill.number} | ${f.stage} | ${f.title ?? '-'}`;
}

describe('import/documents: a federal file’s bill, version and stage (synthetic metadata)', () => {
  it('should read the bill and version from the dc:title, with or without the version code', () => {
    expect(facts(head({ title: '116 HR 1058 RDS: A placeholder title.' }), 'x.xml')).to.equal('BILLS-116hr1058rds | us-116-HR1058 | Received in Senate | A placeholder title.');
    // The Senate's files: "116 S 2245 : …" gives no version; the file name S2245_IS.XML does.
    expect(facts(head({ title: '116 S 2245 : A placeholder title.', congress: '116' }), 'S2245_IS.XML')).to.equal('BILLS-116s2245is | us-116-S2245 | Introduced in Senate | A placeholder title.');
  });

  it('should read an engrossed amendment’s ordinal from its citableAs or its file name, and keep it', () => {
    const amendments = head({ title: 'AMENDMENTS to 115 HR 1', citable: ['115 HR 1 EAS 2', '115hr1eas2', '115 H. R. 1 EAS 2'], stage: 'Engrossed Amendment Senate' });
    expect(facts(amendments, 'any-name.xml')).to.equal('BILLS-115hr1eas2 | us-115-HR1 | Engrossed Amendment Senate 2 | -');
    expect(facts(head({}), 'BILLS-115hr1eas2.xml')).to.equal('BILLS-115hr1eas2 | us-115-HR1 | Engrossed Amendment Senate 2 | -');
    expect(facts(head({}), 'BILLS-115hr1eas.xml')).to.equal('BILLS-115hr1eas | us-115-HR1 | Engrossed Amendment Senate | -');
  });

  it('should file public and private laws as laws of their Congress', () => {
    expect(facts(head({ title: 'Public Law 113-287: A placeholder title.' }), 'x.xml')).to.equal('PLAW-113publ287 | us-113-PL287 | Public Law | A placeholder title.');
    expect(facts(head({}), 'PLAW-113publ287.xml')).to.equal('PLAW-113publ287 | us-113-PL287 | Public Law | -');
    expect(facts(head({ title: 'Private Law 112–1: A placeholder title.', citable: ['Private Law 112–1'] }), 'x.xml')).to.equal('PLAW-112pvtl1 | us-112-PVTL1 | Private Law | A placeholder title.');
    expect(facts(head({}), '112pvtl001-uslm.xml')).to.equal('PLAW-112pvtl1 | us-112-PVTL1 | Private Law | -');
  });

  it('should refuse, saying what it looked for, a file that names no bill', () => {
    const reason = 'not a federal bill this import can name (no dc:title such as "116 HR 1058 RDS: …", no citableAs such as "115 HR 1 EAS 2", and no file name such as BILLS-116hr1058rds.xml)';
    expect(facts(head({ title: 'Rules Committee Print 114-4' }), 'CPRT-114-HPRT-RU00-HR50.xml')).to.equal(reason);
    // A bill named without its Congress: S2245_IS.XML with no <congress>.
    expect(facts(head({ title: 'A placeholder title.' }), 'S2245_IS.XML')).to.equal(reason);
  });
});

describeShared('import/documents: govinfo files the earlier import could not name (../shared/corpus/us/bills)', () => {
  const real = (file: string) => facts(fs.readFileSync(sharedPath('corpus', 'us', 'bills', file)).subarray(0, 16384).toString('utf8'), file.replace(/^.*\//, ''));

  it('should name 115 H.R. 1 EAS 2, 116 S. 2245 IS and Private Law 112-1', () => {
    expect(real('115-hr1/BILLS-115hr1eas2.xml')).to.equal('BILLS-115hr1eas2 | us-115-HR1 | Engrossed Amendment Senate 2 | -');
    expect(real('116-s2245/S2245_IS.XML')).to.equal(
      'BILLS-116s2245is | us-116-S2245 | Introduced in Senate | To cap noninterest Federal spending as a percentage of potential GDP to right-size the Government, grow the economy, and balance the budget.',
    );
    expect(real('112-pvtl1/112pvtl001-uslm.xml')).to.equal('PLAW-112pvtl1 | us-112-PVTL1 | Private Law | For the relief of Sopuruchi Chukwueke.');
  });

  it('should still refuse the Rules Committee prints, which are no bill’s version', () => {
    expect(real('114-hr50/CPRT-114-HPRT-RU00-HR50.xml')).to.match(/^not a federal bill this import can name/);
    expect(real('114-hr636/RCP-114-6-hr636.xml')).to.match(/^not a federal bill this import can name/);
  });
});
