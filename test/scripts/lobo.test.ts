import fs from 'node:fs';
import { expect } from 'chai';
// @ts-expect-error: a plain ES module of the scripts, without types
import { billOf, chooseSettings, figures, groupByBill, leaveOneBillOut, objective, tally } from '../../scripts/lobo.mjs';
import { describeShared, sharedPath } from '../helpers/shared.js';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  faithful: boolean;
  exact: boolean;
}
type Config = Record<string, unknown>;

const counts = (tp: number, fp: number, fn: number): Counts => ({ tp, fp, fn, faithful: true, exact: fp === 0 && fn === 0 });

describe('scripts/lobo', () => {
  describe('#billOf', () => {
    it('should take the session, house and number of a case, leaving out the version and the unit', () => {
      expect(billOf('20250AB_083196AMD-sec02-175391')).to.equal('20250AB_0831');
      expect(billOf('20250AB_083199INT-sec01-SECTION1')).to.equal('20250AB_0831');
      expect(billOf('20250SB_027597AMD-digest')).to.equal('20250SB_0275');
    });

    it('should keep AB 1 of the regular session apart from AB 1 of the first extraordinary session', () => {
      expect(billOf('19990AB_000197AMD-digest')).to.equal('19990AB_0001');
      expect(billOf('19991AB_000197AMD-digest')).to.equal('19991AB_0001');
    });

    it('should refuse a name that is not a case', () => {
      expect(() => billOf('notes')).to.throw(/notes: not a case name/);
    });
  });

  describe('#groupByBill', () => {
    it('should group the versions and units of each bill, in name order', () => {
      const groups = groupByBill(['20250AB_165698AMD-digest', '19991AB_000194AMD-digest', '20250AB_165697AMD-sec01-SECTION1', '19990AB_000197AMD-digest']);
      expect([...groups]).to.deep.equal([
        ['19990AB_0001', ['19990AB_000197AMD-digest']],
        ['19991AB_0001', ['19991AB_000194AMD-digest']],
        ['20250AB_1656', ['20250AB_165697AMD-sec01-SECTION1', '20250AB_165698AMD-digest']],
      ]);
    });
  });

  describe('#tally and #figures', () => {
    it('should pool characters over cases (micro F1) and count an unfaithful case as a miss', () => {
      const results = new Map<string, Counts>([
        ['x', counts(8, 2, 0)],
        ['y', counts(10, 0, 0)],
        ['z', { tp: 0, fp: 0, fn: 10, faithful: false, exact: false }],
      ]);
      const t = tally(results, ['x', 'y', 'z']);
      expect(t).to.deep.equal({ cases: 3, tp: 18, fp: 2, fn: 10, exact: 1, faithful: 2 });
      const f = figures(t);
      expect(f.precision).to.equal(0.9);
      expect(f.recall).to.equal(18 / 28);
      expect(f.f1).to.equal((2 * 0.9 * (18 / 28)) / (0.9 + 18 / 28));
      expect(objective(t)).to.equal(f.f1 + 1 / 30);
    });
  });

  describe('#chooseSettings', () => {
    // Synthetic counts: a rule that helps, a threshold whose middle values score alike, a rule that changes nothing.
    const evaluate = (c: Config): Map<string, Counts> => {
      const fn = (c['helps'] ? 0 : 4) + (c['threshold'] === 0 ? 6 : c['threshold'] === 0.5 ? 3 : 0);
      return new Map([['a', counts(20, 0, fn)]]);
    };
    const space = [
      { name: 'helps', values: [false, true] },
      { name: 'threshold', values: [0, 0.1, 0.2, 0.3, 0.5] },
      { name: 'idle', values: [false, true] },
    ];

    it('should turn on a rule that scores better, take the middle of tied thresholds, and leave an idle rule off', () => {
      expect(chooseSettings(space, evaluate, ['a'])).to.deep.equal({ helps: true, threshold: 0.2, idle: false });
    });
  });

  describe('#leaveOneBillOut', () => {
    it('should score each bill under the choice made on the others', () => {
      // A rule that helps bills b1 and b2 a little and hurts bill b3 a lot: the others choose it for b1
      // and b2, and b3 is scored with it on; on all bills it stays off.
      const evaluate = (c: Config): Map<string, Counts> =>
        new Map([
          ['b1', c['rule'] ? counts(10, 0, 0) : counts(10, 0, 1)],
          ['b2', c['rule'] ? counts(10, 0, 0) : counts(10, 0, 1)],
          ['b3', c['rule'] ? counts(10, 30, 0) : counts(10, 0, 0)],
        ]);
      const groups = new Map([
        ['B1', ['b1']],
        ['B2', ['b2']],
        ['B3', ['b3']],
      ]);
      const lobo = leaveOneBillOut([{ name: 'rule', values: [false, true] }], evaluate, groups);
      expect(lobo.inSample).to.deep.equal({ rule: false });
      expect(lobo.folds.map((f: { bill: string; chosen: Config; heldOut: { exact: number } }) => [f.bill, f.chosen['rule'], f.heldOut.exact])).to.deep.equal([
        ['B1', false, 0],
        ['B2', false, 0],
        ['B3', true, 0],
      ]);
      expect(lobo.pooledHeldOut).to.deep.equal({ cases: 3, tp: 30, fp: 30, fn: 2, exact: 0, faithful: 3 });
      expect(lobo.pooledInSample).to.deep.equal({ cases: 3, tp: 30, fp: 0, fn: 2, exact: 1, faithful: 3 });
    });
  });
});

describeShared(
  'scripts/lobo on ../shared/eval/cases',
  () => {
    it('should find the 8 bills of the 56 cases', () => {
      const names = fs.readdirSync(sharedPath('eval', 'cases')).filter((n) => fs.existsSync(sharedPath('eval', 'cases', n, 'truth.json')));
      const groups = groupByBill(names);
      expect([...groups].map(([bill, cases]: [string, string[]]) => [bill, cases.length])).to.deep.equal([
        ['19990AB_0001', 5],
        ['19991AB_0001', 23],
        ['20230AB_2302', 1],
        ['20250AB_0076', 1],
        ['20250AB_0831', 11],
        ['20250AB_1656', 5],
        ['20250AB_2052', 5],
        ['20250SB_0275', 5],
      ]);
    });
  },
  'eval',
);
