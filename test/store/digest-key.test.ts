/**
 * A California version's digest key: "Vote: majority Appropriation: no Fiscal Committee: yes Local
 * Program: no", and whether it is an urgency statute or a tax levy, as a BILL_VERSION_TBL row gives it
 * (values in the layout of ../shared/corpus/ca-pubinfo's rows), stored as JSON and read back, said on
 * the bill's page and by `billdiff bill`.
 */
import { expect } from 'chai';
import { digestKeyOf } from '../../src/import/pubinfo.js';
import { digestChanged, digestSaid, latestDigestKey, readDigestKey } from '../../src/store/reports.js';

describe('store: a California version’s digest key', () => {
  it('should read a BILL_VERSION_TBL row’s keys, and leave out those it does not give', () => {
    expect(digestKeyOf({ vote_required: 'Majority', appropriation: 'No', fiscal_committee: 'Yes', local_program: 'Yes', urgency: 'No', taxlevy: 'No' })).to.deep.equal({
      digestKey: { vote: 'majority', appropriation: false, fiscalCommittee: true, localProgram: true, urgency: false, taxLevy: false },
    });
    expect(digestKeyOf({ vote_required: 'Two Thirds', appropriation: null, fiscal_committee: 'Yes', urgency: 'Yes' })).to.deep.equal({ digestKey: { vote: 'two-thirds', fiscalCommittee: true, urgency: true } });
    // NULLs, and a value that is neither yes nor no: nothing.
    expect(digestKeyOf({ vote_required: null, appropriation: 'Maybe' })).to.deep.equal({});
    // A value longer than any key's (an untrusted row): none kept.
    expect(digestKeyOf({ vote_required: 'Majority'.repeat(20) })).to.deep.equal({});
  });
  it('should read back only the keys it knows, of the types it knows', () => {
    expect(readDigestKey('{"vote":"majority","urgency":true,"fiscalCommittee":"yes","other":1}')).to.deep.equal({ vote: 'majority', urgency: true });
    expect([readDigestKey(null), readDigestKey('not json'), readDigestKey('[]'), readDigestKey('{}')]).to.deep.equal([undefined, undefined, undefined, undefined]);
  });
  it('should say the keys in the digest’s order, what a version changed, and the bill’s as its versions last gave each', () => {
    const before = { vote: 'majority', appropriation: false, fiscalCommittee: false, localProgram: false, urgency: false, taxLevy: false };
    const after = { ...before, vote: 'two-thirds', fiscalCommittee: true, urgency: true };
    expect(digestSaid(after)).to.equal('Vote: two-thirds · Appropriation: no · Fiscal committee: yes · Local program: no · Urgency: yes · Tax levy: no');
    expect(digestChanged(before, after)).to.equal('Vote: now two-thirds (was majority); Fiscal committee: now yes (was no); Urgency: now yes (was no).');
    // Nothing changed, or a key one of them does not give: nothing said.
    expect([digestChanged(before, before), digestChanged(before, { urgency: false }), digestChanged(undefined, after)]).to.deep.equal([undefined, undefined, undefined]);
    expect(latestDigestKey([{ digestKey: before }, {}, { digestKey: { urgency: true } }])).to.deep.equal({ ...before, urgency: true });
    expect(latestDigestKey([{}, {}])).to.equal(undefined);
  });
});
